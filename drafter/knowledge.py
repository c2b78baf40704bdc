"""The knowledge under the wizard's questions: organisation types, count catalogue, phrase banks.

Three hand-written files in `outlines/authored/` (never touched by `learn`; see docs/formats.md):
`organisations.yaml` (党支部, 党总支, 机关党委, 党委, 党组 — the first question the wizard asks),
`counts.yaml` (activities a Party organisation counts: 召开支委会12次) and `measures.yaml`
(measures per topic, problems paired with next steps). They are validated like every authored
file (drafter.schema; errors name file, line and key), their items held to the rules learned
points are held to (drafter.points), and cross-checked: a count or measure that names an
unknown topic, organisation or count id is an error. drafter's own files are validated and
held to the rules once per content (drafter.cache), not on every run.

API for the wizard and composition (all objects are frozen dataclasses, loaded once per folder):

    kn = load_knowledge()                  # or library.knowledge for a Library's folder
    kn.default_organisation                # Organisation("branch", "党支部", …)
    kn.counts_for("organization", "branch")    # [CountEntry …], most commonly reported first
    kn.match_count("中心组集体学习", "次")       # CountEntry | None (learned fact → catalogue)
    kn.measures_for("organization", "branch")  # [Measure …], in the bank's order
    entry.phrase(12)                       # "召开支委会12次"; blank or 0 → ""
    phrase_counts([(a, 12), (b, 4), (c, 12)])  # "召开支委会12次、党员大会4次，开展主题党日活动12次"
    measure.detail_text({"committee_meeting": 12}, "全年")   # the detail sentence with its counts

Learned facts that `match_count` maps are offered as catalogue counts; the others stay in the
learned outline and are not asked by default.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import cache, cached_property
from pathlib import Path
from typing import Any

from drafter import cache as parse_cache
from drafter.errors import UserError
from drafter.outline import AUTHORED_SCHEMAS, default_outlines_dir
from drafter.schema import Map, Opt, excerpt, validate
from drafter.yamlio import KeyPath, YamlDoc, load_yaml

__all__ = [
    "CountEntry",
    "Knowledge",
    "Measure",
    "Organisation",
    "load_knowledge",
    "phrase_counts",
]

ORGANISATIONS_FILE = "organisations.yaml"
COUNTS_FILE = "counts.yaml"
MEASURES_FILE = "measures.yaml"
KNOWLEDGE_FILES = (ORGANISATIONS_FILE, COUNTS_FILE, MEASURES_FILE)
PROBLEMS = "problems"
NEXT_STEPS = "next_steps"
MAX_DETAIL = 60

_MEASURE = {"text": str, "detail": Opt(str), "counts": Opt([str]), "organisations": Opt([str])}
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
        "problems": [{"problem": Opt(str), "next_step": Opt(str), "organisations": Opt([str])}],
    },
}
# Measure words that may stand for each other when a learned fact is matched: 项 ~ 件, 人 ~ 名.
_UNIT_FAMILIES = ({"件", "项"}, {"个", "项", "条"}, {"元", "万元"}, {"名", "人"}, {"次", "场", "期"})
# Words a learned key may start with before the catalogue's object: a verb, or who did it.
_KEY_VERBS = (
    "组织开展", "开展", "召开", "组织", "举办", "举行", "进行", "完成", "撰写", "形成", "报送",
    "编发", "评选", "表彰", "确定", "吸收", "吸纳", "培养", "新发展", "发展", "签订", "讲授", "讲",
)
_KEY_OWNERS = (
    "局党组", "党组", "党委", "机关党委", "党总支", "总支", "支部", "各支部", "机关", "全局",
    "干部职工", "党员干部", "全体党员", "相关", "各类",
)
_KEY_PREFIXES = sorted(_KEY_VERBS + _KEY_OWNERS, key=len, reverse=True)
_MIN_NAME = 3  # shorter objects are no names; a learned key may end with a name this long


@dataclass(frozen=True)
class Organisation:
    """A kind of Party organisation: it decides which counts and measures are offered."""

    id: str  # branch, general_branch, organ_committee, party_committee, party_group
    name: str  # 党支部 …
    help: str  # one line for the wizard's choice
    default: bool = False


@dataclass(frozen=True)
class CountEntry:
    """An activity an organisation reports as a number: 召开 + 支委会 + N + 次."""

    id: str
    verb: str
    object: str
    unit: str  # measure word: 次 名 篇 元 人次 …
    topic: str
    synonyms: tuple[str, ...] = ()
    organisations: tuple[str, ...] = ()  # empty = every organisation
    group: str = ""  # counts written together share a verb when their group (default verb) agrees

    @property
    def name(self) -> str:
        """The activity as the wizard names it: 召开支委会."""
        return self.verb + self.object

    @property
    def group_key(self) -> str:
        return self.group or self.verb

    def fits(self, organisation: str) -> bool:
        return not self.organisations or organisation in self.organisations

    def amount(self, value: float) -> str:
        """The number with its measure word: 12次; 12000元 → 1.2万元 (whole hundreds only)."""
        if value < 0:
            raise ValueError(f"negative count {value} for {self.id}")
        if self.unit == "元" and value >= 10000 and value % 100 == 0:
            return f"{_number(value / 10000)}万元"
        return f"{_number(value)}{self.unit}"

    def phrase(self, value: float | None) -> str:
        """召开支委会12次; "" for a count left blank or 0."""
        return f"{self.name}{self.amount(value)}" if value else ""


def _number(value: float) -> str:
    """12 → 12, 1.20 → 1.2, 3.456 → 3.46: at most two decimals, no trailing zeros."""
    if float(value).is_integer():
        return str(int(value))
    return f"{value:.2f}".rstrip("0").rstrip(".")


def phrase_counts(counts: Iterable[tuple[CountEntry, float | None]]) -> str:
    """Several counts in one clause, those of one verb grouped: 召开支委会12次、党员大会4次，开展….

    Groups keep the order of their first count; the verb is said once, by the group's first
    count; groups are joined with ，. Counts left blank or 0 give nothing.
    """
    groups: dict[str, list[tuple[CountEntry, float]]] = {}
    for entry, value in counts:
        if value:
            groups.setdefault(entry.group_key, []).append((entry, value))
    clauses = []
    for members in groups.values():
        (first, value), rest = members[0], members[1:]
        parts = [first.phrase(value)] + [entry.object + entry.amount(v) for entry, v in rest]
        clauses.append("、".join(parts))
    return "，".join(clauses)


@dataclass(frozen=True)
class Measure:
    """A measure (做法) of a topic's phrase bank, or a problem / next step of the closing lists.

    `text` is a complete verb-object clause (or, for problems, a short diagnosis) without end
    punctuation; `detail` an optional clause saying how, without end punctuation; `counts` the
    catalogue counts that prove the measure, written at the end of the detail sentence. `pair`
    is the next step answering a problem (or the problem a next step answers), "" when none.
    """

    text: str
    topic: str
    detail: str = ""
    counts: tuple[CountEntry, ...] = ()
    organisations: tuple[str, ...] = ()  # empty = every organisation
    pair: str = ""

    def fits(self, organisation: str) -> bool:
        return not self.organisations or organisation in self.organisations

    def detail_text(
        self, values: Mapping[str, float | None], period: str = "", *, prose: bool = True
    ) -> str:
        """The detail sentence with the counts given (by count id) at its end, or "".

        `period` opens the count clause (全年, 上半年): 坚持……，全年召开支委会12次、党员大会4次。
        Without `prose`, only the counts: 全年召开支委会12次、党员大会4次。
        """
        counted = phrase_counts((entry, values.get(entry.id)) for entry in self.counts)
        clause = period + counted if counted else ""
        body = "，".join(part for part in (self.detail if prose else "", clause) if part)
        return body + "。" if body else ""


@dataclass(frozen=True)
class Knowledge:
    """The organisations, count catalogue and phrase banks of one outlines folder."""

    organisations: tuple[Organisation, ...]
    counts: tuple[CountEntry, ...]
    measures: tuple[Measure, ...]

    @property
    def default_organisation(self) -> Organisation:
        return next(o for o in self.organisations if o.default)

    def organisation(self, organisation_id: str) -> Organisation:
        """The organisation with this id; an unknown id (from an answers file) is a user error."""
        for organisation in self.organisations:
            if organisation.id == organisation_id:
                return organisation
        known = "、".join(f"{o.id}（{o.name}）" for o in self.organisations)
        shown = excerpt(organisation_id)  # from an answers file: one line, however it was typed
        raise UserError(f"未知的组织类型“{shown}”。", hint=f"可用的组织类型：{known}")

    def count(self, count_id: str) -> CountEntry:
        """The catalogue entry with this id (KeyError for an unknown id: a bug in the caller)."""
        for entry in self.counts:
            if entry.id == count_id:
                return entry
        raise KeyError(count_id)

    def counts_for(self, topic: str, organisation: str) -> list[CountEntry]:
        """The counts of a topic an organisation reports, most commonly reported first."""
        self.organisation(organisation)
        return [c for c in self.counts if c.topic == topic and c.fits(organisation)]

    def measures_for(self, topic: str, organisation: str) -> list[Measure]:
        """The measures (or problems, next steps) of a topic that fit an organisation."""
        self.organisation(organisation)
        return [m for m in self.measures if m.topic == topic and m.fits(organisation)]

    @cached_property
    def _names(self) -> dict[str, CountEntry]:
        return _count_names(self.counts)

    def bank_measure(self, topic: str, text: str) -> Measure | None:
        """The bank's measure (or problem, next step) of a topic with exactly this text."""
        return self._by_text.get((topic, text))

    @cached_property
    def _by_text(self) -> dict[tuple[str, str], Measure]:
        index: dict[tuple[str, str], Measure] = {}
        for measure in self.measures:
            index.setdefault((measure.topic, measure.text), measure)
        return index

    def match_count(self, key: str, unit: str | None = None) -> CountEntry | None:
        """The catalogue entry a learned fact key stands for (支委会 → 召开支委会), or None.

        Tried in turn: the key as it is, without a leading verb (召开, 撰写…) or owner (局党组,
        支部…), then the longest object or synonym of 3+ characters the key ends with. With
        `unit`, the entry's measure word must agree (次 ~ 场, 件 ~ 项, 元 ~ 万元).
        """
        names = self._names
        key = _normal(key)
        for candidate in _key_variants(key):
            entry = names.get(candidate)
            if entry is not None and _units_agree(entry.unit, unit):
                return entry
        endings = sorted(
            (name for name in names if len(name) >= _MIN_NAME and key.endswith(name)),
            key=len,
            reverse=True,
        )
        for name in endings:
            if _units_agree(names[name].unit, unit):
                return names[name]
        return None


