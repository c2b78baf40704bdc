"""Each fact once and where it belongs (issue 19, items 1 and 2), on the shipped library.

The answers are written inline as a user's answers file would hold them: a 党总支's half-year
report whose counts were typed in the wrong sub-parts and whose own detail already states one.
"""

from __future__ import annotations

import re
import textwrap
from pathlib import Path

import pytest

from drafter.answers.answers import read_answers
from drafter.composing.composer import compose
from drafter.library.outline import Library, load_library
from drafter.writers.render import text_of_document

HOSPITAL = """
outline: half_year
organisation: general_branch
unit: 某某县人民医院机关党总支
year: 2026
period: 上半年
date: 2026-07-06
sections:
  - topic: other_1
    heading: 上半年重点工作推进情况
    children:
      - topic: politics
        heading: 强化理论武装，筑牢思想根基
        measures:
          - item: 坚持集中学习与个人自学相结合
            detail: 结合医德医风建设开展交流研讨
        numbers:
          开展集中学习: 6
      - topic: organization
        heading: 落实“三会一课”，规范组织生活
        measures:
          - item: 严格执行“三会一课”制度
            detail: 按计划召开总支委员会会议和党员大会，总支书记带头讲党课
          - item: 认真召开组织生活会
            detail: 会前广泛谈心谈话，会上开展批评和自我批评
        numbers:
          召开总支委员会会议: 6
          开展主题党日活动: 6
          撰写心得体会: 40
          开展谈心谈话: 35
      - topic: organization
        heading: 丰富主题党日，增强组织活力
        measures:
          - item: 规范开展主题党日活动
            detail: 结合义诊下乡、健康宣讲开展主题党日
      - topic: members
        heading: 严格党员发展，提升队伍质量
        measures:
          - item: 严格执行发展党员工作流程
            detail: 上半年发展党员2名，均为临床一线业务骨干，严格落实政治审查和公示制度
        numbers:
          发展党员: 2
          确定发展对象: 3
      - topic: integrity
        heading: 深化警示教育，筑牢廉洁防线
        text: 组织党员观看警示教育片，通报医疗领域典型案例。
        numbers:
          开展警示教育: 3
  - topic: problems
    heading: 存在的问题
    measures:
      - item: 理论学习的深度和系统性还不够
  - topic: next_steps
    heading: 下半年工作打算
    measures:
      - item: 用好典型案例开展警示教育
"""


@pytest.fixture(scope="module")
def library() -> Library:
    return load_library()


def draft(tmp_path: Path, library: Library, text: str = HOSPITAL) -> list[str]:
    path = tmp_path / "x.answers.yaml"
    path.write_text(textwrap.dedent(text).lstrip(), encoding="utf-8")
    markdown = text_of_document(compose(read_answers(path, library), library), "md")
    return [line for line in markdown.splitlines() if line.strip()]


def paragraph_after(lines: list[str], heading: str) -> str:
    n = next(i for i, line in enumerate(lines) if heading in line)
    return lines[n + 1]


def test_a_count_the_detail_states_is_not_said_again(tmp_path: Path, library: Library) -> None:
    text = paragraph_after(draft(tmp_path, library), "严格党员发展")
    assert text.count("发展党员2名") == 1
    # the other count follows once, without the period word the detail already tallied
    assert text.endswith("严格落实政治审查和公示制度，确定发展对象3名。")


def test_a_count_goes_to_the_part_whose_measure_proves_it(tmp_path: Path, library: Library) -> None:
    lines = draft(tmp_path, library)
    # in the clause that ends with the activity: 结合义诊下乡、健康宣讲开展主题党日6次
    assert "开展主题党日6次" in paragraph_after(lines, "丰富主题党日")
    assert "主题党日" not in paragraph_after(lines, "落实“三会一课”")


def test_a_count_of_another_topic_goes_to_a_part_of_its_topic(tmp_path: Path, library: Library) -> None:
    lines = draft(tmp_path, library)
    assert "撰写心得体会40篇" in paragraph_after(lines, "强化理论武装")
    assert "心得体会" not in paragraph_after(lines, "落实“三会一课”")


def test_a_count_stays_with_the_measure_in_its_part_and_no_besides(tmp_path: Path, library: Library) -> None:
    lines = draft(tmp_path, library)
    three = paragraph_after(lines, "落实“三会一课”")
    assert "召开总支委员会会议6次" in three and "谈心谈话35人次" in three
    assert "此外" not in "".join(lines)


