"""What a decision or a review remembers of an entity, so that it still finds it after a rebuild."""
from __future__ import annotations

from typing import Any

from sqlalchemy import select
from sqlalchemy.engine import Connection

from ..errors import NotFound
from ..namefold import fold
from ..store import schema as t


def snapshot(conn: Connection, entity_id: int) -> dict[str, Any]:
    """What a decision remembers of an entity: id, name, type, KB id and every folded name."""
    row = conn.execute(select(t.entities).where(t.entities.c.id == entity_id)).mappings().first()
    if row is None:
        raise NotFound(f"no entity {entity_id}")
    norms = {r[0] for r in conn.execute(select(t.aliases.c.norm).where(t.aliases.c.entity_id == entity_id))}
    norms.add(fold(row["name"]))
    return {"id": row["id"], "name": row["name"], "type": row["type"], "kind": row["kind"], "kb_id": row["kb_id"],
            "norms": sorted(norms)}
