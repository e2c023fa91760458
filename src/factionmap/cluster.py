"""Builds on a Dask cluster: `factionmap build --dask local:N` or `--dask tcp://HOST:PORT`.

The parent lists the input files and cuts them into batches; each batch is one Dask task, which
reads its files and extracts their documents on a worker and sends back plain results (documents,
extractions, errors, and what the batch cost). The parent writes each batch in ONE transaction
(`Store.save_batch`: rows in bulk, the batch's entities resolved together, its ties aggregated
once), in input order, so the store is the same as a local build's of the same files. A large build
(`aggregate="end"`, or "auto" with LARGE_BUILD_FILES files or more) leaves the ties alone batch after
batch and recomputes them all at its end, set-based (graph.setwise); a build that stops early still
does, and a store left stale by a killed parent is aggregated whole by the next write.

Idempotent and resumable as a local build: documents already extracted by this extractor version
are skipped (the workers are told which, once), a batch is stored whole or not at all, and a worker
that dies has its batch redone by Dask on another worker (the scheduler's retries); a batch that still
fails (after the scheduler's retries) stops the build there: the files from it on are reported, and the
next build continues with them. Writing strictly in input order is what makes a resumed build's store
the same as a clean build's (entity resolution depends on the order documents arrive in). Files must be readable by the workers
at the same path (a LocalCluster, or a shared file system).

`build_local` runs the same batched build on local worker processes without Dask (`procpool`): what
`factionmap build` does from LARGE_BUILD_FILES files on.
"""
from __future__ import annotations

import contextlib
import gc
import itertools
import os
import resource
import time
from collections import deque
from dataclasses import dataclass
from typing import Callable, Iterator

from .budget import Budget
from .builder import BuildReport, ErrorHandler, Progress, build, extract_one
from .errors import ConfigError, ExtractionError, FactionmapError, IngestError, first_line
from .model import Document, Extraction
from .procpool import ProcessPool
from .store import Store

BATCH_FILES = 8  # files per task: big enough to amortise a task, small enough to balance 2 workers
LARGE_BUILD_FILES = 64  # from this many files on, ties are aggregated once, set-based, at the end
AGGREGATE_WHEN = ("auto", "batch", "end")


@dataclass
class BatchResult:
    """What one worker sends back for a batch of files: plain, picklable values."""

    items: list  # (Document, Extraction | FactionmapError | None): None = already extracted (text left out)
    errors: list  # IngestError for files (or JSONL lines) that could not be read
    extract_s: float = 0.0  # CPU seconds spent reading and extracting
    words: int = 0  # words in the documents extracted
    worker: str = ""  # host:pid of the worker
    peak_rss_mb: float = 0.0  # the worker process's peak resident memory so far


def parse_address(spec: str) -> tuple[str, int | str]:
    """'local:N' -> ('local', N); 'tcp://host:port' -> ('tcp', the address). A clear error otherwise."""
    text = (spec or "").strip()
    if text.startswith("local:") and text[6:].isdigit() and int(text[6:]) > 0:
        return "local", int(text[6:])
    if text == "local":
        return "local", max(1, os.cpu_count() or 1)
    if text.startswith(("tcp://", "tls://")) and ":" in text.split("://", 1)[1]:
        return "tcp", text
    raise ConfigError(f"--dask {spec!r}: give local:N (a cluster of N worker processes on this machine) "
                     "or tcp://HOST:PORT (the scheduler of a running cluster)")


@contextlib.contextmanager
def connect(spec: str) -> Iterator:
    """A Dask client for `spec`; a LocalCluster started for it is closed with it."""
    from dask.distributed import Client

    kind, where = parse_address(spec)
    if kind == "local":
        with local_cluster(where) as cluster, Client(cluster) as client:
            yield client
    else:
        try:
            client = Client(where, timeout="10s")
        except (OSError, TimeoutError) as exc:
            raise ConfigError(f"--dask {spec}: cannot reach the scheduler ({first_line(exc)})") from None
        with client:
            yield client


@contextlib.contextmanager
def local_cluster(workers: int, **options) -> Iterator:
    """A LocalCluster of `workers` single-threaded worker processes for a build, with the workers'
    statistical profiler off: sampling the extraction's deep stacks every 10 ms cost 3-5 % of its CPU,
    and what it kept took a worker from about 500 MB to over 800 MB at 10,000 documents
    (docs/performance.md); the dashboard keeps its task stream and progress.
    `options` go to LocalCluster."""
    import dask
    from dask.distributed import LocalCluster

    settings = {"n_workers": workers, "threads_per_worker": 1, "processes": True, "dashboard_address": ":0",
                "silence_logs": 40, **options}
    with dask.config.set({"distributed.worker.profile.enabled": False}), LocalCluster(**settings) as cluster:
        yield cluster


