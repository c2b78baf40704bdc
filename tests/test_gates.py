"""Lint and type gates: ruff and mypy (strict, configured in pyproject.toml) run with the tests,
so a lint or type error fails the suite and CI."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", *args], cwd=ROOT, capture_output=True, text=True, check=False)


def test_ruff_is_clean() -> None:
    result = _run("ruff", "check", "drafter", "tests", "bench")
    assert result.returncode == 0, result.stdout + result.stderr


def test_mypy_is_clean() -> None:
    result = _run("mypy")
    assert result.returncode == 0, result.stdout + result.stderr


MAX_MODULE_LINES = 500


def test_every_module_is_small() -> None:
    """Modules are named after what they own and stay under MAX_MODULE_LINES lines."""
    long = {
        str(path.relative_to(ROOT)): n
        for path in sorted((ROOT / "drafter").rglob("*.py"))
        if (n := len(path.read_text(encoding="utf-8").splitlines())) > MAX_MODULE_LINES
    }
    assert not long, long
