"""User decisions: merge two entities, split aliases off one, rename one, set its kind or an external
id (edits.py), undo any of them; explain an entity.

Each decision is stored (table decisions) with the names and KB ids it is about, and takes effect by
resolving again the document entities of the entities it touches (rules.py says how). Undoing marks
it undone and resolves them again. A rebuild from the documents follows the same rules, so decisions
survive it.
"""
from __future__ import annotations

from typing import Any, Mapping

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import delete, insert, select, update
from sqlalchemy.engine import Connection

from ..errors import FactionmapError, NotFound
from ..namefold import fold
from ..store import codec
from ..store import schema as t
from . import aggregate, edits, read, rules
from .resolve import Resolver
from .snapshot import snapshot


@dataclass
class Decision:
    id: int
    kind: str  # merge | split | rename | set_kind | external_id
    payload: dict[str, Any]
    created_at: dt.datetime
    undone_at: dt.datetime | None = None

    @property
    def description(self) -> str:
        p = self.payload
        if self.kind == "merge":
            text = f"merge {p['from']['name']!r} into {p['into']['name']!r}"
        elif self.kind in edits.EDIT_KINDS:
            text = edits.describe(self.kind, p)
        else:
            text = f"split {', '.join(repr(a) for a in p['aliases'])} off {p['entity']['name']!r}"
        return text + (" (undone)" if self.undone_at else "")


def _decision(row: Mapping[Any, Any]) -> Decision:
    return Decision(row["id"], row["kind"], row["payload"], row["created_at"], row["undone_at"])


def _record(conn: Connection, kind: str, payload: dict[str, Any]) -> Decision:
    now = dt.datetime.now(dt.timezone.utc)
    did = codec.inserted_id(conn.execute(insert(t.decisions).values(kind=kind, payload=payload, created_at=now)))
    return Decision(did, kind, payload, now)


def merge(conn: Connection, a: int, b: int) -> Decision:
    """Fuse entity b into entity a (same type); a keeps its id and name."""
    if a == b:
        raise FactionmapError(f"entity {a}: cannot merge an entity with itself")
    into, other = snapshot(conn, a), snapshot(conn, b)
    if into["type"] != other["type"]:
        raise FactionmapError(f"cannot merge {into['name']!r} ({into['type']}) with {other['name']!r} ({other['type']})")
    decision = _record(conn, "merge", {"into": into, "from": other})
    reresolve(conn, [a, b])
    return decision


def split(conn: Connection, entity_id: int, names: list[str]) -> Decision:
    """Take these aliases (and the document entities called by them) off an entity, into a new one."""
    entity = snapshot(conn, entity_id)
    wanted = [fold(n) for n in names]
    missing = [n for n, f in zip(names, wanted) if f not in entity["norms"]]
    if missing or not names:
        raise FactionmapError(f"{entity['name']!r} has no alias {', '.join(map(repr, missing)) or '(none given)'};"
                              f" see `factionmap explain {entity['id']}`")
    if fold(entity["name"]) in wanted:
        raise FactionmapError(f"cannot split {entity['name']!r} off itself; split the other names instead")
    decision = _record(conn, "split", {"entity": entity, "aliases": list(names), "split_norms": sorted(set(wanted))})
    reresolve(conn, [entity_id])
    return decision


def edit(conn: Connection, kind: str, entity_id: int, value: Any, scheme: str | None = None) -> Decision:
    """Rename an entity, set its kind, or set (None: remove) an external id; kept across rebuilds."""
    p = edits.payload(conn, kind, entity_id, value, scheme)
    decision = _record(conn, kind, p)
    edits.apply_now(conn, decision.id, kind, p, entity_id)
    return decision


def get(conn: Connection, decision_id: int) -> Decision:
    row = conn.execute(select(t.decisions).where(t.decisions.c.id == decision_id)).mappings().first()
    if row is None:
        raise NotFound(f"no decision #{decision_id}; see `factionmap decisions`")
    return _decision(row)


def undo(conn: Connection, decision_id: int) -> Decision:
    """Undo a decision: the entities it touched are resolved again without it."""
    row = conn.execute(select(t.decisions).where(t.decisions.c.id == decision_id)).mappings().first()
    if row is None:
        raise NotFound(f"no decision #{decision_id}; see `factionmap decisions`")
    if row["undone_at"] is not None:
        raise FactionmapError(f"decision #{decision_id} is already undone")
    now = dt.datetime.now(dt.timezone.utc)
    conn.execute(update(t.decisions).where(t.decisions.c.id == decision_id).values(undone_at=now))
    if row["kind"] in edits.EDIT_KINDS:
        edits.undo(conn, row)
        return _decision({**row, "undone_at": now})
    p = row["payload"]
    sides = [p["into"], p["from"]] if row["kind"] == "merge" else [p["entity"]]
    norms = {n for s in sides for n in s["norms"]}
    kbs = {s["kb_id"] for s in sides if s["kb_id"]}
    resolver = Resolver(conn, rules.Rules())
    affected = resolver.holders(norms, kbs, sides[0]["type"])
    reresolve(conn, [s["id"] for s in sides if s["id"] in affected] + [e for e in affected if e not in [s["id"] for s in sides]])
    return _decision({**row, "undone_at": now})


def reresolve(conn: Connection, entity_ids: list[int]) -> set[int]:
    """Resolve again every document entity of these entities, reusing their ids where names allow."""
    ids = list(dict.fromkeys(entity_ids))
    member_ids = [r[0] for r in conn.execute(
        select(t.entity_members.c.doc_entity_id).where(t.entity_members.c.entity_id.in_(ids)))]
    rows = conn.execute(
        select(t.doc_entities).where(t.doc_entities.c.id.in_(member_ids)).order_by(t.doc_entities.c.id)
    ).mappings().all()
    conn.execute(delete(t.entity_members).where(t.entity_members.c.doc_entity_id.in_(member_ids)))
    conn.execute(delete(t.aliases).where(t.aliases.c.entity_id.in_(ids)))
    resolver = Resolver(conn, rules.active(conn), pool=ids)
    touched = resolver.attach_rows(rows)
    if resolver.pool:
        conn.execute(delete(t.entities).where(t.entities.c.id.in_(resolver.pool)))
    edits.apply(conn, touched)
    aggregate.refresh(conn, touched | set(ids))
    return touched


def listing(conn: Connection) -> list[Decision]:
    return [_decision(r) for r in conn.execute(select(t.decisions).order_by(t.decisions.c.id)).mappings()]


def explain(conn: Connection, entity_id: int) -> list[tuple[str, list[dict[str, Any]], str]]:
    """Why each alias is there: (alias, documents that brought it [{id, title}], reasons)."""
    return read.explained(conn.execute(read.alias_rows(entity_id)).mappings())
