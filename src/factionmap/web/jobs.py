"""The upload queue: uploaded documents read and extracted in the background, one job at a time.

A bounded queue (a full one answers 503) feeds one thread; the thread reads each job's files and
extracts the documents in a separate process (so extraction never holds up the server's answers),
each document within the upload budget of size and time, then writes them to the store. A job's
progress (queued, reading, extracting n of m, done) is what /uploads/{id} and /api/uploads/{id} show.
"""
from __future__ import annotations

import multiprocessing
import os
import queue
import secrets
import shutil
import threading
import time
from collections import OrderedDict
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures import TimeoutError as FutureTimeout
from dataclasses import dataclass, field
from typing import Any

from ..budget import Budget
from ..errors import FactionmapError, IngestError, printable
from ..model import Document
from .multipart import Upload

UPLOAD_BUDGET = Budget(max_chars=2_000_000, seconds=120.0)
MAX_PENDING = 8
KEEP_JOBS = 200
_pool: ProcessPoolExecutor | None = None
_pool_lock = threading.Lock()


@dataclass
class Job:
    id: str
    names: list[str]
    status: str = "queued"  # queued, reading, extracting, done, failed
    total: int = 0  # documents to extract
    done: int = 0
    added: int = 0
    unchanged: int = 0
    extracted: int = 0
    assertions: int = 0
    errors: list[str] = field(default_factory=list)
    documents: list[dict[str, Any]] = field(default_factory=list)
    finished: threading.Event = field(default_factory=threading.Event, repr=False)

    @property
    def over(self) -> bool:
        return self.status in ("done", "failed")

    def json(self) -> dict[str, Any]:
        return {"id": self.id, "status": self.status, "files": self.names, "total": self.total, "done": self.done,
                "added": self.added, "unchanged": self.unchanged, "extracted": self.extracted,
                "assertions": self.assertions, "errors": self.errors, "documents": self.documents,
                "href": f"/uploads/{self.id}", "json": f"/api/uploads/{self.id}"}


@dataclass
class _Work:
    job: Job
    folder: str
    files: list[Upload]
    text: str
    title: str


class UploadQueue:
    def __init__(self, store, *, max_pending: int = MAX_PENDING, budget: Budget = UPLOAD_BUDGET,
                 max_file: int = 20 * 1024 * 1024, after: Callable[[], None] | None = None):
        """`after` is called once a job has stored something (the app lays the new map out then)."""
        self.store, self.budget, self.max_file, self.after = store, budget, max_file, after
        self.pending: queue.Queue[_Work] = queue.Queue(max_pending)
        self.jobs: OrderedDict[str, Job] = OrderedDict()
        self._thread: threading.Thread | None = None
        self._lock = threading.Lock()

    def submit(self, folder: str, files: list[Upload], text: str, title: str) -> Job | None:
        """Queue a job (its folder is removed once it is done); None when the queue is full."""
        names = [u.name for u in files] + (["pasted text"] if text.strip() else [])
        job = Job(secrets.token_urlsafe(12), names)
        try:
            self.pending.put_nowait(_Work(job, folder, files, text, title))
        except queue.Full:
            return None
        with self._lock:
            self.jobs[job.id] = job
            while len(self.jobs) > KEEP_JOBS:
                self.jobs.popitem(last=False)
            if self._thread is None or not self._thread.is_alive():
                self._thread = threading.Thread(target=self._serve, name="factionmap-uploads", daemon=True)
                self._thread.start()
        return job

    def get(self, job_id: str) -> Job | None:
        return self.jobs.get(job_id)

    def _serve(self) -> None:
        while True:
            work = self.pending.get()
            try:
                self._run(work)
            except Exception as exc:  # noqa: BLE001 - a job's failure is reported on its page, the queue goes on
                work.job.errors.append(f"the upload could not be completed ({type(exc).__name__})")
                work.job.status = "failed"
            finally:
                shutil.rmtree(work.folder, ignore_errors=True)
                if not work.job.over:
                    work.job.status = "done"
                if self.after is not None and (work.job.extracted or work.job.errors):
                    self.after()
                work.job.finished.set()

    def _run(self, work: _Work) -> None:
        from ..extract.pipeline import default_pipeline

        EXTRACTOR_VERSION = default_pipeline().version
        job = work.job
        job.status = "reading"
        docs = self._read(work)
        todo = []
        for doc in docs:
            known = self.store.has_document(doc.id)
            if known and self.store.extractor_version(doc.id) == EXTRACTOR_VERSION:
                job.unchanged += 1
                self._listed(job, doc)
            else:
                job.added += not known
                todo.append(doc)
        job.total, job.status = len(todo), "extracting"
        for doc in todo:
            result = self._extract(doc)
            if isinstance(result, FactionmapError):
                self.store.add_document(doc)
                job.errors.append(printable(result, 500))
            elif self.store.save_extraction(result, unless_current=True):
                job.extracted += 1
                job.assertions += len(result.assertions)
            else:
                job.unchanged += 1
            self._listed(job, doc)
            job.done += 1

    def _read(self, work: _Work) -> list[Document]:
        from ..ingest import read_bytes
        from ..ingest.files import read_limited

        docs: list[Document] = []
        for upload in work.files:
            try:
                found = read_bytes(read_limited(str(upload.path), self.max_file), upload.name,
                                   on_error=lambda e: work.job.errors.append(printable(e, 500)))
            except IngestError as exc:
                work.job.errors.append(printable(exc, 500))
                continue
            docs += found
        if work.text.strip():
            try:
                pasted = read_bytes(work.text.encode("utf-8"), "pasted text", fmt="txt")
            except IngestError as exc:
                work.job.errors.append(printable(exc, 500))
            else:
                for doc in pasted:
                    doc.title = work.title.strip() or doc.title
                docs += pasted
        return docs

    def _extract(self, doc: Document):
        from ..builder import extract_one

        try:
            return _extractor().submit(extract_one, doc, self.budget).result(timeout=self.budget.seconds + 60)
        except FutureTimeout:  # the worker did not stop at its own deadline: replace it
            _reset_pool()
            return FactionmapError(f"{doc.path}: extraction did not finish in {self.budget.seconds:g} s")
        except Exception as exc:  # noqa: BLE001 - the worker died (out of memory?): the next job gets a new one
            _reset_pool()
            return FactionmapError(f"{doc.path}: the extraction process failed ({type(exc).__name__})")

    @staticmethod
    def _listed(job: Job, doc: Document) -> None:
        job.documents.append({"id": doc.id, "title": doc.title or doc.path, "path": doc.path,
                              "href": f"/documents/{doc.id}"})


def _extractor() -> ProcessPoolExecutor:
    """One extraction process for every upload queue of this server (spawned: the server has threads)."""
    global _pool
    from ..builder import end_with_parent

    with _pool_lock:
        if _pool is None:
            _pool = ProcessPoolExecutor(max_workers=1, mp_context=multiprocessing.get_context("spawn"),
                                        initializer=end_with_parent, initargs=(os.getpid(),))
        return _pool


def _reset_pool() -> None:
    global _pool
    with _pool_lock:
        pool, _pool = _pool, None
    if pool is not None:
        for process in list(getattr(pool, "_processes", {}).values()):
            process.kill()
        pool.shutdown(wait=False, cancel_futures=True)


def wait(job: Job, seconds: float) -> Job:
    """Block until the job is over or `seconds` have passed (for `?wait=true` API clients)."""
    deadline = time.monotonic() + seconds
    while not job.finished.wait(0.2) and time.monotonic() < deadline:
        pass
    return job
