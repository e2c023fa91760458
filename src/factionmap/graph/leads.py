"""Which alias rows lead: the earliest row of each entity, name and keys (norm, skel, block).

A built store keeps one alias row per entity, name and document, so a name the sources repeat has
thousands of copies (a busy group's at 10,000 documents: over 100,000). The resolver's name lookups need
one of them; they read the leads only (`aliases.lead`, through partial indexes), which gives the same
answer in the same order, since a lead is its name's earliest row.

The invariant: the earliest row of every (entity_id, norm, skel, name, block) leads. A new row leads unless
the resolver knows an earlier row of its key (`lookups.Lookups.knows`; every other writer takes the column's
default, true, which is never wrong: a key with two leads is read twice and grouped). A deletion can take
a key's lead away; `delete` restores the invariant for the entities it touched, `mark_all` for a whole
store (the migration that added the column).
"""
from __future__ import annotations

from typing import Any, Iterable

from sqlalchemy import case, func, select, update
from sqlalchemy.engine import Connection

from ..store import schema as t

_CHUNK = 500
KEY = ("entity_id", "norm", "skel", "name", "block")


def _earliest(where: Any = None) -> Any:
    """SQL: the id of each key's earliest row (of the rows `where` admits)."""
    al = t.aliases
    query = select(func.min(al.c.id).label("id")).group_by(*(al.c[k] for k in KEY))
    return query if where is None else query.where(where)


def restore(conn: Connection, entity_ids: Iterable[int]) -> None:
    """Make the earliest row of each key of these entities lead again (after some of their rows went)."""
    al = t.aliases
    ids = sorted(set(entity_ids))
    for i in range(0, len(ids), _CHUNK):
        conn.execute(update(al).where(al.c.id.in_(_earliest(al.c.entity_id.in_(ids[i:i + _CHUNK]))), al.c.lead.is_(False))
                     .values(lead=True))


def delete(conn: Connection, where: Any) -> None:
    """DELETE the alias rows `where` admits, keeping a lead for every key that has rows left."""
    al = t.aliases
    touched = [r[0] for r in conn.execute(select(al.c.entity_id).where(where).distinct())]
    conn.execute(al.delete().where(where))
    restore(conn, touched)


def mark_all(conn: Connection) -> None:
    """Set every row's lead from scratch: the earliest of its key leads, no other."""
    al = t.aliases
    earliest = _earliest().subquery()
    conn.execute(update(al).values(lead=case((al.c.id.in_(select(earliest.c.id)), True), else_=False)))
