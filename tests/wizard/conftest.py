"""Fixtures of the wizard tests: the small learned library and drafter's shipped one."""

from __future__ import annotations

import pytest

from drafter.library.outline import Library, load_library
from tests.wizard.kit import build_library


@pytest.fixture(scope="module")
def library(tmp_path_factory: pytest.TempPathFactory) -> Library:
    return build_library(tmp_path_factory.mktemp("lib"))


@pytest.fixture(scope="module")
def shipped() -> Library:
    return load_library()
