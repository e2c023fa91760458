"""Property-based tests (Hypothesis): the readers, the date parser and evidence offsets never raise
anything but their own one-line errors, and every offset they give points into the text."""
from __future__ import annotations

import datetime as dt
import json

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from factionmap.budget import Budget, extract
from factionmap.errors import IngestError
from factionmap.extract.dates import find_dates
from factionmap.ingest import read_bytes
from factionmap.model import Document

FAST = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
FORMATS = ["txt", "md", "html", "wikitext", "pdf", "jsonl"]
WORDS = ["the", "group", "Islamic State", "al-Qaeda", "Jabhat al-Nusra", "pledged", "allegiance", "to", "in",
         "2015", "June", "late", "split", "from", "merged", "into", "Abu", "Bakr", "al-Baghdadi", "led", "Syria",
         "Idlib", "province", "(ISIS)", "denied", "reportedly", ".", ",", "\n", "\n\n", "By", "Jane", "-", "«", "»",
         "Front", "Brigades", "Jaysh", "Ansar", "al-Sharia", "Wilayat", "Sinai", "four months later", "2014–2016"]
text_like = st.text(st.characters(blacklist_categories=("Cs",)), max_size=400)
made_text = st.lists(st.sampled_from(WORDS), max_size=120).map(" ".join)


def _check_document(doc) -> None:
    n = len(doc.text)
    assert doc.text.strip()
    for f in doc.infobox:
        assert 0 <= f.start <= f.end <= n and doc.text[f.start:f.end] == f.value
    for s in doc.sections:
        assert 0 <= s.start <= s.end <= n
    assert "\n" not in (doc.path or "")


@FAST
@given(data=st.binary(max_size=600), fmt=st.sampled_from(FORMATS))
def test_readers_on_any_bytes(data, fmt):
    try:
        docs = read_bytes(data, f"fuzz.{fmt}", fmt=fmt)
    except IngestError as exc:
        assert "\n" not in str(exc) and str(exc).startswith("fuzz.")
        return
    for doc in docs:
        _check_document(doc)


@FAST
@given(text=st.one_of(text_like, made_text), fmt=st.sampled_from(["txt", "md", "wikitext", "html", "jsonl"]))
def test_readers_on_any_text(text, fmt):
    data = json.dumps({"text": text}).encode() if fmt == "jsonl" else text.encode()
    try:
        docs = read_bytes(data, f"fuzz.{fmt}", fmt=fmt)
    except IngestError as exc:
        assert "\n" not in str(exc)
        return
    for doc in docs:
        _check_document(doc)


@settings(max_examples=200, deadline=None)
@given(text=st.one_of(text_like, made_text), year=st.integers(1900, 2100))
def test_dates_point_into_the_text(text, year):
    for span in find_dates(text, dt.date(year, 6, 1)):
        assert 0 <= span.start < span.end <= len(text)
        assert span.date.earliest <= span.date.latest
        if span.until is not None:
            assert span.until.earliest <= span.until.latest


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=made_text.filter(lambda t: t.strip()), piece=st.sampled_from([0, 120, 400]))
def test_evidence_and_mentions_point_into_the_text(text, piece):
    doc = Document(text, path="fuzz.txt", published="2020-01-01")
    extraction = extract(doc, Budget(piece_chars=piece, seconds=0))
    n = len(text)
    for m in extraction.mentions:
        assert 0 <= m.start < m.end <= n and text[m.start:m.end].strip()
    for a in extraction.assertions:
        assert a.evidence
        for e in a.evidence:
            assert e.doc_id == doc.id and 0 <= e.start_char < e.end_char <= n
