"""Ratio tests for linear time: how much longer a function takes on an input four times as long.

A linear function takes about 4x as long, a quadratic one about 16x. Both sizes are measured in the
same run (CPU time of this process, best of a few tries), so a slow or busy machine changes both
alike; `LINEAR` leaves room for noise and for the n log n of sorting, and none for a square.
"""
from __future__ import annotations

import gc
import time
from typing import Callable

SCALE = 4
LINEAR = 8.0  # a ratio under this is linear (quadratic: ~16)


def cpu_time(call: Callable[[], object], tries: int = 3) -> float:
    best = float("inf")
    for _ in range(tries):
        gc.collect()
        start = time.process_time()
        call()
        best = min(best, time.process_time() - start)
    return best


def growth(func: Callable[[str], object], token: str, n: int, *, tries: int = 3) -> float:
    """Time of func(token * n * SCALE) over the time of func(token * n)."""
    small, large = token * n, token * (n * SCALE)
    func(small)  # warm caches and lazy imports outside the measurement
    base = max(cpu_time(lambda: func(small), tries), 1e-3)
    return cpu_time(lambda: func(large), tries) / base
