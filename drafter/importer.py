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

import re
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

import jinja2

from drafter.answers import (
    MAX_COUNT,
    answers_stem,
    answers_text,
    check_answers,
    load_answers,
    missing_required,
)
from drafter.compose import base_context, compose, environment
from drafter.dates import parse_date
from drafter.errors import UserError
from drafter.facts import find_mentions
from drafter.fsutil import check_outputs, write_all
from drafter.learn import (
    GENERAL_ID,
    OTHER,
    TopicNode,
    classify_sections,
    detect_kind,
    kind_evidence,
    learn,
)
from drafter.outline import Library, Outline, OutlineSection
from drafter.reader import read_report
from drafter.report import ParsedReport, Section
from drafter.structure import is_signature, parse_report
from drafter.yamlio import dump_yaml, parse_yaml

ANSWERS_SUFFIXES = (".yaml", ".yml")
OWN_OUTLINE_HEADER = "# 由 drafter import 按报告“{source}”自身的标题生成的大纲，可手工修改。\n"
# The heading given to the whole body of a report without headings.
SINGLE_SECTION_HEADING = "主要工作情况"
MAX_SIGNATURE_LINES = 2
MAX_UNIT_CHARS = 30
PERIODS = ("全年", "上半年", "下半年", "第一季度", "第二季度", "第三季度", "第四季度")
YEAR_RANGE = (2000, 2100)

_YEAR = re.compile(r"(?<!\d)(\d{4})\s*年(度)?")
_PERIOD = re.compile(r"上半年|下半年|全年|第?[一二三四]季度")
_BOOK_TITLE = re.compile(r"《[^》]*》")
# Where the unit's name ends in an opening sentence: the first verb-like word after it.
_UNIT_END = re.compile(
    r"始终|坚持|紧紧|紧扣|认真|深入|围绕|按照|全面|积极|切实|不断|着力|聚焦|牢牢|持续|扎实|立足|在|以|把"
)
# Time phrases and "在……下/中" frames that precede the unit in an opening.
_OPENING_FRAME = re.compile(
    r"^(?:今年以来|今年来|一年来|半年来|今年|近年来|\d{4}\s*年(?:度|以来)?|上半年|下半年|在.*[下中])$"
)
_UNIT_TAIL = re.compile(r"(?:党的建设工作|党建工作|党建|工作)$")
_NOT_A_UNIT = re.compile(r"^(?:我|本|全体|各)|[，、；。“”\"《》（）()\d]")


LEFT_OUT_WHEN_ABSENT = ("title", "signature", "date")


@dataclass
class ImportResult:
    """What an import produced: the answers, the outline they use and why, and notes for the user.

    `own_outline` is True when `outline` was built from the report's own headings; it then has
    no file yet, and `answers["outline"]` holds its id until `run_import` writes it and points
    the answers at the file.
    """

    answers: dict[str, Any]
    outline: Outline
    reason: str  # Chinese: why this outline
    own_outline: bool
    notes: list[str] = field(default_factory=list)  # Chinese: what was skipped, guessed or missing
    missing: list[str] = field(default_factory=list)  # required answers the report did not give


def import_report(path: Path, library: Library) -> ImportResult:
    """Read a report and turn it into answers that render back to it (see the module docstring)."""
    if path.suffix.lower() in ANSWERS_SUFFIXES:
        raise UserError(
            f"{path}：这是 YAML 文件，不是报告，无需导入。",
            hint="答案文件可直接用 drafter new --answers 或 drafter render 使用。",
        )
    source = read_report(path)
    report = parse_report(source, path.name)
    notes = _reading_notes(report, source.skipped)
    has_headings = bool(report.sections)
    closing, signature, date = _split_signature(report.closing if has_headings else report.opening)
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
    answers: dict[str, Any] = {"outline": outline.id}
    answers.update(_basics(report, kind, library))
    answers["opening"] = _paragraphs(report.opening)
    answers["sections"] = [
        _answer(node, osec, outline) for node, osec in _pairs(tree, outline.sections, outline)
    ]
    answers["closing"] = _paragraphs(report.closing)
    if signature:
        answers["signature"] = "\n".join(signature)
    if date:
        answers["date"] = date
    # What the report leaves out stays out when it is rendered back: an empty answer, not a default.
    prompts = {q["name"]: q["prompt"] for q in library.questions["basics"]}
    left_out = [key for key in LEFT_OUT_WHEN_ABSENT if key not in answers]
    for key in left_out:
        answers[key] = ""
    if left_out:
        notes.append(
            f"报告中没有{'、'.join(prompts.get(k, k) for k in left_out)}：生成的文档同样不写，"
            "需要时在答案文件中填上。"
        )
    missing = missing_required(answers, library)
    absent = [prompt for name, prompt in prompts.items() if name not in answers]
    if absent:
        notes.append(
            f"报告中没有或未能识别：{'、'.join(absent)}。"
            + (f"必须补填：{'；'.join(missing)}；" if missing else "生成时将用默认值，")
            + "可用 drafter new --answers 填写。"
        )
    return ImportResult(answers, outline, reason, own, notes, missing)


