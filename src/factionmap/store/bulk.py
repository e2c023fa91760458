"""Plain INSERTs of many rows at once, as cheaply as the database allows.

On SQLite the rows go straight to the driver's executemany: SQLAlchemy's per-row parameter
processing is most of the cost of writing a few hundred thousand rows (a large STIX import). On
PostgreSQL through pg8000 they go in one `COPY ... FROM STDIN` (CSV): pg8000's executemany sends one
statement per row, a round trip each. Both fast paths are taken only for tables whose columns need no
conversion (integers, strings, floats, booleans; on PostgreSQL also JSON, sent as its text); a missing key gets its column's scalar default, as
SQLAlchemy would give it. Everything else, and every other driver, goes through SQLAlchemy's own bulk
insert. `ids_in` sends a long list of ids as one parameter where the driver would rewrite one each.
"""
from __future__ import annotations

import csv
import io
import json
import operator
from typing import Any

from sqlalchemy import JSON, Boolean, Float, Integer, String, Table, insert, text
from sqlalchemy.engine import Connection, Engine
from sqlalchemy.exc import DBAPIError

_SIMPLE = (Integer, String, Float, Boolean)


def insert_rows(conn: Connection, table: Table, rows: list[dict[str, Any]]) -> None:
    """INSERT these rows (dicts of column values) into `table`."""
    if not rows:
        return
    names = list(rows[0])
    columns = [table.c[n] for n in names]
    postgres = conn.dialect.name == "postgresql"
    fast = all(isinstance(c.type, _SIMPLE) or (postgres and isinstance(c.type, JSON)) for c in columns)
    if not fast or conn.dialect.name not in ("sqlite", "postgresql") or (
            conn.dialect.name == "postgresql" and conn.dialect.driver != "pg8000"):
        conn.execute(insert(table), rows)
        return
    defaults = [getattr(c.default, "arg", None) if c.default is not None and c.default.is_scalar else None
                for c in columns]
    quote = conn.dialect.identifier_preparer.quote
    values = _tuples(rows, names, defaults)
    if postgres:
        encoded = [i for i, c in enumerate(columns) if isinstance(c.type, JSON)]
        if encoded:
            values = [tuple(json.dumps(v) if i in encoded else v for i, v in enumerate(row))  # None: JSON null
                      for row in values]
        copy_rows(conn, quote(table.name), [quote(n) for n in names], values)
        return
    sql = (f"INSERT INTO {quote(table.name)} ({', '.join(quote(n) for n in names)}) "
           f"VALUES ({', '.join('?' for _ in names)})")
    conn.exec_driver_sql(sql, values)


def take_ids(conn: Connection, table: Table, n: int) -> list[int] | None:
    """`n` ids of `table`'s serial key taken ahead, ascending, so that rows whose ids are needed at
    once can still go by COPY (PostgreSQL: `nextval` of its sequence over `generate_series`, one
    statement); None elsewhere (the rows go by INSERT ... RETURNING)."""
    if conn.dialect.name != "postgresql":
        return None
    if n <= 0:
        return []
    return sorted(r[0] for r in conn.execute(
        text("SELECT nextval(pg_get_serial_sequence(:table, 'id')) FROM generate_series(1, :n)"),
        {"table": table.name, "n": n}))


def _tuples(rows: list[dict[str, Any]], names: list[str], defaults: list[Any]) -> list[tuple[Any, ...]]:
    """The rows' values in the order of `names`, a missing key given its default."""
    if all(len(r) == len(names) for r in rows):
        get = operator.itemgetter(*names)
        try:
            return [get(r) for r in rows] if len(names) > 1 else [(get(r),) for r in rows]
        except KeyError:  # as many keys, not the same ones
            pass
    return [tuple(r.get(n, d) for n, d in zip(names, defaults)) for r in rows]


def copy_rows(conn: Connection, table: str, columns: list[str], values: list[tuple[Any, ...]]) -> None:
    """PostgreSQL (pg8000): these rows into `table` (names already quoted) by one COPY FROM STDIN,
    inside the connection's transaction."""
    data, options = _encode(columns, values)
    sql = f"COPY {table} ({', '.join(columns)}) FROM STDIN WITH ({options})"
    dbapi = conn.dialect.dbapi
    cursor: Any = conn.connection.dbapi_connection.cursor()  # type: ignore[union-attr]
    try:
        cursor.execute(sql, stream=data)  # pg8000's COPY extension
    except dbapi.Error as err:  # type: ignore[union-attr]  # as SQLAlchemy raises it for its own statements
        raise DBAPIError.instance(sql, None, err, dbapi.Error, dialect=conn.dialect) from err  # type: ignore[union-attr]
    finally:
        cursor.close()


def _encode(columns: list[str], values: list[tuple[Any, ...]]) -> tuple[io.BytesIO, str]:
    """The rows as COPY's CSV, and the COPY options that read them back exactly.

    Where no value is an empty string, the csv module writes them (in C, twice as fast as field by field
    in Python): numbers and booleans bare, every other value quoted, None as a quoted empty field, which
    FORCE_NULL reads as NULL. An empty string would be read as NULL too, so the rows of a COPY that holds
    one are written field by field (`_csv`): an unquoted empty field is NULL, a quoted one an empty string."""
    if any("" in row for row in values):
        text = "".join(",".join(_csv(v) for v in row) + "\n" for row in values)
        return io.BytesIO(text.encode("utf-8")), "FORMAT csv"
    out = io.StringIO()
    csv.writer(out, quoting=csv.QUOTE_NONNUMERIC, lineterminator="\n").writerows(values)
    return io.BytesIO(out.getvalue().encode("utf-8")), f"FORMAT csv, FORCE_NULL ({', '.join(columns)})"


def _csv(value: Any) -> str:
    """One CSV field as COPY reads it: unquoted empty is NULL, a string is always quoted."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return repr(value)
    text = str(value)
    return '"' + text.replace('"', '""') + '"'


def ids_in(conn: Connection | Engine, column: Any, ids: list[int]) -> Any:
    """SQL: `column` is one of these integer ids. On PostgreSQL one array parameter (`= ANY`), which the
    driver sends as it is; elsewhere `IN`, one parameter each (pg8000 rewrites a statement's parameters
    one by one: 35 ms for 5,000). `conn`: a connection or the engine (only its dialect is read)."""
    return values_in(conn, column, list(ids), Integer())


def values_in(conn: Connection | Engine, column: Any, values: list[Any], type_: Any = None) -> Any:
    """SQL: `column` is one of these values, as `ids_in` for values of any type: `type_`, else the
    column's own (a column of a subquery or an expression may have none: give it). On PostgreSQL the
    statement's text is then the same whatever the values, one parameter."""
    return in_parameter(conn.dialect.name == "postgresql", column, values=values, type_=type_)


def in_parameter(postgres: bool, column: Any, name: str | None = None, *, values: list[Any] | None = None,
                 type_: Any = None) -> Any:
    """SQL: `column` is one of the values of one parameter: `values`, or, given a `name` and no values, those
    the statement is executed with (a statement built once for many executions). On PostgreSQL (`postgres`)
    an array (`= ANY`), elsewhere an expanding `IN`; `type_` as values_in takes it."""
    from sqlalchemy import any_, bindparam

    if postgres:
        from sqlalchemy.dialects.postgresql import ARRAY

        array = ARRAY(type_ if type_ is not None else column.type)
        return column == any_(bindparam(name, values, type_=array) if values is not None
                              else bindparam(name, type_=array))
    return column.in_(bindparam(name, values, expanding=True) if values is not None
                      else bindparam(name, expanding=True))
