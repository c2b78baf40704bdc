"""Starting from last period's report: `drafter import REPORT -o X.answers.yaml`.

A unit's new summary usually starts as last period's with new figures. Importing reads a
.txt/.md/.docx report, recognises its kind and the topic of every section with the learner's
own rules (`learn.detect_kind`, `learn.classify_sections`), and writes an answers file that
renders back to the same report: title, opening, every heading (as found: run-in or not) with
its paragraphs verbatim as `text`, closing, signature and date. The counts a section states
("集中学习82次") become `numbers` answers whose key+digits stand verbatim in that section's
text, so composition updates them in place (`compose.apply_numbers`) and the wizard can ask
for this period's figures without a sentence being added or lost.

When no learned outline fits (the report has no headings, or the library has no outline for
its kind), the report's own headings become an outline, learned from this one report by the
same `learn.learn`, and `run_import` writes it beside the answers file.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from drafter.answers import (
    Answers,
    SectionAnswer,
    answers_mapping,
    missing_required,
    read_answers,
    section_topic,
)
from drafter.composing import base_context, is_answers_file, split_signature, templates
from drafter.domain import YEAR_IN_TEXT, parse_date, stated_counts, stated_period
from drafter.errors import UserError
from drafter.learning.facts import find_mentions
from drafter.learning.learn import (
    GENERAL_ID,
    TopicNode,
    classify_sections,
    detect_kind,
    kind_evidence,
    learn,
)
from drafter.library import OTHER, Library, Outline, OutlineSection
from drafter.reading import read_report
from drafter.structure import (
    ParsedReport,
    Section,
    is_organisation,
    parse_report,
    signs_off,
    unbracketed,
)

# The heading given to the whole body of a report without headings.
SINGLE_SECTION_HEADING = "主要工作情况"
NOISE_SHOWN = 3  # dropped lines quoted in the import summary; outline -v lists them all
NOISE_QUOTE_CHARS = 20
MAX_UNIT_CHARS = 30

# Where the unit's name ends in an opening sentence: the first verb-like word after it.
_UNIT_END = re.compile(
    r"始终|坚持|紧紧|紧扣|认真|深入|围绕|按照|全面|积极|切实|不断|着力|聚焦|牢牢|持续|扎实|立足|在|以|把"
)
# Time phrases and "在……下/中" frames that precede the unit in an opening.
_OPENING_FRAME = re.compile(
    r"^(?:今年以来|今年来|一年来|半年来|今年|近年来|\d{4}\s*年(?:度|以来)?|上半年|下半年|在.*[下中])$"
)
# What follows the unit in a title that names its kind before its period: 党建工作总结, 书记抓基层…报告.
_TITLE_REST = re.compile(r"(?:书记|抓基层|机关党建|党的建设|党建|工作|述职).*(?:总结|汇报|报告)$")
_ABOUT = re.compile(r"\s*关于$")  # 某某局机关党委关于2026年…的报告: the unit ends before 关于
_UNIT_TAIL = re.compile(r"(?:党的建设工作|党建工作|党建|工作)$")
_NOT_A_UNIT = re.compile(r"^(?:我|本|全体|各)|[，、；。“”\"《》（）()\d]")
# An organisation's kind alone ("支部坚持……") says which kind, not which unit.
_KIND_ONLY = re.compile(r"^(?:机关)?(?:党支部|支部|党总支|总支|党委|党组|党小组|支委会?|单位|机关)$")


@dataclass
class ImportResult:
    """What an import produced: the answers, the outline they use and why, and notes for the user.

    `own_outline` is True when the outline was built from the report's own headings; it then
    has no file yet, and `answers.outline_ref` holds its id until the import command writes it
    and points the answers at the file.
    """

    answers: Answers
    reason: str  # Chinese: why this outline
    own_outline: bool
    notes: list[str] = field(default_factory=list)  # Chinese: what was skipped, guessed or missing
    missing: list[str] = field(default_factory=list)  # required answers the report did not give


def import_report(path: Path, library: Library) -> ImportResult:
    """Read a report and turn it into answers that render back to it (see the module docstring)."""
    if is_answers_file(path):
        raise UserError(
            f"{path}：这是 YAML 文件，不是报告，无需导入。",
            hint="答案文件可直接用 drafter new --answers 或 drafter render 使用。",
        )
    source = read_report(path)
    report = parse_report(source, path.name)
    notes = _reading_notes(report, source.skipped)
    has_headings = bool(report.sections)
    closing, signature, date_line = split_signature(report.closing if has_headings else report.opening)
    date = parse_date(date_line) if date_line else None
    if date_line and date is None:  # a date still holding a placeholder stays in the text
        closing = [*closing, *signature, date_line]
        signature = []
    signature, date, unused = _byline_sign_off(report.byline, signature, date)
    notes.extend(f"标题下的“{line}”未导入：{why}。" for line, why in unused)
    if has_headings:
        report.closing = closing
    else:
        report.opening = closing
        _wrap_in_one_section(report)
        notes.append(
            f"报告中未识别到“一、（一）1.”或“——”等标题：正文作为一个栏目“{SINGLE_SECTION_HEADING}”导入，"
            "请在答案文件中修改标题或拆分栏目。"
        )
    kind = detect_kind(report, library.kinds)
    tree = classify_sections(report.sections, library.topics, report.source)
    outline, reason, own = _choose_outline(report, kind, library, has_headings=has_headings)
    unit, year, period = _basics(report, kind, library, outline)
    unit = unit or next((line for line in signature if is_organisation(line)), None)
    answers = Answers(
        outline=outline,
        outline_ref=outline.id,
        unit=unit,
        year=year,
        period=period,
        # What the report leaves out stays out when it is rendered back: empty, not a default.
        title=report.title or "",
        opening=[p.strip() for p in report.opening if p.strip()],
        sections=[_answer(node, osec, outline) for node, osec in _pairs(tree, outline.sections, outline)],
        closing=[p.strip() for p in report.closing if p.strip()],
        signature=signature,
        date=date or "",
    )
    prompts = {q["name"]: q["prompt"] for q in library.questions["basics"]}
    left_out = [
        key for key, absent in (("title", not report.title), ("signature", not signature), ("date", not date))
        if absent
    ]
    if left_out:
        notes.append(
            f"报告中没有{'、'.join(prompts.get(k, k) for k in left_out)}：生成的文档同样不写，"
            "需要时在答案文件中填上。"
        )
    data = answers_mapping(answers)
    missing = missing_required(data, library)
    absent = [prompt for name, prompt in prompts.items() if name not in data]
    if absent:
        notes.append(
            f"报告中没有或未能识别：{'、'.join(absent)}。"
            + (f"必须补填：{'；'.join(missing)}；" if missing else "生成时将用默认值，")
            + "可用 drafter new --answers 填写。"
        )
    return ImportResult(answers, reason, own, notes, missing)


def answers_from(path: Path, library: Library) -> Answers:
    """An answers file as read and validated, or a report as imported."""
    if is_answers_file(path):
        return read_answers(path, library)
    return import_report(path, library).answers


# --- reading -------------------------------------------------------------------------------------
def _reading_notes(report: ParsedReport, skipped: list[str]) -> list[str]:
    """Notes on what the reader and parser left out or found odd."""
    notes = []
    if skipped:
        notes.append(f"Word 文档中有未导入的内容：{'，'.join(skipped)}（段落文字已导入）。")
    if report.noise:
        shown = "；".join(
            f"第{item.line}行（{item.reason}）“{_quote(item.text)}”" for item in report.noise[:NOISE_SHOWN]
        )
        more = "等" if len(report.noise) > NOISE_SHOWN else ""
        notes.append(
            f"已删除与报告无关的内容 {len(report.noise)} 行：{shown}{more}；"
            "全部删除内容及原因可用 drafter outline -v 查看。"
        )
    if report.sections:  # without headings the only warning is the one import_report rephrases
        notes.extend(w for w in report.warnings if w not in skipped)
    if report.placeholders:
        notes.append(
            f"报告中的占位符 {'、'.join(report.placeholders)} 已原样保留，请替换为实际内容。"
        )
    return notes


def _byline_sign_off(
    byline: list[str], signature: list[str], date: dt.date | None
) -> tuple[list[str], dt.date | None, list[tuple[str, str]]]:
    """(signature, date, (line, why) left unused): what is set under the title signs the
    report when its end does not — the date where the end has none, the sign-off lines
    likewise (drafter writes both at the end, where GB/T 9704 places them)."""
    unused, own = [], []
    for line in byline:
        inner = unbracketed(line)
        day = parse_date(inner)
        if signs_off(inner, dated=False):
            if signature:
                unused.append((line.strip(), "文末已有落款"))
            else:
                own.append(inner)
        elif day is None:
            unused.append((line.strip(), "不是完整的年月日，成文日期请在答案文件中填写" if date is None else "文末已有成文日期"))
        elif date is None:
            date = day
        else:
            unused.append((line.strip(), "文末已有成文日期"))
    return signature or own, date, unused


def _quote(text: str) -> str:
    return text if len(text) <= NOISE_QUOTE_CHARS else text[:NOISE_QUOTE_CHARS] + "…"


def _wrap_in_one_section(report: ParsedReport) -> None:
    """A report without headings: its first paragraph stays the opening, the rest is one section."""
    body = report.opening
    opening, rest = (body[:1], body[1:]) if len(body) > 1 else ([], body)
    report.opening = opening
    report.sections = [
        Section(level=1, marker="", title=SINGLE_SECTION_HEADING, run_in=False, body=rest)
    ]


# --- choosing the outline ------------------------------------------------------------------------
def _choose_outline(
    report: ParsedReport, kind: dict[str, Any], library: Library, *, has_headings: bool
) -> tuple[Outline, str, bool]:
    """The learned outline of the report's kind, else the general one, else the report's own.

    A report without headings always gets its own single-section outline.
    """
    why = _kind_evidence(report, kind)
    if has_headings and kind["id"] in library.outlines:
        return library.outlines[kind["id"]], why + "。", False
    if has_headings and GENERAL_ID in library.outlines:
        return (
            library.outlines[GENERAL_ID],
            why + f"；大纲库中没有“{kind['name']}”的大纲，改用通用大纲。",
            False,
        )
    own = learn([report], [kind], library.topics)[0]
    if not has_headings:
        return own, "报告没有可识别的标题，按单个栏目生成大纲。", True
    return (
        own,
        why + f"；大纲库中没有相应的大纲，按报告自身的 {len(report.walk())} 个标题生成。",
        True,
    )


def _kind_evidence(report: ParsedReport, kind: dict[str, Any]) -> str:
    """Why `learn.detect_kind` chose this kind, in words."""
    if evidence := kind_evidence(report, kind):
        return f"识别为“{kind['name']}”：{'，'.join(evidence)}"
    return (
        f"识别为“{kind['name']}”：未符合其他类型的识别规则（标题、开头用语、标题样式），按此类处理"
    )


def _pairs(
    nodes: list[TopicNode], candidates: list[OutlineSection], outline: Outline
) -> list[tuple[TopicNode, OutlineSection | None]]:
    """Each report section with the outline section it maps onto, or None.

    Among the sibling `candidates` first, each used once: one that lists the same heading, the
    one of the same topic slot (the k-th politics section → politics, politics_2 …, as `learn`
    numbers them), any other of that topic. Failing that, the same tests anywhere in the outline
    (a report may put a topic one level higher or lower than the reports learned from).
    """
    everywhere = [s for top in outline.sections for s in top.walk()]
    used: set[str] = set()
    seen: dict[str, int] = {}
    out = []
    for node in nodes:
        seen[node.topic] = seen.get(node.topic, 0) + 1
        slot = node.topic if seen[node.topic] == 1 else f"{node.topic}_{seen[node.topic]}"
        match = _match(node, slot, [c for c in candidates if c.id not in used])
        if match is not None:
            used.add(match.id)
        else:
            match = _match(node, slot, everywhere)
        out.append((node, match))
    return out


def _match(node: TopicNode, slot: str, pool: list[OutlineSection]) -> OutlineSection | None:
    """The first section of `pool` with the node's heading, else its topic slot, else its topic."""
    title = node.section.title
    return (
        next((c for c in pool if any(t.text == title for t in c.titles)), None)
        or (None if node.topic == OTHER else next((c for c in pool if c.id == slot), None))
        or (
            None
            if node.topic == OTHER
            else next((c for c in pool if section_topic(c.id) == node.topic), None)
        )
    )


