"""Files in and out: bounded reads of regular files, and writes that cannot destroy anything.

Inputs are read only when they are regular files (a FIFO would hang, /dev/zero never ends) and
only up to a size cap. Outputs are checked before anything is written (`check_output`), go to
a short temporary name beside the target and become visible in one step: an exclusive link
when the user did not ask to overwrite (so two runs at once cannot both "create" a file), an
atomic replace when they did. `write_all` does the same for several files, all or none.
Temporaries left by killed runs are removed by the next write into the same folder.
"""

from __future__ import annotations

import contextlib
import errno
import os
import re
import stat
import time
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import NamedTuple

from drafter.errors import InputFileError, OutputError, os_reason

MB = 1024 * 1024
MAX_INPUT_BYTES = 32 * MB  # a report (.docx with pictures) is a few MB; text reports far less
TEMP_PREFIX = ".drafter-"
STALE_AFTER_SECONDS = 3600  # a temporary this old is left over whatever its process
_TEMP_NAME = re.compile(r"^\.drafter-(\d+)-[0-9a-f]{8}\.tmp$")
_DEFAULT_NAME_MAX = 255
_OPEN_READ = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
_OPEN_NEW = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0)
_OPEN_IN_WORD = "如果该文件正在 Word 或 WPS 中打开，请先关闭它再试（答案文件不受影响）。"


# --- reading -----------------------------------------------------------------------------


def read_input(
    path: Path, what: str, *, limit: int = MAX_INPUT_BYTES, allow_empty: bool = False
) -> bytes:
    """A named input file's bytes: regular files only, at most `limit` bytes, never a hang.

    Missing, directory, device, FIFO, socket, unreadable, too large or (unless `allow_empty`)
    empty → one clear InputFileError. `what` names the expected kind of file (报告文件, YAML 文件).
    The file is stat'ed before it is opened and opened without blocking, so a FIFO put in
    place of a file between the two cannot stall the command either.
    """
    info = _stat_input(path)
    if stat.S_ISDIR(info.st_mode):
        raise InputFileError(path, f"这是一个目录，请给出{what}。")
    _require_regular(path, info, what)
    _require_size(path, info.st_size, limit, what)
    try:
        fd = os.open(path, _OPEN_READ)
    except OSError as exc:
        raise _read_error(path, exc) from None
    try:
        _require_regular(path, os.fstat(fd), what)
        data = _read_at_most(fd, limit + 1)
    except OSError as exc:
        raise _read_error(path, exc) from None
    finally:
        os.close(fd)
    _require_size(path, len(data), limit, what)
    if not allow_empty and not data.strip():
        raise InputFileError(path, "文件是空的。")
    return data


def _stat_input(path: Path) -> os.stat_result:
    try:
        return os.stat(path)
    except (FileNotFoundError, NotADirectoryError):
        raise InputFileError(path, "文件不存在。") from None
    except OSError as exc:
        raise _read_error(path, exc) from None


def _require_regular(path: Path, info: os.stat_result, what: str) -> None:
    if not stat.S_ISREG(info.st_mode):
        raise InputFileError(
            path, "不是普通文件（设备、管道或套接字），无法读取。", hint=f"请给出{what}。"
        )


def _require_size(path: Path, size: int, limit: int, what: str) -> None:
    if size > limit:
        raise InputFileError(
            path,
            f"文件太大（{_megabytes(size)}），{what}不应超过 {_megabytes(limit)}。",
            hint="请确认给出的是正确的文件。",
        )


def _read_at_most(fd: int, count: int) -> bytes:
    chunks, left = [], count
    while left > 0:
        chunk = os.read(fd, min(left, MB))
        if not chunk:
            break
        chunks.append(chunk)
        left -= len(chunk)
    return b"".join(chunks)


def _read_error(path: Path, exc: OSError) -> InputFileError:
    if isinstance(exc, PermissionError):
        return InputFileError(path, "没有读取权限，无法打开。")
    return InputFileError(path, f"无法读取（{os_reason(exc)}）。")


def _megabytes(size: int) -> str:
    return f"{size / MB:.1f} MB" if size >= MB else f"{max(size // 1024, 1)} KB"


# --- checking outputs --------------------------------------------------------------------


def is_directory(path: Path) -> bool:
    """Whether `path` is a directory; False also for a name too long to look up."""
    try:
        return stat.S_ISDIR(os.stat(path).st_mode)
    except (OSError, ValueError):
        return False


def check_output(path: Path, *, force: bool, inputs: Iterable[Path | None] = ()) -> None:
    """Refuse an output that would destroy something, before anything is written.

    Refused: a name longer than the file system allows; a directory or anything but a regular
    file (a FIFO or device stays what it is, even with force); an existing file without force;
    one of the command's own `inputs`; a missing or read-only folder.
    """
    _check_one(path, force=force, inputs=_identities(inputs))


