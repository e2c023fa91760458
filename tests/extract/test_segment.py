"""Segmentation: sentences, headings, infobox lines (tables and lists), back matter."""
from factionmap.extract.segment import segment, split_sentences
from factionmap.extract.state import Annotated
from factionmap.model import Document


def test_sentences_keep_abbreviations():
    text = "The U.S. Army arrived. Dr. Smith left in Jan. 2015 with them. It ended."
    got = [text[a:b] for a, b in split_sentences(text, 0, len(text))]
    assert got == ["The U.S. Army arrived.", "Dr. Smith left in Jan. 2015 with them.", "It ended."]


def test_infobox_lines():
    text = ("Desert Front | |\nAllegiance | Islamic State |\n- Leaders: Abu Umar (2015–2016)\n"
            "History\nThe Desert Front is a group. It fights.\nReferences\n- Smith (2020). A title. Journal.\n")
    ann = segment(Annotated(Document(text=text)))
    fields = {f.name: f.value for f in ann.infobox}
    assert fields["Allegiance"] == "Islamic State" and fields["Leaders"] == "Abu Umar (2015–2016)"
    kinds = [(s.kind, text[s.start:s.end]) for s in ann.sentences]
    assert ("heading", "History") in kinds
    assert ("text", "The Desert Front is a group.") in kinds
    assert all(k == "refs" for k, t in kinds if "Journal" in t or "Smith" in t)


def test_infobox_relations(ties):
    text = ("Desert Front | |\nAllegiance | Islamic State |\nOpponents | Hezbollah United States |\n"
            "- Leaders: Abu Umar al-Masri (2015–2016)\n- Predecessor: Caucasus Emirate\n"
            "The Desert Front is a jihadist group.\n")
    found, ex = ties(text)
    assert ("Desert Front", "allegiance_to", "Islamic State", "asserted") in found
    assert ("Desert Front", "opposes", "Hezbollah", "asserted") in found
    assert ("Desert Front", "opposes", "United States", "asserted") in found
    assert ("Desert Front", "successor_of", "Caucasus Emirate", "asserted") in found
    lead = next(a for a in ex.assertions if a.relation == "leader_of")
    assert lead.subject.name == "Abu Umar al-Masri"
    assert lead.evidence[0].trigger == "Leaders"
