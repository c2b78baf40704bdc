"""A title too wide for one line is broken where its words stay whole (GB/T 9704 7.3.1)."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from drafter.writers.title_lines import LINE_EMS, title_lines, width


@pytest.mark.parametrize(
    ("title", "lines"),
    [
        ("某某县档案馆党支部2026年度党建工作总结", ["某某县档案馆党支部2026年度党建工作总结"]),  # fits
        ("某某市气象局机关党支部2026年度党建工作总结", ["某某市气象局机关党支部", "2026年度党建工作总结"]),
        (  # exactly 20 ems with a year: its digits run wide, so the last character would wrap alone
            "某某县某某局机关党委2026年度党建工作总结", ["某某县某某局机关党委", "2026年度党建工作总结"],
        ),
        (
            "中共某某县水利局机关支部委员会关于2026年上半年党建工作情况的汇报",
            ["中共某某县水利局机关支部委员会", "关于2026年上半年党建工作情况的汇报"],
        ),
        (  # the year and 上半年 stay together
            "某某市市场监督管理局机关党支部2026年上半年党建工作开展情况汇报",
            ["某某市市场监督管理局机关党支部", "2026年上半年党建工作开展情况汇报"],
        ),
        (
            "某某市某某区人民政府办公室机关党支部书记抓基层党建工作述职报告",
            ["某某市某某区人民政府办公室机关党支部", "书记抓基层党建工作述职报告"],
        ),
        (  # no place where both lines fit: left to the word processor
            "凝心聚力促发展砥砺奋进新征程——某某县档案馆党支部2026年度党建工作总结",
            ["凝心聚力促发展砥砺奋进新征程——某某县档案馆党支部2026年度党建工作总结"],
        ),
        (  # a year inside a quoted name is not a place to break
            "某某县档案馆党支部落实《2026年度档案事业发展计划》情况汇报",
            ["某某县档案馆党支部落实《2026年度档案事业发展计划》情况汇报"],
        ),
    ],
)
def test_lines_of_a_title(title: str, lines: list[str]) -> None:
    assert title_lines(title) == lines


def test_widths_count_ascii_as_half() -> None:
    assert width("党支部2026") == 5.0
    assert width("某某市气象局机关党支部2026年度党建工作总结") == 21.0 > LINE_EMS


@given(st.text(alphabet="某县局党支部委员会关于的年度上半书记工作总结汇报——《》“”0123456789 ", max_size=60))
def test_lines_rebuild_the_title_and_a_broken_title_fits(title: str) -> None:
    lines = title_lines(title)
    assert "".join(lines) == title and 1 <= len(lines) <= 2
    if len(lines) == 2:
        assert all(line and width(line) <= LINE_EMS for line in lines)
    if width(title) <= LINE_EMS:
        assert lines == [title]


def test_a_title_too_long_for_two_lines_is_left_whole_at_once() -> None:
    title = "2026年关于" * 20_000  # places to break everywhere, none that fits
    assert title_lines(title) == [title]
