"""The only module that talks to questionary: `TerminalPrompter` shows a `PromptSpec` at the
terminal and returns the raw answer (the wizard takes any `question.Prompter`; tests pass one).

Every prompt goes through `unsafe_ask()`, so Ctrl-C reaches the wizard as `Aborted` (it saves
and stops) instead of questionary printing "Cancelled by user" and returning None. SIGTERM
during a prompt ends it from the prompt's event loop (the terminal restored as after Ctrl-C)
and reaches the wizard as `TermSignal` (drafter.wizard.signals). End of
input is `Aborted` at a real terminal (Ctrl-D) and `NoTerminalError` otherwise. Instructions
are Chinese, and questionary's English answer echoes (checkbox "done (3 selections)", confirm
"Yes") are erased and replaced by a Chinese line. A default that is last period's answer
(`PromptSpec.carried`) is marked "（上期内容）" after the question, with a hint that it can be
kept as it is.

A multi-paragraph answer ends with Enter on an empty line (what a new user tries) or with Esc
then Enter; Enter on a line with text starts a new paragraph. Ctrl-X Ctrl-E opens the user's
editor (VISUAL or EDITOR), else nano (or Notepad) when installed; without any, it says so
instead of starting vi, which a new user cannot leave.
"""

from __future__ import annotations

import os
import shlex
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Callable, Iterable
from pathlib import Path
from types import FrameType
from typing import Any

import questionary
from prompt_toolkit.application import Application, run_in_terminal
from prompt_toolkit.application.current import get_app_session
from prompt_toolkit.completion import CompleteEvent, Completer, Completion
from prompt_toolkit.document import Document
from prompt_toolkit.input import PipeInput
from prompt_toolkit.key_binding import KeyBindings, KeyPressEvent, merge_key_bindings
from prompt_toolkit.keys import Keys

from drafter.errors import NoTerminalError
from drafter.wizard.question import Aborted, PromptSpec, TermSignal
from drafter.wizard.signals import on_sigterm

__all__ = [
    "Aborted", "ChoiceCompleter", "TerminalPrompter", "build", "editor_command", "ensure_terminal",
]

SELECT_KEYS = "（↑↓ 移动，回车确认）"
CHECKBOX_KEYS = "（↑↓ 移动，空格勾选，回车确认）"
MULTILINE_KEYS = "（回车换段；写完在空行上按回车，或按 Esc 再按回车）"
EDITOR_KEYS = "（Ctrl-X Ctrl-E 用 {editor} 编辑）"
NO_EDITOR = "没有找到可用的文字编辑器，请直接在这里输入（如需用编辑器，请设置环境变量 EDITOR，例如 EDITOR=nano）。"
# Editors a new user can work in, tried in turn when neither VISUAL nor EDITOR is set.
FALLBACK_EDITORS = ("nano", "notepad")
AUTOCOMPLETE_KEYS = "（按 Tab 看常见写法，也可自己写）"
CONFIRM_KEYS = "（y 是 / n 否）"
CARRIED_MARK = "（上期内容）"
CARRIED_HINT = "可直接沿用，也可修改"
CARRIED_TICKS = "已按上期勾选"


def _at_terminal() -> bool:
    """Whether both stdin and stdout are a terminal."""
    try:
        return sys.stdin.isatty() and sys.stdout.isatty()
    except (AttributeError, ValueError):  # stdin closed or replaced by something without a tty
        return False


def ensure_terminal() -> None:
    """Refuse to start the wizard without a terminal to ask at.

    A pipe given to the current prompt_toolkit session (as tests and scripted runs do with
    `create_app_session(input=pipe)`) counts as a terminal. The session's private `_input` is
    read because the public `input` property would create a default input (and print a
    warning) when there is none.
    """
    if isinstance(get_app_session()._input, PipeInput):  # private: see the docstring
        return
    if not _at_terminal():
        raise NoTerminalError()


