"""Safe, bounded YAML loading whose errors point at a line and column.

Only the safe subset is ever constructed: a file passed around between offices cannot run
code. Every load is bounded before anything is built from it: file size, number of nodes,
nesting depth; anchors and aliases (&a / *a) are refused, since answers and outline files
have no use for them and nested aliases expand exponentially (a few hundred bytes can stand
for billions of items). Values YAML cannot represent (2025-02-30, a 5,000-digit count) and
repeated keys are errors naming the key, line and column.

Where a key stood is worked out only when an error needs it (`YamlDoc.mark`): loading keeps
the parsed node tree and walks it on demand instead of recording every node's position.
"""

from __future__ import annotations

import codecs
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

import yaml
from yaml.constructor import SafeConstructor
from yaml.resolver import Resolver

from drafter.errors import InputFileError, YamlError
from drafter.files.fsutil import MB, read_input

KeyPath = tuple[str | int, ...]

MAX_YAML_BYTES = 4 * MB
MAX_NODES = (
    20_000  # the largest learned outline has ~1,600 nodes; a 125-section answers file ~1,000
)
MAX_SHOWN_PARTS = 12  # a longer key path is shown by its ends
MAX_INT_CHARS = 30  # an integer written longer is no count or year (an ID number has 18)
MAX_DEPTH = 50  # sections nested 20 deep still fit; anything deeper is not an answers file
_STRUCTURAL = ":?,{[-"  # every node but the root is announced by one of these (see _node_bound)
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_ALIAS_HINT = "答案和大纲文件不需要锚点（&名称）和别名（*名称）：请把内容直接写出来。"

# libyaml's C parser when PyYAML was built with it: same safe subset, far faster on long answers.
try:
    from yaml._yaml import CParser as _CParser
except ImportError:  # pragma: no cover - PyYAML built without libyaml
    _CParser = None  # type: ignore[assignment,misc]


@dataclass
class YamlDoc:
    """A loaded YAML document; `root` is its node tree, kept to locate errors on demand."""

    path: Path
    data: Any
    root: yaml.Node | None = field(default=None, repr=False)
    text: str | None = field(default=None, repr=False)  # to find lines when loaded from the cache
    key: str | None = None  # the cache key of drafter's own files (see drafter.files.cache), else None

    def mark(self, keypath: KeyPath) -> tuple[int, int] | None:
        """(line, column), 1-based, of the deepest node along `keypath` (a key's own position
        for a mapping key); None for an empty document."""
        if self.root is None and self.text is not None:
            self.root = parse_yaml(self.text, self.path).root
        node = self.root
        if node is None:
            return None
        mark = node.start_mark
        for part in keypath:
            child = _child(node, part)
            if child is None:
                break
            mark, node = child
        return mark.line + 1, mark.column + 1

    def error(self, keypath: KeyPath, problem: str, *, hint: str = "") -> YamlError:
        """A YamlError for the value at `keypath`, located at the nearest known line."""
        where = describe_keypath(keypath)
        text = f"{where}：{problem}" if where else problem
        line, col = self.mark(keypath) or (None, None)
        return YamlError(self.path, text, line=line, column=col, hint=hint)


def _child(node: yaml.Node, part: str | int) -> tuple[yaml.Mark, yaml.Node] | None:
    """The (mark, node) that `part` names inside `node`: a key's position and its value."""
    if isinstance(node, yaml.MappingNode) and isinstance(part, str):
        for key_node, value_node in node.value:
            if isinstance(key_node, yaml.ScalarNode) and key_node.value == part:
                return key_node.start_mark, value_node
    elif (
        isinstance(node, yaml.SequenceNode)
        and isinstance(part, int)
        and 0 <= part < len(node.value)
    ):
        item = node.value[part]
        return item.start_mark, item
    return None


