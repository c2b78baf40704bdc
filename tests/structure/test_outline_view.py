"""The `drafter outline` views: the Chinese tree and the JSON list."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from drafter.errors import InputFileError
from drafter.structure.outline_view import outline_json, pretty_json, render_tree, run_outline
from drafter.structure.structure import parse_report

REPORT = """某某县档案馆党支部2024年党建工作总结
今年以来，支部坚持以党建引领档案业务，各项工作取得新进展。
##paidbegin##
一、强化理论武装
（一）坚持集中学习。一是按月学习。内容。二是专题研讨。内容。
（二）讲好专题党课
书记带头讲党课2次。
四、存在问题
学习深度还不够。
五、下一步打算
继续加强学习。
某某县档案馆党支部"""


@pytest.fixture
def report_path(tmp_path: Path) -> Path:
    path = tmp_path / "档案馆总结.txt"
    path.write_text(REPORT, encoding="utf-8")
    return path


def test_tree_shows_title_opening_headings_points_closing() -> None:
    text = render_tree(parse_report(REPORT, "档案馆总结.txt"))
    assert text.split("\n") == [
        "【档案馆总结.txt】",
        "标题：某某县档案馆党支部2024年党建工作总结",
        "开头：今年以来，支部坚持以党建引领档案业务，各项工作取得新进展。（共1段）",
        "结构：",
        "    一、强化理论武装",
        "        （一）坚持集中学习（引领式）",
        "            · 一是 按月学习",
        "            · 二是 专题研讨",
        "        （二）讲好专题党课",
        "    四、存在问题",
        "    五、下一步打算",
        "结尾：某某县档案馆党支部（共1段）",
        "已删除的无关内容：1处（加 --verbose 查看）",
        "警告：",
        "    ! 第1级标题编号不连续：一、之后是四、（第8行）",
    ]


def test_verbose_lists_dropped_lines_with_reasons() -> None:
    text = render_tree(parse_report(REPORT, "a.txt"), verbose=True)
    assert "已删除的无关内容：1处\n    第3行 网站付费/下载标记：##paidbegin##" in text


def test_report_without_headings() -> None:
    text = render_tree(parse_report("支部全年学习12次。\n支部发展党员1名。", "b.txt"))
    assert "结构：（未识别到标题）" in text
    assert "开头：支部全年学习12次。（共2段）" in text
    assert "! 未识别到任何标题：全文按开头正文处理" in text


def test_long_paragraphs_are_summarised() -> None:
    text = render_tree(parse_report("支" * 100 + "。\n一、甲\n乙。", ""))
    assert f"开头：{'支' * 40}…（共1段）" in text


def test_placeholders_are_listed() -> None:
    assert "占位符：XX  **" in render_tree(parse_report("XX支部**同志。", ""))


def test_json_is_a_list_of_reports_with_readable_chinese() -> None:
    reports = [parse_report(REPORT, "a.txt"), parse_report("一、甲\n乙。", "b.txt")]
    text = outline_json(reports)
    assert "强化理论武装" in text
    assert json.loads(text) == [r.to_json() for r in reports]


def test_run_outline_reads_and_renders_every_path(report_path: Path, tmp_path: Path) -> None:
    other = tmp_path / "other.txt"
    other.write_text("一、甲\n乙。", encoding="gb18030")
    text = run_outline([report_path, other], as_json=False, verbose=False)
    assert text.count("【") == 2
    assert f"【{report_path}】" in text and "一、甲" in text


def test_run_outline_json(report_path: Path) -> None:
    data = json.loads(run_outline([report_path], as_json=True, verbose=False))
    assert data[0]["source"] == str(report_path)
    assert data[0]["noise"] == [{"line": 3, "text": "##paidbegin##", "reason": "网站付费/下载标记"}]
    assert [s["title"] for s in data[0]["sections"]] == ["强化理论武装", "存在问题", "下一步打算"]


def test_run_outline_raises_on_bad_input(tmp_path: Path) -> None:
    with pytest.raises(InputFileError, match="文件不存在"):
        run_outline([tmp_path / "missing.txt"], as_json=False, verbose=False)


def test_json_text_is_exactly_what_json_dumps_writes(report_path: Path) -> None:
    reports = [parse_report(REPORT, "a.txt"), parse_report("", "empty.txt"), parse_report("一、甲\n乙。", "b")]
    data = [r.to_json() for r in reports]
    assert outline_json(reports) == json.dumps(data, ensure_ascii=False, indent=2)
    tricky = {"a": [], "b": {}, "c": [1, 2.5, True, None, "引号\"与\\n换行\n"], "d": [[], [{}]], 1: "k"}
    assert pretty_json(tricky) == json.dumps(tricky, ensure_ascii=False, indent=2)


def test_verbose_lists_every_dropped_line() -> None:
    source = [
        "某某县档案馆党支部2024年党建工作总结",
        "发布时间：2024-12-25  来源：某某县档案馆  浏览次数：1234",
        "【字体：大 中 小】【打印】【关闭】",
        "今年以来，支部坚持以党建引领档案业务。",
        "一、强化理论武装",
        "支部全年开展集中学习12次。",
        "上一篇：某某县档案馆召开组织生活会",
        "下一篇：某某县档案馆开展主题党日活动",
    ]
    lines = render_tree(parse_report("\n".join(source), "web.txt"), verbose=True).split("\n")
    start = lines.index("已删除的无关内容：4处")
    assert [line.split(" ")[4][:5] for line in lines[start + 1:start + 5]] == ["第2行", "第3行", "第7行", "第8行"]
