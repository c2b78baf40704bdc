"""The office's own library: kinds learned from its own reports, kept in the user's data folder.

`drafter learn 报告… --name 本单位年度总结` writes one outline per own kind into
`<user data folder>/kinds/<name>.yaml` (drafter.files.userdirs: platformdirs' conventions,
`DRAFTER_HOME` overriding); every command's library (drafter.library.outline.load_library,
through `load_own` there) holds them beside the shipped outlines, so the wizard offers them, an answers file names them
(`outline: 本单位年度总结`) and `drafter check` knows the office's name. Nothing is written into
the installed package.

A kind's name is what the user typed: it is validated here (`check_name`) before it names a
file, kept literally in the file and on the screen, and never evaluated. A file of the folder
that does not load is left out of the library and reported by `drafter kinds`.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from drafter.errors import UsageError
from drafter.files import excerpt, user_data_dir

KINDS_FOLDER = "kinds"
SUFFIX = ".yaml"
MAX_NAME = 30  # characters: 本单位年度党建工作总结 has 11
MAX_KINDS = 200  # files read from the folder; an office has a handful
_FORBIDDEN = set('/\\:*?"<>|')
_WINDOWS_DEVICES = re.compile(r"^(?:con|prn|aux|nul|com[0-9]|lpt[0-9])(?:\..*)?$", re.IGNORECASE)


def own_root() -> Path:
    """The folder of the own kinds: `kinds` in the user's data folder."""
    return user_data_dir() / KINDS_FOLDER


def check_name(name: str, reserved: tuple[str, ...] = ()) -> str:
    """The kind name as it is kept (NFC, trimmed), or a usage error saying what is wrong.

    A name names a file, so it has no path separators or characters Windows refuses, no
    control characters, no leading dot, no trailing dot or space, and at most MAX_NAME
    characters; it is not one of the shipped outlines' ids or kind names (`reserved`), and it
    does not end like a file name an answers file could mean instead (.yaml).
    """
    text = unicodedata.normalize("NFC", name).strip()
    shown = excerpt(text)
    hint = "报告类型的名称用中文或字母数字，如“本单位年度总结”，不超过30个字。"
    if not text:
        raise UsageError("报告类型的名称是空的。", hint=hint)
    if len(text) > MAX_NAME:
        raise UsageError(f"报告类型的名称“{shown}”太长（{len(text)}个字，最多{MAX_NAME}个）。", hint=hint)
    bad = sorted({ch for ch in text if ch in _FORBIDDEN or (unicodedata.category(ch)[0] in "CZ" and ch != " ")})
    if bad:
        shown_bad = "、".join(repr(ch)[1:-1] for ch in bad)
        raise UsageError(f"报告类型的名称“{shown}”含有不能用于名称的字符：{shown_bad}。", hint=hint)
    if text.startswith(".") or text.endswith(".") or _WINDOWS_DEVICES.match(text):
        raise UsageError(f"报告类型的名称“{shown}”不能用作文件名。", hint=hint)
    if text.lower().endswith((".yaml", ".yml")):
        raise UsageError(f"报告类型的名称“{shown}”不能以 .yaml 结尾。", hint=hint)
    if text in reserved:
        raise UsageError(f"“{shown}”是 drafter 自带的报告类型，请另起一个名称。", hint=hint)
    return text


def own_path(name: str, root: Path | None = None) -> Path:
    """The file of the own kind `name` (a name `check_name` accepted)."""
    return (root or own_root()) / f"{name}{SUFFIX}"


@dataclass(frozen=True)
class Broken:
    """A file of the own library that did not load, and why (shown by `drafter kinds`)."""

    path: Path
    reason: str
