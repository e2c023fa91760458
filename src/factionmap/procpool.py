"""Local worker processes behind the part of a Dask client that a batched build uses.

`cluster.build_on_cluster` submits one task per batch of files and writes the results in input
order. `ProcessPool` gives it the same calls (`submit`, `scatter`, `cancel`, `scheduler_info`, and
futures with `result` and `release`) over a `concurrent.futures.ProcessPoolExecutor`, so that a
large local build reads and extracts in batches on worker processes and is written exactly as a
Dask build is (bulk rows, a batch per transaction, ties aggregated set-based at the end), without
Dask. A worker process that dies breaks the pool: its batch and those after it are reported, and
the next build continues from there, as on a Dask cluster without retries.
"""
from __future__ import annotations

import os
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import Any, Callable, Iterable

from .builder import end_with_parent


class PoolFuture:
    """A submitted batch: its result (or the error that ended it)."""

    def __init__(self, future: Future) -> None:
        self._future = future

    def result(self) -> Any:
        return self._future.result()

    def cancel(self) -> bool:
        return self._future.cancel()

    def release(self) -> None:
        """Dask frees a finished task's result on the cluster here; a local future holds nothing else."""


class ProcessPool:
    """`workers` local processes, each ending with the build that started it (even on kill -9)."""

    dashboard_link = None

    def __init__(self, workers: int) -> None:
        if workers < 1:
            raise ValueError(f"workers={workers}: a pool needs at least one process")
        self.workers = workers
        self._pool = ProcessPoolExecutor(max_workers=workers, initializer=end_with_parent,
                                         initargs=(os.getpid(),))

    def __enter__(self) -> "ProcessPool":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def close(self) -> None:
        self._pool.shutdown(wait=True, cancel_futures=True)

    def scheduler_info(self) -> dict:
        return {"workers": {f"local-{i}": {} for i in range(self.workers)}}

    def scatter(self, values: Iterable, **_options) -> list:
        """Dask ships these to every worker once; here each task carries them (they are pickled with it)."""
        return list(values)

    def submit(self, fn: Callable, *args, pure: bool = True) -> PoolFuture:
        """The task's future; one that fails with the error when the pool is broken (a worker died)."""
        try:
            return PoolFuture(self._pool.submit(fn, *args))
        except BrokenProcessPool as exc:
            failed: Future = Future()
            failed.set_exception(exc)
            return PoolFuture(failed)

    def cancel(self, futures: Iterable[PoolFuture]) -> None:
        for future in futures:
            future.cancel()
