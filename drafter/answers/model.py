"""The typed answers of one report: what an answers file says, parsed and validated once.

`drafter.answers.answers` turns an answers file (or the wizard's in-memory mapping) into an `Answers`
and back; everything after that boundary — composition, diff, render, import, the wizard's
preview — works on these classes, never on raw mappings.

Absent and empty differ, as in the file: `None` means "not answered yet" (the wizard asks it,
composition uses the default), while an empty string or list means "answered: leave it out".
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from drafter.library import Outline

SCHEMA_VERSION = 1  # answers files without `schema:` were written by release 0.1 and are version 1

Scalar = str | int | bool | dt.date | list[str] | None
LeftOut = Literal[""]  # an answer given as "" — the document leaves that part out


@dataclass
class Measure:
    """One measure of a section (一是……): its lead clause and an optional detail sentence.

    `detail` is None until asked (the wizard asks it on resume), "" when answered empty.
    """

    item: str
    detail: str | None = None


@dataclass
class SectionAnswer:
    """One answered section (or sub-section) of the report.

    `topic` links it to the outline section whose questions and template it uses; `counts` maps
    a count's key (集中学习) to its value (None: asked and left blank).
    """

    heading: str
    topic: str | None = None
    run_in: bool | None = None
    measures: list[Measure] | None = None
    counts: dict[str, int | None] | None = None
    paragraphs: list[str] | None = None
    extra: dict[str, Scalar] | None = None  # the topic's own questions (topics.yaml)
    children: list[SectionAnswer] | None = None

    def walk(self) -> Iterator[SectionAnswer]:
        """This section and every sub-section below it, in document order."""
        yield self
        for child in self.children or []:
            yield from child.walk()


@dataclass
class BranchFigures:
    """One branch report a gathered report was drawn from: a row of its figures table.

    `name` is how the draft and the table name the branch (第一党支部), `unit` its full name as
    its report gives it, `source` the file it was read from (its name only). `counts` maps a
    catalogue count's name (召开支委会) to the branch's figure in the catalogue's unit (收缴党费
    in 元); a count the report does not give is absent — missing, never 0.
    """

    name: str
    unit: str = ""
    source: str = ""
    counts: dict[str, int] = field(default_factory=dict)


@dataclass
class SkippedReport:
    """A branch report `drafter gather` could not use, and why (Chinese)."""

    source: str
    reason: str


@dataclass
class Gathered:
    """Where a gathered report's figures come from (`drafter gather`): the branch reports
    read, each with its figures, and those left out. A total in the draft is checked against
    the sum of the branches' figures (drafter.checking.gathered). `table` is whether the
    figures table goes with the document as its 附件 (None: not decided yet)."""

    branches: list[BranchFigures] = field(default_factory=list)
    left_out: list[SkippedReport] = field(default_factory=list)
    table: bool | None = None

    def sources(self, key_of: Callable[[str], str]) -> dict[str, dict[str, int]]:
        """{count id: {branch name: figure}} with each key read through `key_of` (a catalogue
        name or synonym → its entry's id), so 集体学习 and 集中学习 are one count."""
        out: dict[str, dict[str, int]] = {}
        for branch in self.branches:
            for key, value in branch.counts.items():
                out.setdefault(key_of(key), {})[branch.name] = value
        return out


@dataclass
class Answers:
    """Everything one report's answers file says, with its outline already resolved.

    `outline_ref` is the `outline:` as written (an id, or a file beside the answers file);
    `outline` is that outline, resolved once relative to the answers file, so composition never
    looks an outline up by name. `more` holds answers to basic questions an outlines folder adds
    beyond the built-in ones.
    """

    outline: Outline
    outline_ref: str
    unit: str | None = None
    organisation: str | None = None  # an organisation type id of organisations.yaml (branch …)
    year: int | None = None
    period: str | None = None
    title: str | None = None
    opening: list[str] | None = None
    closing: list[str] | None = None
    signature: list[str] | None = None
    date: dt.date | LeftOut | None = None
    sections: list[SectionAnswer] | None = None
    run_in_levels: list[int] | None = None  # heading levels laid out run-in; None: the kind's way
    last: str | None = None  # `from:` — last period's report or answers file (drafter new --from)
    gathered: Gathered | None = None  # `gathered:` — the branch reports a gathered report sums
    more: dict[str, Scalar] = field(default_factory=dict)
    schema: int = SCHEMA_VERSION
    path: Path | None = None  # the answers file these came from, when there is one

    def walk(self) -> Iterator[SectionAnswer]:
        """Every section and sub-section in document order."""
        for section in self.sections or []:
            yield from section.walk()
