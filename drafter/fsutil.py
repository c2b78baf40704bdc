"""Safe file output: atomic replacement and clear errors for unwritable destinations."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from drafter.errors import InputFileError, OutputError


def read_input(path: Path, what: str) -> bytes:
    """A named input file's bytes; missing, directory, unreadable or empty → one clear error.

    `what` names the expected kind of file for the directory message (报告文件, YAML 文件).
    """
    if not path.exists():
        raise InputFileError(path, "文件不存在。")
    if path.is_dir():
        raise InputFileError(path, f"这是一个目录，请给出{what}。")
    try:
        data = path.read_bytes()
    except PermissionError:
        raise InputFileError(path, "没有读取权限，无法打开。") from None
    except OSError as exc:
        raise InputFileError(path, f"无法读取（{exc.strerror or exc}）。") from None
    if not data.strip():
        raise InputFileError(path, "文件是空的。")
    return data


def check_writable(path: Path, *, force: bool) -> None:
    """Refuse an output that exists (without force) or whose directory is missing or read-only."""
    if path.is_dir():
        raise OutputError(f"{path}：是一个目录，请给出文件名。")
    if path.exists() and not force:
        raise OutputError(f"{path}：文件已存在。", hint="如需覆盖请加 --force。")
    parent = path.parent if str(path.parent) else Path(".")
    if not parent.is_dir():
        raise OutputError(f"{path}：目录 {parent} 不存在。", hint="请先创建该目录或换一个输出路径。")
    if not os.access(parent, os.W_OK):
        raise OutputError(f"{path}：目录 {parent} 不可写。", hint="请换一个有写权限的输出路径。")


def _mode_for(path: Path) -> int:
    """The replaced file's permissions, or what the umask gives a new file (mkstemp makes 0600)."""
    try:
        return path.stat().st_mode & 0o7777
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


def write_atomic(path: Path, data: bytes | str) -> None:
    """Write `data` so that `path` holds either its old content or all of the new, never a part.

    The bytes go to a temporary file in the same directory, are flushed to disk, and the
    temporary file is renamed over the target.
    """
    payload = data.encode("utf-8") if isinstance(data, str) else data
    parent = path.parent if str(path.parent) else Path(".")
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=parent)
    except OSError as exc:
        raise OutputError(f"{path}：无法写入（{exc.strerror}）。") from exc
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(payload)
            fh.flush()
            os.fsync(fh.fileno())
        os.chmod(tmp, _mode_for(path))
        os.replace(tmp, path)
    except OSError as exc:
        Path(tmp).unlink(missing_ok=True)
        raise OutputError(f"{path}：无法写入（{exc.strerror}）。") from exc
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
