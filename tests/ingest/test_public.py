"""The public surface of factionmap.ingest, the document ids and paths, and the tests' independence."""
from __future__ import annotations

from pathlib import Path

import factionmap.ingest as ingest
from factionmap.ingest import read_file
from factionmap.ingest.metadata import normalize_date
from factionmap.model import content_id

from .conftest import FIXTURES

HERE = Path(__file__).resolve().parent


def test_public_surface():
    assert sorted(ingest.__all__) == ["READERS", "detect_format", "expand_inputs", "iter_documents",
                                      "read_bytes", "read_file", "register_reader"]
    assert sorted(ingest.READERS) == ["html", "md", "pdf", "txt", "wikitext"]


def test_id_is_the_hash_of_the_bytes_and_path_is_as_given():
    for name in ("article.txt", "page.md", "page.html", "group.wiki"):
        path = FIXTURES / name
        doc = read_file(str(path))[0]
        assert doc.id == content_id(path.read_bytes())
        assert doc.path == str(path)
    assert read_file(FIXTURES / "article.txt")[0].id == read_file(FIXTURES / "article.txt")[0].id


def test_normalize_date():
    assert normalize_date("3 March 2016") == "2016-03-03"
    assert normalize_date("March 3, 2016") == "2016-03-03"
    assert normalize_date("March 2016") == "2016-03"
    assert normalize_date("2016") == "2016"
    assert normalize_date("2016-03-03T10:00:00Z") == "2016-03-03"
    assert normalize_date("3 March") is None
    assert normalize_date("late in the war") is None


def test_tests_depend_on_nothing_outside_the_repository():
    outside = ["/".join(["", "work", "shared"]), "/".join(["eval", "dev", "docs"])]
    for path in [*HERE.rglob("*.py"), *FIXTURES.rglob("*")]:
        if path.is_file():
            text = path.read_text(encoding="utf-8", errors="replace")
            for needle in outside:
                assert needle not in text, f"{path} refers to {needle}"
