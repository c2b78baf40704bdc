"""Files in, and outputs checked: bounded reads of regular files; outputs refused before
anything is written.

Inputs are read only when they are regular files (a FIFO would hang, /dev/zero never ends) and
only up to a size cap. Outputs are checked before anything is written (`check_output`): not an
input, not a directory or device, not existing unless overwriting was asked for, a name the
file system takes. Writing them, all or none, is drafter.files.writes.
"""

from __future__ import annotations

import os
import stat
import unicodedata
from collections.abc import Iterable, Sequence
from pathlib import Path

from drafter.errors import InputFileError, OutputError, os_reason

MB = 1024 * 1024
MAX_INPUT_BYTES = 32 * MB  # a report (.docx with pictures) is a few MB; text reports far less
_DEFAULT_NAME_MAX = 255
# Characters no output name may hold: they break the lines that name the file (a message, a
# listing, a shell command) or make it read as another name (bidirectional overrides).
_LINE_BREAKS = {"\n": "换行符", "\r": "回车符", "\t": "制表符", "\u2028": "换行符", "\u2029": "分段符"}
_BIDI_CONTROLS = frozenset("\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
_OPEN_READ = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)


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

    Refused: a name with a line break or another control character; a name longer than the
    file system allows; a directory or anything but a regular
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


def refuse_control_characters(path: Path) -> None:
    """Refuse an output name holding a line break, a tab or another control character."""
    text = str(path)
    bad = [ch for ch in text if _is_control(ch)]
    if bad:
        shown = "".join(f"\\u{ord(ch):04x}" if _is_control(ch) else ch for ch in text)
        names = "、".join(dict.fromkeys(_LINE_BREAKS.get(ch, f"控制字符 U+{ord(ch):04X}") for ch in bad))
        raise OutputError(
            f"{shown}：输出文件名中有{names}，不能使用。", hint="请换一个只含普通文字的文件名。"
        )


def _is_control(ch: str) -> bool:
    return ch in _LINE_BREAKS or ch in _BIDI_CONTROLS or unicodedata.category(ch) == "Cc"


def _check_one(path: Path, *, force: bool, inputs: dict[tuple[int, int], Path]) -> None:
    refuse_control_characters(path)
    target = target_of(path)
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
        key = os.path.normcase(str(target_of(path)))
        if key in seen:
            raise OutputError(
                f"{seen[key]} 与 {path} 是同一个输出文件，后写的会覆盖先写的。",
                hint="多个答案文件同名时，请改名或分别生成到不同目录。",
            )
        seen[key] = path
        _check_one(path, force=force, inputs=sources)


def target_of(path: Path) -> Path:
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
