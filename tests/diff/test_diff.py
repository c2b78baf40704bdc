"""`drafter diff`: section pairing, counts, sentences, basics, answers files vs reports, exit semantics.

Reports are written for a fictional county meteorological bureau; no seed sentences.
"""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from drafter.commands.diff import diff_files
from drafter.diff.diff import marked, pair_headings, text_diff
from drafter.errors import InputFileError
from drafter.library.outline import Library, load_library
from tests.helpers import run_import

OLD = """
某某县气象局机关党支部2023年度党建工作总结

2023年，某某县气象局机关党支部坚持以习近平新时代中国特色社会主义思想为指导，围绕气象防灾减灾中心任务抓党建、促业务。现将全年工作总结如下：
一、强化理论武装，筑牢思想根基
支部把每月第一个周三定为集中学习日，全年开展集中学习14次、专题研讨5次。
党员结合预报岗位撰写学习体会，在局内刊物交流。
二、夯实基层基础，规范组织生活
全年召开支委会12次、党员大会4次，主题党日做到月月有主题。
三、加强作风建设，提升服务效能
推行气象服务首问负责制，群众来电做到件件有回音。
四、存在的问题
学用结合还不够紧密，党建与气象业务融合的办法还不多。
某某县气象局机关党支部
2023年12月20日
"""

NEW = """
某某县气象局机关党支部2024年度党建工作总结

2024年，某某县气象局机关党支部坚持以习近平新时代中国特色社会主义思想为指导，围绕气象防灾减灾中心任务抓党建、促业务。现将全年工作总结如下：
一、强化理论武装，筑牢思想根基
支部把每月第一个周三定为集中学习日，全年开展集中学习20次、专题研讨5次。
党员结合预报岗位撰写学习体会，在局内刊物和县融媒体交流。
二、夯实基层基础，全面规范组织生活
全年召开支委会12次、党员大会4次，主题党日做到月月有主题。
青年党员组建气象科普志愿队，走进中小学开展科普活动。
三、存在的问题
学用结合还不够紧密，党建与气象业务融合的办法还不多。
四、下一步工作打算
新的一年，支部将推动党建与气象业务深度融合。
某某县气象局机关党支部
2024年12月20日
"""


