"""`drafter gather`: the 机关党委's (or 党总支's) report drafted from its branches' reports.

Every branch report is read as `drafter import` reads it (drafter.learning.branches); one that
cannot be read, or that states no figure the count catalogue knows, is left out and said so, and
the others go on. From those read:
- **totals**: every catalogue count, summed per count across branches (synonyms merged, 万元 read
  as 元); a branch that does not give a count is missing for it, not 0. Each total keeps its
  sources: the answers' `gathered:` block holds every branch's figures (the table's rows), and
  `drafter check` holds the draft's totals to them.
- **parts** by topic (drafter.learning.gather_parts): shared measures said for the branches,
  typical examples named by branch; problems and next steps merged once.
- an ordinary answers file for the gathering organisation (机关党委 unless the unit names a
  党总支 or a 党委), the kind the branches' reports are (annual, half_year), their year and
  period: `drafter new --answers` edits it, `drafter render` writes it.

Branches are named by their unit (title, signature, answers) — 第一党支部 when it has an ordinal,
else the unit without what all branches' units share — or by their file name.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from drafter.answers import (
    SCHEMA_VERSION,
    Answers,
    BranchFigures,
    Gathered,
    SectionAnswer,
    SkippedReport,
)
from drafter.errors import UserError
from drafter.learning.branches import CLOSING_TOPICS, Branch, Figure, Item, read_branch
from drafter.learning.gather_parts import branches_phrase, closing_items, main_part
from drafter.library import NEXT_STEPS, OTHER, PROBLEMS, CountEntry, Knowledge, Library

DEFAULT_KIND = "annual"
HALF_YEAR_KIND = "half_year"
_ORDINAL = re.compile(r"第[一二三四五六七八九十]{1,3}(?:党)?支部")
# Where a unit's name may be cut: after a level, an office or its 机关.
_WORD_END = re.compile(r"(?:省|市|县|区|镇|乡|局|委|办|厅|院|馆|所|中心|机关)")
_OWN_HEADING = re.compile(r"我支部|本支部|第[一二三四五六七八九十]+(?:党)?支部")
_PROBLEMS_HEADING = re.compile(r"存在的?(?:主要)?(?:问题|不足|差距|短板)|^(?:问题|不足)|不足$")
_ORGANISATIONS = (("党总支", "general_branch"), ("总支", "general_branch"), ("机关党委", "organ_committee"),
                  ("党委", "party_committee"))


@dataclass
class Total:
    """A count summed across branches: by branch, and the branches that do not give it."""

    entry: CountEntry
    by_branch: dict[str, Figure]
    missing: list[str]
    topic: str  # the part it is said in

    @property
    def value(self) -> int:
        return sum(f.value for f in self.by_branch.values())


@dataclass
class PartSummary:
    """What one part of the draft took from the branches, for the command's summary."""

    heading: str
    shared: list[str]
    examples: list[str]
    dropped: int = 0  # problems or next steps beyond the most a part lists
    closing: bool = False  # a problems or next-steps part: `shared` are its merged items


@dataclass
class GatherResult:
    """The gathered answers, the branches read, those left out, the totals and notes."""

    answers: Answers
    branches: list[Branch]
    left_out: list[SkippedReport]
    totals: list[Total]
    parts: list[PartSummary] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


def gather_reports(paths: Sequence[Path], library: Library, unit: str | None = None) -> GatherResult:
    """Read the branch reports and draft the gathering organisation's answers from them.

    Raises UserError (exit 2) when no report could be used, naming why for each."""
    branches: list[Branch] = []
    left_out: list[SkippedReport] = []
    for path in paths:
        try:
            branch = read_branch(path, library)
        except UserError as exc:
            left_out.append(SkippedReport(path.name, _reason(exc, path)))
            continue
        if not branch.figures:
            left_out.append(SkippedReport(path.name, "没有识别到计数目录中的任何数字（如“召开支委会12次”），未汇总"))
            continue
        branches.append(branch)
    _name(branches)
    kept: list[Branch] = []
    for branch in branches:
        twin = next((b for b in kept if b.name == branch.name), None)
        if twin is not None:
            left_out.append(SkippedReport(branch.source.name, f"与{twin.source.name}是同一个支部（{branch.name}），只汇总前一份"))
        else:
            kept.append(branch)
    if not kept:
        reasons = "；".join(f"{x.source}：{x.reason}" for x in left_out)
        raise UserError(f"没有可以汇总的支部报告。{reasons}。", hint="请检查文件，或先用 drafter import 试读每一份报告。")
    unit = (unit or "").strip() or _common_unit(kept, library)
    return _draft(kept, left_out, unit, library)


