"""How one section's body reads: its measures as 一是/二是, its counts inside them, its framing.

The rules are those of docs/report-writing.md, so that a reader cannot see where the draft was
assembled:
- one measure is a plain sentence; two or more are 一是……；二是……。 — punctuated one way: all
  with ； when no point has a detail, all with 。 when any has;
- a count is written with its verb and measure word into the measure it proves (the phrase
  bank says which counts prove which measure), at the end of that measure's sentence; counts
  no measure claims close the section's first paragraph as one sentence; a section with only
  counts says who did the work they prove (`counts_alone`), never a bare line of figures;
- counts sharing a verb are grouped (召开支委会12次、党员大会4次，开展主题党日活动12次); a
  count left blank or 0 says nothing.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from functools import cache
from typing import NamedTuple

from drafter.answers import Measure, SectionAnswer
from drafter.domain import Count, has_verb, phrase_counts, point_ordinal
from drafter.library import NEXT_STEPS, PROBLEMS, CountEntry, Knowledge, Outline
from drafter.library import Measure as BankMeasure
from drafter.library import phrase_counts as phrase_entries

_SENTENCE_END = "。！？…”’）"
# A count whose key names no activity the verb table knows (优秀党员) is written "优秀党员达3名".
_GENERIC_VERB = "达"


class Answered(NamedTuple):
    """A count as answered: its key, value, measure word and catalogue entry (when it has one)."""

    key: str
    value: int
    unit: str
    entry: CountEntry | None


def sentence(text: str) -> str:
    """End a sentence with 。 unless it already ends in sentence-final punctuation."""
    text = text.strip().rstrip("，,；;、：:")
    if not text:
        return ""
    return text if text[-1] in _SENTENCE_END else text + "。"


def clause(text: str) -> str:
    """A clause to be continued: trailing punctuation dropped."""
    return text.strip().rstrip("。；;，,、：:")


def count_clause(counts: Sequence[Answered], verbs: Mapping[str, list[str]]) -> str:
    """The counts as one clause, the catalogue's phrasing first: 召开支委会12次、党员大会4次，…"""
    known = phrase_entries((c.entry, c.value) for c in counts if c.entry is not None)
    with_verb: list[Count] = []
    without: list[str] = []
    for c in counts:
        if c.entry is None and has_verb(c.key, verbs):
            with_verb.append(Count(c.key, c.value, c.unit))
        elif c.entry is None:
            without.append(f"{c.key}{_GENERIC_VERB}{c.value}{c.unit}")
    parts = [known, phrase_counts(with_verb, verbs), "，".join(without)]
    return "，".join(p for p in parts if p)


@cache
def _names(entry: CountEntry) -> tuple[str, ...]:
    """The ways a text names a count's activity, longest first: 召开支委会, 支部委员会, 支委会.
    (Kept per entry: every measure of a report is held against the whole catalogue.)"""
    names = {entry.name, *entry.synonyms}
    if len(entry.object) >= 3:  # 支委会 alone names it; 党费 or 问题 alone could be anything
        names.add(entry.object)
    return tuple(sorted(names, key=len, reverse=True))


@cache
def _activity_names(entry: CountEntry) -> tuple[str, ...]:
    """The names of 3+ characters: those that name the activity wherever they stand (信息 alone
    is any information, not the count of 宣传信息)."""
    return tuple(n for n in _names(entry) if len(n) >= 3)


def _states(text: str, entry: CountEntry, value: int) -> bool:
    """Whether the text already states this count with this very figure (发展党员2名)."""
    amount = re.escape(entry.amount(value))
    return any(re.search(re.escape(n) + amount, text) for n in _names(entry))


_FREQUENCY = re.compile(r"每(?:周|月|季度?|半年|年)|定期")
_CLAUSE_BREAK = re.compile(r"(?<=[，；])")  # a detail's clauses, each with its comma or semicolon


def _folded(detail: str, entry: CountEntry, value: int, period: str) -> str | None:
    """The detail with the count folded in where it says how often the activity is done:
    "每月组织一次集中学习" with 12 → "每月组织一次集中学习，全年共12次"; None when no clause
    of the detail both says how often and ends with the activity (then the count follows)."""
    clauses = _CLAUSE_BREAK.split(detail)
    for n, piece in enumerate(clauses):
        end = piece.rstrip("，；")
        # the activity ends the clause: 每月组织一次集中学习; in 定期组织学习心得交流 the
        # 心得 are what is exchanged, and a tally of 心得体会 is not this clause's
        if _FREQUENCY.search(piece) and any(end.endswith(x) for x in _activity_names(entry)):
            clauses[n] = f"{end}，{period}共{entry.amount(value)}{piece[len(end):]}"
            return "".join(clauses)
    return None


def count_id(count: Answered) -> str:
    """What a count stands for: its catalogue entry's id, else its own key (an office's count
    the catalogue does not know: 开展监督检查)."""
    return count.entry.id if count.entry is not None else count.key


