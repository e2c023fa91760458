"""What sort of entity each one is, as the map and profiles show it: its kind (`model.EntityKind`, kept
in the store), with organizations of no known sort shown as "other". `kb_kind` is the knowledge base's
finer kind (armed_forces, province ...), read once on first use (`warm()` reads it ahead).
"""
from __future__ import annotations

from ..model import Entity, EntityKind


def kb_kind(kb_id: str | None) -> str:
    """The knowledge base's kind for this id, or "" (no id, an id the KB does not know, or no KB)."""
    if not kb_id:
        return ""
    try:
        from ..extract.kb import default_kb

        entry = default_kb().get(kb_id)
    except Exception:  # noqa: BLE001 - a missing or broken KB only loses a hint
        return ""
    return entry.kind if entry else ""


def kind_of(entity: Entity) -> str:
    kind = entity.kind or EntityKind.ORGANIZATION
    return "other" if kind is EntityKind.ORGANIZATION else kind.value


def warm() -> None:
    """Read the knowledge base now, so the first request that needs a kind does not wait for it."""
    kb_kind("-")


__all__ = ["kb_kind", "kind_of", "warm"]
