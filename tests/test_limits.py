"""Bombs: small hostile inputs that must each stop quickly with a clear message (exit 2).

Every case runs the real command line in-process and must end within 1 second and 100 MB of
Python allocations (tracemalloc peak), where the code before these limits ran for minutes,
used gigabytes or crashed with exit 3 (figures in the issue-11 report).
"""

from __future__ import annotations

import os
import shutil
import time
import tracemalloc
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from drafter.cli import main
from drafter.files import yamlio
from tests.helpers import SHIPPED

MB = 1024 * 1024
BASE = "outline: general\nunit: 某某县档案馆党支部\nyear: 2025\n"
SECTION = "sections:\n  - heading: 加强理论学习\n    text: 支部坚持每月集中学习。\n"
ALIASES = (
    "\n".join(
        ['a0: &a0 ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
        + [f"a{i}: &a{i} [" + ",".join([f"*a{i - 1}"] * 9) + "]" for i in range(1, 10)]
    )
    + "\n"
)


@pytest.fixture(autouse=True, scope="module")
def _warm_up(tmp_path_factory: pytest.TempPathFactory) -> None:
    """Import and initialise everything a render needs once, so the limits measure the input."""
    out = tmp_path_factory.mktemp("warm")
    answers = out / "w.answers.yaml"
    answers.write_text(BASE + SECTION, encoding="utf-8")
    assert main(["render", str(answers), "-o", str(out / "w.docx")]) == 0


@contextmanager
def bounded(seconds: float = 1.0, megabytes: int = 100) -> Iterator[None]:
    tracemalloc.start()
    # CPU time, not the wall clock: the bound is on the work done, which a busy machine does not change
    started = time.process_time()
    try:
        yield
    finally:
        elapsed = time.process_time() - started
        _, peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
    assert elapsed < seconds, f"took {elapsed:.2f} s"
    assert peak < megabytes * MB, f"peak {peak / MB:.0f} MB"


def run(argv: list[str], capsys: pytest.CaptureFixture[str]) -> str:
    """Run the command within the bounds; it must fail with exit 2 and one short message."""
    with bounded():
        code = main(argv)
    err = capsys.readouterr().err
    assert code == 2, err
    assert "内部错误" not in err and "Traceback" not in err and len(err.splitlines()) <= 2
    return err


def answers_file(tmp_path: Path, text: str, name: str = "a.answers.yaml") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


# --- YAML ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        BASE + SECTION + "extra:\n" + "".join(f"  {line}\n" for line in ALIASES.splitlines()),
        BASE + SECTION + ALIASES,
    ],
    ids=["in-a-key", "unknown-top-level-keys"],
)
def test_alias_bomb_in_answers(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], text: str
) -> None:
    path = answers_file(tmp_path, text)
    assert path.stat().st_size < 700
    err = run(["render", str(path), "-o", str(tmp_path / "x.docx")], capsys)
    assert "锚点和别名" in err and "第" in err


def test_alias_bomb_in_an_outline_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    outline = "schema: 1\nid: bomb\nkind: 测试\nsources: [a.txt]\nsections: []\n" + ALIASES
    (tmp_path / "bomb.outline.yaml").write_text(outline, encoding="utf-8")
    path = answers_file(tmp_path, "outline: bomb.outline.yaml\nunit: 某某\nyear: 2025\n" + SECTION)
    err = run(["render", str(path), "-o", str(tmp_path / "x.docx")], capsys)
    assert "bomb.outline.yaml" in err and "锚点和别名" in err


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (BASE + SECTION + "extra: " + "[" * 990 + "]" * 990 + "\n", "第7行第58列：extra[0]"),
        (
            BASE
            + "sections:\n  - heading: 学习\n    numbers:\n      集中学习: "
            + "9" * 5000
            + "\n",
            "第7行第13列：sections[0].numbers.集中学习：数字",
        ),
        (BASE + "date: 2025-02-30\n" + SECTION, "第4行第7列：date：日期“2025-02-30”不存在"),
        (BASE + "date: 2025-13-01\n" + SECTION, "第4行第7列：date：日期“2025-13-01”不存在"),
    ],
    ids=["nesting-990", "count-5000-digits", "date-02-30", "date-13-01"],
)
def test_yaml_values_name_key_line_and_column(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], text: str, expected: str
) -> None:
    err = run(["render", str(answers_file(tmp_path, text)), "-o", str(tmp_path / "x.docx")], capsys)
    assert expected in err


