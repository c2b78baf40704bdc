"""The only module that talks to questionary: it shows a `PromptSpec` and returns the raw answer.

Every prompt goes through `unsafe_ask()`, so Ctrl-C reaches the wizard as `Aborted` (it saves
and stops) instead of questionary printing "Cancelled by user" and returning None. End of
input is `Aborted` at a real terminal (Ctrl-D) and `NoTerminalError` otherwise. Instructions
are Chinese, and questionary's English answer echoes (checkbox "done (3 selections)", confirm
"Yes") are erased and replaced by a Chinese line. A default that is last period's answer
(`PromptSpec.carried`) is marked "（上期内容）" after the question, with a hint that it can be
kept as it is.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterable
from typing import Any

import questionary
from prompt_toolkit.application.current import get_app_session
from prompt_toolkit.completion import CompleteEvent, Completer, Completion
from prompt_toolkit.document import Document
from prompt_toolkit.input import PipeInput
from prompt_toolkit.key_binding import KeyBindings, KeyPressEvent, merge_key_bindings
from prompt_toolkit.keys import Keys

from drafter.errors import NoTerminalError
from drafter.question import PromptSpec

SELECT_KEYS = "（↑↓ 移动，回车确认）"
CHECKBOX_KEYS = "（↑↓ 移动，空格勾选，回车确认）"
MULTILINE_KEYS = "（回车换段；写完按 Esc 再按回车；Ctrl-X Ctrl-E 打开编辑器）"
AUTOCOMPLETE_KEYS = "（按 Tab 看常见写法，也可自己写）"
CONFIRM_KEYS = "（y 是 / n 否）"
CARRIED_MARK = "（上期内容）"
CARRIED_HINT = "可直接沿用，也可修改"
CARRIED_TICKS = "已按上期勾选"


class Aborted(Exception):
    """The user stopped the interview (Ctrl-C, Ctrl-D at a terminal, 保存并退出): save and stop."""


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


def say(text: str = "") -> None:
    """Print a line for the user between prompts (previews, notices)."""
    print(text, flush=True)


def ask(spec: PromptSpec) -> Any:
    """Show one prompt and return the raw answer: text, a chosen value, a list, or a bool."""
    try:
        answer = build(spec).unsafe_ask()
    except KeyboardInterrupt as exc:
        raise Aborted from exc
    except EOFError as exc:
        if _at_terminal():
            raise Aborted from exc
        raise NoTerminalError() from exc
    if spec.widget in ("checkbox", "confirm"):
        say(f"? {spec.message} {_echo(spec, answer)}")
    return answer


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

    app = question.application
    app.key_bindings = merge_key_bindings([app.key_bindings or KeyBindings(), ignore])
    return question


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
        return questionary.text(
            message,
            default=spec.default or "",
            validate=_validator(spec),
            multiline=True,
            instruction="".join(
                f"\n  {line}" for line in f"{instruction}\n{MULTILINE_KEYS}".split("\n") if line
            )
            + "\n>",
            enable_open_in_editor=True,
            **extra,
        )
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
