"""Units a report names: the office itself, its superior bodies, another unit."""

from __future__ import annotations

import pytest

from drafter.domain.units import (
    Office,
    abbreviates,
    bare_name,
    organisation_of,
    title_unit,
    unit_mentions,
)

OFFICE = Office.of(["某某县市场监督管理局机关党支部"])


@pytest.mark.parametrize(("text", "own", "superior"), [
    ("组织县市场监管局全体党员参加轮训", ["县市场监管局"], []),
    ("组织市场监管局全体党员", ["市场监管局"], []),  # 市 here is the name's own first character
    ("某某县市场监督管理局机关党支部", ["县市场监督管理局"], []),
    ("在县直机关工委和局党组的领导下", [], ["县直机关工委"]),
    ("认真落实县委和县纪委的部署", [], ["县委", "县纪委"]),
    ("按照市市场监管局的安排", [], ["市市场监管局"]),  # the same system one level up
])
def test_own_and_superior(text: str, own: list[str], superior: list[str]) -> None:
    found = list(unit_mentions(text))
    assert [m.text for m in found if OFFICE.is_own(m)] == own
    assert [m.text for m in found if OFFICE.is_superior(m)] == superior
    assert OFFICE.others(text) == []


@pytest.mark.parametrize(("text", "other"), [
    ("组织党员赴市发改委机关学习", "市发改委"),
    ("学习《市发改委2023年度党建工作要点》", "市发改委"),
    ("与县人民医院联合开展义诊", "县人民医院"),
    ("配合区市场监管局开展检查", "区市场监管局"),  # another county-level district's bureau
])
def test_other_units(text: str, other: str) -> None:
    assert [m.text for m in OFFICE.others(text)] == [other]


def test_an_office_known_by_its_short_name_knows_the_long_one() -> None:
    office = Office.of(["县市场监管局机关党支部"])
    assert office.level == "县"
    assert office.others("某某县市场监督管理局") == []
    assert [m.text for m in office.others("县财政局")] == ["县财政局"]


def test_abbreviations() -> None:
    assert abbreviates("市场监管局", "市场监督管理局")
    assert not abbreviates("发改委", "市场监督管理局")
    assert not abbreviates("场监管局", "市场监督管理局")  # the first character is kept
    assert not abbreviates("局", "市场监督管理局")


def test_names_and_titles() -> None:
    assert bare_name("中共某某县市场监督管理局机关党支部") == "某某县市场监督管理局"
    assert bare_name("某某局机关第一党支部") == "某某局"
    assert title_unit("某某县市场监督管理局机关党支部2025年度党建工作总结") == "某某县市场监督管理局机关党支部"
    assert title_unit("关于2025年党建工作情况的报告") == ""
    assert OFFICE.names_it("某某县市场监督管理局")
    assert OFFICE.names_it("县市场监管局机关党支部")
    assert not OFFICE.names_it("某某县财政局机关党支部")


def test_place_words_of_the_office() -> None:
    assert OFFICE.allows_place("县", self_reference=True)  # 我县, 本县
    assert OFFICE.allows_place("市", self_reference=False)  # 市委, 全市
    assert not OFFICE.allows_place("市", self_reference=True)  # 我市 is another office's
    assert not OFFICE.allows_place("区", self_reference=False)  # 区委 in a county's report
    assert not Office.of([]).allows_place("县", self_reference=False)


@pytest.mark.parametrize(("name", "organisation"), [
    ("某某县市场监督管理局机关党支部", "branch"),
    ("中共某某市自然资源和规划局机关委员会", "organ_committee"),
    ("某某局机关党委", "organ_committee"),
    ("某某中心党总支", "general_branch"),
    ("中共某某县财政局党组", "party_group"),
    ("某某县市场监督管理局", ""),
])
def test_the_organisation_a_name_ends_in(name: str, organisation: str) -> None:
    assert organisation_of(name) == organisation
