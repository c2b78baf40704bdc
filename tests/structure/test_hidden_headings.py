"""Headings hidden in running text: lost line breaks, and unnumbered run-in headings."""

from __future__ import annotations

import pytest

from drafter.structure.report import ParsedReport
from drafter.structure.structure import parse_report
from tests.helpers import SEEDS

TITLE = "某某县档案馆党支部2024年党建工作总结"
OPENING = "今年以来，支部坚持以党建引领档案业务，各项工作取得新进展。现将有关情况总结如下："


def tree(report: ParsedReport) -> list[tuple[int, str, str]]:
    return [(s.level, s.marker, s.title) for s in report.walk()]


# --- lost line breaks -----------------------------------------------------------------------


def test_headings_inside_a_line_after_sentence_ends() -> None:
    text = (
        f"{TITLE}\n{OPENING}一、强化理论武装。支部全年开展集中学习12次，取得实效。"
        "二、加强组织建设。支部按月开展主题党日活动。三、推进业务融合。全年接待查档群众300人次。"
    )
    report = parse_report(text)
    assert report.title == TITLE
    assert report.opening == [OPENING]
    assert tree(report) == [(1, "一、", "强化理论武装"), (1, "二、", "加强组织建设"), (1, "三、", "推进业务融合")]
    assert report.sections[1].body == ["支部按月开展主题党日活动。"]
    assert report.warnings == []


def test_whole_report_on_one_line_with_sub_headings() -> None:
    text = (
        f"{OPENING}一、强化理论武装（一）抓实集中学习。支部全年开展集中学习12次。"
        "（二）创新学习方式。组织党员开展现场教学，取得实效。"
        "二、加强组织建设（一）规范组织生活。支部按月开展主题党日活动。（二）做好党员发展。全年发展党员1名。"
    )
    assert tree(parse_report(text)) == [
        (1, "一、", "强化理论武装"), (2, "（一）", "抓实集中学习"), (2, "（二）", "创新学习方式"),
        (1, "二、", "加强组织建设"), (2, "（一）", "规范组织生活"), (2, "（二）", "做好党员发展"),
    ]


def test_numbered_items_inside_a_flattened_paragraph() -> None:
    text = (
        f"{OPENING}一、主要工作（一）理论学习1.集中学习。全年12次。2.个人自学。人人有笔记。"
        "（二）组织建设。支部按月开展主题党日活动。二、存在问题。学习深度还不够。"
    )
    assert tree(parse_report(text)) == [
        (1, "一、", "主要工作"), (2, "（一）", "理论学习"), (3, "1.", "集中学习"), (3, "2.", "个人自学"),
        (2, "（二）", "组织建设"), (1, "二、", "存在问题"),
    ]


@pytest.mark.parametrize(
    "line",
    [
        "支部分为三个阶段推进：一、二季度完成整改，三季度开展检查。",  # 一、二季度 inside a sentence
        "根据方案第（二）项要求，支部完成了整改。",  # a reference, not a heading
        "支部全年学习12次。1.5万卷档案完成数字化。",  # a number, not a marker
        "支部全年开展集中学习12次，推动党建与业务深度融 3 合，取得实效。",  # a page number
        "工作分三步：1.动员部署。2.整改落实。3.总结提升。",  # a list in a paragraph of its own
    ],
)
def test_markers_inside_sentences_are_not_headings(line: str) -> None:
    report = parse_report(f"一、主要工作\n{line}\n二、存在问题\n学习深度还不够。")
    assert tree(report) == [(1, "一、", "主要工作"), (1, "二、", "存在问题")]
    assert report.sections[0].body == [line]


def test_in_line_candidate_that_the_report_numbers_later_is_not_a_heading() -> None:
    """二、 in mid-line is no heading when the report's own 二、 still stands at a line start."""
    report = parse_report("一、主要工作\n内容。二、是指第二阶段的工作。\n二、存在问题\n学习深度还不够。")
    assert tree(report) == [(1, "一、", "主要工作"), (1, "二、", "存在问题")]


