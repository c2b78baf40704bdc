"""Answers files: parsed and validated once into the typed model, written back readably.

An answers file is plain YAML (docs/formats.md). A key that is present has been answered,
even when empty; a key that is absent is still to be asked. That is what lets the wizard
resume after Ctrl-C and ask only what is missing. This module is the boundary: `read_answers`
gives an `Answers` (with its outline resolved relative to the file), `answers_mapping` gives
the mapping to save; nothing else reads or writes the raw file.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from drafter.answers.gathered import SCHEMA as GATHERED_SCHEMA
from drafter.answers.gathered import gathered_mapping, parse_gathered
from drafter.answers.model import SCHEMA_VERSION, Answers, LeftOut, Measure, Scalar, SectionAnswer
from drafter.domain import PERIODS, max_for, parse_date
from drafter.errors import MissingAnswersError, UserError
from drafter.files import (
    ANY,
    KeyPath,
    Map,
    OneOf,
    Opt,
    YamlDoc,
    dump_yaml,
    excerpt,
    load_yaml,
    validate,
    write_atomic,
)
from drafter.library import Library, Outline, load_outline

HEADER = "# drafter 答案文件：可手工修改，再用 drafter render 生成文档；用 drafter new --answers 继续填写。\n"
BUILT_IN_BASICS = ("unit", "organisation", "year", "period", "title", "signature", "date", "opening", "closing")
OUTLINE_SUFFIXES = (".yaml", ".yml")

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
        "schema": Opt(int),
        "outline": str,
        "organisation": Opt(str),  # organisation type (organisations.yaml): decides counts and measures
        "run_in_levels": Opt([int]),  # heading levels laid out run-in (段首); absent: the kind's way
        "from": Opt(str),  # last period's report or answers file (`drafter new --from`)
        "opening": Opt(str),
        "sections": Opt([_section_schema()]),
        "closing": Opt(str),
        "signature": Opt(OneOf((str, [str]))),
        "gathered": Opt(GATHERED_SCHEMA),  # the branch reports a gathered report sums (drafter gather)
    }
    for q in library.questions["basics"]:
        schema.setdefault(q["name"], Opt(_TYPE_SCHEMA.get(q["type"], ANY)))
    return schema


# --- reading -------------------------------------------------------------------------------------
def read_answers(path: Path, library: Library) -> Answers:
    """Load, validate and type an answers file; its outline is resolved beside it."""
    return parse_answers(load_yaml(path), library)


def parse_answers(doc: YamlDoc, library: Library, *, outline: Outline | None = None) -> Answers:
    """Validate a loaded answers document and build the typed answers from it.

    `outline` is given when the outline the answers name is not on disk yet (an import checks
    what it is about to write); otherwise it is resolved beside the answers file.
    """
    data = doc.data
    if not isinstance(data, dict):
        raise doc.error((), "答案文件应为映射（键: 值），顶层却不是。", hint="请参照 examples/ 中的答案文件。")
    if "outline" not in data:
        raise doc.error((), "缺少“outline”（使用哪个大纲）。", hint=f"可用的大纲：{'、'.join(library.outlines)}")
    validate(doc, answers_schema(library))
    version = data.get("schema", SCHEMA_VERSION)
    if version > SCHEMA_VERSION or version < 1:
        raise doc.error(
            ("schema",), f"答案文件的格式版本 {version} 不受支持（本版本为 {SCHEMA_VERSION}）。",
            hint="这个文件可能由更新版本的 drafter 生成，请升级 drafter。",
        )
    try:
        if outline is None:
            outline = resolve_outline(str(data["outline"]), library, doc.path.parent)
    except UserError as exc:
        raise doc.error(("outline",), exc.message, hint=exc.hint) from None
    _check_basics(doc, library)
    sections = data.get("sections")
    answers = Answers(
        outline=outline,
        outline_ref=str(data["outline"]),
        unit=data.get("unit"),
        organisation=data.get("organisation"),
        year=data.get("year"),
        period=data.get("period"),
        title=data.get("title"),
        opening=None if data.get("opening") is None else paragraphs_of(data["opening"]),
        closing=None if data.get("closing") is None else paragraphs_of(data["closing"]),
        signature=_signature(data.get("signature")),
        date=_date(doc, data.get("date")),
        sections=None if sections is None else _sections(doc, sections, ("sections",), library, outline),
        run_in_levels=data.get("run_in_levels"),
        last=data.get("from"),
        gathered=None if data.get("gathered") is None else parse_gathered(doc, data["gathered"], library),
        more={k: v for k, v in data.items() if k not in BUILT_IN_BASICS and k not in _FIXED_KEYS},
        schema=version,
        path=doc.path,
    )
    return answers


_FIXED_KEYS = ("schema", "outline", "from", "sections", "run_in_levels", "gathered")


def resolve_outline(ref: str, library: Library, base: Path | None) -> Outline:
    """The outline an answers file names: a library outline's id (the shipped ones and the
    office's own kinds), an own kind exported beside it (`drafter kinds --export`), or a YAML
    file beside it.

    A file is taken only from the answers file's own folder (or below it), as a regular file:
    absolute paths, `..` and symlinks leading elsewhere are refused, so an answers file cannot
    make drafter read arbitrary files. Nothing is cached: the same answers give the same outline
    from any working folder.
    """
    if ref in library.outlines:
        return library.outlines[ref]
    known = "、".join(library.outlines)
    unknown = UserError(f"未知的大纲“{excerpt(ref)}”。", hint=f"可用的大纲：{known}；或给出答案文件旁的大纲 YAML 文件名。")
    relative = Path(ref)
    if relative.suffix.lower() not in OUTLINE_SUFFIXES:
        exported = exported_beside(ref, base) if base is not None else None
        if exported is not None:
            return exported
        raise _missing_own_kind(ref, known)
    if base is None:
        raise unknown
    if relative.is_absolute() or ".." in relative.parts:
        raise UserError(
            f"大纲文件“{excerpt(ref)}”不在答案文件所在的文件夹中。",
            hint="大纲只能是自带大纲的名字，或与答案文件放在同一文件夹（或其子文件夹）中的 YAML 文件。",
        )
    path = base / relative
    try:
        inside = path.resolve(strict=True).is_relative_to(base.resolve())
    except (OSError, RuntimeError):
        raise unknown from None
    if not inside:
        raise UserError(
            f"大纲文件“{excerpt(ref)}”指向答案文件所在文件夹以外的位置。",
            hint="请把大纲文件本身（而不是链接）放在答案文件旁边。",
        )
    if not path.is_file():
        raise unknown
    return load_outline(path)


EXPORTED_SUFFIX = ".outline.yaml"
MAX_EXPORTED = 50  # outline files looked at beside one answers file


def exported_beside(name: str, base: Path) -> Outline | None:
    """The own kind `name` exported into the answers file's folder (`drafter kinds --export`):
    a regular *.outline.yaml file there whose outline is that own kind, `name`.outline.yaml
    first; None when there is none."""
    try:
        candidates = sorted(base.glob(f"*{EXPORTED_SUFFIX}"), key=lambda p: p.name != f"{name}{EXPORTED_SUFFIX}")
    except OSError:
        return None
    folder = base.resolve()
    for path in candidates[:MAX_EXPORTED]:
        try:
            if not path.is_file() or not path.resolve().is_relative_to(folder):
                continue
            outline = load_outline(path)
        except (OSError, UserError):
            continue
        if outline.own is not None and outline.id == name:
            return outline
    return None


def _missing_own_kind(name: str, known: str) -> UserError:
    """The error for a kind name this machine's library does not have: how to get it."""
    from drafter.library import own_root

    shown = excerpt(name)
    return UserError(
        f"未知的大纲“{shown}”：这台电脑的本单位大纲库（{own_root()}）中没有这个报告类型，"
        f"答案文件旁也没有导出的“{shown}{EXPORTED_SUFFIX}”。",
        hint=(
            f"若它是从本单位往期报告学到的，请在这台电脑上运行 drafter learn 往期报告… --name {shown} 重新学习；"
            f"或在有它的电脑上运行 drafter kinds --export {shown} -o {shown}{EXPORTED_SUFFIX}，"
            f"把导出的文件放在答案文件旁边。可用的大纲：{known}。"
        ),
    )


