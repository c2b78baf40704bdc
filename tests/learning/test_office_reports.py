"""Learning and importing reports as offices have them: last year's summary pasted from a PDF or
a web page, with fused headings, parallel-phrase headings and the author glued to the title.
The reports are written for fictional units (某某县…); none of their sentences come from the seeds."""

from __future__ import annotations

from pathlib import Path

from drafter.answers.answers import answers_mapping
from drafter.files.yamlio import parse_yaml
from drafter.learning.importer import import_report
from drafter.learning.learn import run_learn
from drafter.library.outline import Outline, load_library
from tests.helpers import build_file_tree

FUSED = """某某县水利局机关党支部2024年度党建工作总结某某县水利局机关党支部
2024年，支部在局党组的坚强领导下，坚持以党建引领水利中心工作，现将全年工作总结如下。
一、强化理论武装提升党性修养年初以来，支部制定年度学习计划，全年开展集中学习12次，组织党员撰写心得体会30篇。
二、夯实组织基础规范组织生活支部严格落实“三会一课”制度，全年召开支委会12次、党员大会4次。
三、存在的问题和不足一是理论学习深度还不够；二是党建与业务融合还不够深入。
"""

PARALLEL = """某某县人社局机关党支部2024年度党建工作总结
今年以来，支部坚持以党建引领人社业务，各项工作取得新成效。现将有关情况总结如下：
强基固本，筑牢基层战斗堡垒
支部严格落实“三会一课”制度，全年召开支委会12次、党员大会4次。
凝心聚力，激发党员队伍活力
支部开展“党员先锋岗”评选活动，评出先锋岗5个。
正风肃纪，营造风清气正环境
支部开展廉政警示教育3次，组织党员签订廉洁承诺书。
"""


def test_import_recovers_fused_headings_their_text_and_the_glued_sign_off(tmp_path: Path) -> None:
    path = build_file_tree(tmp_path, {"fused.txt": FUSED}) / "fused.txt"
    answers = import_report(path, load_library()).answers
    data = answers_mapping(answers)
    assert data["title"] == "某某县水利局机关党支部2024年度党建工作总结"
    assert data["signature"] == "某某县水利局机关党支部"
    assert [s["heading"] for s in data["sections"]] == [
        "强化理论武装提升党性修养", "夯实组织基础规范组织生活", "存在的问题和不足",
    ]
    first = data["sections"][0]
    assert first["run_in"] is True
    assert first["text"].startswith("年初以来，支部制定年度学习计划")


def test_import_recovers_parallel_phrase_headings(tmp_path: Path) -> None:
    path = build_file_tree(tmp_path, {"parallel.txt": PARALLEL}) / "parallel.txt"
    data = answers_mapping(import_report(path, load_library()).answers)
    assert [s["heading"] for s in data["sections"]] == [
        "强基固本，筑牢基层战斗堡垒", "凝心聚力，激发党员队伍活力", "正风肃纪，营造风清气正环境",
    ]


def test_learn_takes_the_headings_of_office_texts(tmp_path: Path) -> None:
    root = build_file_tree(tmp_path / "in", {"fused.txt": FUSED, "parallel.txt": PARALLEL})
    out = tmp_path / "learned"
    summary = run_learn([root / "fused.txt", root / "parallel.txt"], out, verbose=True)
    assert "跳过" not in summary  # the parallel report has headings now
    annual = Outline.from_doc(parse_yaml((out / "annual.yaml").read_text("utf-8"), out / "annual.yaml"))
    headings = [title.text for section in annual.sections for title in section.titles]
    assert sorted(headings) == sorted([
        "强化理论武装提升党性修养", "夯实组织基础规范组织生活", "存在的问题和不足",
        "强基固本，筑牢基层战斗堡垒", "凝心聚力，激发党员队伍活力", "正风肃纪，营造风清气正环境",
    ])
