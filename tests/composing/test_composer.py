"""Composition: numbering, fluent joins, no dangling punctuation, literal answers."""

from __future__ import annotations

from pathlib import Path

import pytest

from drafter.answers.model import Measure
from drafter.composing.composer import clean_heading, empty_sections, join_and, join_list
from drafter.composing.wording import points, sentence
from drafter.document.model import Heading, Paragraph
from drafter.errors import UserError
from drafter.library.knowledge import Organisation
from drafter.library.outline import load_library
from tests.helpers import build_file_tree, compose_mapping, mini_library_dir, typed


@pytest.fixture
def library(tmp_path: Path):
    return load_library(mini_library_dir(tmp_path / "outlines"))


def answers(**overrides):
    data = {
        "outline": "mini",
        "unit": "某某县档案馆党支部",
        "year": 2025,
        "period": "全年",
        "date": "2025-12-05",
        "sections": [
            {
                "topic": "politics",
                "heading": "加强理论武装，筑牢思想根基",
                "measures": [
                    {"item": "坚持集中学习", "detail": "每月组织一次集中学习"},
                    {"item": "开展专题研讨"},
                ],
                "numbers": {"集中学习": 12, "撰写心得体会": None},
                "text": "第一段亮点。\n\n第二段案例。",
            },
            {"topic": "problems", "heading": "存在的问题", "measures": ["学习的系统性还不够强"]},
        ],
    }
    data.update(overrides)
    return data


def test_points_read_as_enumeration() -> None:
    def plain(measures: list[Measure]) -> str:
        return points(measures, [[] for _ in measures], "全年", {})

    assert plain([Measure("甲"), Measure("乙"), Measure("丙")]) == "一是甲；二是乙；三是丙。"
    # One scheme per list: once any point has a detail, every point closes with 。
    assert plain([Measure("甲", "细节"), Measure("乙"), Measure("丙")]) == "一是甲。细节。二是乙。三是丙。"
    # A single measure is a plain sentence, never a lone 一是.
    assert plain([Measure("甲", "细节")]) == "甲。细节。"
    assert plain([Measure("甲")]) == "甲。"


def test_joins_and_sentences() -> None:
    assert join_list(["集中学习12次", "", "专题研讨3次"]) == "集中学习12次、专题研讨3次"
    assert join_and(["甲", "乙", "丙"]) == "甲、乙和丙"
    assert join_and(["甲"]) == "甲"
    assert sentence("好的，") == "好的。"
    assert sentence("  ") == ""
    assert clean_heading("（二）抓好学习。") == "抓好学习"
    assert clean_heading("一、加强建设") == "加强建设"


def test_document_structure(library) -> None:
    doc = compose_mapping(answers(), library)
    assert doc.title == "某某县档案馆党支部2025年度党建工作总结"
    assert doc.date == "2025年12月5日"
    assert doc.signature == ["某某县档案馆党支部"]
    assert doc.blocks[0] == Paragraph("一年来，某某县档案馆党支部认真落实各项任务。现将有关情况总结如下：")
    assert doc.headings() == [
        Heading(1, "一、", "加强理论武装，筑牢思想根基"),
        Heading(1, "二、", "存在的问题"),
    ]
    texts = [b.text for b in doc.blocks if isinstance(b, Paragraph)]
    # The count goes into the measure that names it, folded in where the detail says how often;
    # no paragraph of counts alone, no 此外.
    assert "一是坚持集中学习。每月组织一次集中学习，全年共12次。二是开展专题研讨。" in texts
    assert not any("累计" in t for t in texts)
    assert "第一段亮点。" in texts and "第二段案例。" in texts
    # One layout per level: the mini outline's level 1 is mostly standalone, so both are.
    assert isinstance(doc.blocks[-2], Heading)
    last = doc.blocks[-1]
    assert isinstance(last, Paragraph)
    assert last.text == "在肯定成绩的同时，支部也清醒看到工作中还有一些短板：学习的系统性还不够强。"


