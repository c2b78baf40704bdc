"""Recovers a report's structure: title, opening, heading tree with points, closing.

The parser works on lines, so it is a pure function (`parse_lines`) that tests and the
benchmark call directly; `parse_report` adapts a `SourceText` or a string to it.

Pipeline, each step small and explainable:
1. drop noise (`drafter.structure.noise`), keeping source line numbers;
2. rejoin hard-wrapped lines when the document was broken mid-sentence (copied from a PDF),
   and look for noise again in the rejoined paragraphs — never for a Word document, whose
   paragraphs are paragraphs;
3. split paragraphs before numbered headings that lost their line break
   (`drafter.structure.hidden_headings`);
4. take the title (a short first line that is neither a heading nor a sentence), setting
   apart an author line or opening glued to it (`drafter.structure.title`);
5. classify each paragraph as a heading (standalone, run-in or fused with its body, by its
   marker or its Word heading style; `drafter.structure.fused` finds where a fused heading
   ends, its siblings calibrate it) or body; without numbered top-level headings, parallel
   phrases head the parts (`drafter.structure.phrase_headings`); nest headings by the
   families this report actually uses;
6. move a clear closing out of the last section; turn recurring unnumbered run-in or
   parallel-phrase headings into sub-sections; collect 一是……二是…… points per section;
7. warn about irregular numbering, a missing heading structure, and a truncated ending.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from drafter.domain import parse_chinese, point_ordinal
from drafter.reading import Layout, SourceText, find_placeholders, normalise
from drafter.structure.headings import (
    HEADING_TRAIL,
    HeadingMatch,
    calibrated,
    classify,
    classify_styled,
    family_ranks,
)
from drafter.structure.hidden_headings import (
    inline_heading_offsets,
    run_in_indexes,
    run_in_sentence,
    split_at,
)
from drafter.structure.noise import remove_noise, without_annexes
from drafter.structure.phrase_headings import PHRASE, is_phrase_line, phrase_headings
from drafter.structure.report import Noise, ParsedReport, Point, Section
from drafter.structure.title import (
    is_organisation,
    is_signature,
    signs_off,
    take_byline,
    take_title,
    unbracketed,
)
from drafter.structure.wrapping import Para, join_wrapped, names_report_kind

__all__ = [
    "HeadingMatch", "Para", "classify", "is_organisation", "is_signature", "parse_lines",
    "parse_report", "signs_off", "unbracketed",
]

CN_DIGITS = "一二三四五六七八九十"

# A paragraph that ends a whole sentence: anything else at the end of a report is cut off.
_ENDS_SENTENCE = re.compile(r"[。！？!?…][”’」』）)】》]*$")
_ORDINAL = re.compile(rf"[{CN_DIGITS}]{{1,3}}是")
# What may stand before an enumeration ordinal: a sentence or clause end, then perhaps a
# closing quote or bracket and spaces — so 统一是 is never split.
_ORDINAL_BEFORE = re.compile(r"(?:^|[。；：！？;:!?])[”’」』）)]?\s*$")
ORDINAL_CONTEXT_CHARS = 3
_LEAD_END = re.compile(r"[，。；：,;:！？!?]")
_MARKDOWN_HASHES = re.compile(r"^#{1,6}\s+")
# A run-in heading in bold, as drafter's Markdown writes it: **（一）带头领学促学**。一是…
# (a bold run that opens the paragraph and closes its first sentence; ** elsewhere is left for
# the placeholder check: 全年发展党员**名).
_MARKDOWN_BOLD_HEADING = re.compile(r"^\*\*([^*\n]{2,60})\*\*(?=[。：:])")
MAX_ATTACHMENT_LINES = 12  # 附件 list and sign-off at a report's end
ATTACHMENT_MAX_CHARS = 60
_ATTACHMENTS = re.compile(r"^附件\s*\d*\s*[：:]|^附件\s*$")
# How a closing paragraph starts, once the last section has said its piece.
_CLOSING_CUE = re.compile(
    r"^(?:下一步|下一阶段|下阶段|下半年|今后|总之|总的来说|总而言之|综上|展望|新的一年|未来|我们将)"
)
# The formulas a report ends with, whatever its last section is about.
_FORMAL_CLOSING = re.compile(r"^(?:以上(?:是|为|报告|述职|汇报|情况)|特此(?:报告|汇报)|妥否|述职到此|专此)")
# After a last section's list of plans, a paragraph that says what the unit will do next year
# (2027年，支部将……) is the report's closing, not one more plan.
_FORWARD_CLOSING = re.compile(r"^(?:\d{4}年|新的一年|今后|展望未来|未来)，[^。]*?将")
# A last section about the future or about problems owns paragraphs that start like closings.
_FORWARD_TOPIC = re.compile(r"下一步|今后|打算|思路|计划|展望|方向|重点|措施|目标|安排|建议")


def parse_report(text: SourceText | str, source: str = "") -> ParsedReport:
    """Parse a report read by `read_report` (or plain text) into a `ParsedReport`."""
    if isinstance(text, SourceText):
        report = parse_lines(text.text.split("\n"), source or str(text.path), text.layout)
        report.warnings[:0] = [*text.skipped, *text.notes]
        return report
    return parse_lines(normalise(text).split("\n"), source)


def parse_lines(
    lines: Sequence[str], source: str = "", layout: Layout | None = None
) -> ParsedReport:
    """Parse the lines of one report; a pure function of its input (and its `layout`)."""
    layout = layout or Layout()
    clean = remove_noise(lines, exempt=layout.table_lines)
    rows = [(number, _markdown_marks_off(text)) for number, text in clean.kept]
    noise = clean.noise
    if layout.paragraphs:
        paras = [Para(number, text, layout.outline_levels.get(number)) for number, text in rows if text]
    else:
        paras = join_wrapped(rows)
        if len(paras) < sum(1 for _, text in rows if text):
            paras, more = _drop_noise_paragraphs(paras)
            noise = sorted([*noise, *more], key=lambda item: item.line)
    paras = split_inline_headings(paras)
    paras, annexed = without_annexes(paras)
    noise = [*noise, *annexed]
    title, paras = (None, paras) if _opens_with_a_phrase_heading(paras) else take_title(paras)
    byline, paras = take_byline(paras) if title is not None else ([], paras)
    headings = calibrated([para.text for para in paras], [heading_of(para) for para in paras])
    for index in range(_attachments_at(paras), len(paras)):  # 附件：1.…  2.… are not headings
        headings[index] = None
    styled = [(h.family, p.style) for p, h in zip(paras, headings, strict=True) if h and p.style is not None]
    ranks = family_ranks(styled)
    exempt = [para.line in layout.table_lines for para in paras]
    for index, phrase in phrase_headings([p.text for p in paras], headings, exempt).items():
        headings[index] = phrase
        ranks.setdefault(PHRASE, min(ranks.values()) - 1)
    builder = TreeBuilder(ranks=ranks)
    for para, found in zip(paras, headings, strict=True):
        builder.add(para, found)
    builder.finish(paras[-1] if paras else None)
    return ParsedReport(
        source=source,
        title=title,
        byline=byline,
        opening=builder.opening,
        sections=builder.sections,
        closing=builder.closing,
        noise=noise,
        warnings=builder.warnings,
        placeholders=find_placeholders("\n".join([title or "", *(p.text for p in paras)])),
    )


def _opens_with_a_phrase_heading(paras: list[Para]) -> bool:
    """Whether an excerpt starts with the first of its parallel-phrase headings (加强思想政治建设),
    which would otherwise be taken for its title."""
    if not paras or paras[0].style is not None or not is_phrase_line(paras[0].text) or names_report_kind(paras[0].text):
        return False
    phrases = phrase_headings([p.text for p in paras], [heading_of(p) for p in paras], [False] * len(paras))
    return 0 in phrases


def _attachments_at(paras: list[Para]) -> int:
    """Where a report's 附件 list starts (附件：1.……, then 2.……, up to the sign-off), or
    len(paras) when it has none: the last short 附件 line after which every line is short."""
    for index in range(len(paras) - 1, max(-1, len(paras) - 1 - MAX_ATTACHMENT_LINES), -1):
        if len(paras[index].text) > ATTACHMENT_MAX_CHARS:
            break
        if _ATTACHMENTS.match(paras[index].text):
            return index
    return len(paras)


def heading_of(para: Para) -> HeadingMatch | None:
    """The heading a paragraph is, by its marker or, in a Word document, by its style."""
    return classify(para.text) if para.style is None else classify_styled(para.text, para.style)


def split_inline_headings(paras: list[Para]) -> list[Para]:
    """Paragraphs cut before numbered headings that follow a sentence end in mid-line."""
    offsets = inline_heading_offsets([para.text for para in paras])
    if not offsets:
        return paras
    out: list[Para] = []
    for index, para in enumerate(paras):
        if index not in offsets:
            out.append(para)
            continue
        pieces = split_at(para.text, sorted(set(offsets[index])))
        out.append(Para(para.line, pieces[0], para.style))
        out.extend(Para(para.line, piece) for piece in pieces[1:])
    return out


def _drop_noise_paragraphs(paras: list[Para]) -> tuple[list[Para], list[Noise]]:
    """Look for noise again in rejoined paragraphs: a wrapped ad is only recognisable whole."""
    second = remove_noise([para.text for para in paras])
    dropped = [Noise(paras[item.line - 1].line, item.text, item.reason) for item in second.noise]
    kept = [Para(paras[index - 1].line, text) for index, text in second.kept]
    return kept, dropped


@dataclass
class _Open:
    """A section still open for body paragraphs and children, with its marker family."""

    section: Section
    family: str


@dataclass
class TreeBuilder:
    """Builds the heading tree paragraph by paragraph.

    Nesting follows `ranks` — the conventional ranking 一、 > （一） > 1. > 1.1 > （1）, or
    the one Word heading styles give (`family_ranks`): a heading closes every open section
    whose family ranks the same or lower, then nests under what remains, so a report that
    uses only 一、 and 1. has 1. at level 2. The dash family takes its rank where it first
    appears: at the top, or just below the heading it first appears under.
    """

    ranks: dict[str, float] = field(default_factory=lambda: family_ranks([]))

    opening: list[str] = field(default_factory=list)
    sections: list[Section] = field(default_factory=list)
    closing: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)  # filled by finish()
    _stack: list[_Open] = field(default_factory=list, init=False)
    # id(section) → source line of each body paragraph, for warnings about points
    _body_lines: dict[int, list[int]] = field(default_factory=dict, init=False)
    _last_numbers: dict[tuple[int, str], tuple[int, str]] = field(default_factory=dict, init=False)
    _notes: list[tuple[int, str]] = field(default_factory=list, init=False)

    def add(self, para: Para, heading: HeadingMatch | None) -> None:
        """Take the next paragraph (`heading` if it is one): a heading opens a section, body
        text joins the open one."""
        if heading:
            self._add_heading(heading, para.line)
        elif self._stack:
            section = self._stack[-1].section
            section.body.append(para.text)
            self._body_lines[id(section)].append(para.line)
        else:
            self.opening.append(para.text)

    def _add_heading(self, heading: HeadingMatch, line: int) -> None:
        if heading.family not in self.ranks:  # the dash family, slotted where first seen
            above = self.ranks[self._stack[-1].family] if self._stack else -1
            self.ranks[heading.family] = above + 0.5
        rank = self.ranks[heading.family]
        while self._stack and self.ranks[self._stack[-1].family] >= rank:
            self._stack.pop()
        parent = self._stack[-1].section if self._stack else None
        section = Section(
            level=len(self._stack) + 1,
            marker=heading.marker,
            title=heading.title,
            run_in=heading.run_in,
            body=[heading.rest] if heading.run_in else [],
            line=line,
        )
        self._check_numbering(parent, heading, section)
        (parent.children if parent else self.sections).append(section)
        self._stack.append(_Open(section, heading.family))
        self._body_lines[id(section)] = [line] if heading.run_in else []

    def _check_numbering(
        self, parent: Section | None, heading: HeadingMatch, section: Section
    ) -> None:
        """Warn when sibling headings of one family do not count 1, 2, 3, … (kept as found)."""
        if heading.number is None:
            return
        key = (id(parent), heading.family)
        previous = self._last_numbers.get(key)
        level, marker, where = section.level, section.marker, f"（第{section.line}行）"
        if previous is None and heading.number != 1:
            self._note(section.line, f"第{level}级标题编号不从1开始：第一个是{marker}{where}")
        elif previous is not None and heading.number != previous[0] + 1:
            self._note(section.line, f"第{level}级标题编号不连续：{previous[1]}之后是{marker}{where}")
        self._last_numbers[key] = (heading.number, marker)

    def _note(self, line: int, message: str) -> None:
        self._notes.append((line, message))

    def finish(self, last: Para | None) -> None:
        """Split off the closing, find unnumbered run-in sub-sections, collect every section's
        points, and settle the warnings.

        `last` is the report's last paragraph, checked for a cut-off ending.
        """
        if self.sections:
            self._split_closing()
        for section in [s for top in self.sections for s in top.walk()]:
            self._split_run_ins(section)
        for section in (s for top in self.sections for s in top.walk()):
            section.points = self._points(section)
        if last:
            self._check_ending(last)
        self.warnings = [text for _, text in sorted(self._notes, key=lambda note: note[0])]
        if not self.sections:
            self.warnings.append("未识别到任何标题：全文按开头正文处理")

    def _split_closing(self) -> None:
        """Move the closing out of the last section.

        The last section keeps its first paragraph whatever it says. After that, a trailing
        signature or date is closing, and so is everything from the first paragraph that opens
        like a closing (下一步…, 总之…) — unless the last section or one of its ancestors is
        itself about the future (下一步工作思路, 工作重点…), where such paragraphs are content —
        and always the formulas reports end with (以上是本人的述职报告……, 特此报告), a last
        paragraph of next year's resolve after a list of plans (`_closes_plans`), and the 附件
        list.
        """
        path = _last_path(self.sections)
        last = path[-1]
        lines = self._body_lines[id(last)]
        cut = len(last.body)
        while cut > 1 and is_signature(last.body[cut - 1]):
            cut -= 1
        if not any(_FORWARD_TOPIC.search(s.title) for s in path):
            cut = next((i for i in range(1, cut) if _CLOSING_CUE.match(last.body[i])), cut)
        cut = next((i for i in range(1, cut) if _FORMAL_CLOSING.match(last.body[i])), cut)
        if cut > 1 and _closes_plans(last.body[:cut]):
            cut -= 1
        cut = next((i for i in range(1, cut) if _ATTACHMENTS.match(last.body[i])), cut)
        self.closing = last.body[cut:]
        del last.body[cut:], lines[cut:]

    def _split_run_ins(self, section: Section) -> None:
        """Paragraphs of a leaf section that open with unnumbered run-in headings (several of
        them), or parallel phrase headings ("强基固本，筑牢战斗堡垒", alone or run-in), become its
        children, each with the paragraphs up to the next one."""
        if section.children:
            return
        body, lines = section.body, self._body_lines[id(section)]
        start = 1 if section.run_in else 0
        found = {index: run_in_sentence(body[index]) for index in run_in_indexes(body, start)}
        if not found:
            phrases = phrase_headings(body[start:], [None] * (len(body) - start), [False] * (len(body) - start))
            found = {start + index: (h.title, h.rest) for index, h in phrases.items()}
        hits = sorted(found)
        for k, index in enumerate(hits):
            heading = found[index]
            assert heading is not None  # run_in_indexes only returns such paragraphs
            end = hits[k + 1] if k + 1 < len(hits) else len(body)
            child = Section(
                level=section.level + 1, marker="", title=heading[0], run_in=bool(heading[1]),
                body=[p for p in [heading[1], *body[index + 1:end]] if p], line=lines[index],
            )
            self._body_lines[id(child)] = lines[index:end] if heading[1] else lines[index + 1:end]
            section.children.append(child)
        if hits:
            del body[hits[0]:], lines[hits[0]:]

    def _points(self, section: Section) -> list[Point]:
        """The 一是……二是…… items of a section's own body, with numbering warnings."""
        found = _ordinals(section.body)
        lines = self._body_lines[id(section)]
        points = []
        previous: int | None = None
        for k, (index, start, number, ordinal) in enumerate(found):
            paragraph = section.body[index]
            same_paragraph = k + 1 < len(found) and found[k + 1][0] == index
            text = paragraph[start:found[k + 1][1] if same_paragraph else len(paragraph)].strip()
            points.append(Point(ordinal, _lead(text[len(ordinal):]), text))
            self._check_point_number(previous, number, ordinal, lines[index])
            previous = number
        return points

    def _check_point_number(
        self, previous: int | None, number: int, ordinal: str, line: int
    ) -> None:
        """Warn when an enumeration does not start at 一是 or skips a number."""
        if number == 1:
            return
        if previous is None:
            self._note(line, f"要点编号不从一是开始：第一个是{ordinal}（第{line}行）")
        elif number != previous + 1:
            self._note(line, f"要点编号不连续：{point_ordinal(previous)}之后是{ordinal}（第{line}行）")

    def _check_ending(self, last: Para) -> None:
        """A report that stops mid-sentence or right after a heading was probably cut off."""
        heading = heading_of(last)
        where = f"（第{last.line}行）"
        if heading and not heading.run_in:
            self._note(last.line, f"报告可能不完整：最后一个标题“{heading.title}”下没有内容{where}")
        elif not heading and not _ENDS_SENTENCE.search(last.text) and not is_signature(last.text):
            self._note(last.line, f"报告可能不完整：最后一段在句中结束{where}")


