"""Entity kinds: the knowledge base's fine kinds mapped onto `EntityKind`, and where a state may act.

A state is a place (type PLACE: a territory groups operate in) that also acts like an organization:
it designates groups, fights them, allies with them, receives pledges and counts groups among its
forces. `allows` is the relations' type rule with that said once, for the extractor, manual ties,
reviews and imports alike.
"""
from __future__ import annotations

from .model import DEFAULT_KIND, EntityKind, EntityType
from .relations import RELATIONS

K = EntityKind
#: the knowledge base's `kind` values (data/kb/README.md) -> the kind an entity keeps
FINE_KINDS: dict[str, EntityKind] = {
    "state": K.STATE, "country": K.STATE,
    "government": K.GOVERNMENT_BODY, "state_agency": K.GOVERNMENT_BODY, "armed_forces": K.GOVERNMENT_BODY,
    "armed_forces_unit": K.GOVERNMENT_BODY, "political_body": K.GOVERNMENT_BODY, "police": K.GOVERNMENT_BODY,
    "ministry": K.GOVERNMENT_BODY, "agency": K.GOVERNMENT_BODY, "court": K.GOVERNMENT_BODY, "body": K.GOVERNMENT_BODY,
    "armed_group": K.ARMED_GROUP, "armed_wing": K.ARMED_GROUP, "province": K.ARMED_GROUP, "front": K.ARMED_GROUP,
    "militia": K.ARMED_GROUP, "private_military_company": K.ARMED_GROUP,
    "party": K.PARTY, "political_movement": K.PARTY,
    "coalition": K.COALITION, "state_coalition": K.COALITION, "operations_room": K.COALITION,
    "media_outlet": K.MEDIA_OUTLET,
    "person": K.PERSON,
    "region": K.PLACE, "admin_region": K.PLACE, "district": K.PLACE, "city": K.PLACE, "town": K.PLACE,
    "village": K.PLACE, "landmark": K.PLACE, "place": K.PLACE,
    "international_body": K.ORGANIZATION, "monitoring_group": K.ORGANIZATION, "military_operation": K.ORGANIZATION,
    "organization": K.ORGANIZATION, "civil_organization": K.ORGANIZATION, "other": K.ORGANIZATION,
}
#: kinds that can only be of one type (a fine kind of another type falls back to the type's default)
_TYPE_OF = {K.STATE: EntityType.PLACE, K.PLACE: EntityType.PLACE, K.PERSON: EntityType.PERSON}

#: Where a state stands in for an organization: the relations whose object (or subject) may be a state
#: though the relation names organizations there ("X pledged allegiance to Turkey", "Syria opposes X").
STATE_AS_OBJECT = frozenset(n for n, r in RELATIONS.items() if r.state_object)  # relations.py says
STATE_AS_SUBJECT = frozenset(n for n, r in RELATIONS.items() if r.state_subject)


def kind_for(etype: EntityType | str, fine: str | None = "") -> EntityKind:
    """The kind of an entity of type `etype` whose knowledge-base (or analyst's) kind is `fine`."""
    etype = EntityType(etype)
    kind = FINE_KINDS.get((fine or "").strip().lower())
    if kind is None:
        try:
            kind = EntityKind((fine or "").strip().lower())
        except ValueError:
            return DEFAULT_KIND[etype]
    want = _TYPE_OF.get(kind)
    if (want is not None and want is not etype) or (want is None and etype is not EntityType.ORG):
        return DEFAULT_KIND[etype]
    return kind


def allows(relation, s_type: EntityType, s_kind: EntityKind | str | None,
           o_type: EntityType, o_kind: EntityKind | str | None) -> bool:
    """May an entity of (type, kind) be the subject, and another the object, of `relation` (a Relation)?"""
    s_type, o_type = EntityType(s_type), EntityType(o_type)
    if relation.allows(s_type, o_type):
        return True
    org = EntityType.ORG
    if o_kind == K.STATE and relation.state_object and relation.allows(s_type, org):
        return True
    return s_kind == K.STATE and relation.state_subject and relation.allows(org, o_type)


def is_authority(kind: EntityKind | str | None) -> bool:
    """A state or a body acting for one (STIX: an identity, never a threat actor)."""
    return kind in (K.STATE, K.GOVERNMENT_BODY)


__all__ = ["FINE_KINDS", "STATE_AS_OBJECT", "STATE_AS_SUBJECT", "allows", "is_authority", "kind_for"]
