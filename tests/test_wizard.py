"""The wizard driven with real key presses through prompt_toolkit pipe input.

Every test runs the real `run_wizard` inside `create_app_session(input=pipe, output=DummyOutput())`
and sends the keys a user would type; the pipe is closed after the keys, so a prompt the test
did not expect fails with NoTerminalError (end of input) instead of hanging.
"""

from __future__ import annotations

import datetime as dt
import io
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest
import yaml
from prompt_toolkit.application import create_app_session
from prompt_toolkit.completion import CompleteEvent
from prompt_toolkit.document import Document
from prompt_toolkit.input import create_pipe_input
from prompt_toolkit.output import DummyOutput
from prompt_toolkit.output.plain_text import PlainTextOutput
from prompt_toolkit.validation import ValidationError

from drafter import prompts
from drafter.errors import (
    Interrupted,
    MissingAnswersError,
    NoTerminalError,
    OutputError,
    SavedForLater,
)
from drafter.naming import answers_beside as default_answers_path
from drafter.outline import Library, load_library
from drafter.question import questions_of
from drafter.wizard import run_wizard
from tests.helpers import SHIPPED, build_file_tree, compose_mapping, load_answers, shipped_templates

ENTER, DOWN, UP, SPACE, CTRL_C, BACKSPACE = "\r", "\x1b[B", "\x1b[A", " ", "\x03", "\x7f"
FINISH = "\x1b\r"  # Esc then Enter ends a multi-line answer
TODAY = dt.date.today()

LEARNED_GENERAL = """
schema: 1
id: general
kind: 党建工作总结（通用）
description: 各类总结共有的栏目
sources: [a.txt, b.txt]
sections:
  - id: politics
    topic: 政治建设与理论学习
    level: 1
    share: 1.0
    run_in: false
    titles:
      - {text: 加强理论武装, sources: [a.txt]}
      - {text: 坚持政治引领, sources: [b.txt]}
    points:
      - {lead: 坚持集中学习, sources: [a.txt]}
      - {lead: 开展专题研讨, sources: [b.txt]}
    facts:
      - {key: 集中学习, unit: 次, example: 10, sources: [a.txt]}
      - {key: 心得体会, unit: 篇, sources: [a.txt]}
  - id: problems
    topic: 存在问题
    level: 1
    share: 0.8
    run_in: false
    titles:
      - {text: 存在的问题, sources: [a.txt]}
  - id: next_steps
    topic: 下一步工作
    level: 1
    share: 0.4
    run_in: false
    titles:
      - {text: 下一步打算, sources: [a.txt]}
"""

LEARNED_DUTY = """
schema: 1
id: duty
kind: 书记述职报告
description: 书记抓党建述职
sources: [c.txt]
sections:
  - id: duties
    topic: 履职情况
    level: 1
    share: 1.0
    run_in: false
    titles:
      - {text: 履职情况, sources: [c.txt]}
    children:
      - id: politics
        topic: 政治建设与理论学习
        level: 2
        share: 1.0
        run_in: true
        titles:
          - {text: 带头学习理论, sources: [c.txt]}
        facts:
          - {key: 讲党课, unit: 次, sources: [c.txt]}
      - id: organization
        topic: 基层组织建设
        level: 2
        share: 0.2
        run_in: true
        titles:
          - {text: 抓好支部建设, sources: [c.txt]}
"""

LEARNED_SHORT = """
schema: 1
id: short
kind: 简短总结
description: 只有一个栏目
sources: [d.txt]
sections:
  - id: politics
    topic: 政治建设与理论学习
    level: 1
    share: 1.0
    run_in: false
    titles:
      - {text: 加强理论武装, sources: [d.txt]}
    points:
      - {lead: 坚持集中学习, sources: [d.txt]}
    facts:
      - {key: 集中学习, unit: 次, sources: [d.txt]}
"""

