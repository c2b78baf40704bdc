"""Report periods — the one home for their names, phrases and succession.

A report covers a year or part of it (全年, 上半年, a quarter …). From the period follow the
words a report uses: the name in its title (2025年度 / 2025年上半年), the phrase that opens
it (今年以来 / 今年上半年), the name of what comes next (2026年 / 下半年), which period follows
it (`drafter new --from`), and how a title or opening states it (read back by import).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

WHOLE_YEAR = "全年"
QUARTERS = ("第一季度", "第二季度", "第三季度", "第四季度")
PERIODS = (WHOLE_YEAR, "上半年", "下半年", *QUARTERS)
YEAR_RANGE = (2000, 2100)
LAST_MONTH_OF_LAST_YEAR = 2  # until the end of February a new report most likely covers last year

_OPENING_PHRASES = {
    WHOLE_YEAR: "一年来",
    "上半年": "今年上半年",
    "下半年": "今年下半年",
    "第一季度": "今年一季度",
    "第二季度": "今年二季度",
    "第三季度": "今年三季度",
    "第四季度": "今年四季度",
}
# What "next period" is called after each part of a year; after a whole year it is the next year.
_AHEAD = {"上半年": "下半年", "第一季度": "第二季度", "第二季度": "下半年", "第三季度": "第四季度"}

YEAR_IN_TEXT = re.compile(r"(?<!\d)(\d{4})\s*年(度)?")  # 2025年, 2025年度 (group 2: 度)
_PERIOD_WORD = re.compile(r"上半年|下半年|全年|第?[一二三四]季度")
_BOOK_TITLE = re.compile(r"《[^》]*》")
_HALF_MONTHS = {"上半年": (1, 6), "下半年": (7, 12)}  # first and last month; others: the whole year
_YEAR_WORD = re.compile(r"(?<!\d)(\d{4})(\s*年)")  # the year of 2025年, 2025年度 (what shift_years moves)


@dataclass(frozen=True)
class Period:
    """One report period: a year and a part of it."""

    year: int
    part: str = WHOLE_YEAR

    @property
    def name(self) -> str:
        """As a title names it: 2025年度, 2025年上半年."""
        return f"{self.year}年度" if self.part == WHOLE_YEAR else f"{self.year}年{self.part}"

    @property
    def phrase(self) -> str:
        """The phrase that opens a report of this period: 一年来, 今年上半年."""
        return _OPENING_PHRASES.get(self.part, "一年来")

    @property
    def body(self) -> str:
        """How the body of a report names its period before a count: 全年, 上半年, 一季度."""
        return self.part.removeprefix("第") if self.part in QUARTERS else self.part

    @property
    def ahead(self) -> str:
        """What the next period is called in closings and next steps: 2026年, 下半年."""
        if self.part in (WHOLE_YEAR, "下半年", "第四季度"):
            return f"{self.year + 1}年"
        return _AHEAD.get(self.part, "下一阶段")

    @property
    def first_day(self) -> dt.date:
        """The period's first day: 1 January, 1 July, the first day of its quarter."""
        return dt.date(self.year, self._months[0], 1)

    @property
    def last_day(self) -> dt.date:
        """The period's last day: 31 December, 30 June, the last day of its quarter."""
        month = self._months[1]
        after = dt.date(self.year + 1, 1, 1) if month == 12 else dt.date(self.year, month + 1, 1)
        return after - dt.timedelta(days=1)

    @property
    def _months(self) -> tuple[int, int]:
        if self.part in QUARTERS:
            n = QUARTERS.index(self.part)
            return 3 * n + 1, 3 * n + 3
        return _HALF_MONTHS.get(self.part, (1, 12))

    def following(self) -> list[Period]:
        """The periods that may follow this one, the likeliest first.

        Units report at mid-year and at year end: 上半年 is followed by the whole year (or the
        second half), 全年 and 下半年 by next year's first half (or next whole year); a quarter
        by the next quarter, and by the half or whole year that quarter completes.
        """
        if self.part == "上半年":
            return [Period(self.year, WHOLE_YEAR), Period(self.year, "下半年")]
        if self.part in QUARTERS:
            i = QUARTERS.index(self.part) + 1
            if i == len(QUARTERS):
                return [Period(self.year + 1, QUARTERS[0])]
            completes = {1: "上半年", 3: WHOLE_YEAR}.get(i)
            nxt = [Period(self.year, QUARTERS[i])]
            return nxt + ([Period(self.year, completes)] if completes else [])
        return [Period(self.year + 1, "上半年"), Period(self.year + 1, WHOLE_YEAR)]


def stated_period(text: str) -> tuple[int | None, str | None]:
    """The year and period a title or opening states ("2023年度上半年…"); book titles ignored.

    A year without 上半年/下半年/季度 is a whole year only when written 2023年度 or with 全年;
    (None, None) when no plausible year is stated.
    """
    text = _BOOK_TITLE.sub("", text)
    year = YEAR_IN_TEXT.search(text)
    if not year or not YEAR_RANGE[0] <= int(year.group(1)) <= YEAR_RANGE[1]:
        return None, None
    word = _PERIOD_WORD.search(text, year.end())
    if word:
        found = word.group()
        return int(year.group(1)), found if found in PERIODS else "第" + found.lstrip("第")
    return int(year.group(1)), (WHOLE_YEAR if year.group(2) else None)


def dated_phrases(text: str, last: Period | None, now: Period | None) -> list[str]:
    """Last period's year and period words still in a carried text: "2024年度", "上半年".

    They are shown to be checked, never rewritten: "2024年" may be a date that must stay.
    """
    if last is None:
        return []
    words = []
    if now is None or last.year != now.year:
        words.append(rf"{last.year}\s*年度?")
    if now is None or last.part != now.part:
        words.append(re.escape(last.part))
    return list(dict.fromkeys(re.findall("|".join(words), text))) if words else []


def shift_years(text: str, source_year: int | None, year: int | None) -> str | None:
    """`text` written in `source_year` said again in `year`: each year in it moved by the
    same distance (2022年度 → 2026年度, 2023年 → 2027年); None when `text` names a year and
    `source_year` or `year` is unknown, or names one further than a year away from
    `source_year` (a date or a plan's span, which cannot be moved)."""
    found = list(_YEAR_WORD.finditer(text))
    if not found:
        return text
    if source_year is None or year is None:
        return None
    if any(abs(int(m.group(1)) - source_year) > 1 for m in found):
        return None
    return _YEAR_WORD.sub(lambda m: f"{int(m.group(1)) - source_year + year}{m.group(2)}", text)


def report_year(today: dt.date) -> int:
    """The year a report written on `today` most likely covers: the year just ended in
    January and February, when annual summaries are finished; else this year."""
    return today.year - 1 if today.month <= LAST_MONTH_OF_LAST_YEAR else today.year
