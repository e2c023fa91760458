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


def test_the_lookups_ask_each_key_apart_and_find_a_name_by_any_of_them(store):
    """Names, skeletons and fuzzy blocks are asked in a query each (on PostgreSQL with one array parameter):
    one OR of the three lists made the planner read every lead alias. An alias is found once, whichever
    keys find it, and a name found only by its skeleton or only by its block is found all the same."""
    from sqlalchemy import event

    _name(store, "Jaysh al-Muhajireen", "one")
    _name(store, "Harakat Nour al-Ghouta", "two")
    asked: list[tuple[str, object]] = []
    event.listen(store.engine, "before_cursor_execute",
                 lambda conn, cursor, statement, parameters, *rest: asked.append((statement, parameters))
                 if "FROM aliases" in statement and "GROUP BY" in statement else None)
    rows = [{"name": "Jaysh al-Muhajireen", "aliases": [], "kb_id": None},  # its name, its skeleton, its block
            {"name": "Harakat Nur al-Ghuta", "aliases": [], "kb_id": None},  # another spelling: its skeleton
            {"name": "Harakat Nour al-Ghoutta", "aliases": [], "kb_id": None}]  # fuzzy: its block alone
    with store.engine.connect() as conn:
        lookups = Lookups(conn, rows)
        muhajireen = lookups.hits({fold("Jaysh al-Muhajireen")}, set(), "ORG")
        ghouta = lookups.hits(set(), {lookups.by_norm[fold("Harakat Nour al-Ghouta")][0]["skel"]}, "ORG")
        block = lookups.in_block(next(b for b in lookups.by_block if b.startswith("harakat")), "ORG")
    assert len(asked) == 3 and not any(" OR " in statement for statement, _ in asked)
    if store.engine.dialect.name == "postgresql":
        assert all("= ANY (" in statement and len(parameters) == 1 for statement, parameters in asked)
    assert lookups._order == 2  # each of the two stored aliases once
    assert len(muhajireen) == 1 and len(ghouta) == 1 and [h["entity_id"] for h in block] == [ghouta[0]["entity_id"]]