KINDS = """
kinds:
  - id: duty
    name: 书记述职报告
    description: 述职
    title: "{{ unit }}党支部书记{{ year }}年度述职报告"
    opening: "现将本人履职情况报告如下："
    closing: ""
  - id: annual
    name: 年度党建工作总结
    description: 全年总结
    title: "{{ unit }}{{ year }}年度党建工作总结"
    opening: "{{ period_phrase }}，{{ unit }}认真落实各项任务。现将有关情况总结如下："
    closing: ""
"""

TOPICS = """
topics:
  - {id: politics, name: 政治建设与理论学习, keywords: [理论]}
  - {id: organization, name: 基层组织建设, keywords: [支部]}
  - {id: duties, name: 履职情况, keywords: [履职]}
  - id: problems
    name: 存在问题
    keywords: [问题]
    bank: [理论学习还不够深入, 组织生活形式较为单一]
  - {id: next_steps, name: 下一步工作, keywords: [下一步]}
"""


def build_library(root: Path) -> Library:
    """Learned outlines general, duty (with sub-parts) and short; drafter's own questions.yaml."""
    files: dict[str, str | bytes] = {
        "learned/general.yaml": LEARNED_GENERAL,
        "learned/duty.yaml": LEARNED_DUTY,
        "learned/short.yaml": LEARNED_SHORT,
        "authored/kinds.yaml": KINDS,
        "authored/topics.yaml": TOPICS,
        "authored/questions.yaml": (SHIPPED / "authored" / "questions.yaml").read_bytes(),
    }
    files.update(shipped_templates())
    return load_library(build_file_tree(root / "outlines", files))


@pytest.fixture(scope="module")
def library(tmp_path_factory: pytest.TempPathFactory) -> Library:
    return build_library(tmp_path_factory.mktemp("lib"))


@contextmanager
def keyboard(*keys: str, screen: io.StringIO | None = None) -> Iterator[None]:
    """Run the code inside with these key presses as its terminal input, then end of input.

    With `screen`, what the prompts draw is kept there as plain text (before the keys act).
    """
    with create_pipe_input() as pipe:
        pipe.send_text("".join(keys))
        pipe.close()
        output = DummyOutput() if screen is None else PlainTextOutput(screen)
        with create_app_session(input=pipe, output=output):
            yield


def wizard(
    library: Library, out: Path, *keys: str, screen: io.StringIO | None = None, **kwargs: Any
) -> Path:
    with keyboard(*keys, screen=screen):
        return run_wizard(library, output=out, **kwargs)


def answers_of(out: Path) -> dict[str, Any]:
    return yaml.safe_load(default_answers_path(out).read_text(encoding="utf-8"))


def general_steps() -> list[str]:
    """Keys for a whole first pass over the general outline, one entry per prompt."""
    return [
        ENTER,  # kind: the general outline is the default
        "某某县档案馆党支部\r",  # unit
        ENTER,  # year: this year
        ENTER,  # period: 全年
        ENTER,  # title: computed from the kind's title form
        ENTER,  # signature: the unit
        BACKSPACE * 10 + "2025年12月5日\r",  # date, typed the Chinese way
        ENTER,  # parts: politics and problems are pre-ticked (share ≥ 0.5), next_steps is not
        ENTER,  # politics heading: the first learned title
        SPACE + ENTER,  # politics measures: tick the first learned point
        "带头讲党课\r",  # an own item
        ENTER,  # no more own items
        "全年组织集中学习。\r",  # detail of the first item
        ENTER,  # no detail for the own item
        "abc\r"
        + BACKSPACE * 3
        + "-3\r"
        + BACKSPACE * 2
        + "999999\r"
        + BACKSPACE * 6
        + "12\r",  # 集中学习
        ENTER,  # 心得体会: left out
        "第一段\r第二段" + FINISH,  # text
        ENTER,  # problems heading
        SPACE + ENTER,  # problems: tick the first phrase of the topic's bank
        ENTER,  # no own item
        ENTER,  # no detail
        FINISH,  # no text
    ]