def batches(files: list[str], size: int = BATCH_FILES) -> list[list[str]]:
    """Consecutive runs of `size` files (input order is write order)."""
    return [files[i:i + size] for i in range(0, len(files), size)]


def process_batch(paths: list[tuple[str, str]], done: dict[str, frozenset[str]], budget: Budget | None, config,
                  max_bytes: int | None) -> BatchResult:
    """On a worker: read these files (absolute path, path as given) and extract every document not
    already extracted by this worker's extractor (`done`: the stored documents' ids by the version of
    the extractor that extracted them). Never raises for a file or a document: their errors are in the result."""
    from .extract.pipeline import get_pipeline
    from .ingest import read_file

    current = done.get(get_pipeline(config).version, frozenset())
    errors: list = []
    items: list = []
    cpu0, words = time.process_time(), 0
    for absolute, given in paths:
        try:
            docs = read_file(absolute, on_error=errors.append, max_bytes=max_bytes)
        except IngestError as exc:
            errors.append(IngestError(given, exc.reason))
            continue
        for doc in docs:
            doc.path = given if doc.path == _shown(absolute) else doc.path
            if doc.id in current:
                items.append((_without_text(doc), None))
                continue
            result = extract_one(doc, budget, config)
            if isinstance(result, Extraction):
                _fingerprint(result)
            words += len(doc.text.split())
            items.append((doc, result))
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return BatchResult(items, errors, time.process_time() - cpu0, words, f"{os.uname().nodename}:{os.getpid()}", rss)


def _fingerprint(x: Extraction) -> None:
    """The evidence sentences fingerprinted here, on the worker, as the store would (graph.dedup), so
    that the writer does not."""
    import dataclasses

    from .graph.dedup import fingerprint

    doc_id, text = x.document.id, x.document.text
    for a in x.assertions:
        a.evidence = [dataclasses.replace(e, fingerprint=fingerprint(text[e.start_char:e.end_char]))
                      if (e.doc_id or doc_id) == doc_id and e.fingerprint is None else e for e in a.evidence]


def _shown(path: str) -> str:
    from .errors import printable

    return printable(path, 1000)


def _without_text(doc: Document) -> Document:
    return Document(text="", id=doc.id, title=doc.title, path=doc.path, format=doc.format)


def build_on_cluster(store: Store, inputs, spec: str, *, on_error: ErrorHandler | None = None,
                     progress: Progress | None = None, force: bool = False, extractor=None,
                     max_bytes: int | None = None, budget: Budget | None = None, batch_files: int = BATCH_FILES,
                     on_dashboard: Callable[[str], None] | None = None, client=None,
                     aggregate: str = "auto") -> BuildReport:
    """`build`, with reading and extraction on a Dask cluster (`spec`: local:N or tcp://HOST:PORT,
    or an open `client`) and the results written batch by batch. `aggregate`: "batch" aggregates the
    ties each batch touches as it is written, "end" all ties once at the end (set-based), "auto" the
    latter from LARGE_BUILD_FILES files on."""
    from .extract.pipeline import ExtractorConfig
    from .ingest.walk import iter_files

    config = extractor or ExtractorConfig()
    budget = budget or Budget.from_env()
    report = BuildReport()

    def failed(exc: FactionmapError) -> None:
        report.errors.append(exc)
        if on_error:
            on_error(exc)

    if aggregate not in AGGREGATE_WHEN:
        raise ConfigError(f"aggregate={aggregate!r}: expected one of {', '.join(AGGREGATE_WHEN)}")
    files = [(os.path.abspath(p), _shown(p)) for p in iter_files(list(inputs), failed)]
    at_end = aggregate == "end" or (aggregate == "auto" and len(files) >= LARGE_BUILD_FILES)
    # the workers, which load the extractor anyway, tell which documents their version already extracted:
    # the parent (the writer) never loads it
    done = {} if force else store.extracted_by_version()
    try:
        _build(client, spec, store, files, done, report, failed, progress, force, config, max_bytes, budget,
               batch_files, on_dashboard, at_end)
    finally:
        if store.ties_stale():  # this build's batches, or an earlier build's that stopped before its end
            started = time.perf_counter()
            report.stats["aggregate"] = store.aggregate_all()
            report.stats["aggregate_s"] = time.perf_counter() - started
    return report


def _build(client, spec, *args) -> None:
    if client is None:
        with connect(spec) as opened, frozen_heap():  # the local cluster's own objects frozen too
            _run(opened, *args)
    else:
        with frozen_heap():
            _run(client, *args)


