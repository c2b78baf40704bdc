"""Safe YAML loading that remembers where every value stood, so errors can point at a line.

Only `yaml.SafeLoader` is ever used: a file passed around between offices cannot run code.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from drafter.errors import InputFileError, YamlError
from drafter.fsutil import read_input

KeyPath = tuple[str | int, ...]

# libyaml's C parser and emitter when PyYAML was built with it: same safe subset, far faster
# on long answers.
_SafeLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_SafeDumperBase = getattr(yaml, "CSafeDumper", yaml.SafeDumper)


@dataclass
class YamlDoc:
    """A loaded YAML document and the (line, column) of each key path in it, 1-based."""

    path: Path
    data: Any
    marks: dict[KeyPath, tuple[int, int]]

    def error(self, keypath: KeyPath, problem: str, *, hint: str = "") -> YamlError:
        """A YamlError for the value at `keypath`, located at the nearest known line."""
        for n in range(len(keypath), -1, -1):
            mark = self.marks.get(keypath[:n])
            if mark:
                break
        where = describe_keypath(keypath)
        text = f"{where}：{problem}" if where else problem
        line, col = mark if mark else (None, None)
        return YamlError(self.path, text, line=line, column=col, hint=hint)


def describe_keypath(keypath: KeyPath) -> str:
    """Render ("sections", 2, "heading") as sections[2].heading."""
    out = ""
    for part in keypath:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out


def _collect_marks(
    node: yaml.Node, path: KeyPath, marks: dict[KeyPath, tuple[int, int]], file: Path
) -> None:
    """Record where each key path stands; a key repeated in one mapping is an error.

    PyYAML keeps the last of two equal keys silently, which in a hand-edited answers file
    would quietly drop the first section text.
    """
    marks.setdefault(path, (node.start_mark.line + 1, node.start_mark.column + 1))
    if isinstance(node, yaml.MappingNode):
        for key_node, value_node in node.value:
            key = key_node.value if isinstance(key_node, yaml.ScalarNode) else str(key_node.value)
            line, col = key_node.start_mark.line + 1, key_node.start_mark.column + 1
            if path + (key,) in marks:
                first = marks[path + (key,)][0]
                raise YamlError(
                    file, f"键“{key}”重复出现（第{first}行已有），后一个会覆盖前一个。",
                    line=line, column=col, hint="请合并为一个或删去其中一个。",
                )
            marks[path + (key,)] = (line, col)
            _collect_marks(value_node, path + (key,), marks, file)
    elif isinstance(node, yaml.SequenceNode):
        for i, item in enumerate(node.value):
            _collect_marks(item, path + (i,), marks, file)


def parse_yaml(text: str, path: Path) -> YamlDoc:
    """Parse YAML text safely; malformed YAML becomes a YamlError with line and column."""
    loader = _SafeLoader(text)
    try:
        node = loader.get_single_node()
        data = loader.construct_document(node) if node is not None else None
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        problem = f"YAML 格式错误（{exc.problem or exc.context}）"
        if mark is None:
            raise YamlError(path, problem) from exc
        raise YamlError(path, problem, line=mark.line + 1, column=mark.column + 1) from exc
    except yaml.YAMLError as exc:
        raise YamlError(path, f"YAML 格式错误（{exc}）") from exc
    finally:
        loader.dispose()
    marks: dict[KeyPath, tuple[int, int]] = {}
    if node is not None:
        _collect_marks(node, (), marks, path)
    return YamlDoc(path, data, marks)


def load_yaml(path: Path) -> YamlDoc:
    """Read and parse a YAML file; unreadable, binary or non-UTF-8 files are user errors."""
    raw = read_input(path, "YAML 文件")
    if b"\x00" in raw:
        raise InputFileError(path, "这是二进制文件，不是 YAML 文本。")
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputFileError(path, "不是 UTF-8 编码的文本。", hint="请用 UTF-8 编码另存后再试。") from exc
    return parse_yaml(text, path)


def dump_yaml(data: Any) -> str:
    """Dump data as readable YAML: Chinese kept as is, key order kept, long text as blocks."""
    return yaml.dump(data, Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=1000)


class _Dumper(_SafeDumperBase):  # type: ignore[misc,valid-type]
    """SafeDumper that writes multi-line strings as | blocks."""


def _str_representer(dumper: yaml.BaseDumper, value: str) -> yaml.ScalarNode:
    style = "|" if "\n" in value else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


_Dumper.add_representer(str, _str_representer)
