"""`drafter new --from REPORT`: last period's answers as defaults, driven with real key presses.

Same harness as test_wizard.py (prompt_toolkit pipe input, the real `run_wizard`). Last period
is a fictional unit's answers file or report written inline here. What is checked: the period
moves forward, carried answers are defaults marked "（上期内容）" and stored only when
confirmed, counts are asked blank with last period's figure shown and update the carried text,
the review lists what is unchanged, Ctrl-C and `--answers` keep the layer, and a bad `--from`
stops with one line.
"""

from __future__ import annotations

import io
import re
from pathlib import Path
from typing import Any

import docx
import pytest

from drafter.cli import run
from drafter.errors import Interrupted, NoTerminalError
from drafter.naming import answers_beside as default_answers_path
from drafter.outline import Library
from drafter.question import STATED_HELP, Question
from tests.helpers import build_file_tree, load_answers
from tests.test_wizard import (
    BACKSPACE,
    CTRL_C,
    DOWN,
    ENTER,
    FINISH,
    SPACE,
    UP,
    answers_of,
    build_library,
    wizard,
)

LAST_ANSWERS = """
outline: general
unit: 青松镇农技站党支部
year: 2024
period: 全年
title: 青松镇农技站党支部2024年度党建工作总结
opening: 2024年度，青松镇农技站党支部围绕中心抓党建。现将有关情况总结如下：
sections:
  - topic: politics
    heading: 抓牢理论学习
    measures:
      - {item: 坚持集中学习, detail: 每月安排一次集中学习。}
    numbers: {集中学习: 82, 心得体会: 5}
    text: 全年组织集中学习82次，撰写心得体会5篇。
  - topic: problems
    heading: 存在的问题
    measures: []
    text: 学习形式还比较单一。
closing: ''
signature: 青松镇农技站党支部
date: 2024-12-20
"""

# One entry per prompt, from the kind question to the review.
FROM_ANSWERS_STEPS = [
    ENTER,  # 0 kind: last period's (general)
    ENTER,  # 1 本期是哪一期: 2025年上半年, the first period after 2024年全年
    ENTER,  # 2 unit: last period's
    ENTER,  # 3 title: computed for 2025
    ENTER,  # 4 signature: last period's
    BACKSPACE * 10 + "2025年7月5日\r",  # 5 date: today's by default, never last period's
    FINISH,  # 6 opening: last period's (its closing was empty: taken without asking)
    ENTER,  # 7 parts: last period's two are ticked
    ENTER,  # 8 heading
    ENTER,  # 9 measures: last period's ticked
    ENTER,  # 10 no own item
    ENTER,  # 11 detail: last period's
    "90\r",  # 12 集中学习, last period 82
    ENTER,  # 13 心得体会 left blank
    FINISH,  # 14 text: last period's with 90 put in
    ENTER,  # 15 the second part's heading (its empty measures are taken without asking)
    FINISH,  # 16 its text
]
WRITE = ENTER  # the review points at 生成文档 when nothing is missing
# Where a resumed run starts after Ctrl-C: a heading is asked again until a later answer of its
# part is stored; ticked measures and own items are stored together.
RESUMES_AT = {9: 8, 10: 8}

PART_ONE = {
    "topic": "politics",
    "heading": "抓牢理论学习",
    "measures": [{"item": "坚持集中学习", "detail": "每月安排一次集中学习。"}],
    "numbers": {"集中学习": 90, "心得体会": None},
    "text": "全年组织集中学习90次，撰写心得体会5篇。",
}

LAST_REPORT = """\
青松镇农技站党支部2024年上半年党建工作开展情况汇报

2024年上半年，青松镇农技站党支部认真落实各项部署。现将有关情况汇报如下：

一、加强理论学习
上半年组织集中学习12次，开展专题研讨3次，党员撰写学习笔记。

二、存在的问题
学习的形式还不够丰富。

三、下一步打算
继续抓好理论学习。

青松镇农技站党支部
2024年7月5日
"""

