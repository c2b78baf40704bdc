"""The wizard (`run_wizard`) driven by a scripted prompter: flow, offers, review, resume.

The prompter answers from a script and records every prompt (tests/scripted.py), so these tests
run the real interview without a terminal. Real key presses are tested in test_prompts.py and
at a real terminal in test_terminal.py.
"""

from __future__ import annotations

import datetime as dt
import re
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest
import yaml

from drafter.domain.naming import answers_beside
from drafter.errors import Interrupted, MissingAnswersError, OutputError, SavedForLater
from drafter.library.outline import Library
from drafter.wizard.part_questions import DETAILS_PROMPT, OWN_OPTION
from drafter.wizard.wizard import run_wizard
from tests.helpers import build_file_tree, load_answers
from tests.scripted import CTRL_C, ENTER, Scripted, choose, tick
from tests.wizard.kit import (
    BANK_ITEM,
    BASICS,
    TODAY,
    UNIT,
    answers_of,
    wizard,
)


def politics_steps() -> list[Any]:
    """The politics part: bank item, learned point and an own item; a detail for the own one."""
    return [
        tick(BANK_ITEM, "开展专题研讨", OWN_OPTION, keep=False),  # measures
        "带头讲党课",  # an own item
        ENTER,  # no more own items
        tick("带头讲党课"),  # only the own item gets a detail prompt
        "书记带头讲党课2次",  # its detail
        "12", ENTER, ENTER, ENTER, ENTER, ENTER,  # six counts: 开展集中学习 12, the rest blank
        "第一段\n\n第二段",  # text
    ]


def problems_steps() -> list[Any]:
    return [tick("理论学习的深度", keep=False), ENTER, ENTER]  # one problem, no detail, no text


def test_first_pass_offers_the_bank_asks_details_only_when_chosen_and_writes(
    library: Library, tmp_path: Path
) -> None:
    out = tmp_path / "out.md"
    prompter = Scripted(*BASICS, ENTER, *politics_steps(), *problems_steps(), ENTER)
    assert wizard(library, out, prompter) == out

    data = answers_of(out)
    assert data["organisation"] == "branch" and data["outline"] == "general"
    assert data["year"] == TODAY.year and data["period"] == "全年" and data["date"] == "2025-12-05"
    assert data["title"] == f"{UNIT}{TODAY.year}年度党建工作总结" and data["signature"] == UNIT
    politics, problems = data["sections"]
    assert politics["heading"] == "加强理论武装"  # not asked: the parts checkbox shows it
    bank = library.knowledge.bank_measure("politics", BANK_ITEM)
    assert bank is not None and politics["measures"][0]["detail"] in bank.details  # used as it is
    assert politics["measures"][1:] == [
        {"item": "开展专题研讨", "detail": ""},
        {"item": "带头讲党课", "detail": "书记带头讲党课2次"},
    ]
    assert politics["numbers"] == {
        "开展集中学习": 12, "开展专题研讨": None, "撰写心得体会": None, "开展专题调研": None,
        "形成调研报告": None, "举办专题辅导讲座": None,
    }
    assert politics["text"] == "第一段\n\n第二段"
    assert problems["measures"] == [
        {"item": "理论学习的深度和系统性还不够，学用结合不够紧密", "detail": ""}
    ]
    text = out.read_text(encoding="utf-8")
    assert re.search(r"集中学习[^。]*12次", text) and "带头讲党课" in text  # the count, in its measure
    load_answers(answers_beside(out), library)  # the saved file is valid

    details = [s for s in prompter.asked if "的具体情况" in s.message]
    assert [s.message for s in details] == ["“带头讲党课”的具体情况（可留空）"]
    measures = next(s for s in prompter.asked if s.message == "写哪几条做法？")
    titles = [o.title for o in measures.options]
    assert titles[0] == BANK_ITEM and titles[-1] == OWN_OPTION
    # the learned 坚持集中学习 is the bank's 坚持集中学习与个人自学相结合 (one activity): offered once
    assert "开展专题研讨" in titles and "坚持集中学习" not in titles
    assert not any("XX" in t or "《" in t for t in titles)
    # A part asked for the first time comes with the bank's three most common measures ticked.
    assert [o.title for o in measures.options if o.checked] == titles[:3]


