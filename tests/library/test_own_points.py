"""The gate of learned points for an office's own reports: its own name and superiors pass,
another unit does not; and the detail an office wrote, kept without last period's figures."""

from __future__ import annotations

import pytest

from drafter.domain import Office
from drafter.library.points import (
    MAX_OWN_DETAIL,
    check_point,
    clean_detail,
    clean_opening,
    clean_prose,
    join_details,
)

OFFICE = Office.of(["某某县市场监督管理局机关党支部"])


@pytest.mark.parametrize(("point", "kept"), [
    ("组织县市场监管局全体党员参加集中轮训", "组织县市场监管局全体党员参加集中轮训"),
    ("认真落实县委和县直机关工委的部署", "认真落实县委和县直机关工委的部署"),
    ("按照市市场监管局要求开展专项整治", "按照市市场监管局要求开展专项整治"),
    ("推动全县市场监管系统党建提质", "推动全县市场监管系统党建提质"),
])
def test_the_office_itself_and_its_superiors_pass(point: str, kept: str) -> None:
    assert check_point(point).text is None  # not for every unit
    assert check_point(point, OFFICE).text == kept


@pytest.mark.parametrize(("point", "reason"), [
    ("组织党员赴市发改委机关学习党建工作经验", "含其他单位或地名“市发改委”"),
    ("落实我市机关党建工作部署", "含其他单位或地名“我市”"),
    ("学习《市发改委2023年度党建工作要点》", "含文件名（《…》）"),
    ("落实区委关于作风建设的部署", "含其他单位或地名“区委”"),
])
def test_another_unit_is_still_caught(point: str, reason: str) -> None:
    checked = check_point(point, OFFICE)
    assert checked.text is None and checked.reason == reason


def test_an_own_point_of_a_campaign_of_its_year_is_not_offered() -> None:
    checked = check_point("扎实开展党纪学习教育", OFFICE)
    assert checked.text is None and checked.reason == "说的是有年份的专项活动或事件"
    assert check_point("巩固拓展党纪学习教育成果", OFFICE).text == "巩固拓展党纪学习教育成果"


def test_a_detail_without_last_periods_figures() -> None:
    detail = "年初制定全年学习计划，支部每月确定一个学习专题，由支委轮流领学，全年开展集中学习12次。"
    assert clean_detail(detail, OFFICE) == "支部每月确定一个学习专题，由支委轮流领学"
    assert clean_detail("学习借鉴市发改委的做法，梳理出问题清单。", OFFICE) == "梳理出问题清单"
    assert clean_detail("按《党支部工作条例》要求开展。", OFFICE) == ""
    # a clause that only opens with a time word keeps its work
    opened = "年初支部书记与支委逐一谈话，明确廉政责任，全年开展廉政谈话18人次。"
    assert clean_detail(opened, OFFICE) == "支部书记与支委逐一谈话，明确廉政责任"
    two = "登记注册窗口由党员带头值守。投诉举报窗口亮身份、亮承诺，接受群众监督。"
    assert clean_detail(two, OFFICE) == two.rstrip("。")  # its own sentences, as written
    clause = "党员带头参加校园周边的食品安全检查"  # 17 characters: six fit in MAX_OWN_DETAIL
    assert clean_detail("，".join([clause] * 9), OFFICE) == "，".join([clause] * 6)
    assert len("，".join([clause] * 7)) > MAX_OWN_DETAIL


