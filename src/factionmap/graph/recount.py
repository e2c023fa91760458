"""Replacing an aggregate table's rows of some entities by a recount, and the statuses and entity types the
map opens with: shared by `degrees` (entity_degrees, group_ties) and `group_spans`, which `degrees.refresh` keeps."""
from __future__ import annotations

from typing import Any

from sqlalchemy import and_, delete, insert, select, union_all
from sqlalchemy.engine import Connection
from sqlalchemy.orm import aliased

from ..store import schema as t
from . import reviews

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


def group_ends(ids: list[int] | None, *columns: Any) -> Any:
    """Subquery `ends`: each end `e` among `ids` (None: every one) of a tie whose two ends are groups, not
    rejected, with its relation, status and `columns` (expressions over `ties`)."""
    c = t.ties.c
    s, o = aliased(t.entities), aliased(t.entities)
    drawn = and_(reviews.visible(), c.subject_id.in_(select(s.c.id).where(s.c.type.in_(MAP_TYPES))),
                 c.object_id.in_(select(o.c.id).where(o.c.type.in_(MAP_TYPES))))
    sides = []
    for end in (c.subject_id, c.object_id):
        side = select(end.label("e"), c.relation, c.status, *columns).where(drawn)
        sides.append(side if ids is None else side.where(end.in_(ids)))
    return union_all(*sides).subquery("ends")
