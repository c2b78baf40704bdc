"""An own kind learned from a sparse office (tests/office_sparse.py: two reports of about a
thousand characters, details that were only last year's figures): Enter through gives no bare
measure, none of last year's figures, straight quotes and 层层 cleaned, and a draft at least as
long as the office's own newest report that `drafter check` passes."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from drafter.cli import run
from drafter.learning.own import run_learn_own
from drafter.library.outline import load_library
from drafter.wizard.wizard import run_wizard
from tests.office_sparse import KIND, REPORT_2025, write_reports
from tests.scripted import ENTER, Scripted


def plain(text: str) -> int:
    return len(re.sub(r"[#*>\s]", "", text))


@pytest.fixture(scope="module")
def drafted(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    home = tmp_path_factory.mktemp("home")
    run_learn_own(write_reports(tmp_path_factory.mktemp("reports")), KIND, library_root=home / "kinds")
    out = tmp_path_factory.mktemp("draft") / "总结.md"
    run_wizard(load_library(own=home / "kinds"), output=out, prompter=Scripted(rest=ENTER))
    return home, out


def items(markdown: str) -> list[str]:
    return [i for i in re.split(r"[一二三四五]是", markdown) if i and not i.startswith("#")]


def test_no_measure_is_bare_and_no_figure_of_last_year_is_said(drafted: tuple[Path, Path]) -> None:
    _, out = drafted
    markdown = out.read_text(encoding="utf-8")
    work = markdown.split("## 五、")[0]
    for item in items(work)[1:]:
        lead, _, how = item.partition("。")
        assert len(how.strip()) >= 8, item  # each measure says how, not only what
    assert not re.search(r"\d+[次名份个件篇期]", work)  # Enter through: no figure typed, none carried
    assert '"' not in markdown and "“看病钱”“救命钱”" in markdown
    assert "层层" not in markdown


def test_the_draft_is_at_least_as_long_as_the_offices_newest_report(drafted: tuple[Path, Path]) -> None:
    _, out = drafted
    assert plain(out.read_text(encoding="utf-8")) >= plain(REPORT_2025)


def test_it_opens_as_the_office_did_and_checks_clean(
    drafted: tuple[Path, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    home, out = drafted
    markdown = out.read_text(encoding="utf-8")
    year = int(re.search(r"(\d{4})年度党建工作总结", markdown).group(1))  # type: ignore[union-attr]
    assert markdown.split("\n\n")[1].startswith(f"{year}年，县医保局机关党支部在局党组的坚强领导下")
    monkeypatch.setenv("DRAFTER_HOME", str(home))
    assert run(["check", str(out)]) == 0
