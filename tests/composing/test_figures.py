"""A gathered report composed: its figures table as 附件, and who its counts are said by."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from drafter.cli import run
from drafter.composing.composer import compose
from drafter.composing.figures import figures_annex
from drafter.composing.sources import composed_answers
from drafter.document.model import Paragraph
from drafter.errors import UserError
from drafter.library.outline import Library, load_library
from tests.helpers import typed

REPO = Path(__file__).resolve().parents[2]
EXAMPLE = REPO / "examples" / "gathered.answers.yaml"
COMPLETE = REPO / "examples" / "complete.answers.yaml"


@pytest.fixture(scope="module")
def library() -> Library:
    return load_library()


def answers(library: Library, **section: Any) -> Any:
    data = {
        "schema": 1, "outline": "annual", "unit": "某某县某某局机关党委", "organisation": "organ_committee",
        "year": 2026, "period": "全年",
        "sections": [{"topic": "organization", "heading": "规范组织生活", **section}],
        "gathered": {"branches": [
            {"name": "第一党支部", "counts": {"召开支委会": 12, "开展主题党日活动": 12}},
            {"name": "第二党支部", "counts": {"召开支委会": 12}},
        ], "left_out": [{"source": "第三党支部.docx", "reason": "文件不存在"}]},
    }
    return typed(data, library)


def paragraphs(doc: Any) -> list[str]:
    return [b.text for b in doc.blocks if isinstance(b, Paragraph)]


def test_the_table_goes_with_the_document_when_asked(library: Library) -> None:
    a = answers(library, numbers={"召开支委会": 24})
    assert compose(a, library).annexes == []
    (annex,) = compose(a, library, table=True).annexes
    assert annex.title == "2026年度各党支部党建工作主要数据统计表"
    (table,) = annex.tables
    assert table.header == ("党支部", "召开支委会\n（次）", "开展主题党日活动\n（次）")
    assert table.rows == (("第一党支部", "12", "12"), ("第二党支部", "12", "—"))
    assert table.totals == ("合计", "24", "12")
    assert "“—”表示该支部报告中未写明此项" in annex.note and "第三党支部.docx未能汇总（文件不存在）" in annex.note
    a.gathered.table = True
    assert compose(a, library).annexes == [annex]


def test_counts_without_measures_are_the_branches_and_come_before_the_examples(library: Library) -> None:
    a = answers(library, measures=[], numbers={"召开支委会": 24}, text="第二党支部开办“周三夜校”，全年办班38期。")
    body = paragraphs(compose(a, library))
    i = next(n for n, p in enumerate(body) if "召开支委会24次" in p)
    assert body[i] == "各支部严格执行“三会一课”制度，全年召开支委会24次。"
    assert body[i + 1] == "第二党支部开办“周三夜校”，全年办班38期。"


def test_a_detail_naming_only_the_branches_runs_into_its_counts(library: Library) -> None:
    a = answers(library, measures=[
        {"item": "严格执行“三会一课”制度", "detail": "第一、第二党支部"},
        {"item": "规范开展主题党日活动", "detail": "第一党支部结合重要节点确定主题"},
    ], numbers={"召开支委会": 24, "开展主题党日活动": 12})
    body = paragraphs(compose(a, library))
    assert any(
        "一是严格执行“三会一课”制度。第一、第二党支部全年召开支委会24次。"
        "二是规范开展主题党日活动。第一党支部结合重要节点确定主题，全年开展主题党日活动12次。" in p
        for p in body
    ), body


def test_figures_annex_is_none_for_answers_that_gathered_nothing(library: Library) -> None:
    a = typed({"schema": 1, "outline": "annual", "unit": "某某县档案馆党支部", "year": 2026,
               "sections": [{"heading": "规范组织生活", "numbers": {"召开支委会": 12}}]}, library)
    assert figures_annex(a, library) is None
    assert compose(a, library, table=True).annexes == []


def test_render_table_refuses_answers_that_gathered_nothing(library: Library, tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(UserError, match="不是由 drafter gather 汇总的报告"):
        composed_answers(COMPLETE, library, table=True)
    assert run(["render", str(COMPLETE), "--table", "-o", str(tmp_path / "x.docx")]) == 2
    assert "--table 只用于汇总" in capsys.readouterr().err
    assert not (tmp_path / "x.docx").exists()


def test_render_table_of_the_example_in_every_format(tmp_path: Path) -> None:
    for fmt in ("docx", "md", "txt"):
        out = tmp_path / f"x.{fmt}"
        assert run(["render", str(EXAMPLE), "--table", "-o", str(out)]) == 0
        assert out.stat().st_size > 0
        if fmt != "docx":
            assert "附件：2026年度各党支部党建工作主要数据统计表" in out.read_text(encoding="utf-8")