def write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(textwrap.dedent(text).lstrip("\n"), encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def library() -> Library:
    return load_library()


def test_identical_reports(tmp_path: Path, library: Library) -> None:
    result = diff_files(write(tmp_path, "a.txt", OLD), write(tmp_path, "b.txt", OLD), library)
    text, differs = result.to_text(), result.differs
    assert not differs
    assert "两份报告内容相同" in text


def test_report_equals_its_own_import(tmp_path: Path, library: Library) -> None:
    report = write(tmp_path, "a.txt", OLD)
    answers = tmp_path / "a.answers.yaml"
    run_import(report, answers, library, force=False)
    assert diff_files(report, answers, library).differs is False
    assert diff_files(answers, report, library).differs is False


def test_changes_between_two_years(tmp_path: Path, library: Library) -> None:
    result = diff_files(write(tmp_path, "old.txt", OLD), write(tmp_path, "new.txt", NEW), library)
    assert result.differs
    assert "标题：某某县气象局机关党支部2023年度党建工作总结 → 某某县气象局机关党支部2024年度党建工作总结" in result.basics
    assert "成文日期：2023年12月20日 → 2024年12月20日" in result.basics
    assert result.opening.lines == ["改动句：202[3→4]年，某某县气象局机关…"]
    by_path = {(s.status, s.path): s for s in result.sections}

    study = by_path[("修改", "强化理论武装，筑牢思想根基")]
    assert study.numbers == ["集中学习：14 → 20"]
    assert study.text.lines == [
        "改动句：…学习体会，在局内刊物[+和县融媒体]交流。"
    ]  # the count is not repeated

    organisation = by_path[("修改", "夯实基层基础，全面规范组织生活")]
    assert organisation.heading == ("夯实基层基础，规范组织生活", "夯实基层基础，全面规范组织生活")
    assert organisation.text.lines == [
        "新增句：青年党员组建气象科普志愿队，走进中小学开展科普活动。"
    ]

    assert ("删除栏目", "加强作风建设，提升服务效能") in by_path
    assert ("新增栏目", "下一步工作打算") in by_path
    assert not any(
        s.path == "存在的问题" for s in result.sections
    )  # moved from 四、 to 三、, unchanged

    text = result.to_text()
    assert "数字：集中学习：14 → 20" in text
    assert "共计：新增栏目 1 个，删除栏目 1 个，修改栏目 2 个。" in text


def test_pairing_by_topic_then_heading() -> None:
    old = [("politics", "甲"), (None, "加强作风建设"), (None, "完全不同")]
    new = [(None, "加强作风建设，提升效能"), ("politics", "乙"), (None, "另起一题")]
    assert pair_headings(old, new) == {0: 1, 1: 0}


@pytest.mark.parametrize("example", ["complete", "seed001-annual", "seed002-measures", "seed004-duty-report"])
def test_a_document_equals_the_answers_it_was_rendered_from(
    tmp_path: Path, library: Library, example: str
) -> None:
    """Like with like: the .docx and its own answers file are the same document (exit 0)."""
    from drafter.cli import run

    answers = Path(__file__).resolve().parents[2] / "examples" / f"{example}.answers.yaml"
    out = tmp_path / "总结.docx"
    assert run(["render", str(answers), "-o", str(out)]) == 0
    result = diff_files(out, answers, library)
    assert not result.differs, result.to_text()
    assert run(["diff", str(out), str(answers)]) == 0


def test_sentence_changes() -> None:
    lines = text_diff(
        ["一是加强学习。二是规范管理。"], ["一是加强学习。二是严格规范管理。三是关心党员。"]
    ).lines
    assert lines == ["改动句：二是[+严格]规范管理。", "新增句：三是关心党员。"]


def test_marked_shortens_long_unchanged_text() -> None:
    old = "支部围绕气象防灾减灾中心任务，组织党员深入乡镇开展走访调研6次，形成调研报告2篇。"
    new = old.replace("6次", "9次")
    assert marked(old, new) == "…深入乡镇开展走访调研[6→9]次，形成调研报告2篇。"
    longer = old + "支部还组织党员参加县里的各类志愿服务活动。"
    assert (
        marked(longer, longer.replace("6次", "9次"))
        == "…深入乡镇开展走访调研[6→9]次，形成调研报告2篇…"
    )


def test_nested_sections_and_answers_files(tmp_path: Path, library: Library) -> None:
    old = tmp_path / "old.answers.yaml"
    new = tmp_path / "new.answers.yaml"
    body = """
    outline: annual
    unit: 某某县气象局机关党支部
    sections:
      - topic: politics
        heading: 强化理论武装
        children:
          - heading: 抓实集中学习
            numbers: {{集中学习: {n}}}
            text: 全年开展集中学习{n}次。
    """
    old.write_text(textwrap.dedent(body.format(n=14)), encoding="utf-8")
    new.write_text(textwrap.dedent(body.format(n=20)), encoding="utf-8")
    result = diff_files(old, new, library)
    assert [(s.status, s.path, s.numbers, s.text.lines) for s in result.sections] == [
        ("修改", "强化理论武装 › 抓实集中学习", ["集中学习：14 → 20"], [])
    ]


def test_bad_inputs_are_user_errors(tmp_path: Path, library: Library) -> None:
    good = write(tmp_path, "a.txt", OLD)
    with pytest.raises(InputFileError):
        diff_files(good, tmp_path / "missing.txt", library)
    broken = tmp_path / "bad.yaml"
    broken.write_text("outline: [unclosed\n", encoding="utf-8")
    with pytest.raises(InputFileError):
        diff_files(broken, good, library)
