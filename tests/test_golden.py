"""Behaviour held byte for byte: every shipped example's renders and import, every kind's
Enter-through draft and the seeds' outlines and learned outlines match the table taken before
a change (tests/fixtures/golden.json; tests/golden.py says how it is made and when to remake it).
"""

from __future__ import annotations

import json
from pathlib import Path

from tests.golden import SEEDS, TABLE, outputs


def test_outputs_are_byte_identical_to_the_table(tmp_path: Path) -> None:
    expected = json.loads(TABLE.read_text(encoding="utf-8"))
    actual = outputs(tmp_path)
    if not any(SEEDS.glob("*.txt")):  # without the seeds their outlines cannot be compared
        expected = {k: v for k, v in expected.items() if not k.startswith(("outline/", "learn/"))}
    changed = sorted(k for k in expected.keys() | actual.keys() if expected.get(k) != actual.get(k))
    assert not changed, f"outputs differ from {TABLE.name} (remake it with python -m tests.golden if on purpose): {changed}"
    assert len(actual) == len(expected) >= 50  # renders, imports and defaults at the least
