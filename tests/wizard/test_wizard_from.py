"""`drafter new --from REPORT`: last period's answers as defaults, driven by a scripted prompter.

Last period is a fictional unit's answers file or report written inline here. What is checked:
the period moves forward, carried answers are defaults marked as last period's and stored only
when confirmed, counts are asked blank with last period's figure shown and update the carried
text, the review lists what is unchanged, Ctrl-C and `--answers` keep the layer, and a bad
`--from` stops with one line.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import docx
import pytest

from drafter.cli import run
from drafter.domain.naming import answers_beside
from drafter.errors import Interrupted
from drafter.library.outline import Library, load_library
from drafter.wizard.offers import CountItem
from drafter.wizard.part_questions import STATED_HELP
from tests.helpers import build_file_tree, load_answers
from tests.scripted import CTRL_C, ENTER, Scripted, choose, tick
from tests.wizard.kit import answers_of, wizard

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

# One entry per prompt, from the organisation question to the review.
FROM_ANSWERS_STEPS: list[Any] = [
    ENTER,  # 0 organisation: 党支部
    ENTER,  # 1 kind: last period's (general)
    ENTER,  # 2 本期是哪一期: 2025年上半年, the first period after 2024年全年
    ENTER,  # 3 unit: last period's
    ENTER,  # 4 title: computed for 2025
    ENTER,  # 5 signature: last period's
    "2025年7月5日",  # 6 date: today's by default, never last period's
    ENTER,  # 7 opening: last period's (its closing was empty: taken without asking)
    ENTER,  # 8 parts: last period's two are ticked
    ENTER,  # 9 measures: last period's ticked
    ENTER,  # 10 details: last period's item with a detail is ticked
    ENTER,  # 11 its detail: last period's
    "90",  # 12 集中学习, last period 82
    ENTER,  # 13 心得体会 left blank
    ENTER,  # 14 text: last period's with 90 put in
    ENTER,  # 15 the second part's text (its empty measures are taken without asking)
]
WRITE = ENTER  # the review points at 生成文档 when nothing is missing

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

FROM_REPORT_STEPS: list[Any] = [
    ENTER,  # organisation
    ENTER,  # kind: last period's outline (general)
    ENTER,  # 本期是哪一期: 2024年全年
    ENTER,  # unit: from the report's title
    ENTER,  # title: computed for 2024年全年
    ENTER,  # signature: the report's
    "2024-12-20",  # date
    "2024年上半年，青松镇农技站党支部认真落实各项部署。现将全年工作总结如下：",  # opening corrected
    ENTER,  # parts: the report's three
    "15",  # 加强理论学习 (no measures in the report: taken without asking): 集中学习, last 12
    ENTER,  # 专题研讨 left blank: its sentence stays as confirmed in the text
    ENTER,  # text with 15 put in
    ENTER,  # 存在的问题: its text
    ENTER,  # 下一步打算: its text
    WRITE,
]


def last_answers(tmp_path: Path) -> Path:
    return build_file_tree(tmp_path, {"last.answers.yaml": LAST_ANSWERS}) / "last.answers.yaml"


def spec_of(prompter: Scripted, message: str) -> Any:
    return next(s for s in prompter.asked if s.message.startswith(message))


def test_a_carried_count_shows_last_periods_figure() -> None:
    assert CountItem("集中学习", "次", carried=True, last=82).label == "集中学习（次，上期 82）"
    assert CountItem("心得体会", "篇", carried=True).label == "心得体会（篇，上期未填）"
    assert CountItem("召开支委会", "次").label == "召开支委会（次）"


def test_from_answers_file_carries_defaults_moves_the_period_and_asks_counts_blank(
    library: Library, tmp_path: Path
) -> None:
    last = last_answers(tmp_path)
    out = tmp_path / "out.md"
    prompter = Scripted(*FROM_ANSWERS_STEPS, WRITE)
    wizard(library, out, prompter, last_path=last)

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
        {"topic": "problems", "heading": "存在的问题", "measures": [], "text": "学习形式还比较单一。"},
    ]
    text = out.read_text(encoding="utf-8")
    assert "全年组织集中学习90次，撰写心得体会5篇。" in text and "82" not in text

    assert spec_of(prompter, "本期是哪一期？（上期：2024年全年）").options[0].title == "2025年上半年"
    carried = {s.message for s in prompter.asked if s.carried}
    assert {"单位名称", "落款单位", "开头一段", "“坚持集中学习”的具体情况（可留空）"} <= carried
    assert "标题" not in carried and "成文日期" not in carried
    assert spec_of(prompter, "集中学习（次，上期 82）").default == ""  # asked blank
    assert spec_of(prompter, "集中学习（次").instruction == STATED_HELP.format(stated="集中学习82次")
    assert spec_of(prompter, "心得体会（篇，上期 5）")
    assert "请核对，仍是上期的时间说法：“2024年度”" in spec_of(prompter, "开头一段").instruction
    body = spec_of(prompter, "正文").instruction
    assert "请核对，仍是上期的数字：“心得体会5篇”" in body  # 心得体会 left blank
    assert "请核对，仍是上期的时间说法：“全年”" in body
    assert any("发现 1 处需要核对（开头 1 处）" in line for line in prompter.said)  # 2024年度


def test_carried_answers_are_defaults_not_answers(library: Library, tmp_path: Path) -> None:
    out = tmp_path / "out.md"
    with pytest.raises(Interrupted):
        wizard(library, out, Scripted(*FROM_ANSWERS_STEPS[:3], CTRL_C), last_path=last_answers(tmp_path))
    data = answers_of(out)
    assert set(data) == {"schema", "outline", "organisation", "from", "year", "period"}


def test_review_lists_what_is_unchanged_and_editing_one_takes_it_off(
    library: Library, tmp_path: Path
) -> None:
    out = tmp_path / "out.md"
    review = [
        choose("与上期相同的内容（4 项）"),
        choose("一、抓牢理论学习 › 正文"),
        "全年组织集中学习90次，撰写心得体会5篇。\n本期开展读书分享。",
        choose("返回总览"),
        choose("生成文档"),
    ]
    prompter = Scripted(*FROM_ANSWERS_STEPS, *review)
    wizard(library, out, prompter, last_path=last_answers(tmp_path))
    listed = [o.title for o in prompter.asked[-4].options]
    assert listed == [
        "开头一段",
        "一、抓牢理论学习 › 写哪几条做法？",
        "一、抓牢理论学习 › 正文（做法、成效、亮点和典型事例）",
        "二、存在的问题 › 正文（问题的具体表现、原因分析）",
        "返回总览",
    ]
    assert "与上期相同的内容（3 项）" in [o.title for o in prompter.asked[-1].options]
    assert answers_of(out)["sections"][0]["text"].endswith("\n\n本期开展读书分享。")


def test_other_period_asks_year_and_period(library: Library, tmp_path: Path) -> None:
    out = tmp_path / "out.md"
    steps = [ENTER, ENTER, choose("其他"), ENTER, "2026", choose("上半年"), CTRL_C]
    with pytest.raises(Interrupted):
        wizard(library, out, Scripted(*steps), last_path=last_answers(tmp_path))
    data = answers_of(out)
    assert (data["unit"], data["year"], data["period"]) == ("青松镇农技站党支部", 2026, "上半年")


def test_parts_untouched_at_first_can_be_added_back_in_last_periods_order(
    library: Library, tmp_path: Path
) -> None:
    out = tmp_path / "out.md"
    steps = [
        *FROM_ANSWERS_STEPS[:8],
        tick("抓牢理论学习", "下一步打算", keep=False),  # leave out 存在的问题, add the learned one
        *FROM_ANSWERS_STEPS[9:15],  # 抓牢理论学习 as before
        ENTER,  # 下一步打算: no next step ticked
        "继续抓好理论学习",  # its text
        choose("增减部分"),
        tick("存在的问题"),  # offered again where it was
        ENTER,  # its text, last period's
        choose("生成文档"),
    ]
    wizard(library, out, Scripted(*steps), last_path=last_answers(tmp_path))
    sections = answers_of(out)["sections"]
    assert [s["heading"] for s in sections] == ["抓牢理论学习", "存在的问题", "下一步打算"]
    assert sections[0] == PART_ONE
    assert sections[1] == {
        "topic": "problems", "heading": "存在的问题", "measures": [], "text": "学习形式还比较单一。",
    }
    assert sections[2]["text"] == "继续抓好理论学习"


@pytest.mark.parametrize("stop", [3, 10, 12])
def test_ctrl_c_then_answers_resumes_with_last_period_still_the_default(
    library: Library, tmp_path: Path, stop: int
) -> None:
    whole = tmp_path / "whole.md"
    last = last_answers(tmp_path)
    wizard(library, whole, Scripted(*FROM_ANSWERS_STEPS, WRITE), last_path=last)
    out = tmp_path / "out.md"
    with pytest.raises(Interrupted):
        wizard(library, out, Scripted(*FROM_ANSWERS_STEPS[:stop], CTRL_C), last_path=last)
    answers = answers_beside(out)
    load_answers(answers, library)  # valid at every stop
    resumed = Scripted(*FROM_ANSWERS_STEPS[stop:], WRITE)
    wizard(library, out, resumed, answers_path=answers)

    assert answers_of(out) == answers_of(whole)
    assert out.read_text(encoding="utf-8") == whole.read_text(encoding="utf-8")
    assert any(s.carried for s in resumed.asked)  # the layer is back after resuming


def test_resume_without_last_periods_file_says_so_and_goes_on(library: Library, tmp_path: Path) -> None:
    out = tmp_path / "out.md"
    last = last_answers(tmp_path)
    with pytest.raises(Interrupted):
        wizard(library, out, Scripted(*FROM_ANSWERS_STEPS[:3], CTRL_C), last_path=last)
    last.unlink()
    resumed = Scripted(CTRL_C)
    with pytest.raises(Interrupted):
        wizard(library, out, resumed, answers_path=answers_beside(out))
    assert f"无法读取上期内容：{last.resolve()}：文件不存在，这次不参考上期内容。" in resumed.said
    assert resumed.asked[0].message == "单位名称" and not resumed.asked[0].carried


def test_from_a_report_moves_the_period_and_updates_its_counts_in_place(
    library: Library, tmp_path: Path
) -> None:
    report = build_file_tree(tmp_path, {"上半年.txt": LAST_REPORT}) / "上半年.txt"
    out = tmp_path / "全年.docx"
    prompter = Scripted(*FROM_REPORT_STEPS)
    wizard(library, out, prompter, last_path=report)

    data = answers_of(out)
    assert data["from"] == str(report.resolve())
    assert (data["year"], data["period"]) == (2024, "全年")
    assert data["title"] == "青松镇农技站党支部2024年度党建工作总结"
    assert data["opening"] == "2024年上半年，青松镇农技站党支部认真落实各项部署。现将全年工作总结如下："
    theory = data["sections"][0]
    assert theory["numbers"] == {"集中学习": 15, "专题研讨": None}
    assert [s["heading"] for s in data["sections"]] == ["加强理论学习", "存在的问题", "下一步打算"]

    body = "\n".join(p.text for p in docx.Document(str(out)).paragraphs)
    assert "上半年组织集中学习15次，开展专题研讨3次，党员撰写学习笔记。" in body
    assert "集中学习12次" not in body

    assert spec_of(prompter, "本期是哪一期？（上期：2024年上半年）").options[0].title == "2024年全年"
    assert spec_of(prompter, "集中学习（次，上期 12）")
    text = spec_of(prompter, "正文")
    assert "请核对，仍是上期的时间说法：“上半年”" in text.instruction
    assert "请核对，仍是上期的数字：“专题研讨3次”" in text.instruction


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
    assert not answers_beside(out).exists()


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
    wizard(library, out, Scripted(*FROM_REPORT_STEPS), last_path=report)

    data = answers_of(out)
    assert data["signature"] == "青松镇农技站党支部" and data["date"] == "2024-12-20"
    lines = [p.text for p in docx.Document(str(out)).paragraphs if p.text.strip()]
    assert lines[-2:] == ["青松镇农技站党支部", "2024年12月20日"]


def test_a_year_in_a_carried_heading_moves_with_the_period(library: Library, tmp_path: Path) -> None:
    last = build_file_tree(tmp_path, {"last.answers.yaml": LAST_ANSWERS.replace(
        "heading: 抓牢理论学习", "heading: 2024年度理论学习情况"
    ).replace("heading: 存在的问题", "heading: 2021年以来存在的问题")}) / "last.answers.yaml"
    out = tmp_path / "out.md"
    wizard(library, out, Scripted(rest=ENTER), last_path=last)  # period: 2025年上半年
    headings = [s["heading"] for s in answers_of(out)["sections"]]
    assert headings == ["2025年度理论学习情况", "2021年以来存在的问题"]  # a span that cannot move stays


HALF_YEAR_ANSWERS = """
outline: half_year
organisation: branch
unit: 青松镇农技站党支部
year: 2025
period: 上半年
date: 2025-07-06
sections:
  - topic: politics
    heading: 抓牢理论学习
    text: 上半年组织集中学习6次。
