"""A heading fused with its body: where the heading ends when nothing, or only spaces, separate
them (drafter/structure/fused.py through `classify`), and headings that must stay whole."""

from __future__ import annotations

import pytest

from drafter.structure.fused import fused_end, heading_shape, opener_score, space_end
from drafter.structure.headings import classify
from drafter.structure.structure import parse_report


def split(line: str) -> tuple[str, str] | None:
    heading = classify(line)
    return None if heading is None else (heading.title, heading.rest)


@pytest.mark.parametrize(
    ("line", "title", "body_start"),
    [
        ("一、强化理论武装提升党性修养年初以来，支部制定年度学习计划，全年开展集中学习12次。", "强化理论武装提升党性修养", "年初以来"),
        ("二、夯实组织基础规范组织生活支部严格落实“三会一课”制度，全年召开支委会12次。", "夯实组织基础规范组织生活", "支部严格"),
        ("三、深化作风建设营造清朗氛围今年以来，支部把纪律和规矩挺在前面。", "深化作风建设营造清朗氛围", "今年以来"),
        ("四、存在的问题和不足一是学习深度不够；二是创新意识不强。", "存在的问题和不足", "一是"),
        ("（一）压实党建责任抓好工作落实年初，支部与各股室签订责任书，明确任务清单18项。", "压实党建责任抓好工作落实", "年初"),
        ("一、狠抓理论学习按照年度学习计划，支部全年开展集中学习12次。", "狠抓理论学习", "按照"),
        ("一、强化政治建设某某县档案馆党支部始终把政治建设摆在首位，全年开展集中学习12次。", "强化政治建设", "某某县"),
        ("一、坚持党建引领，推动业务发展支部坚持把党建工作与业务工作同谋划、同部署。", "坚持党建引领，推动业务发展", "支部坚持"),
        ("一、抓实理论学习2024年，支部制定学习计划，全年开展集中学习12次。", "抓实理论学习", "2024年"),
        ("二、存在问题学习深度还不够，创新意识不强。", "存在问题", "学习深度"),
        ("一、锻造过硬队伍展现担当作为围绕法治政府建设，支部组织党员开展公益法律服务30余次。", "锻造过硬队伍展现担当作为", "围绕"),
        ("一、认真落实“三会一课”制度年初以来，支部制定年度学习计划，全年开展集中学习12次。", "认真落实“三会一课”制度", "年初以来"),
        ("一、强化政治引领在局党组的坚强领导下，支部坚持把政治建设摆在首位。", "强化政治引领", "在局党组"),
        ("三、发挥先锋作用党员干部主动亮身份、作表率，组建志愿服务队2支。", "发挥先锋作用", "党员干部"),
    ],
)
def test_a_fused_heading_ends_where_its_body_opens(line: str, title: str, body_start: str) -> None:
    found = split(line)
    assert found is not None
    assert found[0] == title
    assert found[1].startswith(body_start)


def test_a_long_fused_line_is_still_a_heading() -> None:
    """Without a full stop in the first 60 characters the line was no heading at all before."""
    body = "年初以来，支部制定年度学习计划，全年开展集中学习12次，组织党员撰写心得体会30篇，党员理论素养明显提升，学习成效进一步显现"
    found = classify("一、强化理论武装提升党性修养" + body + "。")
    assert found is not None and (found.title, found.rest) == ("强化理论武装提升党性修养", body + "。")


@pytest.mark.parametrize(
    ("line", "title"),
    [
        ("一、加强基层党支部建设，提升组织力", "加强基层党支部建设，提升组织力"),  # a subject before a noun
        ("一、党建引领全年工作取得新成效", "党建引领全年工作取得新成效"),  # a time, no body after it
        ("一、2023年度党建工作完成情况", "2023年度党建工作完成情况"),
        ("一、今年以来工作开展情况", "今年以来工作开展情况"),
        ("（一）严格落实意识形态工作责任制", "严格落实意识形态工作责任制"),
        ("一、主要工作开展情况", "主要工作开展情况"),
        ("一、下一步工作思路和措施。支部将继续深化理论武装。", "下一步工作思路和措施"),
        ("一、夯实基础强化支部战斗堡垒作用。支部严格落实组织生活制度。", "夯实基础强化支部战斗堡垒作用"),
        ("（二）抓好支部标准化建设工作。一是围绕业务工作调整支部。", "抓好支部标准化建设工作"),
        ("一、以党员思想动态分析为抓手，突出抓好意识形态工作", "以党员思想动态分析为抓手，突出抓好意识形态工作"),
        ("一、围绕中心抓党建。支部全年开展集中学习12次。", "围绕中心抓党建"),
        ("1.积极推进学习教育常态化。支部充分利用周一例会开展学习。", "积极推进学习教育常态化"),
    ],
)
def test_headings_that_hold_such_words_stay_whole(line: str, title: str) -> None:
    heading = classify(line)
    assert heading is not None and heading.title == title


