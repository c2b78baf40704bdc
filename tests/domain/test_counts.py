"""Counts in text (drafter.domain.counts): which keys read as an activity with their own verb."""

from __future__ import annotations

import time

import pytest

from drafter.domain import has_figure, has_verb, phrase_counts
from drafter.domain.counts import Count

VERBS = {"召开": ["支委会", "党员大会"], "开展": ["集中学习", "主题党日活动"], "撰写": ["心得体会"]}


@pytest.mark.parametrize("key", ["组织党员巡山护林", "参与巡山护林", "解决林农实际困难", "办理医保业务", "开展监督检查"])
def test_an_offices_count_that_opens_with_its_verb_is_an_activity(key: str) -> None:
    assert has_verb(key, VERBS)
    assert phrase_counts([Count(key, 60, "次")], VERBS) == f"{key}60次"  # no verb added


@pytest.mark.parametrize("key", ["优秀党员", "林农实际困难", "学习心得"])
def test_a_bare_noun_is_not(key: str) -> None:
    assert not has_verb(key, VERBS)


@pytest.mark.parametrize("text", [
    "党员大会4次", "N条推进措施", "一名预备党员转正", "确定和培养一名入党积极分子", "开展两次专题研讨",
    "撰写心得十余篇", "开展谈心谈话三十人次", "每月集中学习，全年12次",
])
def test_a_figure_last_period_stated(text: str) -> None:
    assert has_figure(text)


@pytest.mark.parametrize("text", [
    "每月组织一次集中学习", "每季度两次", "每月由一名党员讲一课", "坚决做到“两个维护”", "增强“四个意识”",
    "一户一策", "推行首问负责、一次告知", "作为一名党员", "第一次", "逐一对照检查", "三会一课", "两学一做",
    "学习贯彻党的二十大精神", "从五个方面推进", "统筹推进“五位一体”总体布局",
])
def test_not_a_figure(text: str) -> None:
    assert not has_figure(text)


@pytest.mark.parametrize("text", ["二" * 100_000, "每" + "两名" * 50_000, "每月" + "一名" * 50_000])
def test_finding_figures_is_linear(text: str) -> None:
    """A hostile report (a run of numerals, a 每 before thousands of them) is read in linear time."""
    start = time.perf_counter()
    has_figure(text)
    assert time.perf_counter() - start < 0.5
