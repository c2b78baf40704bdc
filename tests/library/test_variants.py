"""The bank's wordings (issue 19, items 3 and 4): chosen by unit, stable, fitting the level."""

from __future__ import annotations

import pytest

from drafter.library.knowledge import Knowledge
from drafter.library.outline import load_library
from drafter.library.variants import choose_wording, phrases, ranked


@pytest.fixture(scope="module")
def knowledge() -> Knowledge:
    return load_library().knowledge


def test_the_order_is_the_units_own_and_stable() -> None:
    wordings = ["甲一种说法", "乙另一种说法", "丙第三种说法"]
    assert ranked(wordings, "某某县统计局", "条目") == ranked(wordings, "某某县统计局", "条目")
    units = [f"某某县第{n}党支部" for n in range(12)]
    assert len({ranked(wordings, u, "条目")[0] for u in units}) > 1  # offices differ


def test_a_wording_that_repeats_a_phrase_already_said_is_skipped() -> None:
    said = ["围绕年度目标谋划推进"]
    for unit in ("甲单位", "乙单位", "丙单位"):
        chosen = choose_wording(["围绕年度目标抓落实", "紧扣重点任务抓推进"], unit, "x", said)
        assert chosen == "紧扣重点任务抓推进"
    assert "中心工作" not in "".join(phrases("坚持服务中心工作"))  # a term is no phrase


def test_every_bank_detail_has_three_wordings(knowledge: Knowledge) -> None:
    thin = [m.text for m in knowledge.measures if m.topic not in ("problems", "next_steps") and len(m.details) < 3]
    assert thin == []


def test_bank_items_fit_the_level(knowledge: Knowledge) -> None:
    branch = [m for m in knowledge.measures if m.fits("branch")]
    said = " ".join(m.text + "".join(m.details) for m in branch)
    assert "层层" not in said and "为基层减负" not in said
    for level in ("branch", "general_branch", "organ_committee"):
        assert not any("中心组" in m.text + "".join(m.details) for m in knowledge.measures if m.fits(level))


def test_set_phrases_stand_in_their_standard_form(knowledge: Knowledge) -> None:
    garbles = {"学原著、读原文、悟原理": "读原著、学原文、悟原理", "一岗两责": "一岗双责"}
    text = " ".join(m.text + "".join(m.details) for m in knowledge.measures)
    assert not [g for g in garbles if g in text]


def test_one_activity_is_one_measure(knowledge: Knowledge) -> None:
    assert knowledge.activity_of("严格执行“三会一课”制度") == knowledge.activity_of("严格落实“三会一课”制度") != ""
