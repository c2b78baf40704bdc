"""An own kind learned from an office that writes its parts as prose, not 一是……二是……: Enter
through says the office's prose (cleaned of last period's figures) instead of the bank's
measures, this period's figures go into the sentence that names their activity, and 核稿 passes."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from drafter.cli import run
from drafter.learning.own import run_learn_own
from drafter.library.outline import load_library
from drafter.wizard.wizard import run_wizard
from tests.scripted import ENTER, Scripted

REPORT = """\
某某县气象局机关党支部{year}年度党建工作总结

{year}年，县气象局机关党支部在局党组领导下，坚持以习近平新时代中国特色社会主义思想为指导，围绕气象防灾减灾中心工作抓党建。现将全年工作总结如下。

一、加强理论武装
支部坚持每月第一个周五开展集中学习，由支部书记领学，党员结合天气预报服务岗位交流体会，全年开展集中学习12次。在汛期前组织党员围绕防灾减灾重要论述开展专题研讨，把学习成果体现在预警信息发布上。

二、规范组织生活
主题党日活动与气象科普进校园结合起来，党员走进中小学讲解防雷避险知识，全年开展主题党日12次。召开组织生活会，党员逐一对照检查，相互提出批评意见。

三、存在的问题
理论学习与气象业务结合还不够紧密，部分党员值班任务重，参加集中学习时间难以保证。

某某县气象局机关党支部
{year}年12月12日
"""


@pytest.fixture(scope="module")
def drafted(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    reports = tmp_path_factory.mktemp("reports")
    paths = []
    for year in (2024, 2025):
        path = reports / f"{year}年度党建工作总结.txt"
        path.write_text(REPORT.format(year=year), encoding="utf-8")
        paths.append(path)
    home = tmp_path_factory.mktemp("home")
    run_learn_own(paths, "气象局年度总结", library_root=home / "kinds")
    out = tmp_path_factory.mktemp("draft") / "总结.md"
    run_wizard(load_library(own=home / "kinds"), output=out, prompter=Scripted(rest=ENTER))
    return home, out


def test_enter_says_the_offices_prose_not_the_banks_measures(drafted: tuple[Path, Path]) -> None:
    _, out = drafted
    markdown = out.read_text(encoding="utf-8")
    assert "支部坚持每月第一个周五开展集中学习，由支部书记领学，党员结合天气预报服务岗位交流体会。" in markdown
    assert "主题党日活动与气象科普进校园结合起来" in markdown
    assert "一是" not in markdown.split("## 三、")[0]  # no bank measure ticked over the office's prose
    assert not re.search(r"\d+次", markdown)


def test_figures_go_into_the_sentence_naming_their_work_and_it_checks_clean(
    drafted: tuple[Path, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    home, out = drafted
    answers = out.with_name("总结.answers.yaml")
    data = yaml.safe_load(answers.read_text(encoding="utf-8"))
    data["sections"][0]["numbers"]["开展集中学习"] = 12
    answers.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    monkeypatch.setenv("DRAFTER_HOME", str(home))
    rendered = out.with_name("本期.md")
    assert run(["render", str(answers), "-o", str(rendered)]) == 0
    text = rendered.read_text(encoding="utf-8")
    assert "支部坚持每月第一个周五开展集中学习，全年共12次，由支部书记领学" in text
    assert run(["check", str(rendered)]) == 0
