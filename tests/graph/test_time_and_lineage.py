"""Time (as-of and range queries, supersession), lineage trees and paths."""
from __future__ import annotations

import datetime as dt

from factionmap.graph import Graph

from tests.graph.helpers import claim, doc, ent, save

FAJR, NASR, SAHIL, WAHA = ent("Harakat al-Fajr"), ent("Liwa al-Nasr"), ent("Jaysh al-Sahil"), ent("Jabhat al-Waha")


def _history(store):
    d1 = doc("Harakat al-Fajr allied with Liwa al-Nasr in 2013 and the alliance ended in 2014.", "Alliance")
    d2 = doc("Jaysh al-Sahil split from Harakat al-Fajr in June 2014. Jaysh al-Sahil fought Liwa al-Nasr from 2015. "
             "In 2017 Jaysh al-Sahil merged into Liwa al-Nasr.", "Sahil")
    d3 = doc("Jabhat al-Waha was founded in 2019 as the successor of Liwa al-Nasr.", "Waha")
    save(store, d1, [claim(d1, FAJR, "ally_of", NASR, "allied with", start="2013", end="2014")])
    save(store, d2, [claim(d2, SAHIL, "split_from", FAJR, "split from", start="2014-06"),
                     claim(d2, SAHIL, "opposes", NASR, "fought", start="2015"),
                     claim(d2, SAHIL, "merged_into", NASR, "merged into", start="2017")])
    save(store, d3, [claim(d3, WAHA, "successor_of", NASR, "successor of", start="2019")])
    return Graph(store)


def test_as_of_before_inside_and_after_a_tie(store):
    g = _history(store)
    rel = {"relation": "ally_of"}
    assert g.ties(as_of="2012-06-01", **rel) == []
    assert len(g.ties(as_of="2013-07-01", **rel)) == 1
    assert len(g.ties(as_of=dt.date(2014, 3, 1), **rel)) == 1
    assert g.ties(as_of="2015", **rel) == []


def test_range_queries_take_ties_overlapping_the_range(store):
    g = _history(store)
    assert {t.relation for t in g.ties(start="2010", end="2012")} == set()
    assert {t.relation for t in g.ties(start="2015", end="2016")} >= {"opposes"}
    assert "ally_of" not in {t.relation for t in g.ties(start="2015", end="2016")}


def test_a_merger_ends_the_rivalry_between_the_same_pair(store):
    g = _history(store)
    rivalry = g.ties(relation="opposes")[0]
    assert rivalry.end is not None and rivalry.end.iso == "2017"
    assert g.ties(as_of="2016-05", relation="opposes")
    assert not g.ties(as_of="2018", relation="opposes")
    assert g.ties_frame(relation="opposes").loc[0, "ended_by"] == g.ties(relation="merged_into")[0].id


def test_the_map_as_of_a_date(store):
    g = _history(store)
    graph = g.to_networkx(as_of="2015-06")
    relations = {d["relation"] for _s, _o, d in graph.edges(data=True)}
    assert relations == {"split_from", "opposes"}
    assert graph.nodes[g.entity("Jaysh al-Sahil").id]["name"] == "Jaysh al-Sahil"
    assert len(g.to_networkx().edges) == 4 + 1


def test_lineage_tree_with_dates(store):
    g = _history(store)
    root = g.lineage("Liwa al-Nasr")
    assert [(c.entity.name, c.relation, c.direction) for c in root.predecessors] == [
        ("Jaysh al-Sahil", "merged_into", "predecessor")]
    assert [(c.entity.name, c.start.iso) for c in root.successors] == [("Jabhat al-Waha", "2019")]
    sahil = root.predecessors[0]
    assert [(c.entity.name, c.relation, c.start.iso) for c in sahil.children] == [
        ("Harakat al-Fajr", "split_from", "2014-06")]


def test_path_between_two_entities_each_step_cited(store):
    g = _history(store)
    steps = g.path("Jabhat al-Waha", "Harakat al-Fajr")
    assert len(steps) == 2  # Waha -successor_of- Nasr -ally_of- Fajr
    assert all(s.citations for s in steps)
    assert g.path("Jabhat al-Waha", "Harakat al-Fajr", max_hops=1) == []


def test_a_path_by_ids_finds_both_ends_or_says_which_is_missing(store):
    import pytest

    from factionmap.errors import NotFound

    g = _history(store)
    waha, fajr = g.entity_id("Jabhat al-Waha"), g.entity_id("Harakat al-Fajr")
    assert [s.id for s in g.path(waha, str(fajr))] == [s.id for s in g.path("Jabhat al-Waha", "Harakat al-Fajr")]
    assert g.path(waha, waha) == []
    missing = max(waha, fajr) + 1000
    for a, b in ((waha, missing), (missing, fajr), (missing, missing)):
        with pytest.raises(NotFound, match=f"no entity with id {missing}"):
            g.path(a, b)


def test_profile_groups_ties_by_relation(store):
    g = _history(store)
    leader = ent("Abu Khalid", "PERSON")
    d = doc("Abu Khalid led Liwa al-Nasr from 2012. Abu Samir became the leader of Liwa al-Nasr in 2016.", "Leaders")
    save(store, d, [claim(d, leader, "leader_of", NASR, "led", start="2012"),
                    claim(d, ent("Abu Samir", "PERSON"), "leader_of", NASR, "became the leader", start="2016")])
    p = g.profile("Liwa al-Nasr")
    assert set(p.ties_by_relation) == {"ally_of", "opposes", "merged_into", "successor_of", "leader_of"}
    assert [(who.name, s.iso, e.iso if e else None) for who, s, e, _t in p.leaders] == [
        ("Abu Khalid", "2012", "2016"), ("Abu Samir", "2016", None)]
    assert {n.name for n in p.neighbours} >= {"Jaysh al-Sahil", "Jabhat al-Waha", "Harakat al-Fajr"}


def test_neighbourhood_as_of(store):
    g = _history(store)
    ties = g.neighbourhood("Liwa al-Nasr", as_of="2013-06")
    assert [t.relation for t in ties] == ["ally_of"]
