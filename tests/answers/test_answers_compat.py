"""Answers files written by release 0.1 (no `schema:`) keep loading and rendering.

tests/fixtures/answers_v1/ holds the examples as they were, a file the 0.1 wizard wrote and a
file 0.1's `drafter import` wrote, with the Markdown rendered from each (expected/). The renders
were taken with 0.1 and re-taken once when composition learned to write counts into their
measures, to say framing sentences once and to leave out empty sections (issue 9), and once more
when the kinds' openings, closings and framing sentences got several wordings chosen by the unit
(issue 19: only those sentences changed), and when that choice became a rotation by the unit
(again only those sentences); every other difference is a regression.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from drafter.answers.answers import read_answers
from drafter.answers.model import SCHEMA_VERSION
from drafter.composing.composer import compose
from drafter.library.outline import Library, load_library
from drafter.writers.render import text_of_document

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "answers_v1"
FILES = sorted(FIXTURES.glob("*.answers.yaml"))
RENDERED_ON = dt.date(2026, 11, 26)  # the day expected/ was rendered: files without a date use it


@pytest.fixture(scope="module")
def library() -> Library:
    return load_library()


def test_there_are_fixtures_of_every_origin() -> None:
    names = {p.name for p in FILES}
    assert {"wizard.answers.yaml", "import.answers.yaml", "complete.answers.yaml"} <= names


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.name)
def test_old_files_render_as_they_did(path: Path, library: Library) -> None:
    answers = read_answers(path, library)
    assert answers.schema == SCHEMA_VERSION
    expected = (FIXTURES / "expected" / path.name.replace(".answers.yaml", ".md")).read_text(encoding="utf-8")
    got = text_of_document(compose(answers, library, today=RENDERED_ON), "md")
    assert got == expected
