"""pg8000's placeholder conversion, kept per statement text (store.driver), gives what pg8000 gives."""
from __future__ import annotations

import pytest

from factionmap.store import driver
from factionmap.store.engine import make_engine

pg8000_dbapi = pytest.importorskip("pg8000.dbapi")
pg8000_legacy = pytest.importorskip("pg8000.legacy")

STATEMENTS = {  # statement: what PostgreSQL is sent
    "SELECT ties.id FROM ties WHERE ties.subject_id = ANY (%s::INTEGER[]) AND ties.status != %s::VARCHAR":
        "SELECT ties.id FROM ties WHERE ties.subject_id = ANY ($1::INTEGER[]) AND ties.status != $2::VARCHAR",
    "SELECT 'a %s in quotes', \"a %s name\", %s, $$ %s $$, %s -- a %s comment\n, %s":
        "SELECT 'a %s in quotes', \"a %s name\", $1, $$ %s $$, $2 -- a %s comment\n, $3",
    "SELECT %s %% 3, 'it''s', %s": "SELECT $1 % 3, 'it''s', $2",
    "INSERT INTO t (a, b) VALUES (%s, %s), (%s, %s)": "INSERT INTO t (a, b) VALUES ($1, $2), ($3, $4)",
}


def test_the_cached_conversion_is_pg8000s_own_and_is_kept_per_text():
    make_engine("postgresql+pg8000://u@127.0.0.1:1/db")  # a PostgreSQL engine installs it (no connection is made)
    convert = pg8000_legacy.convert_paramstyle  # what SQLAlchemy's pg8000 cursors call
    assert convert is pg8000_dbapi.convert_paramstyle and convert._factionmap_cached
    before = convert.cache_info()
    for statement, sent in STATEMENTS.items():
        args = tuple(range(sent.count("$") - 2 * sent.count("$$")))
        assert convert.original("format", statement, args) == (sent, args)  # pg8000's own conversion
        for _ in range(2):
            got, values = convert("format", statement, args)
            assert got == sent and values is args
    assert convert.cache_info().hits - before.hits >= len(STATEMENTS)  # each second conversion was kept
    kept = convert.cache_info().currsize
    long = "SELECT %s" + " " * driver.CACHED_CHARS
    assert convert("format", long, (1,))[0] == "SELECT $1" + " " * driver.CACHED_CHARS
    assert convert.cache_info().currsize == kept  # longer texts are not kept
    assert convert("named", "SELECT :a, :b, :a", {"a": 1, "b": 2}) == ("SELECT $1, $2, $1", (1, 2))  # other styles
    driver.install()  # a second engine does not wrap it twice
    assert pg8000_legacy.convert_paramstyle is convert
