"""核稿 rules about time: years and period words that do not fit the report's period.

A report carried over from last period keeps last period's year (2024年 in a 2025 report) and
period words (今年上半年 in an annual summary). Not every other year is wrong: a next year in
next steps or a sentence about plans, a year in a quoted title (《…2021—2025年规划》), a start
year (2021年以来), a comparison (较2024年), an award or a meeting for the year before (2024年度
组织生活会) all belong. Those are left alone; every other year is a finding.
"""

from __future__ import annotations

import re

from drafter.checking.findings import CheckContext, Finding, Spot, View, inside, quoted_spans
from drafter.document import Document, Paragraph
from drafter.domain import PERIODS, WHOLE_YEAR, Period, parse_date

FULL_YEAR = WHOLE_YEAR
HALF_YEAR = "上半年"
SECOND_HALF = "下半年"
PERIOD_WORDS = PERIODS
EARLIEST_YEAR = 2000  # older years are history (建党1921年), never a carried-over period

_YEAR = re.compile(r"(?<!\d)((?:19|20)\d{2})\s*年")
_PART_OF_YEAR = re.compile(r"上半年|下半年|半年|第?[一二三四]季度")
_WHOLE_YEAR = re.compile(r"年度|全年")
OPENING_CHARS = 40  # the period words of an opening stand at its start
_OPENING_PERIOD = (
    (re.compile(r"今年上半年|上半年以来|半年来|上半年"), HALF_YEAR),
    (re.compile(r"一年来|全年|年度"), FULL_YEAR),
)
_SENTENCE = re.compile(r"[^。！？；]+[。！？；]?")
# After a year: a span's start, a range, or the year before's meeting, review or award.
_YEAR_AFTER_OK = re.compile(
    r"年(?:度)?(?:\d{1,2}月(?:份)?(?:\d{1,2}日)?)?(?:以来|起|至|到|[—－\-~～]|底以来)"
    r"|年度(?:专题)?(?:组织生活会|民主生活会|述职|考核|评议|巡察|审计|考评|评选|先进|优秀|全[省市县区])"
)
_RANGE_BEFORE = re.compile(r"(?:至|到|[—－\-~～])\s*$")
_YEAR_BEFORE_OK = re.compile(r"(?:自|从|于|较|比|与|和)\s*$")
# A sentence that compares, dates an origin or names an award may cite any earlier year.
_PAST_CONTEXT = re.compile(
    r"较|同比|相比|上年|去年|增长|下降|增加|减少|持平|至今|成立|组建|创建|始建|获评|荣获|被评为|评为|表彰|命名"
)
# A sentence about what comes next may name a later year.
_FORWARD_SENTENCE = re.compile(
    r"将|计划|力争|拟|预计|争取|明年|下一步|下阶段|下一阶段|新的一年|展望|目标|要点|谋划|规划|到\d{4}年"
)
_FUTURE_MARK = re.compile(r"将|拟|计划|力争|争取|要")
_PAST_MARK = re.compile(r"以来|共|累计|已|了|先后")
_LATER_YEAR_BEFORE = re.compile(r"(?:\d{4}年|明年|次年)$")  # 2026年下半年 is not this 下半年
_SENTENCE_REST = re.compile(r"[^。；！？]*")
# Phrases that frame the whole period; in a report of another period they were carried over.
_FOREIGN_FRAMES = {
    FULL_YEAR: re.compile(
        r"^(?:今年)?上半年(?=[，,])|上半年以来|半年来|上半年度|上半年(?:共|累计|先后)|现将(?:今年)?上半年"
        r"|(?<=\d年)上半年|(?<=\d年度)上半年"
    ),
    HALF_YEAR: re.compile(r"一年来|全年(?:共|累计|先后)"),
}

# How a period is named in its own report, for the fix.
_OWN_WORDS = {FULL_YEAR: "一年来、全年", HALF_YEAR: "今年上半年、上半年以来"}
# Words every frame (and 下半年) contains: a line without them is skipped at once.
_FRAME_HINTS = {FULL_YEAR: ("半年",), HALF_YEAR: ("一年来", "全年", SECOND_HALF)}


def infer_period(doc: Document) -> tuple[int | None, str | None]:
    """The report's year and period from its title, else its opening's first sentence."""
    first = next(
        (b.text for b in doc.blocks[:1] if isinstance(b, Paragraph) and b.run_in is None), ""
    )
    for text in (doc.title, re.split(r"[。！？]", first)[0]):
        text = re.sub(r"《[^》]*》", "", text)
        m = _YEAR.search(text)
        if m:
            named = _named_period(text[m.start():]) or _opening_period(first)
            # An opening that starts with the year alone ("2025年，") is the annual form.
            return int(m.group(1)), named or (FULL_YEAR if m.start() == 0 else None)
    return None, _named_period(doc.title) or _opening_period(first)


def _named_period(text: str) -> str | None:
    """The period a title or opening names: 上半年 and quarters before 年度 (2023年度上半年)."""
    m = _PART_OF_YEAR.search(text)
    if m:
        word = m.group()
        if word == "半年":
            return HALF_YEAR
        return word if word in PERIOD_WORDS else "第" + word.lstrip("第")
    return FULL_YEAR if _WHOLE_YEAR.search(text) else None