def answers_of(path: Path, library: Library) -> dict[str, Any]:
    """An answers file as loaded and validated, or a report as imported."""
    if path.suffix.lower() in ANSWERS_SUFFIXES:
        data, _ = load_answers(path, library)
        return data
    return import_report(path, library).answers


def run_import(path: Path, out: Path, library: Library, *, force: bool) -> str:
    """`drafter import`: write the answers file (and an own outline beside it when needed).

    Both outputs are checked before anything is written, the answers are rendered once to
    make sure `drafter render` will accept them, and the files are written all or none: a
    refusal or a full disk leaves no half-import. Returns the Chinese summary for the terminal.
    """
    result = import_report(path, library)
    outline_path = own_outline_path(out) if result.own_outline else None
    check_outputs([out] if outline_path is None else [out, outline_path], force=force, inputs=[path])
    files: list[tuple[Path, bytes | str]] = []
    if outline_path is not None:
        text = OWN_OUTLINE_HEADER.format(source=path.name) + dump_yaml(result.outline.to_dict())
        files.append((outline_path, text))
        result.answers["outline"] = outline_path.name  # found beside the answers file
    files.append((out, answers_text(result.answers)))
    _check_renders(files, library, own_outline=outline_path)
    write_all(files, force=force)
    return import_summary(path, out, result, outline_path)


def _check_renders(
    files: list[tuple[Path, bytes | str]], library: Library, *, own_outline: Path | None
) -> None:
    """Load the texts about to be written as `render` would, and compose them: an import never
    writes an answers file (or outline) that render refuses."""
    texts = {path: str(data) for path, data in files}
    outlines = dict(library.outlines)
    if own_outline is not None:
        outlines[own_outline.name] = Outline.from_doc(parse_yaml(texts.pop(own_outline), own_outline))
    [(answers_path, answers)] = texts.items()
    checking = replace(library, outlines=outlines, external={})
    try:
        doc = parse_yaml(answers, answers_path)
        check_answers(doc, checking)
        compose(doc.data, checking)
    except UserError as exc:
        raise UserError(
            f"导入结果无法生成文档，未写入任何文件：{exc.message}", hint=exc.hint
        ) from exc


def own_outline_path(answers_path: Path) -> Path:
    """x.answers.yaml → x.outline.yaml beside it."""
    return answers_path.with_name(f"{answers_stem(answers_path)}.outline.yaml")


def import_summary(path: Path, out: Path, result: ImportResult, outline_path: Path | None) -> str:
    """What `drafter import` prints: the outline and why, what was imported, what was skipped,
    and what to run next (`render` only when no required answer is missing)."""
    sections = _walk_answers(result.answers.get("sections") or [])
    paragraphs = sum(len(_lines(s.get("text") or "")) for s in sections)
    numbers = sum(len(s.get("numbers") or {}) for s in sections)
    top = len(result.answers.get("sections") or [])
    lines = [f"已导入：{path} → {out}"]
    if outline_path is not None:
        lines.append(
            f"大纲：按报告自身的标题生成，已写入 {outline_path}（答案文件的 outline 指向它）。"
        )
    else:
        lines.append(f"大纲：{result.outline.kind}（{result.outline.id}）。")
    lines.append(f"依据：{result.reason}")
    lines.append(
        f"内容：栏目 {len(sections)} 个（一级 {top} 个），正文 {paragraphs} 段，"
        f"识别数字 {numbers} 个（写入 numbers，改数字即更新原句）。"
    )
    lines.extend(f"提示：{note}" for note in result.notes)
    render = "" if result.missing else f"，或 drafter render {out} -o 总结.docx"
    lines.append(f"下一步：drafter new --answers {out} 更新本期内容{render}")
    return "\n".join(lines)


# --- reading -------------------------------------------------------------------------------------
def _reading_notes(report: ParsedReport, skipped: list[str]) -> list[str]:
    """Notes on what the reader and parser left out or found odd."""
    notes = []
    if skipped:
        notes.append(f"Word 文档中有未导入的内容：{'，'.join(skipped)}（段落文字已导入）。")
    if report.noise:
        notes.append(
            f"已删除与报告无关的内容 {len(report.noise)} 处（广告、网站标记等），可用 drafter outline -v 查看。"
        )
    if report.sections:  # without headings the only warning is the one import_report rephrases
        notes.extend(w for w in report.warnings if w not in skipped)
    if report.placeholders:
        notes.append(
            f"报告中的占位符 {'、'.join(report.placeholders)} 已原样保留，请替换为实际内容。"
        )
    return notes


def _split_signature(paragraphs: list[str]) -> tuple[list[str], list[str], str | None]:
    """(paragraphs before the sign-off, signature lines, ISO date) when the text ends with a date.

    Only a date the answers file can hold (2023年7月5日, 2023-07-05) is taken, with up to two
    short unpunctuated lines (unit, signer) just before it; anything else stays in the text.
    """
    if not paragraphs:
        return paragraphs, [], None
    date = parse_date(paragraphs[-1])
    if date is None:
        return paragraphs, [], None
    end = len(paragraphs) - 1
    start = end
    while (
        start > max(0, end - MAX_SIGNATURE_LINES)
        and is_signature(paragraphs[start - 1])
        and parse_date(paragraphs[start - 1]) is None
    ):
        start -= 1
    return paragraphs[:start], paragraphs[start:end], date.isoformat()


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
            else next((c for c in pool if _topic_of(c.id) == node.topic), None)
        )
    )


