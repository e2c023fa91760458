"""Rows written in bulk (store.bulk.insert_rows: COPY on PostgreSQL, the driver's executemany on SQLite)
read back exactly as given: NULL apart from the empty string, quotes, separators, line breaks, COPY's
end-of-data marker, booleans, floats and JSON."""
from __future__ import annotations

import pytest
from sqlalchemy import JSON, Boolean, Column, Float, Integer, MetaData, String, Table, select

from factionmap.store import bulk

_META = MetaData()
SAMPLE = Table("bulk_sample", _META, Column("id", Integer, primary_key=True), Column("name", String),
               Column("note", String), Column("share", Float), Column("flag", Boolean), Column("extra", JSON))

TRICKY = [  # every row without an empty string: PostgreSQL's fast path (the csv module)
    {"id": 1, "name": 'a "quoted", name', "note": None, "share": 0.1, "flag": True, "extra": {"k": [1, "x"]}},
    {"id": 2, "name": "two\nlines\r\nand a tab\t", "note": "\\.", "share": None, "flag": False, "extra": None},
    {"id": 3, "name": "\\.", "note": "NULL", "share": -2.5e-300, "flag": None, "extra": ["ḥ", "“”"]},
    {"id": 4, "name": " padded ", "note": "\\N", "share": 3.0, "flag": True, "extra": "a string"},
]


def _read(store) -> list[dict]:
    with store.engine.connect() as conn:
        return [dict(r) for r in conn.execute(select(SAMPLE).order_by(SAMPLE.c.id)).mappings()]


def _write(store, rows: list[dict]) -> None:
    with store.transaction() as conn:
        SAMPLE.create(conn, checkfirst=True)
        bulk.insert_rows(conn, SAMPLE, rows)


@pytest.mark.parametrize("store", ["sqlite", "postgres"], indirect=True)
@pytest.mark.parametrize("empty", [False, True], ids=["no empty string", "an empty string"])
def test_rows_written_in_bulk_read_back_exactly(store, empty):
    rows = [dict(r) for r in TRICKY]
    if empty:  # one empty string among NULLs: every row must still tell the two apart
        rows[1]["note"] = ""
    _write(store, rows)
    assert _read(store) == rows


def test_the_fast_encoding_is_taken_only_without_empty_strings():
    """The csv module's encoding marks NULLs by FORCE_NULL, which an empty string would also become: rows
    holding one go field by field, with an unquoted empty field for NULL only."""
    columns = ['"a"', '"b"']
    data, options = bulk._encode(columns, [(1, None), (2, "x")])
    assert options == 'FORMAT csv, FORCE_NULL ("a", "b")'
    assert data.getvalue() == b'1,""\n2,"x"\n'
    data, options = bulk._encode(columns, [(1, None), (2, "")])
    assert options == "FORMAT csv"
    assert data.getvalue() == b'1,\n2,""\n'