def describe_keypath(keypath: KeyPath) -> str:
    """Render ("sections", 2, "heading") as sections[2].heading; a very deep path, or a very
    long key, is shortened."""
    parts = [
        f"[{p}]" if isinstance(p, int) else (f".{_short(p)}" if i else _short(p))
        for i, p in enumerate(keypath)
    ]
    if len(parts) > MAX_SHOWN_PARTS:
        parts = [*parts[:4], "…", *parts[-4:], f"（共 {len(parts)} 层）"]
    return "".join(parts)


def _short(key: str, limit: int = 30) -> str:
    key = " ".join(key.split())
    return key if len(key) <= limit else key[:limit] + "…"


def _keypath_of(root: yaml.Node, target: yaml.Node) -> KeyPath:
    """The key path at which `target` stands in the tree (found when an error needs it)."""
    stack: list[tuple[yaml.Node, KeyPath]] = [(root, ())]
    seen: set[int] = set()
    while stack:
        node, path = stack.pop()
        if node is target:
            return path
        if id(node) in seen:
            continue
        seen.add(id(node))
        # In document order, so a node reached twice is found where it was written first.
        stack.extend((child, path + (part,)) for part, child in reversed(_children(node)))
    return ()


def _children(node: yaml.Node) -> list[tuple[str | int, yaml.Node]]:
    if isinstance(node, yaml.MappingNode):
        out: list[tuple[str | int, yaml.Node]] = []
        for key_node, value_node in node.value:
            key = key_node.value if isinstance(key_node, yaml.ScalarNode) else "?"
            out += [(key, key_node), (key, value_node)]
        return out
    if isinstance(node, yaml.SequenceNode):
        return list(enumerate(node.value))
    return []


# --- limits --------------------------------------------------------------------------------


class _NodeProblem(Exception):
    """A problem found at one node; turned into a YamlError with that node's key path."""

    def __init__(self, node: yaml.Node, problem: str, hint: str = "") -> None:
        super().__init__(problem)
        self.node = node
        self.problem = problem
        self.hint = hint


def _node_bound(text: str) -> int:
    """An upper bound on the number of nodes, from characters alone (C speed).

    Every node but the root is a mapping key or value (announced by ":", "?", "," or "{"),
    or a sequence item (announced by "-", "," or "["); a key and its value count twice.
    """
    return 1 + 2 * sum(text.count(ch) for ch in _STRUCTURAL)


def _count_nodes(text: str, limit: int) -> int:
    """The exact number of nodes, counted from parser events, stopping past `limit`."""
    loader = _Loader(text)
    count = 0
    try:
        while count <= limit and loader.check_event():
            event = loader.get_event()
            if isinstance(event, (yaml.ScalarEvent, yaml.CollectionStartEvent, yaml.AliasEvent)):
                count += 1
    finally:
        loader.dispose()
    return count


def _check_tree(root: yaml.Node, *, aliases_possible: bool) -> None:
    """Refuse nesting deeper than MAX_DEPTH and, when the text has a "*", aliases (a node
    reached twice); linear time. Without aliases only collections need a visit."""
    stack: list[tuple[yaml.Node, int]] = [(root, 0)]
    seen: set[int] = set()
    while stack:
        node, depth = stack.pop()
        if aliases_possible:
            if id(node) in seen:
                raise _NodeProblem(
                    node, "不支持 YAML 锚点和别名：这里定义的内容在别处被引用（*）。", _ALIAS_HINT
                )
            seen.add(id(node))
        if depth > MAX_DEPTH:
            raise _NodeProblem(
                node,
                f"嵌套超过 {MAX_DEPTH} 层。",
                "答案和大纲文件用不到这么深的层次，请检查缩进或括号。",
            )
        depth += 1
        if isinstance(node, yaml.MappingNode):
            for key_node, value_node in node.value:
                if aliases_possible or not isinstance(key_node, yaml.ScalarNode):
                    stack.append((key_node, depth))
                if aliases_possible or not isinstance(value_node, yaml.ScalarNode):
                    stack.append((value_node, depth))
        elif isinstance(node, yaml.SequenceNode):
            stack.extend(
                (item, depth)
                for item in node.value
                if aliases_possible or not isinstance(item, yaml.ScalarNode)
            )