def _normal(text: str) -> str:
    """A name as compared: no quotes, no spaces."""
    return "".join(ch for ch in text if ch not in "“”‘’\"' \u3000")


def _count_names(counts: Sequence[CountEntry]) -> dict[str, CountEntry]:
    """Every name a count is known by → the entry: verb + object, synonyms, and the object when
    it has 3 characters or more (党员, 问题 alone say too little; 党费 is listed as a synonym)."""
    names: dict[str, CountEntry] = {}
    for entry in counts:
        for name in _own_names(entry):
            names.setdefault(_normal(name), entry)
    return names


def _own_names(entry: CountEntry) -> list[str]:
    own = [entry.name, *entry.synonyms]
    return own + [entry.object] if len(_normal(entry.object)) >= _MIN_NAME else own


def _key_variants(key: str) -> list[str]:
    """The key, then without each leading owner or verb in turn: 局党组召开党组会议 → 党组会议."""
    variants = [key]
    while prefix := next(
        (p for p in _KEY_PREFIXES if variants[-1].startswith(p) and len(variants[-1]) > len(p) + 1),
        None,
    ):
        variants.append(variants[-1][len(prefix):])
    return variants


def _units_agree(unit: str, learned: str | None) -> bool:
    if learned is None or learned == unit:
        return True
    return any(unit in family and learned in family for family in _UNIT_FAMILIES)