def test_first_pass_then_review_edit_preview_and_write(
    library: Library, tmp_path: Path, capsys
) -> None:
    out = tmp_path / "out.md"
    review = [
        UP * 4 + ENTER,  # review: from 生成文档 up to part 一
        ENTER,  # its menu: the heading
        BACKSPACE * len("加强理论武装") + "学深悟透创新理论\r",
        DOWN * 2 + ENTER,  # the numbers
        BACKSPACE * 2 + "15\r",  # 集中学习 12 → 15
        ENTER,  # 心得体会 still left out
        DOWN * 2 + ENTER,  # back to the review, which points at part 一 again
        DOWN * 3 + ENTER,  # 预览全文
        DOWN + ENTER,  # 生成文档
    ]
    written = wizard(library, out, *general_steps(), *review)

    assert written == out and out.exists()
    data = answers_of(out)
    assert data["outline"] == "general"
    assert data["year"] == TODAY.year and data["period"] == "全年" and data["date"] == "2025-12-05"
    assert data["title"] == f"某某县档案馆党支部{TODAY.year}年度党建工作总结"
    assert data["signature"] == "某某县档案馆党支部"
    politics, problems = data["sections"]
    assert politics == {
        "topic": "politics",
        "heading": "学深悟透创新理论",
        "measures": [
            {"item": "坚持集中学习", "detail": "全年组织集中学习。"},
            {"item": "带头讲党课", "detail": ""},
        ],
        "numbers": {"集中学习": 15, "心得体会": None},
        "text": "第一段\n\n第二段",
    }
    assert problems == {
        "topic": "problems",
        "heading": "存在的问题",
        "measures": [{"item": "理论学习还不够深入", "detail": ""}],
        "text": "",
    }
    printed = capsys.readouterr().out
    preview = printed.split("———— 预览 ————")[1].split("———— 预览结束 ————")[0]
    assert "学深悟透创新理论" in preview and "集中学习15次" in preview
    assert "学深悟透创新理论" in out.read_text(encoding="utf-8")
    load_answers(default_answers_path(out), library)  # the saved file is valid


def test_review_lists_each_part_with_its_state_and_summary(
    library: Library, tmp_path: Path
) -> None:
    steps = general_steps()
    empty_problems = [ENTER, ENTER, ENTER, FINISH]  # heading; nothing ticked, no own item, no text
    screen = io.StringIO()
    with pytest.raises(NoTerminalError):  # the keys end at the review, so it is drawn and left
        wizard(library, tmp_path / "out.md", *steps[:17], *empty_problems, screen=screen)
    shown = screen.getvalue().split("核对一下", 1)[1]
    assert "基本信息  ✔ 已完成  某某县档案馆党支部" in shown
    assert "一、加强理论武装  ✔ 已完成  2 条 · 数字 1 项 · 正文 6 字" in shown
    assert "二、存在的问题  空  0 条 · 数字 0 项 · 正文 0 字" in shown
    for entry in ("增减部分", "预览全文", "生成文档", "保存并退出"):
        assert entry in shown


def test_numbers_are_refused_at_the_prompt_with_a_chinese_message(
    library: Library, tmp_path: Path
) -> None:
    out = tmp_path / "out.md"
    keys = [
        DOWN * 2 + ENTER,  # kind: short (after general and duty)
        "某某支部\r",
        ENTER,
        ENTER,
        ENTER,
        ENTER,
        ENTER,  # short outline, basics
        ENTER,
        ENTER,
        ENTER,
        ENTER,  # parts, heading, no measures ticked, no own item
        "abc\r" + BACKSPACE * 3 + "-3\r" + BACKSPACE * 2 + "999999\r" + BACKSPACE * 6 + "7\r",
        CTRL_C,
    ]
    with pytest.raises(Interrupted):
        wizard(library, out, *keys)
    assert answers_of(out)["sections"][0]["numbers"] == {"集中学习": 7}

    # What the prompt shows while it refuses: the question's Chinese message.
    fact = next(q for q in questions_of(library.questions["section"]) if q.each)
    spec = fact.for_item({"key": "集中学习", "unit": "次"}).structure({})
    with keyboard():
        validator = prompts.build(spec).application.current_buffer.validator
    shown = {}
    for typed in ("abc", "-3", "999999", "7次", ""):
        try:
            validator.validate(Document(typed))
        except ValidationError as exc:
            shown[typed] = exc.message
    assert shown == {
        "abc": "请填整数（如 12；不填请直接回车）。",
        "-3": "不能是负数。",
        "999999": "999999 超出了合理范围（最大 100000），请核对。",
    }


