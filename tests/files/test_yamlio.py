"""YAML loading: bounded, safe, and every error names the key, line and column."""

from __future__ import annotations

import codecs
import re
from pathlib import Path

import pytest

from drafter.errors import InputFileError, YamlError
from drafter.files import yamlio
from drafter.files.yaml_dump import dump_yaml
from drafter.files.yamlio import describe_keypath, load_yaml, parse_yaml

P = Path("t.answers.yaml")


def error_of(text: str) -> YamlError:
    with pytest.raises(YamlError) as info:
        parse_yaml(text, P)
    return info.value


def test_marks_are_found_on_demand() -> None:
    doc = parse_yaml("a: 1\nb:\n  - x: 1\n    y: [1, 2]\n", P)
    assert doc.mark(("b", 0, "y", 1)) == (4, 12)
    assert doc.mark(("b", 0, "y")) == (4, 5)
    assert doc.mark(("b", 5, "nope")) == (2, 1)  # the nearest known: the key b
    assert doc.mark(()) == (1, 1)
    err = doc.error(("b", 0, "x"), "不对。")
    assert (err.line, err.column) == (3, 5) and "b[0].x：不对。" in str(err)


def test_empty_document() -> None:
    doc = parse_yaml("# only a comment\n", P)
    assert doc.data is None and doc.mark(("a",)) is None


@pytest.mark.parametrize(
    "text",
    [
        "a: &x [1, 2]\nb: *x\n",
        "sections:\n  - heading: &h 标题\n  - heading: *h\n",
        "base: &b {unit: 某某}\nother:\n  <<: *b\n",
    ],
)
def test_aliases_are_refused_where_they_are_defined(text: str) -> None:
    err = error_of(text)
    assert "锚点和别名" in err.message and err.line is not None and "&" in err.hint
    assert text.splitlines()[err.line - 1].find("&") == err.column - 1


