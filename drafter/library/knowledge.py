"""The knowledge under the wizard's questions: organisation types, count catalogue, phrase banks.

Three hand-written files in `outlines/authored/` (never touched by `learn`; see docs/formats.md):
`organisations.yaml` (党支部, 党总支, 机关党委, 党委, 党组 — the first question the wizard asks),
`counts.yaml` (activities a Party organisation counts: 召开支委会12次) and `measures.yaml`
(measures per topic, problems paired with next steps). They are validated like every authored
file (drafter.files.schema; errors name file, line and key), their items held to the rules learned
points are held to (drafter.library.points), and cross-checked: a count or measure that names an
unknown topic, organisation or count id is an error. drafter's own files are validated and
held to the rules once per content (drafter.files.cache), not on every run.

API for the wizard and composition (all objects are frozen dataclasses, loaded once per folder):

    kn = load_knowledge()                  # drafter.library.knowledge_files; or library.knowledge
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

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import cached_property

from drafter.errors import UserError
from drafter.files import excerpt
from drafter.library.variants import choose_wording, ranked

__all__ = [
    "CountEntry",
    "Knowledge",
    "Measure",
    "Organisation",
    "phrase_counts",
]

PROBLEMS = "problems"
NEXT_STEPS = "next_steps"

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


# A unit name that already names a Party organisation.
_PARTY_NAMED = re.compile(r"(?:党支部|支部|党总支|总支|党委|党组|委员会)$")


@dataclass(frozen=True)
class Organisation:
    """A kind of Party organisation: it decides which counts and measures are offered."""

    id: str  # branch, general_branch, organ_committee, party_committee, party_group
    name: str  # 党支部 …
    help: str  # one line for the wizard's choice
    default: bool = False

    def of(self, unit: str) -> str:
        """The unit named as this Party organisation: 某某县档案馆 → 某某县档案馆党支部; a unit
        already named as a Party organisation stays (某某局党组, 中共某某局机关委员会); a
        shared word is said once (某某局机关 + 机关党委 → 某某局机关党委)."""
        if not unit or unit.endswith(self.name) or _PARTY_NAMED.search(unit):
            return unit
        shared = next((k for k in range(len(self.name) - 1, 0, -1) if unit.endswith(self.name[:k])), 0)
        return unit + self.name[shared:]


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
    punctuation; `details` the wordings of the clause saying how (a report uses one, chosen by
    `detail_for`), without end punctuation; `counts` the catalogue counts that prove the measure,
    written at the end of the detail sentence. `pair` is the next step answering a problem (or
    the problem a next step answers), "" when none; `causes` the wordings of a problem's cause.
    `activity` names the work the measure stands for: two measures of one activity are one
    measure (严格执行 / 严格落实“三会一课”制度); `same` are key phrases (三会一课) by which
    another item (learned, typed) is known to be the same activity.
    """

    text: str
    topic: str
    details: tuple[str, ...] = ()
    counts: tuple[CountEntry, ...] = ()
    organisations: tuple[str, ...] = ()  # empty = every organisation
    pair: str = ""
    activity: str = ""
    same: tuple[str, ...] = ()
    causes: tuple[str, ...] = ()

    @property
    def detail(self) -> str:
        """The first wording of the detail ("" for none): the bank's reference wording."""
        return self.details[0] if self.details else ""

    def fits(self, organisation: str) -> bool:
        return not self.organisations or organisation in self.organisations

    def detail_for(self, unit: str, said: Iterable[str] = ()) -> str:
        """The detail wording this unit's report uses: stable per unit, and repeating no phrase
        of what the report already says (`said`; drafter.library.variants)."""
        return choose_wording(self.details, unit, self.text, said)

    def detail_text(
        self, values: Mapping[str, float | None], period: str = "", *, prose: bool = True
    ) -> str:
        """The detail sentence (its first wording) with the counts given (by count id) at its
        end, or "".

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
    effects: tuple[tuple[str, tuple[str, ...]], ...] = ()  # topic → wordings of its 成效 sentence
    cause_leads: tuple[str, ...] = ()  # what leads a cause in (究其原因，/ 主要是 …)

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

    def chosen(self, organisation_id: str | None) -> Organisation:
        """The organisation a report is written for: the one answered, else the default."""
        return self.organisation(organisation_id) if organisation_id else self.default_organisation

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
    def vocabulary(self) -> frozenset[str]:
        """The two-character words the bank, the count catalogue and the trade's terms use: what
        a learned point is judged against before it is offered (points.odd_coinage)."""
        from drafter.library.points import words_of
        from drafter.library.variants import TERMS

        texts = [t for m in self.measures for t in (m.text, *m.details, *m.causes, *m.same)]
        texts += [w for _, wordings in self.effects for w in wordings]
        texts += [n for c in self.counts for n in (c.object, *c.synonyms)]
        return words_of([*texts, *TERMS])

    @cached_property
    def _names(self) -> dict[str, CountEntry]:
        return _count_names(self.counts)

    def effect_for(self, topic: str, unit: str, said: Iterable[str] = ()) -> str:
        """The 成效 sentence of a topic this unit's report uses ("" when the bank has none)."""

        wordings = dict(self.effects).get(topic, ())
        return choose_wording(wordings, unit, "成效" + topic, said)

    def cause_for(self, problem: Measure, unit: str, said: Iterable[str] = ()) -> str:
        """The cause of a problem as this unit's report says it ("" when the bank has none):
        the cause's wording chosen as a detail is, led in by the first lead in this unit's
        order that the report does not say yet, so the causes of one report are led in by
        究其原因，…主要是…根源在于… in turn and the leads never decide which cause is said.
        (A lead is looked for as it stands, not by its phrases: 主要是 is shorter than a
        phrase, and 主要是对… 主要是学… share none.)"""
        said = list(said)
        cause = choose_wording(problem.causes, unit, "原因" + problem.text, said)
        if not cause or not self.cause_leads:
            return cause
        order = ranked(self.cause_leads, unit, "原因")
        lead = next((lead for lead in order if not any(_bare(lead) in s for s in said)), order[0])
        return lead + cause

    def activity_of(self, text: str, topic: str = "") -> str:
        """The activity an item of a topic stands for: a bank measure's (by its text, the same
        object after a different verb — 严格执行 / 严格落实…, or a key phrase of its `same`),
        else the item's own words. Items of one activity are one measure. Problems and next
        steps are matched among problems and next steps, measures among measures."""
        key = normal_name(text).rstrip("。；，")
        index, phrases = self._activities[_family(topic)]
        for candidate in (key, _core(key)):
            if candidate in index:
                return index[candidate]
        for phrase, activity in phrases:
            if phrase in key:
                return activity
        return "text:" + _core(key)

    @cached_property
    def _activities(self) -> dict[str, tuple[dict[str, str], list[tuple[str, str]]]]:
        """Per family (measures; problems and next steps): every bank item's text (and its
        core) → its activity, and the key phrases of `same` (longest first) → their item's."""
        families: dict[str, tuple[dict[str, str], list[tuple[str, str]]]] = {}
        for m in self.measures:
            index, phrases = families.setdefault(_family(m.topic), ({}, []))
            activity = m.activity or "text:" + _core(normal_name(m.text))
            key = normal_name(m.text)
            index.setdefault(key, activity)
            index.setdefault(_core(key), activity)
            phrases += [(normal_name(p), activity) for p in m.same]
        for _, phrases in families.values():
            phrases.sort(key=lambda pair: len(pair[0]), reverse=True)
        families.setdefault("closing", ({}, []))
        families.setdefault("measures", ({}, []))
        return families

    def bank_measure(self, topic: str, text: str) -> Measure | None:
        """The bank's measure (or problem, next step) of a topic with exactly this text."""
        return self._by_text.get((topic, text))

    def of_activity(self, activity: str) -> Measure | None:
        """The bank's measure of an activity (`activity_of`; ids are unique in the bank); None
        for an item known only by its own words ("text:…")."""
        return self._by_activity.get(activity)

    @cached_property
    def _by_activity(self) -> dict[str, Measure]:
        return {m.activity: m for m in reversed(self.measures) if m.activity}

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
        key = normal_name(key)
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


