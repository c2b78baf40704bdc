"""Answers files: the user's facts for one report, validated, layered and saved atomically.

An answers file is plain YAML (docs/formats.md). A key that is present has been answered,
even when empty; a key that is absent is still to be asked. That is what lets the wizard
resume after Ctrl-C and ask only what is missing.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import ChainMap
from pathlib import Path
from typing import Any

from drafter.errors import MissingAnswersError
from drafter.fsutil import write_atomic
from drafter.outline import Library, Outline, OutlineSection
from drafter.schema import ANY, Map, OneOf, Opt, validate
from drafter.yamlio import KeyPath, YamlDoc, dump_yaml, load_yaml

HEADER = "# drafter 答案文件：可手工修改，再用 drafter render 生成文档；用 drafter new --answers 继续填写。\n"
MAX_COUNT = 100_000
SECTION_KEYS = ("topic", "heading", "run_in", "measures", "numbers", "text", "children")

_TYPE_SCHEMA: dict[str, Any] = {
    "text": str,
    "multiline": str,
    "autocomplete": str,
    "select": str,
    "int": int,
    "confirm": bool,
    "checkbox": [str],
    "date": OneOf((str, dt.date)),
}


def _section_schema() -> dict[str, Any]:
    section: dict[str, Any] = {
        "topic": Opt(str),
        "heading": str,
        "run_in": Opt(bool),
        "measures": Opt([OneOf((str, {"item": str, "detail": Opt(str)}))]),
        "numbers": Opt(Map(OneOf((int, type(None))))),
        "text": Opt(str),
        "extra": Opt(Map(ANY)),
    }
    section["children"] = Opt([section])
    return section


def answers_schema(library: Library) -> dict[str, Any]:
    """The answers-file schema: fixed keys plus one per basic question of questions.yaml."""
    schema: dict[str, Any] = {
        "outline": str,
        "from": Opt(str),  # last period's report or answers file (`drafter new --from`)
        "opening": Opt(str),
        "sections": Opt([_section_schema()]),
        "closing": Opt(str),
        "signature": Opt(OneOf((str, [str]))),
    }
    for q in library.questions["basics"]:
        schema.setdefault(q["name"], Opt(_TYPE_SCHEMA.get(q["type"], ANY)))
    return schema


def check_answers(doc: YamlDoc, library: Library) -> Outline:
    """Validate a loaded answers document against its outline; return that outline."""
    if not isinstance(doc.data, dict):
        raise doc.error((), "答案文件应为映射（键: 值），顶层却不是。", hint="请参照 examples/ 中的答案文件。")
    if "outline" not in doc.data:
        raise doc.error((), "缺少“outline”（使用哪个大纲）。", hint=f"可用的大纲：{'、'.join(library.outlines)}")
    validate(doc, answers_schema(library))
    try:
        outline = library.outline(doc.data["outline"], base=doc.path.parent)
    except Exception as exc:
        raise doc.error(("outline",), str(exc)) from exc
    for q in library.questions["basics"]:
        value = doc.data.get(q["name"])
        if isinstance(value, int) and not isinstance(value, bool):
            _check_range(doc, (q["name"],), value, q.get("min"), q.get("max"))
    _check_sections(doc, doc.data.get("sections") or [], ("sections",), library, outline)
    return outline


def _check_range(doc: YamlDoc, keypath: KeyPath, value: int, lo: int | None, hi: int | None) -> None:
    if lo is not None and value < lo:
        raise doc.error(keypath, f"数值 {value} 小于允许的最小值 {lo}。")
    if hi is not None and value > hi:
        raise doc.error(keypath, f"数值 {value} 大于允许的最大值 {hi}。")


def _check_sections(
    doc: YamlDoc, sections: list[dict[str, Any]], path: KeyPath, library: Library, outline: Outline
) -> None:
    known = {t["id"] for t in library.topics} | {s.id for top in outline.sections for s in top.walk()}
    for i, section in enumerate(sections):
        here = path + (i,)
        topic = section.get("topic")
        if topic is not None and topic not in known and re.sub(r"_\d+$", "", topic) not in known | {"other"}:
            raise doc.error(
                here + ("topic",), f"未知的栏目“{topic}”。", hint=f"可用的栏目：{'、'.join(sorted(known))}"
            )
        if not str(section.get("heading", "")).strip():
            raise doc.error(here + ("heading",), "标题不能为空。")
        for key, value in (section.get("numbers") or {}).items():
            if value is not None:
                _check_range(doc, here + ("numbers", key), value, 0, MAX_COUNT)
        _check_sections(doc, section.get("children") or [], here + ("children",), library, outline)


def load_answers(path: Path, library: Library) -> tuple[dict[str, Any], Outline]:
    """Load and validate an answers file; return its data and the outline it names."""
    doc = load_yaml(path)
    outline = check_answers(doc, library)
    return doc.data, outline


def answers_stem(path: Path) -> str:
    """The name of an answers file without its suffix: x.answers.yaml → x (also .yml, .yaml)."""
    name = path.name
    for suffix in (".answers.yaml", ".answers.yml", ".yaml", ".yml"):
        if name.endswith(suffix):
            return name[: -len(suffix)]
    return name


def answers_text(data: dict[str, Any]) -> str:
    """The text of an answers file: the header, then the answers as readable YAML."""
    return HEADER + dump_yaml(_plain(data))


def save_answers(path: Path, data: dict[str, Any]) -> None:
    """Write answers as readable YAML, atomically: a crash leaves the old or the new file whole."""
    write_atomic(path, answers_text(data))


def _plain(value: Any) -> Any:
    """Dates as YYYY-MM-DD strings, everything else as is: keeps the file readable and stable."""
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_plain(v) for v in value]
    if isinstance(value, dt.date):
        return value.isoformat()
    return value


def layered(*layers: dict[str, Any]) -> ChainMap[str, Any]:
    """Answer sources merged in priority order: answers file, last report, defaults."""
    return ChainMap(*layers)


def missing_required(data: dict[str, Any], library: Library) -> list[str]:
    """Every required answer that is absent or blank and has no default, as its Chinese prompt."""
    missing = []
    for q in library.questions["basics"]:
        value = data.get(q["name"])
        if not q.get("required") or "default" in q:
            continue
        if value is None or (isinstance(value, str) and not value.strip()):
            missing.append(f"{q['prompt']}（{q['name']}）")
    if not data.get("sections"):
        missing.append("至少一个栏目（sections）")
    return missing


def require_complete(data: dict[str, Any], library: Library, answers_path: Path | None = None) -> None:
    """Fail with one message listing every missing required answer."""
    missing = missing_required(data, library)
    if missing:
        raise MissingAnswersError(missing, answers_path=answers_path)


def section_for(outline: Outline, section: dict[str, Any]) -> OutlineSection | None:
    """The learned outline section an answered section refers to, when it names one."""
    topic = section.get("topic")
    return outline.find(topic) if topic else None
