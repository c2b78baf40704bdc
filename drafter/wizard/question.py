"""One wizard question, built from questions.yaml, with pure methods and no I/O.

Modelled on copier's `Question`: the YAML says what to ask (type, prompt, default, range,
condition); this class renders defaults and conditions over earlier answers, checks and
converts what the user typed, and describes the prompt for `prompts.py` to show. Keeping
it pure lets the wizard, `--defaults` and the tests share one set of rules.

Defaults and conditions are Jinja in a sandbox with StrictUndefined, so a template that names
an answer not given yet fails loudly instead of rendering a blank. A default such as "@title"
names a value the caller computes (the title form of the report kind); choices such as
"@titles" name learned outline data the caller supplies the same way.

Only the hand-written texts of questions.yaml are templates. A question derived from data — a
count named by the catalogue, by last period's answers or by a learned outline (`for_item`) —
is `literal`: its prompt and help are shown exactly as written, never rendered, so a key such
as "{{ 7*7 }}" reads "{{ 7*7 }}" and cannot make the wizard compute anything.

The wizard talks to the user through a `Prompter` (`ask` a `PromptSpec`, `say` a line); the
terminal one lives in prompts.py, the only module that imports questionary, and tests pass a
scripted one.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import Any, Protocol

import jinja2

from drafter.composing import question_environment
from drafter.domain import parse_date
from drafter.errors import UserError

TYPES = ("text", "int", "select", "checkbox", "autocomplete", "confirm", "date", "multiline")
# The widget that asks each type: ints and dates are typed in as text and checked as typed.
WIDGETS = {"int": "text", "date": "text"}

Refs = Mapping[str, Callable[[], Any]]
Context = Mapping[str, Any]

_ENV = question_environment()
_FALSY = {"", "false", "0", "none", "no"}


class Aborted(Exception):
    """The user stopped the interview (Ctrl-C, Ctrl-D at a terminal, 保存并退出): save and stop."""


class TermSignal(Aborted):
    """SIGTERM arrived during the interview: stop as on Ctrl-C, then exit 143."""



class TemplateError(UserError):
    """A question's prompt, default or condition cannot be rendered (an authoring mistake)."""


class _Invalid(Exception):
    """An answer that breaks the question's rules; the message is shown at the prompt."""


@lru_cache(maxsize=256)
def _template(source: str) -> jinja2.Template:
    return _ENV.from_string(source)


def _is_template(value: Any) -> bool:
    return isinstance(value, str) and ("{{" in value or "{%" in value)


@dataclass(frozen=True)
class Option:
    """One entry of a select or checkbox list."""

    title: str
    value: Any
    checked: bool = False


@dataclass(frozen=True)
class PromptSpec:
    """Everything a `Prompter` needs to show one prompt; built here so it can be tested."""

    widget: str  # text | multiline | select | checkbox | autocomplete | confirm
    message: str
    default: Any = None  # text widgets: the editable text; select: a value; confirm: bool
    options: tuple[Option, ...] = ()
    validate: Callable[[Any], str | None] | None = None
    instruction: str = ""
    placeholder: str = ""
    carried: bool = False  # the default is last period's answer, not confirmed yet (`--from`)


class Prompter(Protocol):
    """Whatever shows prompts to the user: `ask` returns the raw answer to one prompt (text,
    a chosen value, a list of values, a bool) or raises `Aborted`; `say` prints a line."""

    def ask(self, spec: PromptSpec) -> Any:
        """Show one prompt and return the raw answer."""

    def say(self, text: str) -> None:
        """Print a line for the user between prompts."""


