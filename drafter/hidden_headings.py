"""Headings hidden in running text: numbered headings inside a line, unnumbered run-in headings.

Text copied from a web page or a PDF often loses its line breaks, so "…取得实效。二、强化…"
holds a heading in mid-line. Such a marker is taken as a heading only when it follows a
sentence end and continues the numbering around it (二、 after 一、, （二） after （一） under
the same 一、), so an enumeration written inside a sentence or a page number that splits a
sentence never is.

Reports also open paragraphs with a short verb-object sentence that works as an unnumbered
heading ("加强思想政治建设。始终把…"). When several paragraphs of one section do so, each
becomes a run-in sub-section with an empty marker.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Sequence
from dataclasses import dataclass

from drafter.chinese_numerals import NUMERAL_CHARS
from drafter.headings import CLASSIFY_SPAN, ENUM_START, classify

INLINE_FAMILIES = ("cn", "pcn")
_INLINE_MARKER = re.compile(rf"[{NUMERAL_CHARS}]{{1,8}}、|[（(][{NUMERAL_CHARS}]{{1,8}}[）)]")
# What must come just before an in-line heading: a sentence end (or a colon introducing the
# list), perhaps a closing quote or bracket, perhaps spaces. （一） also never follows ；.
_BEFORE = {
    "cn": re.compile(r"[。！？!?：:；;][”’」』）)】》]?[ \t\u3000]*$"),
    "pcn": re.compile(r"[。！？!?：:][”’」』）)】》]?[ \t\u3000]*$"),
}
BEFORE_CHARS = 4

MIN_RUN_INS = 2  # unnumbered run-in headings needed in one section before they count
# A short opening sentence: no inner punctuation, digits, quotes or brackets, 4–16 characters.
_RUN_IN_SENTENCE = re.compile(
    r"^([^，。；：、,;:！？!?\s\d“”‘’\"'（）()《》【】<>…—]{4,16})。(?=\S)"
)


@dataclass(frozen=True)
class _Event:
    """A numbered heading marker: at a paragraph start, or a candidate inside the text."""

    para: int
    offset: int
    family: str
    number: int
    inline: bool


def inline_heading_offsets(texts: Sequence[str]) -> dict[int, list[int]]:
    """Paragraph index → offsets where an in-line heading starts (only paragraphs with any)."""
    events = _events(texts)
    following_two = _followed_by_two(events)
    next_start = _next_line_start_numbers(events)
    last: dict[str, int | None] = {family: None for family in INLINE_FAMILIES}
    found: dict[int, list[int]] = {}
    for index, event in enumerate(events):
        if event.inline:
            previous = last[event.family]
            continues = previous is not None and event.number == previous + 1
            begins = previous is None and event.number == 1 and following_two[index]
            upcoming = next_start[index]
            if not (continues or begins) or (upcoming is not None and upcoming <= event.number):
                continue
            found.setdefault(event.para, []).append(event.offset)
        last[event.family] = event.number
        if event.family == "cn":
            last["pcn"] = None
    return found


def _events(texts: Sequence[str]) -> list[_Event]:
    events: list[_Event] = []
    for index, text in enumerate(texts):
        start = classify(text)
        if start is not None and start.family in INLINE_FAMILIES and start.number is not None:
            events.append(_Event(index, 0, start.family, start.number, False))
        for match in _INLINE_MARKER.finditer(text, 1):
            offset = match.start()
            heading = classify(text[offset:offset + CLASSIFY_SPAN])
            if heading is None or heading.family not in INLINE_FAMILIES or heading.number is None:
                continue
            if _BEFORE[heading.family].search(text[max(0, offset - BEFORE_CHARS):offset]):
                events.append(_Event(index, offset, heading.family, heading.number, True))
    return events


def _followed_by_two(events: list[_Event]) -> list[bool]:
    """For each event: whether the next event of its family is numbered 2."""
    result = [False] * len(events)
    next_number: dict[str, int] = {}
    for index in range(len(events) - 1, -1, -1):
        event = events[index]
        result[index] = next_number.get(event.family) == 2
        next_number[event.family] = event.number
        if event.family == "cn":
            next_number.pop("pcn", None)
    return result


def _next_line_start_numbers(events: list[_Event]) -> list[int | None]:
    """For each event: the number of the next line-start heading of its family, if any.

    An in-line candidate numbered like a later line-start heading (or higher) is an
    enumeration inside the text: the report's own heading of that number is still to come.
    """
    result: list[int | None] = [None] * len(events)
    upcoming: dict[str, int] = {}
    for index in range(len(events) - 1, -1, -1):
        event = events[index]
        result[index] = upcoming.get(event.family)
        if not event.inline:
            upcoming[event.family] = event.number
            if event.family == "cn":
                upcoming.pop("pcn", None)
    return result


def split_at(text: str, offsets: Sequence[int]) -> list[str]:
    """`text` cut before each offset, pieces stripped, empty pieces dropped."""
    bounds = [0, *offsets, len(text)]
    pieces = (text[a:b].strip() for a, b in itertools.pairwise(bounds))
    return [piece for piece in pieces if piece]


def run_in_sentence(paragraph: str) -> tuple[str, str] | None:
    """(heading sentence, rest) when a paragraph opens with a short unnumbered heading."""
    if ENUM_START.match(paragraph):
        return None
    match = _RUN_IN_SENTENCE.match(paragraph)
    if match is None:
        return None
    return match.group(1), paragraph[match.end():].strip()


def run_in_indexes(body: Sequence[str], start: int) -> list[int]:
    """Indexes (from `start`) of the body paragraphs that open with an unnumbered heading,
    when there are at least `MIN_RUN_INS` of them; otherwise none."""
    hits = [i for i in range(start, len(body)) if run_in_sentence(body[i]) is not None]
    return hits if len(hits) >= MIN_RUN_INS else []
