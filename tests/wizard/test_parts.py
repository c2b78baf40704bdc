"""The headings offered for learned parts: ones a reader would accept from this organisation,
said again for this report's year."""

from __future__ import annotations

from drafter.library.outline import OutlineSection, Sourced
from drafter.wizard.parts import Adapting

REPORTS = (
    Sourced("某某市政务服务中心机关党支部书记2022年度机关党建工作述职报告", ["a.txt"]),
    Sourced("某某县档案馆党支部2024年度党建工作总结", ["b.txt"]),
)


def section(*titles: str, source: str = "a.txt") -> OutlineSection:
    return OutlineSection(
        id="integrity", topic="党风廉政建设", level=2, share=1.0, run_in=False,
        titles=[Sourced(t, [source]) for t in titles],
    )


def test_the_first_acceptable_learned_title_is_offered() -> None:
    assert Adapting("branch").default(section("落实党组主体责任", "压实管党治党责任")) == "压实管党治党责任"
    assert Adapting("party_group").default(section("落实党组主体责任")) == "落实党组主体责任"


def test_slips_and_traces_of_another_report_are_not_offered() -> None:
    assert Adapting("branch").default(section("对责任落实抓的还不够严")) == "党风廉政建设"
    assert Adapting(year=2026, reports=REPORTS).default(section("落实XX局要点")) == "党风廉政建设"
    assert Adapting().default(section("学习《条例》")) == "党风廉政建设"


def test_years_are_moved_to_this_report_and_its_own_name_dropped() -> None:
    adapting = Adapting("branch", 2026, REPORTS)
    learned = section("2022年度中心党建工作完成情况", "2023年党建工作思路", "2021年以来的主要成效")
    assert adapting.titles(learned) == ["2026年度党建工作完成情况", "2027年党建工作思路", "2025年以来的主要成效"]
    # 馆 is the other report's name, not this one's: kept where it is not the learned unit's
    assert adapting.titles(section("2024年度馆党建工作情况", source="b.txt")) == ["2026年度党建工作情况"]
    assert adapting.titles(section("2022年度局党建工作情况")) == ["2026年度局党建工作情况"]


def test_a_year_that_cannot_be_moved_is_not_offered() -> None:
    learned = section("2018年以来的主要成效", "巩固成效")  # four years before its report
    assert Adapting("branch", 2026, REPORTS).titles(learned) == ["巩固成效"]
    assert Adapting("branch", None, REPORTS).titles(section("2022年度工作情况")) == []  # year not known
    assert Adapting("branch", 2026, ()).titles(section("2022年度工作情况")) == []  # report not known
