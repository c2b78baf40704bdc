"""Files in and out: bounded reads, outputs that cannot destroy inputs, all-or-nothing writes."""

from __future__ import annotations

import errno
import os
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from drafter import fsutil
from drafter.errors import InputFileError, OutputError
from drafter.fsutil import (
    check_output,
    check_outputs,
    clean_stale_temporaries,
    read_input,
    write_all,
    write_atomic,
)

REPO = Path(__file__).resolve().parents[1]


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


# --- writing -----------------------------------------------------------------------------------


def test_write_atomic_replaces_whole(tmp_path: Path) -> None:
    target = tmp_path / "a.txt"
    write_atomic(target, "旧")
    write_atomic(target, "新内容")
    assert target.read_text(encoding="utf-8") == "新内容"
    assert [p.name for p in tmp_path.iterdir()] == ["a.txt"]


def test_new_files_get_umask_permissions_and_old_keep_theirs(tmp_path: Path) -> None:
    old_umask = os.umask(0o022)
    try:
        target = tmp_path / "new.docx"
        write_atomic(target, b"x")
        assert target.stat().st_mode & 0o777 == 0o644
        target.chmod(0o640)
        write_atomic(target, b"y")
        assert target.stat().st_mode & 0o777 == 0o640
    finally:
        os.umask(old_umask)


