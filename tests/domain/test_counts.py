"""Counts in text (drafter.domain.counts): which keys read as an activity with their own verb."""

from __future__ import annotations

import pytest

from drafter.domain import has_verb, phrase_counts
from drafter.domain.counts import Count

VERBS = {"召开": ["支委会", "党员大会"], "开展": ["集中学习", "主题党日活动"], "撰写": ["心得体会"]}


@pytest.mark.parametrize("key", ["组织党员巡山护林", "参与巡山护林", "解决林农实际困难", "办理医保业务", "开展监督检查"])
def test_an_offices_count_that_opens_with_its_verb_is_an_activity(key: str) -> None:
    assert has_verb(key, VERBS)
    assert phrase_counts([Count(key, 60, "次")], VERBS) == f"{key}60次"  # no verb added


@pytest.mark.parametrize("key", ["优秀党员", "林农实际困难", "学习心得"])
def test_a_bare_noun_is_not(key: str) -> None:
    assert not has_verb(key, VERBS)
