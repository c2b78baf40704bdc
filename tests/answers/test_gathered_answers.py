"""The `gathered:` block of an answers file: typed, checked, written back; old files unaffected."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from drafter.answers.answers import answers_mapping
from drafter.answers.model import BranchFigures, Gathered, SkippedReport
from drafter.errors import YamlError
from drafter.library.outline import Library, load_library
from tests.helpers import typed

BASE: dict[str, Any] = {
    "schema": 1, "outline": "annual", "unit": "某某县某某局机关党委", "organisation": "organ_committee",
    "year": 2026, "sections": [{"topic": "organization", "heading": "规范组织生活", "numbers": {"召开支委会": 24}}],
}


@pytest.fixture(scope="module")
def library() -> Library:
    return load_library()


def with_gathered(block: Any) -> dict[str, Any]:
    return {**BASE, "gathered": block}


def test_the_block_is_typed_and_written_back(library: Library) -> None:
    block = {
        "table": True,
        "branches": [
            {"name": "第一党支部", "unit": "某某局机关第一党支部", "source": "一.docx", "counts": {"召开支委会": 12}},
            {"name": "第二党支部", "counts": {"支部委员会": 12, "收缴党费": 9800}},
        ],
        "left_out": [{"source": "三.docx", "reason": "文件不存在"}],
    }
    answers = typed(with_gathered(block), library)
    assert answers.gathered == Gathered(
        [BranchFigures("第一党支部", "某某局机关第一党支部", "一.docx", {"召开支委会": 12}),
         BranchFigures("第二党支部", "", "", {"支部委员会": 12, "收缴党费": 9800})],
        [SkippedReport("三.docx", "文件不存在")],
        True,
    )
    assert answers_mapping(answers)["gathered"] == block
    assert "gathered" not in answers.more
    ids = answers.gathered.sources(lambda key: library.knowledge.match_count(key).id)
    assert ids["committee_meeting"] == {"第一党支部": 12, "第二党支部": 12}  # a synonym is one count


def test_answers_without_the_block_have_none(library: Library) -> None:
    answers = typed(BASE, library)
    assert answers.gathered is None
    assert "gathered" not in answers_mapping(answers)


@pytest.mark.parametrize(("block", "message"), [
    ({"branches": [{"name": "第一党支部", "counts": {"召开支委会": "十二"}}]}, "应为整数"),
    ({"branches": [{"name": "第一党支部", "counts": {"喝茶": 3}}]}, "不是计数目录中的数字"),
    ({"branches": [{"name": "第一党支部", "counts": {"召开支委会": -1}}]}, "超出允许的范围"),
    ({"branches": [{"name": "第一党支部"}, {"name": "第一党支部"}]}, "出现了两次"),
    ({"branches": [{"name": " "}]}, "支部名称不能为空"),
    ({"branches": [{"name": "第一党支部", "members": 3}]}, "未知的键“members”"),
    ({"tables": True}, "未知的键“tables”"),
    ({"left_out": [{"reason": "x"}]}, "缺少必填的键“source”"),
])
def test_a_bad_block_is_refused_where_it_is_wrong(block: Any, message: str, library: Library) -> None:
    with pytest.raises(YamlError, match=message):
        typed(with_gathered(block), library, Path("x.answers.yaml").resolve())
