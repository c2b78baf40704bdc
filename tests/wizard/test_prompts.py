"""The terminal prompter (drafter.wizard.prompts) with real key presses through prompt_toolkit pipe input.

A handful of tests: what only real keys show — Enter on an empty line ends a multi-paragraph
answer, Esc then Enter still does, Space ticks a checkbox, Esc is harmless in lists, the number
validator's Chinese messages, Ctrl-X Ctrl-E without an editor, and Ctrl-C in `drafter new`
giving exit 130 with the command to continue. The pipe is closed after the keys, so a prompt
the test did not expect fails with end of input instead of hanging.
"""

from __future__ import annotations

import asyncio
import io
import os
import stat
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest
from prompt_toolkit.application import create_app_session
from prompt_toolkit.completion import CompleteEvent
from prompt_toolkit.document import Document
from prompt_toolkit.input import create_pipe_input
from prompt_toolkit.output import DummyOutput
from prompt_toolkit.validation import ValidationError

from drafter.cli import run
from drafter.domain.naming import answers_beside
from drafter.errors import NoTerminalError
from drafter.library.outline import Library
from drafter.wizard import prompts
from drafter.wizard.question import Option, PromptSpec, Question, clean_paragraphs

ENTER, DOWN, SPACE, CTRL_C = "\r", "\x1b[B", " ", "\x03"
ESC_ENTER = "\x1b\r"
CTRL_X_CTRL_E = "\x18\x05"


@contextmanager
def keyboard(*keys: str) -> Iterator[None]:
    """Run the code inside with these key presses as its terminal input, then end of input."""
    with create_pipe_input() as pipe:
        pipe.send_text("".join(keys))
        pipe.close()
        with create_app_session(input=pipe, output=DummyOutput()):
            yield


def ask(spec: PromptSpec, *keys: str) -> Any:
    with keyboard(*keys):
        return prompts.TerminalPrompter().ask(spec)


MULTILINE = PromptSpec("multiline", "正文")


def test_enter_on_an_empty_line_ends_a_multi_paragraph_answer() -> None:
    assert clean_paragraphs(ask(MULTILINE, "第一段", ENTER, "第二段", ENTER, ENTER)) == "第一段\n\n第二段"
    assert ask(MULTILINE, ENTER) == ""  # nothing to say: one Enter
    kept = PromptSpec("multiline", "正文", default="上期的一段话")
    assert clean_paragraphs(ask(kept, ENTER, ENTER)) == "上期的一段话"  # after text: new line, then end


def test_escape_then_enter_still_ends_it() -> None:
    assert ask(MULTILINE, "一段话", ESC_ENTER) == "一段话"


def test_the_hint_says_both_ways_to_finish_and_names_the_editor() -> None:
    hint = prompts.multiline_hint(["/usr/bin/nano"])
    assert "写完在空行上按回车，或按 Esc 再按回车" in hint and "Ctrl-X Ctrl-E 用 nano 编辑" in hint
    assert "Ctrl-X" not in prompts.multiline_hint(None)


def test_space_ticks_and_enter_confirms_a_checkbox() -> None:
    spec = PromptSpec("checkbox", "写哪几条？", options=(Option("甲", "a", checked=True), Option("乙", "b")))
    assert ask(spec, DOWN, SPACE, ENTER) == ["a", "b"]


@pytest.mark.parametrize(
    ("widget", "default", "expected"),
    [("select", "b", "b"), ("checkbox", None, ["a"]), ("confirm", True, True)],
)
def test_escape_then_enter_in_a_list_or_yes_no_is_enter(widget: str, default: Any, expected: Any) -> None:
    """Users end a multi-line answer with Esc then Enter, and press it at the next prompt too."""
    options = (Option("甲", "a", checked=True), Option("乙", "b"))
    assert ask(PromptSpec(widget, "问题", default=default, options=options), ESC_ENTER) == expected


