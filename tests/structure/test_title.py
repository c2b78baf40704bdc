"""The title and what is set under it, when text pasted from a PDF or a web page glued the
author line or the opening to the title (drafter/structure/title.py)."""

from __future__ import annotations

import pytest

from drafter.structure.structure import parse_report
from drafter.structure.title import signs_off, unglue_title
from drafter.structure.wrapping import Para

BODY = "\n一、主要工作\n支部全年开展集中学习12次。\n二、存在问题\n学习深度不够。"


@pytest.mark.parametrize(
    ("first", "title", "byline"),
    [
        ("某某县水务局机关党支部2024年度党建工作总结某某县水务局机关党支部",
         "某某县水务局机关党支部2024年度党建工作总结", ["某某县水务局机关党支部"]),
        ("2024年度抓基层党建工作述职报告 某某县林业局机关党支部书记 王某某",
         "2024年度抓基层党建工作述职报告", ["某某县林业局机关党支部书记 王某某"]),
        ("某某县信访局党支部书记2023年度抓基层党建工作述职报告述职人：李某某",
         "某某县信访局党支部书记2023年度抓基层党建工作述职报告", ["述职人：李某某"]),
        ("关于某某县自然资源局机关党支部2024年度党建工作情况的报告中共某某县自然资源局机关支部委员会",
         "关于某某县自然资源局机关党支部2024年度党建工作情况的报告", ["中共某某县自然资源局机关支部委员会"]),
        ("某某县商务局党支部2023年度党建工作总结（2023年12月20日）",
         "某某县商务局党支部2023年度党建工作总结", ["（2023年12月20日）"]),
        ("某某县商务局党支部2023年度党建工作总结 某某县商务局党支部 2023年12月20日",
         "某某县商务局党支部2023年度党建工作总结", ["某某县商务局党支部", "2023年12月20日"]),
    ],
)
def test_an_author_line_glued_to_the_title_is_its_byline(first: str, title: str, byline: list[str]) -> None:
    report = parse_report(first + "\n今年以来，支部坚持以党建引领业务。" + BODY)
    assert (report.title, report.byline) == (title, byline)
    assert report.opening == ["今年以来，支部坚持以党建引领业务。"]


@pytest.mark.parametrize(
    "title",
    [
        "某某县档案馆党支部2024年度党建工作总结（2024年度）",  # the period, part of the title
        "关于2024年度党建工作总结的报告",
        "某某县档案馆2024年党建工作总结暨2025年工作要点",
        "某某县档案馆党支部2024年上半年党建工作情况汇报",
    ],
)
def test_titles_that_go_on_after_a_kind_word_stay_whole(title: str) -> None:
    assert unglue_title(Para(1, title)) == [Para(1, title)]
    assert parse_report(title + BODY).title == title


def test_the_opening_run_on_after_the_title_is_the_opening() -> None:
    report = parse_report("某某区卫健局党委2023年党建工作总结 今年以来，局党委坚持以党建引领卫生健康事业发展。" + BODY)
    assert report.title == "某某区卫健局党委2023年党建工作总结"
    assert report.opening == ["今年以来，局党委坚持以党建引领卫生健康事业发展。"]


@pytest.mark.parametrize(
    ("first", "byline", "then"),
    [
        ("某某县水务局党支部2024年度党建工作总结某某县水务局党支部今年以来，支部坚持以党建引领水务工作。",
         ["某某县水务局党支部"], "今年以来，支部坚持以党建引领水务工作。"),
        ("某某县水务局党支部2024年度党建工作总结一、主要工作", [], "一、主要工作"),
        ("某某县水务局党支部2024年度党建工作总结 某某县水务局党支部 一、主要工作", ["某某县水务局党支部"], "一、主要工作"),
    ],
)
def test_the_report_run_on_after_a_title_and_its_author(first: str, byline: list[str], then: str) -> None:
    pieces = unglue_title(Para(1, first))
    assert [p.text for p in pieces] == ["某某县水务局党支部2024年度党建工作总结", *byline, then]


def test_an_opening_that_names_a_report_is_no_title() -> None:
    first = "现将2024年度党建工作情况报告如下：今年以来，支部坚持以党建引领业务。"
    assert unglue_title(Para(1, first)) == [Para(1, first)]


def test_a_post_and_a_name_sign_off() -> None:
    assert signs_off("某某县林业局机关党支部书记 王某某", dated=False)
    assert signs_off("某某县林业局机关党支部书记王某某", dated=False)
    assert not signs_off("支部书记讲党课", dated=False)