def test_a_plan_proves_no_figure(tmp_path: Path, library: Library) -> None:
    """用好典型案例开展警示教育 names the work of a count, but a next step is not done yet."""
    lines = draft(tmp_path, library)
    assert "警示教育3次" in paragraph_after(lines, "深化警示教育")
    assert "3次" not in paragraph_after(lines, "下半年工作打算")


def test_a_count_is_folded_where_the_detail_says_how_often(tmp_path: Path, library: Library) -> None:
    text = HOSPITAL.replace("detail: 结合医德医风建设开展交流研讨", "detail: 每月组织一次集中学习")
    first = paragraph_after(draft(tmp_path, library, text), "强化理论武装")
    assert "每月组织一次集中学习，上半年共6次" in first
    assert first.count("集中学习") == 2  # the measure and the detail, never a third for the count


def test_figures_after_a_list_are_said_by_who_did_them(tmp_path: Path, library: Library) -> None:
    """Counts no listed point proves close the list as the work of the organisation, not 此外."""
    text = HOSPITAL.replace("          开展谈心谈话: 35\n", "          开展谈心谈话: 35\n          召开党员大会: 2\n")
    text = text.replace("detail: 按计划召开总支委员会会议和党员大会，总支书记带头讲党课", "detail: 总支书记带头讲党课")
    text = text.replace("- item: 严格执行“三会一课”制度", "- item: 落实组织生活制度")
    three = paragraph_after(draft(tmp_path, library, text), "落实“三会一课”")
    assert three.startswith("一是")
    assert "党总支严格执行“三会一课”制度，上半年召开总支委员会会议6次、党员大会2次；开展谈心谈话35人次。" in three
    assert "此外" not in three


def test_a_measure_leads_figures_only_when_it_is_the_work_of_them_all(tmp_path: Path, library: Library) -> None:
    """建设学习型党组织 proves 撰写心得体会 but not 举办专题辅导讲座: it does not lead both."""
    text = HOSPITAL.replace("        numbers:\n          开展集中学习: 6\n",
                            "        numbers:\n          撰写心得体会: 2\n          举办专题辅导讲座: 9\n")
    text = text.replace("          - item: 坚持集中学习与个人自学相结合\n            detail: 结合医德医风建设开展交流研讨\n",
                        "          - item: 落实“第一议题”制度\n          - item: 开展专题研讨\n")
    text = text.replace("          撰写心得体会: 40\n", "")
    first = paragraph_after(draft(tmp_path, library, text), "强化理论武装")
    assert "专题辅导讲座9场" in first and "心得体会2篇" in first
    led = re.search(r"党总支([^，。；]*)，上半年[^；。]*；?[^。]*。", first)
    assert led is not None, first  # one sentence, led by who did it
    lead = library.knowledge.measures_for("politics", "general_branch")
    prover = next(m for m in lead if m.text == led[1])
    ids = {e.id for e in prover.counts}
    before, _, after = led[0].partition("；")
    assert ("guidance_lectures" in ids) == ("专题辅导讲座9场" in before)
    assert ("study_notes" in ids) == ("心得体会2篇" in before)


def test_a_part_that_says_only_its_counts_keeps_them(tmp_path: Path, library: Library) -> None:
    """主题党日 typed in a sub-part with nothing else stays there: moved, the heading would go."""
    text = HOSPITAL.replace(
        "        measures:\n          - item: 规范开展主题党日活动\n            detail: 结合义诊下乡、健康宣讲开展主题党日\n",
        "        numbers:\n          开展主题党日活动: 6\n",
    ).replace("          开展主题党日活动: 6\n          撰写心得体会: 40\n", "          撰写心得体会: 40\n")
    text = text.replace("      - topic: organization\n        heading: 丰富主题党日", "      - topic: organization\n        heading: 丰富主题党日")
    lines = draft(tmp_path, library, text.replace("          - item: 严格执行“三会一课”制度\n",
                                                   "          - item: 严格执行“三会一课”制度\n          - item: 规范开展主题党日活动\n"))
    assert any("丰富主题党日" in line for line in lines)
    assert "主题党日活动6次" in paragraph_after(lines, "丰富主题党日")


def test_a_count_is_not_folded_into_a_clause_about_something_else(tmp_path: Path, library: Library) -> None:
    """定期组织学习心得交流 says how often 心得 are exchanged, not how many were written."""
    text = HOSPITAL.replace("detail: 结合医德医风建设开展交流研讨", "detail: 定期组织学习心得交流、互学互鉴")
    first = paragraph_after(draft(tmp_path, library, text), "强化理论武装")
    assert "共40篇" not in first and "撰写心得体会40篇" in first, first
