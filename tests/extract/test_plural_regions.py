"""Places listed before a plural region word ("the X and Y Governorates") are the provinces named after
them, not their cities. Knowledge base and sentences written for these tests."""
from __future__ import annotations

import pytest
import yaml

from factionmap.extract.kb import load_kb
from factionmap.extract.pipeline import build_pipeline
from factionmap.model import Document

PLACES = [
    {"id": "vell", "name": "Vell", "type": "PLACE", "kind": "city", "attributes": {"country": "SY"}},
    {"id": "vell-governorate", "name": "Vell Governorate", "type": "PLACE", "kind": "admin_region",
     "aliases": ["Vell province"], "attributes": {"country": "SY"}},
    {"id": "marran", "name": "Marran", "type": "PLACE", "kind": "city", "attributes": {"country": "SY"}},
    {"id": "marran-governorate", "name": "Marran Governorate", "type": "PLACE", "kind": "admin_region",
     "aliases": ["Marran province"], "attributes": {"country": "SY"}},
    {"id": "dunmore", "name": "Dunmore", "type": "PLACE", "kind": "city", "attributes": {"country": "SY"}},
]


@pytest.fixture(scope="module")
def keys(tmp_path_factory):
    folder = tmp_path_factory.mktemp("kb")
    (folder / "places.yaml").write_text(yaml.safe_dump(PLACES), encoding="utf-8")
    (folder / "groups.yaml").write_text(yaml.safe_dump(
        [{"id": "desert-front", "name": "Desert Front", "type": "ORG", "kind": "armed_group"}]), encoding="utf-8")
    pipeline = build_pipeline(load_kb(folder))

    def run(text: str) -> dict[str, str]:
        ann = pipeline.annotate(Document(text=text))
        return {text[s.start:s.end]: s.key for s in ann.spans}
    return run


@pytest.mark.parametrize("text", [
    "The Desert Front is active in the Vell and Marran Governorates.",
    "The Desert Front fought in Vell and Marran provinces in 2014.",
    "The Desert Front held ground in the Marran, Dunmore and Vell governorates.",
])
def test_places_before_a_plural_region_word_are_its_provinces(keys, text):
    got = keys(text)
    assert got["Vell"] == "vell-governorate" and got["Marran"] == "marran-governorate", got


def test_a_place_without_a_province_of_its_name_stays(keys):
    assert keys("The Desert Front held ground in the Marran, Dunmore and Vell governorates.")["Dunmore"] == "dunmore"


@pytest.mark.parametrize("text", [
    "The Desert Front is active in Vell and Marran.",
    "The Desert Front took Vell in 2014; Marran provinces were quiet.",
])
def test_places_not_listed_before_the_word_stay_cities(keys, text):
    assert keys(text)["Vell"] == "vell", keys(text)
