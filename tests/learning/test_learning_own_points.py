"""What an office's own points keep (drafter.learning.own_points): the lead, the detail without
last period's figures, the counts the point stated, one point reworded from year to year."""

from __future__ import annotations

import re

from drafter.domain import Office
from drafter.learning.own_points import OwnPoints, beyond_lead, own_lead
from drafter.structure.report import Point

OFFICE = Office.of(["某某县水利局机关党支部"])


def point(ordinal: str, text: str) -> Point:
    lead = re.split("[，。]", text, maxsplit=1)[0]
    return Point(ordinal, lead, ordinal + text)


def test_a_lead_that_is_no_clause_on_its_own_takes_its_sentence() -> None:
    p = point("二是", "部分党员常年驻守水库一线，参加集中学习的时间难以保证。三是……")
    assert own_lead(p, OFFICE) == ("部分党员常年驻守水库一线，参加集中学习的时间难以保证", "三是……")
    measure = point("一是", "坚持每月集中学习。支部每月确定一个学习专题。")
    assert own_lead(measure, OFFICE) == ("坚持每月集中学习", "支部每月确定一个学习专题。")


def test_a_problem_is_its_whole_sentence() -> None:
    p = point("一是", "理论学习联系水利工作实际不够紧密，学用结合有待加强。")
    assert own_lead(p, OFFICE, whole=True) == ("理论学习联系水利工作实际不够紧密，学用结合有待加强", "")
    assert own_lead(p, OFFICE)[0] == "理论学习联系水利工作实际不够紧密"


def test_a_long_problem_is_still_one_sentence_not_a_lead_and_a_fragment() -> None:
    p = point("一是", "有的党员对作风建设要求落实的不够到位，存在重业务、轻抓党建的思想。")
    assert own_lead(p, OFFICE, whole=True) == ("有的党员对作风建设要求落实得不够到位，存在重业务、轻抓党建的思想", "")


def test_a_plan_said_on_to_another_end_from_year_to_year_is_one_plan() -> None:
    newest = [point("二是", "严格落实“三会一课”制度，加强青年党员教育培养。")]
    older = [point("二是", "严格落实“三会一课”制度，提升组织生活质量。")]
    own = OwnPoints([(newest, "2025.txt"), (older, "2024.txt")], OFFICE, whole=True)
    assert [lead for lead, _ in own.sightings] == ["严格落实“三会一课”制度，加强青年党员教育培养"] * 2
    other = [point("二是", "严格落实请示报告制度，提升组织生活质量。")]  # another opening: another plan
    assert len({lead for lead, _ in OwnPoints([(newest, "a"), (other, "b")], OFFICE, whole=True).sightings}) == 2


def test_one_point_reworded_is_one_point_in_the_newest_wording_with_both_details_and_counts() -> None:
    newest = [point("一是", "用好主题党日活动载体。围绕防汛宣传开展主题党日12次。"),
              point("二是", "部分党员常年驻守水库一线，参加集中组织生活的时间难以保证。")]
    older = [point("一是", "用好主题党日载体。党员轮流担任主持人。"),
             point("二是", "一线党员参加组织生活的时间难以保证。")]
    own = OwnPoints([(newest, "2025.txt"), (older, "2024.docx")], OFFICE)
    assert own.sightings == [
        ("用好主题党日活动载体", "2025.txt"),
        ("部分党员常年驻守水库一线，参加集中组织生活的时间难以保证", "2025.txt"),
        ("用好主题党日活动载体", "2024.docx"),
        ("部分党员常年驻守水库一线，参加集中组织生活的时间难以保证", "2024.docx"),
    ]
    assert own.details["用好主题党日活动载体"] == "围绕防汛宣传开展主题党日，党员轮流担任主持人"
    assert own.counts == {"用好主题党日活动载体": ["开展主题党日"]}


def test_the_sentence_after_a_parts_last_point_that_says_what_it_achieved_is_the_parts_result() -> None:
    points = [point("一是", "坚持集中学习。每月组织一次集中学习。"),
              point("二是", "办好“统计夜读”。党员轮流领读经典篇目。通过系统学习，党员依法统计的意识明显增强。")]
    own = OwnPoints([(points, "2025.txt")], OFFICE)
    assert own.results == ["通过系统学习，党员依法统计的意识明显增强。"]
    assert own.details["办好“统计夜读”"] == "党员轮流领读经典篇目"  # not the point's detail
    alone = OwnPoints([([point("一是", "办好“统计夜读”。通过读书交流增进共识。")], "a.txt")], OFFICE)
    assert alone.results == [] and alone.details["办好“统计夜读”"] == "通过读书交流增进共识"  # its only how


def test_a_detail_that_only_says_the_lead_again_is_no_detail() -> None:
    # once 2023年以来 and its figures go, what is left of the detail is the lead itself
    p = point("四是", "持续巩固学习教育成果。2023年以来共组织专题学习6次，持续巩固学习教育成果。")
    own = OwnPoints([([p], "2025.txt")], OFFICE)
    assert own.details == {}
    assert beyond_lead("围绕防汛救灾开展专题研讨。开展专题研讨", "开展专题研讨") == "围绕防汛救灾开展专题研讨"
    assert beyond_lead("围绕防汛救灾开展专题研讨", "开展专题研讨") == "围绕防汛救灾开展专题研讨"  # says more
