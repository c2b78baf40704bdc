"""The user data folder on each platform (platformdirs' conventions), DRAFTER_HOME overriding."""

from __future__ import annotations

from pathlib import Path, PurePosixPath, PureWindowsPath

import pytest

from drafter.files.userdirs import data_dir, user_data_dir


@pytest.mark.parametrize(("env", "expected"), [
    ({}, "/home/li/.local/share/drafter"),
    ({"XDG_DATA_HOME": "/data/li"}, "/data/li/drafter"),
    ({"XDG_DATA_HOME": "relative/share"}, "/home/li/.local/share/drafter"),  # the spec ignores it
    ({"XDG_DATA_HOME": "  "}, "/home/li/.local/share/drafter"),
    ({"DRAFTER_HOME": "/media/u盘/drafter", "XDG_DATA_HOME": "/data/li"}, "/media/u盘/drafter"),
])
def test_linux(env: dict[str, str], expected: str) -> None:
    assert data_dir("linux", env, "/home/li") == PurePosixPath(expected)


@pytest.mark.parametrize(("env", "expected"), [
    ({}, "/Users/li/Library/Application Support/drafter"),
    ({"XDG_DATA_HOME": "/data/li"}, "/Users/li/Library/Application Support/drafter"),
    ({"DRAFTER_HOME": "/Volumes/U/drafter"}, "/Volumes/U/drafter"),
])
def test_macos(env: dict[str, str], expected: str) -> None:
    assert data_dir("darwin", env, "/Users/li") == PurePosixPath(expected)


@pytest.mark.parametrize(("env", "expected"), [
    ({"APPDATA": r"C:\Users\li\AppData\Roaming", "LOCALAPPDATA": r"C:\Users\li\AppData\Local"},
     r"C:\Users\li\AppData\Roaming\drafter"),
    ({"LOCALAPPDATA": r"C:\Users\li\AppData\Local"}, r"C:\Users\li\AppData\Local\drafter"),
    ({"APPDATA": "Roaming"}, r"C:\Users\li\AppData\Roaming\drafter"),  # not absolute: ignored
    ({}, r"C:\Users\li\AppData\Roaming\drafter"),
    ({"DRAFTER_HOME": r"E:\drafter", "APPDATA": r"C:\Users\li\AppData\Roaming"}, r"E:\drafter"),
])
def test_windows(env: dict[str, str], expected: str) -> None:
    found = data_dir("win32", env, r"C:\Users\li")
    assert isinstance(found, PureWindowsPath)
    assert found == PureWindowsPath(expected)


def test_this_process_uses_drafter_home(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("DRAFTER_HOME", str(tmp_path / "家"))
    assert user_data_dir() == tmp_path / "家"
    monkeypatch.setenv("DRAFTER_HOME", "")
    monkeypatch.setenv("HOME", str(tmp_path))
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg"))
    monkeypatch.setattr("sys.platform", "linux")
    assert user_data_dir() == tmp_path / "xdg" / "drafter"