def test_an_excerpt_with_a_single_part_in_mid_line() -> None:
    """No 二、 continues the numbering: the one 一、 still heads its part when its heading
    sentence is short and plain and body text follows it."""
    text = f"{OPENING}一、抓实理论学习。支部上半年开展集中学习6次，组织党员撰写心得体会20篇。支部按时召开支委会。"
    report = parse_report(text)
    assert tree(report) == [(1, "一、", "抓实理论学习")]
    assert report.opening == [OPENING]
    assert report.sections[0].body == ["支部上半年开展集中学习6次，组织党员撰写心得体会20篇。支部按时召开支委会。"]


@pytest.mark.parametrize(
    "line",
    [
        "支部将专题学习分为两个阶段：一、二季度完成原文通读，三、四季度开展专题研讨。",
        "会议要求：一、要提高认识，二要狠抓落实，三要加强督查。",
        "支部重点做好以下工作：一、二月份完成换届准备，三月份完成换届选举。",
    ],
)
def test_a_single_marker_inside_a_sentence_is_no_part(line: str) -> None:
    assert parse_report(f"{OPENING}{line}").sections == []


def test_page_number_cutting_a_wrapped_sentence_is_dropped() -> None:
    lines = [
        "一、强化理论武装",
        "支部全年开展集中学习十二次，组织党员深",
        "入基层档案室开展业务指导和安全检查工作，",
        "发现问题及时整改，推动党建与业务深度融",
        "12",
        "合，取得实效。支部还开展了专题研讨活动，",
        "形成调研报告四篇，得到上级的充分肯定。",
    ]
    report = parse_report("\n".join(lines))
    assert tree(report) == [(1, "一、", "强化理论武装")]
    assert "深度融合，取得实效" in report.sections[0].body[0]
    assert [(n.line, n.reason) for n in report.noise] == [(5, "页码")]


def test_fully_flattened_seed_keeps_its_tree() -> None:
    path = sorted(SEEDS.glob("000_*.txt")) if SEEDS.is_dir() else []
    if not path:
        pytest.skip(f"seed reports not found at {SEEDS}")
    text = path[0].read_text(encoding="utf-8")
    expected = tree(parse_report(text))
    assert tree(parse_report("".join(line.strip() for line in text.splitlines()))) == expected


# --- unnumbered run-in headings ---------------------------------------------------------------


def test_recurring_short_opening_sentences_are_a_level() -> None:
    lines = [
        "一、坚持政治引领，全面加强党的建设。支部把党建工作摆在首位，严格履行主体责任。",
        "加强思想政治建设。始终把政治建设摆在首位，按月组织集中学习。",
        "加强机关党的建设。以创建模范机关为抓手，规范开展“三会一课”。",
        "支部还完善了学习制度，建立了学习台账。",
        "加强服务群众能力建设。组织党员走进社区，为群众办实事12件。",
        "二、锤炼过硬作风。支部开展作风建设专项行动，整改问题5个。",
    ]
    report = parse_report("\n".join(lines))
    assert tree(report) == [
        (1, "一、", "坚持政治引领，全面加强党的建设"),
        (2, "", "加强思想政治建设"), (2, "", "加强机关党的建设"), (2, "", "加强服务群众能力建设"),
        (1, "二、", "锤炼过硬作风"),
    ]
    first = report.sections[0]
    assert first.body == ["支部把党建工作摆在首位，严格履行主体责任。"]
    assert all(child.run_in for child in first.children)
    assert first.children[1].body == ["以创建模范机关为抓手，规范开展“三会一课”。", "支部还完善了学习制度，建立了学习台账。"]


def test_a_single_short_opening_sentence_is_body() -> None:
    text = "一、主要工作\n加强思想政治建设。始终把政治建设摆在首位。\n支部还完善了学习制度，建立了学习台账。"
    report = parse_report(text)
    assert tree(report) == [(1, "一、", "主要工作")]


def test_enumeration_points_are_not_run_in_headings() -> None:
    text = "一、存在问题\n一是学习不够深入。个别党员学习不主动。\n二是制度落实不够。个别制度流于形式。"
    report = parse_report(text)
    assert tree(report) == [(1, "一、", "存在问题")]
    assert [p.lead for p in report.sections[0].points] == ["学习不够深入", "制度落实不够"]
