"""Writes that cannot destroy anything: one file, or several all or none.

Every file goes first to a short temporary name beside its target (written and flushed), and
becomes visible in one step: an exclusive link when the user did not ask to overwrite (so two
runs at once cannot both "create" a file), an atomic replace when they did. Several files are
put in place only once all are written, and a failure while placing them puts back what was
replaced. A batch's temporaries are written by a few threads while the documents are still
being made (`Staging`): creating and syncing files waits on the disk, not on Python.
Temporaries left by killed runs are removed by the next write into the same folder.
Outputs are checked before any of this (drafter.files.fsutil.check_outputs).
"""

from __future__ import annotations

import contextlib
import errno
import os
import re
import stat
import time
from collections.abc import Sequence
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING, NamedTuple

from drafter.errors import OutputError, os_reason
from drafter.files.fsutil import refuse_control_characters, target_of

if TYPE_CHECKING:
    from concurrent.futures import Future, ThreadPoolExecutor

TEMP_PREFIX = ".drafter-"
STALE_AFTER_SECONDS = 3600  # a temporary this old is left over whatever its process
BACKGROUND_FROM = 16  # from this many files on, temporaries are written by threads as staged
_WRITER_THREADS = 4
_TEMP_NAME = re.compile(r"^\.drafter-(\d+)-[0-9a-f]{8}\.tmp$")
_OPEN_NEW = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0)
_OPEN_IN_WORD = "如果该文件正在 Word 或 WPS 中打开，请先关闭它再试（答案文件不受影响）。"


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
    """Write several files all or none: a failure (disk full, a file held open) leaves none new."""
    with Staging(force=force, background=len(files) >= BACKGROUND_FROM) as staging:
        for path, data in files:
            staging.stage(path, data)
        staging.commit()


class Staging:
    """Files to write all or none, staged one by one and put in place together by `commit`.

    With `background`, each staged file's temporary is written at once by a few threads, so
    the writing overlaps whatever the caller does next (making the next documents). Nothing
    appears under a target name before `commit`. Staging never fails: a temporary that could
    not be written is written again by `commit`, which reports the failure then, so the
    caller's own checks (inputs, outputs) keep their order. Leaving the with-block removes
    every temporary left, whether `commit` ran, failed or never came.
    """

    def __init__(self, *, force: bool, background: bool) -> None:
        self.force = force
        self.background = background
        self._files: list[tuple[Path, Path, bytes | str]] = []  # (path, target, data)
        self._futures: list[Future[_Pending] | None] = []
        self._temps: list[_Pending | None] = []
        self._pool: ThreadPoolExecutor | None = None
        self._folders: set[Path] = set()

    def __enter__(self) -> Staging:
        return self

    def __exit__(
        self, kind: type[BaseException] | None, error: BaseException | None, tb: TracebackType | None
    ) -> None:
        self._collect()
        for item in self._temps:
            if item is not None:
                _unlink_quietly(item.temp)  # a placed file's temporary is gone already

    def stage(self, path: Path, data: bytes | str) -> None:
        """Add a file; with `background`, start writing its temporary."""
        target = target_of(path)
        folder = target.parent
        if folder not in self._folders:
            self._folders.add(folder)
            clean_stale_temporaries(folder)  # once per folder, not once per file
        future = None
        if self.background:
            if self._pool is None:
                from concurrent.futures import ThreadPoolExecutor

                self._pool = ThreadPoolExecutor(max_workers=_WRITER_THREADS)
            future = self._pool.submit(_write_temp, path, target, data)
        self._files.append((path, target, data))
        self._futures.append(future)
        self._temps.append(None)

    def commit(self) -> None:
        """Write what is not written yet, then put every file in place, or none."""
        for path, _, _ in self._files:
            refuse_control_characters(path)  # before any temporary is written or placed
        self._collect()
        for i, (path, target, data) in enumerate(self._files):
            if self._temps[i] is None:  # not started, or failed early: again, reporting now
                self._temps[i] = _write_temp(path, target, data)
        _commit_all([item for item in self._temps if item is not None], force=self.force)

    def _collect(self) -> None:
        """Wait for the threads and take over every temporary they wrote."""
        if self._pool is not None:
            self._pool.shutdown(wait=True)
            self._pool = None
        for i, future in enumerate(self._futures):
            if future is not None and future.exception() is None:
                self._temps[i] = future.result()
            self._futures[i] = None


def _write_temp(path: Path, target: Path, data: bytes | str) -> _Pending:
    """`data` written and flushed to a new temporary beside `target` (`path` as the user named it)."""
    payload = data.encode("utf-8") if isinstance(data, str) else data
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