_RULE_OPENERS = ("按", "根据", "依照", "依据")  # 按规定召开会议、讲授党课: how work is done, not a tally


def _tallied(detail: str, count: Answered) -> str | None:
    """The detail with the count's figure where a clause ends with its activity and verb ("……
    开展主题党日；结合……" with 12 → "……开展主题党日12次；结合……"), None when no clause does.
    A clause inside the detail that ends a list of activities (召开会议、讲授党课) or says the
    rule work follows (按规定……) is a way of working, not a tally. An own count (no entry) is
    known by its key (开展监督检查)."""
    if count.entry is not None:
        entry = count.entry
        names = {entry.name, *(entry.verb + n for n in _activity_names(entry))}
        amount = entry.amount(count.value)
    else:
        names, amount = {count.key}, f"{count.value}{count.unit}"
    clauses = _CLAUSE_BREAK.split(detail)
    for n, piece in enumerate(clauses):
        end = piece.rstrip("，；")
        name = next((x for x in names if end.endswith(x)), "")
        inside = n < len(clauses) - 1 and bool(piece[len(end):])
        if name and not (inside and (end[: -len(name)].endswith("、") or end.startswith(_RULE_OPENERS))):
            clauses[n] = end + amount + piece[len(end):]
            return "".join(clauses)
    return None


def counts_in_detail(
    detail: str, counts: Sequence[Answered], period: str = ""
) -> tuple[str, list[Answered]]:
    """Each fact once: a count the detail already states with its figure is not said again
    after it ("上半年发展党员2名，均为……" with 发展党员 2 is not followed by "上半年发展党员
    2名"; another figure there may be a part of it, 其中……, and the count follows); one
    whose activity the detail names with how often is folded in (`_folded`, once); and a count whose
    activity ends a clause of the detail is written there (`_tallied`): "层层签订党风廉政建设
    责任书" with 32 becomes "层层签订党风廉政建设责任书32份", not "…责任书，全年签订党风廉政
    建设责任书32份". An activity named inside a clause stays as it is ("按规定讲授党课的
    要求" is a way of working, not a tally) and its count follows. Returns the detail and the counts left over.
    """
    rest: list[Answered] = []
    folded = False
    for c in counts:
        if c.entry is not None and _states(detail, c.entry, c.value):
            continue
        fold = None if folded or c.entry is None else _folded(detail, c.entry, c.value, period)
        if fold is not None:
            detail, folded = fold, True
            continue
        if (tallied := _tallied(detail, c)) is not None:
            detail = tallied
        else:
            rest.append(c)
    return detail, rest


def bank_measure(item: str, topic: str, knowledge: Knowledge) -> BankMeasure | None:
    """The phrase-bank measure with this text, for the counts that prove it."""
    return knowledge.bank_measure(topic, item.strip().rstrip("。；;，,"))


def proven_by(
    measure: Measure, topic: str, knowledge: Knowledge, learned: Mapping[str, frozenset[str]] | None = None
) -> set[str]:
    """The ids of the counts a measure proves (`count_id`): those its bank entry (or the bank's
    measure of its activity) lists, those
    whose activity its clause names (坚持集中学习 proves 开展集中学习; 规范开展主题党日活动
    proves 开展主题党日活动), and those the office's own report stated with it (`learned`: an
    own kind's points, see `learned_proofs`). Not its detail: "支委会……把学习……列为首项议程"
    names a meeting as the place of the work, not the work a figure of meetings proves."""
    bank = bank_measure(measure.item, topic, knowledge)
    if topic in (PROBLEMS, NEXT_STEPS):  # a plan names work to do, it proves no figure
        return {e.id for e in bank.counts} if bank else set()
    # the bank's measure of the same activity (严格落实“三会一课”制度 is 严格执行……'s)
    bank = bank or knowledge.of_activity(knowledge.activity_of(measure.item, topic))
    ids = {e.id for e in bank.counts} if bank else set()
    named = {e.id for e in knowledge.counts if any(n in measure.item for n in _activity_names(e))}
    return ids | named | set((learned or {}).get(clause(measure.item), frozenset()))


def learned_proofs(outline: Outline, knowledge: Knowledge) -> dict[str, frozenset[str]]:
    """An own kind's points → the ids of the counts the office stated with them (its report's
    一是坚持“三会一课”学习制度……全年开展集中学习12次: this period's 集中学习 is that point's);
    empty for a shipped kind."""
    if outline.own is None:
        return {}
    out: dict[str, frozenset[str]] = {}
    for top in outline.sections:
        for section in top.walk():
            for point in section.points:
                ids = {e.id if (e := knowledge.match_count(k)) is not None else k for k in point.counts}
                if ids:
                    out[point.text] = out.get(point.text, frozenset()) | ids
    return out


