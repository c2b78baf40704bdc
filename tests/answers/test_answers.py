"""Answers files: validation errors that point at the key, atomic saving, required answers."""

from __future__ import annotations

from pathlib import Path

import pytest

from drafter.answers.answers import missing_required, read_answers, require_complete, save_answers
from drafter.errors import InputFileError, MissingAnswersError, YamlError
from drafter.library.outline import load_library
from tests.helpers import (
    MINI_KINDS,
    MINI_OUTLINE,
    build_file_tree,
    load_answers,
    mini_library_dir,
    typed,
)

GOOD = """
outline: mini
unit: 某某县档案馆党支部
year: 2025
sections:
  - topic: politics
    heading: 加强理论武装
    numbers:
      集中学习: 12
"""


@pytest.fixture
def library(tmp_path: Path):
    return load_library(mini_library_dir(tmp_path / "outlines"))


def write(tmp_path: Path, text: str | bytes, name: str = "a.answers.yaml") -> Path:
    return build_file_tree(tmp_path, {name: text}) / name


def test_good_file_loads(tmp_path: Path, library) -> None:
    data, outline = load_answers(write(tmp_path, GOOD), library)
    assert outline.id == "mini" and data["sections"][0]["numbers"] == {"集中学习": 12}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("- a\n- b\n", "应为映射"),
        ("unit: x\n", "outline"),
        ("outline: nope\nunit: x\n", "未知的大纲"),
        (GOOD.replace("topic: politics", "topic: astronomy"), "未知的栏目"),
        (GOOD.replace("集中学习: 12", "集中学习: 十二"), "应为整数或留空（不填）"),
        (GOOD.replace("集中学习: 12", "集中学习: -3"), "小于允许的最小值"),
        (GOOD.replace("集中学习: 12", "集中学习: 9999999"), "大于允许的最大值"),
        (GOOD.replace("year: 2025", "year: 1800"), "最小值"),
        (GOOD.replace("heading: 加强理论武装", "heading: ''"), "标题不能为空"),
        (GOOD + "colour: red\n", "未知的键“colour”"),
        (GOOD.replace("    heading", "    hedaing"), "未知的键“hedaing”"),
    ],
)
def test_bad_answers_point_at_the_key(tmp_path: Path, library, text: str, expected: str) -> None:
    with pytest.raises(YamlError) as err:
        load_answers(write(tmp_path, text), library)
    message = str(err.value)
    assert expected in message and "a.answers.yaml" in message


def test_error_names_line_and_column(tmp_path: Path, library) -> None:
    with pytest.raises(YamlError) as err:
        load_answers(write(tmp_path, GOOD.replace("集中学习: 12", "集中学习: -3")), library)
    assert err.value.line == 8 and "sections[0].numbers.集中学习" in str(err.value)


def test_malformed_yaml(tmp_path: Path, library) -> None:
    with pytest.raises(YamlError) as err:
        load_answers(write(tmp_path, "outline: mini\nsections: [\n"), library)
    assert err.value.line is not None and "YAML 格式错误" in str(err.value)


@pytest.mark.parametrize(
    ("content", "expected"),
    [(b"", "空的"), (b"\x00\x01binary", "二进制"), ("outline: 中".encode("gb18030"), "UTF-8")],
)
def test_unreadable_files(tmp_path: Path, library, content: bytes, expected: str) -> None:
    with pytest.raises(InputFileError, match=expected):
        load_answers(write(tmp_path, content), library)


def test_missing_and_directory(tmp_path: Path, library) -> None:
    with pytest.raises(InputFileError, match="不存在"):
        load_answers(tmp_path / "nope.yaml", library)
    with pytest.raises(InputFileError, match="目录"):
        load_answers(tmp_path, library)


def test_yaml_never_runs_code(tmp_path: Path, library) -> None:
    evil = "!!python/object/apply:os.system ['echo pwned > pwned.txt']\n"
    with pytest.raises(YamlError):
        load_answers(write(tmp_path, evil), library)
    assert not (tmp_path / "pwned.txt").exists()


def test_missing_required_lists_everything(library) -> None:
    assert missing_required({"outline": "mini"}, library) == ["单位名称（unit）", "至少一个栏目（sections）"]
    with pytest.raises(MissingAnswersError) as err:
        require_complete(typed({"outline": "mini", "unit": " "}, library, Path("x.yaml").resolve()), library)
    assert "单位名称" in str(err.value) and "sections" in str(err.value) and "x.yaml" in str(err.value)


def test_save_round_trips_and_is_readable(tmp_path: Path, library) -> None:
    data, _ = load_answers(write(tmp_path, GOOD), library)
    data["sections"][0]["text"] = "第一段。\n第二段。"
    out = tmp_path / "saved.answers.yaml"
    save_answers(out, data)
    text = out.read_text(encoding="utf-8")
    assert text.startswith("# drafter 答案文件") and "单位名称" not in text and "某某县档案馆党支部" in text
    assert "text: |" in text
    again, _ = load_answers(out, library)
    assert again["sections"][0]["text"] == "第一段。\n\n第二段。"  # one paragraph a line, blank between
    assert read_answers(out, library).sections[0].paragraphs == ["第一段。", "第二段。"]