def test_empty_answers_leave_no_trace(library) -> None:
    data = answers()
    data["sections"][0].update(measures=[], numbers={"集中学习": 0, "撰写心得体会": None}, text="")
    doc = compose_mapping(data, library)
    body = "".join(b.text for b in doc.blocks if isinstance(b, Paragraph))
    assert "0次" not in body and "累计" not in body and "、、" not in body and "一是" not in body
    # The first section now says nothing: it is left out and the problems section becomes 一、
    assert [h.line for h in doc.headings()] == ["一、存在的问题"]
    assert empty_sections(typed(data, library)) == ["加强理论武装，筑牢思想根基"]


def test_removing_a_section_renumbers(library) -> None:
    data = answers()
    data["sections"] = [data["sections"][1]]
    assert [h.label for h in compose_mapping(data, library).headings()] == ["一、"]


def test_children_numbered_by_level(library) -> None:
    data = answers()
    data["sections"][0]["children"] = [
        {"heading": "子栏目甲", "children": [{"heading": "细目", "children": [{"heading": "更细"}]}]},
        {"heading": "子栏目乙", "run_in": True, "text": "内容。"},
    ]
    labels = [(h.level, h.label) for h in compose_mapping(data, library).headings()]
    # 子栏目甲 and its descendants say nothing and are left out; numbering closes up.
    assert labels == [(1, "一、"), (2, "（一）"), (1, "二、")]
    data["sections"][0]["children"][0]["children"][0]["children"][0]["text"] = "有内容。"
    labels = [(h.level, h.label) for h in compose_mapping(data, library).headings()]
    assert labels == [(1, "一、"), (2, "（一）"), (3, "1."), (4, "（1）"), (2, "（二）"), (1, "二、")]


def test_answers_are_data_not_templates(library) -> None:
    data = answers()
    data["sections"][0]["text"] = "{{ unit }} {% if true %}x{% endif %} <w:p> & \x07"
    data["unit"] = "{{ 7*7 }}局"
    doc = compose_mapping(data, library)
    body = [b.text for b in doc.blocks if isinstance(b, Paragraph)]
    assert "{{ unit }} {% if true %}x{% endif %} <w:p> & \x07" in body
    assert doc.title.startswith("{{ 7*7 }}局")


def test_template_error_names_outline_section_and_variable(tmp_path: Path) -> None:
    root = mini_library_dir(tmp_path / "o")
    build_file_tree(root, {"authored/templates/politics.j2": "{{ section.no_such_field }}\n"})
    with pytest.raises(UserError) as err:
        compose_mapping(answers(), load_library(root))
    text = str(err.value)
    assert "mini" in text and "加强理论武装" in text and "no_such_field" in text


def test_external_outlines_render_sandboxed(tmp_path: Path) -> None:
    root = mini_library_dir(tmp_path / "o")
    build_file_tree(root, {"authored/templates/politics.j2": "{{ ''.__class__.__mro__ }}\n"})
    library = load_library(root)
    assert not library.shipped
    with pytest.raises(UserError) as err:
        compose_mapping(answers(), library)
    assert "模板错误" in str(err.value)


def test_bad_date_is_a_user_error(library) -> None:
    with pytest.raises(UserError, match="日期"):
        compose_mapping(answers(date="明天"), library)


def test_counts_already_in_the_text_are_updated_in_place(library) -> None:
    data = answers()
    data["sections"][0].update(measures=[], text="全年开展集中学习82次，撰写心得体会5篇。", numbers={"集中学习": 90})
    body = [b.text for b in compose_mapping(data, library).blocks if isinstance(b, Paragraph)]
    assert "全年开展集中学习90次，撰写心得体会5篇。" in body
    assert not any("累计" in t for t in body)


def test_counts_grouped_by_verb(library) -> None:
    data = answers()
    data["sections"][0].update(
        measures=[{"item": "严格落实组织生活制度"}], text="",
        numbers={"支委会": 8, "集中学习": 12, "党员大会": 4, "撰写心得体会": 5, "优秀党员": 3, "示范岗": 2},
    )
    body = [b.text for b in compose_mapping(data, library).blocks if isinstance(b, Paragraph)]
    assert (
        "严格落实组织生活制度。全年召开支委会8次、党员大会4次，开展集中学习12次，撰写心得体会5篇，评选表彰优秀党员3名，示范岗达2次。"
        in body
    )