def _check_basics(doc: YamlDoc, library: Library) -> None:
    data = doc.data
    for q in library.questions["basics"]:
        value = data.get(q["name"])
        if isinstance(value, int) and not isinstance(value, bool):
            _check_range(doc, (q["name"],), value, q.get("min"), q.get("max"))
    organisation = data.get("organisation")
    if organisation is not None:
        try:
            library.knowledge.organisation(str(organisation))
        except UserError as exc:
            raise doc.error(("organisation",), exc.message, hint=exc.hint) from None
    period = data.get("period")
    if period is not None and period not in PERIODS:
        raise doc.error(("period",), f"不认识的时间段“{excerpt(str(period))}”。", hint=f"可用：{'、'.join(PERIODS)}")


def _check_range(doc: YamlDoc, keypath: KeyPath, value: int, lo: int | None, hi: int | None) -> None:
    if lo is not None and value < lo:
        raise doc.error(keypath, f"数值 {value} 小于允许的最小值 {lo}。")
    if hi is not None and value > hi:
        raise doc.error(keypath, f"数值 {value} 大于允许的最大值 {hi}。")


def _date(doc: YamlDoc, raw: object) -> dt.date | LeftOut | None:
    if raw is None:
        return None
    if isinstance(raw, str) and not raw.strip():
        return ""
    date = parse_date(raw) if isinstance(raw, (str, dt.date)) else None
    if date is None:
        raise doc.error(("date",), f"日期“{excerpt(str(raw))}”无法识别。", hint="请写成 2025-12-05 或 2025年12月5日。")
    return date