def _opening_period(text: str) -> str | None:
    """The period an opening frames itself with (一年来 / 上半年以来): whichever comes first."""
    found = [(m.start(), period) for pattern, period in _OPENING_PERIOD
             if (m := pattern.search(text[:OPENING_CHARS]))]
    return min(found)[1] if found else None


def other_years(view: View, context: CheckContext) -> list[Finding]:
    """Years other than the report's, outside the contexts where they belong (module docstring)."""
    year = context.year
    if year is None:
        return []
    out = []
    for spot in view.texts():
        if spot.path[0] == "落款":
            continue
        quoted = quoted_spans(spot.text)
        for m in _YEAR.finditer(spot.text):
            found = int(m.group(1))
            if found == year or found < EARLIEST_YEAR or inside(quoted, m.start()):
                continue
            if _year_belongs(spot, m, found, year):
                continue
            out.append(spot.finding(
                "other-year", m.start(), m.end(),
                f"出现“{found}年”，与本报告的{year}年不符，可能是沿用上期材料未改。",
                f"核实后改为{year}年，或写明与本期的关系（如“较{found}年”“{found}年以来”）。",
            ))
    return out


def _year_belongs(spot: Spot, m: re.Match[str], found: int, year: int) -> bool:
    text = spot.text
    sentence = _sentence_at(text, m.start())
    before = text[max(0, m.start() - 4):m.start()]
    if _RANGE_BEFORE.search(before):
        return True  # the end of a span: 2021—2025年, 至2026年
    if found > year:
        forward = spot.section is not None and spot.section.forward
        return forward or _FORWARD_SENTENCE.search(sentence) is not None
    after = text[m.start() + 4:m.start() + 24]
    return bool(
        _YEAR_AFTER_OK.match(after.lstrip())
        or _YEAR_BEFORE_OK.search(before)
        or _PAST_CONTEXT.search(sentence)
    )


def _sentence_at(text: str, index: int) -> str:
    for m in _SENTENCE.finditer(text):
        if m.start() <= index < m.end():
            return m.group()
    return text


def other_periods(view: View, context: CheckContext) -> list[Finding]:
    """Period words of another period: 今年上半年 in an annual report, 一年来 in a half-year one,
    下半年将… at the end of a year, 下半年以来 in a report written at mid-year."""
    period = context.period
    if period not in _FOREIGN_FRAMES:
        return []
    out = []
    hints = _FRAME_HINTS[period]
    for spot in view.texts():
        if spot.path[0] == "落款" or not any(hint in spot.text for hint in hints):
            continue
        quoted = quoted_spans(spot.text)
        hits = [(m.start(), m.end(), False) for m in _FOREIGN_FRAMES[period].finditer(spot.text)]
        hits += [
            (m.start(), m.end(), period == FULL_YEAR)
            for m in re.finditer(SECOND_HALF, spot.text)
            if not _LATER_YEAR_BEFORE.search(spot.text, max(0, m.start() - 5), m.start())
            and _second_half_misplaced(spot, m.end(), period)
        ]
        out += [
            _period_finding(spot, start, end, period, ahead=ahead)
            for start, end, ahead in sorted(hits)
            if not inside(quoted, start)
        ]
    return out


def _second_half_misplaced(spot: Spot, end: int, period: str) -> bool:
    """下半年 looking ahead in an annual report (stale), or looking back in a half-year one."""
    rest_match = _SENTENCE_REST.match(spot.text, end)
    rest = rest_match.group() if rest_match else ""
    future, past = _FUTURE_MARK.search(rest), _PAST_MARK.search(rest)
    if period == FULL_YEAR:
        in_plan = spot.is_heading and spot.section is not None and spot.section.forward
        return in_plan or (future is not None and past is None)
    return past is not None and future is None


def _period_finding(
    spot: Spot, start: int, end: int, period: str, *, ahead: bool = False
) -> Finding:
    word = spot.text[start:end]
    if ahead:
        return spot.finding(
            "other-period", start, end,
            f"年度报告中用“{word}”说下一步工作，像是沿用了上半年的材料。",
            "改为下一年（如“明年”“新的一年”或具体年份）。",
        )
    return spot.finding(
        "other-period", start, end,
        f"“{word}”与本报告的期间（{period}）不符，可能是沿用其他期间的材料。",
        f"改为本期的说法（{_OWN_WORDS.get(period, period)}）。",
    )


def date_outside_period(view: View, context: CheckContext) -> list[Finding]:
    """A sign-off date before the report's period begins: last period's date kept, or a slip
    of the year (2025年 for 2026年). A late date is left alone: a report may be signed long
    after its period, and an answers file without a date is signed the day it is rendered."""
    if context.year is None or context.period not in PERIOD_WORDS:
        return []
    period = Period(context.year, context.period)
    dated = [(spot, day) for spot in view.signature if (day := parse_date(spot.text)) is not None]
    if not dated or dated[-1][1] >= period.first_day:
        return []
    spot = dated[-1][0]
    return [spot.finding(
        "date-outside-period", 0, len(spot.text),
        f"成文日期{spot.text}早于报告期间（{period.name}）的开始。", "改为本期报告实际的成文日期。",
    )]
