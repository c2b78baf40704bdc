"""Prompting helpers the interview and the part questions share: a question, a list, a
checkbox or a line through the session's injected `Prompter` (drafter.wizard.question), so the
wizard's code never calls questionary itself."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from drafter.domain import Period
from drafter.wizard.carry import Carry
from drafter.wizard.question import Option, Prompter, PromptSpec, Question
from drafter.wizard.session import Session


class Asker:
    """Prompting helpers over a `Prompter`: a question, a list, a checkbox, a line."""

    def __init__(self, session: Session, carry: Carry, prompter: Prompter) -> None:
        self.session = session
        self.carry = carry
        self.prompter = prompter
        self.knowledge = session.library.knowledge

    def say(self, text: str) -> None:
        self.prompter.say(text)

    def ask(
        self, q: Question, ctx: Any, refs: Any = None, current: Any = None, carried: Any = None,
        note: str = "",
    ) -> Any:
        """Ask a question; `carried` is last period's answer offered, `note` adds help lines."""
        spec = q.structure(ctx, refs, current, carried)
        if note:
            spec = replace(spec, instruction="\n".join(p for p in (spec.instruction, note) if p))
        return q.cast(self.prompter.ask(spec))

    def select(self, message: str, choices: list[Option], default: Any = None) -> Any:
        values = [o.value for o in choices]
        spec = PromptSpec(
            "select",
            message,
            default=default if default in values else None,
            options=tuple(choices),
        )
        return self.prompter.ask(spec)

    def checkbox(self, message: str, choices: list[Option], instruction: str = "") -> list[Any]:
        spec = PromptSpec("checkbox", message, options=tuple(choices), instruction=instruction)
        return list(self.prompter.ask(spec))

    def period(self) -> Period | None:
        """This period, once the year is known."""
        answers = self.session.answers
        return None if answers.year is None else Period(answers.year, answers.period or "全年")