def _signature(raw: object) -> list[str] | None:
    if raw is None:
        return None
    if isinstance(raw, list):
        return [str(s) for s in raw]
    return paragraphs_of(str(raw))


def _sections(
    doc: YamlDoc, raw: list[dict[str, Any]], path: KeyPath, library: Library, outline: Outline
) -> list[SectionAnswer]:
    known = library.topic_ids() | {s.id for top in outline.sections for s in top.walk()}
    out = []
    for i, section in enumerate(raw):
        here = path + (i,)
        topic = section.get("topic")
        if topic is not None and topic not in known and section_topic(topic) not in known | {"other"}:
            raise doc.error(
                here + ("topic",), f"未知的栏目“{topic}”。", hint=f"可用的栏目：{'、'.join(sorted(known))}"
            )
        if not str(section.get("heading", "")).strip():
            raise doc.error(here + ("heading",), "标题不能为空。")
        numbers = section.get("numbers")
        for key, value in (numbers or {}).items():
            if value is not None:
                entry = library.knowledge.match_count(str(key))
                _check_range(doc, here + ("numbers", key), value, 0, max_for(entry.unit if entry else None))
        children = section.get("children")
        out.append(
            SectionAnswer(
                heading=str(section["heading"]),
                topic=topic,
                run_in=section.get("run_in"),
                measures=None if section.get("measures") is None else _measures(section["measures"]),
                counts=None if numbers is None else {str(k): v for k, v in numbers.items()},
                paragraphs=None if section.get("text") is None else paragraphs_of(section["text"]),
                extra=section.get("extra"),
                children=None if children is None else _sections(
                    doc, children, here + ("children",), library, outline
                ),
            )
        )
    return out


def _measures(raw: list[str | dict[str, str]]) -> list[Measure]:
    out = []
    for m in raw:
        if isinstance(m, str):
            out.append(Measure(m.strip()))
            continue
        detail = m.get("detail")
        out.append(Measure(str(m.get("item", "")).strip(), None if detail is None else " ".join(paragraphs_of(detail))))
    return out


