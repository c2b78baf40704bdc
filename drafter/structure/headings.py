"""What a heading looks like: marker families, the heading sentence, and how families rank.

A heading starts with a marker of one family — 第一部分 一、 （一） 1. （1） 1.1 or —— — followed by a
short heading sentence, either alone on its line (standalone) or ending at 。/：/a space with
body text after it (run-in). Word documents add evidence of their own: a paragraph in a
Heading 1–9 style (or with an outline level) is a heading whatever its text, and its level
ranks the families it uses (`family_ranks`).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace

from drafter.domain import NUMERAL_CHARS, parse_chinese
from drafter.structure.fused import (
    SUBJECT,
    fused_end,
    has_count,
    opener_score,
    plausible_title,
    reads_as_body,
    space_end,
)

MAX_HEADING_CHARS = 60  # a longer "heading sentence" is body text that starts with a number
MAX_DASH_HEADING_CHARS = 25  # ——稳基础。 is short; a long —— line is a bulleted sentence
MAX_STYLED_HEADING_CHARS = 120  # a heading-styled paragraph longer than this is body text
# classify() only needs this much of a paragraph: a heading sentence ends well before it.
CLASSIFY_SPAN = 3 * MAX_HEADING_CHARS

# Conventional ranking of the numbered marker families; the dash family has no fixed place.
# Dotted decimals (1.1, 1.1.1) sit under 1. and above （1）.
# 第一部分 (a long report's parts) sits above 一、.
FAMILY_RANK = {
    "part": -1.0, "cn": 0.0, "pcn": 1.0, "ar": 2.0, "dot2": 2.3, "dot3": 2.5, "dot4": 2.7, "par": 3.0,
}
DASH = "dash"
STYLED = "h"  # prefix of the family of an unnumbered heading-styled paragraph: h0 … h8

_MARKER = re.compile(
    rf"第(?P<part>[{NUMERAL_CHARS}]{{1,3}})部分(?:[：:、]|[ \t\u3000]+|$)"
    rf"|(?P<cn>[{NUMERAL_CHARS}]{{1,8}})、"
    rf"|[（(](?P<pcn>[{NUMERAL_CHARS}]{{1,8}})[）)]"
    r"|(?P<dot>\d{1,3}(?:[.．]\d{1,3}){1,3})(?:[.．、]|(?=[ \t\u3000]))"
    r"|(?P<ar>\d{1,3})[.．、](?!\d)"
    r"|[（(](?P<par>\d{1,3})[）)]"
    r"|(?P<dash>——)"
)
# A bare number ("1 总体要求", "2.1 部署"), a marker only in a heading-styled paragraph.
_BARE_NUMBER = re.compile(r"(?P<dot>\d{1,3}(?:[.．]\d{1,3}){0,3})(?=[ \t\u3000])")
_SENTENCE_END = re.compile(r"[。！？!?]")
_COLON = re.compile(r"[：:]")
_BODY_PUNCT = re.compile(r"[。，；,;]")
HEADING_TRAIL = "。！？!?；;：:，,、 \u3000\t"
ENUM_START = re.compile(rf"^[{NUMERAL_CHARS}]{{1,3}}是")
# 一、二季度 / 一、二等奖: numbers listed in a sentence, not a heading 一、 (一、三会一课 is one).
_NUMBER_LIST = re.compile(r"[二三四五六七八九十](?:季度|个月|月份|月|、|等|批|期|类|级|轮|档)")
# （一）项规定 / （二）款: a clause of a rule referred to in a sentence (项目, 条件 are headings).
REFERENCE_FAMILIES = ("pcn", "par")
_REFERENCE = re.compile(r"(?:项(?!目)|条(?!例|件|线)|款(?!项)|章(?!程)|节(?!日|约|点|能|假))")
ITEM_FAMILIES = ("ar", "par")  # 1. and （1）: a sentence of counts after them is a list item
MAX_ITEM_TITLE = 20
MIN_ECHO = 4  # a sibling heading this long or longer calibrates where a fused one ends
_ITEM_CLAUSE = re.compile(r"[，,、；;]")


@dataclass(frozen=True)
class HeadingMatch:
    """A paragraph recognised as a heading."""

    family: str  # "part" 第一部分, "cn" 一、, "pcn" （一）, "ar" 1., "dot2" 1.1, "par" （1）, "dash" ——, "h0" styled
    number: int | None  # None for dash and unnumbered headings
    marker: str
    title: str
    rest: str  # body text on the same line ("" for a standalone heading)
    body_at: int = field(default=0, compare=False)  # where `rest` starts in the classified text

    @property
    def run_in(self) -> bool:
        return bool(self.rest)


def classify(text: str) -> HeadingMatch | None:
    """The heading at the start of `text`, or None when it is body text.

    Only the first `CLASSIFY_SPAN` characters decide (a heading sentence ends well before),
    so a long paragraph costs no more than a short one.
    """
    if len(text) <= CLASSIFY_SPAN:
        return _classify(text)
    head = _classify(text[:CLASSIFY_SPAN])
    if head is None or not head.rest:
        return None  # no heading sentence ended within the span: it is too long
    return replace(head, rest=text[head.body_at:].strip())


@functools.lru_cache(maxsize=4096)
def _classify(text: str) -> HeadingMatch | None:
    """Cached: the wrap check, the joiner and the tree builder ask about the same lines."""
    match = _MARKER.match(text)
    if not match:
        return None
    family, number = _family_and_number(match)
    if family != DASH and number is None:
        return None
    rest_at = len(text) - len(text[match.end():].lstrip(" \t\u3000、"))
    rest = text[rest_at:]
    if (family == "cn" and _NUMBER_LIST.match(rest)) or (family in REFERENCE_FAMILIES and _REFERENCE.match(rest)):
        return None
    end = _heading_end(rest, dash=family == DASH)
    if end is None:
        if family == DASH:
            return None
        head, body, body_at = rest, "", len(text)
    else:
        head, body, body_at = rest[:end], rest[end + 1:].strip(), rest_at + end + 1
    if family != DASH and (cut := fused_end(head, rest)) is not None:  # nothing between them
        head, body, body_at = rest[:cut], rest[cut:].strip(), rest_at + cut
    title = head.strip().rstrip(HEADING_TRAIL)
    limit = MAX_DASH_HEADING_CHARS if family == DASH else MAX_HEADING_CHARS
    if not title or len(head) > limit or (family in ITEM_FAMILIES and _is_item(title)):
        return None
    return HeadingMatch(family, number, _marker_text(match), title, body, body_at)


def _is_item(title: str) -> bool:
    """Whether the sentence after a 1. or （1） states facts (全年召开支委会12次、党员大会4次,
    支部全年召开支委会12次): a list item of the body, not a heading."""
    if not has_count(title):
        return False
    long = _ITEM_CLAUSE.search(title) is not None or len(title) > MAX_ITEM_TITLE
    return long or opener_score(title, 0) >= SUBJECT  # 1.支部全年召开支委会12次。


def classify_styled(text: str, level: int) -> HeadingMatch | None:
    """A paragraph Word marks as a heading (style or outline level `level`, 0-based).

    Its marker, if any, still names its family; without one it is an unnumbered heading of
    family h<level>. A long paragraph is body text in a heading style, judged by its text.
    """
    found = classify(text)
    if found is not None or len(text) > MAX_STYLED_HEADING_CHARS:
        return found
    match = _MARKER.match(text) or _BARE_NUMBER.match(text)
    family, number, marker = f"{STYLED}{level}", None, ""
    if match is not None:
        found_family, found_number = _family_and_number(match)
        if found_number is not None or found_family == DASH:
            family, number, marker = found_family, found_number, _marker_text(match)
            text = text[match.end():]
    title = text.strip(" \t\u3000、").rstrip(HEADING_TRAIL)
    if not title:
        return None
    return HeadingMatch(family, number, marker, title, "")


def _family_and_number(match: re.Match[str]) -> tuple[str, int | None]:
    family = match.lastgroup or DASH
    digits = match.group(family)
    if family == DASH:
        return family, None
    if family == "dot":
        parts = re.split("[.．]", digits)
        return (f"dot{len(parts)}" if len(parts) > 1 else "ar"), int(parts[-1])
    if family in ("ar", "par"):
        return family, int(digits)
    return family, parse_chinese(digits)


def _marker_text(match: re.Match[str]) -> str:
    """The marker as found, without a trailing space that only separated it from the title;
    第一部分 keeps one full-width space, as it is set before its title."""
    text = match.group().rstrip(" \t\u3000")
    return f"{text}\u3000" if match.lastgroup == "part" and text.endswith("部分") else text


def _heading_end(rest: str, *, dash: bool) -> int | None:
    """Where a heading sentence ends: the first 。, or ：/space when body text follows.

    A space only ends the heading when what follows reads as a sentence; headings such as
    "压实责任 抓好落实" use a space inside the heading itself, so of several spaces the one
    before a body opener or the widest ends it ("抓学习　强思想　　支部…", `space_end`). A dash
    heading ends only at sentence punctuation (——稳基础。).
    """
    candidates = []
    if found := _SENTENCE_END.search(rest):
        candidates.append(found.start())
    if found := _COLON.search(rest):
        candidates.append(found.start())
    if not dash and (found := space_end(rest)):
        after = rest[found.end():]
        opens = opener_score(rest, found.end()) >= SUBJECT and has_count(after)  # 支部全年开展…12次
        if _BODY_PUNCT.search(after) or len(after) > MAX_HEADING_CHARS or opens:
            candidates.append(found.start())
    return min(candidates) if candidates else None


def calibrated(texts: Sequence[str], found: Sequence[HeadingMatch | None]) -> list[HeadingMatch | None]:
    """The headings, with those that ran on into their body cut where their siblings end.

    A heading sentence that cannot be a heading as it stands ("加强作风建设开展作风建设专项行动，
    查纠问题18个") is cut at the length of a plausible sibling of its family whose frame it
    echoes (加强政治建设: the same first or last two characters), when body text follows."""
    siblings: dict[str, list[str]] = {}
    for heading in found:
        if heading is not None and heading.number is not None and plausible_title(heading.title):
            siblings.setdefault(heading.family, []).append(heading.title)
    out = list(found)
    for index, heading in enumerate(found):
        if heading is None or heading.family not in siblings or plausible_title(heading.title):
            continue
        title = heading.title
        for sibling in siblings[heading.family]:
            size = len(sibling)
            echoes = title[:2] == sibling[:2] or title[size - 2:size] == sibling[-2:]
            if MIN_ECHO <= size < len(title) and echoes and reads_as_body(title[size:]):
                start = texts[index].find(title)
                if start < 0:
                    break
                body_at = start + size
                out[index] = replace(heading, title=title[:size], rest=texts[index][body_at:].strip(), body_at=body_at)
                break
    return out


def starts_block(text: str) -> bool:
    """True for a line that must begin its own paragraph: a heading or an enumeration item."""
    return classify(text) is not None or ENUM_START.match(text) is not None


def family_ranks(styled: Iterable[tuple[str, int]]) -> dict[str, float]:
    """The rank of each family, given (family, Word outline level) of heading-styled paragraphs.

    Without styles, the conventional ranking. With them, a styled family ranks at its level
    (its first one), and an unstyled family fits between the styled families around it in
    the conventional order, or below all styled levels when none ranks under it.
    """
    levels: dict[str, int] = {}
    for family, level in styled:
        levels.setdefault(family, level)
    if not levels:
        return dict(FAMILY_RANK)
    ranks = {family: float(level) for family, level in levels.items()}
    deepest = max(levels.values())
    for family, conventional in FAMILY_RANK.items():
        if family in ranks:
            continue
        above = [ranks[f] for f, c in FAMILY_RANK.items() if f in levels and c < conventional]
        below = [ranks[f] for f, c in FAMILY_RANK.items() if f in levels and c > conventional]
        if above and below:
            ranks[family] = (max(above) + min(below)) / 2
        elif below:
            ranks[family] = min(below) - 0.5
        else:
            ranks[family] = deepest + 1 + conventional
    return ranks
