"""Learned points judged for odd coinages before they are offered (issue 19, item 3)."""

from __future__ import annotations

import pytest

from drafter.library import Knowledge, load_library, odd_coinage
from drafter.library.points import words_of


@pytest.fixture(scope="module")
def knowledge() -> Knowledge:
    return load_library().knowledge


@pytest.mark.parametrize("point", ["激发蓄能功能", "打造聚能赋能引擎", "强化铸魂赋格机制"])
def test_a_short_point_with_a_word_the_trade_does_not_use_is_odd(point: str, knowledge: Knowledge) -> None:
    assert odd_coinage(point, knowledge.vocabulary)


@pytest.mark.parametrize("point", [
    "成立青年读书会", "增设机关图书室", "规范党员发展", "注重党内关怀", "抓实学习教育",
    "落实“第一议题”制度", "打造“红心向党”品牌",  # a quoted name is a name
    "组织党员到革命老区参观见学，接受红色教育洗礼",  # long points carry their own context
])
def test_points_in_the_trade_s_words_are_not(point: str, knowledge: Knowledge) -> None:
    assert not odd_coinage(point, knowledge.vocabulary)


def test_every_bank_item_passes_the_rule_it_holds_learned_points_to(knowledge: Knowledge) -> None:
    assert not [m.text for m in knowledge.measures if odd_coinage(m.text, knowledge.vocabulary)]


def test_the_vocabulary_is_the_pairs_of_the_texts_and_the_predicates() -> None:
    words = words_of(["严格执行制度"])
    assert {"严格", "格执", "执行", "行制", "制度"} <= words
    assert "加强" in words and "不够" in words  # the predicates of measures and diagnoses
    assert odd_coinage("开展蓄能赋格", words) and not odd_coinage("严格执行制度", words)