def test_numbers_are_refused_at_the_prompt_with_a_chinese_message() -> None:
    count = Question.from_dict({"name": "numbers", "type": "int", "prompt": "数字", "min": 0, "max": 100000})
    spec = count.for_item("召开支委会（次）", "次").structure({})
    with keyboard():
        validator = prompts.build(spec).application.current_buffer.validator
    shown = {}
    for typed in ("abc", "-3", "999999", "7次", ""):
        try:
            validator.validate(Document(typed))
        except ValidationError as exc:
            shown[typed] = exc.message
    assert shown == {
        "abc": "请填整数（如 12；不填请直接回车）。",
        "-3": "不能是负数。",
        "999999": "999999 超出了合理范围（最大 100000），请核对。",
    }
    assert ask(spec, "abc", ENTER, "\x7f" * 3, "12", ENTER) == "12"  # refused, corrected


def test_without_any_editor_ctrl_x_ctrl_e_says_so(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.delenv("VISUAL", raising=False)
    monkeypatch.delenv("EDITOR", raising=False)
    monkeypatch.setenv("PATH", str(tmp_path))  # neither nano nor notepad here
    assert prompts.editor_command() is None
    assert ask(MULTILINE, CTRL_X_CTRL_E, "自己打字", ESC_ENTER) == "自己打字"
    assert prompts.NO_EDITOR in capsys.readouterr().out


@pytest.mark.skipif(sys.platform == "win32", reason="the stand-in editor is a shell script")
def test_with_editor_unset_ctrl_x_ctrl_e_opens_nano_when_installed(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    nano = tmp_path / "nano"  # a stand-in that appends a line, as a user would in nano
    nano.write_text('#!/bin/sh\nprintf "\\n编辑器里写的\\n" >> "$1"\n', encoding="utf-8")
    nano.chmod(nano.stat().st_mode | stat.S_IEXEC)
    monkeypatch.delenv("VISUAL", raising=False)
    monkeypatch.delenv("EDITOR", raising=False)
    monkeypatch.setenv("PATH", f"{tmp_path}{os.pathsep}{os.environ['PATH']}")
    assert prompts.editor_command() == [str(nano)]

    async def edit() -> Any:
        """Ctrl-X Ctrl-E, wait as a user would until the editor is done, then finish."""
        with create_pipe_input() as pipe, create_app_session(input=pipe, output=DummyOutput()):
            app = prompts.build(PromptSpec("multiline", "正文", default="第一段")).application
            answer = asyncio.ensure_future(app.run_async())
            pipe.send_text(CTRL_X_CTRL_E)
            for _ in range(400):
                await asyncio.sleep(0.025)
                if "编辑器里写的" in app.current_buffer.text:
                    break
            pipe.send_text(ESC_ENTER)
            return await answer

    assert clean_paragraphs(asyncio.run(edit())) == "第一段\n\n编辑器里写的"


def test_ctrl_c_in_drafter_new_exits_130_with_the_command_to_continue(
    library: Library, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "out.md"
    with keyboard(ENTER, ENTER, "某某支部", ENTER, CTRL_C):  # organisation, kind, unit, Ctrl-C
        code = run(["--outlines", str(library.root), "new", "-o", str(out)])
    assert code == 130
    answers = answers_beside(out)
    err = capsys.readouterr().err
    assert f"已保存到 {answers}；继续填写：drafter new --answers {answers} -o {out}" in err
    assert "unit: 某某支部" in answers.read_text(encoding="utf-8")


def test_no_terminal_and_input_ending_mid_way(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "stdin", io.StringIO())
    with pytest.raises(NoTerminalError):
        prompts.ensure_terminal()
    with keyboard():
        prompts.ensure_terminal()  # a scripted pipe counts as a terminal
    with pytest.raises(NoTerminalError):  # end of input without a terminal
        ask(PromptSpec("text", "单位名称"), "某某")


def test_heading_completion_offers_every_title_for_the_default() -> None:
    completer = prompts.ChoiceCompleter(["加强理论武装", "坚持政治引领"])

    def offered(text: str) -> list[str]:
        return [c.text for c in completer.get_completions(Document(text), CompleteEvent())]

    assert offered("") == offered("加强理论武装") == ["加强理论武装", "坚持政治引领"]
    assert offered("政治") == ["坚持政治引领"]
    assert offered("组织") == []
