"""A document's own names are matched again over its text: short acronyms only as written."""
from __future__ import annotations

from factionmap.extract.pipeline import default_pipeline
from factionmap.model import Document


def test_a_mixed_case_acronym_does_not_match_an_ordinary_word():
    text = ("Hurras al-Din (HaD) was formed in 2018. The group had about two thousand fighters, and HaD "
            "had clashed with rivals near the border.")
    doc = Document(text=text)
    ex = default_pipeline()(doc)
    spans = [text[m.start:m.end] for m in ex.mentions if m.entity_key == "hurras-al-din"]
    assert "HaD" in spans
    assert all(s.lower() != "had" or s == "HaD" for s in spans), spans


def test_a_compass_word_keeps_the_province_name_as_an_alias():
    text = "Kata'ib al-Fajr is an armed group active in north-east Hasakah province and near Mosul."
    ex = default_pipeline()(Document(text=text))
    (place,) = [a.object for a in ex.assertions if a.relation == "operates_in" and "Hasakah" in a.object.name]
    # the knowledge base's province, one entity with "Hasakah province" (issue 10: one entity per place mention)
    assert place.kb_id == "hasakah-governorate" and "Hasakah province" in place.names
    assert "north-east Hasakah province" in place.names