class _Constructor(SafeConstructor):
    """SafeConstructor that refuses repeated keys.

    PyYAML keeps the last of two equal keys silently, which in a hand-edited answers file
    would quietly drop the first section text.
    """

    def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> dict[Any, Any]:
        mapping = super().construct_mapping(node, deep)
        if len(mapping) < len(node.value):
            _refuse_repeated_key(node)
        return mapping

    def construct_yaml_int(self, node: yaml.ScalarNode) -> int:
        """An integer, refused when longer than any count or year (MAX_INT_CHARS characters)."""
        if len(node.value) > MAX_INT_CHARS:
            raise _NodeProblem(node, _bad_value(node, ValueError("too many digits")))
        return int(super().construct_yaml_int(node))


_Constructor.add_constructor("tag:yaml.org,2002:int", _Constructor.construct_yaml_int)  # type: ignore[type-var]


def _refuse_repeated_key(node: yaml.MappingNode) -> None:
    first: dict[str, yaml.Node] = {}
    for key_node, _ in node.value:
        key = str(key_node.value)
        if key in first:
            line = first[key].start_mark.line + 1
            raise _NodeProblem(
                key_node,
                f"键“{key}”重复出现（第{line}行已有），后一个会覆盖前一个。",
                "请合并为一个或删去其中一个。",
            )
        first[key] = key_node


def _bad_value(node: yaml.Node, exc: Exception) -> str:
    text = str(node.value) if isinstance(node, yaml.ScalarNode) else ""
    shown = text if len(text) <= 30 else f"{text[:12]}…（共 {len(text)} 个字符）"
    if node.tag.endswith(":timestamp"):
        reason = str(exc)
        why = (
            "日超出当月天数"
            if "day" in reason
            else "月份应为 1—12"
            if "month" in reason
            else "不是日期"
        )
        return f"日期“{shown}”不存在（{why}）。"
    if node.tag.endswith(":int") and "digits" in str(exc):
        return f"数字“{shown}”太大，无法读取。"
    return f"无法按 {node.tag.rsplit(':', 1)[-1]} 类型读取“{shown}”。"


if _CParser is not None:

    class _Loader(_CParser, _Constructor, Resolver):
        """libyaml's parser and composer with the bounded constructor."""

        def __init__(self, stream: str) -> None:
            _CParser.__init__(self, stream)
            _Constructor.__init__(self)
            Resolver.__init__(self)

else:  # pragma: no cover - PyYAML built without libyaml

    class _Loader(  # type: ignore[no-redef]
        yaml.reader.Reader,
        yaml.scanner.Scanner,
        yaml.parser.Parser,
        yaml.composer.Composer,
        _Constructor,
        Resolver,
    ):
        """The pure-Python parser and composer with the bounded constructor."""

        def __init__(self, stream: str) -> None:
            yaml.reader.Reader.__init__(self, stream)
            yaml.scanner.Scanner.__init__(self)
            yaml.parser.Parser.__init__(self)
            yaml.composer.Composer.__init__(self)
            _Constructor.__init__(self)
            Resolver.__init__(self)


# --- loading -------------------------------------------------------------------------------


def parse_yaml(text: str, path: Path) -> YamlDoc:
    """Parse YAML text safely and within bounds; every problem is a YamlError with line and column."""
    if len(text) > MAX_YAML_BYTES:
        raise YamlError(
            path, f"内容太长（{len(text)} 个字符），YAML 文件不应超过 {MAX_YAML_BYTES // MB} MB。"
        )
    if _node_bound(text) > MAX_NODES and _count_nodes_safely(text, path) > MAX_NODES:
        raise YamlError(
            path,
            f"内容项超过 {MAX_NODES} 个，不像答案或大纲文件。",
            hint="请确认给出的是正确的文件。",
        )
    loader = _Loader(text)
    root = None
    try:
        root = loader.get_single_node()
        if root is None:
            return YamlDoc(path, None, None)
        _check_tree(root, aliases_possible="*" in text)
        return YamlDoc(path, _construct(loader, root), root)
    except yaml.YAMLError as exc:
        raise _syntax_error(path, exc) from None
    except _NodeProblem as exc:
        raise _problem_error(path, root, exc) from None
    except RecursionError:  # only the pure-Python parser recurses (libyaml stops at 1,000 levels)
        raise YamlError(path, "嵌套层数太多。", hint="请检查缩进或括号。") from None
    finally:
        loader.dispose()


