"""Unnumbered top-level headings written as parallel phrases (drafter/structure/phrase_headings.py)."""

from __future__ import annotations

import pytest

from drafter.structure.report import ParsedReport
from drafter.structure.structure import parse_report

TITLE = "某某县人社局机关党支部2024年度党建工作总结"
OPENING = "今年以来，支部坚持以党建引领人社业务，各项工作取得新成效。现将有关情况总结如下："


def tree(report: ParsedReport) -> list[tuple[int, str, str]]:
    return [(s.level, s.marker, s.title) for s in report.walk()]


def test_standalone_phrase_headings_head_the_parts() -> None:
    report = parse_report("\n".join([
        TITLE, OPENING,
        "强基固本，筑牢基层战斗堡垒", "支部严格落实“三会一课”制度，全年召开支委会12次。", "支部完善党员活动室。",
        "凝心聚力，激发党员队伍活力", "支部开展“党员先锋岗”评选活动，评出先锋岗5个。",
        "下一步，支部将持续深化党建与业务融合。",
    ]))
    assert tree(report) == [(1, "", "强基固本，筑牢基层战斗堡垒"), (1, "", "凝心聚力，激发党员队伍活力")]
    assert report.opening == [OPENING]
    assert report.sections[0].body == ["支部严格落实“三会一课”制度，全年召开支委会12次。", "支部完善党员活动室。"]
    assert report.closing == ["下一步，支部将持续深化党建与业务融合。"]


def test_run_in_phrase_headings_keep_their_body() -> None:
    report = parse_report("\n".join([
        TITLE,
        "强基固本，筑牢战斗堡垒。支部严格落实组织生活制度，全年开展主题党日活动12次。",
        "凝心聚力，激发队伍活力。支部开展岗位练兵和业务竞赛。",
    ]))
    assert [(s.title, s.run_in, s.body) for s in report.sections] == [
        ("强基固本，筑牢战斗堡垒", True, ["支部严格落实组织生活制度，全年开展主题党日活动12次。"]),
        ("凝心聚力，激发队伍活力", True, ["支部开展岗位练兵和业务竞赛。"]),
    ]


def test_numbered_headings_under_phrase_headings_nest() -> None:
    report = parse_report("\n".join([
        TITLE, OPENING,
        "强基固本，筑牢基层战斗堡垒", "（一）规范组织生活。支部按月开展主题党日活动。", "（二）加强党员管理。支部发展党员1名。",
        "为民服务，彰显党员先锋本色", "（一）开展结对帮扶。支部党员结对帮扶困难群众15户。",
    ]))
    assert [(level, title) for level, _, title in tree(report)] == [
        (1, "强基固本，筑牢基层战斗堡垒"), (2, "规范组织生活"), (2, "加强党员管理"),
        (1, "为民服务，彰显党员先锋本色"), (2, "开展结对帮扶"),
    ]
    assert report.warnings == []  # （一） starts again under each phrase heading


def test_phrase_lines_of_a_pdf_end_their_paragraph() -> None:
    body = "支部严格落实“三会一课”制度，全年召开支委会12次、党员大会4次，书记讲授党课2次，组织生活更加规范。"
    wrapped = "\n".join(body[i:i + 28] for i in range(0, len(body), 28))
    text = "\n".join([TITLE, OPENING[:28], OPENING[28:], "强基固本，筑牢战斗堡垒", wrapped, "凝心聚力，激发队伍活力", wrapped])
    report = parse_report(text)
    assert [s.title for s in report.sections] == ["强基固本，筑牢战斗堡垒", "凝心聚力，激发队伍活力"]
    assert report.sections[0].body == [body]


def test_one_phrase_line_alone_is_no_heading() -> None:
    report = parse_report("\n".join([TITLE, OPENING, "强基固本，筑牢基层战斗堡垒", "支部全年召开支委会12次。"]))
    assert report.sections == []


@pytest.mark.parametrize(
    "paragraphs",
    [
        ["与此同时，支部严格落实“三会一课”制度，全年召开支委会12次。", "总体来看，支部各项工作有序推进。"],
        ["支部高度重视党建工作。支部书记带头讲授党课2次。", "支部认真开展主题党日。全年开展主题党日活动12次。"],
        ["一是强基固本，筑牢战斗堡垒。支部严格落实组织生活制度。", "二是凝心聚力，激发队伍活力。支部开展岗位练兵。"],
        ["学习方面，支部全年开展集中学习12次。", "组织方面，支部严格落实“三会一课”制度。"],
        ["支部全年开展集中学习12次。", "特此报告", "某某县人社局机关党支部", "2024年12月20日"],
    ],
)
def test_sentences_that_open_like_a_phrase_are_not_headings(paragraphs: list[str]) -> None:
    report = parse_report("\n".join([TITLE, OPENING, *paragraphs]))
    assert report.sections == []


def test_phrase_headings_under_a_numbered_heading_are_its_sub_headings() -> None:
    report = parse_report("\n".join([
        TITLE, "一、主要工作", "强基固本，筑牢战斗堡垒", "支部全年召开支委会12次。", "支部完善党员活动室。",
        "凝心聚力，激发队伍活力", "支部开展岗位练兵。", "二、存在问题", "学习不够深入。",
    ]))
    assert [(level, title) for level, _, title in tree(report)] == [
        (1, "主要工作"), (2, "强基固本，筑牢战斗堡垒"), (2, "凝心聚力，激发队伍活力"), (1, "存在问题"),
    ]
    child = report.sections[0].children[0]
    assert (child.run_in, child.body) == (False, ["支部全年召开支委会12次。", "支部完善党员活动室。"])


def test_an_excerpt_that_starts_with_a_phrase_heading_has_no_title() -> None:
    report = parse_report("\n".join([
        "加强思想政治建设", "支部全年开展集中学习12次，党员撰写心得体会20篇。",
        "加强基层组织建设", "支部严格落实“三会一课”制度，全年召开支委会12次。",
    ]))
    assert report.title is None
    assert [s.title for s in report.sections] == ["加强思想政治建设", "加强基层组织建设"]
