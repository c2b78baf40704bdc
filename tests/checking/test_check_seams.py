"""The reviewer's seams (checking.seams): each rule fires on its seam and stays quiet on the near
misses a real report holds. Texts are written here for fictional units."""

from __future__ import annotations

import pytest

from drafter.checking.check import CheckContext, check_document, resolve_context
from drafter.checking.seams import infer_organisation
from drafter.document.model import Document, Heading, Paragraph
from drafter.library.seams import load_seams, loose_pattern

BRANCH = "某某县气象局党支部"
YEAR = 2025


def doc(*blocks: Heading | Paragraph, year: int = YEAR) -> Document:
    return Document(f"{BRANCH}{year}年度党建工作总结", list(blocks), [BRANCH], f"{year}年12月10日")


def rules_of(document: Document, context: CheckContext | None = None) -> list[str]:
    return [f.rule for f in check_document(document, context)]


def one_part(heading: str, *paragraphs: str, year: int = YEAR) -> Document:
    return doc(Heading(1, "一、", heading), *(Paragraph(p) for p in paragraphs), year=year)


# --- repeated-clause ------------------------------------------------------------------------
def test_a_fact_said_twice_in_one_paragraph() -> None:
    text = ("上半年发展党员2名，均为业务骨干，严格执行发展党员工作流程，上半年发展党员2名。")
    assert rules_of(one_part("抓好党员发展", text)) == ["repeated-clause"]


def test_the_same_long_clause_twice() -> None:
    text = "严格执行发展党员工作流程，确定入党积极分子3名，严格执行发展党员工作流程。"
    assert rules_of(one_part("抓好党员发展", text)) == ["repeated-clause"]


@pytest.mark.parametrize("text", [
    "一是组织党员参观红色教育基地，二是组织党员参加志愿服务活动，三是组织党员开展谈心谈话。",
    "二是规范开展主题党日活动。每月固定一天为主题党日，全年开展主题党日活动12次。",
    "坚持以习近平新时代中国特色社会主义思想为指导，深入学习习近平新时代中国特色社会主义思想。",
    "全年召开支委会12次，全年召开党员大会4次。",
])
def test_parallel_wording_is_no_repeated_clause(text: str) -> None:
    assert "repeated-clause" not in rules_of(one_part("夯实组织基础", text))


# --- same-measure -----------------------------------------------------------------------------
def test_the_same_measure_in_two_parts() -> None:
    document = doc(
        Heading(1, "一、", "夯实组织基础"),
        Heading(2, "（一）", "规范组织生活"),
        Paragraph("严格执行“三会一课”制度，支委会每月召开。"),
        Heading(2, "（二）", "加强党员管理"),
        Paragraph("一是完善党员档案。二是严格落实“三会一课”制度。"),
    )
    assert rules_of(document) == ["same-measure"]


@pytest.mark.parametrize("second", [
    "一是完善党员档案。二是严格落实党员积分管理制度。",
    "严格落实“三会一课”制度的同时，把组织生活开在项目一线。二是加强学习。",
])
def test_different_measures_are_not_the_same(second: str) -> None:
    document = doc(
        Heading(1, "一、", "夯实组织基础"),
        Paragraph("严格执行“三会一课”制度，支委会每月召开。"),
        Heading(1, "二、", "加强党员管理"),
        Paragraph(second),
    )
    assert "same-measure" not in rules_of(document)


def test_a_next_step_may_name_a_measure_again() -> None:
    document = doc(
        Heading(1, "一、", "夯实组织基础"),
        Paragraph("严格执行“三会一课”制度，支委会每月召开。"),
        Heading(1, "二、", "下一步工作打算"),
        Paragraph("严格落实“三会一课”制度，提高组织生活质量。"),
    )
    assert "same-measure" not in rules_of(document)


# --- extra-ciwai ------------------------------------------------------------------------------
def test_every_ciwai_after_the_first_is_a_finding() -> None:
    document = one_part(
        "夯实组织基础", "支部规范组织生活。此外，完善了党员档案。",
        "支部加强阵地建设。此外，更新了党建园地。此外，开展了党员积分管理。",
    )
    findings = [f for f in check_document(document) if f.rule == "extra-ciwai"]
    assert [(f.paragraph, f.message) for f in findings] == [
        (2, "全文第2次用“此外”引出内容。"), (2, "全文第3次用“此外”引出内容。"),
    ]


def test_one_ciwai_is_fine() -> None:
    assert rules_of(one_part("夯实组织基础", "支部规范组织生活。此外，完善了党员档案。")) == []


# --- count-topic ------------------------------------------------------------------------------
def test_a_count_in_a_part_of_another_topic() -> None:
    document = one_part("严格落实“三会一课”", "支部每月召开支委会，党员撰写心得体会16篇。")
    assert rules_of(document) == ["count-topic"]


@pytest.mark.parametrize(("heading", "text"), [
    ("加强组织建设", "每月开展主题党日活动，全年开展主题党日活动12次。"),  # its own topic
    ("加强理论学习", "支部书记带头讲党课，全年讲授党课4次。"),  # a place it often stands
    ("主要工作", "全年撰写心得体会16篇。"),  # no clear topic
    ("推动党建与业务融合", "全年撰写心得体会16篇。"),  # a broad topic
    ("激励担当作为", "一是严把党员发展质量关。全年发展党员1名。"),  # its measure names its topic
    ("加强理论学习和组织建设", "全年发展党员1名。"),  # a heading of two topics
])
def test_counts_where_they_belong(heading: str, text: str) -> None:
    assert "count-topic" not in rules_of(one_part(heading, text))


