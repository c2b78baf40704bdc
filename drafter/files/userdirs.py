"""Where a user's own data lives: the folder of the office's own outline library.

The conventions are those of platformdirs' `user_data_dir("drafter")`, written out here
because they are a few lines and drafter has no other use for that package:
- Linux and other Unix: `$XDG_DATA_HOME/drafter` when XDG_DATA_HOME is an absolute path
  (the XDG base directory specification ignores a relative one), else `~/.local/share/drafter`;
- macOS: `~/Library/Application Support/drafter`;
- Windows: `%APPDATA%\\drafter` (the roaming profile: an office's library follows its user to
  another computer of the domain), else `%LOCALAPPDATA%\\drafter`, else
  `~\\AppData\\Roaming\\drafter`.
`DRAFTER_HOME`, when set and not empty, is the folder itself (tests, a portable copy on a USB
stick). `data_dir` is a pure function of platform, environment and home, so every platform's
rule is tested on any machine; `user_data_dir` applies it to this process.
"""

from __future__ import annotations

import ntpath
import os
import posixpath
import sys
from collections.abc import Mapping
from pathlib import Path, PurePath, PurePosixPath, PureWindowsPath

HOME_ENV = "DRAFTER_HOME"
APP = "drafter"


def data_dir(platform: str, env: Mapping[str, str], home: str) -> PurePath:
    """drafter's user data folder on `platform` (a `sys.platform` value) for this environment
    and home folder; a Windows path on win32, a POSIX path elsewhere."""
    override = env.get(HOME_ENV, "").strip()
    if platform == "win32":
        if override:
            return PureWindowsPath(override)
        for name in ("APPDATA", "LOCALAPPDATA"):
            base = env.get(name, "").strip()
            if base and ntpath.isabs(base):
                return PureWindowsPath(base, APP)
        return PureWindowsPath(home, "AppData", "Roaming", APP)
    if override:
        return PurePosixPath(override)
    if platform == "darwin":
        return PurePosixPath(home, "Library", "Application Support", APP)
    xdg = env.get("XDG_DATA_HOME", "").strip()
    if xdg and posixpath.isabs(xdg):
        return PurePosixPath(xdg, APP)
    return PurePosixPath(home, ".local", "share", APP)


def user_data_dir() -> Path:
    """This user's data folder (see `data_dir`); `~` in DRAFTER_HOME is the home folder."""
    override = os.environ.get(HOME_ENV, "").strip()
    if override:
        return Path(override).expanduser()
    return Path(data_dir(sys.platform, os.environ, str(Path.home())))
