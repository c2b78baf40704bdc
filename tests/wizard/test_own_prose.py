"""An own kind learned from an office that writes its parts as prose, not 一是……二是……: Enter
through says the office's prose (cleaned of last period's figures) instead of the bank's
measures, this period's figures go into the sentence that names their activity, and 核稿 passes."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from drafter.cli import run
from tests.own_drafts import enter_through, render_with

REPORT = """\
某某县气象局机关党支部{year}年度党建工作总结

{year}年，县气象局机关党支部在局党组领导下，坚持以习近平新时代中国特色社会主义思想为指导，围绕气象防灾减灾中心工作抓党建。现将全年工作总结如下。

一、加强理论武装
支部坚持每月第一个周五开展集中学习，由支部书记领学，党员结合天气预报服务岗位交流体会，全年开展集中学习12次。在汛期前组织党员围绕防灾减灾重要论述开展专题研讨，把学习成果体现在预警信息发布上。

二、规范组织生活
主题党日活动与气象科普进校园结合起来，党员走进中小学讲解防雷避险知识，全年开展主题党日12次。召开组织生活会，党员逐一对照检查，相互提出批评意见。支委带头层层传导压力，确保组织生活制度落到实处。

三、存在的问题
理论学习与气象业务结合还不够紧密，部分党员值班任务重，参加集中学习时间难以保证。

某某县气象局机关党支部
{year}年12月12日
"""


@pytest.fixture(scope="module")
def drafted(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    return enter_through(tmp_path_factory, REPORT, "气象局年度总结")


def test_enter_says_the_offices_prose_not_the_banks_measures(drafted: tuple[Path, Path]) -> None:
    _, out = drafted
    markdown = out.read_text(encoding="utf-8")
    assert "支部坚持每月第一个周五开展集中学习，由支部书记领学，党员结合天气预报服务岗位交流体会。" in markdown
    assert "主题党日活动与气象科普进校园结合起来" in markdown
    assert "一是" not in markdown.split("## 三、")[0]  # no bank measure ticked over the office's prose
    assert not re.search(r"\d+次", markdown)


def test_a_sentence_the_branch_cannot_say_is_not_said_again(drafted: tuple[Path, Path]) -> None:
    _, out = drafted
    markdown = out.read_text(encoding="utf-8")
    assert "召开组织生活会，党员逐一对照检查，相互提出批评意见。" in markdown
    assert "层层" not in markdown  # a 党支部 has no levels below it: 核稿 would ask to reword it
    assert run(["check", str(out)]) == 0


def test_figures_go_into_the_sentence_naming_their_work_and_it_checks_clean(
    drafted: tuple[Path, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    home, out = drafted
    text = render_with(out, 0, {"开展集中学习": 12}, monkeypatch, home)
    assert "支部坚持每月第一个周五开展集中学习，全年共12次，由支部书记领学" in text