def test_counts_come_from_the_catalogue_for_the_organisation(library: Library, tmp_path: Path) -> None:
    """A 党支部 is never asked about 中心组; learned keys are asked only as catalogue entries."""
    branch = Scripted(*BASICS, ENTER, rest=ENTER)
    wizard(library, tmp_path / "branch.md", branch)
    counts = [s.message for s in branch.asked if s.message.endswith(("（次）", "（篇）", "（场）", "（个）"))]
    # the counts the ticked measures prove first (集中学习 and 专题调研 with their bank
    # measures), then the rest of the catalogue's in its order
    assert sorted(counts[:6]) == sorted([
        "开展集中学习（次）", "开展专题研讨（次）", "撰写心得体会（篇）", "开展专题调研（次）",
        "形成调研报告（篇）", "举办专题辅导讲座（场）",
    ])
    assert counts[0] == "开展集中学习（次）"
    assert len(counts) == 6 and not any("中心组" in c or "排查问题" in c for c in counts)
    assert any("另有 1 项数字（检视查摆问题）" in line for line in branch.said)  # 排查问题, behind 更多数字

    group = Scripted(choose("党组"), *BASICS[1:], ENTER, rest=ENTER)
    wizard(library, tmp_path / "group.md", group)
    asked = [s.message for s in group.asked]
    assert "组织理论学习中心组集体学习（次）" in asked and "开展“第一议题”学习（次）" in asked
    assert answers_of(tmp_path / "group.md")["organisation"] == "party_group"


def test_annual_default_path_needs_at_most_60_prompts(shipped: Library, tmp_path: Path) -> None:
    """Issue 9: a new user's annual report for a 党支部, Enter through with the unit typed."""
    prompter = Scripted(ENTER, choose("年度党建工作总结"), "某某县自然资源局机关党支部", rest=ENTER)
    out = wizard(shipped, tmp_path / "annual.md", prompter)
    assert out.exists()
    count = len(prompter.asked)
    print(f"\n  annual report, default path: {count} prompts")
    assert count <= 60
    assert not any("时间段" in m for m in prompter.messages)  # the kind answers it
    assert answers_of(out)["period"] == "全年"
    banners = [line for line in prompter.said if line.startswith("—— ")]
    assert banners[0] == "—— 一、坚持对标看齐，全面加强党的建设 ——"
    parts = next(s for s in prompter.asked if s.message.startswith("这次总结写哪几部分"))
    assert not any(o.checked for o in parts.options if o.title.startswith("　"))  # sub-parts
    asked = " ".join(prompter.messages)
    for wanted in ("召开支委会", "召开党员大会", "开展主题党日活动", "讲授党课"):
        assert wanted in asked
    assert "中心组" not in asked and "党组会议" not in asked
    assert not {"排查问题（个）", "解决（个）", "学习（次）"} & set(prompter.messages)  # raw learned keys


@pytest.mark.parametrize("organisation", ["党支部", "党组"])
def test_every_shipped_kind_has_a_short_default_path(
    shipped: Library, tmp_path: Path, organisation: str
) -> None:
    """Sub-sub-sections (1. under （一）) are never pre-ticked: one report's detail."""
    for outline in shipped.outlines.values():
        prompter = Scripted(choose(organisation), choose(outline.kind), UNIT, rest=ENTER)
        wizard(shipped, tmp_path / f"{outline.id}.md", prompter)
        assert len(prompter.asked) <= 60, outline.id
        parts = next(s for s in prompter.asked if s.message.startswith("这次总结写哪几部分"))
        assert not any(o.checked for o in parts.options if o.title.startswith("　" * 4))