def test_duplicate_keys_are_refused(tmp_path: Path, library) -> None:
    text = GOOD + "    text: 第一段\n    text: 第二段\n"
    with pytest.raises(YamlError) as err:
        load_answers(write(tmp_path, text), library)
    assert "重复" in str(err.value) and err.value.line == 10


def test_signature_may_be_lines_and_defaults_are_not_missing(tmp_path: Path, library) -> None:
    data, _ = load_answers(write(tmp_path, GOOD + "signature: [甲单位, 乙单位]\n"), library)
    assert data["signature"] == ["甲单位", "乙单位"]
    assert missing_required(data, library) == []


def test_error_messages_stay_on_one_line(tmp_path: Path, library) -> None:
    with pytest.raises(YamlError) as err:
        load_answers(write(tmp_path, GOOD + 'title: [1]\nopening: ["a\\n\\nb"]\n'), library)
    assert len(str(err.value).splitlines()) == 1


# --- the outline an answers file names -----------------------------------------------------------
def _own_outline(outline_id: str) -> str:
    """An outline file as `drafter import` writes beside an answers file."""
    return MINI_OUTLINE.replace("id: mini", f"id: {outline_id}")


DASH_KIND = """
  - id: dash
    name: 举措式
    description: 测试
    level1: dash
    title: "{{ unit }}举措"
"""


def test_outline_beside_the_answers_file_wins_over_the_working_folder(
    tmp_path: Path, library, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The same answers give the same document from any working folder (issue: "## 一、" vs "## ——")."""
    from drafter.composing.composer import compose

    root = mini_library_dir(tmp_path / "outlines")
    (root / "authored" / "kinds.yaml").write_text(
        MINI_KINDS.replace("kinds:\n", "kinds:\n" + DASH_KIND.lstrip("\n"), 1), encoding="utf-8"
    )
    library = load_library(root)

    home = tmp_path / "home"
    answers = write(home, GOOD.replace("outline: mini", "outline: x.outline.yaml"))
    build_file_tree(home, {"x.outline.yaml": _own_outline("own")})
    decoy = tmp_path / "decoy"
    build_file_tree(decoy, {"x.outline.yaml": _own_outline("dash")})  # kind "dash" → —— headings
    seen = []
    for folder in (home, decoy):
        monkeypatch.chdir(folder)
        typed_answers = read_answers(answers, library)
        assert typed_answers.outline.id == "own"
        seen.append([h.line for h in compose(typed_answers, library).headings()])
    assert seen[0] == seen[1] == ["一、加强理论武装"]


@pytest.mark.parametrize("ref", ["/etc/passwd.yaml", "../x.outline.yaml", "sub/../../x.outline.yaml"])
def test_outline_paths_leaving_the_folder_are_refused(tmp_path: Path, library, ref: str) -> None:
    build_file_tree(tmp_path, {"x.outline.yaml": _own_outline("own")})
    answers = write(tmp_path / "inner", GOOD.replace("outline: mini", f"outline: {ref}"))
    with pytest.raises(YamlError) as err:
        read_answers(answers, library)
    assert "答案文件所在的文件夹" in str(err.value) and err.value.line is not None


def test_a_symlinked_outline_leading_elsewhere_is_refused(tmp_path: Path, library) -> None:
    secret = build_file_tree(tmp_path / "elsewhere", {"secret.yaml": "token: s3cr3t-value\n"})
    answers = write(tmp_path / "home", GOOD.replace("outline: mini", "outline: x.outline.yaml"))
    (tmp_path / "home" / "x.outline.yaml").symlink_to(secret / "secret.yaml")
    with pytest.raises(YamlError) as err:
        read_answers(answers, library)
    assert "以外的位置" in str(err.value) and "s3cr3t" not in str(err.value)


def test_schema_versions(tmp_path: Path, library) -> None:
    assert read_answers(write(tmp_path, "schema: 1\n" + GOOD), library).schema == 1
    with pytest.raises(YamlError) as err:
        read_answers(write(tmp_path, "schema: 9\n" + GOOD), library)
    assert "格式版本 9" in str(err.value) and "升级" in str(err.value)


@pytest.mark.parametrize("period", ["明年", "2025", "\\x1e"])
def test_unknown_periods_are_refused(tmp_path: Path, library, period: str) -> None:
    with pytest.raises(YamlError) as err:
        read_answers(write(tmp_path, GOOD + f'period: "{period}"\n'), library)
    assert "不认识的时间段" in str(err.value) and len(str(err.value).splitlines()) == 2
