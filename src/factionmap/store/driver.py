"""The PostgreSQL driver's placeholder conversion, kept per statement text.

pg8000 turns a statement's `%s` placeholders into PostgreSQL's `$1, $2 ...` on every execution by reading
the statement character by character in Python: 0.6 ms for each of a profile page's longer statements,
4 of the 48 ms a hub's page took (cProfile, 1,000,000 assertions). SQLAlchemy sends the same few texts
again and again (its compiled statements are cached), and in the `format` style it uses the converted
text depends on the text alone, so the conversion is kept per text here. Other styles, and texts longer
than CACHED_CHARS (a build's multi-row inserts), are converted as pg8000 converts them.
"""
from __future__ import annotations

from functools import lru_cache
from typing import Any

CACHED_CHARS = 16_000  # longer texts are not kept: the cache holds at most CACHED_TEXTS of these
CACHED_TEXTS = 512


def install() -> None:
    """Route pg8000's conversion through the cache (once per process; harmless when pg8000 is absent)."""
    try:
        from pg8000 import dbapi, legacy  # type: ignore[import-untyped]
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
