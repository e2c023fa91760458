"""Replacing an aggregate table's rows of some entities by a recount, and the statuses and entity types the
map opens with: shared by `degrees` (entity_degrees, group_ties) and `group_spans`, which `degrees.refresh` keeps."""
from __future__ import annotations

from typing import Any

from sqlalchemy import delete, insert
from sqlalchemy.engine import Connection

MAP_STATUSES = ("supported", "contested")  # the statuses the map opens with
MAP_TYPES = ("ORG",)  # the entity types the map opens with
_CHUNK = 5000


def recount(conn: Connection, table: Any, columns: list[str], rows: Any, ids: list[int] | None) -> None:
    """Replace `table`'s rows of these entities (None: all of them) by `rows(chunk)`, a chunk at a time."""
    if ids is None:
        conn.execute(delete(table))
        conn.execute(insert(table).from_select(columns, rows(None)))
        return
    for i in range(0, len(ids), _CHUNK):
        chunk = ids[i:i + _CHUNK]
        conn.execute(delete(table).where(table.c.entity_id.in_(chunk)))
        conn.execute(insert(table).from_select(columns, rows(chunk)))
