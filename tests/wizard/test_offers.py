"""What a section offers (drafter.wizard.offers) and the session's typed answers (drafter.wizard.session)."""

from __future__ import annotations

import datetime as dt

import pytest

from drafter.answers.model import Answers, Measure, SectionAnswer
from drafter.domain.units import Office
from drafter.library.knowledge import Knowledge
from drafter.library.knowledge_files import load_knowledge
from drafter.library.outline import Fact, Outline, OutlineSection, Sourced
from drafter.wizard.offers import (
    MOST_TICKED,
    CountItem,
    MeasureOffer,
    answering,
    count_offers,
    measure_offers,
    office_suggestions,
    stated_problems,
    taken_counts,
    taken_measures,
    usual_count,
)
from drafter.wizard.session import basic_form, has_content, set_basic


@pytest.fixture(scope="module")
def knowledge() -> Knowledge:
    return load_knowledge()


def learned(points: list[str] = (), facts: list[tuple[str, str]] = ()) -> OutlineSection:  # type: ignore[assignment]
    return OutlineSection(
        id="politics", topic="政治建设与理论学习", level=1, share=1.0, run_in=False,
        points=[Sourced(p, ["a.txt"]) for p in points],
        facts=[Fact(k, u, ["a.txt"]) for k, u in facts],
    )


def test_measures_bank_first_then_learned_points_cleaned_and_unique(knowledge: Knowledge) -> None:
    section = learned([
        "坚持集中学习与个人自学相结合",  # the bank's own item: offered once
        "开展了专题研讨",  # generalised: 开展专题研讨
        "按照XX要求开展学习",  # a placeholder: dropped
        "2024年度学习计划",  # no verb, a fragment: dropped
        "制定2024年度学习计划",  # a year: generalised
    ])
    offers = measure_offers("politics", section, "branch", knowledge)
    texts = [o.text for o in offers]
    bank = [m.text for m in knowledge.measures_for("politics", "branch")]
    assert texts[: len(bank)] == bank
    assert texts[len(bank):] == ["开展专题研讨", "制定年度学习计划"]
    assert offers[0].detail and offers[-1].detail == ""
    assert "落实“第一议题”制度" not in texts  # a 党组's measure, not a 党支部's


def test_measures_another_section_says_are_not_offered(knowledge: Knowledge) -> None:
    parent = SectionAnswer("加强理论武装", measures=[Measure("坚持集中学习与个人自学相结合", "")])
    taken = taken_measures([parent])
    texts = [o.text for o in measure_offers("politics", None, "branch", knowledge, taken)]
    assert "坚持集中学习与个人自学相结合" not in texts and texts
    problems = [o.text for o in measure_offers("problems", None, "branch", knowledge)]
    assert problems == [m.text for m in knowledge.measures_for("problems", "branch")]


def test_next_steps_answering_the_stated_problems_come_first_in_their_order(
    knowledge: Knowledge,
) -> None:
    bank = knowledge.measures_for("problems", "branch")
    chosen = [bank[3].text, "本单位自己写的一个问题", bank[0].text]
    problems = SectionAnswer("存在的问题", topic="problems", measures=[Measure(t, "") for t in chosen])
    other = SectionAnswer("加强理论武装", topic="politics", measures=[Measure("不是问题", "")])
    assert stated_problems([other, problems]) == chosen
    steps = answering(chosen, "branch", knowledge)
    assert steps == [bank[3].pair, bank[0].pair]  # the own problem has no bank answer
    offered = [o.text for o in measure_offers("next_steps", None, "branch", knowledge, problems=chosen)]
    assert offered[:2] == steps
    assert sorted(offered) == sorted(m.text for m in knowledge.measures_for("next_steps", "branch"))
    # another organisation's pair is not offered: 对所属党支部的指导 is not a 党支部's
    guide = next(m for m in knowledge.measures_for("problems", "general_branch") if "所属党支部" in m.text)
    assert answering([guide.text], "branch", knowledge) == []


