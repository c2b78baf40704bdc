"""The own library from the command line (issue 16): `learn --name` from an office's .txt and
Word-numbered .docx reports, `kinds` listing, exporting and removing, and an answers file that
names the kind rendering from any folder — or saying how to get the kind where it is missing."""

from __future__ import annotations

import contextlib
import io
import re
from pathlib import Path

import pytest

from drafter.cli import run
from drafter.library.outline import load_library
from drafter.wizard.wizard import run_wizard
from tests.office import KIND, UNIT, write_reports
from tests.scripted import ENTER, Scripted


def drafter(*args: str | Path) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stderr(err):
        code = run([str(a) for a in args], out, err)
    return code, out.getvalue(), err.getvalue()


@pytest.fixture
def learned(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The office's reports learned into a library of its own; the home folder."""
    home = tmp_path / "home"
    monkeypatch.setenv("DRAFTER_HOME", str(home))
    reports = write_reports(tmp_path / "往期报告")
    code, out, err = drafter("learn", *reports, "--name", KIND)
    assert code == 0, err
    first = out.splitlines()[0]
    assert first.startswith(f"已学到本单位的报告类型“{KIND}”：从本单位的报告学到") and "，3 份报告，保存在" in first
    return home


def test_kinds_lists_own_and_shipped(learned: Path) -> None:
    code, out, _ = drafter("kinds")
    assert code == 0
    own, shipped = out.split("自带的报告类型")
    assert f"本单位的报告类型（{learned / 'kinds'}）" in own
    assert f"  {KIND}：从本单位的报告学到（年度党建工作总结），3 份报告（2025年度党建工作总结.txt、" in own
    assert f"    单位：{UNIT}" in own
    assert "    一、强化政治引领，坚定理想信念\n      （一）抓实理论学习\n" in own
    assert "  年度党建工作总结（annual）：2 份报告" in shipped


def test_an_answers_file_naming_the_kind(learned: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    work = tmp_path / "本期"
    work.mkdir()
    run_wizard(load_library(), output=work / "总结.md", prompter=Scripted(rest=ENTER))
    answers = work / "总结.answers.yaml"
    elsewhere = tmp_path / "别处"
    elsewhere.mkdir()
    monkeypatch.chdir(elsewhere)
    code, rendered, err = drafter("render", answers, "--format", "md")
    assert code == 0, err
    assert rendered.startswith(f"# {UNIT}")
    # On a machine without the library: the kind is named, and how to get it.
    monkeypatch.setenv("DRAFTER_HOME", str(tmp_path / "另一台电脑"))
    code, _, err = drafter("render", answers, "--format", "md")
    assert code == 2
    assert f"未知的大纲“{KIND}”" in err and f"drafter learn 往期报告… --name {KIND}" in err
    assert f"drafter kinds --export {KIND} -o {KIND}.outline.yaml" in err
    # Exported beside the answers file, it renders there too, the same document.
    monkeypatch.setenv("DRAFTER_HOME", str(learned))
    code, out, err = drafter("kinds", "--export", KIND, "-o", work / "x.outline.yaml")
    assert code == 0, err
    monkeypatch.setenv("DRAFTER_HOME", str(tmp_path / "另一台电脑"))
    assert drafter("render", answers, "--format", "md")[1] == rendered
    assert drafter("check", answers)[0] == 0


def test_export_and_remove(learned: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    assert drafter("kinds", "--export", KIND)[0] == 0
    exported = tmp_path / f"{KIND}.outline.yaml"
    assert exported.read_bytes() == (learned / "kinds" / f"{KIND}.yaml").read_bytes()
    code, _, err = drafter("kinds", "--export", KIND)
    assert code == 2 and "已存在" in err
    assert drafter("kinds", "--export", KIND, "--force")[0] == 0
    code, _, err = drafter("kinds", "--export", "annual")
    assert code == 2 and "自带的报告类型" in err
    code, _, err = drafter("kinds", "--remove", "没有这个")
    assert code == 2 and f"本单位的报告类型：{KIND}" in err
    code, out, _ = drafter("kinds", "--remove", KIND)
    assert code == 0 and out.startswith(f"已删除本单位的报告类型“{KIND}”")
    assert not (learned / "kinds" / f"{KIND}.yaml").exists()
    assert "（还没有。" in drafter("kinds")[1]


def test_learn_needs_a_name_or_a_folder_and_keeps_o(tmp_path: Path, _private_home: Path) -> None:
    reports = write_reports(tmp_path / "r")
    code, _, err = drafter("learn", *reports)
    assert code == 2 and "--name" in err
    code, _, err = drafter("learn", *reports, "--name", "a/b")
    assert code == 2 and "不能用于名称的字符" in err
    code, out, _ = drafter("learn", *reports, "-o", tmp_path / "out")
    assert code == 0 and sorted(p.name for p in (tmp_path / "out").iterdir()) == ["annual.yaml", "general.yaml"]
    assert not (_private_home / "kinds").exists()  # -o writes nothing into the library


def test_a_damaged_library_file_is_listed_not_fatal(learned: Path) -> None:
    (learned / "kinds" / "坏了.yaml").write_text("schema: [", encoding="utf-8")
    code, out, _ = drafter("kinds")
    assert code == 0 and "无法读取：坏了.yaml：" in out and f"  {KIND}：" in out


def test_a_kind_name_is_data_never_a_template(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DRAFTER_HOME", str(tmp_path / "home"))
    reports = write_reports(tmp_path / "r")
    assert drafter("learn", *reports, "--name", "{{ 7+7 }}年度")[0] == 0
    assert "  {{ 7+7 }}年度：从本单位的报告学到" in drafter("kinds")[1]
    prompter = Scripted(rest=ENTER)
    run_wizard(load_library(), output=tmp_path / "x.md", prompter=prompter)
    assert prompter.asked[1].options[0].title.startswith("{{ 7+7 }}年度：")
    assert "outline: '{{ 7+7 }}年度'" in (tmp_path / "x.answers.yaml").read_text(encoding="utf-8")
    code, out, err = drafter("render", tmp_path / "x.answers.yaml", "--format", "md")
    assert code == 0 and out.startswith("# 某某县市场监督管理局机关党支部"), err


def test_this_periods_figures_go_to_the_offices_measures(learned: Path, tmp_path: Path) -> None:
    """A figure the office's reports stated with a measure is that measure's again (心得体会
    after 开展专题研讨交流, whose words do not name it), and an own count the catalogue does
    not know (开展食品安全专项检查) follows its measure, not the part's last item."""
    run_wizard(load_library(), output=tmp_path / "总结.md", prompter=Scripted(rest=ENTER))
    answers = tmp_path / "总结.answers.yaml"
    text = answers.read_text(encoding="utf-8")
    for key, value in (("开展集中学习", 12), ("开展食品安全专项检查", 36), ("召开支委会", 12),
                       ("撰写心得体会", 30)):
        assert f"    {key}: null\n" in text, key
        text = text.replace(f"    {key}: null\n", f"    {key}: {value}\n", 1)
    answers.write_text(text, encoding="utf-8")
    code, rendered, err = drafter("render", answers, "--format", "md")
    assert code == 0, err
    items = re.split(r"[一二三四五]是|\n", rendered)
    study = next(i for i in items if "集中学习12次" in i)
    assert study.startswith("坚持每月集中学习。支部每月确定一个学习专题")  # its own detail, then its figure
    check = next(i for i in items if "食品安全专项检查36次" in i)
    assert check.startswith("组织党员深入食品安全检查一线。")
    # the office's report stated 撰写心得体会 with 开展专题研讨交流, whose words do not name it
    assert next(i for i in items if "心得体会30篇" in i).startswith("开展专题研讨交流。")
    assert rendered.count("36次") == 1 and rendered.count("集中学习12次") == 1
    assert drafter("check", answers)[0] == 0
