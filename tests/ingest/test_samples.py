"""The bundled sample corpus reads without errors, in every format, with titles and valid offsets."""
from __future__ import annotations

from collections import Counter
from pathlib import Path

from factionmap.errors import IngestError
from factionmap.ingest import iter_documents

from .conftest import assert_offsets

CORPUS = Path(__file__).resolve().parents[2] / "samples" / "corpus"


def _read() -> list:
    errors: list[IngestError] = []
    docs = list(iter_documents([CORPUS], on_error=errors.append))
    assert errors == []
    return docs


def test_every_sample_reads_with_a_title():
    docs = _read()
    assert len(docs) == 16
    assert Counter(d.format for d in docs) == {"txt": 6, "md": 2, "html": 2, "wikitext": 2, "pdf": 1, "jsonl": 3}
    assert all(d.title for d in docs)
    assert len({d.id for d in docs}) == 16
    for doc in docs:
        assert_offsets(doc)
        if doc.format != "jsonl":
            assert 150 <= len(doc.text.split()) <= 600, doc.path


def test_sample_metadata():
    by_name = {Path(d.path).name: d for d in _read() if d.format != "jsonl"}
    notes = by_name["caucasus-province-notes.txt"]
    assert (notes.title, notes.author, notes.published) == (
        "Notes on the Islamic State's Caucasus Province", "Rafael Costa", "2019-11-18")
    origins = by_name["islamic-state-origins.txt"]
    assert (origins.author, origins.published) == ("Mara Lindqvist", "2020-05-12")
    pdf = by_name["farc-and-dissidents.pdf"]
    assert (pdf.title, pdf.author, pdf.published) == ("The FARC and Its Dissidents", "Camila Restrepo", "2022-09-12")
    khorasan = by_name["islamic-state-khorasan-province.wiki"]
    assert {f.name: f.value for f in khorasan.infobox}["Allegiance"] == "Islamic State"
    assert by_name["al-shabaab.html"].publisher == "factionmap sample corpus"
