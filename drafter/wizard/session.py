"""One interview's state: the typed answers so far, the file they are saved to, what to say on stop.

No prompts here. The interview (drafter.wizard.interview) and the review screen (drafter.wizard.review) change
`Session.answers` — a `drafter.answers.model.Answers`, never a raw mapping — and call `save` after every
answer, so Ctrl-C loses nothing and `drafter new --answers FILE` asks only what is missing.

What "answered" means follows the model: None is "not asked yet", "" or [] is "answered: leave
it out". Basic questions (questions.yaml `basics`) are read and written here in the form their
`Question` casts to (text, int, ISO date, paragraphs separated by blank lines), so the question
machinery and the typed answers meet in one place (`basic_form`, `set_basic`).
"""

from __future__ import annotations

import datetime as dt
import re
import shlex
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from drafter.answers import (
    BUILT_IN_BASICS,
    Answers,
    SectionAnswer,
    answers_mapping,
    paragraphs_of,
    text_of,
    write_answers,
)
from drafter.domain import Office, heading_label, parse_date, report_year
from drafter.library import Library, OutlineSection

PATH_SEPARATOR = " › "


class Session:
    """The answers of one `drafter new` run and the answers file they are saved to."""

    def __init__(self, library: Library, path: Path, output: Path, today: dt.date) -> None:
        self.library = library
        self.path = path
        self.output = output
        self.today = today
        self._answers: Answers | None = None
        self.saved = False  # the answers file holds this run's answers (or was read to resume)
        self.unsaved = ""  # the answer whose save was interrupted, "" when every save completed

    @property
    def answers(self) -> Answers:
        """The answers so far; they exist once the report kind is chosen (or the file is read)."""
        if self._answers is None:
            raise RuntimeError("the session has no answers before the report kind is chosen")
        return self._answers

    def begin(self, answers: Answers, *, from_file: bool = False) -> None:
        """Take these answers as this run's; `from_file` when they were read from `path`."""
        answers.path = self.path
        self._answers = answers
        self.saved = from_file

    def save(self, what: str) -> None:
        """Write the answers file now; `what` names the answer just given.

        The file is replaced atomically, so an interruption leaves it as it was before this
        answer; until the write completes, `what` is remembered as not saved.
        """
        self.unsaved = what
        write_answers(self.path, self.answers)
        self.unsaved = ""
        self.saved = True

    def stop_message(self) -> str:
        """What to tell the user when the interview stops before the document is written."""
        lost = f"“{self.unsaved}”没有保存（保存时被中断）；" if self.unsaved else ""
        if not self.saved:
            return f"{lost}已取消，没有保存任何答案。"
        command = f"drafter new --answers {shell_word(self.path)} -o {shell_word(self.output)}"
        kept = "此前的答案保存在" if lost else "已保存到"
        return f"{lost}{kept} {self.path}；继续填写：{command}"

    # --- basic answers -------------------------------------------------------------------

    def basic_context(self, last: dict[str, Any]) -> dict[str, Any]:
        """What the basic questions' templates see: the answers so far, the kind (an own kind's
        base kind: `Library.kind_id`), today, the year a
        report written today most likely covers, last period's answers (`last`) and the unit
        named as its Party organisation (the signature's default)."""
        organisation = self.library.knowledge.chosen(self.answers.organisation)
        return {
            **answers_mapping(self.answers), "kind": self.library.kind_id(self.answers.outline),
            "today": self.today,
            "report_year": report_year(self.today), "last": last,
            "party_organisation": organisation.of(self.answers.unit or ""),
        }

    def office(self) -> Office | None:
        """The office of an own kind (the names its reports give it); None for a shipped kind."""
        own = self.answers.outline.own
        return Office.of(own.units) if own is not None else None

    def known(self, name: str) -> Any:
        """What the report kind knows of a basic answer before it is asked: an own kind's
        unit is the office its reports name (None otherwise)."""
        own = self.answers.outline.own
        return own.units[0] if name == "unit" and own is not None and own.units else None

    def basic(self, name: str) -> Any:
        return basic_form(self.answers, name)

    def set_basic(self, name: str, value: Any) -> None:
        set_basic(self.answers, name, value)

    # --- sections ------------------------------------------------------------------------

    def walk(self) -> Iterator[Place]:
        """Every section with its learned section and its place, depth first."""
        yield from walk(self.answers.sections or [], self.answers.outline.sections)