def _identities(inputs: Iterable[Path | None]) -> dict[tuple[int, int], Path]:
    """The inputs by (device, inode), looked up once however many outputs are checked."""
    out: dict[tuple[int, int], Path] = {}
    for source in inputs:
        if source is None:
            continue
        try:
            info = os.stat(source)
        except (OSError, ValueError):
            continue
        out.setdefault((info.st_dev, info.st_ino), source)
    return out


def _check_one(path: Path, *, force: bool, inputs: dict[tuple[int, int], Path]) -> None:
    target = _target(path)
    parent = target.parent
    if not is_directory(parent):
        raise OutputError(
            f"{path}：目录 {parent} 不存在。", hint="请先创建该目录或换一个输出路径。"
        )
    _check_name_length(path, target)
    info = _stat_output(path, target)
    if info is not None:
        if stat.S_ISDIR(info.st_mode):
            raise OutputError(f"{path}：是一个目录，请给出文件名。")
        if not stat.S_ISREG(info.st_mode):
            raise OutputError(
                f"{path}：不是普通文件（设备、管道或套接字），不能写入或覆盖。",
                hint="请换一个输出文件名。",
            )
        source = inputs.get((info.st_dev, info.st_ino))
        if source is not None:
            raise OutputError(
                f"{path}：与输入文件 {source} 是同一个文件，不能作为输出（会覆盖输入）。",
                hint="请用 -o 另给一个输出文件名。",
            )
        if not force:
            raise OutputError(f"{path}：文件已存在。", hint="如需覆盖请加 --force。")
    if not os.access(parent, os.W_OK):
        raise OutputError(f"{path}：目录 {parent} 不可写。", hint="请换一个有写权限的输出路径。")


def check_outputs(
    paths: Sequence[Path], *, force: bool, inputs: Iterable[Path | None] = ()
) -> None:
    """`check_output` for each of several outputs, and no two of them the same file."""
    sources = _identities(inputs)
    seen: dict[str, Path] = {}
    for path in paths:
        key = os.path.normcase(str(_target(path)))
        if key in seen:
            raise OutputError(
                f"{seen[key]} 与 {path} 是同一个输出文件，后写的会覆盖先写的。",
                hint="多个答案文件同名时，请改名或分别生成到不同目录。",
            )
        seen[key] = path
        _check_one(path, force=force, inputs=sources)


def _target(path: Path) -> Path:
    """Where writing `path` really lands: through symbolic links, as an absolute path."""
    return Path(os.path.realpath(path))


def _check_name_length(path: Path, target: Path) -> None:
    try:
        limit = os.pathconf(target.parent, "PC_NAME_MAX")
    except (AttributeError, OSError, ValueError):
        limit = _DEFAULT_NAME_MAX
    size = len(target.name) if os.name == "nt" else len(os.fsencode(target.name))
    if size > limit:
        raise OutputError(
            f"{path}：文件名太长（{size} 字节，最多 {limit} 字节）。",
            hint="请换一个短一些的文件名。",
        )


def _stat_output(path: Path, target: Path) -> os.stat_result | None:
    try:
        return os.stat(target)
    except FileNotFoundError:
        return None
    except OSError as exc:
        raise OutputError(f"{path}：无法写入（{os_reason(exc)}）。") from None


# --- writing -----------------------------------------------------------------------------


class _Pending(NamedTuple):
    """One file of a write: where it goes and the temporary holding its new content."""

    path: Path  # as the user named it, for messages
    target: Path  # symbolic links resolved
    temp: Path


def write_atomic(path: Path, data: bytes | str, *, force: bool = True) -> None:
    """Write `data` (text as UTF-8) so that `path` holds its old content or all of the new.

    Without `force` the file is created exclusively: if it appeared since it was checked,
    nothing is overwritten and OutputError says so.
    """
    write_all([(path, data)], force=force)


def write_all(files: Sequence[tuple[Path, bytes | str]], *, force: bool) -> None:
    """Write several files all or none: a failure (disk full, a file held open) leaves none new.

    Every content is first written and flushed to a temporary beside its target; only then
    are the targets put in place, and a failure there puts back what was replaced.
    """
    pending: list[_Pending] = []
    for folder in dict.fromkeys(_target(path).parent for path, _ in files):
        clean_stale_temporaries(folder)  # once per folder, not once per file
    try:
        for path, data in files:
            pending.append(_write_temp(path, data))
        _commit_all(pending, force=force)
    finally:
        for item in pending:
            _unlink_quietly(item.temp)


def _write_temp(path: Path, data: bytes | str) -> _Pending:
    payload = data.encode("utf-8") if isinstance(data, str) else data
    target = _target(path)
    temp = target.parent / f"{TEMP_PREFIX}{os.getpid()}-{os.urandom(4).hex()}.tmp"
    try:
        fd = os.open(temp, _OPEN_NEW, 0o600)
    except OSError as exc:
        raise _write_error(path, exc) from None
    try:
        try:
            _write_bytes(fd, payload)
            os.fsync(fd)
        finally:
            os.close(fd)
        os.chmod(temp, _mode_for(target))
    except OSError as exc:
        _unlink_quietly(temp)
        raise _write_error(path, exc) from None
    except BaseException:
        _unlink_quietly(temp)
        raise
    return _Pending(path, target, temp)


