"""factionmap: evidence-backed, time-aware maps of armed groups' ties, read from open-source documents.

The Python API is the product; the CLI and the web app are thin shells over it::

    import factionmap
    store = factionmap.open_store("factionmap.db")
    report = factionmap.build(store, ["samples/corpus"])
    for assertion in store.assertions():
        print(assertion.subject.name, assertion.relation, assertion.object.name)
"""
from __future__ import annotations

from .api import BuildReport, Document, Extraction, Store, build, extract_document, ingest, open_store

__version__ = "0.1.0"
__all__ = ["BuildReport", "Document", "Extraction", "Store", "build", "extract_document", "ingest", "open_store", "__version__"]
