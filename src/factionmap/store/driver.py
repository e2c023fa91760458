"""The PostgreSQL driver: its placeholder conversion kept per statement text, and prepared statements.

pg8000 turns a statement's `%s` placeholders into PostgreSQL's `$1, $2 ...` on every execution by reading
the statement character by character in Python: 0.6 ms for each of a profile page's longer statements,
4 of the 48 ms a hub's page took (cProfile, 1,000,000 assertions). SQLAlchemy sends the same few texts
again and again (its compiled statements are cached), and in the `format` style it uses the converted
text depends on the text alone, so the conversion is kept per text here. Other styles, and texts longer
than CACHED_CHARS (a build's multi-row inserts), are converted as pg8000 converts them.

Statements carrying the execution option PREPARE run as named prepared statements, one per connection.
pg8000 sends any other statement unnamed, which takes three round trips (parse; describe and bind;
execute) and has the server parse and plan it every time. A prepared one takes one round trip (bind and
execute), and after five executions PostgreSQL may keep a generic plan. For the statement that reads the
citations of 50 ties (365 rows) that is 2.9 ms against 4.1. Only statements whose plan does not depend on
the size of their parameters carry it (index lookups by id): a generic plan is made once, without their
values.
"""
from __future__ import annotations

from functools import lru_cache
from typing import Any

CACHED_CHARS = 16_000  # longer texts are not kept: the cache holds at most CACHED_TEXTS of these
CACHED_TEXTS = 512


PREPARE = "factionmap_prepare"  # the execution option that has a statement run prepared (`prepared`)
_PREPARED: set[str] = set()  # statement texts, as the server is sent them ($1, $2 ...), run prepared


def prepared(engine: Any) -> None:
    """Have this PostgreSQL engine run every statement carrying the execution option PREPARE as a named
    prepared statement: prepared on each connection the first time it runs there."""
    from pg8000 import dbapi  # type: ignore[import-untyped]
    from sqlalchemy import event

    install()

    def register(conn: Any, cursor: Any, statement: str, parameters: Any, context: Any, executemany: bool) -> None:
        if context is not None and not executemany and context.execution_options.get(PREPARE):
            _PREPARED.add(dbapi.convert_paramstyle("format", statement, ())[0])  # kept: one lookup a statement

    event.listen(engine, "before_cursor_execute", register)


def install() -> None:
    """Route pg8000's conversion through the cache (once per process; harmless when pg8000 is absent)."""
    try:
        from pg8000 import dbapi, legacy
    except ImportError:  # pragma: no cover - pg8000 is a dependency
        return
    if getattr(legacy.convert_paramstyle, "_factionmap_cached", False):
        return
    original = dbapi.convert_paramstyle

    @lru_cache(maxsize=CACHED_TEXTS)
    def converted(query: str) -> str:
        return str(original("format", query, ())[0])

    def convert_paramstyle(style: str, query: str, args: Any) -> tuple[str, Any]:
        if style == "format" and len(query) <= CACHED_CHARS:
            return converted(query), args  # in this style pg8000 passes the arguments through unchanged
        statement, values = original(style, query, args)
        return statement, values

    convert_paramstyle._factionmap_cached = True  # type: ignore[attr-defined]
    convert_paramstyle.original = original  # type: ignore[attr-defined]
    convert_paramstyle.cache_info = converted.cache_info  # type: ignore[attr-defined]
    dbapi.convert_paramstyle = legacy.convert_paramstyle = convert_paramstyle  # SQLAlchemy's cursors are legacy's
    _install_prepared()


def _install_prepared() -> None:
    """Route pg8000's unnamed execution of the statements marked PREPARE to named ones."""
    from pg8000 import core

    unnamed = core.CoreConnection.execute_unnamed

    def execute_unnamed(self: Any, statement: str, vals: Any = (), oids: Any = (), stream: Any = None) -> Any:
        if statement not in _PREPARED or stream is not None or oids:
            return unnamed(self, statement, vals, oids, stream)
        params = core.make_params(self.py_types, vals)
        try:
            return _named(self, statement, params)
        except core.DatabaseError as exc:
            error = exc.args[0] if exc.args else None
            if not (isinstance(error, dict) and error.get("C") == "26000"):  # not invalid_sql_statement_name
                raise
            gone = self.__dict__.get("_factionmap_prepared", {}).pop(statement, None)  # DEALLOCATE, a pooler
            if gone is None:  # not one of ours that vanished
                raise
            self._statement_nums.discard(gone[0])
            if self._transaction_status != core.IDLE:  # a transaction the error ended cannot go on
                raise
            return _named(self, statement, params)  # prepared again

    def _named(self: Any, statement: str, params: Any) -> Any:
        kept = self.__dict__.setdefault("_factionmap_prepared", {})  # statement -> what pg8000's prepare gives
        entry = kept.get(statement)
        if entry is None:
            entry = kept[statement] = self.prepare_statement(statement, ())
        name, columns, input_funcs = entry
        return self.execute_named(name, params, columns, input_funcs, statement)

    execute_unnamed.original = unnamed  # type: ignore[attr-defined]
    core.CoreConnection.execute_unnamed = execute_unnamed
