"""Rows read packed by the server (store.packed) are the rows the query gives, in the order asked."""
from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import Integer, bindparam, func, insert, select

from factionmap.graph import read
from factionmap.store import packed
from factionmap.store import schema as t
from factionmap.store.bulk import in_parameter

DOCUMENTS = [  # id, title, published (None: not known), text
    ("d3", "Tercero — “ḥ”", "2019-02-01", "uno"), ("d1", None, "2018-05-04", "dos"),
    ("d2", "Segundo", None, "tres"), ("d4", "it's \"quoted\"", "2018-05-04", "cuatro\nlines"),
]


def _documents(store) -> None:
    with store.transaction() as conn:
        conn.execute(insert(t.documents), [{"id": i, "path": f"{i}.txt", "title": title, "published": published,
                                            "text": text, "ingested_at": dt.datetime(2026, 1, 1, tzinfo=dt.timezone.utc)}
                                           for i, title, published, text in DOCUMENTS])


def _rows(statement: packed.Packed, conn, params: dict, **options) -> list[dict]:
    """The statement's rows as dicts of their columns by name."""
    return [dict(zip(statement.names, r)) for r in statement.tuples(conn, params, **options)]


def _statement(store) -> packed.Packed:
    d = t.documents.c
    postgres = store.engine.dialect.name == "postgresql"
    query = select(d.id, d.title, d.published, func.length(d.text).label("size"), (d.title.is_(None)).label("untitled")) \
        .where(in_parameter(postgres, d.id, "ids"), func.length(d.text) >= bindparam("least", type_=Integer()))
    return packed.Packed(query, ("published", "id"), postgres)


@pytest.mark.parametrize("store", ["sqlite", "postgres"], indirect=True)
def test_packed_rows_are_the_querys_rows_in_order(store):
    _documents(store)
    statement = _statement(store)
    assert (statement.packed is not None) == (store.engine.dialect.name == "postgresql")
    params = {"ids": ["d1", "d2", "d3", "d4"], "least": 3}
    with store.engine.connect() as conn:
        many, few = _rows(statement, conn, params), _rows(statement, conn, params, many=False)
        unpacked = [dict(r) for r in conn.execute(statement.plain, params).mappings()]
        none = _rows(statement, conn, {"ids": ["d1"], "least": 10})
    assert many == few == unpacked and none == []
    dated = [r["id"] for r in many if r["published"]]  # by published, then id (where NULLs fall is the database's)
    assert dated == ["d1", "d4", "d3"] and len(many) == 4
    titled = {r["id"]: r for r in many}
    assert titled["d3"] == {"id": "d3", "title": "Tercero — “ḥ”", "published": "2019-02-01", "size": 3,
                            "untitled": False}
    assert titled["d2"]["published"] is None and titled["d4"]["title"] == "it's \"quoted\""
    assert titled["d4"]["size"] == 12 and isinstance(titled["d4"]["untitled"], bool)


def test_an_order_by_a_column_not_selected_is_refused():
    d = t.documents.c
    with pytest.raises(ValueError, match=r"cannot order by \['text'\]"):
        packed.Packed(select(d.id, d.title), ("id", "text"), postgres=True)


@pytest.mark.parametrize("store", ["sqlite", "postgres"], indirect=True)
def test_citations_read_packed_or_not_are_the_same(store, monkeypatch):
    from ..graph.helpers import claim, doc, ent, save

    group, other, third = ent("Harakat al-Ṣumud"), ent("Liwa al-Fajr"), ent("Liwa al-Nasr")
    for i in range(3):
        d = doc(f"Harakat al-Ṣumud fought Liwa al-Fajr in year {i}. Harakat al-Ṣumud allied with Liwa al-Nasr.",
                f"report {i}")
        save(store, d, [claim(d, group, "opposes", other, "fought"), claim(d, group, "ally_of", third, "allied")],
             [group, other, third])
    with store.engine.connect() as conn:
        ids = [i for (i,) in conn.execute(select(t.ties.c.id))]
        monkeypatch.setattr(read, "PACKED_TIES", 10**6)
        plain = read.citations(conn, ids)
        monkeypatch.setattr(read, "PACKED_TIES", 1)
        asked: list[bool] = []
        tuples = packed.Packed.tuples
        monkeypatch.setattr(packed.Packed, "tuples", lambda self, conn, params, many=True:
                            asked.append(many) or tuples(self, conn, params, many=many))
        packed_ = read.citations(conn, ids)
    assert asked == [True] and len(ids) == 2
    assert packed_ == plain and sorted(len(c) for c in plain.values()) == [3, 3]


