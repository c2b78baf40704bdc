"""Structure recovery on small reports about a fictional unit (某某县档案馆党支部)."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from drafter.reading.reader import SourceText
from drafter.structure.report import ParsedReport, Section
from drafter.structure.structure import classify, parse_lines, parse_report

TITLE = "某某县档案馆党支部2024年党建工作总结"
OPENING = "今年以来，支部坚持以党建引领档案业务，各项工作取得新进展。现将有关情况总结如下："


def parse(*lines: str) -> ParsedReport:
    return parse_report("\n".join(lines), "test.txt")


def tree(report: ParsedReport) -> list[tuple[int, str, str]]:
    return [(s.level, s.marker, s.title) for s in report.walk()]


def only(report: ParsedReport, title: str) -> Section:
    matches = [s for s in report.walk() if s.title == title]
    assert len(matches) == 1, tree(report)
    return matches[0]


# --- markers and levels ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("line", "marker", "title"),
    [
        ("一、强化理论武装", "一、", "强化理论武装"),
        ("十二、其他工作", "十二、", "其他工作"),
        ("（一）抓好学习教育", "（一）", "抓好学习教育"),
        ("(一)抓好学习教育", "(一)", "抓好学习教育"),
        ("1.开展专题学习", "1.", "开展专题学习"),
        ("1、开展专题学习", "1、", "开展专题学习"),
        ("1．开展专题学习", "1．", "开展专题学习"),
        ("12. 开展专题学习", "12.", "开展专题学习"),
        ("（1）按月学习", "（1）", "按月学习"),
        ("(1)按月学习", "(1)", "按月学习"),
        ("——强基础。", "——", "强基础"),
        ("一、 强化理论武装：", "一、", "强化理论武装"),
    ],
)
def test_every_marker_style_is_a_heading(line: str, marker: str, title: str) -> None:
    heading = classify(line)
    assert heading is not None
    assert (heading.marker, heading.title, heading.run_in) == (marker, title, False)


@pytest.mark.parametrize(
    "line",
    [
        "2022年7月至2023年6月，累计接待查档群众800余人次。",
        "1－8月份，支部党费全部按时上缴。",
        "4-8月份，共排查档案安全隐患14处。",
        "1.5万卷档案完成数字化。",
        "2023年支部发展党员1名。",
        (
            "1.支部全年组织党员干部深入基层档案室开展业务指导和安全检查工作共计三十余次，"
            "覆盖全县各乡镇和县直单位档案室，发现问题及时整改。其余不再赘述。"
        ),
        "——坚持把档案工作放在全县发展大局中谋划推进，不断提升档案服务能力和水平。",
        "——党员先锋",
        "一、",
    ],
)
def test_body_lines_that_start_like_markers_are_not_headings(line: str) -> None:
    assert classify(line) is None


def test_levels_follow_the_nesting_used() -> None:
    report = parse(OPENING, "一、强化理论武装", "1.开展专题学习", "内容。", "2.开展研讨", "内容。",
                   "二、加强组织建设", "1.规范组织生活", "内容。")
    assert tree(report) == [
        (1, "一、", "强化理论武装"), (2, "1.", "开展专题学习"), (2, "2.", "开展研讨"),
        (1, "二、", "加强组织建设"), (2, "1.", "规范组织生活"),
    ]


def test_four_conventional_levels() -> None:
    report = parse("一、主要工作", "（一）理论学习", "1.集中学习", "（1）按月学习", "内容。", "（2）专题研讨",
                   "内容。", "2.个人自学", "内容。", "（二）组织建设", "内容。", "二、存在问题", "内容。")
    assert tree(report) == [
        (1, "一、", "主要工作"), (2, "（一）", "理论学习"), (3, "1.", "集中学习"), (4, "（1）", "按月学习"),
        (4, "（2）", "专题研讨"), (3, "2.", "个人自学"), (2, "（二）", "组织建设"), (1, "二、", "存在问题"),
    ]


def test_top_level_can_be_a_lower_conventional_family() -> None:
    report = parse(OPENING, "（一）理论学习", "1.集中学习", "内容。", "（二）组织建设", "内容。")
    assert tree(report) == [(1, "（一）", "理论学习"), (2, "1.", "集中学习"), (1, "（二）", "组织建设")]


def test_half_width_brackets_mix_with_full_width() -> None:
    report = parse("一、主要工作", "(一)理论学习。内容。", "（二）组织建设。内容。")
    assert tree(report) == [(1, "一、", "主要工作"), (2, "(一)", "理论学习"), (2, "（二）", "组织建设")]


def test_dash_only_headings() -> None:
    report = parse(OPENING, "——强基础。夯实支部基础工作。", "——提能力。", "开展业务培训。", "——转作风。改进工作作风。")
    assert tree(report) == [(1, "——", "强基础"), (1, "——", "提能力"), (1, "——", "转作风")]
    assert [s.run_in for s in report.sections] == [True, False, True]
    assert report.sections[1].body == ["开展业务培训。"]


def test_dash_headings_under_chinese_numbers() -> None:
    report = parse("一、主要做法", "——强基础。内容。", "——提能力。内容。", "二、存在问题", "内容。")
    assert tree(report) == [(1, "一、", "主要做法"), (2, "——", "强基础"), (2, "——", "提能力"),
                            (1, "二、", "存在问题")]


def test_dash_at_top_with_numbered_children() -> None:
    report = parse("——强基础。", "1.建立制度。内容。", "2.落实责任。内容。", "——提能力。内容。")
    assert tree(report) == [(1, "——", "强基础"), (2, "1.", "建立制度"), (2, "2.", "落实责任"), (1, "——", "提能力")]


# --- run-in and standalone headings ---------------------------------------------------


def test_run_in_heading_ends_at_first_full_stop() -> None:
    report = parse("一、坚持学习教育，提升党员素质。支部全年学习12次。党员参学率100%。")
    section = report.sections[0]
    assert (section.title, section.run_in) == ("坚持学习教育，提升党员素质", True)
    assert section.body == ["支部全年学习12次。党员参学率100%。"]


def test_colon_run_in() -> None:
    section = parse("一、主要工作", "（四）发展党员工作：今年发展预备党员1名。").walk()[1]
    assert (section.marker, section.title, section.run_in) == ("（四）", "发展党员工作", True)
    assert section.body == ["今年发展预备党员1名。"]


def test_space_run_in_only_when_a_sentence_follows() -> None:
    run_in = classify("1.规范组织生活 支部按月开展主题党日，全年12次。")
    assert run_in is not None and (run_in.title, run_in.rest) == ("规范组织生活", "支部按月开展主题党日，全年12次。")
    standalone = classify("（一）压实责任 抓好落实")
    assert standalone is not None and (standalone.title, standalone.run_in) == ("压实责任 抓好落实", False)


def test_standalone_heading_then_body() -> None:
    report = parse("一、强化理论武装", "支部全年学习12次。", "开展专题研讨4次。")
    section = report.sections[0]
    assert (section.run_in, section.body) == (False, ["支部全年学习12次。", "开展专题研讨4次。"])


def test_heading_sentence_of_sixty_characters_is_body() -> None:
    long_sentence = "支部" + "组织党员开展学习" * 8
    report = parse("一、主要工作", f"1.{long_sentence}。其余内容。")
    assert tree(report) == [(1, "一、", "主要工作")]
    assert report.sections[0].body == [f"1.{long_sentence}。其余内容。"]


# --- title, opening, closing ----------------------------------------------------------


def test_title_and_opening() -> None:
    report = parse(TITLE, "", OPENING, "一、主要工作", "内容。")
    assert report.title == TITLE
    assert report.opening == [OPENING]


def test_no_title_when_first_line_is_a_sentence() -> None:
    report = parse(OPENING, "一、主要工作", "内容。")
    assert report.title is None
    assert report.opening == [OPENING]


def test_short_title_without_report_words() -> None:
    assert parse("某某县档案馆党支部", OPENING, "一、主要工作", "内容。").title == "某某县档案馆党支部"


@pytest.mark.parametrize(
    "lines",
    [
        ["某某市气象局机关党支部", "2026年度党建工作总结"],
        ["中共某某县水利局机关支部委员会", "关于2026年上半年党建工作情况的", "汇报"],
    ],
)
def test_a_title_centred_over_lines_is_one_title(lines: list[str]) -> None:
    report = parse(*lines, OPENING, "一、主要工作", "内容。")
    assert report.title == "".join(lines)
    assert report.opening == [OPENING]


@pytest.mark.parametrize(
    "first",
    [
        ["某某县档案馆党支部", "档案工作情况"],  # no report kind named: the second line is text
        ["某某县档案馆党支部2026年度党建工作总结", "2026年度党建工作总结"],  # named on line one
        ["某某县档案馆党支部", "一、主要工作总结"],  # a heading
        ["某某县档案馆党支部", "——2026年度党建工作总结"],  # a subtitle, joined by its own rule
        ["甲", "乙", "丙", "2026年度党建工作总结"],  # more lines than a title has
        ["某某县档案馆党支部" * 5, "2026年度党建工作总结"],  # longer than a title
    ],
)
def test_lines_that_do_not_finish_a_title_are_not_joined_to_it(first: list[str]) -> None:
    report = parse(*first, OPENING, "一、主要工作", "内容。")
    if first[1].startswith("——"):
        assert report.title == "".join(first)
    else:
        assert report.title in (first[0], None) and report.title != "".join(first)


@pytest.mark.parametrize(
    "under",
    [
        ["（2026年12月10日）"],
        ["(2026.12.10)"],
        ["2026年12月"],
        ["二〇二六年十二月"],
        ["述职人：张某某"],
        ["（2026年12月10日）", "某某县档案馆党支部"],
    ],
)
def test_what_is_set_under_the_title_is_not_the_opening(under: list[str]) -> None:
    report = parse(TITLE, *under, OPENING, "一、主要工作", "内容。")
    assert (report.title, report.byline, report.opening) == (TITLE, under, [OPENING])


def test_a_bracketed_period_under_the_title_is_part_of_it() -> None:
    report = parse("某某县档案馆党支部党建工作总结", "（2026年度）", "（2026年12月10日）", OPENING, "一、主要工作", "内容。")
    assert report.title == "某某县档案馆党支部党建工作总结（2026年度）"
    assert report.byline == ["（2026年12月10日）"] and report.opening == [OPENING]


def test_without_a_title_nothing_is_a_byline() -> None:
    report = parse("（2026年12月10日）", OPENING, "一、主要工作", "内容。")
    assert report.byline == [] and report.opening[-1] == OPENING


def test_parts_rank_above_chinese_numerals() -> None:
    report = parse(
        TITLE, OPENING, "第一部分 上半年工作情况", "一、强化理论武装", "内容。", "二、夯实基础", "内容。",
        "第二部分：存在的问题", "问题。", "第三部分　下半年打算", "打算。",
    )
    assert tree(report) == [
        (1, "第一部分\u3000", "上半年工作情况"), (2, "一、", "强化理论武装"), (2, "二、", "夯实基础"),
        (1, "第二部分：", "存在的问题"), (1, "第三部分\u3000", "下半年打算"),
    ]


def test_a_sentence_starting_with_a_part_is_body_text() -> None:
    assert classify("第一部分内容主要讲理论学习，要求每名党员参加。") is None


def test_the_attachment_list_is_closing_not_headings() -> None:
    report = parse(
        TITLE, OPENING, "一、主要工作", "内容。", "二、下一步打算", "一是加强学习；二是推动融合。",
        "附件：1.党建工作台账", "2.党员发展情况统计表", "某某县档案馆党支部", "2026年7月8日",
    )
    assert tree(report) == [(1, "一、", "主要工作"), (1, "二、", "下一步打算")]
    assert report.sections[-1].body == ["一是加强学习；二是推动融合。"]
    assert report.closing == ["附件：1.党建工作台账", "2.党员发展情况统计表", "某某县档案馆党支部", "2026年7月8日"]


def test_title_with_dash_subtitle() -> None:
    report = parse("凝心聚力促发展", "——某某县档案馆党支部2024年工作总结", OPENING, "一、主要工作", "内容。")
    assert report.title == "凝心聚力促发展——某某县档案馆党支部2024年工作总结"
    assert report.opening == [OPENING]


def test_closing_after_the_last_section() -> None:
    report = parse(OPENING, "——强基础。夯实基础。", "——提能力。开展培训。",
                   "下一步，支部将持续加强自身建设，推动档案事业高质量发展。")
    assert report.closing == ["下一步，支部将持续加强自身建设，推动档案事业高质量发展。"]
    assert report.sections[-1].body == ["开展培训。"]


def test_signature_and_date_are_closing() -> None:
    report = parse(OPENING, "一、主要工作", "内容一。", "内容二。", "某某县档案馆党支部", "2024年12月20日")
    assert report.sections[0].body == ["内容一。", "内容二。"]
    assert report.closing == ["某某县档案馆党支部", "2024年12月20日"]
    assert report.warnings == []


def test_first_paragraph_of_last_section_is_never_closing() -> None:
    report = parse("一、主要工作", "内容。", "二、存在问题", "总之，支部工作还存在一些不足。")
    assert report.closing == []
    assert report.sections[-1].body == ["总之，支部工作还存在一些不足。"]


def test_forward_looking_last_section_keeps_its_paragraphs() -> None:
    report = parse("一、主要工作", "内容。", "二、下一步工作打算", "（一）加强学习", "内容。",
                   "下一步，支部将继续加强学习。")
    assert report.closing == []
    assert report.walk()[-1].body == ["内容。", "下一步，支部将继续加强学习。"]


PLANS = "一是深化理论武装。二是推动党建与业务深度融合。"
RESOLVE = "2027年，支部将继续以党的政治建设为统领，为统计事业发展提供坚强保证。"


def test_next_years_resolve_after_a_list_of_plans_is_the_closing() -> None:
    report = parse(OPENING, "一、主要工作", "内容。", "二、下一步工作打算", PLANS, RESOLVE, "某某县统计局机关党支部")
    assert report.closing == [RESOLVE, "某某县统计局机关党支部"]
    assert report.sections[-1].body == [PLANS]


@pytest.mark.parametrize("body", [
    [RESOLVE],  # the section's first paragraph is its own
    ["2027年，支部将一是深化理论武装，二是推动融合。", RESOLVE.replace("2027年，", "一是", 1)],  # no list before
    [PLANS, "三是2027年，支部将抓好支部换届。"],  # a plan of the list
])
def test_a_plan_is_not_taken_for_the_closing(body: list[str]) -> None:
    report = parse(OPENING, "一、主要工作", "内容。", "二、下一步工作打算", *body)
    assert report.closing == []


@pytest.mark.parametrize("formula", ["以上是本人的述职报告，不妥之处，恳请批评指正。", "以上述职，请予评议。", "特此报告。"])
def test_the_formula_a_report_ends_with_is_closing_under_any_heading(formula: str) -> None:
    report = parse(OPENING, "一、主要工作", "内容。", "二、下一步努力方向", PLANS, formula, "述职人：张某某")
    assert report.closing == [formula, "述职人：张某某"]


def test_body_paragraphs_after_last_heading_stay_in_it() -> None:
    report = parse("一、主要工作", "内容一。", "内容二。")
    assert report.sections[0].body == ["内容一。", "内容二。"]
    assert report.closing == []


# --- points ---------------------------------------------------------------------------


def test_points_with_leads() -> None:
    section = parse("一、强化理论武装。一是坚持集中学习。全年12次。二是开展专题研讨，形成成果4篇；"
                    "三是讲好专题党课：书记带头讲。").sections[0]
    assert [(p.ordinal, p.lead) for p in section.points] == [
        ("一是", "坚持集中学习"), ("二是", "开展专题研讨"), ("三是", "讲好专题党课"),
    ]
    assert section.points[0].text == "一是坚持集中学习。全年12次。"
    assert section.points[2].text == "三是讲好专题党课：书记带头讲。"


def test_points_across_paragraphs_of_one_section() -> None:
    section = parse("一、主要工作", "一是加强学习。内容。", "二是规范管理。内容。").sections[0]
    assert [p.lead for p in section.points] == ["加强学习", "规范管理"]


def test_one_shi_inside_a_word_is_not_a_point() -> None:
    section = parse("一、主要工作", "档案统一是基础，一是说法不对。二是没有出现在句首。").sections[0]
    assert [p.ordinal for p in section.points] == ["二是"]


def test_lone_one_shi_is_not_an_enumeration() -> None:
    assert parse("一、主要工作", "一是我们的目标。").sections[0].points == []


def test_enumeration_starting_at_two_is_kept_and_warned() -> None:
    report = parse("一、主要工作", "内容。二是加强廉政教育。内容。")
    assert [p.lead for p in report.sections[0].points] == ["加强廉政教育"]
    assert report.warnings == ["要点编号不从一是开始：第一个是二是（第2行）"]


def test_point_numbering_gap_is_warned() -> None:
    report = parse("一、主要工作", "一是甲。二是乙。四是丁。")
    assert report.warnings == ["要点编号不连续：二是之后是四是（第2行）"]


def test_points_belong_to_their_own_section_only() -> None:
    report = parse("一、主要工作", "一是甲。二是乙。", "（一）学习", "一是丙。二是丁。三是戊。")
    assert [p.lead for p in report.sections[0].points] == ["甲", "乙"]
    assert [p.lead for p in report.sections[0].children[0].points] == ["丙", "丁", "戊"]


# --- warnings -------------------------------------------------------------------------


def test_irregular_numbering_is_kept_and_warned() -> None:
    report = parse(OPENING, "一、主要工作", "内容。", "四、存在问题", "内容。", "五、下一步打算", "内容。")
    assert [s.marker for s in report.sections] == ["一、", "四、", "五、"]
    assert report.warnings == ["第1级标题编号不连续：一、之后是四、（第4行）"]


def test_numbering_not_starting_at_one_is_warned() -> None:
    report = parse("一、主要工作", "（二）组织建设", "内容。")
    assert report.warnings == ["第2级标题编号不从1开始：第一个是（二）（第2行）"]


def test_numbering_restarts_under_each_parent() -> None:
    report = parse("一、甲", "（一）子。内容。", "（二）子。内容。", "二、乙", "（一）子。内容。")
    assert report.warnings == []


def test_no_headings() -> None:
    report = parse(OPENING, "支部全年学习12次。", "支部发展党员1名。")
    assert report.sections == []
    assert report.opening == [OPENING, "支部全年学习12次。", "支部发展党员1名。"]
    assert report.warnings == ["未识别到任何标题：全文按开头正文处理"]


def test_truncated_report() -> None:
    report = parse(OPENING, "一、主要工作", "支部全年学习12次，开展专题研讨")
    assert report.sections[0].body == ["支部全年学习12次，开展专题研讨"]
    assert report.warnings == ["报告可能不完整：最后一段在句中结束（第3行）"]


def test_report_ending_with_a_bare_heading() -> None:
    report = parse(OPENING, "一、主要工作", "内容。", "二、存在问题")
    assert report.warnings == ["报告可能不完整：最后一个标题“存在问题”下没有内容（第4行）"]


# --- hard-wrapped text ----------------------------------------------------------------

WRAPPED = [
    "某某县档案馆党支部2024年工作总结",
    "今年以来，支部坚持以党建引领档案业务发展",
    "，各项工作取得新进展。",
    "一、强化理论武装",
    "支部坚持把理论学习摆在首位，全年组织集中",
    "学习12次，开展专题研讨4次，党员参学率达到",
    "百分之百。",
    "二、坚持从严治党，全面加强组织建设。支部严",
    "格落实三会一课制度，按月开展主题党日活动",
    "，全年发展预备党员1名。",
]


def test_hard_wrapped_lines_are_rejoined() -> None:
    report = parse(*WRAPPED)
    assert report.title == "某某县档案馆党支部2024年工作总结"
    assert report.opening == ["今年以来，支部坚持以党建引领档案业务发展，各项工作取得新进展。"]
    assert tree(report) == [(1, "一、", "强化理论武装"), (1, "二、", "坚持从严治党，全面加强组织建设")]
    assert report.sections[0].body == ["支部坚持把理论学习摆在首位，全年组织集中学习12次，开展专题研讨4次，党员参学率达到百分之百。"]
    assert report.sections[1].body == ["支部严格落实三会一课制度，按月开展主题党日活动，全年发展预备党员1名。"]
    assert report.warnings == []


def test_wrapped_first_paragraph_without_title() -> None:
    report = parse(
        "今年以来，支部坚持以党建引领档案业务发展",
        "全面推进档案工作高质量发展取得明显成效各项",
        "任务圆满完成。",
        *WRAPPED[3:],
    )
    assert report.title is None
    assert report.opening == ["今年以来，支部坚持以党建引领档案业务发展全面推进档案工作高质量发展取得明显成效各项任务圆满完成。"]
    assert len(report.sections) == 2


def test_unwrapped_short_lines_are_not_joined() -> None:
    report = parse(OPENING, "一、主要工作", "内容。", "某某县档案馆党支部", "2024年12月20日")
    assert report.closing == ["某某县档案馆党支部", "2024年12月20日"]


# --- noise, lines, inputs -------------------------------------------------------------


def test_noise_is_removed_and_line_numbers_are_source_lines() -> None:
    report = parse(TITLE, "##paidbegin##", "一、主要工作", "内容。",
                   "【某某素材】每日更新，会员一键下载，有意加入请联系：12 3456")
    assert report.sections[0].line == 3
    assert report.sections[0].body == ["内容。"]
    assert [n.line for n in report.noise] == [2, 5]


def test_markdown_heading_hashes_are_ignored() -> None:
    report = parse(f"# {TITLE}", "## 一、主要工作", "内容。")
    assert report.title == TITLE
    assert tree(report) == [(1, "一、", "主要工作")]


def test_placeholders_are_recorded() -> None:
    assert parse("XX县档案馆**同志讲党课。").placeholders == ["XX", "**"]


def test_parse_report_accepts_source_text() -> None:
    source = SourceText(Path("r.docx"), f"{TITLE}\n一、主要工作\n内容。", "docx", skipped=["跳过表格1个"])
    report = parse_report(source)
    assert report.source == "r.docx"
    assert report.warnings == ["跳过表格1个"]


def test_parse_lines_is_pure_on_lines() -> None:
    lines = [TITLE, "一、主要工作", "内容。"]
    assert parse_lines(lines, "a").to_json() == parse_lines(list(lines), "a").to_json()


_PIECES = st.sampled_from(
    ["一、", "二、", "四、", "（一）", "(二)", "1.", "2、", "（1）", "——", "一是", "二是", "", "XX", "**"]
)
_WORDS = st.sampled_from(["加强学习", "规范管理，落实责任", "全年12次", "下一步", "2023年", "某某支部", ""])
_ENDS = st.sampled_from(["。", "", "：", "；", "。内容。", " 支部工作，稳步推进。"])


@given(st.lists(st.tuples(_PIECES, _WORDS, _ENDS).map("".join), max_size=25))
def test_any_text_parses_into_a_consistent_tree(lines: list[str]) -> None:
    report = parse_lines(lines)
    for section in report.walk():
        assert section.title
        assert all(child.level == section.level + 1 for child in section.children)
    assert all(s.level == 1 for s in report.sections)


# --- numbering past 99, dotted decimals, invisible characters --------------------------------


def test_headings_numbered_past_ninety_nine() -> None:
    lines = []
    for n in ("九十八", "九十九", "一百", "一百零一", "一百一十"):
        lines += [f"{n}、第{n}项工作", "内容。"]
    report = parse(*lines)
    assert [s.marker for s in report.sections] == ["九十八、", "九十九、", "一百、", "一百零一、", "一百一十、"]
    assert report.warnings == ["第1级标题编号不从1开始：第一个是九十八、（第1行）", "第1级标题编号不连续：一百零一、之后是一百一十、（第9行）"]
    assert [s.marker for s in parse("100.第一百项", "内容。", "101.第一百零一项", "内容。").sections] == ["100.", "101."]


def test_dotted_decimal_headings_nest_under_their_parent() -> None:
    report = parse("一、部署方式", "1.1 基础资源", "内容。", "1.2 网络资源", "内容。",
                   "二、运维", "2.1 日常运维", "2.1.1 巡检", "内容。")
    assert tree(report) == [
        (1, "一、", "部署方式"), (2, "1.1", "基础资源"), (2, "1.2", "网络资源"),
        (1, "二、", "运维"), (2, "2.1", "日常运维"), (3, "2.1.1", "巡检"),
    ]


@pytest.mark.parametrize("mark", ["\u200b", "\u200c", "\u200d", "\u2060", "\u200f", "\u200e", "\ufeff", "\u00ad", "\u202a"])
def test_invisible_characters_do_not_hide_headings(mark: str) -> None:
    report = parse(f"{mark}一{mark}、强化理论武装", f"支部全年学习１２次。{mark}", f"{mark}（二）加强组织建设", "内容。")
    assert [(s.marker, s.title) for s in report.walk()] == [("一、", "强化理论武装"), ("（二）", "加强组织建设")]
    assert report.sections[0].body == ["支部全年学习12次。"]


def test_full_width_digits_are_read_and_full_width_punctuation_kept() -> None:
    report = parse("（１）按月学习。全年１２次，参学率１００％。")
    assert (report.sections[0].marker, report.sections[0].body) == ("（1）", ["全年12次，参学率100％。"])


def test_drafters_own_markdown_bold_run_in_headings_read_as_headings() -> None:
    report = parse("一、主要工作", "**（一）带头领学促学，筑牢政治忠诚**。一是坚持集中学习。二是带头讲党课。",
                   "**（二）加强作风建设**。全年发展党员**名。")
    first, second = report.sections[0].children
    assert (first.title, first.run_in) == ("带头领学促学，筑牢政治忠诚", True)
    assert "**" not in first.body[0]
    assert second.body == ["全年发展党员**名。"]  # ** elsewhere is a placeholder, left for 核稿
