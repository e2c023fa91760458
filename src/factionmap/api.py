"""The public Python API, re-exported by `import factionmap`."""
from __future__ import annotations

from pathlib import Path

from .budget import Budget
from .builder import BuildReport, ingest
from .cluster import build_local as build
from .errors import IngestError
from .model import Document, Extraction
from .store import Store


def open_store(db: str | Path | None = None) -> Store:
    """Open (creating and migrating if needed) a store: a SQLite path, or a database URL."""
    return Store(db)


def extract_document(document: Document | str | Path, extractor=None, budget: Budget | None = None) -> Extraction:
    """Run the extraction pipeline on one document (or a file, read by its format), lifespans included,
    within its budget (long documents are read piece by piece; see `factionmap.budget`).
    `extractor` (an `ExtractorConfig`) chooses the knowledge base, the relation model and the confidence
    a tie needs."""
    from .builder import extract_one

    if not isinstance(document, Document):
        from .ingest import read_file

        docs = read_file(document)
        if len(docs) != 1:
            raise IngestError(document, f"holds {len(docs)} documents; extract them one by one")
        document = docs[0]
    result = extract_one(document, budget, extractor)
    if isinstance(result, Exception):
        raise result
    return result


__all__ = ["BuildReport", "Document", "Extraction", "Store", "build", "extract_document", "ingest", "open_store"]
