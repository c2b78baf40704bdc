"""Unnumbered top-level headings written as parallel phrases.

Some reports head their parts with no number at all, only a pair of phrases — "强基固本，筑牢
基层战斗堡垒" on a line of its own, or "强基固本，筑牢战斗堡垒。" with the body after it. One such
paragraph proves nothing; two or more of the same shape (standalone or run-in, the first phrase
of the same length) do, when nothing else heads the report's parts (no 第一部分, 一、, —— and no
Word heading styles) and the first of them comes before any numbered heading. A paragraph
that opens like a body sentence (今年以来，… / 支部高度重视…。 / 一是… / 与此同时，…), holds
digits, or signs off is never one.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from drafter.structure.fused import SUBJECT, opener_score
from drafter.structure.headings import ENUM_START, HEADING_TRAIL, HeadingMatch

PHRASE = "phrase"  # the family of these headings; it ranks above every numbered family
TOP_FAMILIES = ("part", "cn", "dash")  # a report headed by these needs no phrase headings
MIN_PARALLEL = 2

_HAN = "[\u4e00-\u9fff“”]"
# Standalone: two phrases (强基固本，筑牢基层战斗堡垒 / 抓学习 强思想) or one (加强思想政治建设).
_STANDALONE = re.compile(rf"^({_HAN}{{3,8}})(?:[，,、]|[ \t\u3000]+)({_HAN}{{3,14}})$|^({_HAN}{{4,12}})$")
# Run-in: the heading sentence, then body text on the same line.
_RUN_IN = re.compile(rf"^({_HAN}{{3,8}})[，,]({_HAN}{{3,14}})[。！](?=\S)|^({_HAN}{{4,16}})。(?=\S)")
_CONNECTIVE = re.compile(
    r"^(?:与此同时|同时|此外|另外|其次|首先|最后|总之|总体来看|总体上看|总的来看|总的来说|总体而言|总而言之|"
    r"综上所述|综上|具体来说|具体而言|一方面|另一方面|由此可见|截至目前|目前|当前|近期|下一步|今后|特此|"
    r"为此|因此|对此|据统计|经统计|实践证明|事实证明|可以说|不仅如此|通过|按照|根据|为了|为进一步|经过|"
    r"随着|在|本人|我们|大家|谢谢|此致|以上)"
)
_ORGANISATION = re.compile(r"(?:党支部|党总支|党委|党组|委员会|局|办公室)$")


def phrase_headings(
    texts: Sequence[str], headings: Sequence[HeadingMatch | None], exempt: Sequence[bool]
) -> dict[int, HeadingMatch]:
    """Paragraph index → the parallel-phrase heading it is, for the paragraphs `headings` has
    none for (`exempt` marks paragraphs that cannot be one, such as table cells)."""
    if any(h is not None and (h.family in TOP_FAMILIES or h.family.startswith("h")) for h in headings):
        return {}
    first_numbered = next((i for i, h in enumerate(headings) if h is not None), len(texts))
    groups: dict[tuple[str, int | None], dict[int, HeadingMatch]] = {}
    for index, text in enumerate(texts):
        if headings[index] is not None or exempt[index]:
            continue
        found = _phrase(text, index, texts, headings)
        if found is not None:
            key, heading = found
            groups.setdefault(key, {})[index] = heading
    best = max(groups.values(), key=len, default={})
    if len(best) < MIN_PARALLEL or min(best) > first_numbered:
        return {}
    return best


def _phrase(
    text: str, index: int, texts: Sequence[str], headings: Sequence[HeadingMatch | None]
) -> tuple[tuple[str, int | None], HeadingMatch] | None:
    """(shape, heading) when a paragraph reads as a phrase heading in its place."""
    text = text.strip()
    if ENUM_START.match(text) or _CONNECTIVE.match(text) or opener_score(text, 0) >= SUBJECT:
        return None
    if _ORGANISATION.search(text):
        return None  # a unit signing off
    standalone, run_in = _STANDALONE.match(text), _RUN_IN.match(text)
    either = standalone or run_in
    second = either.group(2) if either is not None else None
    if second and opener_score(second, 0) >= SUBJECT:
        return None  # 会上，支部书记传达了会议精神。: the second phrase is a sentence
    if (match := standalone) is not None:
        following = index + 1 < len(texts) and (headings[index + 1] is not None or _body(texts[index + 1]))
        if not following:
            return None  # the last line, or a line before another short line: a sign-off, a list
        first = match.group(1)
        shape = ("standalone", len(first) if first else None)
        return shape, HeadingMatch(PHRASE, None, "", text.rstrip(HEADING_TRAIL), "")
    if (match := run_in) is not None:
        first = match.group(1)
        shape = ("run-in", len(first) if first else None)
        return shape, HeadingMatch(PHRASE, None, "", text[:match.end() - 1], text[match.end():].strip(), match.end())
    return None


def _body(text: str) -> bool:
    """A body paragraph: it ends a sentence, or it is too long to be a heading."""
    text = text.strip()
    return bool(text) and (text[-1] in "。！？!?；;" or len(text) > 2 * 16)


def is_phrase_line(line: str) -> bool:
    """Whether a line on its own could be a parallel-phrase heading (for rejoining PDF lines:
    such a line ends its paragraph)."""
    return _STANDALONE.match(line.strip()) is not None and _CONNECTIVE.match(line) is None
