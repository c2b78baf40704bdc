"""Headings hidden in running text: numbered headings inside a line, unnumbered run-in headings.

Text copied from a web page or a PDF often loses its line breaks, so "…取得实效。二、强化…"
holds a heading in mid-line. Such a marker is taken as a heading only when it follows a
sentence end (or, for （一）, directly the short title of a 一、 heading) and continues the
numbering around it (二、 after 一、, （二） after （一） under the same 一、), so an
enumeration written inside a sentence or a page number that splits a sentence never is.

Reports also open paragraphs with a short verb-object sentence that works as an unnumbered
heading ("加强思想政治建设。始终把…"). When several paragraphs of one section do so, each
becomes a run-in sub-section with an empty marker.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Sequence
from dataclasses import dataclass

from drafter.domain import NUMERAL_CHARS, parse_chinese
from drafter.structure.headings import CLASSIFY_SPAN, ENUM_START, classify

# The numbered families looked for in mid-line, outermost first; each one's count restarts
# under a new heading of the family before it.
INLINE_FAMILIES = ("cn", "pcn", "ar")
_PARENT = {"cn": None, "pcn": "cn", "ar": "pcn"}
_CHILD = {"cn": "pcn", "pcn": "ar", "ar": None}
_INLINE_MARKER = re.compile(
    rf"(?P<cn>[{NUMERAL_CHARS}]{{1,8}})、|[（(](?P<pcn>[{NUMERAL_CHARS}]{{1,8}})[）)]"
    r"|(?<![\d.．])(?P<ar>\d{1,2})[.．、](?!\d)"
)
_FIRST_CHILD = {"cn": re.compile(r"[（(]一[）)]"), "pcn": re.compile(r"(?<![\d.．])1[.．、](?!\d)")}
# What must come just before an in-line heading: a sentence end (or a colon introducing the
# list), perhaps a closing quote or bracket, perhaps spaces. （一） never follows ；, and 1.
# only follows a full stop.
_BEFORE = {
    "cn": re.compile(r"[。！？!?：:；;][”’」』）)】》]?[ \t\u3000]*$"),
    "pcn": re.compile(r"[。！？!?：:][”’」』）)】》]?[ \t\u3000]*$"),
    "ar": re.compile(r"[。！？!?][”’」』）)】》]?[ \t\u3000]*$"),
}
BEFORE_CHARS = 4
MAX_TITLE_REACH = 45  # a marker and its heading title, when the first sub-heading follows at once
_TITLE_BREAK = re.compile(r"[。！？!?：:；;]")
# A report or excerpt with one part only: its 一、 in mid-line counts without a 二、 when it is
# the only one and its heading sentence is short and plain, with body text after it.
SINGLE_FAMILY = "cn"
_SHORT_TITLE = re.compile(r"^[^，,、；;：:“”\d]{4,20}$")

MIN_RUN_INS = 2  # unnumbered run-in headings needed in one section before they count
# A short opening sentence: no inner punctuation, digits, quotes or brackets, 4–16 characters.
_RUN_IN_SENTENCE = re.compile(
    r"^([^，。；：、,;:！？!?\s\d“”‘’\"'（）()《》【】<>…—]{4,16})。(?=\S)"
)


@dataclass(frozen=True)
class _Event:
    """A numbered heading marker: at a paragraph start, or a candidate inside the text.

    A weak candidate follows a sentence end but its heading sentence cannot be told from the
    body after it (a standalone heading that lost its line break): it keeps the count going
    for the markers after it, but the text is not cut there. A candidate whose title is
    followed at once by its first sub-heading ("一、主要工作（一）…") is `titled`.
    """

    para: int
    offset: int
    family: str
    number: int
    inline: bool
    strong: bool = True
    title_end: int | None = None  # where the first sub-heading follows a `titled` candidate
    clear: bool = False  # a short heading sentence with body text after it: 一、抓实学习。支部…

    @property
    def titled(self) -> bool:
        return self.title_end is not None


def inline_heading_offsets(texts: Sequence[str]) -> dict[int, list[int]]:
    """Paragraph index → offsets where an in-line heading starts (only paragraphs with any).

    一、 and （一） are looked for everywhere; 1. only in paragraphs that hold in-line 一、 or
    （一） headings, i.e. that lost their line breaks: elsewhere "。1.…。2.…" is a list
    written inside a paragraph.
    """
    found, flattened = _accepted(_events(texts, set()))
    if not flattened:
        return found
    return _accepted(_events(texts, flattened))[0]


def _accepted(events: list[_Event]) -> tuple[dict[int, list[int]], set[int]]:
    """The offsets of the in-line candidates that continue the numbering around them, and the
    paragraphs holding any such candidate (weak ones included)."""
    following_two = _followed_by_two(events)
    next_start = _next_line_start_numbers(events)
    alone = sum(1 for event in events if event.family == SINGLE_FAMILY) == 1
    last: dict[str, int | None] = dict.fromkeys(INLINE_FAMILIES)
    found: dict[int, list[int]] = {}
    holding: set[int] = set()
    for index, event in enumerate(events):
        if event.inline:
            previous = last[event.family]
            continues = previous is not None and event.number == previous + 1
            single = alone and event.family == SINGLE_FAMILY and event.clear  # an excerpt's one part
            begins = previous is None and event.number == 1 and (following_two[index] or event.titled or single)
            upcoming = next_start[index]
            if not (continues or begins) or (upcoming is not None and upcoming <= event.number):
                continue
            holding.add(event.para)
            if event.strong:
                found.setdefault(event.para, []).append(event.offset)
            if event.title_end is not None:  # the title ends where its first sub-heading starts
                found.setdefault(event.para, []).append(event.title_end)
        last[event.family] = event.number
        _restart_children(last, event.family)
    return found, holding


def _restart_children(counts: dict[str, int | None], family: str) -> None:
    """Forget the counts of the families under `family`: a new heading restarts them."""
    child = _CHILD[family]
    while child is not None:
        counts[child] = None
        child = _CHILD[child]


def _events(texts: Sequence[str], items_in: set[int]) -> list[_Event]:
    """Every numbered marker that may start a heading, in order; in-line 1. only in the
    paragraphs `items_in` names."""
    events: list[_Event] = []
    for index, text in enumerate(texts):
        start = classify(text)
        title_from: dict[str, int] = {}  # family → where this paragraph's last heading of it starts
        if start is not None and start.family in INLINE_FAMILIES and start.number is not None:
            events.append(_Event(index, 0, start.family, start.number, False))
            title_from[start.family] = 0
        families = INLINE_FAMILIES if index in items_in else INLINE_FAMILIES[:2]
        for match in _INLINE_MARKER.finditer(text, 1):
            event = _candidate(text, index, match, families, title_from)
            if event is not None:
                events.append(event)
                if event.strong:
                    title_from[event.family] = event.offset
    return events


def _candidate(
    text: str, index: int, match: re.Match[str], families: tuple[str, ...], title_from: dict[str, int]
) -> _Event | None:
    """The event for one in-line marker, or None when nothing before it allows a heading."""
    family = match.lastgroup or ""
    if family not in families:
        return None
    digits = match.group(family)
    number = int(digits) if family == "ar" else parse_chinese(digits)
    if number is None:
        return None
    offset = match.start()
    parent = _PARENT[family]
    after_title = number == 1 and parent is not None and _title_between(text, title_from.get(parent), offset)
    if not (_BEFORE[family].search(text[max(0, offset - BEFORE_CHARS):offset]) or after_title):
        return None
    heading = classify(text[offset:offset + CLASSIFY_SPAN])
    strong = heading is not None and heading.family == family
    clear = strong and heading is not None and heading.run_in and _SHORT_TITLE.match(heading.title) is not None
    title_end = None
    first_child = _FIRST_CHILD.get(family)
    if first_child is not None:
        sub = first_child.search(text, match.end(), match.end() + MAX_TITLE_REACH)
        if sub is not None and _title_between(text, offset, sub.start()):
            title_end = sub.start()
    return _Event(index, offset, family, number, True, strong or title_end is not None, title_end, clear)


def _title_between(text: str, start: int | None, end: int) -> bool:
    """Whether text[start:end] is a marker with a short heading title and nothing else: what
    stands before a first sub-heading when the line break after the title was lost."""
    if start is None:
        return False
    title = text[start:end]
    return len(title) <= MAX_TITLE_REACH and _TITLE_BREAK.search(title) is None


def _followed_by_two(events: list[_Event]) -> list[bool]:
    """For each event: whether the next event of its family, under the same parent heading,
    is numbered 2."""
    result = [False] * len(events)
    next_number: dict[str, int | None] = {}
    for index in range(len(events) - 1, -1, -1):
        event = events[index]
        result[index] = next_number.get(event.family) == 2
        next_number[event.family] = event.number
        _restart_children(next_number, event.family)
    return result


def _next_line_start_numbers(events: list[_Event]) -> list[int | None]:
    """For each event: the number of the next line-start heading of its family, if any.

    An in-line candidate numbered like a later line-start heading (or higher) is an
    enumeration inside the text: the report's own heading of that number is still to come.
    """
    result: list[int | None] = [None] * len(events)
    upcoming: dict[str, int | None] = {}
    for index in range(len(events) - 1, -1, -1):
        event = events[index]
        result[index] = upcoming.get(event.family)
        if not event.inline:
            upcoming[event.family] = event.number
            _restart_children(upcoming, event.family)
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
