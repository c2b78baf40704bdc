"""Loading the knowledge files: `organisations.yaml`, `counts.yaml` and `measures.yaml`.

Each is validated like every authored file (drafter.files.schema; errors name file, line and key),
its items held to the rules learned points are held to (drafter.library.points), and cross-checked: a
count or measure that names an unknown topic, organisation or count id is an error. drafter's
own files are validated and held to the rules once per content (drafter.files.cache), not on every
run. The loaded objects are drafter.library.knowledge's.
"""

from __future__ import annotations

import stat
from collections.abc import Sequence
from functools import cache
from pathlib import Path
from typing import Any

from drafter.errors import UserError
from drafter.files import (
    KeyPath,
    Map,
    OneOf,
    Opt,
    YamlDoc,
    checked,
    load_yaml,
    mark_checked,
    validate,
)
from drafter.library.knowledge import (
    NEXT_STEPS,
    PROBLEMS,
    CountEntry,
    Knowledge,
    Measure,
    Organisation,
    normal_name,
    own_names,
)
from drafter.library.schemas import AUTHORED_SCHEMAS, default_outlines_dir

ORGANISATIONS_FILE = "organisations.yaml"
COUNTS_FILE = "counts.yaml"
MEASURES_FILE = "measures.yaml"
KNOWLEDGE_FILES = (ORGANISATIONS_FILE, COUNTS_FILE, MEASURES_FILE)
MAX_DETAIL = 60
MIN_WORDINGS = 4  # a detail, cause or 成效 written as a list has at least this many wordings
MIN_KEY_PHRASE = 4  # characters of a `same` key phrase

_WORDINGS = OneOf((str, [str]))  # one wording (older files), or a list of them
_MEASURE = {
    "text": str,
    "activity": Opt(str),
    "same": Opt([str]),
    "detail": Opt(_WORDINGS),
    "counts": Opt([str]),
    "organisations": Opt([str]),
}
KNOWLEDGE_SCHEMAS: dict[str, Any] = {
    ORGANISATIONS_FILE: {
        "organisations": [{"id": str, "name": str, "help": str, "default": Opt(bool)}]
    },
    COUNTS_FILE: {
        "counts": [
            {
                "id": str,
                "verb": str,
                "object": str,
                "unit": str,
                "topic": str,
                "synonyms": Opt([str]),
                "organisations": Opt([str]),
                "group": Opt(str),
            }
        ]
    },
    MEASURES_FILE: {
        "measures": Map([_MEASURE]),  # topic id (checked against topics.yaml) → its measures
        "effects": Opt(Map([str])),  # topic id → the wordings of its 成效 sentence
        "cause_leads": Opt([str]),  # what leads a cause in: 究其原因，/ 主要是 …
        "problems": [
            {
                "problem": Opt(str),
                "next_step": Opt(str),
                "activity": Opt(str),
                "same": Opt([str]),
                "cause": Opt(_WORDINGS),
                "next_detail": Opt(_WORDINGS),
                "organisations": Opt([str]),
            }
        ],
    },
}


def load_knowledge(root: Path | None = None) -> Knowledge:
    """The knowledge of an outlines folder (default: the shipped one), parsed and checked once.

    A folder without any of the three files (an outlines folder made before they existed) uses
    the shipped knowledge; one with only some of them is an error naming the missing file.
    """
    shipped = default_outlines_dir()
    root = (root or shipped).resolve()
    present = [name for name in KNOWLEDGE_FILES if (root / "authored" / name).is_file()]
    if not present:
        root = shipped.resolve()
    elif len(present) < len(KNOWLEDGE_FILES):
        missing = next(name for name in KNOWLEDGE_FILES if name not in present)
        raise UserError(
            f"{root / 'authored' / missing}：缺少此文件。",
            hint=f"{'、'.join(KNOWLEDGE_FILES)} 须同时提供，或都不提供（使用 drafter 自带的）。",
        )
    if root != shipped.resolve() and _same_files(root, shipped.resolve()):
        root = shipped.resolve()  # drafter's own knowledge copied beside own templates: loaded once
    return _load(root)


