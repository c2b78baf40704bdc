"""Sentence alignment for diff: same result as difflib on small inputs, linear on large ones."""

from __future__ import annotations

import random
import time
from difflib import SequenceMatcher

from hypothesis import given
from hypothesis import strategies as st

from drafter.diff.align import align


def apply(a: list[str], b: list[str], ops) -> list[str]:
    """Rebuild b from a and the opcodes: every opcode must be consistent with both sides."""
    out: list[str] = []
    pos_a = pos_b = 0
    for tag, i1, i2, j1, j2 in ops:
        assert (i1, j1) == (pos_a, pos_b)
        if tag == "equal":
            assert a[i1:i2] == b[j1:j2]
        out += b[j1:j2]
        pos_a, pos_b = i2, j2
    assert (pos_a, pos_b) == (len(a), len(b))
    return out


@given(st.lists(st.sampled_from("甲乙丙丁戊己"), max_size=30), st.lists(st.sampled_from("甲乙丙丁戊己"), max_size=30))
def test_opcodes_rebuild_the_new_text(a: list[str], b: list[str]) -> None:
    assert apply(a, b, align(a, b)) == b


def test_unique_sentences_anchor_a_moved_block() -> None:
    a = ["一", "二", "三", "四", "五"]
    b = ["一", "二", "新", "三", "四", "五"]
    assert align(a, b) == [("equal", 0, 2, 0, 2), ("insert", 2, 2, 2, 3), ("equal", 2, 5, 3, 6)]
    assert align(a, b) == SequenceMatcher(None, a, b, autojunk=False).get_opcodes()


def test_large_inputs_take_near_linear_time() -> None:
    rng = random.Random(7)
    base = [f"句子{n}。" for n in range(40_000)]
    changed = [s if rng.random() > 0.05 else s + "改" for s in base]
    start = time.perf_counter()
    ops = align(base, changed)
    small = time.perf_counter() - start
    assert apply(base, changed, ops) == changed
    start = time.perf_counter()
    align(base * 4, changed * 4)  # repeated sentences are no anchors: gaps fall back to blocks
    assert time.perf_counter() - start < max(2.0, small * 40)