@dataclass(frozen=True)
class Question:
    """A question of questions.yaml (schema `_QUESTION` in outline.py, docs/formats.md §2)."""

    name: str
    type: str
    prompt: str
    help: str = ""
    required: bool = False
    default: Any = None
    choices: str | tuple[str, ...] = ()
    min: int | None = None
    max: int | None = None
    when: str = ""
    placeholder: str = ""
    other: bool = False
    unit: str = ""
    literal: bool = False  # prompt and help are data, shown as written (see the module docstring)

    @classmethod
    def from_dict(cls, d: Mapping[str, Any]) -> Question:
        """Build from one validated YAML mapping; an unknown type names the question."""
        if d["type"] not in TYPES:
            raise UserError(
                f"questions.yaml：问题“{d['name']}”的类型“{d['type']}”未知。",
                hint=f"可用的类型：{'、'.join(TYPES)}",
            )
        choices = d.get("choices") or ()
        return cls(
            name=d["name"],
            type=d["type"],
            prompt=d["prompt"],
            help=d.get("help") or "",
            required=bool(d.get("required")),
            default=d.get("default"),
            choices=choices if isinstance(choices, str) else tuple(choices),
            min=d.get("min"),
            max=d.get("max"),
            when=d.get("when") or "",
            placeholder=d.get("placeholder") or "",
            other=bool(d.get("other")),
            unit=d.get("unit") or "",
        )

    # --- rendering ---------------------------------------------------------------------

    def render(self, source: str, context: Context) -> str:
        """Render a Jinja string of this question over `context`; errors name the question."""
        try:
            return _template(source).render(dict(context))
        except jinja2.TemplateError as exc:
            raise TemplateError(f"questions.yaml：问题“{self.name}”的模板有误：{exc}") from exc

    def _text(self, value: str, context: Context) -> str:
        return self.render(value, context) if _is_template(value) and not self.literal else value

    def _ref(self, value: str, refs: Refs | None) -> Any:
        name = value[1:]
        if not value.startswith("@") or not refs or name not in refs:
            raise TemplateError(f"questions.yaml：问题“{self.name}”引用了未知的“{value}”。")
        return refs[name]()

    @property
    def computes_default(self) -> bool:
        """Whether the default is computed from other answers ("{{ unit }}", "@title")."""
        return isinstance(self.default, str) and (
            self.default.startswith("@") or _is_template(self.default)
        )

    def get_prompt(self, context: Context) -> str:
        """The prompt text, rendered when it is a template ("{{ fact.key }}")."""
        return self._text(self.prompt, context)

    def get_help(self, context: Context) -> str:
        """The help line, rendered when it is a template."""
        return self._text(self.help, context)

    def get_choices(self, refs: Refs | None = None) -> list[str]:
        """The choices: the listed ones, or the learned data an "@name" reference names."""
        if isinstance(self.choices, str):
            return [str(c) for c in self._ref(self.choices, refs)]
        return list(self.choices)

    def is_enabled(self, context: Context) -> bool:
        """Whether to ask at all: the `when` condition rendered over earlier answers."""
        if not self.when:
            return True
        return self.render(self.when, context).strip().lower() not in _FALSY

    def get_default(self, context: Context, refs: Refs | None = None) -> Any:
        """The default answer, cast to the question's type; the type's empty value when none."""
        raw = self.default
        if isinstance(raw, str) and raw.startswith("@"):
            raw = self._ref(raw, refs)
        elif _is_template(raw):
            raw = self.render(raw, context)
        if raw is None:
            return self.cast(None)
        try:
            return self._convert(raw, check_required=False)
        except _Invalid as exc:
            raise TemplateError(
                f"questions.yaml：问题“{self.name}”的默认值“{raw}”不可用：{exc}"
            ) from exc

    # --- checking and converting ---------------------------------------------------------

    def validate(self, raw: Any) -> str | None:
        """The Chinese message to show at the prompt when `raw` is not acceptable, else None."""
        try:
            self._convert(raw)
        except _Invalid as exc:
            return str(exc)
        return None

    def cast(self, raw: Any) -> Any:
        """The stored form of an accepted answer (int, YYYY-MM-DD, clean paragraphs, …)."""
        try:
            return self._convert(raw, check_required=False)
        except _Invalid as exc:
            raise UserError(f"“{self.prompt}”：{exc}") from exc

    def _convert(self, raw: Any, *, check_required: bool = True) -> Any:
        value = self._parse(raw)
        if check_required and self.required and value in (None, "", []):
            raise _Invalid("请至少选一项。" if self.type == "checkbox" else "这一项必须填写。")
        return value

    def _parse(self, raw: Any) -> Any:
        if self.type == "checkbox":
            return [str(v) for v in raw or []]
        if self.type == "confirm":
            return bool(raw)
        if self.type == "int":
            return self._parse_int(raw)
        if self.type == "date":
            return self._parse_date(raw)
        text = "" if raw is None else str(raw)
        if self.type == "multiline":
            return clean_paragraphs(text)
        text = text.strip()
        if (
            self.type == "select"
            and text
            and not isinstance(self.choices, str)
            and text not in self.choices
        ):
            raise _Invalid(f"请从{'、'.join(self.choices)}中选择。")
        return text

    def _parse_int(self, raw: Any) -> int | None:
        if isinstance(raw, bool):
            raise _Invalid("请填整数，如 12。")
        if isinstance(raw, int):
            number = raw
        else:
            text = "" if raw is None else re.sub(r"[\s,，]", "", str(raw))
            if self.unit and text.endswith(self.unit):
                text = text[: -len(self.unit)]
            if not text:
                return None
            if not re.fullmatch(r"[+-]?\d+", text):
                hint = "如 12" if self.required else "如 12；不填请直接回车"
                raise _Invalid(f"请填整数（{hint}）。")
            number = int(text)
        if self.min is not None and number < self.min:
            raise _Invalid("不能是负数。" if number < 0 <= self.min else f"不能小于 {self.min}。")
        if self.max is not None and number > self.max:
            raise _Invalid(f"{number} 超出了合理范围（最大 {self.max}），请核对。")
        return number

    def _parse_date(self, raw: Any) -> str | None:
        if raw is None or (isinstance(raw, str) and not raw.strip()):
            return None
        date = parse_date(raw if isinstance(raw, dt.date) else str(raw))
        if date is None:
            raise _Invalid(
                "日期写法不对或没有这一天，请写成 2025-12-05、2025年12月5日 或 2025.12.5。"
            )
        return date.isoformat()

    # --- the prompt ---------------------------------------------------------------------

    def for_item(self, label: str, unit: str, help_text: str | None = None) -> Question:
        """The question of one item of a list (a count: "召开支委会（次）"), shown literally.

        `label` is the whole prompt, built by the caller from data (a count's name, last
        period's figure); `unit` is accepted after the number; `help_text` replaces the help.
        """
        return replace(
            self,
            prompt=label,
            unit=unit,
            help=self.help if help_text is None else help_text,
            placeholder="",
            literal=True,
        )

    def structure(
        self,
        context: Context,
        refs: Refs | None = None,
        current: Any = None,
        carried: Any = None,
    ) -> PromptSpec:
        """Describe the prompt: message, help, choices, and the current answer or the default.

        `current` is this period's answer so far; `carried` is last period's answer, offered
        while this period's is not confirmed: it is the default and the prompt marks it as
        last period's content as long as that is what the default shows.
        """
        if current is not None:
            value = current
        elif carried is not None:
            value = carried
        else:
            value = self.get_default(context, refs)
        is_carried = carried is not None and value == carried
        widget = WIDGETS.get(self.type, self.type)
        options: tuple[Option, ...] = ()
        if self.type in ("select", "checkbox", "autocomplete"):
            choices = self.get_choices(refs)
            ticked = list(value or []) if self.type == "checkbox" else []
            own = [v for v in ticked if v not in choices]
            options = tuple(Option(c, c, checked=c in ticked) for c in choices + own)
        if widget in ("text", "multiline", "autocomplete"):
            value = "" if value is None else str(value)
        elif widget == "select" and value not in [o.value for o in options]:
            value = None
        return PromptSpec(
            widget=widget,
            message=self.get_prompt(context),
            default=value,
            options=options,
            validate=None if widget in ("select", "confirm") else self.validate,
            instruction=self._text(self.help, context),
            placeholder=self._text(self.placeholder, context),
            carried=is_carried,
        )


def clean_paragraphs(text: str) -> str:
    """Paragraphs as stored: one per non-blank line, trimmed, separated by one blank line.

    Users press Enter between paragraphs or leave a blank line; both end a paragraph, the
    way composition reads text. Leading full-width spaces are dropped: the writer indents.
    """
    lines = [line.strip() for line in text.replace("\r\n", "\n").replace("\r", "\n").split("\n")]
    return "\n\n".join(line for line in lines if line)


def questions_of(raw: list[Mapping[str, Any]] | None) -> list[Question]:
    """Questions from a validated YAML list (basics, section, or a topic's extras)."""
    return [Question.from_dict(d) for d in raw or []]
