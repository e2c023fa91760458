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


# --- a stage reads the pack of the document's language ------------------------------------------

_TINY_PACK = """language_names: [testish]
arabic_article: [al]
arabic_article_not_spaced: []
speech_verbs:
  blurt: {kind: speech, forms: [blurted], after: true}
  proclaim: {kind: announce, forms: [proclaimed]}
hedges: [zorbly]
month_names: [Primo, Secundo, Tertio, Quarto, Quinto, Sexto, Septimo, Octavo, Nono, Decimo, Undecimo, Duodecimo]
month_abbreviations: {Ter: 3}
"""


@pytest.fixture
def tiny_pack(tmp_path, monkeypatch):
    """A second language pack, "xx", beside the English one (a pack folder of its own)."""
    from factionmap import lang

    root = tmp_path / "lang"
    root.mkdir()
    (root / "en").symlink_to(lang.LANG_DIR / "en", target_is_directory=True)
    (root / "xx").mkdir()
    (root / "xx" / "vocabulary.yaml").write_text(_TINY_PACK, encoding="utf-8")
    monkeypatch.setattr(lang, "LANG_DIR", root)
    return pack_for("xx")


def _stance(text: str, language: str, trigger: str):
    from factionmap.extract.stance import read_stance
    from factionmap.extract.state import Annotated

    ann = Annotated(Document(text, language=language))
    start = text.index(trigger)
    return ann.pack.code, read_stance(ann, 0, len(text), start, start + len(trigger))


def test_the_stance_stage_reads_the_hedges_of_the_documents_pack(tiny_pack):
    assert tiny_pack is not None and tiny_pack.code == "xx"
    hedged_xx = "The Coastal Front zorbly joined the Northern Alliance."
    hedged_en = "The Coastal Front reportedly joined the Northern Alliance."
    assert _stance(hedged_xx, "xx", "joined")[0] == "xx"  # the document is read with its own pack
    assert _stance(hedged_xx, "xx", "joined")[1].stance.value == "reported"  # the pack's own hedge
    assert _stance(hedged_xx, "en", "joined")[1].stance.value == "asserted"  # not an English word
    assert _stance(hedged_en, "testish", "joined")[1].stance.value == "asserted"  # English hedges are not the pack's
    assert _stance(hedged_en, "en", "joined")[1].stance.value == "reported"


def test_the_stance_stage_reads_the_speech_verbs_of_the_documents_pack(tiny_pack):
    text = "The Coastal Front merged with the Northern Alliance, the council blurted."
    code, reading = _stance(text, "xx", "merged")
    assert (code, reading.stance.value) == ("xx", "reported")  # a trailing attribution with the pack's verb
    assert _stance(text, "en", "merged")[1].stance.value == "asserted"
    said = "The Coastal Front merged with the Northern Alliance, the council said."
    assert _stance(said, "xx", "merged")[1].stance.value == "asserted"
    assert _stance(said, "en", "merged")[1].stance.value == "reported"


def _dates_stage(text: str, language: str) -> list[str | None]:
    from factionmap.extract.pipeline import STAGES, Pipeline, StageContext

    stage = STAGES["dates"](StageContext(kb=None))  # the stage as the pipeline makes it
    ann = Pipeline([stage]).annotate(Document(text, language=language))
    return [d.date.iso for d in ann.dates]


def test_the_dates_stage_reads_the_month_names_of_the_documents_pack(tiny_pack):
    text = "In Tertio 2015 the front split; in Ter. 2016 it merged; in March 2017 it was banned."
    assert _dates_stage(text, "xx") == ["2015-03", "2016-03", "2017"]  # "March" is not a month of the pack
    assert _dates_stage(text, "en") == ["2015", "2016", "2017-03"]  # nor "Tertio" an English one