def _markdown_marks_off(text: str) -> str:
    """A line without the Markdown of drafter's own .md output: heading hashes, a bold run-in
    heading's asterisks."""
    return _MARKDOWN_BOLD_HEADING.sub(r"\1", _MARKDOWN_HASHES.sub("", text.strip()))


def has_ordinal(text: str) -> bool:
    """Whether `text` holds an enumeration ordinal (一是, 十二是) anywhere."""
    return bool(_ORDINAL.search(text))


def _closes_plans(body: list[str]) -> bool:
    """Whether the last of these paragraphs is a closing after a list of plans: the ones before
    it enumerate (一是……二是……), it does not, and it says what the unit will do next
    (2027年，支部将继续……)."""
    *before, last = body
    return (
        bool(_FORWARD_CLOSING.match(last)) and not has_ordinal(last)
        and any("二是" in p for p in before)
    )


def _last_path(sections: list[Section]) -> list[Section]:
    """The last top-level section and its last descendants: the chain the report ends in."""
    path = [sections[-1]]
    while path[-1].children:
        path.append(path[-1].children[-1])
    return path


def _ordinals(body: Sequence[str]) -> list[tuple[int, int, int, str]]:
    """Enumeration ordinals in a section body: (paragraph index, offset, number, "一是").

    一是 only counts when a later ordinal (二是, 三是…) in the same section confirms the
    enumeration; 二是 and later at a sentence start are unambiguous on their own.
    """
    found = []
    for index, paragraph in enumerate(body):
        for match in _ORDINAL.finditer(paragraph):
            before = paragraph[max(0, match.start() - ORDINAL_CONTEXT_CHARS):match.start()]
            number = parse_chinese(match.group()[:-1])
            if number and _ORDINAL_BEFORE.search(before):
                found.append((index, match.start(), number, match.group()))
    confirmed = []
    later_confirms = False  # some ordinal after this one is 二是 or later
    for item in reversed(found):
        if item[2] > 1 or later_confirms:
            confirmed.append(item)
        later_confirms = later_confirms or item[2] > 1
    return confirmed[::-1]


def _lead(text: str) -> str:
    """A point's lead clause: up to the first ，。；：, without end punctuation."""
    end = _LEAD_END.search(text)
    return (text[:end.start()] if end else text).strip().rstrip(HEADING_TRAIL)
