"""Files in: bounded reads of regular files; outputs that cannot destroy inputs."""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest

from drafter.errors import InputFileError, OutputError
from drafter.files import fsutil
from drafter.files.fsutil import check_output, check_outputs, read_input
from drafter.files.writes import write_atomic

REPO = Path(__file__).resolve().parents[2]


def temporaries(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".tmp"))


# --- reading ---------------------------------------------------------------------------------


def test_read_input_refuses_fifo_without_hanging(tmp_path: Path) -> None:
    fifo = tmp_path / "a.answers.yaml"
    os.mkfifo(fifo)
    started = time.perf_counter()
    with pytest.raises(InputFileError, match="不是普通文件"):
        read_input(fifo, "YAML 文件")
    assert time.perf_counter() - started < 1


def test_read_input_refuses_devices_and_directories(tmp_path: Path) -> None:
    with pytest.raises(InputFileError, match="不是普通文件"):
        read_input(Path("/dev/zero"), "报告文件")
    with pytest.raises(InputFileError, match="目录"):
        read_input(tmp_path, "报告文件")
    with pytest.raises(InputFileError, match="文件不存在"):
        read_input(tmp_path / "none.txt", "报告文件")
    with pytest.raises(InputFileError, match="文件不存在"):
        read_input(REPO / "README.md" / "x", "报告文件")


def test_read_input_caps_the_size(tmp_path: Path) -> None:
    big = tmp_path / "big.txt"
    big.write_bytes(b"x" * 2048)
    with pytest.raises(InputFileError, match="文件太大"):
        read_input(big, "报告文件", limit=1024)
    assert read_input(big, "报告文件", limit=2048) == b"x" * 2048


def test_read_input_reads_at_most_the_cap_when_size_lies(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """A file whose stat size is 0 (as in /proc) is still read only up to cap + 1 bytes."""
    grows = tmp_path / "grows.txt"
    grows.write_bytes(b"y" * 10_000)
    real_stat = os.stat

    def zero_size(path: object, *args: object, **kwargs: object) -> os.stat_result:
        info = real_stat(path, *args, **kwargs)  # type: ignore[arg-type]
        return os.stat_result((info.st_mode, *info[1:6], 0, *info[7:]))

    monkeypatch.setattr(fsutil.os, "stat", zero_size)
    reads: list[int] = []
    real_read = os.read
    monkeypatch.setattr(fsutil.os, "read", lambda fd, n: reads.append(n) or real_read(fd, n))
    with pytest.raises(InputFileError, match="文件太大"):
        read_input(grows, "报告文件", limit=100)
    assert sum(reads) <= 101


def test_read_input_empty(tmp_path: Path) -> None:
    empty = tmp_path / "e.txt"
    empty.write_bytes(b" \n")
    with pytest.raises(InputFileError, match="空的"):
        read_input(empty, "报告文件")
    assert read_input(empty, "模板文件", allow_empty=True) == b" \n"


# --- checking outputs --------------------------------------------------------------------------


def test_check_output(tmp_path: Path) -> None:
    existing = tmp_path / "x.docx"
    existing.write_bytes(b"x")
    with pytest.raises(OutputError, match="--force"):
        check_output(existing, force=False)
    check_output(existing, force=True)
    with pytest.raises(OutputError, match="不存在"):
        check_output(tmp_path / "no" / "x.docx", force=False)
    with pytest.raises(OutputError, match="目录"):
        check_output(tmp_path, force=True)


def test_check_output_refuses_non_regular_files_even_with_force(tmp_path: Path) -> None:
    fifo = tmp_path / "f.docx"
    os.mkfifo(fifo)
    with pytest.raises(OutputError, match="不是普通文件"):
        check_output(fifo, force=True)
    with pytest.raises(OutputError, match="不是普通文件"):
        check_output(Path("/dev/null"), force=True)
    link = tmp_path / "null.docx"
    link.symlink_to("/dev/null")
    with pytest.raises(OutputError, match="不是普通文件"):
        check_output(link, force=True)


def test_check_output_refuses_an_input(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    answers = tmp_path / "a.answers.yaml"
    answers.write_text("outline: general\n", encoding="utf-8")
    with pytest.raises(OutputError, match="同一个文件"):
        check_output(answers, force=True, inputs=[answers])
    monkeypatch.chdir(tmp_path)
    with pytest.raises(OutputError, match="同一个文件"):
        check_output(Path("a.answers.yaml"), force=True, inputs=[tmp_path / "." / "a.answers.yaml"])
    link = tmp_path / "link.docx"
    link.symlink_to(answers)
    with pytest.raises(OutputError, match="同一个文件"):
        check_output(link, force=True, inputs=[answers])
    hard = tmp_path / "hard.docx"
    os.link(answers, hard)
    with pytest.raises(OutputError, match="同一个文件"):
        check_output(hard, force=True, inputs=[answers])
    check_output(tmp_path / "other.docx", force=True, inputs=[answers, None])


def test_check_outputs_refuses_one_output_twice(tmp_path: Path) -> None:
    with pytest.raises(OutputError, match="同一个输出文件"):
        check_outputs([tmp_path / "a.docx", tmp_path / "." / "a.docx"], force=True)


def test_name_length(tmp_path: Path) -> None:
    """248 bytes is a legal name and is written (the temporary is short); 275 is refused."""
    legal = tmp_path / ("长" * 80 + "xxx.docx")
    assert len(legal.name.encode()) == 248
    check_output(legal, force=False)
    write_atomic(legal, b"x", force=False)
    assert legal.read_bytes() == b"x"
    too_long = tmp_path / ("长" * 90 + ".docx")
    with pytest.raises(OutputError, match="文件名太长"):
        check_output(too_long, force=False)
    with pytest.raises(OutputError, match="文件名太长"):
        write_atomic(too_long, b"x")


@pytest.mark.skipif(os.geteuid() == 0, reason="root can write into read-only directories")
def test_read_only_directory(tmp_path: Path) -> None:
    ro = tmp_path / "ro"
    ro.mkdir()
    ro.chmod(0o500)
    with pytest.raises(OutputError, match="不可写"):
        check_output(ro / "x.docx", force=False)


# --- names with control characters -----------------------------------------------------------

CONTROLS = {
    "\n": "换行符", "\r": "回车符", "\t": "制表符", "\x07": "U+0007", "\x7f": "U+007F",
    "\x85": "U+0085", "\u2028": "换行符", "\u202e": "U+202E",
}


@pytest.mark.parametrize("char", CONTROLS)
def test_an_output_name_with_a_control_character_is_refused(tmp_path: Path, char: str) -> None:
    out = tmp_path / f"总结{char}.docx"
    with pytest.raises(OutputError) as info:
        check_output(out, force=True)
    line, hint = str(info.value).split("\n")  # the message on one line, then the hint
    assert CONTROLS[char] in line and hint and not any(c in line for c in CONTROLS)
    assert line.startswith(str(tmp_path / "总结\\u"))  # the name shown escaped
    with pytest.raises(OutputError):
        write_atomic(out, b"x")  # the write path refuses it too, whoever skipped the check
    assert list(tmp_path.iterdir()) == []


def test_an_ordinary_name_with_spaces_and_full_width_punctuation_is_taken(tmp_path: Path) -> None:
    out = tmp_path / "2025年 党建工作总结（定稿）·第2版.docx"
    check_output(out, force=False)
    write_atomic(out, b"x", force=False)
    assert out.read_bytes() == b"x"
