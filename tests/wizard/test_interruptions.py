"""Ctrl-C at every prompt of a short run, then `--answers`: nothing is lost, nothing asked twice.

The run is answered by message (tests/scripted.py), so a resumed interview gets the same answer
to the same question wherever it starts again. For each prompt in turn the wizard is stopped
there, resumed from its answers file and finished; the answers and the document must equal
those of an uninterrupted run. The run covers every kind of answer: organisation and kind,
basics, the parts checkbox, ticked and own measures, the detail choice and a detail, counts,
text, and the review.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from drafter.domain.naming import answers_beside
from drafter.errors import Interrupted
from drafter.library.outline import Library
from drafter.wizard.part_questions import OWN_OPTION
from tests.helpers import load_answers
from tests.scripted import ENTER, Scripted, tick
from tests.wizard.kit import BANK_ITEM, UNIT, answers_of

PROMPTS = 25  # of the uninterrupted run (checked below)


def own_items() -> Callable[[Any], str]:
    """One own item, then Enter to end the list; again the next time the list is asked."""
    state = {"typed": False}

    def answer(_spec: Any) -> str:
        state["typed"] = not state["typed"]
        return "带头讲党课" if state["typed"] else ""

    return answer


def policy(**kwargs: Any) -> Scripted:
    return Scripted(
        by_message={
            "单位名称": UNIT,
            "成文日期": "2025-12-05",
            "写哪几条做法": tick(BANK_ITEM, OWN_OPTION),
            "自己写的一条": own_items(),
            "要为哪几条补充具体情况": lambda spec: [o.value for o in spec.options if "带头讲党课" in o.title],
            "“带头讲党课”的具体情况": "书记带头讲党课2次",
            "开展集中学习（次）": "12",
            "正文": "第一段\n\n第二段",
            "存在哪些问题": lambda spec: [spec.options[0].value],
        },
        rest=ENTER,
        **kwargs,
    )


@pytest.fixture(scope="module")
def whole(library: Library, tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, int]:
    """The document of one uninterrupted run, and how many prompts it took."""
    from drafter.wizard.wizard import run_wizard

    prompter = policy()
    out = run_wizard(library, output=tmp_path_factory.mktemp("whole") / "whole.md", prompter=prompter)
    return out, len(prompter.asked)


def test_the_run_covers_every_kind_of_answer(whole: tuple[Path, int]) -> None:
    out, prompts = whole
    politics, problems = answers_of(out)["sections"]
    assert politics["measures"][-1] == {"item": "带头讲党课", "detail": "书记带头讲党课2次"}
    assert politics["numbers"]["开展集中学习"] == 12 and politics["text"] == "第一段\n\n第二段"
    assert problems["measures"] and prompts == PROMPTS


STOPS = range(PROMPTS)


@pytest.mark.parametrize("stop", STOPS)
def test_ctrl_c_then_resume_gives_the_same_report(
    library: Library, whole: tuple[Path, int], tmp_path: Path, stop: int
) -> None:
    from drafter.wizard.wizard import run_wizard

    reference, _ = whole
    out = tmp_path / "out.md"
    with pytest.raises(Interrupted):
        run_wizard(library, output=out, prompter=policy(stop_at=stop))
    answers = answers_beside(out)
    if answers.exists():
        load_answers(answers, library)  # a complete, valid answers file at every stop
    resumed = policy()
    run_wizard(library, output=out, answers_path=answers if answers.exists() else None, prompter=resumed)

    assert answers_of(out) == answers_of(reference)
    assert out.read_text(encoding="utf-8") == reference.read_text(encoding="utf-8")
    asked_before = stop  # the prompts answered before Ctrl-C are not all asked again
    assert len(resumed.asked) <= PROMPTS - asked_before + 3


# --- SIGTERM ------------------------------------------------------------------------------------


def sigterm_then(answer: Any) -> Callable[[Any], Any]:
    """Answer as `answer` would, after SIGTERM was sent to this very process (as `kill PID` does)."""
    import os
    import signal

    def send(spec: Any) -> Any:
        os.kill(os.getpid(), signal.SIGTERM)
        return answer(spec) if callable(answer) else answer

    return send


def test_sigterm_stops_like_ctrl_c_and_exits_143(
    library: Library, whole: tuple[Path, int], tmp_path: Path
) -> None:
    """SIGTERM while the interview works on (here: right after the unit's name was typed):
    the answers so far are saved, the message says where and how to go on, the exit is 143,
    and resuming gives the uninterrupted run's report."""
    import signal

    from drafter.errors import EXIT_TERMINATED, Terminated
    from drafter.wizard.wizard import run_wizard

    reference, _ = whole
    out = tmp_path / "out.md"
    prompter = policy()
    prompter.by_message["成文日期"] = sigterm_then("2025-12-05")
    before = signal.getsignal(signal.SIGTERM)
    with pytest.raises(Terminated) as info:
        run_wizard(library, output=out, prompter=prompter)
    assert info.value.exit_code == EXIT_TERMINATED == 143
    answers = answers_beside(out)
    assert str(info.value).startswith("收到终止信号（SIGTERM），问答已停止；已保存到")
    assert f"drafter new --answers {answers} -o {out}" in str(info.value)
    assert signal.getsignal(signal.SIGTERM) is before  # the handler lasts only as long as the interview
    assert load_answers(answers, library)[0]["unit"] == UNIT
    assert not out.exists()
    run_wizard(library, output=out, answers_path=answers, prompter=policy())
    assert out.read_text(encoding="utf-8") == reference.read_text(encoding="utf-8")


def test_sigterm_exit_code_and_message_at_the_command_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from drafter.cli import main
    from drafter.wizard import prompts

    prompter = policy()
    prompter.by_message["单位名称"] = sigterm_then(UNIT)
    monkeypatch.setattr(prompts, "ensure_terminal", lambda: None)
    monkeypatch.setattr(prompts, "TerminalPrompter", lambda: prompter)
    out = tmp_path / "总结.docx"
    assert main(["new", "-o", str(out)]) == 143
    err = capsys.readouterr().err
    assert err.startswith("收到终止信号（SIGTERM），问答已停止；") and "继续填写：drafter new --answers" in err
