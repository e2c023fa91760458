"""The resolver's batch lookups read each alias once, however many documents gave it."""
from __future__ import annotations

from sqlalchemy import func, select

from factionmap.graph import Graph
from factionmap.graph.lookups import Lookups
from factionmap.namefold import fold
from factionmap.store import schema as t

from tests.graph.helpers import claim, doc, ent, save


def _name(store, group: str, title: str, town: str = "Tal Hamra"):
    d = doc(f"In {title}: {group} fought in {town} that year.", title)
    save(store, d, [claim(d, ent(group), "operates_in", ent(town, "PLACE"), "fought")])
    return d


def test_an_alias_given_by_many_documents_is_read_once_and_still_resolves(store):
    for i in range(6):
        _name(store, "Jaysh al-Muhajireen", f"report {i}")
    _name(store, "Liwa al-Fajr", "other", town="Bir Salem")
    norm = fold("Jaysh al-Muhajireen")
    with store.engine.connect() as conn:
        stored = conn.execute(select(func.count()).select_from(t.aliases).where(t.aliases.c.norm == norm)).scalar()
        first = conn.execute(select(func.min(t.aliases.c.id)).where(t.aliases.c.norm == norm)).scalar()
        row = {"name": "Jaysh al-Muhajireen", "aliases": [], "kb_id": None}
        lookups = Lookups(conn, [row])
        read = lookups.by_norm[norm]
        hits = lookups.hits({norm}, set(), "ORG")
        in_block = lookups.in_block(next(iter(lookups.by_block)), "ORG")
    assert stored >= 6  # one row per document that gives the name
    assert len(read) == 1  # ... read once
    assert [h["entity_id"] for h in hits] == [read[0]["entity_id"]]
    assert [h["entity_id"] for h in in_block] == [read[0]["entity_id"]]
    assert read[0]["order"] == 1 and first is not None
    # a seventh document naming it joins the same entity, and the other group stays apart
    _name(store, "Jaysh al-Muhajireen", "report 7")
    g = Graph(store)
    assert len(g.entities(type="ORG")) == 2
    tie = next(x for x in g.ties(relation="operates_in") if x.object.name == "Tal Hamra")
    assert len(tie.citations) == 7
