"""factionmap: evidence-backed, time-aware maps of armed groups' ties, read from open-source documents.

The Python API is the product; the CLI and the web app are thin shells over it::

    import factionmap
    store = factionmap.open_store("factionmap.db")
    factionmap.build(store, ["samples/corpus"])
    for tie in store.ties(relation="allegiance_to"):
        print(tie)
"""
from __future__ import annotations

__version__ = "0.1.0"
