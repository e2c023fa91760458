"""A document is read with the language pack of its language; one in a language with no pack is
stored and reported as not extracted, never read as English."""
from __future__ import annotations

import pytest

from factionmap.api import extract_document
from factionmap.builder import build
from factionmap.errors import NoLanguagePack
from factionmap.extract.pipeline import default_pipeline
from factionmap.lang import available, pack_for
from factionmap.model import Document
from factionmap.store import Store

SENTENCE = "In 2015 the Jaysh al-Test Front pledged allegiance to the Islamic State. "


@pytest.mark.parametrize("language", ["en", "en-GB", "EN_us", "English", "", None])
def test_english_documents_are_read_with_the_english_pack(language):
    pack = pack_for(language)
    assert pack is not None and pack.code == "en"


def test_the_english_pack_is_there():
    assert "en" in available()


@pytest.mark.parametrize("language", ["fr", "ar", "tlh"])
def test_a_language_with_no_pack_has_none(language):
    assert pack_for(language) is None


def test_a_document_with_no_pack_is_not_read_as_english():
    doc = Document(SENTENCE, path="rapport.txt", language="fr")
    with pytest.raises(NoLanguagePack, match=r"rapport\.txt: written in 'fr'.*stored, not extracted"):
        extract_document(doc)
    with pytest.raises(NoLanguagePack):
        default_pipeline()(doc)
    assert extract_document(Document(SENTENCE, path="report.txt", language="en")).assertions


def test_a_build_stores_it_and_reports_it_not_extracted(tmp_path):
    (tmp_path / "fr.html").write_text(f'<html lang="fr"><body><h1>Rapport</h1><p>{SENTENCE}</p></body></html>')
    (tmp_path / "en.html").write_text(f'<html lang="en"><body><h1>Report</h1><p>{SENTENCE}</p></body></html>')
    errors: list[Exception] = []
    store = Store(tmp_path / "s.db")
    report = build(store, [str(tmp_path / "fr.html"), str(tmp_path / "en.html")], on_error=errors.append)
    assert report.extracted == 1 and len(errors) == 1 and isinstance(errors[0], NoLanguagePack)
    assert "fr.html" in str(errors[0])
    assert store.stats()["documents"] == 2 and store.stats()["extracted"] == 1
    store.close()
