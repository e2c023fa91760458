"""Plain INSERTs of many rows at once, as cheaply as the database allows.

On SQLite the rows go straight to the driver's executemany: SQLAlchemy's per-row parameter
processing is most of the cost of writing a few hundred thousand rows (a large STIX import). That
path is taken only for tables whose columns need no conversion (integers, strings, floats,
booleans); a missing key gets its column's scalar default, as SQLAlchemy would give it. Everything
else, and every other database, goes through SQLAlchemy's own bulk insert.
"""
from __future__ import annotations

from typing import Any

from sqlalchemy import Boolean, Float, Integer, String, Table, insert
from sqlalchemy.engine import Connection

_SIMPLE = (Integer, String, Float, Boolean)


def insert_rows(conn: Connection, table: Table, rows: list[dict[str, Any]]) -> None:
    """INSERT these rows (dicts of column values) into `table`."""
    if not rows:
        return
    names = list(rows[0])
    columns = [table.c[n] for n in names]
    if conn.dialect.name != "sqlite" or not all(isinstance(c.type, _SIMPLE) for c in columns):
        conn.execute(insert(table), rows)
        return
    defaults = [getattr(c.default, "arg", None) if c.default is not None and c.default.is_scalar else None
                for c in columns]
    quote = conn.dialect.identifier_preparer.quote
    sql = (f"INSERT INTO {quote(table.name)} ({', '.join(quote(n) for n in names)}) "
           f"VALUES ({', '.join('?' for _ in names)})")
    values = [tuple(r.get(n, d) for n, d in zip(names, defaults)) for r in rows]
    conn.exec_driver_sql(sql, values)