def test_ctrl_c_saves_and_resume_asks_only_what_is_missing(
    library: Library, tmp_path: Path
) -> None:
    out = tmp_path / "out.md"
    steps = general_steps()
    text_prompt = 16
    with pytest.raises(Interrupted) as exc:
        wizard(library, out, *steps[:text_prompt], CTRL_C)
    answers = default_answers_path(out)
    assert (
        str(exc.value) == f"已保存到 {answers}；继续填写：drafter new --answers {answers} -o {out}"
    )
    assert exc.value.exit_code == 130
    saved, _ = load_answers(answers, library)
    assert "text" not in saved["sections"][0] and saved["sections"][0]["numbers"] == {
        "集中学习": 12,
        "心得体会": None,
    }

    wizard(library, out, *steps[text_prompt:], ENTER, answers_path=answers)
    assert answers_of(out)["sections"][0]["text"] == "第一段\n\n第二段"
    assert out.exists()


SHORT_STEPS = [
    DOWN * 2 + ENTER,  # 0 kind: short (after general and duty)
    "某某支部\r",  # 1 unit
    ENTER,  # 2 year
    DOWN + ENTER,  # 3 period: 上半年
    ENTER,  # 4 title
    ENTER,  # 5 signature
    BACKSPACE * 10 + "2025.12.5\r",  # 6 date
    ENTER,  # 7 parts
    ENTER,  # 8 heading
    SPACE + ENTER,  # 9 measures
    "自定做法\r",  # 10 an own item
    ENTER,  # 11 no more
    "说明一\r",  # 12 detail of the learned point
    ENTER,  # 13 no detail for the own item
    "7\r",  # 14 集中学习
    "一段话" + FINISH,  # 15 text
    ENTER,  # 16 review: 生成文档
]
# Where the resumed run starts after Ctrl-C at a prompt: at that prompt, except that a heading
# is asked again until a later answer of its part is stored, and the ticked measures and own
# items are stored together, when the list is finished.
RESUMES_AT = {9: 8, 10: 8, 11: 8}


