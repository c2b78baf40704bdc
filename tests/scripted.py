"""A scripted prompter for wizard tests: answers from a list (or by message), records every prompt.

The wizard takes any `question.Prompter`; this one needs no terminal and no prompt_toolkit
application, so a whole interview runs in milliseconds. Each answer is checked the way the real
prompt would check it (the spec's validator; a select or checkbox answer must be among the
options), so a script cannot give the wizard what a user could not.

Answers are values as the real prompt returns them, or:
- ENTER — accept what the prompt shows, as pressing Enter does (the default text; the
  pre-selected choice; the pre-ticked options; the default yes/no);
- CTRL_C — the user stops here (`Aborted`, as the terminal prompter raises on Ctrl-C);
- a function of the `PromptSpec` (see `tick`, `choose`).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from typing import Any

from drafter.wizard.question import Aborted, PromptSpec

ENTER = object()
CTRL_C = object()
Answer = Any


class UnexpectedPrompt(AssertionError):
    """The wizard asked something the script has no answer for."""


def enter(spec: PromptSpec) -> Any:
    """What Enter gives at this prompt."""
    if spec.widget == "checkbox":
        return [o.value for o in spec.options if o.checked]
    if spec.widget == "select":
        return spec.default if spec.default is not None else spec.options[0].value
    if spec.widget == "confirm":
        return bool(spec.default)
    return spec.default or ""


def tick(*titles: str, keep: bool = True) -> Callable[[PromptSpec], list[Any]]:
    """A checkbox answer: the options whose title contains one of `titles` ticked, plus the
    pre-ticked ones unless `keep` is False. Every title must match an option."""

    def answer(spec: PromptSpec) -> list[Any]:
        for title in titles:
            if not any(title in o.title for o in spec.options):
                raise UnexpectedPrompt(f"no option “{title}” in {[o.title for o in spec.options]}")
        return [
            o.value for o in spec.options
            if any(t in o.title for t in titles) or (keep and o.checked)
        ]

    return answer


def choose(title: str) -> Callable[[PromptSpec], Any]:
    """A select answer: the first option whose title contains `title`."""

    def answer(spec: PromptSpec) -> Any:
        for o in spec.options:
            if title in o.title:
                return o.value
        raise UnexpectedPrompt(f"no option “{title}” in {[o.title for o in spec.options]}")

    return answer


class Scripted:
    """A prompter that answers from a script and records what it was asked and told.

    `answers` are used in order; `by_message` answers any prompt whose message contains a key
    (checked first, in order); with `rest` (default None) prompts beyond the script get that
    answer (ENTER: the defaults), else they fail the test. `stop_at` raises Aborted at that
    prompt (0-based), as Ctrl-C there would.
    """

    def __init__(
        self,
        *answers: Answer,
        by_message: Mapping[str, Answer] | None = None,
        rest: Answer = None,
        stop_at: int | None = None,
    ) -> None:
        self.answers = list(answers)
        self.by_message = dict(by_message or {})
        self.rest = rest
        self.stop_at = stop_at
        self.asked: list[PromptSpec] = []
        self.said: list[str] = []
        self.banners: list[str] = []  # the last part banner said before each prompt

    def ask(self, spec: PromptSpec) -> Any:
        self.asked.append(spec)
        shown = [line for line in self.said if line.startswith("—— ")]
        self.banners.append(shown[-1].strip("— ") if shown else "")
        if self.stop_at is not None and len(self.asked) > self.stop_at:
            raise Aborted
        answer = next((a for key, a in self.by_message.items() if key in spec.message), None)
        if answer is None:
            if self.answers:
                answer = self.answers.pop(0)
            elif self.rest is not None:
                answer = self.rest
            else:
                raise UnexpectedPrompt(f"no answer scripted for “{spec.message}”")
        if answer is CTRL_C:
            raise Aborted
        value = enter(spec) if answer is ENTER else answer(spec) if callable(answer) else answer
        _check(spec, value)
        return value

    def say(self, text: str) -> None:
        self.said.append(text)

    @property
    def messages(self) -> list[str]:
        return [s.message for s in self.asked]

    def shown(self) -> str:
        """Everything shown: lines said, prompts with their help and options, in one text."""
        parts = list(self.said)
        for s in self.asked:
            parts += [s.message, s.instruction, str(s.default or "")] + [o.title for o in s.options]
        return "\n".join(parts)


def _check(spec: PromptSpec, value: Any) -> None:
    """Refuse what the real prompt would not return."""
    values = [o.value for o in spec.options]
    if spec.widget == "select" and value not in values:
        raise UnexpectedPrompt(f"“{value}” is not a choice of “{spec.message}”")
    if spec.widget == "checkbox" and not all(v in values for v in value):
        raise UnexpectedPrompt(f"{value} are not all options of “{spec.message}”")
    if spec.validate is not None:
        problem = spec.validate(value)
        if problem:
            raise UnexpectedPrompt(f"“{spec.message}” refuses {value!r}: {problem}")


def messages_containing(prompter: Scripted, words: Iterable[str]) -> list[str]:
    """The prompts whose message contains one of `words`."""
    return [m for m in prompter.messages if any(w in m for w in words)]
