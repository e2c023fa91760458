"""What a profile reads of a busy entity: its names counted in SQL with their first documents listed,
and its citations' quotes kept with the evidence, or sliced from whole document texts or in SQL, the same
every way."""
from __future__ import annotations

import pytest
from sqlalchemy import select

from factionmap.graph import Graph, decisions, read
from factionmap.model import Alias

from .helpers import claim, doc, ent, save


def _named_in(store, count: int) -> list:
    """`count` documents, each naming the group twice over (its name and an acronym) beside a place."""
    docs = []
    for i in range(count):
        group = ent("Jamaat Nur al-Din", aliases=("JND",) if i % 2 == 0 else ())
        d = doc(f"Report {i}: Jamaat Nur al-Din (JND) fought in Tal Hamra {i} during the winter.", f"report {i:02d}")
        save(store, d, [claim(d, group, "operates_in", ent(f"Tal Hamra {i}", "PLACE"), "fought")], [group])
        docs.append(d)
    return docs


@pytest.mark.parametrize("rows_read", [0, 500], ids=["grouped in SQL", "rows read"])
def test_a_profile_lists_each_names_first_documents_and_counts_them_all(store, monkeypatch, rows_read):
    monkeypatch.setattr(read, "ALIAS_ROWS_READ", rows_read)
    _named_in(store, 7)
    g = Graph(store)
    eid = g.entity("JND").id
    with g.engine.connect() as conn:
        whole = decisions.explain(conn, eid)  # every alias row, read one by one: the reference
        found, why = read.entities_explained(conn, [], eid, per_name=2)
    assert [w["name"] for w in why] == [name for name, _docs, _reason in whole]
    for w, (_name, docs, reason) in zip(why, whole):
        assert w["why"] == reason
        assert w["documents"] == docs[:2]
        assert w["document_count"] == len(docs)
    jnd = next(w for w in why if w["name"] == "JND")
    assert jnd["document_count"] == 4 and len(jnd["documents"]) == 2  # reports 0, 2, 4 and 6
    entity = found[eid]
    assert {a.name: a.documents for a in entity.aliases} == {w["name"]: w["document_count"] for w in why
                                                              if w["name"] != entity.name}
    assert all(a.doc_ids == set() for a in entity.aliases)  # counted, not read


def test_a_profile_carries_the_counts_and_its_ends_carry_their_names(store):
    _named_in(store, 3)
    g = Graph(store)
    p = g.profile("JND")
    counts = {a.name: a.document_count for a in p.aliases}
    assert counts["JND"] == 2 and counts["Jamaat Nur al-Din"] == 3
    assert [len(a.documents) for a in p.aliases] == [min(n, read.ALIAS_DOCUMENTS) for n in counts.values()]
    assert {n.name for n in p.neighbours} == {"Tal Hamra 0", "Tal Hamra 1", "Tal Hamra 2"}
    assert all(n.aliases == [] for n in p.neighbours)
    assert g.entity(p.entity.id).aliases[0].documents == 2  # Graph.entity reads which documents
    assert Alias("x", {"a", "b"}).documents == 2 and Alias("x", set(), counted=5).documents == 5


@pytest.mark.parametrize("kept, whole_bytes", [(True, 10**9), (False, 0), (False, 10**9)],
                         ids=["kept with the evidence", "sliced in SQL", "sliced from whole texts"])
