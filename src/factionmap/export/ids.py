"""Deterministic identifiers shared by every export format.

Each id is a UUIDv5 under one fixed factionmap namespace, over a key that does not depend on the
store's row numbers: an entity's knowledge-base id, or its type and folded canonical name; a tie's
(subject key, relation, object key); a document's content hash. Exporting the same store twice, or
a store rebuilt from the same documents, gives the same ids; STIX ids are `<type>--<uuid>`.
"""
from __future__ import annotations

import uuid

from ..model import Citation, Entity, Tie
from ..namefold import fold
from ..relations import SYMMETRIC

#: The factionmap namespace: uuid5(NAMESPACE_URL, "https://factionmap.invalid/ns/export").
NAMESPACE = uuid.uuid5(uuid.NAMESPACE_URL, "https://factionmap.invalid/ns/export")


def _uid(*parts: object) -> str:
    return str(uuid.uuid5(NAMESPACE, "\x1f".join(str(p) for p in parts)))


def entity_key(entity: Entity) -> str:
    """'kb:islamic-state', or 'ORG:islamic state' for an entity the knowledge base does not know."""
    if entity.kb_id:
        return f"kb:{entity.kb_id}"
    return f"{entity.type.value}:{fold(entity.name) or entity.name}"


def entity_uid(entity: Entity) -> str:
    return _uid("entity", entity_key(entity))


def oriented(tie: Tie) -> tuple[Entity, Entity]:
    """A tie's (subject, object); a symmetric tie's two ends in the order of their keys, so its id and
    its direction in every export do not depend on the store's row numbers."""
    if tie.relation in SYMMETRIC and entity_key(tie.object) < entity_key(tie.subject):
        return tie.object, tie.subject
    return tie.subject, tie.object


def tie_key(tie: Tie) -> tuple[str, str, str]:
    subject, obj = oriented(tie)
    return entity_key(subject), tie.relation, entity_key(obj)


def tie_uid(tie: Tie) -> str:
    return _uid("tie", *tie_key(tie))


def evidence_uid(tie: Tie, citation: Citation) -> str:
    """One citation of one tie: the tie, the document, the sentence offsets and the stance."""
    return _uid("evidence", *tie_key(tie), citation.doc_id, citation.start_char, citation.end_char,
                value(citation.stance))


def value(x: object) -> str:
    """An enum's value, or the string itself (stances and statuses arrive as either)."""
    return str(getattr(x, "value", x))


def citation_order(c: Citation) -> tuple:
    """The order citations are written in, everywhere: by document, then by offset."""
    return c.doc_id, c.start_char, c.end_char, value(c.stance), c.assertion_id


def document_uid(doc_id: str) -> str:
    return _uid("document", doc_id)


def named_uid(*parts: object) -> str:
    """Ids of factionmap's own objects (its identity, its extension definition, a bundle)."""
    return _uid("factionmap", *parts)


def stix_id(stix_type: str, uid: str) -> str:
    return f"{stix_type}--{uid}"


def review_uid(tie: Tie, review: dict, what: str = "opinion") -> str:
    """An analyst's opinion (or note) on a tie: the tie, who, and when."""
    return _uid(what, *tie_key(tie), review["by"], review["at"])