def claim_counts(
    measures: Sequence[Measure],
    counts: Sequence[Answered],
    topic: str,
    knowledge: Knowledge,
    learned: Mapping[str, frozenset[str]] | None = None,
) -> tuple[list[list[Answered]], list[Answered]]:
    """Each measure's counts (those it proves, first measure first), and the rest. The counts
    the office's report stated with a measure (`learned`) are that measure's before any other
    measure proves them (撰写心得体会 with 开展专题研讨交流, not with 坚持每月集中学习)."""
    stated = [set((learned or {}).get(clause(m.item), frozenset())) for m in measures]
    proven = [proven_by(m, topic, knowledge, learned) for m in measures]
    left = list(counts)
    claimed: list[list[Answered]] = [[] for _ in measures]
    for ids_of in (stated, proven):
        for i, ids in enumerate(ids_of):
            mine = [c for c in left if count_id(c) in ids]
            left = [c for c in left if c not in mine]
            claimed[i] += mine
    return claimed, left


def points(
    measures: Sequence[Measure],
    claimed: Sequence[Sequence[Answered]],
    period: str,
    verbs: Mapping[str, list[str]],
    *,
    subject_only: Callable[[str], bool] | None = None,
) -> str:
    """The measures as one paragraph: a plain sentence for one, 一是……二是…… for several.

    A detail that already tallies the period ("上半年发展党员2名") is not followed by the period
    word again: "……，确定发展对象3名", not "……，上半年确定发展对象3名". A detail that only says
    who did the work (`subject_only`: 第二党支部, in a gathered report) runs into its counts:
    "第二党支部全年开展警示教育2次"."""
    items = []
    for m, counts in zip(measures, claimed, strict=True):
        detail, rest = counts_in_detail(clause(m.detail or ""), counts, period)
        counted = count_clause(rest, verbs)
        said = "" if period and re.search(re.escape(period) + r"[^，。；]*\d", detail) else period
        joint = "" if subject_only is not None and detail and counted and subject_only(detail) else "，"
        tail = joint.join(p for p in (detail, said + counted if counted else "") if p)
        items.append((clause(m.item), tail))
    if not items:
        return ""
    if len(items) == 1:
        item, tail = items[0]
        return sentence(item) + sentence(tail)
    full_stops = any(tail for _, tail in items)
    out = []
    for n, (item, tail) in enumerate(items, start=1):
        last = n == len(items)
        if full_stops:
            out.append(f"{point_ordinal(n)}{item}。{sentence(tail)}")
        else:
            out.append(f"{point_ordinal(n)}{item}{'。' if last else '；'}")
    return "".join(out)


def counts_alone(
    counts: Sequence[Answered],
    subject: str,
    proved: BankMeasure | None,
    period: str,
    verbs: Mapping[str, list[str]],
) -> str:
    """A section that has only counts, said as the work they prove, with who did it:
    "支部坚持集中学习与个人自学相结合，全年开展集中学习12次、专题研讨4次。" — the bank
    measure `proved` leads the figures it proves, and those it does not prove follow after a
    semicolon, so no figure reads as that measure's work ("……党员大会2次；开展谈心谈话35人次。");
    without one, the subject alone leads ("支部全年评选表彰优秀党员3名。"). Never a bare
    "全年……12次。" line."""
    mine = [c for c in counts if proved is not None and c.entry is not None and c.entry in proved.counts]
    if proved is None or not mine:
        counted = count_clause(counts, verbs)
        return sentence(f"{subject}{period}{counted}") if counted else ""
    rest = count_clause([c for c in counts if c not in mine], verbs)
    lead = f"{clause(proved.text)}，{period}{count_clause(mine, verbs)}"
    return sentence(f"{subject}{lead}" + (f"；{rest}" if rest else ""))


def with_counts(
    paragraphs: list[str], counts: Sequence[Answered], period: str, verbs: Mapping[str, list[str]]
) -> list[str]:
    """Counts no measure claimed: each in the sentence of the text that names its activity
    where `counts_in_detail` would write it there ("支部每月组织一次集中学习，全年共12次"), the
    rest as one sentence closing the first paragraph (or alone)."""
    rest = list(counts)
    written = []
    for paragraph in paragraphs:
        sentences = []
        for piece in re.split(r"(?<=。)", paragraph):
            body = piece.rstrip("。")
            if body and rest:
                body, rest = counts_in_detail(body, rest, period)
            sentences.append(body + piece[len(piece.rstrip("。")):])
        written.append("".join(sentences))
    paragraphs = written
    counted = count_clause(rest, verbs)
    if not counted:
        return paragraphs
    text = sentence(period + counted)
    if not paragraphs:
        return [text]
    return [sentence(paragraphs[0]) + text, *paragraphs[1:]]


def says_more_than_measures(section: SectionAnswer) -> bool:
    """Whether a section has text, counts or sub-sections that say something."""
    return bool(
        any(p.strip() for p in section.paragraphs or [])
        or any(v for v in (section.counts or {}).values())
        or any(says_something(c) for c in section.children or [])
    )


def says_something(section: SectionAnswer) -> bool:
    """Whether a section has anything to print: measures, text, counts, or such a sub-section."""
    return any(clause(m.item) for m in section.measures or []) or says_more_than_measures(section)