@pytest.fixture(scope="module")
def uninterrupted(library: Library, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The document of one run through SHORT_STEPS without interruption (its answers beside it)."""
    return wizard(library, tmp_path_factory.mktemp("whole") / "whole.md", *SHORT_STEPS)


@pytest.mark.parametrize("stop", range(len(SHORT_STEPS)))
def test_ctrl_c_at_any_prompt_then_resume_gives_the_same_answers(
    library: Library, uninterrupted: Path, tmp_path: Path, stop: int
) -> None:
    whole = uninterrupted
    out = tmp_path / "out.md"
    with pytest.raises(Interrupted):
        wizard(library, out, *SHORT_STEPS[:stop], CTRL_C)
    answers = default_answers_path(out)
    if answers.exists():
        load_answers(answers, library)  # valid at every stop
    wizard(library, out, *SHORT_STEPS[RESUMES_AT.get(stop, stop) :], answers_path=answers)

    assert answers_of(out) == answers_of(whole)
    assert compose_mapping(answers_of(out), library, out) == compose_mapping(answers_of(whole), library, whole)
    assert out.read_text(encoding="utf-8") == whole.read_text(encoding="utf-8")


def test_review_can_add_a_part_and_keeps_the_others(library: Library, tmp_path: Path) -> None:
    out = tmp_path / "out.md"
    review = [
        UP * 2 + ENTER,  # 增减部分
        DOWN * 2 + SPACE + ENTER,  # tick 下一步打算 as well
        ENTER,  # its heading
        ENTER,  # no own item (it has no learned points)
        "继续抓好理论学习" + FINISH,  # its text
        DOWN * 2 + ENTER,  # from 增减部分 to 生成文档
    ]
    wizard(library, out, *general_steps(), *review)
    sections = answers_of(out)["sections"]
    assert [s["topic"] for s in sections] == ["politics", "problems", "next_steps"]
    assert sections[0]["numbers"] == {"集中学习": 12, "心得体会": None}
    assert sections[2] == {
        "topic": "next_steps",
        "heading": "下一步打算",
        "measures": [],
        "text": "继续抓好理论学习",
    }
    assert "三、下一步打算" in out.read_text(encoding="utf-8")


def test_title_and_signature_left_at_their_default_follow_a_changed_unit(
    library: Library, tmp_path: Path
) -> None:
    out = tmp_path / "out.md"
    unit = "某某县档案馆党支部"
    review = [
        UP * 5 + ENTER,  # 基本信息
        DOWN * 4 + ENTER,  # 落款单位
        BACKSPACE * len(unit) + "档案馆支部\r",  # a signature of one's own
        UP * 4 + ENTER,  # 单位名称
        BACKSPACE * len(unit) + "某某县图书馆党支部\r",
        DOWN * 6 + ENTER,  # 返回总览
        DOWN * 5 + ENTER,  # 生成文档
    ]
    wizard(library, out, *general_steps(), *review)
    data = answers_of(out)
    assert data["unit"] == "某某县图书馆党支部"
    assert data["title"] == f"某某县图书馆党支部{TODAY.year}年度党建工作总结"
    assert data["signature"] == "档案馆支部"


def test_sub_parts_of_a_kind_outline_are_ticked_asked_and_editable(
    library: Library, tmp_path: Path
) -> None:
    out = tmp_path / "out.md"
    keys = [
        DOWN + ENTER,  # kind: the duty report, below the default
        "某某支部\r",
        ENTER,
        ENTER,
        ENTER,
        ENTER,
        ENTER,  # basics
        ENTER,  # parts: 履职情况
        ENTER,  # its heading
        ENTER,  # no own item: nothing learned to tick, so only the own-item prompt
        FINISH,  # no text of its own
        DOWN + SPACE + ENTER,  # sub-parts: 带头学习理论 is pre-ticked, tick 抓好支部建设 too
        ENTER,
        ENTER,
        "3\r",
        FINISH,  # 带头学习理论: heading, no own item, 讲党课 3 次, no text
        ENTER,
        ENTER,
        "支部建设情况" + FINISH,  # 抓好支部建设
        UP * 3 + ENTER,  # review: part 一
        DOWN * 3 + ENTER,  # its menu: heading, measures, text, then sub-part （一）
        DOWN * 2 + ENTER,  # the sub-part's numbers
        BACKSPACE + "5\r",  # 讲党课 3 → 5
        DOWN * 2 + ENTER,  # back to part 一
        DOWN * 3 + ENTER,  # back to the review
        DOWN * 3 + ENTER,  # 生成文档
    ]
    wizard(library, out, *keys)
    (duties,) = answers_of(out)["sections"]
    assert duties["topic"] == "duties" and duties["text"] == ""
    first, second = duties["children"]
    assert first["topic"] == "politics" and first["numbers"] == {"讲党课": 5}
    assert second == {
        "topic": "organization",
        "heading": "抓好支部建设",
        "measures": [],
        "text": "支部建设情况",
    }
    text = out.read_text(encoding="utf-8")
    assert "（一）带头学习理论" in text and "（二）抓好支部建设" in text


def test_save_and_quit_then_a_new_run_offers_to_continue(library: Library, tmp_path: Path) -> None:
    out = tmp_path / "out.md"
    with pytest.raises(SavedForLater) as exc:
        wizard(library, out, *general_steps(), DOWN + ENTER)  # 保存并退出
    assert "继续填写：drafter new --answers" in str(exc.value) and not out.exists()
    assert exc.value.exit_code == 0 and exc.value.label == ""

    wizard(
        library, out, "y", ENTER
    )  # continue the saved answers; all answered, so straight to 生成文档
    assert out.exists() and answers_of(out)["unit"] == "某某县档案馆党支部"


def test_existing_output_is_kept_without_consent(library: Library, tmp_path: Path) -> None:
    out = tmp_path / "out.md"
    out.write_text("旧文件", encoding="utf-8")
    with pytest.raises(OutputError, match="已存在"):
        wizard(library, out, ENTER)  # the default answer is no
    assert out.read_text(encoding="utf-8") == "旧文件"
    assert not default_answers_path(out).exists()

    wizard(library, out, *general_steps(), ENTER, force=True)  # no question with --force
    assert out.read_text(encoding="utf-8") != "旧文件"


def test_defaults_only_lists_every_missing_required_answer(
    library: Library, tmp_path: Path
) -> None:
    with pytest.raises(MissingAnswersError) as exc:
        run_wizard(library, output=tmp_path / "out.md", defaults_only=True)
    assert exc.value.missing == ["单位名称（unit）", "至少一个栏目（sections）"]
    assert not (tmp_path / "out.md").exists()


def test_defaults_only_fills_the_defaults_and_writes(library: Library, tmp_path: Path) -> None:
    answers = (
        build_file_tree(
            tmp_path,
            {
                "a.answers.yaml": """
        outline: short
        unit: 某某支部
        sections:
          - topic: politics
            heading: 加强理论武装
    """
            },
        )
        / "a.answers.yaml"
    )
    out = run_wizard(library, output=tmp_path / "a.md", answers_path=answers, defaults_only=True)
    text = out.read_text(encoding="utf-8")
    assert f"某某支部{TODAY.year}年度党建工作总结" in text
    assert f"{TODAY.year}年{TODAY.month}月{TODAY.day}日" in text


def test_no_terminal_gives_a_chinese_message(library: Library, tmp_path: Path, monkeypatch) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "drafter", "--outlines", str(library.root), "new", "-o", "x.docx"],
        cwd=tmp_path,
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert result.returncode == 2
    assert "没有可交互的终端" in result.stderr and "--defaults" in result.stderr
    assert "Traceback" not in result.stderr and not (tmp_path / "x.answers.yaml").exists()

    monkeypatch.setattr(sys, "stdin", io.StringIO())
    with pytest.raises(NoTerminalError):
        prompts.ensure_terminal()
    with keyboard():
        prompts.ensure_terminal()  # a scripted pipe counts as a terminal


def test_input_ending_mid_way_is_no_terminal_and_keeps_the_answers(
    library: Library, tmp_path: Path
) -> None:
    out = tmp_path / "out.md"
    with pytest.raises(NoTerminalError):
        wizard(library, out, *general_steps()[:3])
    assert answers_of(out)["unit"] == "某某县档案馆党支部" and "period" not in answers_of(out)


def test_heading_completion_offers_every_title_for_the_default() -> None:
    completer = prompts.ChoiceCompleter(["加强理论武装", "坚持政治引领"])

    def offered(text: str) -> list[str]:
        return [c.text for c in completer.get_completions(Document(text), CompleteEvent())]

    assert offered("") == offered("加强理论武装") == ["加强理论武装", "坚持政治引领"]
    assert offered("政治") == ["坚持政治引领"]
    assert offered("组织") == []


@pytest.mark.parametrize(
    ("widget", "default", "expected"),
    [("select", "b", "b"), ("checkbox", None, ["a"]), ("confirm", True, True)],
)
def test_escape_then_enter_in_a_list_or_yes_no_is_enter(
    widget: str, default: Any, expected: Any
) -> None:
    """Esc then Enter ends a multi-line answer, and users press it at the next prompt too."""
    from drafter.question import Option, PromptSpec

    options = (Option("甲", "a", checked=True), Option("乙", "b"))
    spec = PromptSpec(widget, "问题", default=default, options=options)
    with keyboard(FINISH):
        assert prompts.ask(spec) == expected