def _reason(exc: UserError, path: Path) -> str:
    message = exc.message
    for prefix in (f"{path}：", f"{path.name}："):
        message = message.removeprefix(prefix)
    return message.rstrip("。")


# --- names ---------------------------------------------------------------------------------------
def _name(branches: list[Branch]) -> None:
    """Each branch's name as the draft says it (see the module docstring)."""
    units = [b.unit for b in branches if b.unit]
    shared = _word_prefix(units) if len(units) > 1 else ""
    for branch in branches:
        ordinal = _ORDINAL.search(branch.unit) or _ORDINAL.search(branch.source.stem)
        if ordinal:
            branch.name = ordinal.group().replace("党支部", "支部").replace("支部", "党支部")
        elif branch.unit and shared and len(branch.unit) > len(shared) + 1:
            branch.name = branch.unit[len(shared):]
        else:
            branch.name = branch.unit or branch.source.stem.removesuffix(".answers")


def _word_prefix(names: Sequence[str]) -> str:
    """What all names begin with, cut back to where a word of a unit's name ends."""
    prefix = names[0]
    for name in names[1:]:
        while not name.startswith(prefix):
            prefix = prefix[:-1]
    ends = [m.end() for m in _WORD_END.finditer(prefix)]
    return prefix[: ends[-1]] if ends else ""


def _common_unit(branches: list[Branch], library: Library) -> str:
    """The gathering unit when none is given: what the branches' units share, as a 机关党委."""
    shared = _word_prefix([b.unit for b in branches if b.unit]) if any(b.unit for b in branches) else ""
    return library.knowledge.organisation("organ_committee").of(shared) if shared else "机关党委"


def organisation_of(unit: str) -> str:
    """The organisation a gathering unit is: 党总支, 党委, else 机关党委."""
    return next((org for word, org in _ORGANISATIONS if unit.endswith(word)), "organ_committee")


# --- the draft -----------------------------------------------------------------------------------
def _majority(values: Sequence[object]) -> object:
    known = [v for v in values if v is not None]
    return Counter(known).most_common(1)[0][0] if known else None


def _topic(part_topic: str, heading: str) -> str:
    """A part's topic; a heading that names problems (存在的不足) is the problems part."""
    if part_topic not in CLOSING_TOPICS and _PROBLEMS_HEADING.search(heading):
        return PROBLEMS
    return part_topic


