"""Many rows read at once, packed by the server where the driver would decode them slowly.

pg8000 decodes every row of a result in Python, column by column: about 8 us a row of 17 columns, which is
much of a profile page's time when it reads several hundred citations. On PostgreSQL a `Packed` statement
has the server pack the whole result into one JSON array (`json_agg`), sent as one text value and decoded
by `json.loads` in C. Elsewhere (SQLite's driver decodes in C already), and for results expected to be
small (packing costs the server about half a millisecond more), the query runs as it is. `prepared=True`:
the packed statement runs as a prepared statement on each connection (store.driver.PREPARE), for statements
whose plan suits any size of their parameters.

Only for results whose columns survive JSON unchanged: integers, strings, booleans and NULLs. Dates and
timestamps would come back as strings.
"""
from __future__ import annotations

import json
from typing import Any, Sequence

from sqlalchemy import Text, cast, func, select
from sqlalchemy.engine import Connection
from sqlalchemy.sql import Select


class Packed:
    """A query's rows in the order of some of its columns (none: any order), each row its columns in the
    order of `names`. The statements are built once (`query`: without an ORDER BY of its own; its
    parameters bound at `tuples`)."""

    def __init__(self, query: Select[Any], order: Sequence[str], postgres: bool, *, prepared: bool = False):
        self.names = [c.name for c in query.selected_columns]
        unknown = [name for name in order if name not in self.names]
        if unknown:
            raise ValueError(f"cannot order by {unknown}: the query selects {self.names}")
        inner = query.subquery("unpacked")
        ordered = [inner.c[name] for name in order]
        self.plain = select(inner).order_by(*ordered)
        self.packed = None
        if postgres:
            from sqlalchemy.dialects.postgresql import aggregate_order_by

            each = func.json_build_array(*[inner.c[name] for name in self.names])
            self.packed = select(cast(func.json_agg(aggregate_order_by(each, *ordered) if ordered else each), Text))
            if prepared:  # run as a prepared statement (store.driver)
                from .driver import PREPARE

                self.packed = self.packed.execution_options(**{PREPARE: True})

    def tuples(self, conn: Connection, params: dict[str, Any], *, many: bool = True) -> list[Sequence[Any]]:
        """The rows for these parameters, each a sequence of its columns in the query's order (`names`), with
        no dict made per row (a build's name lookups read hundreds of thousands); `many=False`: a result
        expected to be small, read unpacked."""
        if self.packed is None or not many:
            return list(conn.execute(self.plain, params))
        text = conn.execute(self.packed, params).scalar()
        return json.loads(text) if text else []
