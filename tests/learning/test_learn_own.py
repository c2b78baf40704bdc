"""An own kind learned from one office's reports (`learn --name`): the office's structure, its
own measures with their details, its counts with their verbs, written into the user's library."""

from __future__ import annotations

from pathlib import Path

import pytest

import drafter
from drafter.errors import OutputError, UsageError, UserError
from drafter.learning.learn import load_kinds_and_topics
from drafter.learning.own import learn_own, office_of, run_learn_own
from drafter.library.outline import Outline, OutlineSection, load_outline
from drafter.reading.reader import read_report
from drafter.structure.report import Section
from drafter.structure.structure import parse_report
from tests.helpers import SHIPPED
from tests.office import KIND, REPORT_2025, UNIT, write_reports


@pytest.fixture(scope="module")
def reports(tmp_path_factory: pytest.TempPathFactory) -> list[Path]:
    return write_reports(tmp_path_factory.mktemp("office"))


@pytest.fixture(scope="module")
def outline(reports: list[Path]) -> Outline:
    kinds, topics = load_kinds_and_topics(SHIPPED)
    parsed = [parse_report(read_report(p), p.name) for p in reports]
    return learn_own(parsed, KIND, kinds, topics)


def shape(sections: list[Section] | list[OutlineSection]) -> list[object]:
    return [(s.level, shape(s.children)) for s in sections]  # type: ignore[arg-type]


def test_the_office_and_its_kind(reports: list[Path], outline: Outline) -> None:
    parsed = [parse_report(read_report(p), p.name) for p in reports]
    assert office_of(parsed).names == (UNIT,)
    assert outline.own is not None and outline.own.units == (UNIT,) and outline.own.base == "annual"
    assert outline.id == outline.kind == KIND
    # the newest report's opening, and the year and period it speaks of (moved when it is used)
    assert outline.own.opening == (REPORT_2025.split("\n")[2],) and outline.own.opening[0].startswith("2025年，")
    assert (outline.own.year, outline.own.period) == (2025, "全年")
    assert outline.sources == ["2025年度党建工作总结.txt", "2024年度党建工作总结.docx", "2023年度党建工作总结.txt"]
    for report in parsed:  # the Word-numbered .docx reads as the text reports do
        assert shape(report.sections) == shape(outline.sections)


def test_newest_wording_first(outline: Outline) -> None:
    politics = outline.sections[0]
    assert [t.text for t in politics.titles] == ["强化政治引领，坚定理想信念", "强化政治引领，筑牢思想根基"]
    study = politics.children[0]
    first = study.points[0]
    assert (first.text, first.detail) == ("坚持每月集中学习", "支部每月确定一个学习专题，由书记和支委轮流领学")
    assert len(first.sources) == 3  # said in every report: the most frequent first


def test_own_name_kept_other_unit_dropped(outline: Outline) -> None:
    leads = [p.text for top in outline.sections for s in top.walk() for p in s.points]
    assert "组织县市场监管局全体党员参加集中轮训" in leads
    assert not any("发改委" in lead for lead in leads)
    details = [p.detail for top in outline.sections for s in top.walk() for p in s.points]
    assert not any(any(ch.isdigit() for ch in d) or "全年" in d for d in details)
    work = [p for top in outline.sections[:-2] for s in top.walk() for p in s.points]
    assert len(work) == 28 and all(p.detail for p in work)  # each measure with how the office said it
    # a problem or next step is one sentence, as the office wrote it (and as the bank words its own)
    problems = outline.sections[-2].points
    assert problems[0].text == "理论学习与监管实践结合还不够紧密，学用脱节的现象仍然存在"
    assert not any(p.detail for p in problems)


def test_counts_with_the_offices_verbs(outline: Outline) -> None:
    facts = {f.key: f.unit for top in outline.sections for s in top.walk() for f in s.facts}
    assert facts["开展食品安全专项检查"] == "次"
    assert facts["召开支委会"] == "次" and facts["开展集中学习"] == "次"