def test_counts_from_the_catalogue_learned_keys_only_when_matched(knowledge: Knowledge) -> None:
    section = learned(facts=[("排查问题", "个"), ("解决", "个"), ("学习", "次"), ("中心组集体学习", "次")])
    branch = [i.key for i in count_offers("politics", section, "branch", knowledge)]
    assert branch[:6] == ["开展集中学习", "开展专题研讨", "撰写心得体会", "开展专题调研", "形成调研报告", "举办专题辅导讲座"]
    assert branch[6:] == ["检视查摆问题"]  # 排查问题 is a synonym of that catalogue entry
    group = [i.key for i in count_offers("politics", section, "party_group", knowledge)]
    assert group[0] == "组织理论学习中心组集体学习"
    assert count_offers("", section, "branch", knowledge) == [
        CountItem("检视查摆问题", "个")
    ]


def test_counts_another_section_holds_are_not_asked_again(knowledge: Knowledge) -> None:
    other = SectionAnswer("其他", counts={"集中学习": 12, "开展专题研讨": None})  # a carried key
    taken = taken_counts([other], knowledge)
    keys = [i.key for i in count_offers("politics", None, "branch", knowledge, taken)]
    assert "开展集中学习" not in keys and "开展专题研讨" not in keys and "撰写心得体会" in keys


def test_basic_answers_in_their_question_form_round_trip() -> None:
    answers = Answers(outline=Outline("x", "x", "", [], []), outline_ref="x")
    for name, value in [
        ("unit", "某某支部"), ("year", 2025), ("date", "2025-12-05"), ("opening", "第一段\n\n第二段"),
        ("signature", "某某支部\n某某局"), ("extra_basic", "自定义"),
    ]:
        set_basic(answers, name, value)
        assert basic_form(answers, name) == value
    assert answers.date == dt.date(2025, 12, 5) and answers.signature == ["某某支部", "某某局"]
    assert answers.more == {"extra_basic": "自定义"}
    set_basic(answers, "date", "")
    assert answers.date == "" and basic_form(answers, "date") == ""  # answered: left out
    assert basic_form(answers, "title") is None  # not answered yet


def test_a_section_has_content_only_when_it_says_something() -> None:
    assert not has_content(SectionAnswer("标题", measures=[], counts={"召开支委会": None}, paragraphs=[]))
    assert has_content(SectionAnswer("标题", counts={"召开支委会": 12}))
    assert has_content(SectionAnswer("标题", children=[SectionAnswer("小标题", paragraphs=["一段"])]))


def test_one_activity_is_offered_once_in_a_part(knowledge: Knowledge) -> None:
    """Issue 19: 严格落实“三会一课”制度 (a learned point) is the bank's 严格执行“三会一课”制度."""
    section = learned(["严格落实“三会一课”制度", "规范党员发展"])
    texts = [o.text for o in measure_offers("organization", section, "branch", knowledge)]
    assert "严格执行“三会一课”制度" in texts and "严格落实“三会一课”制度" not in texts
    # a sub-part whose parent already says the activity is not offered it again
    parent = SectionAnswer("加强组织建设", measures=[Measure("严格落实“三会一课”制度", "")])
    taken = taken_measures([parent])
    texts = [o.text for o in measure_offers("organization", None, "branch", knowledge, taken)]
    assert not any("三会一课" in t for t in texts)


def test_near_duplicate_problems_are_one(knowledge: Knowledge) -> None:
    section = learned(["党务干部工作能力需要提升"])
    texts = [o.text for o in measure_offers("problems", section, "party_committee", knowledge)]
    assert "党务干部业务能力有待提升，培训不够经常" in texts and "党务干部工作能力需要提升" not in texts


