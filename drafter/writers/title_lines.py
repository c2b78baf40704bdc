"""Where a title too wide for one line is broken, as GB/T 9704-2012 (7.3.1) asks.

A title that does not fit on one line is centred over two, broken where the words stay whole
(回行时词意完整、排列对称、长短适宜): by a line break in its paragraph, as a 党务工作者 does
with Shift+Enter, so the title stays one paragraph and reads back as one. Places, best first:
before 关于 (某某局机关党委 / 关于……的汇报); before the period, which follows the unit's name
(某某市气象局机关党支部 / 2026年度党建工作总结); before 书记 after the organisation
(……党支部 / 书记抓基层党建工作述职报告); before a "——" subtitle. Of the best kind of place
that gives two lines that each fit, the most even pair wins. A title with no such place is
left to the word processor's own wrapping rather than broken inside a word.

Widths are in ems of the title's size: CJK characters and full-width punctuation 1, ASCII
(digits and Latin letters, set in Times New Roman) about 0.5.
"""

from __future__ import annotations

import re

# 二号 (22 pt) characters on one line of drafter's 156 mm (442 pt) text block: 20, less half an
# em, because digits and Latin letters run wider than the half em `width` counts in most fonts
# (a title of exactly 20 ems with a year in it wraps its last character: 总 / 结).
LINE_EMS = 19.5

# Places to break, best first; each pattern matches the empty string where line two starts.
_PLACES = (
    re.compile(r"(?=关于)"),
    re.compile(r"(?=(?:19|20)\d{2}年|二〇[〇一二三四五六七八九]{2}年)|(?<!年)(?=[上下]半年|第[一二三四]季度)"),
    re.compile(r"(?:(?<=党支部)|(?<=党总支)|(?<=党委)|(?<=党组)|(?<=委员会))(?=书记)"),
    re.compile(r"(?=——)"),
)
_QUOTED = re.compile(r"《[^》]*》|“[^”]*”")


def width(text: str) -> float:
    """The width of `text` in ems of its size."""
    return sum(0.5 if ch.isascii() else 1.0 for ch in text)


def title_lines(title: str, line_ems: float = LINE_EMS) -> list[str]:
    """The lines to set `title` on: itself when it fits or has no good place to break, else
    two lines that each fit, broken at the best place (see the module's docstring)."""
    total = width(title)
    if total <= line_ems or total > 2 * line_ems:  # fits as it is, or on no two lines
        return [title]
    quoted = [range(m.start() + 1, m.end()) for m in _QUOTED.finditer(title)]
    for place in _PLACES:
        splits = [
            (title[: m.start()], title[m.start() :])
            for m in place.finditer(title)
            if 0 < m.start() < len(title) and not any(m.start() in q for q in quoted)
        ]
        fitting = [s for s in splits if max(width(s[0]), width(s[1])) <= line_ems]
        if fitting:
            first, second = min(fitting, key=lambda s: abs(width(s[0]) - width(s[1])))
            return [first, second]
    return [title]
