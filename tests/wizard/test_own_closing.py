"""An own kind whose office wrote two problems and a 三会一课 measure in its own words: Enter
through states the office's problems only (no bank problem beside them that says one of them
again), and the figures of 三会一课 go to the office's measure of that activity."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.own_drafts import enter_through, render_with

REPORT = """\
某某县统计局机关党支部{year}年度党建工作总结

{year}年，县统计局机关党支部围绕统计中心工作抓党建。现将全年工作总结如下。

一、规范组织生活
一是严格落实“三会一课”制度。按规定的时间和程序召开会议，全年召开支委会12次。二是开展主题党日活动。结合统计开放日开展主题党日12次。

二、存在的问题
一是理论学习的深度还不够。二是党建与业务融合不够深入。

三、下一步打算
一是深化理论武装，推动学习成果转化为统计工作实效。二是推动党建与统计业务深度融合。

某某县统计局机关党支部
{year}年12月12日
"""


@pytest.fixture(scope="module")
def drafted(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    return enter_through(tmp_path_factory, REPORT, "统计局年度总结")


def test_the_offices_problems_and_plans_only(drafted: tuple[Path, Path]) -> None:
    _, out = drafted
    markdown = out.read_text(encoding="utf-8")
    problems = markdown.split("## 二、")[1].split("## 三、")[0]
    assert "一是理论学习的深度还不够；二是党建与业务融合不够深入。" in problems and "三是" not in problems
    assert "三是" not in markdown.split("## 三、")[1]


def test_the_activitys_figures_go_to_the_offices_measure(
    drafted: tuple[Path, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    home, out = drafted
    text = render_with(out, 0, {"召开支委会": 12, "召开党员大会": 4, "讲授党课": 4}, monkeypatch, home)
    assert "一是严格落实“三会一课”制度。按规定的时间和程序召开会议，全年召开支委会12次、党员大会4次，讲授党课4次。" in text
    assert text.count("三会一课") == 1  # no second measure of that activity to lead the figures
