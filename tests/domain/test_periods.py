"""Periods: names, phrases, succession and the time words of another period."""

from __future__ import annotations

import datetime as dt

import pytest

from drafter.domain.periods import Period, dated_phrases, report_year, shift_years, stated_period


def following(year: int, part: str) -> list[tuple[int, str]]:
    return [(p.year, p.part) for p in Period(year, part).following()]


def test_the_next_periods_move_forward_the_likeliest_first() -> None:
    assert following(2025, "上半年") == [(2025, "全年"), (2025, "下半年")]
    assert following(2024, "全年") == [(2025, "上半年"), (2025, "全年")]
    assert following(2024, "下半年") == [(2025, "上半年"), (2025, "全年")]
    assert following(2025, "第一季度") == [(2025, "第二季度"), (2025, "上半年")]
    assert following(2025, "第二季度") == [(2025, "第三季度")]
    assert following(2025, "第三季度") == [(2025, "第四季度"), (2025, "全年")]
    assert following(2025, "第四季度") == [(2026, "第一季度")]


def test_names_phrases_and_what_comes_ahead() -> None:
    assert (Period(2025).name, Period(2025).phrase, Period(2025).ahead) == ("2025年度", "一年来", "2026年")
    half = Period(2025, "上半年")
    assert (half.name, half.phrase, half.ahead) == ("2025年上半年", "今年上半年", "下半年")
    assert Period(2025, "下半年").ahead == "2026年"
    assert Period(2025, "第一季度").ahead == "第二季度"


def test_a_title_states_its_period() -> None:
    assert stated_period("某某局机关党支部2025年上半年党建工作总结") == (2025, "上半年")
    assert stated_period("某某局2024年度党建工作总结") == (2024, "全年")
    assert stated_period("2024年一季度工作情况") == (2024, "第一季度")
    assert stated_period("学习《2021—2025年规划》的体会") == (None, None)
    assert stated_period("2024年党建工作总结") == (2024, None)
    assert stated_period("1888年度总结") == (None, None)


def test_last_periods_time_words_are_found_only_when_the_period_changed() -> None:
    text = "2024年度，全年组织学习；2024年6月召开大会。"
    last = Period(2024)
    assert dated_phrases(text, last, Period(2025, "上半年")) == ["2024年度", "全年", "2024年"]
    assert dated_phrases(text, last, Period(2024)) == []
    assert dated_phrases(text, None, Period(2024)) == []


def test_shift_years_moves_each_year_by_the_same_distance() -> None:
    assert shift_years("2022年度工作完成情况", 2022, 2026) == "2026年度工作完成情况"
    assert shift_years("2021年—2023年对比", 2022, 2026) == "2025年—2027年对比"
    assert shift_years("加强理论学习", None, None) == "加强理论学习"  # nothing to move
    assert shift_years("2019年以来", 2022, 2026) is None  # a span that cannot be moved
    assert shift_years("2022年度", None, 2026) is None and shift_years("2022年度", 2022, None) is None


@pytest.mark.parametrize(
    ("today", "year"),
    [(dt.date(2027, 1, 10), 2026), (dt.date(2027, 2, 28), 2026), (dt.date(2027, 3, 1), 2027), (dt.date(2026, 12, 20), 2026)],
)
def test_a_report_written_in_january_or_february_covers_last_year(today: dt.date, year: int) -> None:
    assert report_year(today) == year


@pytest.mark.parametrize(
    ("part", "first", "last"),
    [
        ("全年", dt.date(2026, 1, 1), dt.date(2026, 12, 31)),
        ("上半年", dt.date(2026, 1, 1), dt.date(2026, 6, 30)),
        ("下半年", dt.date(2026, 7, 1), dt.date(2026, 12, 31)),
        ("第一季度", dt.date(2026, 1, 1), dt.date(2026, 3, 31)),
        ("第四季度", dt.date(2026, 10, 1), dt.date(2026, 12, 31)),
    ],
)
def test_a_period_begins_and_ends(part: str, first: dt.date, last: dt.date) -> None:
    assert (Period(2026, part).first_day, Period(2026, part).last_day) == (first, last)
