"""What sort of entity each one is: the knowledge base's kind (armed_group, state, party ...), else its
type. The knowledge base is read once, on first use (`warm()` reads it ahead, e.g. when a server starts).
"""
from __future__ import annotations

from ..model import Entity


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
    return kb_kind(entity.kb_id) or entity.type.value.lower()


def warm() -> None:
    """Read the knowledge base now, so the first request that needs a kind does not wait for it."""
    kb_kind("-")


__all__ = ["kb_kind", "kind_of", "warm"]
