"""Cross-document entity resolution: each document's entities join store-wide ones.

A document entity joins the store entity with the same knowledge-base id; failing that, one of the
same type that already carries one of its names (folded: case, diacritics, hyphens, the Arabic
article); failing that, it founds a new entity. Each alias remembers the document it came from.
"""
from __future__ import annotations

from sqlalchemy import insert, select
from sqlalchemy.engine import Connection

from ..names import fold
from ..store import schema as t


def attach_document(conn: Connection, doc_id: str) -> set[int]:
    """Resolve every entity of one document; returns the store entities it touched."""
    touched: set[int] = set()
    rows = conn.execute(select(t.doc_entities).where(t.doc_entities.c.doc_id == doc_id)).mappings().all()
    for row in rows:
        names = [row["name"], *(a["name"] for a in row["aliases"] or [])]
        entity_id, reason = _find(conn, row, names)
        if entity_id is None:
            entity_id = conn.execute(
                insert(t.entities).values(name=row["name"], type=row["type"], kb_id=row["kb_id"],
                                          attributes=row["attributes"] or {})
            ).inserted_primary_key[0]
            reason = "first seen here"
        conn.execute(insert(t.entity_members).values(doc_entity_id=row["id"], entity_id=entity_id, reason=reason))
        _add_aliases(conn, entity_id, doc_id, row)
        touched.add(entity_id)
    return touched


def _find(conn: Connection, row, names: list[str]) -> tuple[int | None, str]:
    if row["kb_id"]:
        hit = conn.execute(select(t.entities.c.id).where(t.entities.c.kb_id == row["kb_id"])).first()
        if hit:
            return hit[0], f"knowledge base entry {row['kb_id']}"
    folded = sorted({fold(n) for n in names if fold(n)})
    query = (
        select(t.aliases.c.entity_id, t.aliases.c.name)
        .join(t.entities, t.entities.c.id == t.aliases.c.entity_id)
        .where(t.aliases.c.norm.in_(folded), t.entities.c.type == row["type"])
        .order_by(t.aliases.c.entity_id)
    )
    hit = conn.execute(query).first()
    if hit and (row["kb_id"] is None or _kb_free(conn, hit[0])):
        return hit[0], f"shares the name {hit[1]!r}"
    return None, ""


def _kb_free(conn: Connection, entity_id: int) -> bool:
    """An entity tied to no KB entry may take in a KB-matched one; two KB entries never fuse."""
    return conn.execute(select(t.entities.c.kb_id).where(t.entities.c.id == entity_id)).scalar() is None


def _add_aliases(conn: Connection, entity_id: int, doc_id: str, row) -> None:
    have = {
        (r[0], r[1])
        for r in conn.execute(
            select(t.aliases.c.norm, t.aliases.c.doc_id).where(t.aliases.c.entity_id == entity_id)
        )
    }
    new = []
    for alias in [{"name": row["name"], "source": "text"}, *(row["aliases"] or [])]:
        key = (fold(alias["name"]), doc_id)
        if key[0] and key not in have:
            have.add(key)
            new.append({"entity_id": entity_id, "name": alias["name"], "norm": key[0], "doc_id": doc_id,
                        "source": alias.get("source", "text")})
    if new:
        conn.execute(insert(t.aliases), new)