def basic_form(answers: Answers, name: str) -> Any:
    """A basic answer as its question casts it (None: not answered yet)."""
    if name not in BUILT_IN_BASICS:
        return answers.more.get(name)
    value = getattr(answers, name)
    if value is None:
        return None
    if name in ("opening", "closing"):
        return text_of(value)
    if name == "signature":
        return "\n".join(value)
    if isinstance(value, dt.date):
        return value.isoformat()
    return value


def set_basic(answers: Answers, name: str, value: Any) -> None:
    """Store a basic answer given in its question's form (see `basic_form`)."""
    if name in ("opening", "closing", "signature"):
        setattr(answers, name, paragraphs_of(str(value or "")))
    elif name == "date":
        answers.date = (parse_date(str(value)) if value else None) or ""
    elif name in BUILT_IN_BASICS:
        setattr(answers, name, value)
    else:
        answers.more[name] = value


def shell_word(path: Path) -> str:
    """A path as typed in a command line (quoted only when it has spaces)."""
    text = str(path)
    return shlex.quote(text) if re.search(r"\s", text) else text


def chars(text: str) -> int:
    """Length of a text as Chinese users count it: characters without spaces and line breaks."""
    return len(re.sub(r"\s", "", text))


# --- places: a section with its learned section and position ------------------------------------
class Place:
    """A section answer where it stands: its labels from the top (一、 › （二）), its learned
    section (None for one the outline does not have) and the learned sections of its children."""

    def __init__(
        self,
        section: SectionAnswer,
        learned: OutlineSection | None,
        trail: tuple[str, ...],
        level: int,
    ) -> None:
        self.section = section
        self.learned = learned
        self.trail = trail  # "一、坚持……", "（二）抓好……": this section's and its parents' lines
        self.level = level

    @property
    def label(self) -> str:
        """This section's own line: （二）抓好……"""
        return self.trail[-1]

    @property
    def banner(self) -> str:
        """Where the questions are: 一、坚持…… › （二）抓好……"""
        return PATH_SEPARATOR.join(self.trail)

    @property
    def learned_children(self) -> list[OutlineSection]:
        return self.learned.children if self.learned else []


def learned_of(section: SectionAnswer, candidates: list[OutlineSection]) -> OutlineSection | None:
    """The learned section an answered section belongs to, among its siblings in the outline."""
    return next((s for s in candidates if s.id == section.topic), None)


def walk(
    sections: list[SectionAnswer],
    candidates: list[OutlineSection],
    level: int = 1,
    trail: tuple[str, ...] = (),
) -> Iterator[Place]:
    """Every section, depth first, with its numbers from the top ("一、", "（二）")."""
    for n, section in enumerate(sections, start=1):
        place = Place(
            section,
            learned_of(section, candidates),
            (*trail, heading_label(level, n) + section.heading),
            level,
        )
        yield place
        yield from walk(
            section.children or [], place.learned_children, min(level + 1, 4), place.trail
        )


def has_content(section: SectionAnswer) -> bool:
    """Whether a section says anything beyond its heading (else the document leaves it out)."""
    return bool(
        any(m.item.strip() for m in section.measures or [])
        or any(v for v in (section.counts or {}).values())
        or any(p.strip() for p in section.paragraphs or [])
        or any(v not in (None, "", [], False) for v in (section.extra or {}).values())
        or any(has_content(c) for c in section.children or [])
    )
