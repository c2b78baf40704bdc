"""核稿: `drafter check REPORT|ANSWERS` — the seams a reader notices, found before the reader does.

The checks are pure functions over the document model (`check_document`), so they run the same
on a report written by hand in Word (read and parsed, then `document_of_report`), on an answers
file (composed as `drafter render` would), and on the wizard's review screen before writing.
Each finding names its place (heading path, paragraph) and how to fix it; `run_check` returns
the text to print and whether anything was found (exit 1) or not (exit 0).

The rules live in `check_words` (wording), `check_period` (years and period words) and
`check_rules` (structure, repetition, counts) and `check_seams` (what a reviewer sees: a fact or
measure twice, counts out of place, garbled set phrases, terms above the organisation's level,
campaigns of another year); `check_model` holds what they share.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Mapping
from pathlib import Path

from drafter.answers import Answers, SectionAnswer
from drafter.checking import gathered as check_gathered
from drafter.checking import period as check_period
from drafter.checking import rules as check_rules
from drafter.checking import seams as check_seams
from drafter.checking import words as check_words
from drafter.checking.findings import (
    OPENING,
    SIGNATURE,
    TITLE,
    CheckContext,
    CheckedTotal,
    Finding,
    GatheredFigures,
    View,
    build_view,
)
from drafter.composing import composed_answers, document_of, is_answers_file
from drafter.document import Document
from drafter.domain import is_count, title_unit
from drafter.library import Library

__all__ = [
    "CheckContext", "Finding", "check_document", "check_path", "context_of_answers",
    "describe_context", "format_findings", "report_text", "resolve_context", "run_check",
]

Rule = Callable[[View, CheckContext], list[Finding]]

# In reading order of the output for one place: what to fill first, then wording, then structure.
RULES: tuple[Rule, ...] = (
    check_words.placeholders,
    check_words.other_units,
    check_words.named_units,
    check_words.other_places,
    check_period.other_years,
    check_period.other_periods,
    check_period.date_outside_period,
    check_gathered.missing_from_table,
    check_gathered.unknown_branches,
    check_gathered.gathered_totals,
    check_rules.number_mismatch,
    check_rules.empty_body,
    check_rules.empty_sections,
    check_rules.heading_numbering,
    check_rules.heading_style,
    check_rules.heading_layout,
    check_rules.enumerations,
    check_rules.repeated_sentences,
    check_rules.same_openings,
    check_rules.counts_without_verb,
    check_rules.orphan_counts,
    check_seams.repeated_clauses,
    check_seams.same_measures,
    check_seams.extra_ciwai,
    check_seams.count_topics,
    check_seams.set_phrases,
    check_seams.above_level,
    check_seams.campaign_years,
    check_words.half_width,
    check_words.stray_spaces,
    check_words.straight_quotes,
    check_words.unbalanced,
    check_words.de_de_di,
)

RULE_NAMES = {
    "placeholder": "占位符",
    "other-unit": "其他单位",
    "named-unit": "其他单位的名称",
    "other-place": "其他地名",
    "other-year": "年份",
    "other-period": "期间用语",
    "date-outside-period": "成文日期",
    "missing-branch": "统计表缺少支部",
    "unknown-branch": "不在汇总中的支部",
    "gathered-total": "合计与各支部不符",
    "number-mismatch": "数字与答案不符",
    "empty-body": "正文为空",
    "empty-section": "空标题",
    "heading-numbering": "标题编号",
    "heading-style": "编号写法",
    "heading-layout": "标题排法",
    "point-numbering": "列举编号",
    "lone-point": "孤立的“一是”",
    "list-punctuation": "列举标点",
    "repeated-sentence": "重复",
    "repeated-framing": "引导句重复",
    "same-opening": "段首雷同",
    "count-without-verb": "数量缺动词",
    "orphan-count": "孤立的数字段",
    "repeated-clause": "一段内重复",
    "same-measure": "做法重复",
    "extra-ciwai": "“此外”过多",
    "count-topic": "数字放错部分",
    "set-phrase": "固定提法",
    "above-level": "超出本级的用语",
    "campaign-year": "活动年份",
    "half-width": "半角标点",
    "stray-space": "多余空格",
    "straight-quote": "直引号",
    "unbalanced": "符号不成对",
    "de-de-di": "的/得/地",
}
PATH_SEPARATOR = " › "
MAX_HEADING_SHOWN = 24  # a long heading in a place line is cut with …


def check_document(doc: Document, context: CheckContext | None = None) -> list[Finding]:
    """Every finding in `doc`, in document order (rules in `RULES` order within one place);
    a finding one rule reaches twice (two ways of reading one sentence) is said once."""
    context = resolve_context(doc, context or CheckContext())
    view = build_view(doc)
    findings = list(dict.fromkeys(finding for rule in RULES for finding in rule(view, context)))
    return sorted(findings, key=lambda f: f.order)


def resolve_context(doc: Document, context: CheckContext) -> CheckContext:
    """The context with year, period and organisation filled in from the document when not given.

    A half-year kind implies 上半年 when nothing else says so.
    """
    year, period = context.year, context.period
    if year is None or period is None:
        found_year, found_period = check_period.infer_period(doc)
        year = year if year is not None else found_year
        period = period or found_period
    if period is None and context.kind == "half_year":
        period = check_period.HALF_YEAR
    organisation = context.organisation or check_seams.infer_organisation(doc, context.unit)
    return dataclasses.replace(context, year=year, period=period, organisation=organisation)


# --- output --------------------------------------------------------------------------------------
def format_findings(findings: list[Finding]) -> str:
    """The findings for the terminal: grouped by place in document order, then a summary line."""
    if not findings:
        return "未发现问题。"
    lines: list[str] = []
    place: tuple[str, ...] | None = None
    for finding in findings:
        if finding.path != place:
            place = finding.path
            lines += ["", f"【{PATH_SEPARATOR.join(_short(h) for h in place)}】"]
        where = _paragraph_label(finding)
        lines.append(f"  {where}{RULE_NAMES[finding.rule]}：“{finding.quote}”")
        lines.append(f"    {finding.message}")
        lines.append(f"    改法：{finding.fix}")
    lines += ["", f"共发现{len(findings)}处需要核对的地方。"]
    return "\n".join(lines).lstrip("\n")


def _short(heading: str) -> str:
    return heading if len(heading) <= MAX_HEADING_SHOWN else heading[:MAX_HEADING_SHOWN] + "…"


def _paragraph_label(finding: Finding) -> str:
    if finding.path[0] == SIGNATURE:
        return f"第{finding.paragraph}行 · "
    if finding.paragraph:
        return f"第{finding.paragraph}段 · "
    return "" if finding.path[0] in (TITLE, OPENING) else "标题 · "


def describe_context(context: CheckContext) -> str:
    """What the checks assumed (year, period) and what they could not check for want of it."""
    known = [f"{context.year}年" if context.year else "", context.period or ""]
    notes = [f"按{''.join(known)}核对"] if any(known) else []
    if context.year is None:
        notes.append("未能判断报告年度，未核对年份")
    if context.period is None:
        notes.append("未能判断报告期间，未核对期间用语")
    return "；".join(notes)


def run_check(path: Path, library: Library) -> tuple[str, bool]:
    """`drafter check` of one file: the text to print and whether anything was found."""
    context, findings = check_path(path, library)
    return report_text(path.name, context, findings), bool(findings)


def check_path(path: Path, library: Library) -> tuple[CheckContext, list[Finding]]:
    """A report or answers file read and checked: what was assumed, and the findings.

    A file that cannot be read raises its `UserError`, as every reader does.
    """
    if is_answers_file(path):
        answers, doc = composed_answers(path, library)
        context = context_of_answers(answers, library)
    else:
        doc = document_of(path, library)
        names = [title_unit(doc.title), *doc.signature[:1]] if doc.title else list(doc.signature[:1])
        context = CheckContext(office=library.office_for(names))
    context = resolve_context(doc, context)
    return context, check_document(doc, context)


def report_text(name: str, context: CheckContext, findings: list[Finding]) -> str:
    """One file's 核稿 as printed: a header naming the file and what was assumed, the findings."""
    return f"核稿：{name}（{describe_context(context)}）\n\n{format_findings(findings)}"