def test_in_january_the_year_offered_is_the_one_just_ended(
    shipped: Library, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    class January(dt.date):
        @classmethod
        def today(cls) -> January:
            return cls(2027, 1, 12)

    monkeypatch.setattr("drafter.wizard.wizard.dt", type("dt", (), {"date": January}))
    prompter = Scripted(ENTER, choose("年度党建工作总结"), UNIT, rest=ENTER)
    wizard(shipped, tmp_path / "out.md", prompter)
    assert next(s for s in prompter.asked if s.message == "年度").default == "2026"
    data = answers_of(tmp_path / "out.md")
    assert data["year"] == 2026 and data["title"].endswith("2026年度党建工作总结")


def test_learned_headings_are_said_for_this_year_and_other_is_no_topic(
    shipped: Library, tmp_path: Path
) -> None:
    prompter = Scripted(ENTER, choose("述职报告"), UNIT, rest=ENTER)
    wizard(shipped, tmp_path / "out.md", prompter)
    parts = next(s for s in prompter.asked if s.message.startswith("这次总结写哪几部分"))
    year = answers_of(tmp_path / "out.md")["year"]
    titles = [o.title.strip("\u3000") for o in parts.options]
    assert titles[0] == f"{year}年度党建工作完成情况"  # learned from a 2022 report: 2022年度中心…
    assert f"{year + 1}年党建工作思路（下一步工作）" in titles
    assert [s["heading"] for s in answers_of(tmp_path / "out.md")["sections"]][0] == titles[0]


def test_title_opening_and_signature_name_the_unit_as_its_party_organisation(
    shipped: Library, tmp_path: Path
) -> None:
    prompter = Scripted(choose("党组"), choose("年度党建工作总结"), "某某市财政局", rest=ENTER)
    wizard(shipped, tmp_path / "out.md", prompter)
    assert next(s for s in prompter.asked if s.message == "落款单位").default == "某某市财政局党组"
    assert next(s for s in prompter.asked if s.message == "标题").default.startswith("某某市财政局党组20")
    text = (tmp_path / "out.md").read_text(encoding="utf-8")
    opening = text.split("\n\n")[1]
    assert opening.startswith("一年来，某某市财政局党组")  # the opening speaks of the Party organisation


def test_the_free_text_prompt_fits_the_part(shipped: Library, tmp_path: Path) -> None:
    """Problems and next steps are not asked for 做法、成效 and 典型事例."""
    prompter = Scripted(ENTER, choose("年度党建工作总结"), UNIT, rest=ENTER)
    wizard(shipped, tmp_path / "out.md", prompter)
    asked = {
        banner.split("、", 1)[1]: spec.message
        for banner, spec in zip(prompter.banners, prompter.asked, strict=True)
        if spec.widget == "multiline" and spec.message.startswith("正文")
    }
    assert asked["工作中存在的问题及原因"] == "正文（问题的具体表现、原因分析）"
    assert asked["下一步工作思路和措施"] == "正文（具体打算、目标和时限）"
    assert asked["坚持对标看齐，全面加强党的建设"] == "正文（做法、成效、亮点和典型事例）"


def test_a_part_whose_sub_parts_hold_the_work_asks_only_for_its_lead(
    shipped: Library, tmp_path: Path
) -> None:
    prompter = Scripted(ENTER, choose("上半年党建工作开展情况汇报"), UNIT, rest=ENTER)
    wizard(shipped, tmp_path / "out.md", prompter)
    asked = [
        spec.message for banner, spec in zip(prompter.banners, prompter.asked, strict=True)
        if banner == "一、主要工作开展"
    ]
    assert asked == ["正文（写在各小标题之前的总述）"]  # no 自己写一条 for the parent


def test_next_steps_come_ticked_to_answer_the_problems_ticked(
    shipped: Library, tmp_path: Path
) -> None:
    out = tmp_path / "out.md"
    problems = tick("个别党员先锋模范作用", "组织生活形式比较单一", keep=False)
    prompter = Scripted(
        ENTER, choose("年度党建工作总结"), UNIT, by_message={"存在哪些问题": problems}, rest=ENTER
    )
    wizard(shipped, out, prompter)
    steps = next(s for s in prompter.asked if s.message == "下一步抓哪几项工作？")
    ticked = [o.title for o in steps.options if o.checked]
    assert ticked == [o.title for o in steps.options[:2]] == [
        "创新组织生活方式，增强组织生活的吸引力和实效性",
        "加强党员教育管理，引导党员在岗位上争当先锋",
    ]
    last = answers_of(out)["sections"][-1]
    assert [m["item"] for m in last["measures"]] == ticked


def test_sub_parts_divide_the_parents_items_and_the_banner_shows_where(
    library: Library, tmp_path: Path
) -> None:
    out = tmp_path / "out.md"
    prompter = Scripted(
        ENTER, choose("书记述职报告"), UNIT, ENTER, ENTER, ENTER, ENTER, ENTER,
        tick("推动学用结合", "学习方面"),  # parts: the sub-parts pre-ticked only when always there
        by_message={"写哪几条做法": tick_if_offered(BANK_ITEM), "存在哪些问题": first_option},
        rest=ENTER,
    )
    wizard(library, out, prompter)
    parts = prompter.asked[8]
    assert [(o.title, o.checked) for o in parts.options] == [
        ("履职情况", True),
        ("　　带头学习理论（政治建设与理论学习）", True),  # share 1.0
        ("　　推动学用结合（政治建设与理论学习）", False),
        ("存在的问题（存在问题）", True),
        ("　　学习方面（存在问题）", False),
    ]
    offered = {
        banner: [o.title for o in spec.options]
        for banner, spec in _measure_prompts(prompter)
    }
    assert BANK_ITEM in offered["一、履职情况 › （一）带头学习理论"]
    assert BANK_ITEM not in offered["一、履职情况 › （二）推动学用结合"]  # divided, not repeated
    problems = offered["二、存在的问题"]
    child = offered["二、存在的问题 › （一）学习方面"]
    assert problems[0].startswith("理论学习的深度") and not any(t.startswith("理论学习的深度") for t in child)
    data = answers_of(out)
    duties, problems_part = data["sections"]
    assert [c["heading"] for c in duties["children"]] == ["带头学习理论", "推动学用结合"]
    assert [c["heading"] for c in problems_part["children"]] == ["学习方面"]


def tick_if_offered(title: str) -> Any:
    def answer(spec: Any) -> list[Any]:
        return [o.value for o in spec.options if o.title == title]

    return answer


def first_option(spec: Any) -> list[Any]:
    return [spec.options[0].value]


def _measure_prompts(prompter: Scripted) -> list[tuple[str, Any]]:
    """(banner, measures checkbox spec) for each part that had one."""
    return [
        (banner, spec)
        for banner, spec in zip(prompter.banners, prompter.asked, strict=True)
        if spec.widget == "checkbox" and spec.message in ("写哪几条做法？", "存在哪些问题？")
    ]


def test_the_review_is_honest_and_runs_the_checks(library: Library, tmp_path: Path) -> None:
    """An empty part says it is left out; 核稿 findings are counted per part before writing."""
    out = tmp_path / "out.md"
    politics = [tick(keep=False), "5", ENTER, ENTER, ENTER, ENTER, ENTER, "全年开展学习XX次。"]
    prompter = Scripted(
        *BASICS, ENTER, *politics, tick(keep=False), ENTER, choose("核稿结果"), choose("生成文档")
    )
    wizard(library, out, prompter)
    review = next(s for s in prompter.asked if s.message.startswith("核对一下"))
    lines = [o.title for o in review.options]
    assert lines[0] == f"基本信息  ✔ 已完成  {UNIT}"
    assert lines[1].startswith("一、加强理论武装  ✔ 已完成  0 条 · 数字 1 项 · 正文 10 字")
    assert "⚠ 核稿" in lines[1]
    assert lines[2] == "二、存在的问题  空：不写入文档  0 条 · 数字 0 项 · 正文 0 字"
    assert any(t.startswith("核稿结果（") for t in lines)
    summary = next(line for line in prompter.said if line.startswith("核稿："))
    assert "一、加强理论武装" in summary and "处" in summary
    assert any("占位符" in line and "XX" in line for line in prompter.said)  # the full list


def test_review_edits_a_part_changes_the_layout_and_fills_more_counts(
    shipped: Library, tmp_path: Path
) -> None:
    out = tmp_path / "out.md"
    first_pass = [
        ENTER, choose("年度党建工作总结"), UNIT, ENTER, ENTER, ENTER, ENTER,
        tick("创新方法方式", keep=False),  # one part only
        tick(keep=False), *[ENTER] * 7,  # no measures yet, six counts, text
    ]
    review = [
        choose("一、"), choose("标题："), "夯实组织基础，推动支部建设规范有序",
        choose("更多数字"), tick("开展谈心谈话"), "60",
        choose("写哪几条做法"), tick("严格执行“三会一课”制度"), ENTER,  # details: the bank's
        choose("返回总览"),
        choose("标题排法"), tick("一级标题", keep=False),
        choose("预览全文"), choose("生成文档"),
    ]
    prompter = Scripted(*first_pass, *review)
    wizard(shipped, out, prompter)
    data = answers_of(out)
    (part,) = data["sections"]
    assert part["heading"] == "夯实组织基础，推动支部建设规范有序"
    assert part["numbers"]["开展谈心谈话"] == 60
    assert part["measures"][0]["item"] == "严格执行“三会一课”制度"
    assert data["run_in_levels"] == [1, 2]  # level 2 keeps the kind's way
    preview = "\n".join(prompter.said).split("———— 预览 ————")[1]
    assert "一、夯实组织基础，推动支部建设规范有序。" in preview  # run-in: the heading ends in 。
    assert "开展谈心谈话60人次" in preview


def test_title_and_signature_left_at_their_default_follow_a_changed_unit(
    library: Library, tmp_path: Path
) -> None:
    out = tmp_path / "out.md"
    review = [
        choose("基本信息"), choose("落款单位"), "档案馆支部", choose("单位名称"), "某某县图书馆党支部",
        choose("返回总览"), choose("生成文档"),
    ]
    wizard(library, out, Scripted(*BASICS, ENTER, *[ENTER] * 8, ENTER, ENTER, *review))
    data = answers_of(out)
    assert data["unit"] == "某某县图书馆党支部"
    assert data["title"] == f"某某县图书馆党支部{TODAY.year}年度党建工作总结"
    assert data["signature"] == "档案馆支部"


def test_ctrl_c_saves_and_resume_asks_only_what_is_missing(library: Library, tmp_path: Path) -> None:
    out = tmp_path / "out.md"
    steps = [*BASICS, ENTER, *politics_steps(), *problems_steps(), ENTER]
    text_prompt = steps.index("第一段\n\n第二段")
    with pytest.raises(Interrupted) as exc:
        wizard(library, out, Scripted(*steps[:text_prompt], CTRL_C))
    answers = answers_beside(out)
    assert str(exc.value) == f"已保存到 {answers}；继续填写：drafter new --answers {answers} -o {out}"
    assert exc.value.exit_code == 130
    saved, _ = load_answers(answers, library)
    assert "text" not in saved["sections"][0] and saved["sections"][0]["numbers"]["开展集中学习"] == 12

    resumed = Scripted(*steps[text_prompt:])
    wizard(library, out, resumed, answers_path=answers)
    assert answers_of(out)["sections"][0]["text"] == "第一段\n\n第二段"
    assert resumed.messages[0] == "正文（做法、成效、亮点和典型事例）"


def test_an_answer_interrupted_while_saving_is_named_as_not_saved(
    library: Library, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from drafter.wizard import session

    out = tmp_path / "out.md"
    real = session.write_answers

    def interrupted_at_the_unit(path: Path, answers: Any) -> None:
        if answers.unit is not None:
            raise KeyboardInterrupt
        real(path, answers)

    monkeypatch.setattr(session, "write_answers", interrupted_at_the_unit)
    with pytest.raises(Interrupted) as exc:
        wizard(library, out, Scripted(*BASICS))
    message = str(exc.value)
    assert message.startswith("“单位名称”没有保存（保存时被中断）；此前的答案保存在")
    assert "unit" not in answers_of(out)  # the file is as it was before that answer


def test_nothing_is_saved_before_the_kind_is_chosen(library: Library, tmp_path: Path) -> None:
    with pytest.raises(Interrupted) as exc:
        wizard(library, tmp_path / "out.md", Scripted(ENTER, CTRL_C))
    assert str(exc.value) == "已取消，没有保存任何答案。"
    assert not answers_beside(tmp_path / "out.md").exists()


def test_save_and_quit_then_a_new_run_offers_to_continue(library: Library, tmp_path: Path) -> None:
    out = tmp_path / "out.md"
    steps = [*BASICS, ENTER, *politics_steps(), *problems_steps()]
    with pytest.raises(SavedForLater) as exc:
        wizard(library, out, Scripted(*steps, choose("保存并退出")))
    assert "继续填写：drafter new --answers" in str(exc.value) and not out.exists()
    assert exc.value.exit_code == 0 and exc.value.label == ""

    again = Scripted(True, ENTER)  # continue the saved answers; all answered: 生成文档
    wizard(library, out, again)
    assert out.exists() and answers_of(out)["unit"] == UNIT
    assert again.messages[0].startswith("发现上次保存的答案")


def test_existing_output_is_kept_without_consent(library: Library, tmp_path: Path) -> None:
    out = tmp_path / "out.md"
    out.write_text("旧文件", encoding="utf-8")
    with pytest.raises(OutputError, match="已存在"):
        wizard(library, out, Scripted(ENTER))  # the default answer is no
    assert out.read_text(encoding="utf-8") == "旧文件"
    assert not answers_beside(out).exists()

    wizard(library, out, Scripted(*BASICS, ENTER, rest=ENTER), force=True)  # no question
    assert out.read_text(encoding="utf-8") != "旧文件"


def test_data_is_never_evaluated_in_a_prompt(library: Library, tmp_path: Path) -> None:
    """Issue 11: count keys, items and headings from files are shown exactly as written."""
    keys = {"{{ 7*7 }}": 3, "学习{{ nope }}": 2, "{% for i in range(99999) %}{% for j in range(99999) %}x{% endfor %}{% endfor %}": 1}
    last = build_file_tree(tmp_path, {"last.answers.yaml": yaml.safe_dump({
        "outline": "short", "unit": "青松镇农技站党支部", "year": 2024, "period": "全年",
        "sections": [{
            "topic": "politics", "heading": "{{ 6*6 }}讲政治",
            "measures": [{"item": "{{ 5*5 }}条做法", "detail": ""}], "numbers": keys,
        }],
    }, allow_unicode=True)}) / "last.answers.yaml"
    prompter = Scripted(rest=ENTER)
    started = time.monotonic()
    wizard(library, tmp_path / "out.md", prompter, last_path=last)
    assert time.monotonic() - started < 5
    shown = prompter.shown().replace(str(tmp_path), "<tmp>")  # pytest-349/… would hold a 49
    for literal in ("{{ 7*7 }}（上期 3）", "学习{{ nope }}（上期 2）", "{% for i in range(99999) %}", "{{ 5*5 }}条做法"):
        assert literal in shown
    assert "49" not in shown and "25条" not in shown


def test_defaults_only_lists_every_missing_required_answer(library: Library, tmp_path: Path) -> None:
    with pytest.raises(MissingAnswersError) as exc:
        run_wizard(library, output=tmp_path / "out.md", defaults_only=True)
    assert exc.value.missing == ["单位名称（unit）", "至少一个栏目（sections）"]
    assert not (tmp_path / "out.md").exists()


def test_defaults_only_fills_the_defaults_and_writes(library: Library, tmp_path: Path) -> None:
    answers = build_file_tree(tmp_path, {"a.answers.yaml": """
        outline: short
        unit: 某某支部
        sections:
          - topic: politics
            heading: 加强理论武装
            text: 全年组织学习。
    """}) / "a.answers.yaml"
    out = run_wizard(library, output=tmp_path / "a.md", answers_path=answers, defaults_only=True)
    text = out.read_text(encoding="utf-8")
    assert f"某某支部{TODAY.year}年度党建工作总结" in text
    assert f"{TODAY.year}年{TODAY.month}月{TODAY.day}日" in text


def test_no_terminal_gives_a_chinese_message(library: Library, tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "drafter", "--outlines", str(library.root), "new", "-o", "x.docx"],
        cwd=tmp_path, stdin=subprocess.DEVNULL, capture_output=True, text=True, timeout=60,
        check=False,
    )
    assert result.returncode == 2
    assert "没有可交互的终端" in result.stderr and "--defaults" in result.stderr
    assert "Traceback" not in result.stderr and not (tmp_path / "x.answers.yaml").exists()


def test_details_prompt_is_asked_only_when_items_are_chosen(library: Library, tmp_path: Path) -> None:
    prompter = Scripted(*BASICS, ENTER, rest=ENTER)
    wizard(library, tmp_path / "out.md", prompter)
    assert DETAILS_PROMPT not in prompter.messages


def test_counts_are_asked_first_where_a_ticked_measure_proves_them(
    shipped: Library, tmp_path: Path
) -> None:
    """Issue 19: 谈心谈话 is behind 更多数字 by default; ticking 经常性开展谈心谈话 asks it first."""
    ticks = iter([None, tick("经常性开展谈心谈话", keep=False)])

    def measures(spec: Any) -> Any:
        answer = next(ticks, None)
        return ENTER if answer is None else answer

    prompter = Scripted(
        ENTER, choose("年度党建工作总结"), "某某县统计局机关党支部",
        by_message={"写哪几条做法": lambda spec: _answer(measures(spec), spec)}, rest=ENTER,
    )
    wizard(shipped, tmp_path / "a.md", prompter)
    organisation_part = [s.message for s, b in zip(prompter.asked, prompter.banners) if b.startswith("二、")]
    counts = [m for m in organisation_part if m.endswith("）")]
    assert counts[0] == "开展谈心谈话（人次）"
    assert "召开支委会（次）" in counts  # the rest of the part's counts still follow


def _answer(answer: Any, spec: Any) -> Any:
    from tests.scripted import enter

    return enter(spec) if answer is ENTER else answer(spec)


def test_a_region_or_campaign_specific_learned_part_is_offered_unticked(
    shipped: Library, tmp_path: Path
) -> None:
    """Issue 19: 民族团结进步创建 (one region's work) is offered, never ticked for the user."""
    prompter = Scripted(ENTER, choose("上半年党建工作开展情况汇报"), UNIT, rest=ENTER)
    wizard(shipped, tmp_path / "half.md", prompter)
    parts = next(s for s in prompter.asked if s.message.startswith("这次总结写哪几部分"))
    specific = [o for o in parts.options if "民族团结" in o.title]
    assert specific and not any(o.checked for o in specific)
    assert any(o.checked for o in parts.options)
    assert "民族团结" not in (tmp_path / "half.md").read_text(encoding="utf-8")


def test_general_is_judged_by_the_library_words() -> None:
    from drafter.library.outline import OutlineSection, Sourced
    from drafter.wizard.parts import Adapting

    part = OutlineSection(
        id="x", topic="t", level=1, share=1.0, run_in=False,
        titles=[Sourced("深化乡村振兴帮扶", ["a.txt"])],
    )
    assert not Adapting(specific=("乡村振兴",)).general(part)
    assert Adapting(specific=("民族团结",)).general(part)


def test_the_review_names_one_activity_ticked_in_two_parts(shipped: Library, tmp_path: Path) -> None:
    """严格执行 / 严格落实“三会一课”制度 in two parts: the review says they are one work."""
    answers = tmp_path / "x.answers.yaml"
    answers.write_text(
        "outline: annual\norganisation: branch\nunit: 某某县档案馆党支部\nyear: 2026\nperiod: 全年\n"
        "date: 2026-12-05\nsections:\n"
        "  - topic: organization\n    heading: 加强组织建设\n    measures:\n"
        "      - item: 严格执行“三会一课”制度\n        detail: 每月召开支委会\n"
        "  - topic: members\n    heading: 从严管理党员\n    measures:\n"
        "      - item: 严格落实“三会一课”制度\n        detail: 党员按时参加组织生活\n",
        encoding="utf-8",
    )
    prompter = Scripted(rest=ENTER)
    run_wizard(shipped, output=tmp_path / "x.md", answers_path=answers, prompter=prompter)
    assert "请核对：“严格落实‘三会一课’制度”与“加强组织建设”里的“严格执行‘三会一课’制度”是同一项工作，" \
           "一份报告只宜写一次。" in prompter.said