class TerminalPrompter:
    """The wizard's prompter at a terminal (or a prompt_toolkit pipe session): questionary."""

    def ask(self, spec: PromptSpec) -> Any:
        """Show one prompt and return the raw answer: text, a chosen value, a list, or a bool."""
        question = build(spec)
        ender = _PromptEnder(question.application)
        try:
            with on_sigterm(ender):
                answer = question.unsafe_ask()
        except KeyboardInterrupt as exc:
            raise (TermSignal if ender.pending else Aborted) from exc
        except EOFError as exc:
            if _at_terminal() or ender.pending:
                raise (TermSignal if ender.pending else Aborted) from exc
            raise NoTerminalError() from exc
        if ender.pending:  # the answer was given as the signal came: stop all the same
            raise TermSignal
        if spec.widget in ("checkbox", "confirm"):
            self.say(f"? {spec.message} {_echo(spec, answer)}")
        return answer

    def say(self, text: str = "") -> None:
        """Print a line for the user between prompts (previews, notices)."""
        print(text, flush=True)


class _PromptEnder:
    """SIGTERM while one prompt runs: never raised inside prompt_toolkit's event loop (the
    terminal would stay raw), but handed to the loop, which ends the prompt with `TermSignal`.
    Before the prompt starts or after it ended, the signal raises `TermSignal` at once."""

    def __init__(self, app: Application[Any]) -> None:
        self.app = app
        self.pending = False

    def __call__(self, _signum: int, _frame: FrameType | None) -> None:
        loop = self.app.loop
        if not self.app.is_running or loop is None or loop.is_closed():
            raise TermSignal
        self.pending = True
        loop.call_soon_threadsafe(self._end)

    def _end(self) -> None:
        future = self.app.future
        if future is not None and not future.done():
            self.app.exit(exception=TermSignal())


def _echo(spec: PromptSpec, answer: Any) -> str:
    """The Chinese line left behind after a checkbox or yes/no prompt."""
    if spec.widget == "confirm":
        return "是" if answer else "否"
    titles = [o.title for o in spec.options if o.value in answer]
    if not titles:
        return "（未选）"
    return "、".join(titles) if len(titles) <= 2 else f"已选 {len(titles)} 项"


def _validator(spec: PromptSpec) -> Callable[[Any], bool | str] | None:
    """questionary's validator form: True, or the message to show."""
    check = spec.validate
    return None if check is None else (lambda raw: check(raw) or True)


def _with(*parts: str) -> str:
    """Join a prompt's text pieces, skipping empty ones."""
    return " ".join(p for p in parts if p)


def _ignore_escape(question: questionary.Question) -> questionary.Question:
    """Make Esc do nothing in a list or yes/no prompt.

    Users end a multi-line answer with Esc then Enter, and do it again at the next prompt;
    questionary's lists and yes/no then return "" instead of the choice. With Esc ignored,
    Esc then Enter is Enter.
    """
    ignore = KeyBindings()

    @ignore.add(Keys.Escape, eager=True)
    def _(event: KeyPressEvent) -> None:
        """Nothing: see `_ignore_escape`."""

    return _with_bindings(question, ignore)


def _with_bindings(question: questionary.Question, extra: KeyBindings) -> questionary.Question:
    """Add key bindings to a question; they take precedence over the prompt's own."""
    app = question.application
    app.key_bindings = merge_key_bindings([app.key_bindings or KeyBindings(), extra])
    return question


def editor_command() -> list[str] | None:
    """The editor Ctrl-X Ctrl-E opens: VISUAL or EDITOR when set, else nano or Notepad when
    installed, else None (the prompt then says how to set one)."""
    for name in ("VISUAL", "EDITOR"):
        value = os.environ.get(name, "").strip()
        if value:
            return shlex.split(value)
    for editor in FALLBACK_EDITORS:
        found = shutil.which(editor)
        if found:
            return [found]
    return None


def multiline_hint(editor: list[str] | None) -> str:
    """The keys of a multi-paragraph answer: both ways to finish, and the editor if there is one."""
    return MULTILINE_KEYS + (EDITOR_KEYS.format(editor=Path(editor[0]).stem) if editor else "")


def _edit_in(command: list[str], text: str) -> str | None:
    """Let the user edit `text` in an external editor; the new text, or None when it failed."""
    fd, name = tempfile.mkstemp(prefix="drafter-", suffix=".txt")
    path = Path(name)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            fh.write(text)
        try:
            status = subprocess.call([*command, str(path)])
        except OSError:
            print(f"无法启动编辑器“{command[0]}”。{NO_EDITOR}", flush=True)
            return None
        return path.read_text(encoding="utf-8").rstrip("\n") if status == 0 else None
    finally:
        path.unlink(missing_ok=True)