def _construct(loader: _Loader, root: yaml.Node) -> Any:
    """Build the values; a scalar that cannot become one names its node.

    Besides values out of range (2025-02-30, a 5,000-digit number), explicit tags on the wrong
    text (`!!bool 也许`, `!!timestamp 昨天`) fail inside PyYAML with KeyError, AttributeError
    or TypeError. The constructor leaves the node it was building in `recursive_objects`.
    """
    try:
        return loader.construct_document(root)
    except (ValueError, OverflowError, TypeError, KeyError, AttributeError) as exc:
        node = next(reversed(loader.recursive_objects), root)
        raise _NodeProblem(node, _bad_value(node, exc)) from exc


def _count_nodes_safely(text: str, path: Path) -> int:
    try:
        return _count_nodes(text, MAX_NODES)
    except yaml.YAMLError as exc:
        raise _syntax_error(path, exc) from None


# PyYAML's problems in Chinese: (start of its message, what it means, what to do). A problem
# not listed is still reported in Chinese, by its line and column alone.
_SYNTAX_PROBLEMS = (
    ("could not find expected ':'", "这一行缺少“键: 值”中的冒号", "键后面要写“: ”（冒号加空格）；含冒号的文字请加引号"),
    ("mapping values are not allowed", "这里不能出现“键: 值”", "常见原因：冒号后少了空格、文字中有冒号却没加引号、缩进不齐"),
    ("did not find expected key", "缩进不齐，或少了键", "同一层的键要左对齐，用空格缩进"),
    ("did not find expected node content", "这里缺少内容", "检查上一行的冒号、短横线（- ）和括号"),
    ("did not find expected '-' indicator", "列表项缩进不齐", "同一列表的每一项都以“- ”开头并左对齐"),
    ("did not find expected ',' or ']'", "方括号列表没有正确结束", "各项之间用英文逗号分隔，最后写“]”"),
    ("did not find expected ',' or '}'", "花括号没有正确结束", "各项之间用英文逗号分隔，最后写“}”"),
    ("expected <block end>", "缩进不齐", "同一层的内容要左对齐"),
    ("expected a comment or a line break", "值的后面还有多余的内容", "含空格、冒号或 # 的文字请加引号"),
    ("found character '\t'", "用了 Tab 键缩进", "YAML 只能用空格缩进"),
    ("that cannot start any token", "这里有不能作为开头的字符（Tab 缩进，或以 @、` 开头的文字）", "用空格缩进；以特殊符号开头的文字请加引号"),
    ("found unexpected end of stream", "文件意外结束", "检查引号、括号是否成对"),
    ("found unknown escape character", "双引号中有无法识别的转义（\\ 后面的字符）", "改用单引号，或把 \\ 写成 \\\\"),
    ("unacceptable character", "含有不允许的控制字符", "删除看不见的特殊字符后再保存"),
    ("found undefined alias", "用了未定义的别名（*）", "答案和大纲文件不用别名，请删掉 * 开头的内容"),
    ("found unexpected ':'", "这里出现了多余的冒号", "含冒号的文字请加引号"),
)


