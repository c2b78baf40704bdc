"""Output safety: atomic replacement, refusing to overwrite, unwritable destinations."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from drafter.errors import OutputError
from drafter.fsutil import check_writable, write_atomic


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


def test_check_writable(tmp_path: Path) -> None:
    existing = tmp_path / "x.docx"
    existing.write_bytes(b"x")
    with pytest.raises(OutputError, match="--force"):
        check_writable(existing, force=False)
    check_writable(existing, force=True)
    with pytest.raises(OutputError, match="不存在"):
        check_writable(tmp_path / "no" / "x.docx", force=False)
    with pytest.raises(OutputError, match="目录"):
        check_writable(tmp_path, force=True)


@pytest.mark.skipif(os.geteuid() == 0, reason="root can write into read-only directories")
def test_read_only_directory(tmp_path: Path) -> None:
    ro = tmp_path / "ro"
    ro.mkdir()
    ro.chmod(0o500)
    with pytest.raises(OutputError, match="不可写"):
        check_writable(ro / "x.docx", force=False)


def test_killed_writer_leaves_old_or_new(tmp_path: Path) -> None:
    """Kill a process mid-way through many large atomic writes: the file is always whole."""
    target = tmp_path / "big.txt"
    old = "旧" * 200_000
    write_atomic(target, old)
    new = "新" * 2_000_000
    code = (
        "import sys; from pathlib import Path; from drafter.fsutil import write_atomic\n"
        f"p = Path({str(target)!r})\n"
        "while True:\n"
        f"    write_atomic(p, {new[:1]!r} * 2_000_000)\n"
    )
    for delay in (0.05, 0.1, 0.2, 0.3):
        proc = subprocess.Popen([sys.executable, "-c", code], cwd=Path(__file__).parents[1])
        try:
            proc.wait(timeout=delay)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
        content = target.read_text(encoding="utf-8")
        assert content in (old, new)