@contextlib.contextmanager
def frozen_heap() -> Iterator[None]:
    """The writer's garbage collector leaves alone what the process held before the build (`gc.freeze`).

    A batch's writing allocates millions of objects (decoded results, rows, the name lookups), and every
    so often CPython's cyclic collector scans every object the process holds, the Dask client, scheduler
    and libraries included: 6.6 of the parent's 35.4 CPU-s in a 1,000-document build, 2.2 of 28.1 once
    they are frozen (docs/performance.md). Objects made during the build are collected as before. A heap
    already frozen by the caller is left as it is."""
    if gc.get_freeze_count():
        yield
        return
    gc.collect()
    gc.freeze()
    try:
        yield
    finally:
        gc.unfreeze()


def build_local(store: Store, inputs, *, jobs: int = 1, batched: bool | None = None, aggregate: str = "auto",
                batch_files: int = BATCH_FILES, **options) -> BuildReport:
    """A build on this machine, without Dask. From LARGE_BUILD_FILES files on (or `batched=True`) it runs
    as a Dask build does, on `jobs` local worker processes (`procpool.ProcessPool`): batches of files
    read and extracted on the workers, written in bulk a batch per transaction, the ties aggregated once
    at the end, set-based. A smaller build (or `batched=False`) extracts and writes document by
    document (`builder.build`), its ties aggregated as each is written. Both give the same store.
    `aggregate` and `batch_files`: as `build_on_cluster`'s, for a batched build. `options`: those of `builder.build`
    (on_error, progress, force, extractor, max_bytes, budget)."""
    from .ingest.walk import iter_files

    if batched is None:
        batched = sum(1 for _ in itertools.islice(iter_files(list(inputs), lambda exc: None),
                                                  LARGE_BUILD_FILES)) >= LARGE_BUILD_FILES
    if not batched:
        return build(store, inputs, jobs=jobs, **options)
    with ProcessPool(max(1, jobs)) as pool:
        return build_on_cluster(store, inputs, "", client=pool, aggregate=aggregate,
                                batch_files=batch_files, **options)


def _run(client, store, files, done, report, failed, progress, force, config, max_bytes, budget,
         batch_files, on_dashboard, at_end) -> None:
    if on_dashboard and getattr(client, "dashboard_link", None):
        on_dashboard(client.dashboard_link)
    [done_on_workers] = client.scatter([done], broadcast=True, hash=False)
    workers = max(1, len(client.scheduler_info().get("workers", {})))
    todo = deque(batches(files, batch_files))
    window: deque = deque()
    seen: set[str] = set()  # documents met in this build (the same bytes twice: the second is unchanged)
    stats = report.stats
    while todo or window:
        while todo and len(window) < workers * 2 + 1:
            batch = todo.popleft()
            window.append((batch, client.submit(process_batch, batch, done_on_workers, budget, config, max_bytes,
                                                pure=False)))
        batch, future = window.popleft()
        try:
            result: BatchResult = future.result()
        except Exception as exc:  # noqa: BLE001 - the batch's workers died (KilledWorker) or it could not run
            for _, given in batch:
                failed(ExtractionError(f"{given}: the Dask task reading it failed ({type(exc).__name__}: "
                                       f"{first_line(exc)}); run the build again to retry"))
            left = [given for b, f in window for _, given in b] + [given for b in todo for _, given in b]
            client.cancel([f for _, f in window])
            if left:  # writes stay in input order, so that the next build ends with a clean build's store
                failed(ExtractionError(f"{len(left)} files after it ({left[0]} ...) were left for the next build, "
                                       "which continues from there; run the build again"))
            return
        finally:
            future.release()
        _write(store, result, seen, report, failed, progress, force, at_end)
        stats["extract_s"] = stats.get("extract_s", 0.0) + result.extract_s
        stats["words"] = stats.get("words", 0) + result.words
        peak = stats.setdefault("peak_rss_mb", {})
        peak[result.worker] = max(peak.get(result.worker, 0.0), result.peak_rss_mb)


def _write(store: Store, result: BatchResult, seen: set[str], report: BuildReport, failed, progress, force,
           at_end: bool) -> None:
    for exc in result.errors:
        failed(exc)
    extractions: list[Extraction] = []
    unextracted: list[Document] = []
    for doc, outcome in result.items:
        if outcome is None or doc.id in seen:
            report.unchanged += 1
            continue
        seen.add(doc.id)
        if isinstance(outcome, FactionmapError):
            unextracted.append(doc)
            failed(outcome)
        else:
            extractions.append(outcome)
    started = time.perf_counter()
    written, new = store.save_batch(extractions, unextracted, unless_current=not force, aggregate=not at_end)
    report.stats["write_s"] = report.stats.get("write_s", 0.0) + time.perf_counter() - started
    report.added += len(new)
    for x in extractions:
        if x.document.id in written:
            report.extracted += 1
            report.assertions += len(x.assertions)
        else:  # another writer stored it meanwhile
            report.unchanged += 1
            report.added -= x.document.id in new
    if progress:
        for doc, _ in result.items:
            progress(doc)