def section_topic(section_id: str) -> str:
    """A section id without its sibling suffix: politics_2 → politics (the topic it belongs to)."""
    head, sep, tail = section_id.rpartition("_")
    return head if sep and tail.isdigit() and head else section_id


def paragraphs_of(text: str) -> list[str]:
    """Every non-blank line of a text answer is one paragraph; surrounding space is dropped."""
    return [line.strip() for line in str(text).splitlines() if line.strip()]


def text_of(paragraphs: list[str]) -> str:
    """Paragraphs as an answers-file text: a blank line between them (read back by paragraphs_of)."""
    return "\n\n".join(p.strip() for p in paragraphs if p.strip())


# --- writing -------------------------------------------------------------------------------------
def answers_mapping(answers: Answers) -> dict[str, Any]:
    """The typed answers as the mapping an answers file holds (absent stays absent)."""
    data: dict[str, Any] = {"schema": answers.schema, "outline": answers.outline_ref}
    if answers.last is not None:
        data["from"] = answers.last
    for key in BUILT_IN_BASICS:
        value: Any = getattr(answers, key)
        if value is None:
            continue
        if key in ("opening", "closing"):
            value = text_of(value)
        elif key == "signature":
            value = value[0] if len(value) == 1 else ("" if not value else list(value))
        elif isinstance(value, dt.date):
            value = value.isoformat()
        data[key] = value
    for key, extra in answers.more.items():
        data[key] = extra.isoformat() if isinstance(extra, dt.date) else extra
    if answers.run_in_levels is not None:
        data["run_in_levels"] = list(answers.run_in_levels)
    if answers.sections is not None:
        data["sections"] = [section_mapping(s) for s in answers.sections]
    if answers.gathered is not None:
        data["gathered"] = gathered_mapping(answers.gathered)
    return data


def section_mapping(section: SectionAnswer) -> dict[str, Any]:
    """One section answer as the mapping an answers file holds."""
    data: dict[str, Any] = {}
    if section.topic is not None:
        data["topic"] = section.topic
    data["heading"] = section.heading
    if section.run_in is not None:
        data["run_in"] = section.run_in
    if section.measures is not None:
        data["measures"] = [
            m.item if m.detail is None else {"item": m.item, "detail": m.detail}
            for m in section.measures
        ]
    if section.counts is not None:
        data["numbers"] = dict(section.counts)
    if section.paragraphs is not None:
        data["text"] = text_of(section.paragraphs)
    if section.extra is not None:
        data["extra"] = dict(section.extra)
    if section.children is not None:
        data["children"] = [section_mapping(c) for c in section.children]
    return data


def answers_text(data: Mapping[str, Any]) -> str:
    """The text of an answers file: the header, then the answers as readable YAML."""
    return HEADER + dump_yaml(_plain(dict(data)))


def save_answers(path: Path, data: Mapping[str, Any]) -> None:
    """Write an answers mapping as readable YAML, atomically: a crash leaves the old or new file."""
    write_atomic(path, answers_text(data))


def write_answers(path: Path, answers: Answers) -> None:
    """Write typed answers as an answers file (see `save_answers`)."""
    save_answers(path, answers_mapping(answers))


def _plain(value: Any) -> Any:
    """Dates as YYYY-MM-DD strings, everything else as is: keeps the file readable and stable."""
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_plain(v) for v in value]
    if isinstance(value, dt.date):
        return value.isoformat()
    return value


# --- completeness --------------------------------------------------------------------------------
def missing_required(data: Mapping[str, Any], library: Library) -> list[str]:
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


def require_complete(answers: Answers, library: Library, *, command: str = "render") -> None:
    """Fail with one message listing every missing required answer; the hint fits `command`."""
    missing = missing_required(answers_mapping(answers), library)
    if missing:
        raise MissingAnswersError(missing, answers_path=answers.path, command=command)


def basic_value(answers: Answers, name: str) -> Scalar:
    """The answer to a basic question by name, built-in or added by the outlines folder."""
    if name in BUILT_IN_BASICS:
        value = getattr(answers, name)
        return value if not isinstance(value, list) else "\n".join(value)
    return answers.more.get(name)
