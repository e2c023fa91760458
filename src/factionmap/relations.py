"""The relation vocabulary: one entry per relation, with its direction, symmetry and allowed types.

The twelve relations scored by the evaluation spec come first; the model can hold more. Everything
that needs to know about relations (extractor, graph, exports, web legend) reads it from here.
"""
from __future__ import annotations

from dataclasses import dataclass

from .model import EntityType

ORG, PERSON, PLACE = EntityType.ORG, EntityType.PERSON, EntityType.PLACE
ANY_ACTOR = frozenset({ORG, PERSON, PLACE})


@dataclass(frozen=True)
class Relation:
    name: str
    label: str  # how the web app and reports say it, reading subject -> object
    symmetric: bool
    subject_types: frozenset[EntityType]
    object_types: frozenset[EntityType]
    description: str
    scored: bool = True  # part of the evaluation spec's vocabulary
    lineage: bool = False  # a tie of descent: shown by `factionmap lineage`
    family: str = ""  # hierarchy, alliance, conflict, lineage, leadership, place (how the map draws it)

    def allows(self, subject_type: EntityType, object_type: EntityType) -> bool:
        ok = subject_type in self.subject_types and object_type in self.object_types
        if self.symmetric:
            ok = ok or (object_type in self.subject_types and subject_type in self.object_types)
        return ok


def _r(name, label, symmetric, subjects, objects, description, **kw) -> Relation:
    return Relation(name, label, symmetric, frozenset(subjects), frozenset(objects), description, **kw)


_ALL = [
    _r("allegiance_to", "pledged allegiance to", False, {ORG, PERSON}, {ORG, PERSON},
       "X pledged allegiance (bay'ah, an oath of loyalty) to Y, an organization or its leader", family="hierarchy"),
    _r("part_of", "is part of", False, {ORG}, {ORG},
       "X is a branch, province, wing, sub-component, front, affiliate or coalition member of Y", family="hierarchy"),
    _r("ally_of", "is allied with", True, {ORG, PERSON, PLACE}, {ORG, PERSON, PLACE},
       "alliance, cooperation, joint operations, coalition partners", family="alliance"),
    _r("opposes", "opposes", True, ANY_ACTOR, ANY_ACTOR,
       "rivalry, hostility, armed clashes, fighting; states and agencies included", family="conflict"),
    _r("split_from", "split from", False, {ORG}, {ORG},
       "X broke away from Y, or was formed from Y's remnants or defectors", lineage=True, family="lineage"),
    _r("merged_into", "merged into", False, {ORG}, {ORG},
       "X dissolved into or was absorbed by Y", lineage=True, family="lineage"),
    _r("successor_of", "succeeded", False, {ORG}, {ORG},
       "X is a later incarnation, renaming or successor of Y", lineage=True, family="lineage"),
    _r("leader_of", "leads", False, {PERSON}, {ORG},
       "leads, heads, is emir, wali or commander-in-chief of", family="leadership"),
    _r("member_of", "is a member of", False, {PERSON}, {ORG},
       "spokesman, commander, fighter, member or representative of", family="leadership"),
    _r("defected_to", "defected to", False, {ORG, PERSON}, {ORG},
       "X left its group and joined Y", family="lineage"),
    _r("designated_by", "is designated by", False, {ORG, PERSON}, {ORG, PLACE},
       "listed as a terrorist organization by a state or body", family="conflict"),
    _r("operates_in", "operates in", False, {ORG, PERSON}, {PLACE},
       "has presence, is active or operates in a place", family="place"),
]

RELATIONS: dict[str, Relation] = {r.name: r for r in _ALL}
# Families of relations, in the order the map's legend lists them, each with what it draws
FAMILIES: dict[str, str] = {
    "hierarchy": "pledges, branches and provinces",
    "alliance": "alliances and cooperation",
    "conflict": "rivalry, fighting and designations",
    "lineage": "splits, mergers, successions and defections",
    "leadership": "leaders and members",
    "place": "where a group operates",
}
SCORED = frozenset(r.name for r in _ALL if r.scored)
SYMMETRIC = frozenset(r.name for r in _ALL if r.symmetric)
LINEAGE = frozenset(r.name for r in _ALL if r.lineage)


def get(name: str) -> Relation:
    """The relation called `name`; a KeyError names the known ones."""
    try:
        return RELATIONS[name]
    except KeyError:
        raise KeyError(f"unknown relation {name!r}; known: {', '.join(RELATIONS)}") from None


def canonical_pair(relation: str, subject: str, obj: str) -> tuple[str, str]:
    """Symmetric relations are stored with their two ends in a fixed order."""
    if relation in SYMMETRIC and obj < subject:
        return obj, subject
    return subject, obj
