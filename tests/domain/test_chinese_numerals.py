"""Chinese counting numerals both ways, past 99."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from drafter.domain.chinese_numerals import (
    MAX_VALUE,
    parse_chinese,
    to_chinese_counting,
    to_chinese_digits,
)


@pytest.mark.parametrize(
    ("n", "text"),
    [
        (1, "一"), (10, "十"), (11, "十一"), (20, "二十"), (99, "九十九"), (100, "一百"),
        (101, "一百零一"), (110, "一百一十"), (119, "一百一十九"), (1000, "一千"), (1001, "一千零一"),
        (1010, "一千零一十"), (1100, "一千一百"), (9999, "九千九百九十九"),
    ],
)
def test_counting_numerals(n: int, text: str) -> None:
    assert to_chinese_counting(n) == text
    assert parse_chinese(text) == n


@given(st.integers(min_value=1, max_value=MAX_VALUE))
def test_round_trip(n: int) -> None:
    assert parse_chinese(to_chinese_counting(n)) == n


@pytest.mark.parametrize(
    "text", ["", "零", "〇", "一一", "十十", "百", "一百五", "一零", "一百零", "二十两", "甲", "一千零零一"]
)
def test_malformed_numerals(text: str) -> None:
    assert parse_chinese(text) is None


def test_variants() -> None:
    assert parse_chinese("两百") == 200
    assert parse_chinese("一十一") == 11
    assert parse_chinese("一百〇五") == 105
    assert to_chinese_digits(2024) == "二〇二四"
