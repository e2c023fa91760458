"""The public surface of `import factionmap` is small and deliberate: this test guards it."""
from __future__ import annotations

import factionmap


def test_public_names():
    assert sorted(factionmap.__all__) == sorted([
        "BuildReport", "Document", "Extraction", "Store", "build", "extract_document", "ingest",
        "open_store", "__version__",
    ])


def test_api_functions_survive_submodule_imports():
    # importing the subpackages must not shadow the API functions of the same family
    import factionmap.builder  # noqa: F401
    import factionmap.cluster  # noqa: F401
    import factionmap.extract.pipeline  # noqa: F401

    assert callable(factionmap.build) and callable(factionmap.extract_document)
    assert factionmap.build.__module__ == "factionmap.cluster"  # cluster.build_local: batched when large
