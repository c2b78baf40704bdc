"""Where the users are: Chinese Windows consoles (GBK), pipes closed early, files held by Word,
reports saved by Notepad. CI runs Linux, so the encodings are set and the errors simulated."""

from __future__ import annotations

import errno
import io
import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from drafter import console
from drafter.cli import main
from drafter.files import fsutil

REPO = Path(__file__).resolve().parents[1]
RARE = "✔😀𠀀"  # not in GBK
REPORT = f"某某县档案馆党支部2025年度党建工作总结\n一、加强理论学习{RARE}\n支部坚持每月集中学习。\n二、存在问题\n学习不够深入。\n"
ANSWERS = (
    "outline: general\nunit: 某某县档案馆党支部\nyear: 2025\nsections:\n  - heading: 加强学习\n"
)


def gbk_stream() -> io.TextIOWrapper:
    return io.TextIOWrapper(io.BytesIO(), encoding="gbk")


def test_configure_streams_replaces_what_gbk_cannot_show(monkeypatch: pytest.MonkeyPatch) -> None:
    out, err = gbk_stream(), gbk_stream()
    monkeypatch.setattr(sys, "stdout", out)
    monkeypatch.setattr(sys, "stderr", err)
    console.configure_streams()
    print(f"结构{RARE}")
    print(f"错误{RARE}", file=sys.stderr)
    for stream in (out, err):
        stream.flush()
        assert stream.buffer.getvalue().decode("gbk").endswith("???\n")  # type: ignore[attr-defined]


def test_outline_to_a_gbk_console(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    report = tmp_path / "报告.txt"
    report.write_text(REPORT, encoding="utf-8")
    out = gbk_stream()
    monkeypatch.setattr(sys, "stdout", out)
    assert main(["outline", str(report)]) == 0
    out.flush()
    assert "一、加强理论学习???" in out.buffer.getvalue().decode("gbk")  # type: ignore[attr-defined]


def test_gbk_console_in_a_real_process(tmp_path: Path) -> None:
    """As on Chinese Windows (`drafter outline 报告.txt > 结构.txt`), reproduced with PYTHONIOENCODING."""
    report = tmp_path / "报告.txt"
    report.write_text(REPORT, encoding="utf-8")
    env = dict(os.environ, PYTHONIOENCODING="gbk")
    done = subprocess.run(
        [sys.executable, "-m", "drafter", "outline", str(report)],
        check=False,
        cwd=REPO,
        env=env,
        capture_output=True,
    )
    assert done.returncode == 0 and done.stderr == b""
    assert "一、加强理论学习???" in done.stdout.decode("gbk")


def test_errors_to_a_gbk_console(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    err = gbk_stream()
    monkeypatch.setattr(sys, "stderr", err)
    assert main(["outline", str(tmp_path / f"缺{RARE}.txt")]) == 2  # not an internal error
    err.flush()
    assert "缺???.txt：文件不存在" in err.buffer.getvalue().decode("gbk")  # type: ignore[attr-defined]


class _ClosedPipe(io.TextIOBase):
    def write(self, text: str) -> int:
        raise BrokenPipeError(errno.EPIPE, "Broken pipe")


def test_a_closed_pipe_ends_quietly(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    report = tmp_path / "r.txt"
    report.write_text(REPORT, encoding="utf-8")
    monkeypatch.setattr(sys, "stdout", _ClosedPipe())
    assert main(["outline", str(report)]) == 0
    assert capsys.readouterr().err == ""


def test_a_closed_pipe_in_a_real_process(tmp_path: Path) -> None:
    """`drafter outline --json … | head -c 100`: the rest of the output goes nowhere, no message."""
    report = tmp_path / "r.txt"
    report.write_text(
        "某某县档案馆党支部党建工作总结\n一、加强学习\n" + "支部坚持集中学习。" * 40_000 + "\n",
        encoding="utf-8",
    )
    proc = subprocess.Popen(
        [sys.executable, "-m", "drafter", "outline", "--json", str(report)],
        cwd=REPO,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    assert proc.stdout is not None and proc.stderr is not None
    proc.stdout.read(100)
    proc.stdout.close()
    assert proc.wait(timeout=30) == 0
    assert proc.stderr.read() == b""


def test_a_document_open_in_word(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """Windows refuses to replace a file Word holds open: say so; the answers are untouched."""
    answers = tmp_path / "a.answers.yaml"
    answers.write_text(ANSWERS, encoding="utf-8")
    out = tmp_path / "总结.docx"
    out.write_bytes(b"old")

    def held_open(*_: object) -> None:
        raise PermissionError(errno.EACCES, "Permission denied")

    monkeypatch.setattr(fsutil.os, "replace", held_open)
    assert main(["render", str(answers), "-o", str(out), "--force"]) == 2
    monkeypatch.undo()
    err = capsys.readouterr().err
    assert str(out) in err and "Word 或 WPS" in err and "关闭" in err
    assert out.read_bytes() == b"old" and answers.read_text(encoding="utf-8") == ANSWERS
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.answers.yaml", "总结.docx"]


@pytest.mark.parametrize(
    "encode",
    [lambda t: b"\xef\xbb\xbf" + t.encode("utf-8"), lambda t: t.encode("gbk")],
    ids=["utf-8-bom", "gbk"],
)
def test_reports_saved_by_notepad(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], encode: Callable[[str], bytes]
) -> None:
    text = REPORT.replace(RARE, "").replace("\n", "\r\n")
    report = tmp_path / "记事本 报告.txt"
    report.write_bytes(encode(text))
    assert main(["outline", str(report)]) == 0
    assert "一、加强理论学习" in capsys.readouterr().out
    answers = tmp_path / "r.answers.yaml"
    assert main(["import", str(report), "-o", str(answers)]) == 0
    assert "加强理论学习" in answers.read_text(encoding="utf-8")