def test_each_point_keeps_the_counts_the_office_stated_with_it(outline: Outline) -> None:
    """一是坚持每月集中学习……全年开展集中学习12次: this period's 集中学习 is that point's."""
    points = {p.text: p.counts for top in outline.sections for s in top.walk() for p in s.points}
    assert points["坚持每月集中学习"] == ["开展集中学习"]
    assert points["规范召开支委会和党员大会"][:2] == ["召开支委会", "党员大会"]
    assert points["组织党员深入食品安全检查一线"] == ["开展食品安全专项检查"]  # a count of its own
    assert points["书记带头讲党课"] == []  # its reports' figures were in the point before it
    facts = {f.key for top in outline.sections for s in top.walk() for f in s.facts}
    assert {k for keys in points.values() for k in keys} <= facts  # named as the section's facts


def test_learned_into_the_users_library(reports: list[Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DRAFTER_HOME", str(tmp_path / "home"))
    summary = run_learn_own(reports[:2], KIND)
    path = tmp_path / "home" / "kinds" / f"{KIND}.yaml"
    first = summary.splitlines()[0]  # one pair of brackets: 从本单位的报告学到（年度党建工作总结）
    assert first.startswith(f"已学到本单位的报告类型“{KIND}”：从本单位的报告学到") and "，2 份报告，保存在" in first
    assert str(path) in summary
    assert "    （一）抓实理论学习" in summary
    assert load_outline(path).sources == ["2024年度党建工作总结.docx", "2023年度党建工作总结.txt"]
    again = run_learn_own(reports, f" {KIND} ")
    first = again.splitlines()[0]
    assert first.startswith(f"已更新本单位的报告类型“{KIND}”：从本单位的报告学到") and "，3 份报告，保存在" in first
    assert [p.name for p in (tmp_path / "home" / "kinds").iterdir()] == [f"{KIND}.yaml"]


def test_refused(reports: list[Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    with pytest.raises(UsageError):
        run_learn_own(reports, "../本局")
    with pytest.raises(UsageError):
        run_learn_own(reports, "年度党建工作总结")  # a shipped kind's name
    inside = Path(drafter.__file__).parent / "kinds-test"
    monkeypatch.setenv("DRAFTER_HOME", str(inside))
    with pytest.raises(OutputError):
        run_learn_own(reports, KIND)
    assert not inside.exists()
    monkeypatch.setenv("DRAFTER_HOME", str(tmp_path))
    (tmp_path / "kinds").write_text("a file", encoding="utf-8")
    with pytest.raises(OutputError):
        run_learn_own(reports, KIND)
    empty = tmp_path / "empty.txt"
    empty.write_text("没有标题的一段话。", encoding="utf-8")
    with pytest.raises(UserError, match="没有可学习的报告"):
        run_learn_own([empty], KIND)



def test_a_count_reworded_from_one_report_to_the_next_is_one_count() -> None:
    from drafter.learning.learn import _merged_facts
    from drafter.library.outline import Fact

    facts = _merged_facts([
        Fact("解决林农实际困难", "件", ["2025.txt"], 15), Fact("为林农解决实际困难", "件", ["2024.docx"], 12),
        Fact("参与巡山护林", "次", ["2025.txt"], 60), Fact("为林农解决实际困难", "次", ["2024.docx"], 3),
    ], reworded=True)
    assert [(f.key, f.unit, f.sources) for f in facts] == [
        ("解决林农实际困难", "件", ["2024.docx", "2025.txt"]),  # the newest wording, seen in both
        ("参与巡山护林", "次", ["2025.txt"]),
        ("为林农解决实际困难", "次", ["2024.docx"]),  # another measure word: another count
    ]
    assert len(_merged_facts([Fact("解决林农实际困难", "件", ["a"]), Fact("为林农解决实际困难", "件", ["b"])])) == 2
    # another verb for one activity (the same last four characters) is that count too
    alike = _merged_facts([Fact("参与巡山护林", "次", ["2025.txt"]), Fact("组织党员巡山护林", "次", ["2024.docx"])], reworded=True)
    assert [(f.key, f.sources) for f in alike] == [("参与巡山护林", ["2024.docx", "2025.txt"])]
    differ = _merged_facts([Fact("开展谈心谈话", "人次", ["a"]), Fact("开展廉政谈话", "人次", ["b"])], reworded=True)
    assert len(differ) == 2