@pytest.mark.parametrize(("detail", "kept"), [
    # how the work was done stands; last period's tally goes (this period's folds back in)
    ("围绕春耕备耕、河道保洁开展主题党日12次。", "围绕春耕备耕、河道保洁开展主题党日"),
    ("对项目资金拨付、工程验收等环节开展监督检查3次，发现问题当场督促整改。",
     "对项目资金拨付、工程验收等环节开展监督检查，发现问题当场督促整改"),
    ("在汛期、节假日等关键时段组织党员值守巡查40余次。", "在汛期、节假日等关键时段组织党员值守巡查"),
    ("全年共开展主题党日12次。", ""),  # only the tally
    ("组织党员义务植树1200余株。", ""),  # too short to say how; 株 is no measure word here
    ("党员承担的重点任务完成率达到100%。", ""),  # a result, not a tally
    ("全年召开支委会12次、党员大会4次。", ""),  # a list of figures
    ("围绕防汛抗旱重点工作开展专题研讨3次，形成调研报告2篇。", "围绕防汛抗旱重点工作开展专题研讨"),
    # a campaign or event of that report's year is its work only; consolidating it stands
    ("组织党员集中收看党的二十大开幕式，并围绕水利改革开展专题研讨。", "围绕水利改革开展专题研讨"),
    ("持续巩固党纪学习教育成果，推动学纪知纪明纪守纪常态化。", "持续巩固党纪学习教育成果，推动学纪知纪明纪守纪常态化"),
    # a letter standing for a figure is one too (1项任务、N条措施 of a formula)
    ("推行项目工作法，即1项任务，N条推进措施，逐项明确责任人。", "推行项目工作法，逐项明确责任人"),
    # and a Chinese numeral counting people or events; a frequency or a set phrase is not one
    ("严把发展质量关，一名预备党员按期转正，确定入党积极分子两名。", "严把发展质量关"),
    ("每月由一名党员结合水利政策讲一课，做到“两个维护”。", "每月由一名党员结合水利政策讲一课，做到“两个维护”"),
])
def test_a_clause_keeps_how_without_its_tally(detail: str, kept: str) -> None:
    assert clean_detail(detail, OFFICE) == kept


@pytest.mark.parametrize(("detail", "kept"), [
    # an adverbial left at the end once the clause it framed is gone
    ("开展了环境整治、认领“微心愿”等活动，通过活动的开展，为群众办实事30件。",
     "开展了环境整治、认领“微心愿”等活动"),
    ("三是强化重点领域监督，围绕工程招投标、出租车经营权管理等关键环节，开展专项监督检查3次。",
     "三是强化重点领域监督"),
    # a linking word and a consequence with nothing left before them: the sentence goes
    ("另外，支部书记与支委、支委与党员分别签订责任书9份、承诺书48份，形成良好的工作局面。", ""),
    # 并 of a clause whose action before it is gone; the linking word before that gone too
    ("同时，根据《专项整治工作方案》要求，结合单位实际工作，制定整治方案，并开展谈心谈话活动，共谈话20余人次。",
     "结合单位实际工作，制定整治方案，并开展谈心谈话活动"),
    ("同时，根据《专项整治工作方案》要求，结合单位实际工作，并开展谈心谈话活动，共谈话20余人次。",
     "结合单位实际工作，开展谈心谈话活动"),
    # a clause that speaks of the one gone (其余同志……)
    ("实现全员到社区报到，8名同志报名加入志愿服务队，其余同志就地服务社区，助力社区治理。",
     "实现全员到社区报到，助力社区治理"),
    # a topic and a time left without what happened
    ("妇委会方面，“三八”节到来之际，邀请*院长作专题讲座，取得了良好的活动效果。", ""),
    # 各8次 is a tally too
    ("严格执行“三重一大”决策制度，召开党组会议、“三重一大”专题会议各8次。",
     "严格执行“三重一大”决策制度，召开党组会议、“三重一大”专题会议"),
    # a clause with no verb of the list still says what was done
    ("支委会、党员大会把学习重要讲话精神作为首项议程，全年开展集中学习12次。",
     "支委会、党员大会把学习重要讲话精神作为首项议程"),
    # a quotation is one clause: cut inside it, a quote would be left without its partner
    ("按照“立足实际、突出主题，形式多样、讲求实效”的原则，围绕中心工作开展主题党日6次。",
     "按照“立足实际、突出主题，形式多样、讲求实效”的原则，围绕中心工作开展主题党日"),
    ("按照“立足实际、突出主题”的原则，开展主题党日6次。", ""),
    ("组织党员学习讨论，落实“推优入党制度，严格党员发展程序。", "组织党员学习讨论，严格党员发展程序"),
    # the office's slip mended; a sentence that lost nothing is said as written
    ("在抓小、抓细、抓实上做的还不到位。", "在抓小、抓细、抓实上做得还不到位"),
    ("用身边榜样激励干部职工担当作为。", "用身边榜样激励干部职工担当作为"),
])
def test_a_sentence_that_lost_a_clause_keeps_only_what_stands(detail: str, kept: str) -> None:
    assert clean_detail(detail, OFFICE, limit=None) == kept