def _same_files(root: Path, shipped: Path) -> bool:
    """Whether the folder's knowledge files are byte for byte drafter's own (then the shipped
    knowledge, parsed and checked once per content, stands for them)."""
    for name in KNOWLEDGE_FILES:
        own, theirs = root / "authored" / name, shipped / "authored" / name
        try:
            info = own.stat()
            if not stat.S_ISREG(info.st_mode) or info.st_size != theirs.stat().st_size:
                return False  # read nothing that is not a file of the shipped one's size
            if own.read_bytes() != theirs.read_bytes():
                return False
        except OSError:
            return False
    return True


@cache
def _load(root: Path) -> Knowledge:
    topics_doc = load_yaml(root / "authored" / "topics.yaml")
    docs = {name: load_yaml(root / "authored" / name) for name in KNOWLEDGE_FILES}
    keys = [topics_doc.key, *(doc.key for doc in docs.values())]
    check = not checked("knowledge", keys)
    if check:
        validate(topics_doc, AUTHORED_SCHEMAS["topics.yaml"])
        for name, doc in docs.items():
            validate(doc, KNOWLEDGE_SCHEMAS[name])
        _check_wording(docs[MEASURES_FILE])
    topics = [t["id"] for t in topics_doc.data["topics"]]
    organisations = _organisations(docs[ORGANISATIONS_FILE])
    org_ids = [o.id for o in organisations]
    counts = _counts(docs[COUNTS_FILE], topics, org_ids)
    measures = _measures(docs[MEASURES_FILE], topics, org_ids, counts)
    effects = _effects(docs[MEASURES_FILE], topics)
    leads = _leads(docs[MEASURES_FILE].data.get("cause_leads"))
    if check:
        mark_checked("knowledge", keys)
    return Knowledge(tuple(organisations), tuple(counts), tuple(measures), effects, leads)


def _check_wording(doc: YamlDoc) -> None:
    """Every bank item as it will be offered passes the rules learned points are held to."""

    for topic, items in doc.data["measures"].items():
        for i, m in enumerate(items):
            where: KeyPath = ("measures", str(topic), i)
            _clause(doc, where + ("text",), m["text"], verb=True)
            _check_wordings(doc, where + ("detail",), m.get("detail"), "说明")
    for topic, wordings in (doc.data.get("effects") or {}).items():
        _check_wordings(doc, ("effects", str(topic)), wordings, "成效", listed=True)
    _check_wordings(doc, ("cause_leads",), doc.data.get("cause_leads"), "原因的引出语")
    for i, item in enumerate(doc.data["problems"]):
        for key, verb in (("problem", False), ("next_step", True)):
            if item.get(key):
                _clause(doc, ("problems", i, key), item[key], verb=verb)
        _check_wordings(doc, ("problems", i, "cause"), item.get("cause"), "原因")
        _check_wordings(doc, ("problems", i, "next_detail"), item.get("next_detail"), "说明")


def _check_wordings(
    doc: YamlDoc, where: KeyPath, value: Any, what: str, *, listed: bool = False
) -> None:
    """A detail, cause or 成效: one wording, or a list of at least MIN_WORDINGS distinct ones,
    each a plain clause of at most MAX_DETAIL characters."""
    from drafter.library.points import plain_text_problem

    if value is None:
        return
    if isinstance(value, list) or listed:
        if len(value) < MIN_WORDINGS:
            raise doc.error(where, f"{what}写成列表时至少要有{MIN_WORDINGS}种说法。")
        if len(set(_wordings(value))) < len(value):
            raise doc.error(where, f"{what}的几种说法有重复。")
    for j, text in enumerate(_wordings(value)):
        if problem := plain_text_problem(text, MAX_DETAIL):
            place = where + (j,) if isinstance(value, list) else where
            raise doc.error(place, f"{what}“{text[:20]}”{problem}。")


