"""Composition: answers + outline templates → the document model, in fluent 公文 Chinese.

Wording lives in Jinja templates beside the outline (outlines/authored/templates/, and the
kinds' title/opening/closing forms); this module only numbers headings, gathers each section's
template context and turns rendered text into paragraphs. Answers are always passed to
templates as values, never rendered as templates themselves, so `{{ }}` typed by a user stays
literal text.
"""

from __future__ import annotations

import datetime as dt
import re
from functools import lru_cache
from pathlib import Path
from typing import Any

import jinja2
from jinja2.sandbox import SandboxedEnvironment

from drafter.answers import basic_value, paragraphs_of, section_topic
from drafter.counts import apply_counts, phrase_counts
from drafter.dates import format_date
from drafter.document import Block, Document, Heading, Paragraph
from drafter.errors import UserError
from drafter.model import Answers, Measure, SectionAnswer
from drafter.numbering import heading_label, point_ordinal
from drafter.outline import Library, Outline
from drafter.periods import WHOLE_YEAR, Period

_SENTENCE_END = "。！？…”’）"
_LEADING_MARKER = re.compile(
    r"^\s*(?:[一二三四五六七八九十]+[、．.]|[（(][一二三四五六七八九十\d]+[）)]|\d+[.、．]|——)\s*"
)


def ensure_sentence(text: str) -> str:
    """End a sentence with 。 unless it already ends in sentence-final punctuation."""
    text = text.strip().rstrip("，,；;、：:")
    if not text:
        return ""
    return text if text[-1] in _SENTENCE_END else text + "。"


def join_list(items: list[str]) -> str:
    """A、B、C — for parallel phrases such as counts."""
    return "、".join(i for i in items if i)


def join_and(items: list[str]) -> str:
    """A、B和C — for a closed list of nouns."""
    items = [i for i in items if i]
    if len(items) <= 1:
        return "".join(items)
    return "、".join(items[:-1]) + "和" + items[-1]


def points(measures: list[Measure]) -> str:
    """一是……；二是……。 — a measure with detail closes its sentence before the next point."""
    parts = []
    for n, m in enumerate(measures, start=1):
        item = m.item.strip().rstrip("。；;，,")
        detail = ensure_sentence(m.detail or "")
        last = n == len(measures)
        if detail:
            parts.append(f"{point_ordinal(n)}{item}。{detail}")
        else:
            parts.append(f"{point_ordinal(n)}{item}{'。' if last else '；'}")
    return "".join(parts)


def clean_heading(text: str) -> str:
    """A heading as typed, without a number the user copied in and without end punctuation."""
    text = _LEADING_MARKER.sub("", str(text).strip())
    return text.rstrip("。．.；;，,：: ")


