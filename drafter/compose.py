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
from collections.abc import Callable
from typing import Any

import jinja2

from drafter import templating
from drafter.dates import format_date, parse_date
from drafter.document import Block, Document, Heading, Paragraph
from drafter.errors import UserError
from drafter.numbering import heading_label, point_ordinal
from drafter.outline import Library, Outline
from drafter.phrasing import verb_for
from drafter.template_limits import time_budget
from drafter.templating import render_file, render_string

PERIOD_PHRASES = {
    "全年": "今年以来",
    "上半年": "今年上半年",
    "下半年": "今年下半年",
    "第一季度": "今年一季度",
    "第二季度": "今年二季度",
    "第三季度": "今年三季度",
    "第四季度": "今年四季度",
}
# What "next period" is called after each period: 全年 → the next year (computed).
AHEAD = {"上半年": "下半年", "第三季度": "第四季度", "第一季度": "第二季度", "第二季度": "下半年"}
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


def points(measures: list[dict[str, str]]) -> str:
    """一是……；二是……。 — a measure with detail closes its sentence before the next point."""
    parts = []
    for n, m in enumerate(measures, start=1):
        item = m["item"].strip().rstrip("。；;，,")
        detail = ensure_sentence(m.get("detail") or "")
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


def paragraphs_of(text: str) -> list[str]:
    """Every non-blank line of text is one paragraph; surrounding space is dropped."""
    return [line.strip() for line in str(text).splitlines() if line.strip()]


def environment(library: Library) -> jinja2.Environment:
    """The Jinja environment of a library: sandboxed and bounded unless drafter's own outlines/."""
    return templating.environment(
        library.templates_dir, sandboxed=not library.shipped, filters=FILTERS
    )


def base_context(data: dict[str, Any], library: Library) -> dict[str, Any]:
    """What every template may use: the basic answers plus derived phrases.

    period_name names the period in a title or opening (2025年度, 2025年上半年); ahead names
    the next one for closings and next steps (2026年, 下半年, 下一阶段).
    """
    today = dt.date.today()
    year = data.get("year") or today.year
    period = data.get("period") or "全年"
    ctx = {q["name"]: data.get(q["name"], "") for q in library.questions["basics"]}
    ctx.update(
        unit=data.get("unit") or "",
        year=year,
        next_year=year + 1,
        period=period,
        period_phrase=PERIOD_PHRASES.get(period, "今年以来"),
        period_name=f"{year}年度" if period == "全年" else f"{year}年{period}",
        ahead=AHEAD.get(period, "下一阶段") if period != "全年" else f"{year + 1}年",
        today=today,
        verbs=library.verbs,  # for the counts filter: 召开支委会8次
    )
    return ctx


def default_title(data: dict[str, Any], library: Library) -> str:
    """The title in the form the kind uses, built from unit, year and period."""
    outline = library.outline(data["outline"])
    kind = library.kind(outline.id)
    env = environment(library)
    return render_string(env, kind["title"], base_context(data, library), f"{outline.id} 标题").strip()


def default_opening(data: dict[str, Any], library: Library) -> str:
    """The kind's opening paragraph(s) for these answers."""
    outline = library.outline(data["outline"])
    kind = library.kind(outline.id)
    ctx = base_context(data, library)
    return render_string(environment(library), kind.get("opening") or "", ctx, f"{outline.id} 开头").strip()


def default_closing(data: dict[str, Any], library: Library) -> str:
    """The kind's closing paragraph(s), or "" when the kind has none."""
    outline = library.outline(data["outline"])
    kind = library.kind(outline.id)
    ctx = base_context(data, library)
    return render_string(environment(library), kind.get("closing") or "", ctx, f"{outline.id} 结尾").strip()


def _measures(raw: list[Any] | None) -> list[dict[str, str]]:
    out = []
    for m in raw or []:
        item = m if isinstance(m, str) else m.get("item", "")
        detail = "" if isinstance(m, str) else m.get("detail") or ""
        if str(item).strip():
            out.append({"item": str(item).strip(), "detail": " ".join(paragraphs_of(detail))})
    return out


def _fact_unit(key: str, library: Library, outline: Outline) -> str | None:
    """The measure word learned for a fact key: the outline's first, then any outline's."""
    for candidate in [outline, *library.outlines.values()]:
        for top in candidate.sections:
            for s in top.walk():
                for f in s.facts:
                    if f.key == key:
                        return f.unit
    return None


