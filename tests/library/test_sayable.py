"""The rules of written Chinese that 核稿 and the cleaning of an office's own text share
(drafter.library.sayable): cuts outside quotes, marks in pairs, placeholders, 的/得/地."""

from __future__ import annotations

import pytest

from drafter.library.sayable import (
    clauses,
    first_unpaired,
    mend_de,
    misused_de,
    placeholders,
    sentences,
)


def test_a_clause_does_not_end_inside_a_quotation() -> None:
    text = "按照“立足实际、突出主题，形式多样、讲求实效”的原则，开展主题党日。"
    assert clauses(text) == ["按照“立足实际、突出主题，形式多样、讲求实效”的原则，", "开展主题党日。"]


def test_a_sentence_does_not_end_inside_a_quotation_or_brackets() -> None:
    text = "巡察反馈“学习制度执行不严。记录不全”的问题（已整改。见附件）。支部立行立改。"
    assert sentences(text) == ["巡察反馈“学习制度执行不严。记录不全”的问题（已整改。见附件）。", "支部立行立改。"]


@pytest.mark.parametrize("text", ["组织“学习，交流。", "组织学习”，交流。", "组织（学习，交流。"])
def test_a_mark_without_its_partner_holds_nothing_together(text: str) -> None:
    assert len(clauses(text)) == 2


@pytest.mark.parametrize(
    ("text", "unpaired"),
    [("开展“读书月活动", (2, "“")), ("开展读书月”活动", (5, "”")), ("开展（读书月）“活动”", None)],
)
def test_the_first_unpaired_mark(text: str, unpaired: tuple[int, str] | None) -> None:
    assert first_unpaired(text) == unpaired


@pytest.mark.parametrize(
    ("text", "found"),
    [("邀请*院长作专题辅导", ["*"]), ("集中学习**学时", ["**"]), ("召开XX会议", ["XX"]), ("填写（ ）", ["（ ）"])],
)
def test_placeholders_a_reader_would_fill_in(text: str, found: list[str]) -> None:
    assert placeholders(text) == found


@pytest.mark.parametrize(
    ("text", "mended"),
    [
        ("在抓细抓实上做的还不到位", "在抓细抓实上做得还不到位"),
        ("取得了明显得成效", "取得了明显的成效"),
        ("营造良好地氛围", "营造良好的氛围"),
        ("扎实推进各项工作", "扎实推进各项工作"),
    ],
)
def test_a_clear_de_slip_is_mended(text: str, mended: str) -> None:
    assert mend_de(text) == mended
    assert not misused_de(mended)
