"""Chinese ordinals both ways, and numbering that goes on past 九十九."""

from __future__ import annotations

import pytest

from drafter.domain.numbering import from_chinese, heading_label, point_ordinal, to_chinese


@pytest.mark.parametrize(
    ("n", "text"),
    [
        (1, "一"),
        (10, "十"),
        (11, "十一"),
        (20, "二十"),
        (99, "九十九"),
        (100, "一百"),
        (101, "一百零一"),
        (110, "一百一十"),
        (111, "一百一十一"),
        (120, "一百二十"),
        (1000, "一千"),
        (1001, "一千零一"),
        (1010, "一千零一十"),
        (1100, "一千一百"),
        (10000, "一万"),
        (10003, "一万零三"),
        (100000, "十万"),
        (100003, "十万零三"),
        (123456789, "一亿二千三百四十五万六千七百八十九"),
        (100010000, "一亿零一万"),
    ],
)
def test_to_chinese(n: int, text: str) -> None:
    assert to_chinese(n) == text
    assert from_chinese(text) == n


def test_every_number_reads_back() -> None:
    assert all(from_chinese(to_chinese(n)) == n for n in range(1, 20_001))


@pytest.mark.parametrize(
    "text", ["", "零", "〇", "十十", "二十零", "一二", "百", "一百十", "一百零", "第一"]
)
def test_what_is_not_a_numeral(text: str) -> None:
    assert from_chinese(text) is None


def test_variants_are_read() -> None:
    assert (
        from_chinese("一十一") == 11 and from_chinese("两") == 2 and from_chinese("一百〇一") == 101
    )


def test_labels_go_on_past_99() -> None:
    assert heading_label(1, 100) == "一百、" and heading_label(2, 101) == "（一百零一）"
    assert heading_label(3, 100) == "100." and heading_label(4, 250) == "（250）"
    assert point_ordinal(100) == "一百是" and point_ordinal(12) == "十二是"
    with pytest.raises(ValueError):
        to_chinese(0)