def test_many_nodes(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = answers_file(tmp_path, BASE + SECTION + "extra: [" + "[]," * 700_000 + "]\n")
    err = run(["render", str(path), "-o", str(tmp_path / "x.docx")], capsys)
    assert f"内容项超过 {yamlio.MAX_NODES}" in err


def test_huge_yaml_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "big.answers.yaml"
    path.write_bytes(BASE.encode() + b"text: " + b"x" * yamlio.MAX_YAML_BYTES + b"\n")
    err = run(["render", str(path), "-o", str(tmp_path / "x.docx")], capsys)
    assert "文件太大" in err


# --- odd files -----------------------------------------------------------------------------


def test_outline_of_dev_zero(capsys: pytest.CaptureFixture[str]) -> None:
    assert "不是普通文件" in run(["outline", "/dev/zero"], capsys)


def test_answers_file_that_is_a_fifo(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    fifo = tmp_path / "f.answers.yaml"
    os.mkfifo(fifo)
    assert "不是普通文件" in run(["render", str(fifo), "-o", str(tmp_path / "x.docx")], capsys)


# --- outside templates ---------------------------------------------------------------------


def outlines_with(tmp_path: Path, section_j2: str) -> Path:
    root = tmp_path / "outlines"
    shutil.copytree(SHIPPED, root)
    (root / "authored" / "templates" / "section.j2").write_text(section_j2, encoding="utf-8")
    return root


@pytest.mark.parametrize(
    ("template", "expected"),
    [
        ("{% for a in range(100000) %}{% for b in range(100000) %}{% endfor %}{% endfor %}", "秒"),
        ('{{ "a"*10**9 }}', "重复"),
        ("{{ range(10**9)|length }}", "range"),
        ("{% macro m() %}{{ m() }}{% endmacro %}{{ m() }}", "递归"),
        ('{% include "section.j2" %}', "递归"),
        ("{{ lipsum(n=5, min=3, max=3) }}", "lipsum"),
        (
            '{% set ns = namespace(s="ab") %}{% for i in range(40) %}{% set ns.s = ns.s ~ ns.s %}{% endfor %}',
            "连接",
        ),
        ('{{ "%0999999999d"|format(1) }}', "宽度"),
        ('{{ "x"|center(999999999) }}', "宽度"),
        (
            '{% set s = "x" * 900000 %}{% set t %}{% for i in range(100000) %}{{ s }}{% endfor %}{% endset %}',
            "输出",
        ),
    ],
    ids=[
        "nested-loops",
        "repeat",
        "range",
        "recursive-macro",
        "self-include",
        "lipsum",
        "doubling",
        "format-width",
        "center",
        "captured-block",
    ],
)
def test_outside_templates(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], template: str, expected: str
) -> None:
    root = outlines_with(tmp_path, template)
    answers = answers_file(tmp_path, BASE + SECTION)
    err = run(
        ["--outlines", str(root), "render", str(answers), "-o", str(tmp_path / "x.docx")], capsys
    )
    assert err.startswith("错误：模板错误（大纲 general，栏目“加强理论学习”") and expected in err
    assert not (tmp_path / "x.docx").exists()


def test_template_symlink_out_of_the_folder(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = outlines_with(tmp_path, '{% include "leak.j2" %}')
    (root / "authored" / "templates" / "leak.j2").symlink_to("/etc/passwd")
    answers = answers_file(tmp_path, BASE + SECTION)
    err = run(
        ["--outlines", str(root), "render", str(answers), "-o", str(tmp_path / "x.docx")], capsys
    )
    assert "目录之外" in err and "root:" not in err


# --- many items at one level -----------------------------------------------------------------


def test_120_sections_render_and_number_on(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    sections = "".join(f"  - heading: 第{i}项工作\n    text: 内容{i}。\n" for i in range(1, 121))
    answers = answers_file(tmp_path, BASE + "sections:\n" + sections)
    out = tmp_path / "x.md"
    with bounded():
        assert main(["render", str(answers), "-o", str(out)]) == 0
    text = out.read_text(encoding="utf-8")
    assert (
        "九十九、第99项工作" in text
        and "一百、第100项工作" in text
        and "一百二十、第120项工作" in text
    )
    capsys.readouterr()