def test_details_are_the_units_and_causes_come_when_asked(knowledge: Knowledge) -> None:
    from drafter.wizard.offers import Wording

    details = {
        unit: [o.detail for o in measure_offers("politics", None, "branch", knowledge, wording=Wording(unit))]
        for unit in ("某某县统计局机关第一党支部", "某某县统计局机关第二党支部", "某某县统计局机关第三党支部")
    }
    assert len({tuple(d) for d in details.values()}) == 3  # three branches, three sets of wordings
    unit = "某某县统计局机关第一党支部"
    again = [o.detail for o in measure_offers("politics", None, "branch", knowledge, wording=Wording(unit))]
    assert again == details[unit]
    plain = measure_offers("problems", None, "branch", knowledge)
    causes = measure_offers("problems", None, "branch", knowledge, wording=Wording("某某县统计局", causes=True))
    assert not any(o.detail for o in plain) and all(o.detail for o in causes[:3])


def test_the_review_names_one_activity_in_two_parts(knowledge: Knowledge) -> None:
    from drafter.wizard.offers import repeated_activities

    parts = [
        SectionAnswer("加强组织建设", topic="organization", measures=[Measure("严格执行“三会一课”制度", "")]),
        SectionAnswer("从严管理党员", topic="members", children=[
            SectionAnswer("规范组织生活", topic="members", measures=[Measure("严格落实“三会一课”制度", "")]),
        ]),
    ]
    assert repeated_activities(parts, knowledge) == [("严格落实“三会一课”制度", "加强组织建设", "严格执行“三会一课”制度")]


def test_an_odd_coinage_learned_is_not_offered(knowledge: Knowledge) -> None:
    section = learned(["激发蓄能功能", "抓实学习教育"])
    texts = [o.text for o in measure_offers("politics", section, "branch", knowledge)]
    assert "抓实学习教育" in texts and "激发蓄能功能" not in texts


# --- an own kind's section (learned from the office's own reports) ------------------------------
OFFICE = Office.of(["某某县市场监督管理局机关党支部"])


def test_an_own_kinds_points_come_first_with_their_details(knowledge: Knowledge) -> None:
    section = learned(["组织县市场监管局全体党员参加集中轮训", "组织党员赴市发改委机关学习", "用好线上学习平台"])
    section.points[0].detail = "利用周末时间系统学习党章党规"
    offers = measure_offers("politics", section, "branch", knowledge, office=OFFICE)
    assert offers[0] == MeasureOffer("组织县市场监管局全体党员参加集中轮训", "利用周末时间系统学习党章党规")
    assert offers[1].text == "用好线上学习平台" and offers[1].detail  # no detail of its own: the bank's
    assert "组织党员赴市发改委机关学习" not in [o.text for o in offers]  # another unit
    assert [o.text for o in offers].count("用好线上学习平台") == 1  # one per activity
    assert offers[2].text == "坚持集中学习与个人自学相结合"  # then the bank
    bank = measure_offers("politics", section, "branch", knowledge)
    assert bank[0].text == "坚持集中学习与个人自学相结合"  # a shipped kind: the bank first
    assert "组织县市场监管局全体党员参加集中轮训" not in [o.text for o in bank]


def test_an_own_point_the_office_said_little_of_takes_the_banks_how(knowledge: Knowledge) -> None:
    section = learned(["用好主题党日活动载体", "做好发展党员工作", "开展“河长护河”志愿活动"])
    section.id, section.topic = "organization", "基层组织建设"
    section.points[2].detail = "组织党员沿河段巡查，劝导乱扔垃圾、违规垂钓等行为，发现问题及时上报处理"
    offers = measure_offers("organization", section, "branch", knowledge, office=OFFICE)
    theme_day = next(o for o in offers if o.text == "用好主题党日活动载体")
    bank = next(m for m in knowledge.measures if m.text == "规范开展主题党日活动")
    assert theme_day.detail in bank.details  # bare in the reports: the bank's detail of 主题党日
    assert "规范开展主题党日活动" not in [o.text for o in offers]  # one activity, offered once
    assert offers[2].detail == section.points[2].detail  # a full detail of its own stays as written
    # a short detail of its own is followed by the bank's how, when that says something new
    meeting = learned(["认真召开组织生活会"])
    meeting.id, meeting.topic = "organization", "基层组织建设"
    meeting.points[0].detail = "每半年召开一次"
    offer = measure_offers("organization", meeting, "branch", knowledge, office=OFFICE)[0]
    added, _, own = offer.detail.partition("；")  # the general how, then the office's particular
    bank = next(m for m in knowledge.measures if m.text == "认真召开组织生活会")
    assert own == "每半年召开一次" and added in bank.details
    # a wording that repeats a word of the office's (记录) gives way to one that does not
    meetings = learned(["严格落实“三会一课”制度"])
    meetings.id, meetings.topic = "organization", "基层组织建设"
    meetings.points[0].detail = "会议记录规范完整"
    bank = next(m for m in knowledge.measures if m.activity == "three_meetings")
    assert any("记录" in d for d in bank.details)
    offer = measure_offers("organization", meetings, "branch", knowledge, office=OFFICE)[0]
    added, _, own = offer.detail.partition("；")
    assert own == "会议记录规范完整" and added in bank.details and "记录" not in added
    # ... and not when every wording of the bank repeats a word of it (意见)
    meeting.points[0].detail = "会前广泛征求意见"
    assert measure_offers("organization", meeting, "branch", knowledge, office=OFFICE)[0].detail == "会前广泛征求意见"


