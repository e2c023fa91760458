"""Merges and splits by the user: stored, explained, undoable, and kept across rebuilds."""
from __future__ import annotations

from factionmap.graph import Graph

from tests.graph.helpers import claim, doc, ent, save

TOWN = ent("Tal Hamra", "PLACE")


def _docs(store):
    d1 = doc("Harakat al-Fajr holds Tal Hamra.", "one")
    d2 = doc("The Dawn Movement operates around Tal Hamra.", "two")
    d3 = doc("Liwa al-Nasr, also called the Islamic Brigade of Iraq, fought near Tal Hamra.", "three")
    save(store, d1, [claim(d1, ent("Harakat al-Fajr"), "operates_in", TOWN, "holds")])
    save(store, d2, [claim(d2, ent("Dawn Movement"), "operates_in", TOWN, "operates")])
    save(store, d3, [claim(d3, ent("Liwa al-Nasr", aliases=("Islamic Brigade of Iraq",)), "operates_in", TOWN, "fought")])
    return d1, d2, d3


def test_merge_fuses_two_entities_and_their_ties(store):
    _docs(store)
    g = Graph(store)
    fajr = g.entity("Harakat al-Fajr").id
    decision = g.merge("Harakat al-Fajr", "Dawn Movement")
    assert decision.kind == "merge" and "Dawn Movement" in decision.description
    merged = g.entity("Dawn Movement")
    assert merged.id == fajr and merged.name == "Harakat al-Fajr"
    tie = g.ties(relation="operates_in", entity=fajr)[0]
    assert len(tie.citations) == 2
    assert any("merged by decision" in why for _n, _d, why in g.explain(fajr))


def test_undo_a_merge(store):
    _docs(store)
    g = Graph(store)
    decision = g.merge("Harakat al-Fajr", "Dawn Movement")
    g.undo(decision.id)
    assert g.entity("Dawn Movement").id != g.entity("Harakat al-Fajr").id
    assert len(g.ties(relation="operates_in")) == 3
    assert g.decisions()[0].undone_at is not None


def test_split_takes_aliases_off_and_keeps_them_off(store):
    _, _, d3 = _docs(store)
    g = Graph(store)
    nasr = g.entity("Liwa al-Nasr").id
    g.split("Liwa al-Nasr", ["Islamic Brigade of Iraq"])
    assert "Islamic Brigade of Iraq" not in g.entity(nasr).names
    d4 = doc("The Islamic Brigade of Iraq is a different group, active in Tal Hamra.", "four")
    save(store, d4, [claim(d4, ent("Islamic Brigade of Iraq"), "operates_in", TOWN, "active")])
    other = g.entity("Islamic Brigade of Iraq")
    assert other.id != nasr


def test_decisions_survive_a_rebuild_and_a_reextraction(store):
    d1, d2, d3 = _docs(store)
    g = Graph(store)
    g.merge("Harakat al-Fajr", "Dawn Movement")
    g.split("Liwa al-Nasr", ["Islamic Brigade of Iraq"])
    g.rebuild()
    assert g.entity("Dawn Movement").id == g.entity("Harakat al-Fajr").id
    assert "Islamic Brigade of Iraq" not in g.entity("Liwa al-Nasr").names
    save(store, d2, [claim(d2, ent("Dawn Movement"), "operates_in", TOWN, "operates")], version="t2")
    save(store, d3, [claim(d3, ent("Liwa al-Nasr", aliases=("Islamic Brigade of Iraq",)), "operates_in", TOWN,
                           "fought")], version="t2")
    assert g.entity("Dawn Movement").id == g.entity("Harakat al-Fajr").id
    assert "Islamic Brigade of Iraq" not in g.entity("Liwa al-Nasr").names
    assert len(g.ties(relation="operates_in", entity="Harakat al-Fajr")[0].citations) == 2


def test_entity_ids_are_stable_across_reextraction(store):
    d1, _, _ = _docs(store)
    g = Graph(store)
    before = g.entity("Harakat al-Fajr").id
    save(store, d1, [claim(d1, ent("Harakat al-Fajr"), "operates_in", TOWN, "holds")], version="t2")
    assert g.entity("Harakat al-Fajr").id == before
