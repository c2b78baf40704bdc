"""Shared test settings: the seeds' location and hypothesis profiles (2,000 examples in CI)."""

from __future__ import annotations

import os
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
