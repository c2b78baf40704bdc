"""`drafter check FILE` on one file prints exactly what it printed before folder 核稿 came.

The expected outputs in tests/fixtures/check/ were taken from `drafter check` before the
command learned folders, `--summary` and `--json`; one file named alone (not a folder, no
option) must still print them byte for byte, and fail the same way on an unreadable file.
"""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from drafter.cli import run
from tests import wordml

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "check"
MINIMAL = Path(__file__).resolve().parents[2] / "examples" / "minimal.answers.yaml"


def check(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = run(["check", *argv], out, err)
    return code, out.getvalue(), err.getvalue()


def docx_of(text_file: Path, out: Path) -> Path:
    """The same report as a .docx: one Word paragraph per non-blank line."""
    lines = text_file.read_text(encoding="utf-8").splitlines()
    out.write_bytes(wordml.package("".join(wordml.p(line) for line in lines if line)))
    return out


@pytest.mark.parametrize(("name", "code"), [("dirty", 1), ("clean", 0)])
def test_one_text_report_prints_as_before(name: str, code: int) -> None:
    expected = (FIXTURES / f"{name}.expected").read_text(encoding="utf-8")
    assert check(str(FIXTURES / f"{name}.txt")) == (code, expected, "")


def test_one_docx_report_prints_as_before(tmp_path: Path) -> None:
    report = docx_of(FIXTURES / "dirty.txt", tmp_path / "dirty.docx")
    expected = (FIXTURES / "dirty.expected").read_text(encoding="utf-8")
    assert check(str(report)) == (1, expected.replace("dirty.txt", "dirty.docx", 1), "")


def test_one_answers_file_prints_as_before() -> None:
    assert check(str(MINIMAL)) == (
        0, "核稿：minimal.answers.yaml（按2025年全年核对）\n\n未发现问题。\n", ""
    )


def test_one_unreadable_file_fails_as_before(tmp_path: Path) -> None:
    bad = tmp_path / "bad.docx"
    bad.write_bytes(b"x")
    assert check(str(bad)) == (
        2, "",
        f"错误：{bad}：不是有效的 .docx 文件（不是 zip 包，可能是旧版 .doc 或改了扩展名）；"
        "请在 Word/WPS 中另存为 .docx 或 .txt 后再试\n",
    )
