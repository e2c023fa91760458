"""STIX objects -> factionmap entities, for `factionmap import`.

threat-actor and intrusion-set become organizations (a threat-actor is a person when factionmap
marked it so, or its resource_level is "individual", or OpenCTI typed it Threat-Actor-Individual);
identity becomes a person (identity_class "individual") or an organization; location a place.
Other objects (malware, indicators, observables, factionmap's own identity) are not entities.
"""
from __future__ import annotations

from typing import Any

from ..entity_kinds import kind_for
from ..model import Alias, Entity, EntityType

ENTITY_SOURCES = frozenset({"threat-actor", "intrusion-set", "identity", "location"})


def to_entity(obj: dict[str, Any]) -> Entity | None:
    """The entity a STIX object stands for, keyed by its STIX id; None for objects that are not one."""
    stype = obj["type"]
    if stype not in ENTITY_SOURCES or (stype == "identity" and obj.get("identity_class") == "system"):
        return None
    etype = _entity_type(obj)
    name = obj.get("name") or obj.get("country") or obj.get("region")
    if not name:
        return None
    aliases = obj.get("x_factionmap_aliases") or obj.get("aliases") or obj.get("x_opencti_aliases") or []
    if isinstance(aliases, str):  # "aliases": "AB" is one alias, not the aliases "A" and "B"
        aliases = [aliases]
    attributes = dict(obj.get("x_factionmap_attributes") or {})
    if stype == "location" and "x_factionmap_type" not in obj:
        attributes = {k: obj[k] for k in ("country", "region", "latitude", "longitude") if k in obj
                      and not (k == "region" and obj[k] == "unknown")}
    return Entity(
        name=name, type=etype, aliases=[Alias(str(a), source="stix") for a in aliases if a and isinstance(a, (str, int)) and a != name],
        kb_id=obj.get("x_factionmap_kb_id"), attributes=attributes, key=obj["id"], kind=_kind(obj, etype),
    )


def _kind(obj: dict[str, Any], etype: EntityType) -> str | None:
    """The kind a bundle marks (x_factionmap_kind), else a government identity's; None: its type's default."""
    marked = obj.get("x_factionmap_kind")
    if isinstance(marked, str) and marked:
        return kind_for(etype, marked).value
    if obj.get("type") == "identity" and etype is EntityType.ORG and "government-national" in (obj.get("sectors") or []):
        return "government_body"
    return None


def _entity_type(obj: dict[str, Any]) -> EntityType:
    marked = obj.get("x_factionmap_type")
    if marked in EntityType.__members__:
        return EntityType(marked)
    stype = obj["type"]
    if stype == "location":
        return EntityType.PLACE
    if stype == "identity":
        return EntityType.PERSON if obj.get("identity_class") == "individual" else EntityType.ORG
    if stype == "threat-actor" and (obj.get("resource_level") == "individual"
                                    or obj.get("x_opencti_type") == "Threat-Actor-Individual"):
        return EntityType.PERSON
    return EntityType.ORG
