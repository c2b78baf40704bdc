"""`drafter check` with the office's own library: units the report names that are neither the
office nor a superior body (named-unit), and the office's own name never read as a place."""

from __future__ import annotations

from pathlib import Path

import pytest

from drafter.checking.check import check_document, run_check
from drafter.checking.findings import CheckContext
from drafter.document import Document, Heading, Paragraph
from drafter.learning.own import run_learn_own
from drafter.library.outline import load_library
from tests.office import KIND, REPORT_2025, UNIT, write_reports

OFFICE = CheckContext(office=(UNIT,))


def report(*paragraphs: str) -> Document:
    body: list[Heading | Paragraph] = [Heading(1, "一、", "强化政治引领")]
    body += [Paragraph(p) for p in paragraphs]
    return Document(f"{UNIT}2026年度党建工作总结", body, [UNIT], "2026年12月7日")


@pytest.mark.parametrize(("text", "found"), [
    ("组织党员赴市发改委机关学习党建工作经验。", ["市发改委"]),
    ("对照《市发改委2023年度党建工作要点》查找差距。", ["市发改委"]),
    ("组织县市场监管局全体党员参加集中轮训。", []),
    ("在县直机关工委和局党组的领导下，落实县委的部署。", []),
    ("按照市市场监管局的部署开展专项整治。", []),
])
def test_other_units_with_the_office_known(text: str, found: list[str]) -> None:
    findings = [f for f in check_document(report(text), OFFICE) if f.rule == "named-unit"]
    assert [f.message.split("”")[0].removeprefix("“") for f in findings] == found
    assert all(f.path == ("一、强化政治引领",) and f.paragraph == 1 for f in findings)


def test_without_the_office_other_units_are_not_guessed() -> None:
    text = "组织党员赴市发改委机关学习党建工作经验。"
    assert [f for f in check_document(report(text)) if f.rule == "named-unit"] == []


def test_the_offices_own_name_is_no_other_place() -> None:
    text = "一是定期分析思想动态。二是管好宣传阵地。三是组织县市场监管局全体党员参加集中轮训。"
    assert [f.rule for f in check_document(report(text))] == []


def test_check_of_a_report_uses_the_library(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    reports = write_reports(tmp_path / "reports")
    monkeypatch.setenv("DRAFTER_HOME", str(tmp_path / "home"))
    path = tmp_path / "2025.txt"
    path.write_text(REPORT_2025, encoding="utf-8")
    before, _ = run_check(path, load_library())
    assert "市发改委" not in before
    run_learn_own(reports, KIND)
    after, found = run_check(path, load_library())
    assert found and "其他单位的名称：" in after and "“市发改委”不是本单位（某某县市场监督管理局机关党支部）" in after