def test_details_of_one_point_in_two_reports_are_joined_when_they_say_different_things() -> None:
    assert join_details(["支部每月确定一个学习专题", "党员自学笔记每季度检查一次"]) == (
        "支部每月确定一个学习专题，党员自学笔记每季度检查一次"
    )
    # the same thing reworded (防火 in both) is said once, the newest wording first
    assert join_details(["在防火紧要期安排党员带班巡护", "在春节等防火关键期组织党员巡山"]) == "在防火紧要期安排党员带班巡护"
    # 党员 alone does not make two details alike
    assert join_details(["通报典型案例", "组织党员参观教育基地"]) == "通报典型案例，组织党员参观教育基地"
    long = "党员带头参加校园周边的食品安全检查和宣传"
    first = "，".join([long] * 5)
    second = "每季度通报一次问题清单并督促逐项整改到位"
    assert len(first) + 1 + len(second) > MAX_OWN_DETAIL
    assert join_details([first, second]) == first  # within MAX_OWN_DETAIL
    assert join_details([]) == ""


def test_an_opening_keeps_its_sentences_but_last_periods_figures_and_other_units() -> None:
    office = Office.of(["某某县林业局机关党支部"])
    opening = [
        "2025年，某某县林业局机关党支部在局党组的领导下，围绕国土绿化中心任务抓党建。"
        "支部现有党员23名。学习借鉴市发改委的经验，推动工作创新。现将全年工作总结如下。"
    ]
    assert clean_opening(opening, office) == [
        "2025年，某某县林业局机关党支部在局党组的领导下，围绕国土绿化中心任务抓党建。现将全年工作总结如下。"
    ]
    assert clean_opening(["支部现有党员23名。"], office) == []
    # only the formula left: nothing of the work is said, the kind's form opens instead
    assert clean_opening(["支部现有党员23名，XX同志任书记。现将上半年工作总结如下："], office) == []
    # the office's own name, 某某 and all, is no placeholder; another 某某 is
    assert check_point("组织某某县林业局全体党员参加集中轮训", office).text == "组织某某县林业局全体党员参加集中轮训"
    assert check_point("组织某某单位党员参加集中轮训", office).text is None


def test_straight_quotes_in_an_offices_text_are_said_with_chinese_ones() -> None:
    office = Office.of(["某某县医疗保障局机关党支部"])
    assert clean_opening(['紧扣守护群众"看病钱""救命钱"的职责抓党建。'], office) == ["紧扣守护群众“看病钱”“救命钱”的职责抓党建。"]
    assert clean_detail('开展"医保讲堂"，每月讲一课', office) == "开展“医保讲堂”，每月讲一课"
    assert check_point('开展"医保讲堂"活动', office).text == "开展“医保讲堂”活动"
    assert clean_detail('他说"每月讲一课', office) == '他说"每月讲一课'  # unpaired: left as it is


def test_an_offices_prose_is_said_again_without_last_periods_figures() -> None:
    office = Office.of(["某某县气象局机关党支部"])
    paragraph = ("支部坚持每月开展集中学习，由支部书记领学，全年开展集中学习12次。"
                 "对防雷检测等环节开展廉政风险排查，查找风险点8个，逐项制定防控措施。全年发展党员1名。")
    assert clean_prose(paragraph, office) == (
        "支部坚持每月开展集中学习，由支部书记领学。对防雷检测等环节开展廉政风险排查，逐项制定防控措施。"
    )
    assert clean_prose("全年召开支委会12次。", office) == ""
    # most of a sentence gone (figures, a placeholder) leaves a fragment of it: it goes whole
    fragment = "制订**方案，梳理分解50项任务，对接**部门，共同推进合作事项，取得新进展。支部按月开展集中学习。"
    assert clean_prose(fragment, office) == "支部按月开展集中学习。"
