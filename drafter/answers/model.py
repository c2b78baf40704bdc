"""The typed answers of one report: what an answers file says, parsed and validated once.

`drafter.answers.answers` turns an answers file (or the wizard's in-memory mapping) into an `Answers`
and back; everything after that boundary — composition, diff, render, import, the wizard's
preview — works on these classes, never on raw mappings.

Absent and empty differ, as in the file: `None` means "not answered yet" (the wizard asks it,
composition uses the default), while an empty string or list means "answered: leave it out".
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
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
    more: dict[str, Scalar] = field(default_factory=dict)
    schema: int = SCHEMA_VERSION
    path: Path | None = None  # the answers file these came from, when there is one

    def walk(self) -> Iterator[SectionAnswer]:
        """Every section and sub-section in document order."""
        for section in self.sections or []:
            yield from section.walk()
