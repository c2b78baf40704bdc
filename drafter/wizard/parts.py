"""Choosing the parts of the report: one checkbox for the whole tree of sections (pure, no prompts).

Offered, in document order, at every level: this period's sections (ticked; they keep their
answers), last period's sections not chosen (ticked the first time), and learned sections not
among them. A learned top-level section is ticked the first time when most reports of the kind
have it (one per topic: 党建与业务融合 twice is not offered ticked twice); a learned sub-section
only when every report of the kind has it, and a sub-sub-section (1. under （一）) never: such
detail is one report's, the user adds it when it fits. Sub-sections are listed indented under their parent,
so one checkbox settles the structure instead of one per section; ticking a sub-section keeps
its parent.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

from drafter.answers import SectionAnswer, section_topic
from drafter.library import OTHER, OutlineSection, Sourced
from drafter.wizard.carry import Carry
from drafter.wizard.question import Option
from drafter.wizard.session import learned_of

TOP_SHARE = 0.5  # a learned top-level section is ticked when at least this share of reports has it
SUB_SHARE = 1.0  # a learned sub-section only when every report has it
INDENT = "　　"

Path = tuple[int, ...]


@dataclass
class Entry:
    """One part offered: this period's section, last period's, or a learned one."""

    title: str
    checked: bool
    current: SectionAnswer | None = None
    last: SectionAnswer | None = None
    learned: OutlineSection | None = None
    children: list[Entry] = field(default_factory=list)


_OTHER_REPORTS = re.compile(r"XX|xx|××|\*\*|《")
# The short name a report calls its own unit by, before 党建 (2022年度中心党建工作完成情况).
_SELF_NAME = re.compile(r"(中心|局|馆|院|站|所|公司|学校)(?=党建|党的建设)")


@dataclass(frozen=True)
class Adapting:
    """What learned titles are said again for: this report's organisation and year, and the
    titles of the reports they were learned from (the year each was written in, its unit)."""

    organisation: str | None = None
    year: int | None = None
    reports: tuple[Sourced, ...] = ()
    specific: tuple[str, ...] = ()  # Library.specific: parts offered, never ticked for the user
    own: bool = False  # an own kind's: its parts are the office's, ticked as its reports have them

    def general(self, learned: OutlineSection) -> bool:
        """Whether a learned part fits any unit: none of its titles names a region's, sector's
        or campaign's work (民族团结进步创建 is one county's, 乡村振兴 one kind of unit's)."""
        return not any(word in t.text for t in learned.titles for word in self.specific)

    def titles(self, learned: OutlineSection) -> list[str]:
        """The learned titles a reader would accept in this report, most common first: years
        moved to this period (2022年度… → 2026年度…, 2023年… → 2027年…), the learned
        report's own short name dropped (…中心党建工作…), and none with a placeholder, a
        document title, a 的/得/地 slip, a year that cannot be moved, or 党组/党委 words in a
        branch's report."""
        from drafter.domain import shift_years, stated_period
        from drafter.library import beyond_organisation, misused_de

        out: list[str] = []
        for title in learned.titles:
            text = title.text
            if _OTHER_REPORTS.search(text) or misused_de(text):
                continue
            if beyond_organisation(text, self.organisation):
                continue
            report = next((r.text for r in self.reports if set(r.sources) & set(title.sources)), "")
            moved = shift_years(text, stated_period(report)[0], self.year)
            if moved is None:
                continue
            own = _without_own_name(moved, report)
            if own and own not in out:
                out.append(own)
        return out

    def default(self, learned: OutlineSection) -> str:
        """The heading offered for a learned section: its first title, else the topic's name."""
        titles = self.titles(learned)
        return titles[0] if titles else learned.topic


def _without_own_name(title: str, report: str) -> str:
    """`title` without the short name its report called its unit by (中心 of …建设中心…)."""
    return _SELF_NAME.sub(lambda m: "" if m.group(1) in report else m.group(1), title)


def entries(
    current: list[SectionAnswer] | None,
    last: list[SectionAnswer] | None,
    candidates: list[OutlineSection],
    carry: Carry,
    depth: int = 0,
    adapting: Adapting = Adapting(),
) -> list[Entry]:
    """The parts to offer at one level, in document order, each with its own sub-parts.

    This period's sections keep their order; each of last period's that is not among them goes
    right after the section that came before it last period; each learned one after the
    section that comes before it in the outline.
    """
    found: list[tuple[Entry, str | None]] = []  # each entry with its topic
    for section in current or []:
        entry = Entry(section.heading, True, current=section, last=carry.of(section))
        entry.learned = learned_of(section, candidates)
        found.append((entry, section.topic))
    before: SectionAnswer | None = None  # last period's section before this one
    for part in last or []:
        if not any(e.last is part for e, _ in found):
            after = next(
                (n + 1 for n, (e, _) in enumerate(found) if before is not None and e.last is before), 0
            )
            learned = learned_of(part, candidates)
            entry = Entry(part.heading, current is None, last=part, learned=learned)
            found.insert(after, (entry, part.topic))
        before = part
    order = {s.id: k for k, s in enumerate(candidates)}
    present = {topic for _, topic in found}
    fresh = current is None and last is None
    ticked_topics: set[str] = set()
    for k, learned in enumerate(candidates):
        if learned.id in present:
            continue
        title = adapting.default(learned)
        if title != learned.topic and section_topic(learned.id) != OTHER:
            title = f"{title}（{learned.topic}）"
        topic = section_topic(learned.id)
        share = TOP_SHARE if depth == 0 or adapting.own else SUB_SHARE
        if adapting.own:
            checked = fresh and learned.share >= share
        else:
            checked = (
                fresh and depth <= 1 and learned.share >= share and topic not in ticked_topics
                and adapting.general(learned)
            )
        if checked:
            ticked_topics.add(topic)
        entry = Entry(title, checked, learned=learned)
        earlier = [n for n, (_, t) in enumerate(found) if t in order and order[t] < k]
        found.insert(earlier[-1] + 1 if earlier else 0, (entry, learned.id))
    out = [entry for entry, _ in found]
    for entry in out:
        entry.children = entries(
            entry.current.children if entry.current else None,
            entry.last.children if entry.last else None,
            entry.learned.children if entry.learned else [],
            carry,
            depth + 1,
            adapting,
        )
    return out


def options(tree: list[Entry], prefix: Path = ()) -> list[Option]:
    """The checkbox entries, depth first; sub-parts indented; each valued by its path."""
    out = []
    for n, entry in enumerate(tree):
        path = (*prefix, n)
        indent = INDENT * len(prefix)
        out.append(Option(f"{indent}{entry.title}", path, entry.checked))
        out.extend(options(entry.children, path))
    return out


def chosen_sections(
    tree: list[Entry],
    chosen: set[Path],
    new: Callable[[Entry], SectionAnswer],
    prefix: Path = (),
) -> list[SectionAnswer]:
    """The sections the ticks stand for: a part is kept when it or one of its sub-parts is
    ticked; `new` makes the section of a part not chosen before (last period's or learned).
    A part that offered sub-parts gets the chosen ones as its children ([] for none)."""
    out = []
    for n, entry in enumerate(tree):
        path = (*prefix, n)
        if not any(c[: len(path)] == path for c in chosen):
            continue
        section = entry.current if entry.current is not None else new(entry)
        if entry.children:
            section.children = chosen_sections(entry.children, chosen, new, path)
        out.append(section)
    return out