def _is_count(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and value > 0


def apply_numbers(
    paragraphs: list[str], numbers: dict[str, Any] | None, unit_of: Callable[[str], str]
) -> tuple[list[str], list[dict[str, Any]]]:
    """Put each count into the text: in place where the text already states it, else as a count.

    A report carried over from last period says "集中学习82次"; answering 集中学习: 90 must
    update that figure rather than add a second sentence. Counts the text does not mention come
    back as {key, value, unit} for the template; blank and zero counts give nothing.
    """
    counts = []
    for key, value in (numbers or {}).items():
        if not _is_count(value):
            continue
        stated = re.compile(re.escape(key) + r"\d+")
        if any(stated.search(p) for p in paragraphs):
            paragraphs = [stated.sub(f"{key}{value}", p) for p in paragraphs]
        else:
            counts.append({"key": key, "value": value, "unit": unit_of(key)})
    return paragraphs, counts


def count_phrases(counts: list[dict[str, Any]], verbs: dict[str, list[str]]) -> str:
    """召开支委会8次、党员大会4次，开展集中学习12次: counts grouped by verb, the verb said once."""
    groups: dict[str, list[str]] = {}
    for c in counts:
        groups.setdefault(verb_for(c["key"], verbs), []).append(f"{c['key']}{c['value']}{c['unit']}")
    return "，".join(verb + join_list(items) for verb, items in groups.items())


# The filters every template may use: {{ section.measures | points }}, {{ counts | counts(verbs) }}.
FILTERS = (
    ("points", points),
    ("join_list", join_list),
    ("join_and", join_and),
    ("sentence", ensure_sentence),
    ("counts", count_phrases),
)


def _date_line(raw: Any) -> str:
    """The date as printed: today when not answered, none when answered empty."""
    if isinstance(raw, str) and not raw.strip():
        return ""
    date = parse_date(raw or dt.date.today())
    if date is None:
        raise UserError(f"日期“{raw}”无法识别。", hint="请写成 2025-12-05 或 2025年12月5日。")
    return format_date(date)


class _Composer:
    """Walks the answered sections, numbering headings and rendering each body."""

    def __init__(self, data: dict[str, Any], library: Library, outline: Outline) -> None:
        self.data = data
        self.library = library
        self.outline = outline
        self.env = environment(library)
        self.ctx = base_context(data, library)
        self.dash = library.kind(outline.id).get("level1") == "dash"

    def template_for(self, topic: str | None) -> str:
        base = re.sub(r"_\d+$", "", topic or "")
        if base and (self.library.templates_dir / f"{base}.j2").exists():
            return f"{base}.j2"
        return "section.j2"

    def section(self, answer: dict[str, Any], level: int, n: int) -> list[Block]:
        label = "——" if self.dash and level == 1 else heading_label(level, n)
        heading = Heading(level, label, clean_heading(answer["heading"]))
        learned = self.outline.find(answer["topic"]) if answer.get("topic") else None
        run_in = answer.get("run_in")
        if run_in is None:
            run_in = learned.run_in if learned else False
        paragraphs, counts = apply_numbers(
            paragraphs_of(answer.get("text") or ""),
            answer.get("numbers"),
            lambda key: _fact_unit(key, self.library, self.outline) or "次",
        )
        context = dict(
            self.ctx,
            section={
                "heading": heading.text,
                "topic": answer.get("topic") or "",
                "level": level,
                "measures": _measures(answer.get("measures")),
                "counts": counts,
                "paragraphs": paragraphs,
                "extra": answer.get("extra") or {},
            },
        )
        where = f"大纲 {self.outline.id}，栏目“{heading.text}”"
        body = paragraphs_of(render_file(self.env, self.template_for(answer.get("topic")), context, where))
        blocks: list[Block] = []
        if run_in and body:
            blocks.append(Paragraph(body[0], run_in=heading))
            body = body[1:]
        else:
            blocks.append(heading)
        blocks.extend(Paragraph(p) for p in body)
        for i, child in enumerate(answer.get("children") or [], start=1):
            blocks.extend(self.section(child, min(level + 1, 4), i))
        return blocks

    def document(self) -> Document:
        data = self.data
        title = data.get("title")
        title = default_title(data, self.library) if title is None else str(title).strip()
        opening = data.get("opening")
        opening = default_opening(data, self.library) if opening is None else opening
        closing = data.get("closing")
        closing = default_closing(data, self.library) if closing is None else closing
        blocks: list[Block] = [Paragraph(p) for p in paragraphs_of(opening)]
        for n, answer in enumerate(data.get("sections") or [], start=1):
            blocks.extend(self.section(answer, 1, n))
        blocks.extend(Paragraph(p) for p in paragraphs_of(closing))
        signature = data.get("signature")
        if signature is None:
            signature = data.get("unit") or ""
        lines = signature if isinstance(signature, list) else paragraphs_of(signature)
        return Document(
            title=title, blocks=blocks, signature=[str(s) for s in lines], date=_date_line(data.get("date"))
        )


def compose(data: dict[str, Any], library: Library) -> Document:
    """Turn a validated answers mapping into the document model (templates time-bounded as one)."""
    outline = library.outline(data["outline"])
    with time_budget():
        return _Composer(data, library, outline).document()
