"""Ties across documents: aggregation, near-duplicates counted once, contested and denied status, grades."""
from __future__ import annotations

from factionmap.graph import Graph
from factionmap.model import TieStatus

from tests.graph.helpers import claim, doc, ent, save

FAJR = ("Harakat al-Fajr",)
SYNDICATED = "Officials said that Harakat al-Fajr had formed an alliance with Liwa al-Nasr in the valley."


def _world(store):
    fajr, nasr = ent("Harakat al-Fajr"), ent("Liwa al-Nasr")
    d1 = doc(f"A report from the hills. {SYNDICATED} Fighting went on.", "Wire story", publisher="Hill Wire")
    d2 = doc(f"Reprinted today. {SYNDICATED} More later.", "Wire story reprint", publisher="Valley Daily")
    d3 = doc("Liwa al-Nasr and Harakat al-Fajr fought side by side, a commander of the first told us in March.",
             "Interview", publisher="Desert Review")
    d4 = doc("A spokesman of Liwa al-Nasr denied any alliance with Harakat al-Fajr.", "Statement",
             publisher="Liwa al-Nasr media")
    save(store, d1, [claim(d1, fajr, "ally_of", nasr, "formed an alliance", stance="reported", start="2015")])
    save(store, d2, [claim(d2, fajr, "ally_of", nasr, "formed an alliance", stance="reported", start="2015")])
    save(store, d3, [claim(d3, nasr, "ally_of", fajr, "fought side by side", start="2015-03")])
    return d4, fajr, nasr


def test_same_tie_from_many_documents_is_one_tie_with_every_citation(store):
    _world(store)
    ties = Graph(store).ties(relation="ally_of")
    assert len(ties) == 1
    tie = ties[0]
    assert {c.doc_title for c in tie.citations} == {"Wire story", "Wire story reprint", "Interview"}
    assert all(c.quote.endswith(".") and "Harakat al-Fajr" in c.quote for c in tie.citations)
    assert tie.start.iso == "2015" and tie.status is TieStatus.SUPPORTED


def test_symmetric_tie_is_stored_once_whatever_the_order(store):
    _world(store)
    g = Graph(store)
    tie = g.ties(relation="ally_of")[0]
    assert tie.subject.id < tie.object.id


def test_near_duplicate_sentences_count_once(store):
    _world(store)
    frame = Graph(store).ties_frame(relation="ally_of")
    assert frame.loc[0, "evidence_count"] == 3
    assert frame.loc[0, "independent_count"] == 2  # the reprint is the wire story again


def test_confidence_grows_with_independent_support(store):
    d4, fajr, nasr = _world(store)
    g = Graph(store)
    before = g.ties(relation="ally_of")[0].confidence
    d5 = doc("Harakat al-Fajr joined Liwa al-Nasr in a joint operations room in the north.", "Analysis",
             publisher="Think Tank")
    save(store, d5, [claim(d5, fajr, "ally_of", nasr, "joint operations room")])
    after = g.ties(relation="ally_of")[0]
    assert after.confidence > before
    assert after.grade[0] == "F" and after.grade[1] in "123"


def test_claim_and_denial_make_a_contested_tie(store):
    d4, fajr, nasr = _world(store)
    save(store, d4, [claim(d4, nasr, "ally_of", fajr, "denied any alliance", stance="denied")])
    g = Graph(store)
    contested = g.contested()
    assert [t.relation for t in contested] == ["ally_of"]
    stances = {c.stance.value for c in contested[0].citations}
    assert stances == {"reported", "asserted", "denied"}
    assert contested[0].confidence < 50


def test_only_denials_make_a_denied_tie(store):
    d4, fajr, nasr = _world(store)
    other = ent("Kata'ib al-Shams")
    d6 = doc("Kata'ib al-Shams has never pledged allegiance to Harakat al-Fajr, its leader said.", "Denial")
    save(store, d6, [claim(d6, other, "allegiance_to", fajr, "never pledged", stance="denied")])
    tie = Graph(store).ties(relation="allegiance_to")[0]
    assert tie.status is TieStatus.DENIED and tie.confidence < 20


def test_source_reliability_from_configuration(store, tmp_path):
    _world(store)
    config = tmp_path / "factionmap.yaml"
    config.write_text("sources:\n  Desert Review: B\n  Hill Wire: C\n")
    g = Graph(store, config=config)
    tie = g.ties(relation="ally_of")[0]
    assert tie.grade[0] == "B"
    assert g.ties(relation="ally_of", min_grade="B3")
    assert not g.ties(relation="ally_of", min_grade="A3")


def test_tie_ids_survive_a_new_document(store):
    d4, fajr, nasr = _world(store)
    g = Graph(store)
    before = g.ties(relation="ally_of")[0].id
    save(store, d4, [claim(d4, nasr, "ally_of", fajr, "denied any alliance", stance="denied")])
    assert g.tie(before).status is TieStatus.CONTESTED


def test_reextraction_replaces_a_documents_evidence(store):
    d4, fajr, nasr = _world(store)
    save(store, d4, [claim(d4, nasr, "ally_of", fajr, "denied any alliance", stance="denied")])
    save(store, d4, [], version="t2")  # a new extractor finds nothing there
    assert Graph(store).ties(relation="ally_of")[0].status is TieStatus.SUPPORTED