def test_without_force_a_file_that_appeared_is_kept(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Check, then write: a file created in between is not overwritten (exclusive creation)."""
    target = tmp_path / "a.docx"
    real_write = fsutil._write_bytes

    def someone_else_first(fd: int, payload: bytes) -> None:
        target.write_bytes(b"theirs")
        real_write(fd, payload)

    monkeypatch.setattr(fsutil, "_write_bytes", someone_else_first)
    with pytest.raises(OutputError, match="已存在"):
        write_atomic(target, b"mine", force=False)
    assert target.read_bytes() == b"theirs"
    assert temporaries(tmp_path) == []


def test_without_force_and_without_hard_links_a_placeholder_is_used(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def no_links(*_: object) -> None:
        raise OSError(errno.EPERM, "Operation not permitted")

    monkeypatch.setattr(fsutil.os, "link", no_links)
    target = tmp_path / "u.docx"
    write_atomic(target, b"data", force=False)
    assert target.read_bytes() == b"data"
    with pytest.raises(OutputError, match="已存在"):
        write_atomic(target, b"again", force=False)
    assert target.read_bytes() == b"data" and temporaries(tmp_path) == []


def test_two_runs_at_once_without_force_only_one_succeeds(tmp_path: Path) -> None:
    target = tmp_path / "same.docx"
    code = (
        "import sys; from pathlib import Path; from drafter.fsutil import write_atomic\n"
        "from drafter.errors import OutputError\n"
        "try:\n"
        f"    write_atomic(Path({str(target)!r}), sys.argv[1].encode() * 3_000_000, force=False)\n"
        "except OutputError:\n"
        "    sys.exit(2)\n"
    )
    procs = [subprocess.Popen([sys.executable, "-c", code, str(i)], cwd=REPO) for i in range(4)]
    codes = sorted(p.wait() for p in procs)
    assert codes == [0, 2, 2, 2]
    content = target.read_bytes()
    assert len(content) == 3_000_000 and len(set(content)) == 1
    assert temporaries(tmp_path) == []


def test_force_never_replaces_a_fifo(tmp_path: Path) -> None:
    fifo = tmp_path / "f.docx"
    os.mkfifo(fifo)
    with pytest.raises(OutputError, match="不是普通文件"):
        write_atomic(fifo, b"x", force=True)
    assert fifo.is_fifo() and temporaries(tmp_path) == []


def test_writing_through_a_symlink_keeps_the_link(tmp_path: Path) -> None:
    real = tmp_path / "real.txt"
    real.write_text("old", encoding="utf-8")
    link = tmp_path / "link.txt"
    link.symlink_to(real)
    write_atomic(link, "new")
    assert link.is_symlink() and real.read_text(encoding="utf-8") == "new"


def test_replacing_a_file_held_open_names_word(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Windows refuses to replace a .docx that Word has open: say so, keep everything else."""
    target = tmp_path / "总结.docx"
    target.write_bytes(b"old")

    def held_open(*_: object) -> None:
        raise PermissionError(errno.EACCES, "Permission denied")

    monkeypatch.setattr(fsutil.os, "replace", held_open)
    with pytest.raises(OutputError, match="Word 或 WPS") as err:
        write_atomic(target, b"new")
    assert str(target) in str(err.value) and len(str(err.value).splitlines()) == 2
    monkeypatch.undo()
    assert target.read_bytes() == b"old" and temporaries(tmp_path) == []


def _disk_full_after(monkeypatch: pytest.MonkeyPatch, allowed: int) -> None:
    """Make os.write fail with ENOSPC once `allowed` bytes have been written."""
    real_write = os.write
    written = [0]

    def write(fd: int, data: bytes | memoryview) -> int:
        if written[0] + len(data) > allowed:
            raise OSError(errno.ENOSPC, "No space left on device")
        written[0] += len(data)
        return real_write(fd, data)

    monkeypatch.setattr(fsutil.os, "write", write)


def test_write_all_on_a_full_disk_writes_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    first, second = tmp_path / "a.yaml", tmp_path / "b.yaml"
    first.write_text("old a", encoding="utf-8")
    _disk_full_after(monkeypatch, 1000)
    with pytest.raises(OutputError, match="磁盘空间不足"):
        write_all([(first, "a" * 600), (second, "b" * 600)], force=True)
    assert first.read_text(encoding="utf-8") == "old a"
    assert not second.exists() and temporaries(tmp_path) == []


def test_write_all_undoes_the_first_files_when_a_later_one_fails(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    first, second, third = tmp_path / "a.yaml", tmp_path / "b.yaml", tmp_path / "c.yaml"
    first.write_text("old a", encoding="utf-8")
    third.write_text("old c", encoding="utf-8")
    real_replace = os.replace

    def word_holds_c(src: object, dst: object) -> None:
        if Path(str(dst)) == third:
            raise PermissionError(errno.EACCES, "Permission denied")
        real_replace(src, dst)  # type: ignore[arg-type]

    monkeypatch.setattr(fsutil.os, "replace", word_holds_c)
    with pytest.raises(OutputError, match="Word 或 WPS"):
        write_all([(first, "new a"), (second, "new b"), (third, "new c")], force=True)
    monkeypatch.undo()
    assert first.read_text(encoding="utf-8") == "old a"
    assert not second.exists()
    assert third.read_text(encoding="utf-8") == "old c"
    assert temporaries(tmp_path) == []


def test_write_all_without_force_creates_none_when_one_exists(tmp_path: Path) -> None:
    (tmp_path / "b.yaml").write_text("keep", encoding="utf-8")
    with pytest.raises(OutputError, match="已存在"):
        write_all([(tmp_path / "a.yaml", "a"), (tmp_path / "b.yaml", "b")], force=False)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["b.yaml"]


# --- leftovers of killed runs ---------------------------------------------------------------


def _dead_pid() -> int:
    proc = subprocess.Popen([sys.executable, "-c", "pass"])
    proc.wait()
    return proc.pid


def test_stale_temporaries_are_cleaned_and_nothing_else(tmp_path: Path) -> None:
    dead = tmp_path / f".drafter-{_dead_pid()}-0123abcd.tmp"
    old = tmp_path / f".drafter-{os.getpid()}-89abcdef.tmp"
    live = tmp_path / f".drafter-{os.getpid()}-00000000.tmp"
    keep = [
        tmp_path / ".drafter-notes.tmp",
        tmp_path / "x.drafter-1-0123abcd.tmp",
        tmp_path / "a.docx",
    ]
    for path in (dead, old, live, *keep):
        path.write_bytes(b"x" * 1000)
    two_hours_ago = time.time() - 7200
    os.utime(old, (two_hours_ago, two_hours_ago))
    assert sorted(clean_stale_temporaries(tmp_path)) == sorted([dead.name, old.name])
    assert all(p.exists() for p in (live, *keep))


def test_killed_writer_leaves_old_or_new_and_its_temporaries_go(tmp_path: Path) -> None:
    """Kill a process mid-way through large writes: the file is always whole, and the next
    write into the folder removes what the killed process left."""
    target = tmp_path / "big.txt"
    old = "旧" * 200_000
    write_atomic(target, old)
    new = "新" * 2_000_000
    code = (
        "from pathlib import Path; from drafter.fsutil import write_atomic\n"
        f"p = Path({str(target)!r})\n"
        "while True:\n"
        f"    write_atomic(p, {new[:1]!r} * 2_000_000)\n"
    )
    for delay in (0.05, 0.1, 0.2, 0.3):
        proc = subprocess.Popen([sys.executable, "-c", code], cwd=REPO)
        try:
            proc.wait(timeout=delay)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
        content = target.read_text(encoding="utf-8")
        assert content in (old, new)
    write_atomic(tmp_path / "other.txt", "x")
    assert temporaries(tmp_path) == []


def test_writes_in_threads_do_not_clean_each_other(tmp_path: Path) -> None:
    """A process's own temporaries are never stale to itself."""
    errors: list[OSError | OutputError] = []

    def write(i: int) -> None:
        try:
            for _ in range(20):
                write_atomic(tmp_path / f"{i}.txt", str(i) * 100_000)
        except (OSError, OutputError) as exc:  # collected for the assertion
            errors.append(exc)

    threads = [threading.Thread(target=write, args=(i,)) for i in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == [] and temporaries(tmp_path) == []