# --- where documents come from -------------------------------------------------------------------
def context_of_answers(answers: Answers, library: Library) -> CheckContext:
    """What typed answers say about the report: year and period as composition uses them,
    the unit, the kind, and the counts answered per section (for the wizard's review screen too)."""
    from drafter.composing import base_context

    basics = base_context(answers, library)
    own = answers.outline.own
    return CheckContext(
        office=own.units if own is not None else library.office_for([str(basics["unit"])]),
        year=basics["year"],
        period=basics["period"],
        unit=str(basics["unit"]),
        kind=str(library.kind_of(answers.outline)["id"]),
        organisation=answers.organisation or "",
        numbers=answered_numbers(answers.sections or []),
        gathered=gathered_figures(answers, library),
    )


def gathered_figures(answers: Answers, library: Library) -> GatheredFigures | None:
    """A gathered report's sources as the checks read them: every count the draft answers that
    the catalogue knows, with the branches' figures of that count (synonyms read as one)."""
    from drafter.composing import clean_heading

    gathered = answers.gathered
    if gathered is None:
        return None
    knowledge = library.knowledge

    def key_of(key: str) -> str:
        entry = knowledge.match_count(key)
        return entry.id if entry is not None else key

    sources = gathered.sources(key_of)
    totals = []
    for section in answers.walk():
        for key, value in (section.counts or {}).items():
            entry = knowledge.match_count(key)
            if entry is None or value is None or not is_count(value):
                continue
            by_branch = sources.get(entry.id, {})
            totals.append(CheckedTotal(
                clean_heading(section.heading), entry.name, entry.object, entry.unit, value,
                tuple((b.name, by_branch[b.name]) for b in gathered.branches if b.name in by_branch),
            ))
    return GatheredFigures(
        branches=tuple(b.name for b in gathered.branches),
        units=tuple(b.unit for b in gathered.branches if b.unit),
        totals=tuple(totals),
        without_figures=tuple(b.name for b in gathered.branches if not b.counts),
        left_out=tuple((x.source, x.reason) for x in gathered.left_out),
    )


def answered_numbers(sections: list[SectionAnswer]) -> Mapping[str, Mapping[str, int]]:
    """The counts answered per section, keyed by heading as composed (blank and 0 say nothing)."""
    from drafter.composing import clean_heading

    out: dict[str, dict[str, int]] = {}
    for section in sections:
        numbers = {
            key: value for key, value in (section.counts or {}).items()
            if value is not None and is_count(value)
        }
        if numbers:
            out.setdefault(clean_heading(section.heading), numbers)
        for heading, nested in answered_numbers(section.children or []).items():
            out.setdefault(heading, dict(nested))
    return out
