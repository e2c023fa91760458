"""A name's later copies do not lead (graph.leads): the earliest row of each entity, name and keys leads, no
other that its writer could tell apart, and a deletion that takes a lead away gives it to the next row."""
from __future__ import annotations

from collections import defaultdict

from sqlalchemy import select, text

from factionmap.graph import Graph, leads
from factionmap.graph.lookups import Lookups
from factionmap.namefold import fold
from factionmap.store import Store, migrate
from factionmap.store import schema as t

from tests.graph.helpers import claim, doc, ent, save

GROUP = "Kata'ib al-Nasr al-Jadid"


def _report(store, title: str, group: str = GROUP, town: str = "Wadi Sareer", text_: str | None = None):
    d = doc(text_ or f"In {title}: {group} fought in {town} that year.", title)
    save(store, d, [claim(d, ent(group, aliases=("KNJ",)), "operates_in", ent(town, "PLACE"), "fought")])
    return d


def _rows(conn) -> dict[tuple, list[tuple[int, bool]]]:
    """Every key's rows (id, lead), in id order."""
    out: dict[tuple, list[tuple[int, bool]]] = defaultdict(list)
    al = t.aliases.c
    for r in conn.execute(select(al.id, al.lead, *(al[k] for k in leads.KEY)).order_by(al.id)):
        out[tuple(r[2:])].append((r[0], bool(r[1])))
    return out


def _check_invariant(conn) -> dict[tuple, list[tuple[int, bool]]]:
    rows = _rows(conn)
    for key, found in rows.items():
        assert found[0][1], f"the earliest row of {key} does not lead: {found}"
    return rows


def test_a_name_given_by_many_documents_leads_once(store):
    for i in range(5):
        _report(store, f"report {i}")
    _report(store, "other", group="Liwa Shuhada al-Wadi", town="Tell Baqar")
    with store.engine.connect() as conn:
        rows = _check_invariant(conn)
    by_name = {key[3]: found for key, found in rows.items()}
    assert len(by_name[GROUP]) == 5 and [lead for _, lead in by_name[GROUP]] == [True, False, False, False, False]
    assert all(sum(lead for _, lead in found) == 1 for found in rows.values())  # every name leads once
    assert [lead for _, lead in by_name["Liwa Shuhada al-Wadi"]] == [True]


def test_the_lookups_read_the_leads_and_still_resolve(store):
    for i in range(4):
        _report(store, f"report {i}")
    norm = fold(GROUP)
    with store.engine.connect() as conn:
        lookups = Lookups(conn, [{"name": GROUP, "aliases": [], "kb_id": None}])
        held = lookups.by_norm[norm]
        earliest = conn.execute(select(t.aliases.c.id).where(t.aliases.c.norm == norm).order_by(t.aliases.c.id)).first()
        lead = conn.execute(select(t.aliases.c.id).where(t.aliases.c.norm == norm, t.aliases.c.lead)).all()
    assert len(held) == 1 and lookups.knows({**held[0], "block": next(iter(lookups.by_block))})
    assert [r[0] for r in lead] == [earliest[0]]
    _report(store, "report 9")  # a fifth document joins the same entity, by the name its lead carries
    assert [e.name for e in Graph(store).entities(type="ORG")] == [GROUP]


def _alias_deletes(store) -> list[str]:
    """The statements that delete aliases, as the store sends them (recorded from now on)."""
    from sqlalchemy import event

    sent: list[str] = []
    event.listen(store.engine, "before_cursor_execute",
                 lambda conn, cursor, statement, *rest: sent.append(statement)
                 if statement.lstrip().upper().startswith("DELETE FROM ALIASES") else None)
    return sent


def test_re_extracting_the_document_that_led_gives_the_lead_to_the_next(store):
    deletes = _alias_deletes(store)
    first = _report(store, "report 0")
    for i in range(1, 3):
        _report(store, f"report {i}")
    assert deletes == []  # documents stored for the first time: no alias of theirs is looked for
    with store.engine.connect() as conn:
        before = _check_invariant(conn)
    led_by = {key: found[0][0] for key, found in before.items()}
    # the first document again, extracted anew (a new extractor version): its rows go, and come back last
    d = doc(first.text, "report 0")
    save(store, d, [claim(d, ent(GROUP, aliases=("KNJ",)), "operates_in", ent("Wadi Sareer", "PLACE"), "fought")],
         version="t2")
    assert len(deletes) == 1  # stored before: its aliases go
    with store.engine.connect() as conn:
        after = _check_invariant(conn)
    group_key = next(k for k in after if k[3] == GROUP)
    assert after[group_key][0][0] != led_by[group_key]  # the lead moved to the second document's row
    assert [lead for _, lead in after[group_key]] == [True, False, False]
    assert [e.name for e in Graph(store).entities(type="ORG")] == [GROUP]


def test_deleting_a_lead_restores_one_for_each_key_left(store):
    docs = [_report(store, f"report {i}") for i in range(3)]
    with store.engine.begin() as conn:
        leads.delete(conn, t.aliases.c.doc_id == docs[0].id)
        rows = _check_invariant(conn)
        assert max(len(found) for found in rows.values()) == 2
        leads.delete(conn, t.aliases.c.doc_id.in_([docs[1].id, docs[2].id]))
        assert _rows(conn) == {}


def test_the_migration_marks_the_leads_of_a_stored_map(tmp_path):
    from alembic import command

    path = tmp_path / "old.db"
    store = Store(path)
    for i in range(3):
        _report(store, f"report {i}")
    with store.engine.begin() as conn:
        command.downgrade(migrate.alembic_config(conn), "0025")
        assert "lead" not in {r[1] for r in conn.execute(text("PRAGMA table_info(aliases)"))}
    store.close()
    again = Store(path)
    with again.engine.connect() as conn:
        assert migrate.current_revision(conn) == migrate.head_revision()
        rows = _check_invariant(conn)
    assert max(len(found) for found in rows.values()) == 3  # the group's name, once per document
    assert all([lead for _, lead in found] == [True] + [False] * (len(found) - 1) for found in rows.values())


def test_a_name_lookup_can_use_the_partial_indexes(store):
    """The lookups' test on `lead` is written as the indexes' condition is (SQLite compares them as text)."""
    _report(store, "report 0")
    with store.engine.connect() as conn:
        if conn.dialect.name == "postgresql":
            conn.exec_driver_sql("SET enable_seqscan = off")
            explain = "EXPLAIN "
        else:
            explain = "EXPLAIN QUERY PLAN "
        for key in ("norm", "skel", "block"):
            query = select(t.aliases.c.entity_id).where(t.aliases.c.lead, t.aliases.c[key].in_(["x", "y"]))
            sql = str(query.compile(conn, compile_kwargs={"literal_binds": True}))
            plan = " ".join(str(r[-1]) for r in conn.exec_driver_sql(explain + sql))
            assert f"ix_aliases_lead_{key}" in plan, plan