def _topic_of(section_id: str) -> str:
    """politics_2 → politics; other_3 → other."""
    return re.sub(r"_\d+$", "", section_id)


# --- building the answers ------------------------------------------------------------------------
def _answer(node: TopicNode, osec: OutlineSection | None, outline: Outline) -> dict[str, Any]:
    """One section answer: topic, heading as found, run-in style, verbatim text, counts, children."""
    section = node.section
    answer: dict[str, Any] = {}
    if osec is not None:
        answer["topic"] = osec.id
    answer["heading"] = section.title
    answer["run_in"] = section.run_in
    answer["measures"] = []  # the points stay in the text; an empty list marks them answered
    numbers = stated_numbers(section.body)
    if numbers:
        answer["numbers"] = numbers
    answer["text"] = _paragraphs(section.body)
    children = _pairs(node.children, osec.children if osec else [], outline)
    if children or (osec is not None and osec.children):
        answer["children"] = [_answer(child, match, outline) for child, match in children]
    return answer


def stated_numbers(paragraphs: list[str]) -> dict[str, int]:
    """The counts of a section's text that composition can update in place.

    A count qualifies when every occurrence of its key followed by digits in the text carries
    exactly that number, so re-applying it (`compose.apply_numbers`) leaves the text unchanged.
    """
    text = "\n".join(paragraphs)
    numbers: dict[str, int] = {}
    for mention in find_mentions(text):
        value = mention.value
        if mention.key in numbers or not isinstance(value, int) or not 0 < value <= MAX_COUNT:
            continue
        stated = {
            m.group()[len(mention.key) :]
            for m in re.finditer(re.escape(mention.key) + r"\d+", text)
        }
        if stated == {str(value)}:
            numbers[mention.key] = value
    return numbers


def _paragraphs(paragraphs: list[str]) -> str:
    """Paragraphs as an answers-file text: one per line, a blank line between them."""
    return "\n\n".join(p.strip() for p in paragraphs if p.strip())


def _lines(text: str) -> list[str]:
    return [line for line in text.splitlines() if line.strip()]


def _walk_answers(sections: list[dict[str, Any]]) -> list[dict[str, Any]]:
    out = []
    for s in sections:
        out.append(s)
        out.extend(_walk_answers(s.get("children") or []))
    return out


# --- unit, year, period --------------------------------------------------------------------------
def _basics(report: ParsedReport, kind: dict[str, Any], library: Library) -> dict[str, Any]:
    """unit, year, period and title as the report states them (absent when it does not)."""
    first = re.split(r"[。！？]", report.opening[0])[0] if report.opening else ""
    found: dict[str, Any] = {}
    unit = _unit_from_title(report.title, kind, library) if report.title else None
    unit = unit or _unit_from_opening(first)
    if unit:
        found["unit"] = unit
    for text in (report.title or "", first):
        year_period = _year_and_period(text)
        if year_period:
            found.update(year_period)
            break
    if report.title:
        found["title"] = report.title
    return found


def _unit_from_title(title: str, kind: dict[str, Any], library: Library) -> str | None:
    """The unit that the kind's title form turns into this title, up to the year.

    The longest text before the year that, rendered through the title form, gives back the
    title's start: with "{{ unit }}{% if … %}党支部{% endif %}书记{{ year }}年度…" the title
    "某某中心党支部书记2023年度…" gives 某某中心党支部. Falls back to the text before the year.
    """
    year = _YEAR.search(title)
    if not year:
        return None
    head = title[: year.end(1)]
    before = title[: year.start()].strip()
    try:
        form = environment(library).from_string(kind.get("title") or "")
        for end in range(len(before), 1, -1):
            data = {"unit": before[:end], "year": int(year.group(1)), "period": "全年"}
            if form.render(base_context(data, library)).startswith(head):
                before = before[:end]
                break
    except jinja2.TemplateError:
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
    if not 2 <= len(unit) <= MAX_UNIT_CHARS or _NOT_A_UNIT.search(unit):
        return None
    return unit


def _year_and_period(text: str) -> dict[str, Any]:
    """year and period from "2023年度上半年…" (book titles ignored); {} when no year is stated.

    A year without 上半年/下半年/季度 is a whole year only when written 2023年度 or 全年.
    """
    text = _BOOK_TITLE.sub("", text)
    year = _YEAR.search(text)
    if not year or not YEAR_RANGE[0] <= int(year.group(1)) <= YEAR_RANGE[1]:
        return {}
    found: dict[str, Any] = {"year": int(year.group(1))}
    period = _PERIOD.search(text, year.end())
    if period:
        word = period.group()
        found["period"] = word if word in PERIODS else "第" + word.lstrip("第")
    elif year.group(2):
        found["period"] = "全年"
    return found