def _draft(branches: list[Branch], left_out: list[SkippedReport], unit: str, library: Library) -> GatherResult:
    knowledge = library.knowledge
    everyone = [b.name for b in branches]
    notes = [f"{b.name}：{n}" for b in branches for n in b.notes]
    year, period = _majority([b.year for b in branches]), _majority([b.period for b in branches])
    if len({b.year for b in branches if b.year}) > 1 or len({b.period for b in branches if b.period}) > 1:
        shown = "、".join(f"{b.name}{b.year or ''}年{b.period or ''}" for b in branches)
        notes.append(f"各支部报告的期间不一致（{shown}），按{year}年{period}汇总")
    kinds = [b.kind for b in branches if b.kind in (DEFAULT_KIND, HALF_YEAR_KIND)]
    kind = str(_majority(kinds) or (HALF_YEAR_KIND if period == "上半年" else DEFAULT_KIND))
    order, entries, headings = _parts(branches)
    totals = _totals(branches, knowledge, order)
    sections: list[SectionAnswer] = []
    summaries: list[PartSummary] = []
    for key in order:
        topic = key if not key.startswith("other:") else OTHER
        heading = _heading(headings[key])
        if topic in CLOSING_TOPICS:
            measures, dropped = closing_items(entries[key], topic, knowledge)
            sections.append(SectionAnswer(heading, topic, measures=measures, paragraphs=[]))
            summaries.append(PartSummary(heading, [m.item for m in measures], [], dropped, closing=True))
            continue
        counts = {t.entry.id: list(t.by_branch) for t in totals if t.topic == key}
        part = main_part(entries[key], topic, counts, everyone, knowledge, unit)
        numbers: dict[str, int | None] = {t.entry.name: t.value for t in totals if t.topic == key}
        sections.append(SectionAnswer(
            heading, None if topic == OTHER else topic, measures=part.measures,
            counts=numbers or None, paragraphs=part.examples,
        ))
        summaries.append(PartSummary(heading, part.shared, part.example_branches))
    gathered = Gathered(
        [
            BranchFigures(b.name, b.unit, b.source.name,
                          {knowledge.count(i).name: f.value for i, f in _in_catalogue_order(b.figures, knowledge)})
            for b in branches
        ],
        left_out,
    )
    answers = Answers(
        outline=library.outlines[kind], outline_ref=kind, unit=unit, organisation=organisation_of(unit),
        year=year if isinstance(year, int) else None, period=str(period) if period else None,
        sections=sections, gathered=gathered, schema=SCHEMA_VERSION,
    )
    for t in totals:
        approximate = [n for n, f in t.by_branch.items() if f.approximate]
        if approximate:
            notes.append(f"“{t.entry.name}”{branches_phrase(approximate, everyone)}写的是约数（余、多），合计按所写的数计")
    return GatherResult(answers, branches, left_out, totals, summaries, notes)


def _in_catalogue_order(figures: dict[str, Figure], knowledge: Knowledge) -> list[tuple[str, Figure]]:
    rank = {e.id: n for n, e in enumerate(knowledge.counts)}
    return sorted(figures.items(), key=lambda kv: rank.get(kv[0], len(rank)))


def _parts(
    branches: list[Branch],
) -> tuple[list[str], dict[str, list[tuple[Branch, Item]]], dict[str, list[str]]]:
    """The parts of the draft (a topic, or `other:` + heading), in the branches' order, closing
    parts last; each part's items and the headings the branches gave it."""
    order: list[str] = []
    entries: dict[str, list[tuple[Branch, Item]]] = {}
    headings: dict[str, list[str]] = {}
    for branch in branches:
        last = -1
        for part in branch.parts:
            topic = _topic(part.topic, part.heading)
            key = f"other:{part.heading}" if topic == OTHER else topic
            if key not in entries:
                entries[key], headings[key] = [], []
                order.insert(last + 1, key)
            last = order.index(key)
            entries[key] += [(branch, item) for item in part.items]
            headings[key].append(part.heading)
    closing = [k for k in (PROBLEMS, NEXT_STEPS) if k in entries]
    return [k for k in order if k not in closing] + closing, entries, headings


def _heading(candidates: list[str]) -> str:
    """The heading most branches gave the part, else the first that names no branch."""
    counted = Counter(candidates).most_common()
    if counted[0][1] > 1:
        return counted[0][0]
    return next((h for h in candidates if not _OWN_HEADING.search(h)), candidates[0])


def _totals(branches: list[Branch], knowledge: Knowledge, order: list[str]) -> list[Total]:
    """Every count any branch gives, in the catalogue's order, with the part it is said in:
    the part of its topic, else the first main part."""
    main = [k for k in order if k not in CLOSING_TOPICS]
    out = []
    for entry in knowledge.counts:
        by_branch = {b.name: b.figures[entry.id] for b in branches if entry.id in b.figures}
        if not by_branch:
            continue
        missing = [b.name for b in branches if entry.id not in b.figures]
        topic = entry.topic if entry.topic in main else (main[0] if main else order[0])
        out.append(Total(entry, by_branch, missing, topic))
    return out
