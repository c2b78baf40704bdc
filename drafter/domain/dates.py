"""Dates as users type them and as 公文 prints them (2025年12月5日, no zero padding)."""

from __future__ import annotations

import datetime as dt
import re

_DATE = re.compile(r"^\s*(\d{4})\s*[-./年]\s*(\d{1,2})\s*[-./月]\s*(\d{1,2})\s*日?\s*$")


def parse_date(value: str | dt.date) -> dt.date | None:
    """Read 2025-12-05, 2025年12月5日, 2025.12.5 or 2025/12/5; None when it is not a real date."""
    if isinstance(value, dt.date):
        return value
    m = _DATE.match(str(value))
    if not m:
        return None
    try:
        return dt.date(int(m[1]), int(m[2]), int(m[3]))
    except ValueError:
        return None


def format_date(value: dt.date) -> str:
    """The 公文 form: Arabic numerals, full year, no zero padding."""
    return f"{value.year}年{value.month}月{value.day}日"