FROM_REPORT_STEPS = [
    ENTER,  # kind: last period's outline (general)
    ENTER,  # 本期是哪一期: 2024年全年
    ENTER,  # unit: from the report's title
    ENTER,  # title: computed for 2024年全年
    ENTER,  # signature: the report's
    BACKSPACE * 10 + "2024-12-20\r",  # date
    BACKSPACE * 9 + "全年工作总结如下：" + FINISH,  # opening: "上半年…汇报如下：" corrected
    ENTER,  # parts: the report's three
    ENTER,  # 加强理论学习: heading (measures: none in the report, taken without asking)
    "15\r",  # 集中学习, last period 12
    ENTER,  # 专题研讨 left blank: its sentence stays as confirmed in the text
    FINISH,  # text with 15 put in
    ENTER,  # 存在的问题: heading
    FINISH,  # its text
    ENTER,  # 下一步打算: heading
    FINISH,  # its text
    WRITE,
]


@pytest.fixture(scope="module")
def library(tmp_path_factory: pytest.TempPathFactory) -> Library:
    """The outlines of test_wizard.py: general (politics, problems, next_steps), duty, short."""
    return build_library(tmp_path_factory.mktemp("lib"))


def last_answers(tmp_path: Path) -> Path:
    return build_file_tree(tmp_path, {"last.answers.yaml": LAST_ANSWERS}) / "last.answers.yaml"


def shown(screen: io.StringIO) -> str:
    """The screen as one line: prompts wrap at the output's width wherever they fall.

    A list (select, checkbox) is drawn only where the keys run out: keys already waiting are
    handled before the next drawing.
    """
    return re.sub(r"[\r\n]", "", screen.getvalue())


def test_a_carried_answer_is_the_default_and_marked_while_it_is_shown() -> None:
    unit = Question.from_dict({"name": "unit", "type": "text", "prompt": "单位名称"})
    carried = unit.structure({}, None, None, "青松镇农技站党支部")
    assert (carried.default, carried.carried) == ("青松镇农技站党支部", True)
    typed = unit.structure({}, None, "青松镇党支部", "青松镇农技站党支部")  # resumed after an edit
    assert (typed.default, typed.carried) == ("青松镇党支部", False)
    assert unit.structure({}, None, None, None).carried is False


def test_last_periods_counts_show_their_figure_and_are_never_cut_by_the_limit() -> None:
    numbers = Question.from_dict(
        {"name": "numbers", "type": "int", "prompt": "数字", "each": "@facts", "limit": 1}
    )
    items = [
        {"key": "集中学习", "unit": "次", "last": 82, "stated": "集中学习82次"},
        {"key": "心得体会", "unit": "篇", "last": None},
        {"key": "讲党课", "unit": "次"},
        {"key": "主题党日", "unit": "次"},
    ]
    assert [i["key"] for i in numbers.get_items({"facts": lambda: items})] == [
        "集中学习",
        "心得体会",
        "讲党课",
    ]
    stated = numbers.for_item(items[0])
    assert stated.prompt == "集中学习（次，上期 82）"
    assert stated.help == STATED_HELP.format(stated="集中学习82次")
    assert numbers.for_item(items[1]).prompt == "心得体会（篇，上期未填）"
    assert numbers.for_item(items[2]).prompt == "讲党课（次）"
    assert stated.structure({}).default == ""  # asked blank, whatever last period's figure