@pytest.mark.parametrize(
    ("line", "title"),
    [
        ("一、抓学习　强思想　　支部坚持每月第一周开展集中学习，上半年组织集中学习6次。", "抓学习　强思想"),
        ("二、抓队伍  促发展  支部规范做好党员发展工作，确定入党积极分子2名。", "抓队伍  促发展"),
        ("三、抓作风 树形象 支部开展统计数据质量专项整治，查找问题5个。", "抓作风 树形象"),
        ("一、坚持学思结合　　支部采取集中学习与个人自学相结合的方式，全年开展集中学习12次。", "坚持学思结合"),
        ("一、建强组织 夯实基础　支部全年召开支委会12次、党员大会4次，组织生活规范有序。", "建强组织 夯实基础"),
        ("一、强化理论武装 支部全年开展集中学习12次", "强化理论武装"),  # no punctuation after it at all
    ],
)
def test_of_several_spaces_the_one_before_the_body_ends_the_heading(line: str, title: str) -> None:
    found = split(line)
    assert found is not None and found[0] == title
    assert found[1].startswith("支部")


def test_a_space_beside_a_number_does_not_end_a_heading() -> None:
    assert space_end("全年开展集中学习 12 次，撰写心得体会。") is None
    assert split("一、压实责任 抓好落实") == ("压实责任 抓好落实", "")


def test_openers_and_shapes() -> None:
    text = "强化理论武装提升党性修养年初以来，支部坚持学习"
    assert opener_score(text, 12) > opener_score(text, 4) == 0
    assert opener_score("支部建设情况", 0) == 0  # the subject followed by a noun
    assert opener_score("统一是关键", 1) == 0
    assert heading_shape("强化理论武装提升党性修养") > heading_shape("党建引领全年工作")
    assert heading_shape("夯实基础强化") < 0  # a verb that wants its object
    assert heading_shape("加强党的") < 0


def test_fused_end_needs_more_evidence_for_a_plausible_heading() -> None:
    head = "加强基层党支部建设，提升组织力"
    assert fused_end(head, head) is None
    head = "加强组织建设支部按月开展主题党日"
    assert fused_end(head, head + "。") == 6


def test_a_fused_heading_in_a_report_keeps_its_body() -> None:
    report = parse_report(
        "某某县水利局机关党支部2024年度党建工作总结\n"
        "一、强化理论武装提升党性修养年初以来，支部全年开展集中学习12次。\n"
        "二、夯实组织基础规范组织生活支部全年召开支委会12次。"
    )
    first = report.sections[0]
    assert (first.title, first.run_in, first.body) == ("强化理论武装提升党性修养", True, ["年初以来，支部全年开展集中学习12次。"])


def test_a_fused_heading_is_cut_where_its_siblings_end() -> None:
    """No opener: 加强作风建设开展作风建设专项行动 is cut at the length of 加强政治建设."""
    report = parse_report(
        "一、加强政治建设。局党委严格落实“第一议题”制度。\n"
        "二、加强组织建设。全系统完成5个基层党组织换届。\n"
        "三、加强作风建设开展作风建设专项行动，查纠问题18个。"
    )
    assert [s.title for s in report.sections] == ["加强政治建设", "加强组织建设", "加强作风建设"]
    assert report.sections[2].body == ["开展作风建设专项行动，查纠问题18个。"]


@pytest.mark.parametrize(
    "line",
    [
        "一、二季度，支部集中开展读书活动，党员人均读书4本。",
        "一、二、三等奖各评出2名、4名、6名。",
    ],
)
def test_numbers_listed_at_a_line_start_are_not_a_heading(line: str) -> None:
    assert classify(line) is None


def test_one_three_meetings_one_lesson_is_still_a_heading() -> None:
    found = classify("一、三会一课制度落实情况")
    assert found is not None and found.title == "三会一课制度落实情况"


@pytest.mark.parametrize(
    "line",
    [
        "1.全年召开支委会12次、党员大会4次，书记讲授党课2次。",
        "2.组织党员开展志愿服务8次，服务群众300余人次。",
        "1.支部全年召开支委会12次。",
        "（1）全年组织集中学习12次，参学率达95%以上。",
        "1.支部全年组织党员干部深入基层开展业务指导共计三十余次，覆盖全县各乡镇。",
    ],
)
def test_a_numbered_sentence_of_counts_is_a_list_item(line: str) -> None:
    assert classify(line) is None


@pytest.mark.parametrize("line", ["1.积极推进学习教育常态化", "（1）按月学习", "1.集中学习12次"])
def test_numbered_headings_stay_headings(line: str) -> None:
    assert classify(line) is not None


@pytest.mark.parametrize("line", ["（一）项规定要求的事项已全部落实。", "（2）款所列情形已整改到位。"])
def test_a_clause_referred_to_is_not_a_heading(line: str) -> None:
    assert classify(line) is None


@pytest.mark.parametrize(("line", "title"), [("（一）项目建设管理", "项目建设管理"), ("（二）条件保障", "条件保障")])
def test_headings_that_start_like_a_reference_stay_headings(line: str, title: str) -> None:
    found = classify(line)
    assert found is not None and found.title == title
