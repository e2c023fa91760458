"""The STIX 2.1 mapping, in one place: relation names to relationship types, entity types to STIX
object types, and the custom properties (all `x_factionmap_*`, declared by one extension definition).

See docs/exports.md for the reasons behind each choice.
"""
from __future__ import annotations

from ..entity_kinds import is_authority
from ..model import Entity, EntityType, Tie
from ..relations import STIX_TYPES
from . import ids

#: factionmap relation -> STIX relationship_type. STIX 2.1's own types where one means the same
#: (located-at), OpenCTI's extended vocabulary where it has one (part-of, cooperates-with), and
#: custom types, spelled the STIX way, for the rest.
RELATIONSHIP_TYPES: dict[str, str] = STIX_TYPES  # each relation's `stix_type` (relations.py)

#: relationship_type -> factionmap relation, for bundles without x_factionmap_relation. `part-of`
#: from a person reads as member_of (OpenCTI's individual-part-of-group).
RELATION_OF_TYPE: dict[str, str] = {
    **{v: k for k, v in RELATIONSHIP_TYPES.items() if k != "member_of"},
    **{k.replace("_", "-"): k for k in RELATIONSHIP_TYPES},
}

#: Relations that make a person an actor in an armed group (exported as a threat-actor).
ACTOR_RELATIONS = frozenset({"leader_of", "member_of", "allegiance_to", "defected_to"})

CUSTOM_PROPERTIES = sorted([
    "x_factionmap_type", "x_factionmap_kind", "x_factionmap_kb_id", "x_factionmap_aliases", "x_factionmap_attributes",
    "x_factionmap_relation", "x_factionmap_status", "x_factionmap_grade", "x_factionmap_start",
    "x_factionmap_end", "x_factionmap_evidence_count", "x_factionmap_stances", "x_factionmap_citations",
    "x_factionmap_doc_id", "x_factionmap_published", "x_factionmap_publisher", "x_factionmap_author",
    "x_factionmap_source_kind", "x_factionmap_language", "x_factionmap_title", "x_factionmap_review",
])

IDENTITY_ID = ids.stix_id("identity", ids.named_uid("identity"))
EXTENSION_ID = ids.stix_id("extension-definition", ids.named_uid("extension-definition", "1.0.0"))
EXTENSIONS = {EXTENSION_ID: {"extension_type": "toplevel-property-extension"}}


class Typer:
    """Chooses each entity's STIX type from the whole store's ties, so a filter never changes it."""

    def __init__(self, all_ties: list[Tie]):
        live = [t for t in all_ties if ids.value(t.status) != "denied"]
        self.authorities = {ids.entity_key(t.object) for t in live if t.relation == "designated_by"}
        self.designated = {ids.entity_key(t.subject) for t in live if t.relation == "designated_by"}
        self.actors = {ids.entity_key(t.subject) for t in live if t.relation in ACTOR_RELATIONS}

    def stix_type(self, entity: Entity) -> str:
        key = ids.entity_key(entity)
        if entity.type is EntityType.PLACE:
            return "location"
        if entity.type is EntityType.PERSON:
            return "threat-actor" if key in self.actors else "identity"
        if key in self.authorities or is_authority(entity.kind):
            return "identity"
        return "threat-actor"

    def stix_id(self, entity: Entity) -> str:
        return ids.stix_id(self.stix_type(entity), ids.entity_uid(entity))

    def threat_actor_types(self, entity: Entity) -> list[str]:
        return ["terrorist"] if ids.entity_key(entity) in self.designated else ["unknown"]