def test_from_answers_file_carries_defaults_moves_the_period_and_asks_counts_blank(
    library: Library, tmp_path: Path
) -> None:
    last = last_answers(tmp_path)
    out = tmp_path / "out.md"
    screen = io.StringIO()
    wizard(library, out, *FROM_ANSWERS_STEPS, WRITE, screen=screen, last_path=last)

    data = answers_of(out)
    assert data["from"] == str(last.resolve())
    assert (data["year"], data["period"]) == (2025, "上半年")
    assert data["title"] == "青松镇农技站党支部2025年度党建工作总结"  # not last period's title
    assert data["date"] == "2025-07-05"
    assert data["unit"] == data["signature"] == "青松镇农技站党支部"
    assert data["opening"] == "2024年度，青松镇农技站党支部围绕中心抓党建。现将有关情况总结如下："
    assert data["closing"] == ""
    assert data["sections"] == [
        PART_ONE,
        {
            "topic": "problems",
            "heading": "存在的问题",
            "measures": [],
            "text": "学习形式还比较单一。",
        },
    ]
    text = out.read_text(encoding="utf-8")
    assert "全年组织集中学习90次，撰写心得体会5篇。" in text and "82" not in text

    seen = shown(screen)
    assert "本期是哪一期？（上期：2024年全年） 2025年上半年" in seen
    for carried in ("单位名称（上期内容）", "落款单位（上期内容）", "开头一段（上期内容）"):
        assert carried in seen
    assert "? 标题（上期内容）" not in seen and "? 成文日期（上期内容）" not in seen
    assert "集中学习（次，上期 82）" in seen and "心得体会（篇，上期 5）" in seen
    assert "正文里的“集中学习82次”会改成所填的数；直接回车则原句不改" in seen
    assert "请核对，仍是上期的时间说法：“2024年度”" in seen  # the opening
    assert "请核对，仍是上期的数字：“心得体会5篇”" in seen  # the text: 心得体会 left blank
    assert "请核对，仍是上期的时间说法：“全年”" in seen


def test_carried_answers_are_defaults_not_answers(library: Library, tmp_path: Path) -> None:
    out = tmp_path / "out.md"
    with pytest.raises(Interrupted):
        wizard(library, out, *FROM_ANSWERS_STEPS[:2], CTRL_C, last_path=last_answers(tmp_path))
    data = answers_of(out)
    assert set(data) == {"schema", "outline", "from", "year", "period"}  # nothing carried is stored


def test_review_lists_what_is_unchanged_and_editing_one_takes_it_off(
    library: Library, tmp_path: Path
) -> None:
    out = tmp_path / "out.md"
    answers = default_answers_path(out)

    def review(*keys: str) -> str:
        """Run the keys, the last ones at the review, and return what the last prompt drew."""
        screen = io.StringIO()
        with pytest.raises(NoTerminalError):  # the keys end at a list, so it is drawn
            wizard(library, out, *keys, screen=screen, answers_path=answers)
        return shown(screen)

    with pytest.raises(NoTerminalError):
        wizard(library, out, *FROM_ANSWERS_STEPS, last_path=last_answers(tmp_path))
    assert "与上期相同的内容（4 项）" in review()
    listed = review(UP * 2 + ENTER).split("这些内容与上期相同：选一项修改", 1)[1]
    for entry in (
        "开头一段",
        "一、抓牢理论学习 › 政治建设与理论学习：写哪几条？",
        "一、抓牢理论学习 › 正文（做法、成效、亮点和典型事例）",
        "二、存在的问题 › 正文（做法、成效、亮点和典型事例）",
    ):
        assert entry in listed
    edit = [
        UP * 2 + ENTER,  # from 生成文档 up to 与上期相同的内容
        DOWN * 2 + ENTER,  # 开头一段, 写哪几条, then the first part's text
        "\r本期开展读书分享。" + FINISH,  # a new paragraph: the text is no longer last period's
        DOWN + ENTER,  # from the second part's text (now third of three) to 返回总览
    ]
    assert "与上期相同的内容（3 项）" in review(*edit)
    assert answers_of(out)["sections"][0]["text"].endswith("\n\n本期开展读书分享。")


def test_other_period_asks_year_and_period(library: Library, tmp_path: Path) -> None:
    out = tmp_path / "out.md"
    keys = [ENTER, DOWN * 2 + ENTER, ENTER, BACKSPACE * 4 + "2026\r", DOWN + ENTER, CTRL_C]
    with pytest.raises(Interrupted):
        wizard(library, out, *keys, last_path=last_answers(tmp_path))
    data = answers_of(out)
    assert (data["unit"], data["year"], data["period"]) == ("青松镇农技站党支部", 2026, "上半年")


