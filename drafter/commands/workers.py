"""The worker processes `render` and `check` share: many files made or checked on every core.

`in_order(make, count)` yields `make(0)`, `make(1)`, … in order. With enough items per core
and where fork is available, the items after the first are made by forked worker processes;
elsewhere (Windows, macOS by default, a small batch) one after the other in this process.
Either way the results are the same. Not a command: `render` and `check` call it.
"""

from __future__ import annotations

import gc
import os
from collections.abc import Callable, Iterator
from typing import Any, TypeVar

T = TypeVar("T")

# What a forked worker inherits: the function that makes item i.
_SHARED: list[Callable[[int], Any]] = []


def in_order(make: Callable[[int], T], count: int, *, per_worker: int) -> Iterator[T]:
    """`make(i)` for i in range(count), in order; on worker processes from `per_worker` items
    per core on (below that, starting the workers costs more than they save).

    The first item is made here, before forking: what it loads on the way (modules, knowledge,
    templates, compiled patterns) every worker then starts with. It is handed on only once the
    workers exist: a caller may start threads then, and a process with threads must not fork.
    Workers receive only an index and return the result (picklable), so nothing large is sent.
    Everything loaded before the fork is left out of the workers' garbage collections
    (`gc.freeze`): a collection touches every object it tracks, which makes a forked worker copy
    the memory it shares with this process.
    """
    workers = min(os.cpu_count() or 1, count // per_worker)
    if workers >= 2:  # imported only for a batch: they cost a single file ~10 ms
        import multiprocessing
        from concurrent.futures import ProcessPoolExecutor
    if workers < 2 or "fork" not in multiprocessing.get_all_start_methods():
        for index in range(count):
            yield make(index)
        return
    first = make(0)
    _SHARED[:] = [make]
    gc.freeze()
    try:
        context = multiprocessing.get_context("fork")
        with ProcessPoolExecutor(max_workers=workers, mp_context=context) as pool:
            chunk = max(1, count // (workers * 4))
            results = pool.map(_call, range(1, count), chunksize=chunk)  # forks now
            yield first
            yield from results
    finally:
        _SHARED.clear()
        gc.unfreeze()


def _call(index: int) -> Any:
    return _SHARED[0](index)