def _multiline_bindings(editor: list[str] | None) -> KeyBindings:
    """Enter on an empty line ends the answer; Ctrl-X Ctrl-E opens `editor` (or says there is
    none). Esc then Enter, the prompt's own way to end, still works."""
    bindings = KeyBindings()

    @bindings.add(Keys.Enter)
    def _(event: KeyPressEvent) -> None:
        """A new paragraph after text; the end of the answer on an empty line."""
        buffer = event.current_buffer
        if buffer.document.current_line.strip():
            buffer.newline(copy_margin=False)
        else:
            buffer.validate_and_handle()

    @bindings.add(Keys.ControlX, Keys.ControlE)
    def _(event: KeyPressEvent) -> None:
        """Edit the answer so far in an external editor."""
        buffer = event.current_buffer
        if editor is None:
            run_in_terminal(lambda: print(NO_EDITOR, flush=True))
            return

        async def edit() -> None:
            text = await run_in_terminal(lambda: _edit_in(editor, buffer.text), in_executor=True)
            if text is not None:
                buffer.document = Document(text, len(text))

        event.app.create_background_task(edit())

    return bindings


def build(spec: PromptSpec) -> questionary.Question:
    """The questionary question for a spec, not yet asked (tests inspect its validator)."""
    choices = [questionary.Choice(o.title, o.value, checked=o.checked) for o in spec.options]
    extra: dict[str, Any] = {"placeholder": spec.placeholder} if spec.placeholder else {}
    message, instruction = spec.message, spec.instruction
    if spec.carried:  # a multi-line prompt shows its help line by line, the others on one line
        message += CARRIED_MARK
        hint = CARRIED_TICKS if spec.widget == "checkbox" else CARRIED_HINT
        joiner = "\n" if spec.widget == "multiline" else "；"
        instruction = joiner.join(p for p in (hint, instruction) if p)
    if spec.widget == "select":
        return _ignore_escape(
            questionary.select(
                message,
                choices,
                default=spec.default,
                instruction=_with(instruction, SELECT_KEYS),
            )
        )
    if spec.widget == "checkbox":
        return _ignore_escape(
            questionary.checkbox(
                message,
                choices,
                validate=_validator(spec) or (lambda _: True),
                instruction=_with(instruction, CHECKBOX_KEYS),
                erase_when_done=True,
            )
        )
    if spec.widget == "confirm":
        return _ignore_escape(
            questionary.confirm(
                message,
                default=bool(spec.default),
                instruction=_with(instruction, CONFIRM_KEYS),
                erase_when_done=True,
            )
        )
    if spec.widget == "autocomplete":
        titles = [o.title for o in spec.options]
        return questionary.autocomplete(
            _with(message, instruction, AUTOCOMPLETE_KEYS if titles else ""),
            titles,
            default=spec.default or "",
            completer=ChoiceCompleter(titles),
            validate=_validator(spec),
            **extra,
        )
    if spec.widget == "multiline":
        editor = editor_command()
        keys = multiline_hint(editor)
        question = questionary.text(
            message,
            default=spec.default or "",
            validate=_validator(spec),
            multiline=True,
            instruction="".join(
                f"\n  {line}" for line in f"{instruction}\n{keys}".split("\n") if line
            )
            + "\n>",
            **extra,
        )
        return _with_bindings(question, _multiline_bindings(editor))
    return questionary.text(
        message,
        default=spec.default or "",
        validate=_validator(spec),
        instruction=instruction or None,
        **extra,
    )


class ChoiceCompleter(Completer):
    """Completes against fixed choices, showing all of them while the text is empty or is one.

    The text usually starts as the default, itself a choice; a plain substring match would then
    offer nothing but that default. Otherwise choices containing the typed text are offered.
    """

    def __init__(self, choices: list[str]) -> None:
        self.choices = choices

    def get_completions(
        self, document: Document, complete_event: CompleteEvent
    ) -> Iterable[Completion]:
        text = document.text_before_cursor
        show_all = not text.strip() or text in self.choices
        for choice in self.choices:
            if show_all or text.strip() in choice:
                yield Completion(choice, start_position=-len(text))
