"""Ingest and build: files -> documents -> extractions -> store. The CLI's `ingest` and `build`.

Every failure is the file's, never the run's: a bad file (or JSONL line, or a document whose
extraction fails or goes over its budget) is reported through `on_error` and skipped, and the rest
are stored; `BuildReport.errors` lists what was skipped. Each document's results are written in one
transaction, so an interrupted build resumes where it stopped: documents already extracted by the
current extractor version are skipped, also when another build stored them meanwhile.

With `jobs` > 1 documents are extracted in worker processes, which end with the build that started
them (also when it is killed); a worker that dies (out of memory) costs only the documents it held.
"""
from __future__ import annotations

import os
import signal
import threading
from collections import deque
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from typing import Callable, Iterable, Iterator

from .budget import Budget
from .errors import ExtractionError, FactionmapError, first_line
from .model import Document, Extraction
from .store import Store

ErrorHandler = Callable[[FactionmapError], None]
Progress = Callable[[Document], None]


@dataclass
class BuildReport:
    added: int = 0  # documents new to the store
    unchanged: int = 0  # already stored (and, for build, already extracted by this version)
    extracted: int = 0
    assertions: int = 0
    errors: list[FactionmapError] = field(default_factory=list)  # what was skipped, one error each
    stats: dict = field(default_factory=dict)  # a Dask build's costs: extract_s, write_s, words, peak_rss_mb

    @property
    def skipped(self) -> int:
        return len(self.errors)


def _documents(inputs: Iterable[str], report: BuildReport, on_error: ErrorHandler | None,
               max_bytes: int | None) -> Iterator[Document]:
    from .ingest import iter_documents

    def failed(exc: FactionmapError) -> None:
        report.errors.append(exc)
        if on_error:
            on_error(exc)

    yield from iter_documents(list(inputs), on_error=failed, max_bytes=max_bytes)


def ingest(store: Store, inputs: Iterable[str], *, on_error: ErrorHandler | None = None,
           progress: Progress | None = None, max_bytes: int | None = None) -> BuildReport:
    """Store the documents found in files, folders and globs, without extracting."""
    report = BuildReport()
    for doc in _documents(inputs, report, on_error, max_bytes):
        if store.add_document(doc):
            report.added += 1
        else:
            report.unchanged += 1
        if progress:
            progress(doc)
    return report


def build(store: Store, inputs: Iterable[str], *, jobs: int = 1, on_error: ErrorHandler | None = None,
          progress: Progress | None = None, force: bool = False, extractor=None, max_bytes: int | None = None,
          budget: Budget | None = None) -> BuildReport:
    """Ingest, extract and store; documents already extracted by this extractor version are skipped.

    `extractor` (an `ExtractorConfig`) chooses the knowledge base, the relation model and the confidence
    a tie needs; its version (code, data and model together) decides what is re-extracted. `budget`
    bounds each document's extraction (see factionmap.budget); `max_bytes` each file read."""
    from .extract.pipeline import ExtractorConfig, get_pipeline

    config = extractor or ExtractorConfig()
    EXTRACTOR_VERSION = get_pipeline(config).version
    report = BuildReport()
    budget = budget or Budget.from_env()
    todo: list[Document] = []
    new: set[str] = set()
    for doc in _documents(inputs, report, on_error, max_bytes):
        known = store.has_document(doc.id)
        if not known:
            new.add(doc.id)
            report.added += 1
        if known and not force and store.extractor_version(doc.id) == EXTRACTOR_VERSION:
            report.unchanged += 1
            if progress:
                progress(doc)
            continue
        todo.append(doc)
    for doc, result in extract_all(todo, jobs, budget, config):
        if isinstance(result, FactionmapError):
            store.add_document(doc)  # kept, unextracted: the next build tries it again
            report.errors.append(result)
            if on_error:
                on_error(result)
        elif store.save_extraction(result, unless_current=not force):
            report.extracted += 1
            report.assertions += len(result.assertions)
        else:  # another writer stored this document's results meanwhile
            report.added -= doc.id in new
            report.unchanged += 1
        if progress:
            progress(doc)
    if store.ties_stale():  # a large build stopped before aggregating its ties (cluster.py): done here
        store.aggregate_all()
    return report


def extract_one(doc: Document, budget: Budget | None = None, config=None) -> Extraction | FactionmapError:
    """The extraction of one document (lifespans included), or the error that says why there is none
    (never raises)."""
    from . import lifespans
    from .budget import extract
    from .extract.pipeline import ExtractorConfig, get_pipeline

    try:
        extraction = extract(doc, budget, get_pipeline(config or ExtractorConfig()))
        extraction.lifespans = lifespans.read(extraction)  # foundings, ends, renamings, with their evidence
        return extraction
    except FactionmapError as exc:
        return exc
    except Exception as exc:  # noqa: BLE001 - one document's failure must not stop the build
        where = doc.path or doc.id[:12]
        return ExtractionError(f"{where}: extraction failed ({type(exc).__name__}: {first_line(exc)})")


def extract_all(docs: list[Document], jobs: int, budget: Budget | None = None, config=None
                ) -> Iterator[tuple[Document, Extraction | FactionmapError]]:
    """Each document with its extraction (or error), in order; `jobs` worker processes when > 1."""
    jobs = max(1, min(jobs or os.cpu_count() or 1, len(docs)))
    if jobs == 1:
        for doc in docs:
            yield doc, extract_one(doc, budget, config)
        return
    pending = deque(docs)
    while pending:
        with ProcessPoolExecutor(max_workers=jobs, initializer=end_with_parent, initargs=(os.getpid(),)) as pool:
            window: deque[tuple[Document, Future]] = deque()
            try:
                while pending or window:
                    while pending and len(window) < jobs * 2:
                        doc = pending.popleft()
                        window.append((doc, pool.submit(extract_one, doc, budget, config)))
                    doc, future = window[0]
                    result = future.result()
                    window.popleft()
                    yield doc, result
            except BrokenProcessPool:  # a worker died (killed, out of memory): its documents are reported
                for doc, _ in window:
                    where = doc.path or doc.id[:12]
                    yield doc, ExtractionError(f"{where}: the worker process extracting it died "
                                               "(out of memory, or killed); run the build again to retry")


def end_with_parent(parent: int) -> None:
    """In a worker process: die when the build that started it dies, even by kill -9."""
    try:
        import ctypes

        ctypes.CDLL("libc.so.6", use_errno=True).prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG
    except (OSError, AttributeError):
        pass

    def watch() -> None:
        while True:
            if os.getppid() != parent:
                os._exit(1)
            threading.Event().wait(1.0)

    threading.Thread(target=watch, name="end-with-parent", daemon=True).start()
