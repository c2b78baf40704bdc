"""Rejoins lines that a PDF or a narrow window broke mid-sentence into paragraphs.

Only a document broken mid-sentence over and over is rejoined (`wrap_width` finds its line
width), so deliberate short lines — a signature, a date, a list — stay apart elsewhere. A
Word document's paragraphs are never rejoined: the parser does not call this for them.
"""

from __future__ import annotations

import re
import statistics
from collections.abc import Sequence
from dataclasses import dataclass

from drafter.structure.headings import (
    ENUM_START,
    HEADING_TRAIL,
    MAX_HEADING_CHARS,
    classify,
    starts_block,
)
from drafter.structure.phrase_headings import is_phrase_line

MAX_TITLE_CHARS = 50
MIN_WRAPPED_LINES = 3  # lines broken mid-sentence before a document counts as hard-wrapped
MIN_WRAPPED_SHARE = 0.2
MIN_WRAP_WIDTH = 15  # PDF text wraps at 25–45 characters; shorter breaks are deliberate
FULL_WIDTH_SHARE = 0.85  # a heading-like line this close to the wrap width was wrapped too
# A paragraph longer than this cannot be a standalone heading (marker + heading sentence).
STANDALONE_MAX_CHARS = MAX_HEADING_CHARS + 20

_SENTENCE_END = re.compile(r"[。！？!?]")
# A line that ends a sentence (or a clause that a list or paragraph break may follow).
_ENDS_CLAUSE = re.compile(r"[。！？!?；;：:…][”’」』）)】》]*$")
# Words that name the kind of report; a title may contain a comma only when it has one.
_KIND_WORDS = re.compile(r"总结|汇报|报告|述职|要点")


@dataclass(frozen=True)
class Para:
    """A paragraph of the cleaned source: its first source line, its text, and its Word
    outline level when a heading style or outline level marks it (0 = Heading 1)."""

    line: int
    text: str
    style: int | None = None


def join_wrapped(rows: Sequence[tuple[int, str]]) -> list[Para]:
    """Paragraphs from lines; hard-wrapped lines are rejoined, blank lines dropped.

    Only a document that is broken mid-sentence over and over (as text copied from a PDF is)
    is rejoined, so that deliberate short lines (signature, date) stay apart elsewhere. Lines
    are joined as they are: Chinese has no spaces between words. See `_continues` for when a
    line continues the paragraph before it. A paragraph grows as a list of lines, and only
    its length is looked at once it is too long to be a title or heading: linear time.
    """
    width = wrap_width(rows)
    paras: list[Para] = []
    pieces: list[str] = []  # lines of the paragraph being built
    line, length = 0, 0
    previous = ""  # the previous physical line; "" after a blank line
    for number, text in rows:
        if text and width and previous and pieces:
            short = "".join(pieces) if length <= STANDALONE_MAX_CHARS else None
            if _continues(not paras, short, previous, text, width):
                pieces.append(text)
                length += len(text)
                previous = text
                continue
        if text:
            if pieces:
                paras.append(Para(line, "".join(pieces)))
            pieces, line, length = [text], number, len(text)
        previous = text
    if pieces:
        paras.append(Para(line, "".join(pieces)))
    return paras


def _continues(first: bool, paragraph: str | None, previous: str, text: str, width: float) -> bool:
    """Whether line `text` continues the paragraph being built, whose last line was `previous`.

    `paragraph` is its text so far, or None when it is already too long to be a title or a
    standalone heading; `first` says whether it is the document's first paragraph.
    - Body text (or a run-in heading's body) continues when `previous` stops mid-clause; the
      next line may even look like a heading ("二、周四…") when `previous` fills the width,
      since a heading cannot start in the middle of a sentence. A short phrase line of its own
      ("强基固本，筑牢战斗堡垒") is a heading, and ends its paragraph.
    - A standalone heading continues only as a wrapped heading line: see `_heading_continues`.
    - A title-like first line continues only when it fills the width and either does not name
      the report kind (总结, 汇报…) or the next line is the short rest of the title.
    """
    full_width = _fills(previous, width)
    if paragraph is not None and first and looks_like_title(paragraph):
        named = names_report_kind(paragraph)
        tail = looks_like_title(paragraph + text) and not _fills(text, width)
        return full_width and not starts_block(text) and (not named or tail)
    heading = classify(paragraph) if paragraph is not None else None
    if heading is not None and not heading.run_in:
        return full_width and _heading_continues(paragraph or "", previous, text, width)
    if _ENDS_CLAUSE.search(previous):
        return False
    if paragraph == previous and not full_width and is_phrase_line(previous):
        return False  # a short line of its own such as "强基固本，筑牢战斗堡垒": a heading
    return full_width or not starts_block(text)


def _heading_continues(paragraph: str, previous: str, text: str, width: float) -> bool:
    """Whether a full-width standalone heading line is a wrapped heading that `text` continues.

    Either its heading sentence ends on the next line (or the next line is its short tail),
    or the line ended exactly with the heading's 。 and the run-in body starts on the next line.
    """
    if classify(text) is not None:
        return False
    if _ENDS_CLAUSE.search(previous):
        return _SENTENCE_END.search(previous[-1]) is not None
    if ENUM_START.match(text):
        return False
    joined = classify(paragraph + text)
    return joined is not None and (joined.run_in or not _fills(text, width))


def _fills(line: str, width: float) -> bool:
    """Whether a line reaches the wrap width (so the break after it may be the wrap's)."""
    return len(line) >= FULL_WIDTH_SHARE * width


def wrap_width(rows: Sequence[tuple[int, str]]) -> float | None:
    """The line width of a hard-wrapped document, or None when lines are paragraphs.

    Counts body lines that stop mid-sentence and run on into the next line; when they are
    frequent and long, the document was wrapped and their median length is the width.
    """
    broken: list[int] = []
    body_lines = 0
    texts = [text for _, text in rows]
    first = next((i for i, text in enumerate(texts) if text), None)
    for i, text in enumerate(texts):
        heading = classify(text) if text else None
        if not text or i == first or (heading is not None and not heading.run_in):
            continue  # a standalone heading is short on purpose; a run-in one runs on
        body_lines += 1
        following = texts[i + 1] if i + 1 < len(texts) else ""
        if following and not _ENDS_CLAUSE.search(text) and not starts_block(following):
            broken.append(len(text))
    if len(broken) < MIN_WRAPPED_LINES or len(broken) < MIN_WRAPPED_SHARE * body_lines:
        return None
    width = statistics.median(broken)
    return width if width >= MIN_WRAP_WIDTH else None


def names_report_kind(text: str) -> bool:
    """Whether a title (or a line of one) names the kind of report: 总结, 汇报, 报告, 述职, 要点."""
    return _KIND_WORDS.search(text) is not None


def looks_like_title(text: str) -> bool:
    """A title: short, not a heading, no end punctuation, and no comma unless it names the
    report kind (总结, 汇报…)."""
    if len(text) > MAX_TITLE_CHARS or text[-1] in HEADING_TRAIL or classify(text):
        return False
    return "，" not in text or names_report_kind(text)