# --- building the answers ------------------------------------------------------------------------
def _answer(node: TopicNode, osec: OutlineSection | None, outline: Outline) -> SectionAnswer:
    """One section answer: topic, heading as found, run-in style, verbatim text, counts, children."""
    section = node.section
    numbers = stated_numbers(section.body)
    children = _pairs(node.children, osec.children if osec else [], outline)
    has_children = bool(children) or (osec is not None and bool(osec.children))
    return SectionAnswer(
        heading=section.title,
        topic=osec.id if osec is not None else None,
        run_in=section.run_in,
        measures=[],  # the points stay in the text; an empty list marks them answered
        counts=dict(numbers) if numbers else None,
        paragraphs=[p.strip() for p in section.body if p.strip()],
        children=[_answer(c, m, outline) for c, m in children] if has_children else None,
    )


def stated_numbers(paragraphs: list[str]) -> dict[str, int]:
    """The counts of a section's text that composition can update in place (`counts.stated_counts`)."""
    text = "\n".join(paragraphs)
    return stated_counts(paragraphs, [(m.key, m.value) for m in find_mentions(text)])


# --- unit, year, period --------------------------------------------------------------------------
def _basics(
    report: ParsedReport, kind: dict[str, Any], library: Library, outline: Outline
) -> tuple[str | None, int | None, str | None]:
    """unit, year and period as the report states them (None when it does not)."""
    first = re.split(r"[。！？]", report.opening[0])[0] if report.opening else ""
    unit = _unit_from_title(report.title, kind, library, outline) if report.title else None
    unit = unit or _unit_from_opening(first)
    for text in (report.title or "", first):
        year, period = stated_period(text)
        if year is not None:
            return unit, year, period
    return unit, None, None


