"""Shared test settings: the seeds' location and hypothesis profiles (2,000 examples in CI)."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

from tests.helpers import SEEDS

settings.register_profile(
    "ci", max_examples=2000, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
settings.register_profile("dev", max_examples=200, deadline=None)
settings.load_profile("ci" if os.environ.get("CI") else "dev")


@pytest.fixture
def seeds() -> list[Path]:
    """The five real seed reports, or a skip saying where they were expected."""
    files = sorted(SEEDS.glob("*.txt"))
    if not files:
        pytest.skip(f"seed reports not found at {SEEDS} (they live in ../shared/seeds beside the repo)")
    return files


@pytest.fixture(autouse=True, scope="session")
def _private_cache(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    """Tests keep drafter's parse cache in a folder of their own, not the user's."""
    old = os.environ.get("DRAFTER_CACHE_DIR")
    os.environ["DRAFTER_CACHE_DIR"] = str(tmp_path_factory.mktemp("cache"))
    yield
    if old is None:
        os.environ.pop("DRAFTER_CACHE_DIR", None)
    else:
        os.environ["DRAFTER_CACHE_DIR"] = old


@pytest.fixture(autouse=True)
def _private_home(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Every test has an empty user data folder of its own (DRAFTER_HOME): no test reads or
    writes the user's own library, and an own kind one test learns is not another's."""
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("DRAFTER_HOME", str(home))
    return home