@lru_cache(maxsize=8)
def _environment(templates_dir: Path, sandboxed: bool) -> jinja2.Environment:
    cls = SandboxedEnvironment if sandboxed else jinja2.Environment
    env = cls(
        loader=jinja2.FileSystemLoader(str(templates_dir)),
        undefined=jinja2.StrictUndefined,
        autoescape=False,
        keep_trailing_newline=False,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters.update(
        points=points, join_list=join_list, join_and=join_and, sentence=ensure_sentence,
        counts=phrase_counts,
    )
    return env


def environment(library: Library) -> jinja2.Environment:
    """The Jinja environment of a library: sandboxed unless it is drafter's own outlines/."""
    return _environment(library.templates_dir, not library.shipped)


def _render(env: jinja2.Environment, source: str, context: dict[str, Any], where: str) -> str:
    """Render a template string; errors name the outline piece and the variable."""
    try:
        return env.from_string(source).render(context)
    except jinja2.TemplateError as exc:
        raise UserError(f"模板错误（{where}）：{exc}", hint="请检查大纲模板与答案文件中的字段名。") from exc


def _render_file(env: jinja2.Environment, name: str, context: dict[str, Any], where: str) -> str:
    try:
        return env.get_template(name).render(context)
    except jinja2.TemplateNotFound as exc:
        raise UserError(f"模板错误（{where}）：找不到模板文件 {exc.name}。") from exc
    except jinja2.TemplateError as exc:
        line = getattr(exc, "lineno", None)
        at = f"{name} 第{line}行" if line else name
        raise UserError(f"模板错误（{where}，{at}）：{exc}", hint="请检查模板与答案中的字段名。") from exc


def base_context(answers: Answers, library: Library, today: dt.date | None = None) -> dict[str, Any]:
    """What every template may use: the basic answers plus the period's words.

    period_name names the period in a title or opening (2025年度, 2025年上半年); ahead names
    the next one for closings and next steps (2026年, 下半年, 下一阶段). Built once per document.
    """
    today = today or dt.date.today()
    period = Period(answers.year or today.year, answers.period or WHOLE_YEAR)
    ctx: dict[str, Any] = {q["name"]: basic_value(answers, q["name"]) or "" for q in library.questions["basics"]}
    ctx.update(
        unit=answers.unit or "",
        year=period.year,
        next_year=period.year + 1,
        period=period.part,
        period_phrase=period.phrase,
        period_name=period.name,
        ahead=period.ahead,
        today=today,
        verbs=library.verbs,  # for the counts filter: 召开支委会8次
    )
    return ctx


def kind_text(answers: Answers, library: Library, piece: str, ctx: dict[str, Any] | None = None) -> str:
    """The kind's title, opening or closing form rendered for these answers ("" when it has none)."""
    outline = answers.outline
    form = library.kind(outline.id).get(piece)
    names = {"title": "标题", "opening": "开头", "closing": "结尾"}
    context = ctx if ctx is not None else base_context(answers, library)
    return _render(environment(library), form or "", context, f"{outline.id} {names[piece]}").strip()


def _date_line(date: dt.date | str | None, today: dt.date) -> str:
    """The date as printed: today when not answered, none when answered empty."""
    if date == "":
        return ""
    return format_date(date if isinstance(date, dt.date) else today)


class _Composer:
    """Walks the answered sections, numbering headings and rendering each body."""

    def __init__(self, answers: Answers, library: Library, today: dt.date) -> None:
        self.answers = answers
        self.library = library
        self.outline: Outline = answers.outline
        self.env = environment(library)
        self.ctx = base_context(answers, library, today)
        self.today = today
        self.dash = library.kind(self.outline.id).get("level1") == "dash"

    def template_for(self, topic: str | None) -> str:
        base = section_topic(topic or "")
        if base and (self.library.templates_dir / f"{base}.j2").exists():
            return f"{base}.j2"
        return "section.j2"

    def unit_of(self, key: str) -> str:
        """The measure word learned for a count key: this outline's first, then any outline's."""
        for candidate in [self.outline, *self.library.outlines.values()]:
            for top in candidate.sections:
                for s in top.walk():
                    for f in s.facts:
                        if f.key == key:
                            return f.unit
        return "次"

    def section(self, answer: SectionAnswer, level: int, n: int) -> list[Block]:
        label = "——" if self.dash and level == 1 else heading_label(level, n)
        heading = Heading(level, label, clean_heading(answer.heading))
        learned = self.outline.find(answer.topic) if answer.topic else None
        run_in = answer.run_in
        if run_in is None:
            run_in = learned.run_in if learned else False
        paragraphs, counts = apply_counts(answer.paragraphs or [], answer.counts, self.unit_of)
        context = dict(
            self.ctx,
            section={
                "heading": heading.text,
                "topic": answer.topic or "",
                "level": level,
                "measures": [m for m in answer.measures or [] if m.item],
                "counts": counts,
                "paragraphs": paragraphs,
                "extra": answer.extra or {},
            },
        )
        where = f"大纲 {self.outline.id}，栏目“{heading.text}”"
        body = paragraphs_of(_render_file(self.env, self.template_for(answer.topic), context, where))
        blocks: list[Block] = []
        if run_in and body:
            blocks.append(Paragraph(body[0], run_in=heading))
            body = body[1:]
        else:
            blocks.append(heading)
        blocks.extend(Paragraph(p) for p in body)
        for i, child in enumerate(answer.children or [], start=1):
            blocks.extend(self.section(child, min(level + 1, 4), i))
        return blocks

    def document(self) -> Document:
        a = self.answers
        title = kind_text(a, self.library, "title", self.ctx) if a.title is None else a.title.strip()
        opening = a.opening
        if opening is None:
            opening = paragraphs_of(kind_text(a, self.library, "opening", self.ctx))
        closing = a.closing
        if closing is None:
            closing = paragraphs_of(kind_text(a, self.library, "closing", self.ctx))
        blocks: list[Block] = [Paragraph(p) for p in opening]
        for n, answer in enumerate(a.sections or [], start=1):
            blocks.extend(self.section(answer, 1, n))
        blocks.extend(Paragraph(p) for p in closing)
        signature = a.signature if a.signature is not None else paragraphs_of(a.unit or "")
        return Document(
            title=title, blocks=blocks, signature=list(signature), date=_date_line(a.date, self.today)
        )


def compose(answers: Answers, library: Library, today: dt.date | None = None) -> Document:
    """Turn typed answers into the document model."""
    return _Composer(answers, library, today or dt.date.today()).document()