def _unit_from_title(
    title: str, kind: dict[str, Any], library: Library, outline: Outline
) -> str | None:
    """The unit that the kind's title form turns into this title, up to the year.

    The longest text before the year that, rendered through the title form, gives back the
    title's start: with "{{ unit }}{% if … %}党支部{% endif %}书记{{ year }}年度…" the title
    "某某中心党支部书记2023年度…" gives 某某中心党支部. Falls back to the text before the year.
    """
    year = YEAR_IN_TEXT.search(title)
    if not year:
        return None
    head = title[: year.end(1)]
    before = _ABOUT.sub("", title[: year.start()].strip().rstrip("（("))
    before = _TITLE_REST.sub("", before)  # 某某馆党支部党建工作总结（2026年度）: the unit ends before 党建
    if len(before) > 2 * MAX_UNIT_CHARS:
        return None
    try:
        form, forms = kind.get("title") or "", templates(library)
        for end in range(len(before), 1, -1):
            guess = Answers(outline, outline.id, unit=before[:end], year=int(year.group(1)))
            if forms.render_string(form, base_context(guess, library), "标题").startswith(head):
                before = before[:end]
                break
    except UserError:
        pass  # a hand-written form that cannot render: keep the plain text before the year
    return before if 2 <= len(before) <= MAX_UNIT_CHARS else None


def _unit_from_opening(sentence: str) -> str | None:
    """The unit that opens a report's first sentence ("某某中心始终坚持…"), after time phrases
    and "在……指导下" frames; None for "我们", "本人" and anything that is not a name."""
    clauses = [c.strip() for c in sentence.split("，")]
    clause = next((c for c in clauses if c and not _OPENING_FRAME.match(c)), "")
    end = _UNIT_END.search(clause, 1)
    if not end:
        return None
    unit = _UNIT_TAIL.sub("", clause[: end.start()])
    if not 2 <= len(unit) <= MAX_UNIT_CHARS or _NOT_A_UNIT.search(unit) or _KIND_ONLY.match(unit):
        return None
    return unit