@pytest.mark.parametrize(
    ("period", "name", "ahead"),
    [("全年", "2025年度", "2026年"), ("上半年", "2025年上半年", "下半年"), ("第三季度", "2025年第三季度", "第四季度")],
)
def test_period_name_and_ahead(library, period: str, name: str, ahead: str) -> None:
    from drafter.composing.composer import base_context

    ctx = base_context(typed(answers(period=period), library), library)
    assert (ctx["period_name"], ctx["ahead"]) == (name, ahead)


def test_a_count_the_detail_already_names_is_written_there_once() -> None:
    """"层层签订党风廉政建设责任书" and 32 of that count: the number goes into the detail, the
    activity is not said a second time after it; a count the detail does not name follows."""
    from drafter.composing.wording import Answered

    knowledge = load_library().knowledge
    pledges = next(e for e in knowledge.counts if e.name == "签订党风廉政建设责任书")
    warnings = next(e for e in knowledge.counts if e.name == "开展警示教育")
    measure = Measure("压紧压实全面从严治党主体责任", "研究制定责任清单，层层签订党风廉政建设责任书")
    counts = [Answered(pledges.name, 32, pledges.unit, pledges), Answered(warnings.name, 4, warnings.unit, warnings)]
    text = points([measure], [counts], "全年", load_library().verbs)
    assert text == "压紧压实全面从严治党主体责任。研究制定责任清单，层层签订党风廉政建设责任书32份，全年开展警示教育4次。"
    assert text.count("党风廉政建设责任书") == 1


def test_an_activity_named_inside_the_detail_keeps_its_count_after_it() -> None:
    from drafter.composing.wording import Answered

    knowledge = load_library().knowledge
    lectures = next(e for e in knowledge.counts if e.name == "讲授党课")
    measure = Measure("严格执行“三会一课”制度", "按规定召开会议、讲授党课，做到有计划、有记录")
    text = points([measure], [[Answered(lectures.name, 2, lectures.unit, lectures)]], "全年", load_library().verbs)
    assert text == "严格执行“三会一课”制度。按规定召开会议、讲授党课，做到有计划、有记录，全年讲授党课2次。"


@pytest.mark.parametrize(("detail", "said"), [
    # a clause inside the detail that ends with the activity and its verb is where its tally goes
    ("围绕春耕备耕、河道保洁开展主题党日；把志愿服务融入其中",
     "围绕春耕备耕、河道保洁开展主题党日6次；把志愿服务融入其中。"),
    ("对项目资金拨付环节开展监督检查，发现问题当场督促整改",
     "对项目资金拨付环节开展监督检查3次，发现问题当场督促整改。"),
    # a list of activities or the rule work follows is how the work is done: the tally follows
    ("按规定开展主题党日，做到有计划", "按规定开展主题党日，做到有计划，全年开展主题党日活动6次。"),
    ("组织学习、开展主题党日，做到有记录", "组织学习、开展主题党日，做到有记录，全年开展主题党日活动6次。"),
    # the activity's words without its verb are not a tally of it (丰富主题党日 is no count)
    ("不断丰富主题党日，增强吸引力", "不断丰富主题党日，增强吸引力，全年开展主题党日活动6次。"),
])
def test_a_count_goes_into_the_clause_that_ends_with_its_activity(detail: str, said: str) -> None:
    from drafter.composing.wording import Answered

    library = load_library()
    theme = next(e for e in library.knowledge.counts if e.id == "theme_day")
    counts = [Answered(theme.name, 6, theme.unit, theme)]
    if "监督检查" in detail:  # an office's own count: no catalogue entry, known by its key
        counts = [Answered("开展监督检查", 3, "次", None)]
    text = points([Measure("加强组织建设", detail)], [counts], "全年", library.verbs)
    assert text == f"加强组织建设。{said}"


