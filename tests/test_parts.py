"""The headings offered for learned parts: ones a reader would accept from this organisation."""

from __future__ import annotations

from drafter.outline import OutlineSection, Sourced
from drafter.parts import default_title


def section(*titles: str) -> OutlineSection:
    return OutlineSection(
        id="integrity", topic="党风廉政建设", level=2, share=1.0, run_in=False,
        titles=[Sourced(t, ["a.txt"]) for t in titles],
    )


def test_the_first_acceptable_learned_title_is_offered() -> None:
    assert default_title(section("落实党组主体责任", "压实管党治党责任"), "branch") == "压实管党治党责任"
    assert default_title(section("落实党组主体责任"), "party_group") == "落实党组主体责任"


def test_slips_and_traces_of_another_report_are_not_offered() -> None:
    assert default_title(section("对责任落实抓的还不够严"), "branch") == "党风廉政建设"
    assert default_title(section("落实XX局2023年度要点"), None) == "党风廉政建设"
    assert default_title(section("学习《条例》"), None) == "党风廉政建设"
