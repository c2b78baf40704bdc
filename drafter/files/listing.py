"""The files a command line names, folders opened: what a command over many files works on.

`drafter check 报告/` takes a folder as the files in it: its own files (not those of its
sub-folders) whose names the caller accepts, in the order a person sorts them (第2支部 before
第10支部), leaving out hidden files, Word's lock files (~$报告.docx) and drafter's own
temporaries. A file named on the command line is taken whatever its name, and whether or not
it exists (the reader says what is wrong with it). A file named twice (by itself and through
its folder) is taken once. The whole is bounded: at most `max_files` files and `max_bytes`
bytes together, refused before any is read.
"""

from __future__ import annotations

import os
import re
import stat
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from drafter.errors import InputFileError, UserError, os_reason

MB = 1024 * 1024
_DIGITS = re.compile(r"(\d+)")


@dataclass(frozen=True)
class Listing:
    """The files to work on, in order, and the folders named that gave none."""

    files: list[Path]
    empty_folders: list[Path]
    folders: int  # how many of the names were folders


def list_files(
    names: Sequence[Path], accept: Callable[[str], bool], *, max_files: int, max_bytes: int
) -> Listing:
    """The files `names` stand for (see the module docstring); `accept` says, by a file's
    name, which files of a folder are taken. Over the bounds: one `UserError` saying so."""
    files: list[Path] = []
    empty: list[Path] = []
    folders = 0
    for name in names:
        if _is_folder(name):
            folders += 1
            found = _folder_files(name, accept)
            files += found
            if not found:
                empty.append(name)
        else:
            files.append(name)
    files = _once(files)
    if len(files) > max_files:
        raise UserError(
            f"一次最多处理 {max_files} 个文件，这里有 {len(files)} 个。",
            hint="请分批进行，例如每次给出一个文件夹。",
        )
    total = sum(_size(path) for path in files)
    if total > max_bytes:
        raise UserError(
            f"这些文件共 {total / MB:.0f} MB，超过一次处理的上限 {max_bytes // MB} MB。",
            hint="请分批进行，例如每次给出一个文件夹。",
        )
    return Listing(files, empty, folders)


def _is_folder(path: Path) -> bool:
    try:
        return stat.S_ISDIR(os.stat(path).st_mode)
    except (OSError, ValueError):
        return False


def _folder_files(folder: Path, accept: Callable[[str], bool]) -> list[Path]:
    try:
        entries = list(os.scandir(folder))
    except OSError as exc:
        raise InputFileError(folder, f"无法打开这个文件夹（{os_reason(exc)}）。") from None
    names = [
        entry.name for entry in entries
        if not entry.name.startswith((".", "~$")) and accept(entry.name) and _is_file(entry)
    ]
    return [folder / name for name in sorted(names, key=natural_key)]


def _is_file(entry: os.DirEntry[str]) -> bool:
    try:
        return entry.is_file()
    except OSError:
        return False


def natural_key(name: str) -> tuple[tuple[int, int | str], ...]:
    """Sort key that puts 第2支部 before 第10支部: runs of digits compare as numbers."""
    return tuple(
        (0, int(part)) if part.isdigit() else (1, part.casefold())
        for part in _DIGITS.split(name) if part
    )


def _once(paths: list[Path]) -> list[Path]:
    """Each file once, at its first place: the same file under two names counts once."""
    seen: set[object] = set()
    out = []
    for path in paths:
        try:
            info = os.stat(path)
            key: object = (info.st_dev, info.st_ino)
        except (OSError, ValueError):
            key = str(path)
        if key not in seen:
            seen.add(key)
            out.append(path)
    return out


def _size(path: Path) -> int:
    try:
        info = os.stat(path)
    except (OSError, ValueError):
        return 0
    return info.st_size if stat.S_ISREG(info.st_mode) else 0