@pytest.mark.parametrize(
    ("outline", "numbers", "said"),
    [
        (  # the bank measure the first count proves leads, with who did it
            "annual", {"开展集中学习": 12, "撰写心得体会": 30},
            "支部坚持集中学习与个人自学相结合，全年开展集中学习12次，撰写心得体会30篇。",
        ),
        ("annual", {"评选表彰优秀党员": 3}, "支部全年评选表彰优秀党员3名。"),  # no measure it proves
        ("duty_report", {"评选表彰优秀党员": 3}, "本人全年评选表彰优秀党员3名。"),
    ],
)
def test_a_part_with_only_counts_says_who_did_the_work(outline: str, numbers: dict[str, int], said: str) -> None:
    data = {
        "outline": outline, "organisation": "branch", "unit": "某某县档案馆党支部", "year": 2025,
        "sections": [{"topic": "politics", "heading": "加强理论武装", "measures": [], "numbers": numbers}],
    }
    body = [b.text for b in compose_mapping(data, load_library()).blocks if isinstance(b, Paragraph)]
    assert said in body


@pytest.mark.parametrize(
    ("first", "flush"),
    [
        ("市直机关工委：", True),
        ("县委组织部：", True),
        ("各位领导、同志们：", True),
        ("现将有关情况报告如下：", False),  # the lead-in to the body, not an addressee
        ("一年来，支部坚持党建引领，各项工作取得新进展。", False),
    ],
)
def test_the_line_naming_the_addressee_is_set_flush_left(first: str, flush: bool) -> None:
    data = {
        "outline": "annual", "unit": "某某县档案馆党支部", "year": 2025,
        "opening": f"{first}\n\n支部全年各项工作有序推进。",
        "sections": [{"topic": "politics", "heading": "加强理论武装", "text": "全年坚持每月集中学习。"}],
    }
    blocks = compose_mapping(data, load_library()).blocks
    assert isinstance(blocks[0], Paragraph) and isinstance(blocks[1], Paragraph)
    assert (blocks[0].text, blocks[0].flush, blocks[1].flush) == (first, flush, False)


@pytest.mark.parametrize(
    ("unit", "organisation", "named"),
    [
        ("某某县档案馆", "党支部", "某某县档案馆党支部"),
        ("某某县档案馆党支部", "党支部", "某某县档案馆党支部"),
        ("某某市财政局党组", "党组", "某某市财政局党组"),
        ("某某市财政局", "党组", "某某市财政局党组"),
        ("某某市财政局机关", "机关党委", "某某市财政局机关党委"),  # 机关 said once
        ("中共某某县档案馆支部委员会", "党支部", "中共某某县档案馆支部委员会"),  # already a Party name
        ("某某市财政局党委", "党组", "某某市财政局党委"),
        ("", "党支部", ""),
    ],
)
def test_a_unit_named_as_its_party_organisation(unit: str, organisation: str, named: str) -> None:
    assert Organisation("x", organisation, "").of(unit) == named


def test_a_duty_report_names_the_secretary_of_the_organisation_it_is_written_for() -> None:
    data = {
        "outline": "duty_report", "organisation": "party_group", "unit": "某某市财政局", "year": 2025,
        "sections": [{"topic": "politics", "heading": "带头学习理论", "text": "全年坚持带头学习。"}],
    }
    doc = compose_mapping(data, load_library())
    assert doc.title == "某某市财政局党组书记2025年度抓基层党建工作述职报告"
    opening = doc.blocks[0]
    assert isinstance(opening, Paragraph) and "本人" in opening.text and "党组书记" in opening.text
    assert "支部" not in opening.text


def test_without_a_signature_the_unit_signs_as_its_party_organisation() -> None:
    data = {
        "outline": "annual", "organisation": "branch", "unit": "某某县档案馆", "year": 2025,
        "sections": [{"topic": "politics", "heading": "加强理论武装", "text": "全年坚持每月集中学习。"}],
    }
    assert compose_mapping(data, load_library()).signature == ["某某县档案馆党支部"]
    data["signature"] = "中共某某县档案馆支部委员会"
    assert compose_mapping(data, load_library()).signature == ["中共某某县档案馆支部委员会"]