def _wordings(value: Any) -> tuple[str, ...]:
    """The wordings of a detail, cause or 成效 (one string or a list), without end punctuation."""
    items = value if isinstance(value, list) else [value] if value else []
    return tuple(t for t in (str(v).strip().rstrip("。；，") for v in items) if t)


def _leads(value: Any) -> tuple[str, ...]:
    """The lead-ins of a cause as written, their comma kept (究其原因，): a lead stands before
    the cause, so its punctuation is the sentence's."""
    return tuple(t for t in (str(v).strip() for v in value or []) if t)


def _organisations(doc: YamlDoc) -> list[Organisation]:
    items = doc.data["organisations"]
    if not items:
        raise doc.error(("organisations",), "至少需要一种组织类型。")
    _unique(doc, ("organisations",), [o["id"] for o in items], "id")
    _unique(doc, ("organisations",), [o["name"] for o in items], "name")
    defaults = [i for i, o in enumerate(items) if o.get("default")]
    if len(defaults) != 1:
        where = ("organisations", defaults[1]) if defaults else ("organisations",)
        raise doc.error(where, "须有且只有一种组织类型标为 default: true（向导的默认选项）。")
    return [Organisation(o["id"], o["name"], o["help"], bool(o.get("default"))) for o in items]


def _counts(doc: YamlDoc, topics: list[str], org_ids: list[str]) -> list[CountEntry]:
    items = doc.data["counts"]
    _unique(doc, ("counts",), [c["id"] for c in items], "id")
    counts: list[CountEntry] = []
    owners: dict[str, str] = {}
    for i, c in enumerate(items):
        where: KeyPath = ("counts", i)
        _known(doc, where + ("topic",), c["topic"], topics, "主题", "topics.yaml")
        orgs = c.get("organisations") or []
        for j, org in enumerate(orgs):
            _known(doc, where + ("organisations", j), org, org_ids, "组织类型", ORGANISATIONS_FILE)
        entry = CountEntry(
            c["id"], c["verb"], c["object"], c["unit"], c["topic"],
            tuple(c.get("synonyms") or []), tuple(orgs), c.get("group") or "",
        )
        for name in own_names(entry):
            other = owners.setdefault(normal_name(name), entry.id)
            if other != entry.id:
                raise doc.error(where, f"名称“{name}”已属于计数 {other}，学到的数字无法确定归属。")
        counts.append(entry)
    return counts


def _measures(
    doc: YamlDoc, topics: list[str], org_ids: list[str], counts: list[CountEntry]
) -> list[Measure]:
    by_id = {c.id: c for c in counts}
    measures: list[Measure] = []
    for topic, items in doc.data["measures"].items():
        where: KeyPath = ("measures", str(topic))
        _known(doc, where, str(topic), topics, "主题", "topics.yaml")
        if topic in (PROBLEMS, NEXT_STEPS):
            raise doc.error(where, f"“{topic}”的条目写在 problems: 下（问题与下一步成对）。")
        for i, m in enumerate(items):
            measures.append(_measure(doc, where + (i,), m, str(topic), org_ids, by_id))
    for i, item in enumerate(doc.data["problems"]):
        measures.extend(_pair(doc, ("problems", i), item, org_ids))
    _activities(doc, measures)
    return measures


def _effects(doc: YamlDoc, topics: list[str]) -> tuple[tuple[str, tuple[str, ...]], ...]:
    """The 成效 wordings per topic (none in a file written before they existed)."""
    effects = doc.data.get("effects") or {}
    for topic in effects:
        _known(doc, ("effects", str(topic)), str(topic), topics, "主题", "topics.yaml")
    return tuple((str(topic), _wordings(wordings)) for topic, wordings in effects.items())


