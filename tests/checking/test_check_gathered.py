"""核稿 of a gathered report: totals against the branches' figures, branches named, the table.

The draft is examples/gathered.answers.yaml (drafter gather's output for three fictional branches);
each test edits one thing in it, as a user editing the file by hand would.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from drafter.checking.check import run_check
from drafter.library.outline import Library, load_library

EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "gathered.answers.yaml"


@pytest.fixture(scope="module")
def library() -> Library:
    return load_library()


def edited(tmp_path: Path, old: str, new: str, count: int = 1) -> Path:
    text = EXAMPLE.read_text(encoding="utf-8")
    assert text.count(old) >= count, old
    path = tmp_path / "机关党委.answers.yaml"
    path.write_text(text.replace(old, new, count), encoding="utf-8")
    return path


def findings(path: Path, library: Library) -> str:
    text, found = run_check(path, library)
    assert found, text
    return text


def test_the_gathered_example_is_clean(library: Library) -> None:
    text, found = run_check(EXAMPLE, library)
    assert not found, text


def test_a_total_edited_by_hand(tmp_path: Path, library: Library) -> None:
    text = findings(edited(tmp_path, "    召开支委会: 36\n", "    召开支委会: 40\n"), library)
    assert "合计与各支部不符" in text
    assert "“召开支委会”写的是40次，各支部合计是36次（第一党支部12、第二党支部12、第三党支部12）。" in text
    assert "【二、严格组织生活，夯实支部基础】" in text
    assert text.count("合计与各支部不符") == 1


def test_a_branch_figure_edited_by_hand(tmp_path: Path, library: Library) -> None:
    text = findings(edited(tmp_path, "      收缴党费: 9800\n", "      收缴党费: 9900\n"), library)
    assert "“收缴党费”写的是33800元，各支部合计是33900元（第一党支部12600、第二党支部9900、第三党支部11400）。" in text


def test_a_branch_not_among_the_sources(tmp_path: Path, library: Library) -> None:
    path = edited(tmp_path, "第一党支部开办“周三夜校”", "第四党支部开办“周三夜校”")
    text = findings(path, library)
    assert "不在汇总中的支部" in text
    assert "文中提到的“第四党支部”不在汇总的支部中（第一党支部、第二党支部、第三党支部）。" in text


def test_a_branch_named_among_several(tmp_path: Path, library: Library) -> None:
    path = edited(tmp_path, "detail: 第一、第三党支部", "detail: 第一、第四、第三党支部")
    text = findings(path, library)
    assert text.count("不在汇总中的支部") == 1 and "“第四党支部”" in text


def test_a_source_unit_named_in_full_is_known(tmp_path: Path, library: Library) -> None:
    path = edited(tmp_path, "第一党支部开办“周三夜校”", "某某县某某局机关第一党支部开办“周三夜校”")
    text, found = run_check(path, library)
    assert not found, text


def test_a_report_left_out_is_missing_from_the_table(tmp_path: Path, library: Library) -> None:
    path = edited(
        tmp_path, "  table: true\n",
        "  table: true\n  left_out:\n  - source: 第四党支部.docx\n    reason: 不是有效的 .docx 文件\n",
    )
    text = findings(path, library)
    assert "统计表缺少支部：“第四党支部.docx”" in text
    assert "没有汇总进来（不是有效的 .docx 文件）" in text


def test_a_branch_without_figures_has_no_row(tmp_path: Path, library: Library) -> None:
    text = EXAMPLE.read_text(encoding="utf-8")
    start = text.index("  - name: 第三党支部")
    counts = text.index("    counts:\n", start)
    path = tmp_path / "x.answers.yaml"
    path.write_text(text[:counts], encoding="utf-8")
    found = findings(path, library)
    assert "“第三党支部”在汇总的支部中，但没有任何数字，统计表中没有它的一行。" in found
    # and every total 第三党支部 had a share of no longer adds up
    assert "各支部合计是24次（第一党支部12、第二党支部12）" in found


def test_without_sources_the_rules_stay_silent(tmp_path: Path, library: Library) -> None:
    """An ordinary answers file naming 第四党支部 has no gathered sources: nothing to hold it to."""
    text = EXAMPLE.read_text(encoding="utf-8")
    path = tmp_path / "x.answers.yaml"
    path.write_text(text[: text.index("gathered:")].replace("第一党支部开办", "第四党支部开办"), encoding="utf-8")
    out, found = run_check(path, library)
    assert "不在汇总中的支部" not in out and "合计与各支部不符" not in out


def test_another_unit_s_branch_is_not_ours(tmp_path: Path, library: Library) -> None:
    path = edited(tmp_path, "第一党支部开办“周三夜校”", "第一党支部与县水利局第二党支部结对，开办“周三夜校”")
    out, found = run_check(path, library)
    assert not found, out
    path = edited(tmp_path, "第一党支部开办“周三夜校”", "某某县某某局机关第四党支部开办“周三夜校”")
    assert "“第四党支部”不在汇总的支部中" in findings(path, library)