@pytest.mark.parametrize("unit", ["某某县档案馆党支部", "某某县统计局党支部", "某某市水务局党支部", "某某区文化馆党支部"])
def test_several_aspects_are_announced_only_before_several_items(unit: str) -> None:
    """Whichever wording of the framing a unit gets, 几个方面 / 几项 only before several items."""
    for steps, several in ((["健全常态化学习机制"], False), (["健全常态化学习机制", "加强党务干部培训"], True)):
        data = {
            "outline": "annual", "organisation": "branch", "unit": unit, "year": 2025,
            "sections": [{"topic": "next_steps", "heading": "下一步打算", "measures": steps}],
        }
        body = [b.text for b in compose_mapping(data, load_library()).blocks if isinstance(b, Paragraph)]
        part = next(t for t in body if "健全常态化学习机制" in t)
        framing = part[: part.index("：") + 1]
        assert framing.startswith(("下一步，支部将", "针对上述问题，支部将", "围绕解决这些问题，支部将"))
        assert ("几个方面" in framing or "几项" in framing) is several, framing
        assert part.endswith("健全常态化学习机制。" if not several else "加强党务干部培训。")


def test_one_activity_is_written_once_in_a_part_its_detail_merged() -> None:
    """Issue 19: 严格执行 in one sub-part and 严格落实“三会一课”制度 in the next are one measure."""
    data = {
        "outline": "annual", "organisation": "branch", "unit": "某某县档案馆", "year": 2025,
        "sections": [{
            "topic": "organization", "heading": "夯实组织基础",
            "children": [
                {"topic": "organization", "heading": "规范组织生活", "measures": [
                    {"item": "严格执行“三会一课”制度", "detail": "按期召开支委会和党员大会"},
                    {"item": "规范开展主题党日活动", "detail": ""},
                ]},
                {"topic": "organization", "heading": "抓好党课教育", "measures": [
                    {"item": "严格落实“三会一课”制度", "detail": "书记每季度讲一次党课"},
                    {"item": "推进党务公开", "detail": ""},
                ]},
            ],
        }],
    }
    text = "\n".join(b.text for b in compose_mapping(data, load_library()).blocks if isinstance(b, Paragraph))
    assert text.count("三会一课") == 1
    assert "按期召开支委会和党员大会，书记每季度讲一次党课" in text
    headings = [
        b.text if isinstance(b, Heading) else b.run_in.text
        for b in compose_mapping(data, load_library()).blocks
        if isinstance(b, Heading) or (isinstance(b, Paragraph) and b.run_in is not None)
    ]
    assert "推进党务公开" in text and "抓好党课教育" in headings  # the sub-part keeps its other work


OWN_OPENING = "2025年，支部在局党组的领导下抓党建。现将2025年度工作总结如下："


@pytest.mark.parametrize(("learned", "year", "period", "opening"), [
    (OWN_OPENING, 2026, "全年", "2026年，支部在局党组的领导下抓党建。现将2026年度工作总结如下："),  # years moved
    (OWN_OPENING, 2026, "上半年", ""),  # another period: the kind's own opening
    ("2021年以来，支部坚持抓党建。", 2026, "全年", ""),  # a span that cannot be moved: the kind's own
])
def test_an_own_kind_opens_as_the_offices_newest_report(learned: str, year: int, period: str, opening: str) -> None:
    from dataclasses import replace

    from drafter.answers.model import Answers
    from drafter.composing.composer import own_opening
    from drafter.library.outline import Outline, OwnKind

    own = OwnKind("annual", ("某某县档案馆党支部",), (learned,), 2025, "全年")
    outline = Outline("本局", "本局", "", [], [], own=own)
    answers = Answers(outline=outline, outline_ref="本局", unit="某某县档案馆党支部", year=year, period=period)
    assert own_opening(answers) == opening
    assert own_opening(replace(answers, outline=replace(outline, own=None))) == ""
