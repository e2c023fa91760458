"""Ingest and build: files -> documents -> extractions -> store. The CLI's `ingest` and `build`.

A bad file is reported through `on_error` and skipped; the rest go on. Each document's results are
written in one transaction, so an interrupted build resumes where it stopped: documents already
extracted by the current extractor version are skipped.
"""
from __future__ import annotations

import os
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from typing import Callable, Iterable, Iterator

from .errors import FactionmapError
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
    errors: list[FactionmapError] = field(default_factory=list)


def _documents(inputs: Iterable[str], report: BuildReport, on_error: ErrorHandler | None) -> Iterator[Document]:
    from .ingest import iter_documents

    def failed(exc: FactionmapError) -> None:
        report.errors.append(exc)
        if on_error:
            on_error(exc)

    yield from iter_documents(list(inputs), on_error=failed)


def ingest(store: Store, inputs: Iterable[str], *, on_error: ErrorHandler | None = None,
           progress: Progress | None = None) -> BuildReport:
    """Store the documents found in files, folders and globs, without extracting."""
    report = BuildReport()
    for doc in _documents(inputs, report, on_error):
        if store.add_document(doc):
            report.added += 1
        else:
            report.unchanged += 1
        if progress:
            progress(doc)
    return report


def build(store: Store, inputs: Iterable[str], *, jobs: int = 1, on_error: ErrorHandler | None = None,
          progress: Progress | None = None, force: bool = False, extractor=None) -> BuildReport:
    """Ingest, extract and store; documents already extracted by this extractor version are skipped.

    `extractor` (an `ExtractorConfig`) chooses the knowledge base, the relation model and the confidence
    a tie needs; its version (code, data and model together) decides what is re-extracted."""
    from .extract.pipeline import ExtractorConfig, get_pipeline

    config = extractor or ExtractorConfig()
    EXTRACTOR_VERSION = get_pipeline(config).version
    report = BuildReport()
    todo: list[Document] = []
    for doc in _documents(inputs, report, on_error):
        known = store.has_document(doc.id)
        report.added += not known
        if known and not force and store.extractor_version(doc.id) == EXTRACTOR_VERSION:
            report.unchanged += 1
            if progress:
                progress(doc)
            continue
        todo.append(doc)
    for doc, result in _extract_all(todo, jobs, config):
        if isinstance(result, FactionmapError):
            store.add_document(doc)  # kept, unextracted: the next build tries it again
            report.errors.append(result)
            if on_error:
                on_error(result)
        else:
            store.save_extraction(result)
            report.extracted += 1
            report.assertions += len(result.assertions)
        if progress:
            progress(doc)
    return report


def _extract_one(doc: Document, config=None) -> Extraction | FactionmapError:
    from .extract.pipeline import ExtractorConfig, get_pipeline

    try:
        extraction = get_pipeline(config or ExtractorConfig())(doc)
    except FactionmapError as exc:
        return exc
    from . import lifespans

    extraction.lifespans = lifespans.read(extraction)  # foundings, ends, renamings, with their evidence
    return extraction


def _extract_all(docs: list[Document], jobs: int, config=None) -> Iterator[tuple[Document, Extraction | FactionmapError]]:
    jobs = max(1, min(jobs or os.cpu_count() or 1, len(docs)))
    if jobs == 1:
        for doc in docs:
            yield doc, _extract_one(doc, config)
        return
    with ProcessPoolExecutor(max_workers=jobs) as pool:
        yield from zip(docs, pool.map(_extract_one, docs, [config] * len(docs), chunksize=4))
