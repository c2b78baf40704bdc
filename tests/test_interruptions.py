"""Ctrl-C at every prompt of the shortest shipped outline, then `--answers`: nothing is lost.

The shipped `measures` outline (four —— parts) is driven with default answers (Esc+Enter accepts
the default at every kind of prompt). For each prompt in turn the wizard is interrupted there,
resumed from its answers file, and finished; the answers and the document must equal those of
an uninterrupted run.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from drafter.errors import Interrupted
from drafter.naming import answers_beside as default_answers_path
from drafter.outline import Library, load_library
from tests.helpers import load_answers
from tests.test_wizard import CTRL_C, DOWN, ENTER, FINISH, answers_of, wizard

# The kind list: general, annual, duty_report, half_year, measures.
HEAD = [DOWN * 4 + ENTER, "某某县档案馆党支部\r"]
PROMPTS = 36  # prompts of one pass over `measures` with defaults, the two above included
ENOUGH = [FINISH] * 200  # more than any pass needs; keys left over once it is written are unused


@pytest.fixture(scope="module")
def library() -> Library:
    outlines = load_library()
    assert "measures" in outlines.outlines
    return outlines


@pytest.fixture(scope="module")
def whole(library: Library, tmp_path_factory: pytest.TempPathFactory) -> Path:
    return wizard(library, tmp_path_factory.mktemp("whole") / "whole.md", *HEAD, *ENOUGH)


def test_the_pass_has_the_expected_prompts(library: Library, whole: Path, tmp_path: Path) -> None:
    """Guards PROMPTS: exactly that many answers finish the wizard, one fewer does not."""
    assert answers_of(whole)["outline"] == "measures"
    keys = [*HEAD, *ENOUGH][:PROMPTS]
    with pytest.raises(Interrupted):
        wizard(library, tmp_path / "a.md", *keys[:-1], CTRL_C)
    assert wizard(library, tmp_path / "b.md", *keys).exists()


@pytest.mark.parametrize("stop", range(PROMPTS - 1))
def test_ctrl_c_then_resume_gives_the_same_report(
    library: Library, whole: Path, tmp_path: Path, stop: int
) -> None:
    out = tmp_path / "out.md"
    with pytest.raises(Interrupted):
        wizard(library, out, *[*HEAD, *ENOUGH][:stop], CTRL_C)
    answers = default_answers_path(out)
    if answers.exists():
        load_answers(answers, library)  # a complete, valid answers file at every stop
    wizard(library, out, *HEAD[stop:], *ENOUGH, answers_path=answers)

    assert answers_of(out) == answers_of(whole)
    assert out.read_text(encoding="utf-8") == whole.read_text(encoding="utf-8")