@pytest.mark.postgres
def test_a_prepared_statement_reads_what_the_unnamed_one_reads_and_is_prepared_once_a_connection(pg_url):
    from sqlalchemy import event

    from factionmap.store import Store, driver

    store = Store(pg_url)
    _documents(store)
    unnamed, query = _statement(store), _statement(store).plain.subquery()
    prepared = packed.Packed(select(*query.c), ("published", "id"), True, prepared=True)  # a statement of its own
    seen: list[str] = []
    event.listen(store.engine, "before_cursor_execute", lambda conn, cur, statement, *_: seen.append(statement))
    params = {"ids": ["d1", "d2", "d3", "d4"], "least": 3}
    with store.engine.connect() as conn:
        raw = conn.connection.dbapi_connection
        first = _rows(prepared, conn, params)
        kept = dict(raw._factionmap_prepared)
        again = _rows(prepared, conn, {"ids": ["d1", "d4"], "least": 3})
        assert raw._factionmap_prepared == kept and len(kept) == 1  # prepared once, run twice
        assert _rows(unnamed, conn, params) == first and len(raw._factionmap_prepared) == 1  # not prepared
        assert [r["id"] for r in again] == ["d1", "d4"]
        with pytest.raises(Exception, match="invalid input syntax for type integer"):
            _rows(prepared, conn, {"ids": ["d1"], "least": "many"})
        conn.rollback()
        assert _rows(prepared, conn, params) == first  # the connection still works after an error
        marked = select(t.documents.c.id).where(t.documents.c.id == bindparam("one")).execution_options(
            **{driver.PREPARE: True})  # any statement can be marked
        assert [conn.execute(marked, {"one": x}).scalar_one() for x in ("d2", "d3")] == ["d2", "d3"]
        assert len(raw._factionmap_prepared) == 2
    assert len(seen) == 7 and all("json_agg" in s for s in seen[:5])  # cursor events see every statement
    store.close()


@pytest.mark.postgres
def test_a_prepared_statement_gone_from_the_server_is_prepared_again_outside_a_transaction(pg_url):
    from sqlalchemy import text

    from factionmap.store import Store, driver

    store = Store(pg_url)
    _documents(store)
    marked = select(t.documents.c.title).where(t.documents.c.id == bindparam("one")).execution_options(
        **{driver.PREPARE: True})
    with store.reader.connect() as conn:  # autocommit: each statement on its own
        assert conn.execute(marked, {"one": "d2"}).scalar_one() == "Segundo"
        first = dict(conn.connection.dbapi_connection._factionmap_prepared)
        conn.execute(text("DEALLOCATE ALL"))  # as a pooler's other server connection would look
        assert conn.execute(marked, {"one": "d2"}).scalar_one() == "Segundo"
        assert conn.connection.dbapi_connection._factionmap_prepared.keys() == first.keys()
    with store.engine.connect() as conn:  # in a transaction the error ends it: said, not hidden
        assert conn.execute(marked, {"one": "d3"}).scalar_one() == "Tercero — “ḥ”"
        conn.execute(text("DEALLOCATE ALL"))
        with pytest.raises(Exception, match="does not exist"):
            conn.execute(marked, {"one": "d3"})
        conn.rollback()
        assert conn.execute(marked, {"one": "d3"}).scalar_one() == "Tercero — “ḥ”"  # prepared again
    store.close()
