"""Starting from last period (`drafter new --from REPORT`): last period's answers as defaults.

Last period's answers (an answers file, or a report read as `drafter import` reads it) are a
layer of defaults under this period's answers, never copied into them. The answers file records
where they came from (`from:`), so a resumed interview reloads the same layer. What this
period's file holds is what the user confirmed or typed: a carried answer is offered as the
default and marked "（上期内容）" until Enter stores it. Exceptions, on purpose: the period moves
forward (chosen among the periods that follow last period's), the title and date are computed
afresh, counts are asked blank with last period's figure beside them (under last period's own
keys), and a carried answer that is empty is taken as it is (there is nothing to confirm).

A carried section is linked to the section of last period it came from; on resume the links are
found again by `diff.pair_headings`. This module holds the layer and answers questions about it;
it asks nothing itself.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from drafter.answers import Answers, Measure, SectionAnswer, answers_mapping
from drafter.domain import Period, apply_counts, dated_phrases, shift_years
from drafter.errors import UserError
from drafter.learning import find_mentions
from drafter.library import Knowledge, Library, OutlineSection
from drafter.wizard.offers import CountItem
from drafter.wizard.question import Question
from drafter.wizard.session import basic_form

# Last period's answers that are not offered as this period's: the period moves forward, the
# title and date are computed for it, and the outline and parts are chosen by their own prompts.
NOT_CARRIED = ("outline", "from", "year", "period", "title", "date", "sections", "schema")


def load_last_period(path: Path, library: Library) -> Answers:
    """Last period's answers: an answers file as saved, or a report as `drafter import` reads it.

    Any problem becomes one line that says it was last period's file that failed.
    """
    from drafter.learning import answers_from

    try:
        last = answers_from(path, library)
    except UserError as exc:
        raise UserError(f"无法读取上期内容：{exc.message}") from None
    return _without_generated_framing(last, library)


def _without_generated_framing(last: Answers, library: Library) -> Answers:
    """Last period's answers without an opening or closing that is only its kind's form as
    drafter wrote it (今年上半年，……现将2026年上半年……汇报如下：): this period's kind writes
    its own for this period, instead of offering last period's words to be corrected by hand.
    An opening or closing the user wrote is carried as it is."""
    from dataclasses import replace

    from drafter.answers import paragraphs_of
    from drafter.composing import kind_text

    def generated(value: list[str] | None, piece: str) -> bool:
        return bool(value) and value == paragraphs_of(kind_text(last, library, piece))

    opening, closing = generated(last.opening, "opening"), generated(last.closing, "closing")
    if not (opening or closing):
        return last
    return replace(
        last, opening=None if opening else last.opening, closing=None if closing else last.closing
    )


def is_empty(value: Any) -> bool:
    """An answer that says nothing: a carried one is taken without asking."""
    return value in ("", [], {})


def same_as_last(value: Any, last: Any) -> bool:
    """Whether an answer says something and says what last period's said (measures compared
    as item and detail)."""

    def comparable(answer: Any) -> Any:
        if isinstance(answer, list):
            return [(m.item, m.detail or "") if isinstance(m, Measure) else m for m in answer]
        return answer

    return (
        last is not None
        and value is not None
        and not is_empty(value)
        and comparable(value) == comparable(last)
    )


class Carry:
    """Last period's answers (None without `--from`) and the links to this period's sections."""

    def __init__(self, knowledge: Knowledge) -> None:
        self.knowledge = knowledge
        self.last: Answers | None = None
        # id(section) → (section, last period's section); the section is kept, so its id stays
        # its own
        self._links: dict[int, tuple[SectionAnswer, SectionAnswer]] = {}

    def use(self, last: Answers | None, answers: Answers) -> None:
        """Put last period's answers under these; link the sections saved so far (on resume)."""
        self.last = last
        if last is not None:
            self.link_tree(answers.sections or [], last.sections or [])

    def mapping(self) -> dict[str, Any]:
        """Last period's answers that carry over, as the `last` of questions.yaml conditions."""
        if self.last is None:
            return {}
        return {k: v for k, v in answers_mapping(self.last).items() if k not in NOT_CARRIED}

    def period(self) -> Period | None:
        return None if self.last is None else period_of(self.last)

    # --- basic answers -------------------------------------------------------------------

    def basic(self, q: Question) -> Any:
        """Last period's answer to a basic question in this question's form; None when none.

        An empty answer is no answer for a required question: an imported report without a
        signature must not make this period's report go without one.
        """
        if self.last is None or q.name in NOT_CARRIED:
            return None
        value = basic_form(self.last, q.name)
        if value is None or (q.required and is_empty(value)):
            return None
        try:
            return q.cast(value)
        except UserError:
            return None

    # --- sections ------------------------------------------------------------------------

    def link(self, part: SectionAnswer, last: SectionAnswer) -> None:
        self._links[id(part)] = (part, last)

    def of(self, part: SectionAnswer) -> SectionAnswer | None:
        """Last period's counterpart of this period's section."""
        entry = self._links.get(id(part))
        return entry[1] if entry is not None and entry[0] is part else None

    def link_tree(self, parts: list[SectionAnswer], last: list[SectionAnswer]) -> None:
        """Find again which of last period's sections each saved section came from."""
        from drafter.diff import pair_headings

        def keys(sections: list[SectionAnswer]) -> list[tuple[str | None, str]]:
            return [(s.topic, s.heading.strip()) for s in sections]

        for i, j in pair_headings(keys(last), keys(parts)).items():
            self.link(parts[j], last[i])
            self.link_tree(parts[j].children or [], last[i].children or [])

    def part(self, last: SectionAnswer, year: int | None) -> SectionAnswer:
        """A section chosen from last period's: its topic, heading and layout; the rest is asked.
        A year in the heading moves with the period (2025年度工作完成情况 → 2026年度…) unless
        it cannot be moved (2021年以来 stays)."""
        source_year = self.last.year if self.last is not None else None
        heading = shift_years(last.heading, source_year, year) or last.heading
        section = SectionAnswer(heading=heading, topic=last.topic, run_in=last.run_in)
        self.link(section, last)
        return section

    def measures(self, section: SectionAnswer) -> list[Measure] | None:
        """Last period's items of this section (with their details), None when none."""
        last = self.of(section)
        return None if last is None or last.measures is None else list(last.measures)

    def text(self, section: SectionAnswer) -> str | None:
        """Last period's text of this section with this period's counts already in it
        ("集中学习82次" becomes "集中学习90次"), as composition will print it."""
        last = self.of(section)
        if last is None or last.paragraphs is None:
            return None
        paragraphs, _ = apply_counts(last.paragraphs, section.counts, lambda _key: "")
        return "\n\n".join(paragraphs)

    def extra(self, section: SectionAnswer, name: str) -> Any:
        last = self.of(section)
        return None if last is None else (last.extra or {}).get(name)

    def counts(self, section: SectionAnswer, learned: OutlineSection | None) -> list[CountItem]:
        """Last period's counts of this section, under last period's keys, to be asked blank.

        The unit is the one last period's text uses, else the learned one, else the catalogue's;
        `stated` is the words of the text a new figure replaces ("集中学习82次").
        """
        last = self.of(section)
        if last is None or last.counts is None:
            return []
        text = "\n".join(last.paragraphs or [])
        units = {f.key: f.unit for f in learned.facts} if learned else {}
        units.update({m.key: m.unit for m in reversed(find_mentions(text))})
        items = []
        for key, value in last.counts.items():
            entry = self.knowledge.match_count(key)
            unit = units.get(key) or (entry.unit if entry else "")
            stated = ""
            if found := re.search(re.escape(key) + r"\d+", text):
                follows = unit and text.startswith(unit, found.end())
                stated = found.group() + (unit if follows else "")
            items.append(CountItem(key, unit, carried=True, last=value, stated=stated))
        return items

    def note(self, text: str, stale: list[str], now: Period | None) -> str:
        """What to check in a text of last period: its figures and time words still in it."""
        if self.last is None or not text:
            return ""
        lines = []
        if figures := [f"“{s}”" for s in stale if s in text]:
            lines.append("请核对，仍是上期的数字：" + "".join(figures))
        if dated := [f"“{d}”" for d in dated_phrases(text, self.period(), now)]:
            lines.append("请核对，仍是上期的时间说法：" + "".join(dated))
        return "\n".join(lines)


def period_of(answers: Answers) -> Period | None:
    """The period answers state, when they state a year."""
    if answers.year is None:
        return None
    return Period(answers.year, answers.period or "全年")