def test_parts_untouched_at_first_can_be_added_back_in_last_periods_order(
    library: Library, tmp_path: Path
) -> None:
    out = tmp_path / "out.md"
    keys = [
        *FROM_ANSWERS_STEPS[:7],
        DOWN + SPACE + DOWN + SPACE + ENTER,  # untick 存在的问题, tick the learned 下一步打算
        *FROM_ANSWERS_STEPS[8:15],  # 抓牢理论学习 as before
        ENTER,  # 下一步打算: the learned heading
        ENTER,  # no own item (nothing learned to tick)
        "继续抓好理论学习" + FINISH,
        UP * 3 + ENTER,  # review: 增减部分
        DOWN + SPACE + ENTER,  # 存在的问题 is offered again where it was: tick it
        ENTER,  # its heading, last period's
        FINISH,  # its text, last period's
        DOWN * 3 + ENTER,  # from 增减部分 to 生成文档
    ]
    wizard(library, out, *keys, last_path=last_answers(tmp_path))
    sections = answers_of(out)["sections"]
    assert [s["heading"] for s in sections] == ["抓牢理论学习", "存在的问题", "下一步打算"]
    assert sections[0] == PART_ONE
    assert sections[1] == {
        "topic": "problems",
        "heading": "存在的问题",
        "measures": [],
        "text": "学习形式还比较单一。",
    }
    assert sections[2]["text"] == "继续抓好理论学习"


