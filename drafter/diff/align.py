"""Aligning two sequences of sentences in near-linear time (patience alignment).

`difflib.SequenceMatcher` is quadratic in the worst case: two long reports that share few
sentences take minutes. Reports share most sentences verbatim, and a sentence that occurs once
on each side is a safe anchor. So: strip the common head and tail, take the sentences unique on
both sides, keep the longest run of them in the same order (longest increasing subsequence,
O(n log n)) as anchors, and align the gaps between anchors the same way. A gap without anchors
is aligned by SequenceMatcher when small, else reported as one replaced block.
"""

from __future__ import annotations

from bisect import bisect_left
from collections import Counter
from collections.abc import Sequence
from difflib import SequenceMatcher

Opcode = tuple[str, int, int, int, int]  # as SequenceMatcher.get_opcodes(): tag, i1, i2, j1, j2

SMALL_GAP = 2_500  # len(a) * len(b) up to which a gap is aligned by SequenceMatcher


def align(a: Sequence[str], b: Sequence[str]) -> list[Opcode]:
    """Opcodes turning `a` into `b` ("equal", "replace", "delete", "insert"), merged and in order.

    Work is a stack of tasks — a range still to align, or an opcode already decided — pushed in
    reverse, so they come off in reading order and no recursion depth builds up.
    """
    out: list[Opcode] = []
    stack: list[Opcode] = [("range", 0, len(a), 0, len(b))]
    while stack:
        tag, i1, i2, j1, j2 = stack.pop()
        if tag != "range":
            out.append((tag, i1, i2, j1, j2))
            continue
        while i1 < i2 and j1 < j2 and a[i1] == b[j1]:
            out.append(("equal", i1, i1 + 1, j1, j1 + 1))
            i1, j1 = i1 + 1, j1 + 1
        end_i, end_j = i2, j2
        while i1 < i2 and j1 < j2 and a[i2 - 1] == b[j2 - 1]:
            i2, j2 = i2 - 1, j2 - 1
        tasks: list[Opcode] = []
        anchors = _anchors(a, i1, i2, b, j1, j2)
        if anchors:
            i, j = i1, j1
            for ai, aj in anchors:
                tasks += [("range", i, ai, j, aj), ("equal", ai, ai + 1, aj, aj + 1)]
                i, j = ai + 1, aj + 1
            tasks.append(("range", i, i2, j, j2))
        else:
            tasks += _gap(a, i1, i2, b, j1, j2)
        if i2 < end_i:
            tasks.append(("equal", i2, end_i, j2, end_j))
        stack.extend(reversed(tasks))
    return _merge(out)


def _anchors(
    a: Sequence[str], i1: int, i2: int, b: Sequence[str], j1: int, j2: int
) -> list[tuple[int, int]]:
    """(i, j) of sentences unique on both sides, the longest run of them in the same order."""
    count_a = Counter(a[i1:i2])
    count_b = Counter(b[j1:j2])
    where_b = {b[j]: j for j in range(j1, j2) if count_b[b[j]] == 1}
    pairs = [(i, where_b[a[i]]) for i in range(i1, i2) if count_a[a[i]] == 1 and a[i] in where_b]
    return _longest_increasing(pairs)


def _longest_increasing(pairs: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The longest subsequence of pairs (ordered by i) whose j increase too (patience sorting)."""
    tails: list[int] = []  # tails[k]: smallest j ending an increasing run of length k+1
    tail_at: list[int] = []  # index into pairs of that run's last pair
    back: list[int] = []
    for n, (_, j) in enumerate(pairs):
        k = bisect_left(tails, j)
        if k == len(tails):
            tails.append(j)
            tail_at.append(n)
        else:
            tails[k] = j
            tail_at[k] = n
        back.append(tail_at[k - 1] if k else -1)
    run = []
    n = tail_at[-1] if tail_at else -1
    while n >= 0:
        run.append(pairs[n])
        n = back[n]
    return run[::-1]


def _gap(a: Sequence[str], i1: int, i2: int, b: Sequence[str], j1: int, j2: int) -> list[Opcode]:
    if i1 == i2 and j1 == j2:
        return []
    if i1 == i2:
        return [("insert", i1, i2, j1, j2)]
    if j1 == j2:
        return [("delete", i1, i2, j1, j2)]
    if (i2 - i1) * (j2 - j1) <= SMALL_GAP:
        ops = SequenceMatcher(None, list(a[i1:i2]), list(b[j1:j2]), autojunk=False).get_opcodes()
        return [(tag, x1 + i1, x2 + i1, y1 + j1, y2 + j1) for tag, x1, x2, y1, y2 in ops]
    return [("replace", i1, i2, j1, j2)]


def _merge(ops: list[Opcode]) -> list[Opcode]:
    """Adjacent opcodes of one tag as one (equal runs and replaced blocks read as wholes)."""
    out: list[Opcode] = []
    for op in ops:
        if op[2] == op[1] and op[4] == op[3]:
            continue
        if out and out[-1][0] == op[0] and out[-1][2] == op[1] and out[-1][4] == op[3]:
            tag, i1, _, j1, _ = out[-1]
            out[-1] = (tag, i1, op[2], j1, op[4])
        else:
            out.append(op)
    return out
