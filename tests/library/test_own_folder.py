"""The own library's folder: kind names checked before they name a file, files that do not load
left out and reported, own kinds beside the shipped outlines and never in their place."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from drafter.errors import UsageError
from drafter.library.outline import OwnKind, load_library, load_outline
from drafter.library.own import MAX_NAME, check_name, own_path, own_root
from tests.helpers import MINI_OUTLINE, build_file_tree

OWN = MINI_OUTLINE.replace("id: mini\nkind: 测试用总结", "id: 本局年度总结\nkind: 本局年度总结\nown:\n  base: annual\n  units: [某某县市场监督管理局机关党支部]")


def test_names_are_kept_literally_once_checked() -> None:
    assert check_name("  本单位年度总结 ") == "本单位年度总结"
    assert check_name("2025 Annual") == "2025 Annual"
    assert check_name("{{ 7+7 }}") == "{{ 7+7 }}"  # literal: never evaluated
    assert check_name("ｶ") == "ｶ"


@pytest.mark.parametrize("name", [
    "", "   ", "a/b", "a\\b", "..", ".隐藏", "总结.", "总结.yaml", "x:y", "a*b", "con", "LPT1.txt",
    "换\n行", "制表\t符", "全角\u3000空格", "零宽\u200b", "长" * (MAX_NAME + 1), "annual", "年度党建工作总结",
])
def test_bad_names_are_usage_errors(name: str) -> None:
    with pytest.raises(UsageError):
        check_name(name, reserved=("annual", "年度党建工作总结"))


def test_the_library_lives_in_the_user_data_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DRAFTER_HOME", str(tmp_path))
    assert own_root() == tmp_path / "kinds"
    assert own_path("本局年度总结") == tmp_path / "kinds" / "本局年度总结.yaml"


def test_own_kinds_join_the_shipped_outlines(tmp_path: Path) -> None:
    root = build_file_tree(tmp_path / "kinds", {
        "本局年度总结.yaml": OWN,
        "annual.yaml": OWN.replace("本局年度总结", "annual"),  # would take a shipped id
        "坏的.yaml": "schema: [",
        "不是本单位的.yaml": MINI_OUTLINE.replace("id: mini", "id: 不是本单位的"),
        "名字不符.yaml": OWN,
    })
    os.mkfifo(root / "管道.yaml")
    library = load_library(own=root)
    own = library.outlines["本局年度总结"]
    assert own.own == OwnKind("annual", ("某某县市场监督管理局机关党支部",))
    assert library.outlines["annual"].own is None  # the shipped one stays
    assert [o.id for o in library.own_outlines] == ["本局年度总结"]
    assert list(library.outlines)[-1] == "本局年度总结"
    broken = {b.path.name: b.reason for b in library.broken}
    assert set(broken) == {"坏的.yaml", "不是本单位的.yaml", "名字不符.yaml", "管道.yaml", "annual.yaml"}
    assert "自带" in broken["annual.yaml"]
    assert "名称" in broken["名字不符.yaml"] and "drafter learn --name" in broken["不是本单位的.yaml"]
    # An own kind is written as its base kind; its id is what answers files name.
    assert library.kind_of(own)["id"] == "annual" and library.kind_id(own) == "annual"
    assert library.kind_id(library.outlines["general"]) == "general"
    assert "annual" in library.reserved_names() and "年度党建工作总结" in library.reserved_names()


def test_the_office_of_a_unit(tmp_path: Path) -> None:
    library = load_library(own=build_file_tree(tmp_path, {"本局年度总结.yaml": OWN}))
    assert library.office_for(["某某县市场监督管理局机关党支部"]) == ("某某县市场监督管理局机关党支部",)
    assert library.office_for(["", "某某县市场监督管理局"]) == ("某某县市场监督管理局机关党支部",)
    assert library.office_for(["某某县统计局机关党支部"]) == ()


def test_an_outline_keeps_its_points_details(tmp_path: Path) -> None:
    text = OWN.replace("      - lead: 坚持集中学习\n", "      - lead: 坚持集中学习\n        detail: 每月确定一个学习专题\n")
    path = build_file_tree(tmp_path, {"本局年度总结.yaml": text}) / "本局年度总结.yaml"
    outline = load_outline(path)
    point = outline.sections[0].points[0]
    assert point.detail == "每月确定一个学习专题"
    written = outline.to_dict()
    assert written["own"] == {"base": "annual", "units": ["某某县市场监督管理局机关党支部"]}
    assert written["sections"][0]["points"][0] == {"lead": "坚持集中学习", "detail": "每月确定一个学习专题", "sources": ["a.txt"]}