def _activities(doc: YamlDoc, measures: list[Measure]) -> None:
    """An activity names one bank item: a second item with it is an error (merge them); a key
    phrase of `same` has at least four characters (shorter ones would catch unrelated items)."""
    owners: dict[str, str] = {}
    for m in measures:
        short = next((p for p in m.same if len(normal_name(p)) < MIN_KEY_PHRASE), None)
        if short is not None:
            raise doc.error(("measures",), f"“{m.text}”的 same 短语“{short}”太短，至少{MIN_KEY_PHRASE}个字。")
        if m.activity and owners.setdefault(m.activity, m.text) != m.text:
            raise doc.error(
                ("measures",), f"“{m.text}”与“{owners[m.activity]}”是同一项工作（{m.activity}），请合并为一条。"
            )


def _measure(
    doc: YamlDoc,
    where: KeyPath,
    m: dict[str, Any],
    topic: str,
    org_ids: list[str],
    by_id: dict[str, CountEntry],
) -> Measure:
    text, details = m["text"].strip(), _wordings(m.get("detail"))
    orgs = _orgs(doc, where, m, org_ids)
    counts = []
    for j, count_id in enumerate(m.get("counts") or []):
        if count_id not in by_id:
            raise doc.error(
                where + ("counts", j), f"未知的计数“{count_id}”。", hint="可用的计数见 counts.yaml 的 id。"
            )
        entry = by_id[count_id]
        if orgs and entry.organisations and not set(orgs) & set(entry.organisations):
            raise doc.error(
                where + ("counts", j), f"计数“{count_id}”不适用于本条做法的任何组织类型。"
            )
        counts.append(entry)
    same = tuple(str(w).strip() for w in m.get("same") or [])
    return Measure(text, topic, details, tuple(counts), orgs, activity=m.get("activity") or "", same=same)


def _pair(doc: YamlDoc, where: KeyPath, item: dict[str, Any], org_ids: list[str]) -> list[Measure]:
    """A problem and the next step answering it (either may stand alone) as two measures."""
    problem, step = item.get("problem"), item.get("next_step")
    if not problem and not step:
        raise doc.error(where, "至少要写 problem（问题）或 next_step（下一步）之一。")
    orgs = _orgs(doc, where, item, org_ids)
    problem, step = (problem or "").strip(), (step or "").strip()
    activity = item.get("activity") or ""
    same = tuple(str(w).strip() for w in item.get("same") or [])
    out = []
    if problem:
        out.append(Measure(
            problem, PROBLEMS, organisations=orgs, pair=step, activity=activity and "problem:" + activity,
            same=same, causes=_wordings(item.get("cause")),
        ))
    if step:
        out.append(Measure(
            step, NEXT_STEPS, _wordings(item.get("next_detail")), organisations=orgs, pair=problem,
            activity=activity and "next:" + activity,
        ))
    return out


def _clause(doc: YamlDoc, where: KeyPath, text: str, *, verb: bool) -> None:
    """A bank item as offered: it must pass the rules learned points are held to."""
    from drafter.library.points import (
        check_point,
        clean_point,
        main_verb_problem,
        plain_text_problem,
    )

    text = text.strip()
    problem = plain_text_problem(text) or (main_verb_problem(text) if verb else "")
    if problem or clean_point(text) != text:
        reason = problem or check_point(text).reason
        raise doc.error(where, f"“{text[:20]}”不宜作为条目：{reason}。")


def _orgs(
    doc: YamlDoc, where: KeyPath, item: dict[str, Any], org_ids: list[str]
) -> tuple[str, ...]:
    orgs = item.get("organisations") or []
    for j, org in enumerate(orgs):
        _known(doc, where + ("organisations", j), org, org_ids, "组织类型", ORGANISATIONS_FILE)
    return tuple(orgs)


def _known(
    doc: YamlDoc, where: KeyPath, value: str, known: Sequence[str], what: str, file: str
) -> None:
    if value not in known:
        hint = f"可用的{what}：{'、'.join(known)}（见 {file}）"
        raise doc.error(where, f"未知的{what}“{value}”。", hint=hint)


def _unique(doc: YamlDoc, where: KeyPath, values: list[str], key: str) -> None:
    seen: set[str] = set()
    for i, value in enumerate(values):
        if value in seen:
            raise doc.error(where + (i, key), f"{key}“{value}”重复。")
        seen.add(value)