"""


def test_after_a_half_year_report_the_annual_summary_follows_in_its_own_words(tmp_path: Path) -> None:
    shipped = load_library()
    answers = build_file_tree(tmp_path, {"h.answers.yaml": HALF_YEAR_ANSWERS}) / "h.answers.yaml"
    assert run(["render", str(answers), "--format", "txt", "-o", str(tmp_path / "h.txt")]) == 0
    out = tmp_path / "out.md"
    prompter = Scripted(rest=ENTER)
    wizard(shipped, out, prompter, last_path=tmp_path / "h.txt")  # the report as last period
    kind = next(s for s in prompter.asked if s.message.startswith("要写哪一类总结"))
    assert kind.default == "annual"
    data = answers_of(out)
    assert (data["outline"], data["year"], data["period"]) == ("annual", 2025, "全年")
    assert "opening" not in data  # last period's generated opening is not offered again
    text = out.read_text(encoding="utf-8")
    assert "一年来，青松镇农技站党支部" in text and "现将2025年度党建工作总结如下：" in text
    # last period's closing was the half-year kind's form: not carried into the annual summary
    forms = [str(f) for f in shipped.kind("half_year")["closing"]]
    assert not [p for f in forms for p in re.split(r"\{\{.*?\}\}", f) if len(p.strip()) > 8 and p.strip() in text]