def test_an_alias_bomb_is_refused_at_once() -> None:
    lines = ['a0: &a0 ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    lines += [f"a{i}: &a{i} [" + ",".join([f"*a{i - 1}"] * 9) + "]" for i in range(1, 10)]
    text = "outline: general\nunit: 某某\n" + "\n".join(lines) + "\n"
    assert len(text.encode()) < 700
    err = error_of(text)
    assert "锚点和别名" in err.message and err.line == 3


def test_nesting_is_bounded_with_the_key_and_line() -> None:
    err = error_of("outline: general\nextra: " + "[" * 990 + "]" * 990 + "\n")
    assert (
        err.line == 2
        and "extra[0][0]" in err.message
        and f"嵌套超过 {yamlio.MAX_DEPTH} 层" in err.message
    )
    deep = "sections:\n" + "".join(
        "  " * i + "  - heading: 标题\n" + "  " * i + "    children:\n" for i in range(60)
    )
    err = error_of(deep)
    assert err.line is not None and err.message.count("children") >= 2 and "共" in err.message


def test_node_count_is_bounded(monkeypatch: pytest.MonkeyPatch) -> None:
    err = error_of("extra: [" + "[]," * (yamlio.MAX_NODES + 10) + "]\n")
    assert "内容项超过" in err.message
    # Text whose characters suggest many nodes but which has few is still read.
    many_commas = "text: '" + "a," * (yamlio.MAX_NODES + 10) + "'\n"
    assert parse_yaml(many_commas, P).data["text"].count(",") == yamlio.MAX_NODES + 10


def test_size_is_bounded(tmp_path: Path) -> None:
    big = tmp_path / "big.answers.yaml"
    big.write_bytes(b"text: '" + b"x" * yamlio.MAX_YAML_BYTES + b"'\n")
    with pytest.raises(InputFileError, match="文件太大"):
        load_yaml(big)


@pytest.mark.parametrize(
    ("text", "where", "problem"),
    [
        ("date: 2025-02-30\n", "date", "日超出当月天数"),
        ("date: 2025-13-01\n", "date", "月份应为 1—12"),
        (
            "sections:\n  - numbers:\n      集中学习: " + "9" * 5000 + "\n",
            "sections[0].numbers.集中学习",
            "太大",
        ),
        ("a: !!int 十\n", "a", "int"),
        ("a: !!bool 也许\n", "a", "bool"),
        ("a: !!timestamp 昨天\n", "a", "不是日期"),
        ("a: !!float 很多\n", "a", "float"),
    ],
)
def test_values_yaml_cannot_build_name_key_line_and_column(
    text: str, where: str, problem: str
) -> None:
    err = error_of(text)
    assert err.line == text.count("\n") and err.column is not None
    assert f"{where}：" in err.message and problem in err.message
    assert len(str(err).splitlines()) <= 2 and "99999999999999999999" not in str(err)


def test_repeated_key() -> None:
    err = error_of("a: 1\nb:\n  c: 1\n  c: 2\n")
    assert (err.line, err.column) == (4, 3) and "重复出现（第3行已有）" in err.message


def test_code_tags_and_syntax_errors_are_yaml_errors() -> None:
    assert "YAML 格式错误" in error_of("a: !!python/object/apply:os.system [ls]\n").message
    assert error_of("a: [\n").line == 2


@pytest.mark.parametrize(
    ("encoding", "bom"),
    [
        ("utf-8", codecs.BOM_UTF8),
        ("utf-16-le", codecs.BOM_UTF16_LE),
        ("utf-16-be", codecs.BOM_UTF16_BE),
    ],
)
def test_utf16_and_utf8_with_bom_are_read(tmp_path: Path, encoding: str, bom: bytes) -> None:
    path = tmp_path / "a.answers.yaml"
    path.write_bytes(bom + "outline: general\nunit: 某某县档案馆党支部\n".encode(encoding))
    assert load_yaml(path).data == {"outline": "general", "unit": "某某县档案馆党支部"}


def test_other_encodings_say_what_to_save_as(tmp_path: Path) -> None:
    no_bom = tmp_path / "a.answers.yaml"
    no_bom.write_bytes("outline: general\n".encode("utf-16-le"))
    with pytest.raises(InputFileError, match="UTF-16") as err:
        load_yaml(no_bom)
    assert "UTF-8" in err.value.hint
    gbk = tmp_path / "b.answers.yaml"
    gbk.write_bytes("unit: 某某县档案馆党支部\n".encode("gbk"))
    with pytest.raises(InputFileError, match="UTF-8") as err:
        load_yaml(gbk)
    assert "另存为" in err.value.hint
    binary = tmp_path / "c.answers.yaml"
    binary.write_bytes(b"PK\x03\x04\x00\x00\x08\x00\x00\x00\x00\x00\x00\x00\xff\xff")
    with pytest.raises(InputFileError, match="二进制"):
        load_yaml(binary)


def test_windows_line_ends(tmp_path: Path) -> None:
    path = tmp_path / "a.answers.yaml"
    path.write_bytes(
        b"outline: general\r\ntext: |\r\n  \xe7\xac\xac\xe4\xb8\x80\xe6\xae\xb5\r\n  two\r\n"
    )
    assert load_yaml(path).data == {"outline": "general", "text": "第一段\ntwo\n"}


def test_long_keypaths_are_shortened() -> None:
    assert describe_keypath(("sections", 2, "heading")) == "sections[2].heading"
    deep = ("sections", 0) + ("children", 0) * 10
    shown = describe_keypath(deep)
    assert shown.startswith("sections[0].children[0]…") and "共 22 层" in shown


def test_shared_values_are_dumped_without_aliases() -> None:
    shared = ["甲", "乙"]
    text = dump_yaml({"a": shared, "b": shared, "c": {"d": shared}})
    assert "&" not in text and "*" not in text
    assert parse_yaml(text, P).data == {"a": shared, "b": shared, "c": {"d": shared}}


@pytest.mark.parametrize(
    "text",
    [
        "outline: general\nsections: [\n  - a: b\n",
        "outline: general\nunit \"x\"\nyear: 2025\n",
        "a:\n\tb: 1\n",
        "a: b: c\n",
        "a: [1, 2\n",
        "a: {b: 1\n",
        "a: 'x\n",
        'a: "\\q"\n',
        "a: 1\n b: 2\n",
        "- a\nb: 1\n",
        "a: @x\n",
    ],
)
def test_syntax_errors_speak_chinese_only(text: str) -> None:
    """No English from the YAML library reaches the user: the problem and the fix in Chinese."""
    with pytest.raises(YamlError) as err:
        parse_yaml(text, Path("a.answers.yaml"))
    message = str(err.value).replace("a.answers.yaml", "").replace("YAML", "").replace("Tab", "")
    assert not re.search(r"[A-Za-z]{3,}", message), message
    assert err.value.line is not None