# Verbs and adverbs an item may open with that do not change the work it names:
# 严格执行 / 严格落实 / 认真落实“三会一课”制度 are one activity.
_LEADING_VERBS = sorted(
    (
        "严格执行", "严格落实", "认真落实", "认真执行", "扎实开展", "深入开展", "认真开展", "规范开展",
        "持续开展", "常态化开展", "坚持", "落实", "执行", "开展", "推进", "加强", "抓好", "做好",
        "规范", "严格", "认真", "深入", "扎实", "持续", "不断", "切实", "着力",
    ),
    key=len,
    reverse=True,
)


def _family(topic: str) -> str:
    """Which items' activities an item is matched among: 存在问题 / 下一步, or the measures."""
    return "closing" if topic in (PROBLEMS, NEXT_STEPS) else "measures"


def _core(key: str) -> str:
    """An item without its leading verbs and adverbs (at least two characters are kept)."""
    changed = True
    while changed:
        changed = False
        for verb in _LEADING_VERBS:
            if key.startswith(verb) and len(key) - len(verb) >= 2:
                key = key[len(verb):]
                changed = True
                break
    return key


def _bare(lead: str) -> str:
    """A cause's lead-in without its punctuation (究其原因， → 究其原因), as a report says it."""
    return lead.rstrip("，,：: ")


def normal_name(text: str) -> str:
    """A name as compared: no quotes, no spaces."""
    return "".join(ch for ch in text if ch not in "“”‘’\"' \u3000")


def _count_names(counts: Sequence[CountEntry]) -> dict[str, CountEntry]:
    """Every name a count is known by → the entry: verb + object, synonyms, and the object when
    it has 3 characters or more (党员, 问题 alone say too little; 党费 is listed as a synonym)."""
    names: dict[str, CountEntry] = {}
    for entry in counts:
        for name in own_names(entry):
            names.setdefault(normal_name(name), entry)
    return names


def own_names(entry: CountEntry) -> list[str]:
    own = [entry.name, *entry.synonyms]
    return own + [entry.object] if len(normal_name(entry.object)) >= _MIN_NAME else own


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
