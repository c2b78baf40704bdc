"""Writes that cannot destroy anything: whole files, all or none, temporaries cleaned up."""

from __future__ import annotations

import errno
import os
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from drafter.errors import OutputError
from drafter.files import writes
from drafter.files.writes import Staging, clean_stale_temporaries, write_all, write_atomic
from tests.helpers import disk_full_after

REPO = Path(__file__).resolve().parents[2]


def temporaries(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".tmp"))


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
    real_write = writes._write_bytes

    def someone_else_first(fd: int, payload: bytes) -> None:
        target.write_bytes(b"theirs")
        real_write(fd, payload)

    monkeypatch.setattr(writes, "_write_bytes", someone_else_first)
    with pytest.raises(OutputError, match="已存在"):
        write_atomic(target, b"mine", force=False)
    assert target.read_bytes() == b"theirs"
    assert temporaries(tmp_path) == []


def test_without_force_and_without_hard_links_a_placeholder_is_used(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def no_links(*_: object) -> None:
        raise OSError(errno.EPERM, "Operation not permitted")

    monkeypatch.setattr(writes.os, "link", no_links)
    target = tmp_path / "u.docx"
    write_atomic(target, b"data", force=False)
    assert target.read_bytes() == b"data"
    with pytest.raises(OutputError, match="已存在"):
        write_atomic(target, b"again", force=False)
    assert target.read_bytes() == b"data" and temporaries(tmp_path) == []


def test_two_runs_at_once_without_force_only_one_succeeds(tmp_path: Path) -> None:
    target = tmp_path / "same.docx"
    code = (
        "import sys; from pathlib import Path; from drafter.files.writes import write_atomic\n"
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

    monkeypatch.setattr(writes.os, "replace", held_open)
    with pytest.raises(OutputError, match="Word 或 WPS") as err:
        write_atomic(target, b"new")
    assert str(target) in str(err.value) and len(str(err.value).splitlines()) == 2
    monkeypatch.undo()
    assert target.read_bytes() == b"old" and temporaries(tmp_path) == []



def test_write_all_on_a_full_disk_writes_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    first, second = tmp_path / "a.yaml", tmp_path / "b.yaml"
    first.write_text("old a", encoding="utf-8")
    disk_full_after(monkeypatch, 1000)
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

    monkeypatch.setattr(writes.os, "replace", word_holds_c)
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
        "from pathlib import Path; from drafter.files.writes import write_atomic\n"
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


# --- staging a batch ----------------------------------------------------------------------------


def test_a_batch_is_written_by_threads_whole_and_leaves_no_temporaries(tmp_path: Path) -> None:
    files = [(tmp_path / f"{i:03}.docx", f"第{i}份".encode() * 1000) for i in range(writes.BACKGROUND_FROM * 2)]
    write_all(files, force=False)
    assert all(path.read_bytes() == data for path, data in files)
    assert temporaries(tmp_path) == []


def test_staged_files_appear_only_at_commit_and_go_when_it_never_comes(tmp_path: Path) -> None:
    with pytest.raises(RuntimeError), Staging(force=False, background=True) as staging:
        for i in range(20):
            staging.stage(tmp_path / f"{i}.docx", b"x" * 1000)
        assert not list(tmp_path.glob("*.docx"))  # temporaries only
        raise RuntimeError("an answers file failed")
    assert list(tmp_path.iterdir()) == []


def test_a_temporary_that_failed_early_is_reported_at_commit_and_nothing_is_placed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Staging never fails (the caller's checks keep their order); commit writes again what
    failed and reports it, and no file of the batch appears."""
    real_write = writes._write_bytes
    full = {"disk": True}

    def sometimes_full(fd: int, payload: bytes) -> None:
        if full["disk"] and payload.startswith(b"7"):
            raise OSError(errno.ENOSPC, "No space left on device")
        real_write(fd, payload)

    monkeypatch.setattr(writes, "_write_bytes", sometimes_full)
    missing = tmp_path / "no such folder" / "a.docx"
    with Staging(force=False, background=True) as staging:
        staging.stage(missing, b"0")  # no error yet: the output checks come first
        for i in range(1, 20):
            staging.stage(tmp_path / f"{i}.docx", f"{i}".encode())
        with pytest.raises(OutputError, match="无法写入"):
            staging.commit()
    assert temporaries(tmp_path) == [] and not list(tmp_path.glob("*.docx"))
    with Staging(force=False, background=True) as staging:
        for i in range(1, 20):
            staging.stage(tmp_path / f"{i}.docx", f"{i}".encode())
        with pytest.raises(OutputError, match="磁盘空间不足"):
            staging.commit()
    assert temporaries(tmp_path) == [] and not list(tmp_path.glob("*.docx"))