def _syntax_error(path: Path, exc: yaml.YAMLError) -> YamlError:
    """A YAML syntax problem in Chinese, at its line and column (never PyYAML's English)."""
    problem, hint = "YAML 格式错误", "按行列号检查缩进、冒号后的空格和引号是否成对。"
    if isinstance(exc, yaml.MarkedYAMLError):
        said = f"{exc.problem or ''} {exc.context or ''}"
        for start, meaning, what_to_do in _SYNTAX_PROBLEMS:
            if start in said:
                problem, hint = f"YAML 格式错误：{meaning}", what_to_do + "。"
                break
        mark = exc.problem_mark or exc.context_mark
        if mark is not None:
            return YamlError(path, problem + "。", line=mark.line + 1, column=mark.column + 1, hint=hint)
    return YamlError(path, problem + "。", hint=hint)


def _problem_error(path: Path, root: yaml.Node | None, exc: _NodeProblem) -> YamlError:
    keypath = _keypath_of(root, exc.node) if root is not None else ()
    where = describe_keypath(keypath)
    mark = exc.node.start_mark
    text = f"{where}：{exc.problem}" if where else exc.problem
    return YamlError(path, text, line=mark.line + 1, column=mark.column + 1, hint=exc.hint)


def decode_yaml(raw: bytes, path: Path) -> str:
    """UTF-8 (with or without BOM), or UTF-16/32 with a BOM; anything else is a clear error."""
    for bom, encoding in _BOMS:
        if raw.startswith(bom):
            try:
                return raw.decode(encoding)
            except UnicodeDecodeError:
                break
    if b"\x00" in raw:
        if _looks_like_utf16(raw):
            raise InputFileError(
                path,
                "像是没有 BOM 的 UTF-16 文本，无法识别。",
                hint="请用记事本“另存为”，编码选 UTF-8。",
            )
        raise InputFileError(path, "这是二进制文件，不是 YAML 文本。")
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise InputFileError(
            path,
            f"不是 UTF-8 编码的文本（第 {exc.start + 1} 个字节无法识别，可能是 GBK）。",
            hint="请用记事本“另存为”，编码选 UTF-8 后再试。",
        ) from None


def _looks_like_utf16(raw: bytes) -> bool:
    """Whether bytes with NULs read as YAML text in UTF-16 saved without a BOM: printable,
    with the colons or line breaks any YAML file has."""
    for encoding in ("utf-16-le", "utf-16-be"):
        try:
            text = raw.decode(encoding)
        except UnicodeDecodeError:
            continue
        printable = sum(ch.isprintable() or ch in "\r\n\t" for ch in text) >= 0.95 * len(text)
        if printable and (":" in text or "\n" in text):
            return True
    return False


def load_yaml(path: Path) -> YamlDoc:
    """Read and parse a YAML file; unreadable, binary, too large or oddly encoded files are user errors.

    drafter's own shipped files are parsed once per content and kept in the user cache
    (drafter.files.cache); every other file is parsed each time.
    """
    raw = read_input(path, "YAML 文件", limit=MAX_YAML_BYTES)
    if not _shipped(path):
        return parse_yaml(decode_yaml(raw, path), path)
    from drafter.files import cache

    key = cache.key_of(raw)
    text = decode_yaml(raw, path)
    data = cache.load(key)
    if data is not None:
        return YamlDoc(path, data, None, text, key)
    doc = parse_yaml(text, path)
    cache.store(key, doc.data)
    doc.key = key
    return doc


def _shipped(path: Path) -> bool:
    """Whether `path` is one of drafter's own outline files (installed with the package)."""
    try:
        return path.resolve().is_relative_to(shipped_outlines_dir())
    except (OSError, ValueError):
        return False


@cache
def shipped_outlines_dir() -> Path:
    """The outlines shipped inside the package (drafter.outlines), wherever drafter is installed;
    resolved once per process (asked for every load).

    The repository keeps them in its top-level outlines/ folder; the build maps that folder into
    the package (pyproject.toml), so a wheel, pipx and an editable install all find them here.
    They are read as files, so the package's own folder is used (importlib.resources would
    cost every run a few milliseconds of imports for the same path).
    """
    import importlib

    package = importlib.import_module("drafter.outlines")
    return Path(str(package.__file__)).parent.resolve()
