"""The relation vocabulary: one entry per relation, the single source of what a relation is.

Each entry says the relation's direction and symmetry, the entity types it joins (and whether a state
may stand at either end), what a later tie of it ends (`ends`), its STIX relationship type, the
infobox fields that state it, and whether a partitive ("members of X ...") may state it. Adding a
relation is one entry here (docs/ARCHITECTURE.md, "How to add a relation"). The twelve relations
scored by the evaluation spec come first; the model can hold more. Everything that needs to know about
relations (extractor, graph, exports, web legend) reads it from here.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any

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
    # a later tie of this relation between the same two ends closes the open ties of these (graph.timeline)
    ends: frozenset[str] = frozenset()
    stix_type: str = ""  # the STIX relationship_type (export.stix_vocab); "" -> the name, hyphened
    # infobox field names (lower case) that state the tie: the field's value is the object ...
    infobox_fields: tuple[str, ...] = ()
    # ... or, for these, the field's value is the subject ("successor", "leader")
    infobox_subject_fields: tuple[str, ...] = ()
    partitive_ok: bool = False  # "members of X clashed with Y" still states it of X
    state_object: bool = False  # a state may be the object whatever the type rules say ("designated by Turkey")
    state_subject: bool = False  # a state may be the subject when the object is an organization

    def allows(self, subject_type: EntityType, object_type: EntityType) -> bool:
        ok = subject_type in self.subject_types and object_type in self.object_types
        if self.symmetric:
            ok = ok or (object_type in self.subject_types and subject_type in self.object_types)
        return ok

    @property
    def stix(self) -> str:
        return self.stix_type or self.name.replace("_", "-")


def _r(name: str, label: str, symmetric: bool, subjects: set[EntityType] | frozenset[EntityType],
       objects: set[EntityType] | frozenset[EntityType], description: str, **kw: Any) -> Relation:
    if "ends" in kw:
        kw["ends"] = frozenset(kw["ends"])
    return Relation(name, label, symmetric, frozenset(subjects), frozenset(objects), description, **kw)


_ALL = [
    _r("allegiance_to", "pledged allegiance to", False, {ORG, PERSON}, {ORG, PERSON},
       "X pledged allegiance (bay'ah, an oath of loyalty) to Y, an organization or its leader", family="hierarchy",
       ends={"opposes"}, stix_type="allegiance-to", infobox_fields=("allegiance",), state_object=True),
    _r("part_of", "is part of", False, {ORG}, {ORG},
       "X is a branch, province, wing, sub-component, front, affiliate or coalition member of Y", family="hierarchy",
       ends={"opposes"}, stix_type="part-of",
       infobox_fields=("part of", "parent organization", "parent organisation", "affiliation", "affiliations"),
       state_subject=True),
    _r("ally_of", "is allied with", True, {ORG, PERSON, PLACE}, {ORG, PERSON, PLACE},
       "alliance, cooperation, joint operations, coalition partners", family="alliance",
       ends={"opposes"}, stix_type="cooperates-with", infobox_fields=("allies",), partitive_ok=True,
       state_object=True, state_subject=True),
    _r("opposes", "opposes", True, ANY_ACTOR, ANY_ACTOR,
       "rivalry, hostility, armed clashes, fighting; states and agencies included", family="conflict",
       ends={"ally_of", "part_of", "allegiance_to", "member_of"}, stix_type="opposes",
       infobox_fields=("opponents", "opponent", "enemies"), partitive_ok=True, state_object=True, state_subject=True),
    _r("split_from", "split from", False, {ORG}, {ORG},
       "X broke away from Y, or was formed from Y's remnants or defectors", lineage=True, family="lineage",
       ends={"part_of", "allegiance_to", "ally_of", "merged_into"}, stix_type="split-from",
       infobox_fields=("split from", "split off from")),
    _r("merged_into", "merged into", False, {ORG}, {ORG},
       "X dissolved into or was absorbed by Y", lineage=True, family="lineage",
       ends={"opposes", "ally_of", "allegiance_to", "part_of"}, stix_type="merged-into", infobox_fields=("merged into",)),
    _r("successor_of", "succeeded", False, {ORG}, {ORG},
       "X is a later incarnation, renaming or successor of Y", lineage=True, family="lineage",
       stix_type="successor-of", infobox_fields=("predecessor", "predecessors"),
       infobox_subject_fields=("successor", "successors")),
    _r("leader_of", "leads", False, {PERSON}, {ORG},
       "leads, heads, is emir, wali or commander-in-chief of", family="leadership",
       stix_type="leader-of", infobox_subject_fields=("leader", "leaders", "leadership", "emir"),
       state_object=True),  # a head of state or government leads the state (docs/annotation.md, Rulings)
    _r("member_of", "is a member of", False, {PERSON}, {ORG},
       "spokesman, commander, fighter, member or representative of", family="leadership",
       stix_type="part-of", infobox_subject_fields=("spokesperson", "spokesman"),
       state_object=True),  # a minister, envoy or official is a member of the state
    _r("defected_to", "defected to", False, {ORG, PERSON}, {ORG},
       "X left its group and joined Y", family="lineage", ends={"opposes"}, stix_type="defected-to"),
    _r("designated_by", "is designated by", False, {ORG, PERSON}, {ORG, PLACE},
       "listed as a terrorist organization by a state or body", family="conflict",
       stix_type="designated-by", partitive_ok=True, state_object=True,
       infobox_fields=("designated as a terrorist group by", "designated as terrorist group by", "designated by")),
    _r("operates_in", "operates in", False, {ORG, PERSON}, {PLACE},
       "has presence, is active or operates in a place", family="place",
       stix_type="located-at", partitive_ok=True, state_object=True,
       infobox_fields=("area", "active regions", "area of operations", "areas of operation", "headquarters")),
]

# Families of relations, in the order the map's legend lists them, each with what it draws
FAMILIES: dict[str, str] = {
    "hierarchy": "pledges, branches and provinces",
    "alliance": "alliances and cooperation",
    "conflict": "rivalry, fighting and designations",
    "lineage": "splits, mergers, successions and defections",
    "leadership": "leaders and members",
    "place": "where a group operates",
}

# Tables read from the entries (kept up to date by `register`; consumers hold these very objects)
RELATIONS: dict[str, Relation] = {}
SCORED: set[str] = set()
SYMMETRIC: set[str] = set()
LINEAGE: set[str] = set()
#: relation -> the relations whose open ties a later tie of it ends (graph.timeline)
ENDS: dict[str, frozenset[str]] = {}
#: infobox field name (lower case) -> (relation, the field's value is the subject?)
INFOBOX_FIELDS: dict[str, tuple[str, bool]] = {}
PARTITIVE_OK: set[str] = set()
#: relation -> its STIX relationship_type (export.stix_vocab)
STIX_TYPES: dict[str, str] = {}


def family_of(relation: str) -> str:
    """The relation's family (`FAMILIES`), or the relation itself when it has none (or is unknown)."""
    rel = RELATIONS.get(relation)
    return rel.family if rel is not None and rel.family else relation


def register(rel: Relation) -> Relation:
    """Add a relation to the vocabulary: every table above (and so every consumer) knows it at once."""
    if rel.name in RELATIONS:
        raise ValueError(f"relation {rel.name!r} is already in the vocabulary")
    unknown = sorted(rel.ends - set(RELATIONS) - {r.name for r in _ALL} - {rel.name})
    if unknown:
        raise ValueError(f"relation {rel.name!r} ends unknown relations: {', '.join(unknown)}")
    RELATIONS[rel.name] = rel
    for flag, table in ((rel.scored, SCORED), (rel.symmetric, SYMMETRIC), (rel.lineage, LINEAGE),
                        (rel.partitive_ok, PARTITIVE_OK)):
        if flag:
            table.add(rel.name)
    if rel.ends:
        ENDS[rel.name] = rel.ends
    INFOBOX_FIELDS.update({f: (rel.name, False) for f in rel.infobox_fields})
    INFOBOX_FIELDS.update({f: (rel.name, True) for f in rel.infobox_subject_fields})
    STIX_TYPES[rel.name] = rel.stix
    return rel


for _rel in _ALL:
    register(_rel)


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