def test_quotes_are_the_same_kept_sliced_in_sql_or_from_whole_texts(store, monkeypatch, kept, whole_bytes):
    from sqlalchemy import update

    from factionmap.store import schema as t

    prefix = "Al-Ḥaraka — “the movement” — wrote in Dar‘a and Ḥamāh. "  # characters of more than one byte
    group, other, third = ent("Harakat al-Ṣumud"), ent("Liwa al-Fajr"), ent("Liwa al-Nasr")
    docs = []
    for i in range(3):  # each document cited twice: once by each tie
        d = doc(prefix * (i + 1) + f"Harakat al-Ṣumud fought Liwa al-Fajr near Ḥamāh in year {i}. Then calm. "
                f"Harakat al-Ṣumud allied with Liwa al-Nasr in Ḥamāh.", f"ḥ report {i}")
        save(store, d, [claim(d, group, "opposes", other, "fought"), claim(d, group, "ally_of", third, "allied")],
             [group, other, third])
        docs.append(d)
    texts = {d.id: d.text for d in docs}
    with store.engine.connect() as conn:
        stored = conn.execute(select(t.evidence.c.doc_id, t.evidence.c.start_char, t.evidence.c.end_char,
                                     t.evidence.c.quote)).all()
    assert len(stored) == 6 and all(q == texts[d][s:e] for d, s, e, q in stored)  # written with the evidence
    if not kept:  # evidence whose quote is not kept (one naming another document's text) is sliced when read
        with store.transaction() as conn:
            conn.execute(update(t.evidence).values(quote=None))
    monkeypatch.setattr(read, "WHOLE_TEXT_BYTES", whole_bytes)
    asked: list[set[str]] = []
    reader = read.whole_texts
    monkeypatch.setattr(read, "whole_texts", lambda conn, ids: asked.append(set(ids)) or reader(conn, ids))
    ties = Graph(store).ties(relation=["opposes", "ally_of"])
    assert asked == [{d.id for d in docs} if whole_bytes and not kept else set()]
    assert sorted(len(x.citations) for x in ties) == [3, 3]
    for c in (c for x in ties for c in x.citations):
        assert c.quote == texts[c.doc_id][c.start_char:c.end_char].strip()
        assert c.quote.startswith("Harakat al-Ṣumud") and "Ḥamāh" in c.quote
    (one,) = Graph(store).ties(relation="opposes")  # alone, each document is cited once: sliced in SQL
    assert asked[-1] == set() and [c.quote for c in one.citations] == [c.quote for x in ties for c in x.citations
                                                                       if x.relation == "opposes"]


def test_the_profile_page_says_how_many_documents_name_a_busy_entity(store, monkeypatch):
    import warnings

    from factionmap.web import create_app

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        from fastapi.testclient import TestClient

    _named_in(store, 5)
    monkeypatch.setattr(read, "ALIAS_DOCUMENTS", 2)
    client = TestClient(create_app(store))
    eid = Graph(store).entity("JND").id
    names = {a["name"]: a for a in client.get(f"/api/entities/{eid}").json()["aliases"]}
    assert names["Jamaat Nur al-Din"]["where"] == "named in 5 documents; written so in 2 of the first 2"
    assert names["JND"]["where"] == "named in 3 documents; written so in 2 of the first 2"
    assert [d["title"] for d in names["JND"]["documents"]] == ["report 00", "report 02"]
    assert "named in 5 documents" in client.get(f"/entities/{eid}").text


def test_the_migration_keeps_the_quotes_of_a_stored_map(store):
    """A store written before quotes were kept with their evidence gets them, counted in characters of
    more than one byte as Python slices them."""
    from alembic import command

    from factionmap.store import migrate
    from factionmap.store import schema as t

    group, other = ent("Harakat al-Ṣumud"), ent("Liwa al-Fajr")
    docs = []
    for i in range(2):
        d = doc("Ḥamāh — “the city” — lies north. " * (i + 1) + f"Harakat al-Ṣumud fought Liwa al-Fajr in Ḥamāh in year {i}.",
                f"report {i}")
        save(store, d, [claim(d, group, "opposes", other, "fought")], [group, other])
        docs.append(d)
    with store.engine.begin() as conn:
        command.downgrade(migrate.alembic_config(conn), "0026")
        migrate.upgrade(conn)
        stored = conn.execute(select(t.evidence.c.doc_id, t.evidence.c.start_char, t.evidence.c.end_char,
                                     t.evidence.c.quote)).all()
    texts = {d.id: d.text for d in docs}
    assert len(stored) == 2
    assert all(q == texts[d][s:e] and q.startswith("Harakat") for d, s, e, q in stored)