def test_an_own_detail_loses_a_clause_the_organisation_cannot_say(knowledge: Knowledge) -> None:
    """层层签订 in a 党支部's report is a term of a body with levels below it: 核稿 asks to reword
    it, so the office's clause is not offered to a branch (a 党委 keeps it)."""
    from drafter.library import load_seams

    terms = load_seams().level_terms
    section = learned(["压实管党治党责任"])
    section.id, section.topic = "integrity", "党风廉政建设"
    section.points[0].detail = "书记带头讲廉政党课，支部书记与支委层层签订责任书"
    branch = measure_offers("integrity", section, "branch", knowledge, office=OFFICE, level_terms=terms)[0]
    assert branch.detail.endswith("书记带头讲廉政党课") and "层层" not in branch.detail
    committee = measure_offers("integrity", section, "party_committee", knowledge, office=OFFICE, level_terms=terms)[0]
    assert committee.detail == section.points[0].detail


def test_what_an_own_kinds_part_comes_with_ticked() -> None:
    bank = ["坚持集中学习与个人自学相结合", "深入学习贯彻党的创新理论", "扎实开展专题调查研究"]
    assert office_suggestions(["坚持每月集中学习"], bank, False) == ["坚持每月集中学习", *bank[:2]]
    assert office_suggestions(["甲", "乙", "丙", "丁"], bank, False) == ["甲", "乙", "丙"]
    assert office_suggestions([], bank, False) == bank
    assert office_suggestions([], bank, True) == []  # the office writes this part's work below it
    five = ["甲", "乙", "丙", "丁", "戊"]
    assert office_suggestions(five, bank, False, usual=5) == five  # as many as the office writes
    assert office_suggestions(five * 2, bank, False, usual=10) == (five * 2)[:MOST_TICKED]
    assert office_suggestions(["甲"], bank, False, usual=5) == ["甲", *bank[:2]]  # what it has, made up


def test_how_many_points_the_office_writes_in_a_part() -> None:
    section = learned()
    assert usual_count(section) == 0
    section.points = [Sourced("甲", ["2025.txt", "2024.txt"]), Sourced("乙", ["2025.txt"]),
                      Sourced("丙", ["2024.txt"]), Sourced("丁", ["2024.txt"])]
    assert usual_count(section) == 3  # 2024 wrote 甲、丙、丁


def test_an_own_kinds_counts_with_their_verbs_first(knowledge: Knowledge) -> None:
    section = learned(facts=[("开展食品安全专项检查", "次"), ("召开支委会", "次"), ("经营主体", "户")])
    verbs = {"开展": ["检查"], "召开": ["会"]}
    items = count_offers("politics", section, "branch", knowledge, verbs=verbs)
    assert items[:2] == [CountItem("开展食品安全专项检查", "次"), CountItem("召开支委会", "次")]
    assert CountItem("经营主体", "户") not in items  # no activity: a count needs its verb
    assert CountItem("开展食品安全专项检查", "次") not in count_offers("politics", section, "branch", knowledge)
