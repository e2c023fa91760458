"""Entity edits by analysts: a new canonical name, a kind, an external id (Wikidata ...).

Like merges and splits they are decisions (table decisions, kinds rename / set_kind / external_id)
that remember the entity by its names and KB id, and are applied again after every resolution
(`apply`), so they survive rebuilds and re-extraction. Undoing one puts back what it replaced.
"""
from __future__ import annotations

from typing import Any, Sequence

import re

from sqlalchemy import and_, insert, select, update
from sqlalchemy.engine import Connection, RowMapping

from ..errors import FactionmapError
from ..namefold import fold
from ..store import schema as t
from . import keys, leads
from .snapshot import snapshot

EDIT_KINDS = ("rename", "set_kind", "external_id")
ENTITY_KINDS = (
    "armed_group", "armed_wing", "coalition", "state_coalition", "front", "militia", "operations_room", "party",
    "political_movement", "political_body", "state", "state_agency", "government", "armed_forces", "international_body",
    "media_outlet", "monitoring_group", "private_military_company", "person", "place", "province", "other",
)
SCHEMES = {"wikidata": re.compile(r"Q[1-9]\d*"), "mmp": re.compile(r"[\w.-]{1,100}"),
           "url": re.compile(r"https?://[^\s<>\"]{1,500}")}
_SCHEME = re.compile(r"[a-z][a-z0-9_-]{1,31}")


def check_name(name: str) -> str:
    name = " ".join((name or "").split())
    if not name or len(name) > 300:
        raise FactionmapError("a name needs 1-300 characters")
    return name


def check_kind(kind: str) -> str:
    if kind not in ENTITY_KINDS:
        raise FactionmapError(f"kind {kind!r}: expected one of {', '.join(ENTITY_KINDS)}")
    return kind


def check_external_id(scheme: str | None, value: str | None) -> tuple[str, str | None]:
    scheme = (scheme or "").strip().lower()
    if not _SCHEME.fullmatch(scheme):
        raise FactionmapError(f"external id scheme {scheme!r}: a short lower-case word such as wikidata")
    if value in (None, ""):
        return scheme, None
    value = value.strip()
    pattern = SCHEMES.get(scheme, re.compile(r"[^\s<>\"]{1,200}"))
    if not pattern.fullmatch(value):
        example = {"wikidata": " (e.g. Q1234)"}.get(scheme, "")
        raise FactionmapError(f"{scheme} id {value!r} is not well formed{example}")
    return scheme, value


def _current(conn: Connection, entity_id: int) -> dict[str, Any]:
    row = conn.execute(select(t.entities.c.name, t.entities.c.attributes).where(t.entities.c.id == entity_id)).one()
    attrs = dict(row[1] or {})
    return {"name": row[0], "kind": attrs.get("kind"), "external_ids": dict(attrs.get("external_ids") or {})}


def payload(conn: Connection, kind: str, entity_id: int, value: Any, scheme: str | None = None) -> dict[str, Any]:
    """What an edit decision stores: the entity, what it was and what it becomes."""
    now = _current(conn, entity_id)
    after: str | None
    if kind == "rename":
        before, after = now["name"], check_name(value)
    elif kind == "set_kind":
        before, after = now["kind"], check_kind(value)
    else:
        scheme, after = check_external_id(scheme, value)
        before = now["external_ids"].get(scheme)
    if before == after:
        raise FactionmapError(f"{now['name']!r} already has {kind.replace('_', ' ')} {after!r}")
    out = {"entity": snapshot(conn, entity_id), "before": before, "after": after}
    if kind == "external_id":
        out["scheme"] = scheme
    return out


def describe(kind: str, p: dict[str, Any]) -> str:
    name = repr(p["entity"]["name"])
    if kind == "rename":
        return f"rename {name} to {p['after']!r}"
    if kind == "set_kind":
        return f"set the kind of {name} to {p['after']}"
    return f"set the {p['scheme']} id of {name} to {p['after'] or '(none)'}"


def _set(conn: Connection, entity_id: int, kind: str, p: dict[str, Any], value: Any, decision_id: int) -> None:
    if kind == "rename":
        row = conn.execute(select(t.entities.c.name, t.entities.c.attributes).where(t.entities.c.id == entity_id)).one()
        attrs = dict(row[1] or {})
        attrs.setdefault("name_from_documents", row[0])  # a rebuild finds the entity again by it
        conn.execute(update(t.entities).where(t.entities.c.id == entity_id).values(name=value, attributes=attrs))
        norm = fold(value or "")
        have = conn.execute(select(t.aliases.c.id).where(t.aliases.c.entity_id == entity_id,
                                                         t.aliases.c.norm == norm)).first()
        if value and norm and not have:
            conn.execute(insert(t.aliases).values(entity_id=entity_id, name=value, norm=norm, doc_id=None, source="user",
                                                  skel=keys.skeleton(norm), block=keys.block(norm),
                                                  reason=f"renamed by decision #{decision_id}"))
        return
    attrs = dict(conn.execute(select(t.entities.c.attributes).where(t.entities.c.id == entity_id)).scalar() or {})
    if kind == "set_kind":
        if value is None:
            attrs.pop("kind", None)
        else:
            attrs["kind"] = value
    else:
        ids = dict(attrs.get("external_ids") or {})
        if value is None:
            ids.pop(p["scheme"], None)
        else:
            ids[p["scheme"]] = value
        attrs["external_ids"] = ids
        if not ids:
            attrs.pop("external_ids")
    conn.execute(update(t.entities).where(t.entities.c.id == entity_id).values(attributes=attrs))


def _active(conn: Connection) -> Sequence[RowMapping]:
    return conn.execute(select(t.decisions).where(t.decisions.c.kind.in_(EDIT_KINDS), t.decisions.c.undone_at.is_(None))
                        .order_by(t.decisions.c.id)).mappings().all()


def apply(conn: Connection, entity_ids: set[int] | None = None) -> None:
    """Apply every edit in force (oldest first) to the entities that hold their names now."""
    rows = _active(conn)
    if not rows:
        return
    from .reviews import EntityFinder

    find = EntityFinder(conn)
    for row in rows:
        target = find(row["payload"]["entity"])
        if target is not None and (entity_ids is None or target in entity_ids):
            _set(conn, target, row["kind"], row["payload"], row["payload"]["after"], row["id"])


def apply_now(conn: Connection, decision_id: int, kind: str, p: dict[str, Any], entity_id: int) -> None:
    _set(conn, entity_id, kind, p, p["after"], decision_id)


def undo(conn: Connection, row: RowMapping) -> None:
    """Put back what an edit replaced, then the edits in force again (a later one still wins)."""
    from .reviews import EntityFinder

    target = EntityFinder(conn)(row["payload"]["entity"])
    if target is None:
        return
    p = row["payload"]
    _set(conn, target, row["kind"], p, p["before"], row["id"])
    if row["kind"] == "rename":
        leads.delete(conn, and_(t.aliases.c.entity_id == target,
                                t.aliases.c.reason == f"renamed by decision #{row['id']}"))
    apply(conn, {target})