# --- loading -------------------------------------------------------------------------------------
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
    return _load(root)


@cache
def _load(root: Path) -> Knowledge:
    topics_doc = load_yaml(root / "authored" / "topics.yaml")
    docs = {name: load_yaml(root / "authored" / name) for name in KNOWLEDGE_FILES}
    keys = [topics_doc.key, *(doc.key for doc in docs.values())]
    check = not parse_cache.checked("knowledge", keys)
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
    if check:
        parse_cache.mark_checked("knowledge", keys)
    return Knowledge(tuple(organisations), tuple(counts), tuple(measures))


def _check_wording(doc: YamlDoc) -> None:
    """Every bank item as it will be offered passes the rules learned points are held to."""
    from drafter.points import plain_text_problem

    for topic, items in doc.data["measures"].items():
        for i, m in enumerate(items):
            where: KeyPath = ("measures", str(topic), i)
            _clause(doc, where + ("text",), m["text"], verb=True)
            detail = _detail(m)
            if problem := plain_text_problem(detail, MAX_DETAIL):
                raise doc.error(where + ("detail",), f"说明“{detail[:20]}”{problem}。")
    for i, item in enumerate(doc.data["problems"]):
        for key, verb in (("problem", False), ("next_step", True)):
            if item.get(key):
                _clause(doc, ("problems", i, key), item[key], verb=verb)


def _detail(m: dict[str, Any]) -> str:
    return str(m.get("detail") or "").strip().rstrip("。；，")


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
        for name in _own_names(entry):
            other = owners.setdefault(_normal(name), entry.id)
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
    return measures


def _measure(
    doc: YamlDoc,
    where: KeyPath,
    m: dict[str, Any],
    topic: str,
    org_ids: list[str],
    by_id: dict[str, CountEntry],
) -> Measure:
    text, detail = m["text"].strip(), _detail(m)
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
    return Measure(text, topic, detail, tuple(counts), orgs)


def _pair(doc: YamlDoc, where: KeyPath, item: dict[str, Any], org_ids: list[str]) -> list[Measure]:
    """A problem and the next step answering it (either may stand alone) as two measures."""
    problem, step = item.get("problem"), item.get("next_step")
    if not problem and not step:
        raise doc.error(where, "至少要写 problem（问题）或 next_step（下一步）之一。")
    orgs = _orgs(doc, where, item, org_ids)
    problem, step = (problem or "").strip(), (step or "").strip()
    out = []
    if problem:
        out.append(Measure(problem, PROBLEMS, organisations=orgs, pair=step))
    if step:
        out.append(Measure(step, NEXT_STEPS, organisations=orgs, pair=problem))
    return out


def _clause(doc: YamlDoc, where: KeyPath, text: str, *, verb: bool) -> None:
    """A bank item as offered: it must pass the rules learned points are held to."""
    from drafter.points import check_point, clean_point, main_verb_problem, plain_text_problem

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