def test_a_count_in_the_opening_is_no_finding() -> None:
    document = doc(Paragraph("2025年，支部撰写心得体会16篇。"), Heading(1, "一、", "严格落实“三会一课”"),
                   Paragraph("支部每月召开支委会。"))
    assert "count-topic" not in rules_of(document)


# --- set-phrase -------------------------------------------------------------------------------
def test_a_garbled_set_phrase() -> None:
    findings = check_document(one_part("加强理论学习", "坚持原原本本学原著、读原文、悟原理。"))
    assert [(f.rule, f.fix) for f in findings] == [("set-phrase", "改为规范提法“读原著、学原文、悟原理”。")]


def test_the_standard_forms_pass() -> None:
    text = "坚持读原著、学原文、悟原理，做到学思用贯通、知信行统一，增强“四个意识”、坚定“四个自信”。"
    assert rules_of(one_part("加强理论学习", text)) == []


def test_the_set_phrase_file_holds_distinct_forms_and_each_wrong_form_is_caught() -> None:
    phrases = load_seams().set_phrases
    assert len(phrases) >= 12
    for phrase in phrases:
        assert phrase.wrong, phrase.standard
        for wrong in phrase.wrong:
            assert not loose_pattern(wrong).search(phrase.standard), wrong
            assert not loose_pattern(phrase.standard).search(wrong), wrong
            found = rules_of(one_part("加强理论学习", f"支部坚持{wrong}的要求。"))
            assert found == ["set-phrase"], wrong


# --- above-level ------------------------------------------------------------------------------
@pytest.mark.parametrize("text", [
    "支部中心组全年集中学习12次。",
    "支部层层签订党风廉政建设责任书。",
    "持续为基层减负，精简会议文件。",
])
def test_terms_above_a_branch(text: str) -> None:
    assert rules_of(one_part("从严管党治党", text)) == ["above-level"]


def test_centre_group_in_a_general_branch_but_layers_are_fine_there() -> None:
    document = Document("某某医院行政党总支2025年度党建工作总结", [
        Heading(1, "一、", "从严管党治党"), Paragraph("总支中心组集中学习6次，层层压实责任。"),
    ], ["某某医院行政党总支"], "2025年12月10日")
    assert rules_of(document) == ["above-level"]


@pytest.mark.parametrize(("text", "context"), [
    ("支部书记列席局党组中心组学习2次。", None),  # the higher body's 中心组
    ("发展党员严格程序，层层把关。", None),  # a wording that fits a branch
    ("机关党委中心组全年集中学习12次，层层压实责任。", CheckContext(organisation="organ_committee")),
])
def test_terms_that_fit(text: str, context: CheckContext | None) -> None:
    assert "above-level" not in rules_of(one_part("从严管党治党", text), context)


def test_an_unknown_organisation_checks_no_level() -> None:
    document = Document("2025年度工作总结", [Heading(1, "一、", "从严管党治党"),
                                          Paragraph("中心组集中学习6次，层层压实责任。")])
    assert "above-level" not in rules_of(document)


@pytest.mark.parametrize(("title", "signature", "expected"), [
    ("某某县气象局党支部2025年度党建工作总结", [], "branch"),
    ("2025年度党建工作总结", ["某某医院行政党总支"], "general_branch"),
    ("某某局党委办公室党支部2025年党建工作总结", [], "branch"),
    ("中共某某局党组关于2025年度全面从严治党工作情况的报告", [], "party_group"),
    ("2025年度工作总结", [], ""),
])
def test_the_organisation_is_read_from_title_or_signature(
    title: str, signature: list[str], expected: str
) -> None:
    assert infer_organisation(Document(title, [], signature)) == expected


def test_the_answered_organisation_wins() -> None:
    context = resolve_context(doc(), CheckContext(organisation="general_branch"))
    assert context.organisation == "general_branch"


# --- campaign-year ----------------------------------------------------------------------------
def test_a_campaign_of_another_year() -> None:
    document = one_part("加强纪律建设", "支部扎实开展党纪学习教育，组织党员逐章学习条例。", year=2026)
    assert rules_of(document) == ["campaign-year"]


@pytest.mark.parametrize("text", [
    "组织党员集中收看党的二十大开幕式，交流学习体会。",
    "党员下沉社区参与疫情防控，守好小区卡口。",
    "支部把学习党的十九届六中全会精神作为重点，开展专题研讨。",
])
def test_an_event_of_another_year_carried_over(text: str) -> None:
    """An event is named, not "开展"-ed: any mention as this period's work is carried over."""
    assert rules_of(one_part("加强政治建设", text, year=2026)) == ["campaign-year"]
    assert "campaign-year" not in rules_of(one_part("加强政治建设", text, year=2022))


@pytest.mark.parametrize(("text", "year"), [
    ("支部扎实开展党纪学习教育，组织党员逐章学习条例。", 2024),  # its own year
    ("支部巩固拓展党纪学习教育成果，推动学纪知纪明纪守纪常态化。", 2026),
    ("2024年开展党纪学习教育以来，支部持续加强纪律建设。", 2026),
    ("支部对照党纪学习教育中查摆的问题持续整改。", 2026),  # named, not as this period's work
])
def test_campaigns_mentioned_rightly(text: str, year: int) -> None:
    assert "campaign-year" not in rules_of(one_part("加强纪律建设", text, year=year))


def test_the_campaign_file_holds_ordered_years() -> None:
    campaigns = load_seams().campaigns
    assert {c.name for c in campaigns} >= {"党纪学习教育", "党史学习教育"}
    assert all(2000 < c.first <= c.last for c in campaigns)