@pytest.fixture(scope="module")
def uninterrupted(library: Library, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The document of one run through FROM_ANSWERS_STEPS (its answers beside it)."""
    root = tmp_path_factory.mktemp("whole")
    out = root / "whole.md"
    return wizard(library, out, *FROM_ANSWERS_STEPS, WRITE, last_path=last_answers(root))


@pytest.mark.parametrize("stop", [2, 6, 9, 11, 13, 16])
def test_ctrl_c_then_answers_resumes_with_last_period_still_the_default(
    library: Library, uninterrupted: Path, tmp_path: Path, stop: int
) -> None:
    out = tmp_path / "out.md"
    last = last_answers(tmp_path)
    with pytest.raises(Interrupted):
        wizard(library, out, *FROM_ANSWERS_STEPS[:stop], CTRL_C, last_path=last)
    answers = default_answers_path(out)
    load_answers(answers, library)  # valid at every stop
    screen = io.StringIO()
    resumed = FROM_ANSWERS_STEPS[RESUMES_AT.get(stop, stop) :]
    wizard(library, out, *resumed, WRITE, screen=screen, answers_path=answers)

    whole = answers_of(uninterrupted)
    whole["from"] = str(last.resolve())
    assert answers_of(out) == whole
    assert out.read_text(encoding="utf-8") == uninterrupted.read_text(encoding="utf-8")
    assert "（上期内容）" in shown(screen)  # the layer is back after resuming


def test_resume_without_last_periods_file_says_so_and_goes_on(
    library: Library, tmp_path: Path, capsys
) -> None:
    out = tmp_path / "out.md"
    last = last_answers(tmp_path)
    with pytest.raises(Interrupted):
        wizard(library, out, *FROM_ANSWERS_STEPS[:2], CTRL_C, last_path=last)
    last.unlink()
    capsys.readouterr()
    screen = io.StringIO()
    with pytest.raises(Interrupted):
        wizard(library, out, CTRL_C, screen=screen, answers_path=default_answers_path(out))
    lines = capsys.readouterr().out.splitlines()
    assert f"无法读取上期内容：{last.resolve()}：文件不存在，这次不参考上期内容。" in lines
    assert "单位名称" in shown(screen) and "（上期内容）" not in shown(screen)


def test_from_a_report_moves_the_period_and_updates_its_counts_in_place(
    library: Library, tmp_path: Path
) -> None:
    report = build_file_tree(tmp_path, {"上半年.txt": LAST_REPORT}) / "上半年.txt"
    out = tmp_path / "全年.docx"
    screen = io.StringIO()
    wizard(library, out, *FROM_REPORT_STEPS, screen=screen, last_path=report)

    data = answers_of(out)
    assert data["from"] == str(report.resolve())
    assert (data["year"], data["period"]) == (2024, "全年")
    assert data["title"] == "青松镇农技站党支部2024年度党建工作总结"
    assert (
        data["opening"]
        == "2024年上半年，青松镇农技站党支部认真落实各项部署。现将全年工作总结如下："
    )
    theory = data["sections"][0]
    assert theory["numbers"] == {"集中学习": 15, "专题研讨": None}
    assert [s["heading"] for s in data["sections"]] == ["加强理论学习", "存在的问题", "下一步打算"]

    body = "\n".join(p.text for p in docx.Document(str(out)).paragraphs)
    assert "上半年组织集中学习15次，开展专题研讨3次，党员撰写学习笔记。" in body
    assert "集中学习12次" not in body

    seen = shown(screen)
    assert "本期是哪一期？（上期：2024年上半年）" in seen and "2024年全年" in seen
    assert "集中学习（次，上期 12）" in seen
    assert "请核对，仍是上期的时间说法：“上半年”" in seen
    assert "请核对，仍是上期的数字：“专题研讨3次”" in seen


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("missing.txt", None, "missing.txt：文件不存在。"),
        ("bad.yaml", "outline: [\n", "bad.yaml：第2行第1列：YAML 格式错误"),
        ("empty.docx", b"", "empty.docx：文件是空的。"),
    ],
)
def test_a_bad_from_file_stops_with_one_line(
    library: Library, tmp_path: Path, capsys, name: str, content: Any, message: str
) -> None:
    if content is not None:
        build_file_tree(tmp_path, {name: content})
    out = tmp_path / "out.docx"
    args = ["--outlines", str(library.root), "new", "--from", str(tmp_path / name), "-o", str(out)]
    assert run(args) == 2
    err = capsys.readouterr().err
    assert err.startswith("错误：无法读取上期内容：") and message in err
    assert len(err.strip().splitlines()) == 1
    assert not default_answers_path(out).exists()


def test_from_refuses_defaults_and_its_own_answers_file(
    library: Library, tmp_path: Path, capsys
) -> None:
    last = last_answers(tmp_path)
    base = ["--outlines", str(library.root), "new", "--from", str(last)]
    assert run([*base, "--defaults", "-o", str(tmp_path / "x.docx")]) == 2
    assert "不能和 --defaults 一起用" in capsys.readouterr().err
    assert run([*base, "-o", str(tmp_path / "last.docx")]) == 2  # → last.answers.yaml
    err = capsys.readouterr().err
    assert "这是本期要保存的答案文件，不能同时作上期内容" in err and len(err.splitlines()) == 1
    assert last.read_text(encoding="utf-8").strip() == LAST_ANSWERS.strip()


def test_a_report_without_signature_or_date_still_gets_them(library: Library, tmp_path: Path) -> None:
    """An import records the missing signature as empty; a required answer is never carried empty."""
    unsigned = LAST_REPORT.replace("青松镇农技站党支部\n2024年7月5日\n", "")
    report = build_file_tree(tmp_path, {"上半年.txt": unsigned}) / "上半年.txt"
    out = tmp_path / "全年.docx"
    screen = io.StringIO()
    wizard(library, out, *FROM_REPORT_STEPS, screen=screen, last_path=report)

    data = answers_of(out)
    assert data["signature"] == "青松镇农技站党支部" and data["date"] == "2024-12-20"
    lines = [p.text for p in docx.Document(str(out)).paragraphs if p.text.strip()]
    assert lines[-2:] == ["青松镇农技站党支部", "2024年12月20日"]