def _write_bytes(fd: int, payload: bytes) -> None:
    view = memoryview(payload)
    while view:
        written = os.write(fd, view)
        view = view[written:]


def _commit_all(pending: Sequence[_Pending], *, force: bool) -> None:
    """Put every temporary in place; on a failure undo the ones already placed, then raise."""
    done: list[tuple[_Pending, bool, Path | None]] = []  # (file, created, backup of old content)
    try:
        for item in pending:
            created = not os.path.lexists(item.target)
            backup = _backup(item.target) if force and not created and len(pending) > 1 else None
            try:
                _commit(item, force=force)
            except BaseException:
                if backup is not None:
                    _unlink_quietly(backup)
                raise
            done.append((item, created, backup))
    except BaseException:
        for item, created, backup in reversed(done):
            _undo(item.target, created, backup)
        raise
    finally:
        for _, _, backup in done:
            if backup is not None:
                _unlink_quietly(backup)


def _undo(target: Path, created: bool, backup: Path | None) -> None:
    """Best effort: remove a file this write created, or put back the content it replaced."""
    try:
        if backup is not None:
            os.replace(backup, target)
        elif created:
            os.unlink(target)
    except OSError:
        pass


def _commit(item: _Pending, *, force: bool) -> None:
    try:
        if force:
            _refuse_non_regular(item)
            os.replace(item.temp, item.target)
        else:
            _create_exclusively(item)
    except FileExistsError:
        raise OutputError(f"{item.path}：文件已存在。", hint="如需覆盖请加 --force。") from None
    except PermissionError as exc:
        raise OutputError(
            f"{item.path}：无法写入（{os_reason(exc)}）。", hint=_OPEN_IN_WORD
        ) from None
    except OSError as exc:
        raise _write_error(item.path, exc) from None


def _refuse_non_regular(item: _Pending) -> None:
    try:
        info = os.lstat(item.target)
    except FileNotFoundError:
        return
    if not stat.S_ISREG(info.st_mode):
        raise OutputError(f"{item.path}：不是普通文件（设备、管道或套接字），不能覆盖。")


def _create_exclusively(item: _Pending) -> None:
    """Make the finished temporary appear under the target name only if that name is free.

    A hard link fails when the name exists, atomically. File systems without hard links
    (FAT on a USB stick) get an exclusively created placeholder that is then replaced.
    """
    try:
        os.link(item.temp, item.target)
        return
    except FileExistsError:
        raise
    except OSError:
        pass  # no hard links on this file system (or in this folder): use a placeholder
    os.close(os.open(item.target, _OPEN_NEW, 0o600))
    os.replace(item.temp, item.target)


def _backup(target: Path) -> Path | None:
    """A second name for the content about to be replaced, to put back if a later file fails."""
    backup = target.parent / f"{TEMP_PREFIX}{os.getpid()}-{os.urandom(4).hex()}.tmp"
    try:
        os.link(target, backup)
    except OSError:
        return None  # no hard links here: the replacement cannot be undone, but is still atomic
    return backup


def _mode_for(target: Path) -> int:
    """The replaced file's permissions, or what the umask gives a new file (the temp is 0600)."""
    try:
        return target.stat().st_mode & 0o7777
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


def _write_error(path: Path, exc: OSError) -> OutputError:
    if exc.errno == errno.ENOSPC:
        return OutputError(
            f"{path}：磁盘空间不足，未写入任何文件。", hint="请清理磁盘或换一个输出位置。"
        )
    if exc.errno == errno.ENAMETOOLONG:
        return OutputError(f"{path}：文件名太长。", hint="请换一个短一些的文件名。")
    return OutputError(f"{path}：无法写入（{os_reason(exc)}）。")


def _unlink_quietly(path: Path) -> None:
    with contextlib.suppress(OSError):
        os.unlink(path)


# --- leftovers of killed runs ------------------------------------------------------------


def clean_stale_temporaries(folder: Path) -> list[str]:
    """Remove drafter temporaries in `folder` whose process is gone (or that are over an hour
    old); return their names. Only names drafter makes (.drafter-<pid>-<8 hex>.tmp) are touched.
    """
    removed: list[str] = []
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return removed
    now = time.time()
    for entry in entries:
        match = _TEMP_NAME.match(entry.name)
        if not match:
            continue
        try:
            info = entry.stat(follow_symlinks=False)
        except OSError:
            continue
        if not stat.S_ISREG(info.st_mode):
            continue
        pid = int(match.group(1))
        if now - info.st_mtime > STALE_AFTER_SECONDS or (pid != os.getpid() and not _running(pid)):
            try:
                os.unlink(entry.path)
            except OSError:
                continue
            removed.append(entry.name)
    return removed


def _running(pid: int) -> bool:
    """Whether a process with this id exists. Windows is not asked (os.kill would end it):
    there only the age of a temporary marks it as stale."""
    if os.name == "nt":
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:
        return True  # exists, belongs to someone else
    return True
