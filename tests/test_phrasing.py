"""Count phrasing: verbs for count nouns, and which learned facts the wizard asks first."""

from __future__ import annotations

from drafter.outline import Fact
from drafter.phrasing import is_activity, rank_facts, verb_for

VERBS = {"召开": ["会", "会议"], "开展": ["学习", "党日"], "撰写": ["体会", "报告"], "讲": ["党课"]}


def test_verb_for() -> None:
    assert verb_for("支委会", VERBS) == "召开"
    assert verb_for("集中学习", VERBS) == "开展"
    assert verb_for("心得体会", VERBS) == "撰写"  # longest ending wins over 会
    assert verb_for("撰写调研报告", VERBS) == ""  # has its own verb
    assert verb_for("慰问金", VERBS) == ""


def test_rank_facts_puts_activities_first_and_caps() -> None:
    facts = [
        Fact("驾驶员", "名", ["a"]),
        Fact("集中学习", "次", ["a"]),
        Fact("主题党日", "次", ["a", "b"]),
        Fact("慰问金", "元", ["a", "b", "c"]),
        Fact("讲党课", "次", ["a"]),
    ]
    assert is_activity("讲党课", VERBS) and not is_activity("驾驶员", VERBS)
    keys = [f.key for f in rank_facts(facts, VERBS, 3)]
    assert keys == ["主题党日", "集中学习", "讲党课"]
    assert len(rank_facts(facts, VERBS, None)) == 5
