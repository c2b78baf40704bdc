"""`drafter new` with an own kind (learned from the office's reports by `learn --name`): offered
first, the office's parts and measures by default, and Enter through gives a full draft that
`drafter check` passes."""

from __future__ import annotations

import contextlib
import io
import re
from pathlib import Path

import pytest

from drafter.cli import run
from drafter.learning.own import run_learn_own
from drafter.library.outline import Library, load_library
from drafter.wizard.wizard import run_wizard
from tests.office import KIND, UNIT, write_reports
from tests.scripted import ENTER, Scripted, choose

LEVELS = ["#", "##", "###", "###", "##", "###", "###", "##", "###", "###", "##", "###", "###", "##", "##", "##"]


@pytest.fixture(scope="module")
def home(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("home")
    run_learn_own(write_reports(tmp_path_factory.mktemp("reports")), KIND, library_root=root / "kinds")
    return root


@pytest.fixture(scope="module")
def library(home: Path) -> Library:
    return load_library(own=home / "kinds")


@pytest.fixture(scope="module")
def entered(library: Library, tmp_path_factory: pytest.TempPathFactory) -> tuple[Scripted, Path]:
    prompter = Scripted(rest=ENTER)
    out = tmp_path_factory.mktemp("draft") / "总结.md"
    run_wizard(library, output=out, prompter=prompter)
    return prompter, out


def plain(markdown: str) -> int:
    return len(re.sub(r"[#*>\s]", "", markdown))


def test_the_own_kind_is_offered_first_and_chosen_by_default(entered: tuple[Scripted, Path]) -> None:
    prompter, _ = entered
    kind = next(s for s in prompter.asked if s.message == "要写哪一类总结？")
    assert kind.options[0].title == f"{KIND}：从本单位往期报告学到（3份）"
    assert kind.default == KIND
    assert [o.value for o in kind.options[1:3]] == ["general", "annual"]
    organisation = next(s for s in prompter.asked if s.message == "以哪一级党组织的名义写？")
    assert organisation.default == "branch"  # the reports sign as 党支部
    unit = next(s for s in prompter.asked if s.message == "单位名称")
    assert unit.default == UNIT


def test_enter_through_gives_the_offices_parts_and_measures(entered: tuple[Scripted, Path]) -> None:
    prompter, out = entered
    markdown = out.read_text(encoding="utf-8")
    assert [line.split(" ")[0] for line in markdown.splitlines() if line.startswith("#")] == LEVELS
    assert "## 七、2027年工作打算" in markdown  # the office's heading, its year moved on
    # the office's own opening, said of this year
    assert markdown.split("\n\n")[1].startswith("2026年，县市场监管局机关党支部在县直机关工委和局党组的领导下")
    assert "### （一）抓实理论学习" in markdown
    study = next(s for s, banner in zip(prompter.asked, prompter.banners, strict=True)
                 if s.message == "写哪几条做法？" and banner.endswith("抓实理论学习"))
    titles = [o.title for o in study.options]
    assert titles[:4] == ["坚持每月集中学习", "开展专题研讨交流", "组织县市场监管局全体党员参加集中轮训", "用好线上学习平台"]
    assert [o.title for o in study.options if o.checked] == titles[:3]  # the most frequent three
    assert "深入学习贯彻党的创新理论" in titles  # the bank follows
    assert "坚持集中学习与个人自学相结合" not in titles  # the office's 坚持每月集中学习 is that activity
    assert "一是坚持每月集中学习。支部每月确定一个学习专题，由书记和支委轮流领学。" in markdown
    assert "发改委" not in markdown
    parent = next(s for s, banner in zip(prompter.asked, prompter.banners, strict=True)
                  if s.message == "写哪几条做法？" and banner == "一、强化政治引领，坚定理想信念")
    assert not any(o.checked for o in parent.options)  # the office writes its work in the sub-parts


def test_the_offices_counts_are_asked_with_their_verbs(entered: tuple[Scripted, Path]) -> None:
    prompter, _ = entered
    asked = [s.message for s, banner in zip(prompter.asked, prompter.banners, strict=True)
             if banner.endswith("服务民生保障安全")]
    assert "开展食品安全专项检查（次）" in asked


def test_the_draft_is_fuller_than_the_shipped_kinds_and_checks_clean(
    entered: tuple[Scripted, Path], home: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _, out = entered
    shipped = tmp_path / "shipped.md"
    run_wizard(load_library(own=tmp_path / "none"), output=shipped,
               prompter=Scripted(choose("党支部"), choose("年度党建工作总结"), UNIT, rest=ENTER))
    assert plain(out.read_text(encoding="utf-8")) >= plain(shipped.read_text(encoding="utf-8")) >= 1800
    monkeypatch.setenv("DRAFTER_HOME", str(home))
    for path in (out, out.with_name("总结.answers.yaml")):
        text, err = io.StringIO(), io.StringIO()
        with contextlib.redirect_stderr(err):
            assert run(["check", str(path)], text, err) == 0, text.getvalue()


def test_the_answers_name_the_kind(entered: tuple[Scripted, Path]) -> None:
    _, out = entered
    assert f"outline: {KIND}\n" in out.with_name("总结.answers.yaml").read_text(encoding="utf-8")


def test_a_part_whose_work_its_sub_parts_hold_asks_no_counts(entered: tuple[Scripted, Path]) -> None:
    prompter, _ = entered
    parent = [s.message for s, banner in zip(prompter.asked, prompter.banners, strict=True)
              if banner == "一、强化政治引领，坚定理想信念"]
    assert "写哪几条做法？" in parent and not any("（次）" in m or "（篇）" in m for m in parent)
