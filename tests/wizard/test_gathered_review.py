"""`drafter new --answers` on a gathered report: its sources kept, its table asked on the review."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import docx
import pytest
import yaml

from drafter.library.outline import Library, load_library
from drafter.wizard.question import PromptSpec
from drafter.wizard.review import TABLE_PROMPT
from drafter.wizard.wizard import run_wizard
from tests.scripted import ENTER, Scripted, choose

EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "gathered.answers.yaml"


@pytest.fixture(scope="module")
def library() -> Library:
    return load_library()


def review_steps(*titles: str) -> Any:
    """The review menu's answers in turn: choose each title, then 生成文档."""
    steps = [*titles, "生成文档"]

    def answer(spec: PromptSpec) -> Any:
        return choose(steps.pop(0))(spec)

    return answer


def gathered_copy(tmp_path: Path) -> Path:
    path = tmp_path / "机关党委.answers.yaml"
    shutil.copy(EXAMPLE, path)
    return path


def test_the_review_asks_for_the_table_and_keeps_the_sources(tmp_path: Path, library: Library) -> None:
    answers = gathered_copy(tmp_path)
    before = yaml.safe_load(answers.read_text(encoding="utf-8"))["gathered"]["branches"]
    out = tmp_path / "机关党委.docx"
    prompter = Scripted(
        by_message={"核对一下": review_steps("附件统计表"), TABLE_PROMPT: False}, rest=ENTER,
    )
    run_wizard(library, output=out, answers_path=answers, prompter=prompter)
    assert any("附件统计表：附上" in o.title for s in prompter.asked for o in s.options)
    saved = yaml.safe_load(answers.read_text(encoding="utf-8"))["gathered"]
    assert saved["table"] is False
    assert saved["branches"] == before  # the wizard's saves keep every branch's figures
    assert not docx.Document(str(out)).tables


def test_a_gathered_report_with_its_table_from_the_wizard(tmp_path: Path, library: Library) -> None:
    answers = gathered_copy(tmp_path)
    out = tmp_path / "机关党委.docx"
    run_wizard(library, output=out, answers_path=answers, defaults_only=True)
    document = docx.Document(str(out))
    assert document.tables  # gathered.table: true in the example
    assert document.tables[0].rows[-1].cells[0].text == "合计"
