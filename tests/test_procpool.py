"""`procpool.ProcessPool`: local worker processes behind the calls of a Dask client that a batched build makes."""
from __future__ import annotations

import os
import signal
import time
from concurrent.futures.process import BrokenProcessPool

import pytest

from factionmap.procpool import ProcessPool


def _pid_after(seconds: float) -> int:
    time.sleep(seconds)
    return os.getpid()


def test_tasks_run_in_other_processes_and_come_back_in_the_order_asked():
    with ProcessPool(2) as pool:
        assert len(pool.scheduler_info()["workers"]) == 2
        [shared] = pool.scatter([{"done": frozenset({"a"})}], broadcast=True, hash=False)
        assert shared == {"done": frozenset({"a"})}
        futures = [pool.submit(_pid_after, 0.05 * (3 - i), pure=False) for i in range(3)]
        pids = [f.result() for f in futures]
        for f in futures:
            f.release()
    assert os.getpid() not in pids and 1 <= len(set(pids)) <= 2


def test_a_killed_worker_fails_its_task_and_every_later_submission_without_raising_there():
    with ProcessPool(1) as pool:
        worker = pool.submit(_pid_after, 0).result()
        running = pool.submit(_pid_after, 30)
        time.sleep(0.3)
        os.kill(worker, signal.SIGKILL)
        with pytest.raises(BrokenProcessPool):
            running.result()
        later = pool.submit(_pid_after, 0)  # the build reports it with the rest; submitting must not raise
        with pytest.raises(BrokenProcessPool):
            later.result()


def test_a_pool_needs_a_worker():
    with pytest.raises(ValueError, match="at least one process"):
        ProcessPool(0)
