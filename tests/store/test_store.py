"""The store on SQLite and PostgreSQL: round trips, idempotence, one transaction per document."""
from __future__ import annotations

import pytest
from sqlalchemy import select

from factionmap.errors import BadStoreURL, NotFound, StoreError
from factionmap.model import (
    Alias, Assertion, Document, Entity, Evidence, Extraction, FuzzyDate, InfoboxField, Mention,
    MentionType, Section, Stance,
)
from factionmap.store import Store
from factionmap.store import schema as t

TEXT = (
    "Harakat al-Example is an armed group active in the Northern Hills.\n"
    "In March 2016 the group pledged allegiance to the Example Front.\n"
    "Its spokesman denied any link to the Western Brigade."
)


def sentence(doc: Document, words: str) -> tuple[int, int]:
    start = doc.text.index(words)
    return start, start + len(words)


def make_extraction(text: str = TEXT, version: str = "t1") -> Extraction:
    doc = Document(text=text, title="Harakat al-Example", author="A. Writer", published="2017-02",
                   path="example.txt", format="txt", source_kind="encyclopedia",
                   sections=[Section("Overview", 1, 0, len(text))],
                   infobox=[InfoboxField("Area", "Northern Hills", 51, 65)])
    group = Entity("Harakat al-Example", "ORG", [Alias("HaE", source="acronym")])
    front = Entity("Example Front", "ORG", [Alias("al-Jabha al-Mithaliya", source="kb")], kb_id="example-front")
    brigade = Entity("Western Brigade", "ORG")
    hills = Entity("Northern Hills", "PLACE", attributes={"lat": 1.5, "lon": 2.5})
    s1 = sentence(doc, "In March 2016 the group pledged allegiance to the Example Front.")
    s2 = sentence(doc, "Its spokesman denied any link to the Western Brigade.")
    s0 = sentence(doc, "Harakat al-Example is an armed group active in the Northern Hills.")
    mentions = [
        Mention(doc.id, 0, 18, MentionType.ORG, group.key, "pattern"),
        Mention(doc.id, s0[1] - 15, s0[1] - 1, MentionType.PLACE, hills.key, "gazetteer"),
        Mention(doc.id, s1[0] + 3, s1[0] + 13, MentionType.DATE, None, "dates"),
    ]
    assertions = [
        Assertion(group, "allegiance_to", front, Stance.ASSERTED, start=FuzzyDate.from_iso("2016-03", "March 2016"),
                  evidence=[Evidence(doc.id, *s1, "infix-pledge", version, "pledged allegiance")]),
        Assertion(group, "ally_of", brigade, Stance.DENIED, attribution="its spokesman",
                  evidence=[Evidence(doc.id, *s2, "denial", version, "denied any link")]),
        Assertion(group, "operates_in", hills, evidence=[Evidence(doc.id, *s0, "active-in", version, "active in")]),
    ]
    return Extraction(doc, [group, front, brigade, hills], mentions, assertions, version)


def test_document_round_trip(store: Store):
    ex = make_extraction()
    assert store.add_document(ex.document) is True
    back = store.document(ex.document.id)
    assert back == ex.document
    assert store.document(ex.document.id[:10]).id == ex.document.id
    assert [d["title"] for d in store.documents()] == ["Harakat al-Example"]


def test_extraction_round_trip(store: Store):
    ex = make_extraction()
    store.save_extraction(ex)
    got = store.assertions(ex.document.id)
    assert [(a.subject.name, a.relation, a.object.name, a.stance.value) for a in got] == [
        ("Harakat al-Example", "allegiance_to", "Example Front", "asserted"),
        ("Harakat al-Example", "ally_of", "Western Brigade", "denied"),
        ("Harakat al-Example", "operates_in", "Northern Hills", "asserted"),
    ]
    pledge = got[0]
    assert pledge.start == FuzzyDate.from_iso("2016-03", "March 2016")
    assert pledge.object.kb_id == "example-front"
    assert [a.name for a in pledge.object.aliases] == ["al-Jabha al-Mithaliya"]
    ev = pledge.evidence[0]
    assert ex.document.text[ev.start_char:ev.end_char].startswith("In March 2016")
    assert got[1].attribution == "its spokesman"
    assert store.mentions(ex.document.id)[0] == ex.mentions[0]
    assert store.stats()["extracted"] == 1
    assert store.extractor_version(ex.document.id) == "t1"


def test_same_bytes_twice_is_a_no_op(store: Store):
    ex = make_extraction()
    assert store.add_document(ex.document) is True
    assert store.add_document(ex.document) is False
    store.save_extraction(ex)
    before = store.stats()
    store.save_extraction(ex)
    assert store.stats() == before


def test_re_extraction_replaces_a_documents_results(store: Store):
    ex = make_extraction()
    store.save_extraction(ex)
    ex.assertions = ex.assertions[:1]
    ex.extractor_version = "t2"
    store.save_extraction(ex)
    assert [a.relation for a in store.assertions()] == ["allegiance_to"]
    assert store.extractor_version(ex.document.id) == "t2"


def test_a_failing_document_leaves_the_store_as_it_was(store: Store):
    good = make_extraction()
    store.save_extraction(good)
    before = store.stats()
    bad = make_extraction(TEXT + "\nA second, different document.")
    bad.assertions[0].evidence = [Evidence(bad.document.id, 0, 10, None, "t1")]  # extractor is NOT NULL
    with pytest.raises(StoreError):
        store.save_extraction(bad)
    assert store.stats() == before
    assert not store.has_document(bad.document.id)


def test_missing_document_is_not_found(store: Store):
    with pytest.raises(NotFound, match="no document 'abc'"):
        store.document("abc")


def test_bad_urls_are_refused(tmp_path):
    with pytest.raises(BadStoreURL, match="only sqlite"):
        Store("mysql://localhost/x")
    with pytest.raises(BadStoreURL, match="does not exist"):
        Store(tmp_path / "no" / "such" / "folder.db")


def test_cross_document_entities_join_by_kb_id_and_name(store: Store):
    a = make_extraction()
    b = make_extraction(TEXT + " ")
    b.entities[0].name = "Harakat al Example"  # another spelling, folded to the same name
    store.save_extraction(a)
    store.save_extraction(b)
    with store.engine.connect() as conn:
        names = sorted(r[0] for r in conn.execute(select(t.entities.c.name)))
    assert names == ["Example Front", "Harakat al-Example", "Northern Hills", "Western Brigade"]
    assert store.stats()["ties"] == 3
