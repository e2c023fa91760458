"""Cross-document entity resolution: each document's entities join store-wide ones.

A document entity (a row of doc_entities) goes, in this order:
1. where a user decision sends it (rules.py: a split keeps its names apart, a merge joins them);
2. to the entity with the same knowledge-base id;
3. to the entity of the same type that carries one of its names, folded (case, diacritics, hyphens,
   the Arabic article), then the same by transliteration skeleton;
4. to an entity of the same type whose name is a fuzzy variant of its name, word by word, and that
   appears alongside another entity of this document somewhere in the store (context);
5. else it founds a new entity.

Over-merging is worse than under-merging, so a shared name does not join when it is only an acronym
(unless the document knows the entity by nothing else, and then only when one entity carries it), nor
when it is a shorter run of words of one side's own name ("Islamic State" inside "Islamic State of
Iraq"), nor when both sides have different knowledge-base ids. When names point two ways, nothing joins.
"""
from __future__ import annotations

import re
from typing import Any, Iterable, Mapping
from collections import defaultdict

from sqlalchemy import Integer, and_, bindparam, func, insert, or_, select, update
from sqlalchemy.engine import Connection

from ..model import DEFAULT_KIND
from ..namefold import fold
from ..store import codec
from ..store import schema as t
from ..store.bulk import in_parameter, insert_rows, take_ids
from . import keys
from .lookups import Lookups
from .rules import NEW, Rules

# a row of doc_entities (or of the aliases the lookups hold): a RowMapping from a query, or a dict
Row = Mapping[Any, Any]

__all__ = ["NEW", "Resolver"]


_DEFAULT_KINDS = sorted(k.value for k in DEFAULT_KIND.values())
_ID_BLOCK = 256  # entity ids taken from PostgreSQL's sequence at a time


def _company_query(postgres: bool) -> Any:
    """SQL: a row if `entity` is named in some stored document beside one of `others` (a list of ids).
    Built once per dialect: building it for each of a build's thousands of checks cost the client more
    than the server took to run it (1.5 ms of CPU against 0.05 ms); on PostgreSQL the ids go as one array."""
    m1, m2 = t.entity_members.alias("m1"), t.entity_members.alias("m2")
    d1, d2 = t.doc_entities.alias("d1"), t.doc_entities.alias("d2")
    among = in_parameter(postgres, m2.c.entity_id, "others", type_=Integer())
    return (select(m1.c.entity_id)
            .join(d1, d1.c.id == m1.c.doc_entity_id)
            .join(d2, d2.c.doc_id == d1.c.doc_id)
            .join(m2, and_(m2.c.doc_entity_id == d2.c.id, among))
            .where(m1.c.entity_id == bindparam("entity"))
            .limit(1))


_COMPANY = {False: _company_query(False), True: _company_query(True)}
_STIX_KEY = re.compile(r"^[a-z][a-z0-9-]+--[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$")


class Resolver:
    """Attaches document entities to store entities on one connection, following the user's rules.

    `pool`: entity rows emptied by a re-extraction or a decision, reused (in order) by the first
    document entity that would found an entity of the same name, so that ids stay stable.
    """

    def __init__(self, conn: Connection, rules: Rules, pool: list[int] | None = None):
        self.conn = conn
        self.rules = rules
        self.pool = list(pool or [])
        self._kinded: set[int] = set()
        self._ided: set[tuple[Any, ...]] = set()
        self.touched: set[int] = set()
        self.objects: dict[tuple[str, str], tuple[int, str]] = {}  # (STIX id, type) -> where it went
        self._members: list[dict[str, Any]] = []  # rows written in bulk before anything reads them (flush)
        self._aliases: list[dict[str, Any]] = []
        self._entities: dict[int, dict[str, Any]] = {}  # new entities, their ids taken ahead (_new_id), written by flush
        self._kinds: dict[str, list[int]] = {}  # kind -> stored entities of a default kind to be given it (flush)
        self._free_ids: list[int] = []
        self.lookups: Lookups | None = None  # while attaching rows: their names' lookups, read at once
        # While attaching the rows of documents none of whose entities is stored yet (`attach_rows(...,
        # fresh=True)`) and until any of their joins is written: which entities each of them has joined so
        # far, so that co-occurrence is answered without writing them first (_co_occurs).
        self._fresh: dict[str, set[int]] | None = None

    def flush(self) -> None:
        """Write the new entities, memberships and aliases held back (every lookup of them calls this first)."""
        if self._entities:
            insert_rows(self.conn, t.entities, list(self._entities.values()))
            self._entities = {}
        if self._members:
            insert_rows(self.conn, t.entity_members, self._members)
            self._members = []
            self._fresh = None  # the database now holds some of the batch's joins: ask it (_co_occurs)
        if self._aliases:
            insert_rows(self.conn, t.aliases, self._aliases)
            self._aliases = []
        for kind, ids in self._kinds.items():  # one UPDATE per kind, not one per entity
            for i in range(0, len(ids), _ID_BLOCK):
                self.conn.execute(update(t.entities).where(
                    t.entities.c.id.in_(ids[i:i + _ID_BLOCK]),
                    or_(t.entities.c.kind.is_(None), t.entities.c.kind.in_(_DEFAULT_KINDS))).values(kind=kind))
        self._kinds = {}

    # -- entry points ---------------------------------------------------------------------------

    def attach_document(self, doc_id: str) -> set[int]:
        rows = self.conn.execute(
            select(t.doc_entities).where(t.doc_entities.c.doc_id == doc_id).order_by(t.doc_entities.c.id)
        ).mappings().all()
        return self.attach_rows(rows)

    def attach_rows(self, rows: Iterable[Row], *, fresh: bool = False) -> set[int]:
        """Resolve document entities (rows of doc_entities), document by document.

        `fresh`: these are all the entities of their documents, just written, none of them joined to an
        entity yet (a build's batch). Then what they join is written once, at the end, instead of before
        each fuzzy match's co-occurrence check: a build's batch made thousands of small writes."""
        rows = list(rows)
        by_doc: dict[str, list[Any]] = defaultdict(list)
        for row in rows:
            by_doc[row["doc_id"]].append(row)
        self.lookups = Lookups(self.conn, rows)
        self._fresh = {doc_id: set() for doc_id in by_doc} if fresh else None
        try:
            self._attach(by_doc)
        finally:
            self.lookups = None
            self._fresh = None
        self.flush()
        return self.touched

    def _attach(self, by_doc: dict[str, list[Any]]) -> None:
        for doc_rows in by_doc.values():
            context: set[int] = set()
            later = []
            for row in doc_rows:
                found = self._same_object(row) or self._strict(row)
                if found is None:
                    later.append(row)
                elif found[0] == NEW:  # a user decision keeps it apart from every entity there is
                    context.add(self._join(row, self._found(row), found[1]))
                else:
                    context.add(self._join(row, *found))
            for row in later:
                found = self._fuzzy(row, context) or (self._found(row), "first seen here")
                context.add(self._join(row, *found))

    # -- the steps -------------------------------------------------------------------------------

    def _same_object(self, row: Row) -> tuple[int, str] | None:
        """A STIX object met in an earlier document of this import goes where it went then."""
        hit = self.objects.get((row["key"], row["type"]))
        return (hit[0], f"the same STIX object as in {hit[1]}") if hit else None

    def _strict(self, row: Row) -> tuple[int, str] | None:
        if self.lookups is None:
            self.flush()
        names = keys.name_keys([row["name"], *(a["name"] for a in row["aliases"] or [])])
        primary = fold(row["name"])
        directed = self.rules.direct(self, row, primary)
        if directed is not None:
            return directed
        if row["kb_id"] and self.lookups is not None:
            entity_id = self.lookups.by_kb(row["kb_id"], row["type"])
            if entity_id is not None:
                return entity_id, f"knowledge base entry {row['kb_id']}"
        elif row["kb_id"]:
            hit = self.conn.execute(
                select(t.entities.c.id).where(t.entities.c.kb_id == row["kb_id"], t.entities.c.type == row["type"])
                .order_by(t.entities.c.id)
            ).first()
            if hit:
                return hit[0], f"knowledge base entry {row['kb_id']}"
        norms, skels = set(names), set(names.values())
        hits: list[Any]  # alias rows: dicts from the lookups, row mappings from the query
        if self.lookups is not None:
            hits = self.lookups.hits(norms, skels, row["type"])
        else:  # one query for both passes: the names as folded, then as transliteration skeletons
            hits = list(self.conn.execute(
                select(t.aliases.c.entity_id, t.aliases.c.norm, t.aliases.c.skel, t.aliases.c.name,
                       t.entities.c.name.label("entity_name"), t.entities.c.kb_id)
                .join(t.entities, t.entities.c.id == t.aliases.c.entity_id)
                .where(t.aliases.c.lead, or_(t.aliases.c.norm.in_(sorted(norms)), t.aliases.c.skel.in_(sorted(skels))),
                       t.entities.c.type == row["type"])).mappings().all())
        for use_skel, label in ((False, "shares the name"), (True, "shares a spelling of")):
            wanted = skels if use_skel else norms
            found = self._by_name(row, primary, names, use_skel,
                                  [h for h in hits if (h["skel"] if use_skel else h["norm"]) in wanted], label)
            if found:
                return found
        return None

    def _by_name(self, row: Row, primary: str, names: dict[str, str], use_skel: bool, hits: list[Any],
                 label: str) -> tuple[int, str] | None:
        mine = {v: k for k, v in names.items()} if use_skel else {k: k for k in names}
        primary_key = keys.skeleton(primary) if use_skel else primary
        scores: dict[int, tuple[int, str]] = {}
        for hit in hits:
            if row["kb_id"] and hit["kb_id"] and hit["kb_id"] != row["kb_id"]:
                continue
            shared = hit["skel"] if use_skel else hit["norm"]
            score = self._score(primary, primary_key, mine.get(shared, shared), shared, hit)
            if score and score > scores.get(hit["entity_id"], (0, ""))[0]:
                scores[hit["entity_id"]] = (score, hit["name"])
        if not scores:
            return None
        ranked = sorted(scores.items(), key=lambda kv: -kv[1][0])
        if len(ranked) > 1 and ranked[0][1][0] == ranked[1][1][0]:
            return None  # the name points two ways: under-merge rather than guess
        entity_id, (_score, name) = ranked[0]
        return entity_id, f"{label} {name!r}"

    @staticmethod
    def _score(primary: str, primary_key: str, my_norm: str, shared_key: str, hit: Row) -> int:
        """How strongly a shared name ties a document entity to a store entity (0: not at all)."""
        entity_primary = fold(hit["entity_name"])
        their_norm = hit["norm"]
        if (keys.is_acronym(my_norm) or keys.is_acronym(their_norm)) and shared_key != primary_key:
            return 0  # an acronym among other names is no proof
        if shared_key != primary_key and keys.nested(my_norm, primary):
            return 0  # "Islamic State" as a side name of "Islamic State of Iraq"
        if their_norm != entity_primary and keys.nested(their_norm, entity_primary):
            return 0  # the same, on the entity's side
        score = 3 if shared_key == primary_key else 1
        return score + int(their_norm == entity_primary)

    def _fuzzy(self, row: Row, context: set[int]) -> tuple[int, str] | None:
        if self.lookups is None:
            self.flush()
        if not context:
            return None
        primary = fold(row["name"])
        if not primary or keys.is_acronym(primary):
            return None
        candidates: list[Any]
        if self.lookups is not None:
            candidates = self.lookups.in_block(keys.block(primary), row["type"])
        else:
            query = (
                select(t.aliases.c.entity_id, t.aliases.c.norm, t.aliases.c.name, t.entities.c.kb_id)
                .join(t.entities, t.entities.c.id == t.aliases.c.entity_id)
                .where(t.aliases.c.lead, t.aliases.c.block == keys.block(primary), t.entities.c.type == row["type"])
            )
            candidates = list(self.conn.execute(query).mappings().all())
        hits: dict[Any, Any] = {}
        for hit in candidates:
            if row["kb_id"] and hit["kb_id"] and hit["kb_id"] != row["kb_id"]:
                continue
            if keys.similar(primary, hit["norm"]):
                hits.setdefault(hit["entity_id"], hit["name"])
        if len(hits) != 1:
            return None
        entity_id, name = next(iter(hits.items()))
        if not self._co_occurs(entity_id, context):
            return None
        return entity_id, f"spelled like {name!r}, in the company of the same entities"

    def _co_occurs(self, entity_id: int, context: set[int]) -> bool:
        """Whether the entity is named in some document alongside one of `context`."""
        others = context - {entity_id}
        if not others:
            return False
        if self._fresh is not None:
            # Nothing of these documents is written: they are answered here, the stored documents below.
            if any(entity_id in joined and not joined.isdisjoint(others) for joined in self._fresh.values()):
                return True
        else:
            self.flush()
        return self.conn.execute(_COMPANY[self.conn.dialect.name == "postgresql"],
                                 {"entity": entity_id, "others": sorted(others)}).first() is not None

    # -- writing ---------------------------------------------------------------------------------

    def _found(self, row: Row) -> int:
        """A new entity for this row, reusing an emptied one of the same name or KB id if any."""
        if self.lookups is None:
            self.flush()
        names = set(keys.name_keys([row["name"], *(a["name"] for a in row["aliases"] or [])]))
        if self.pool:
            found = self.conn.execute(
                select(t.entities.c.id, t.entities.c.name, t.entities.c.kb_id, t.entities.c.type,
                       t.entities.c.attributes)
                .where(t.entities.c.id.in_(self.pool))
            ).mappings().all()
            for eid in self.pool:
                e = next((f for f in found if f["id"] == eid), None)
                first = fold((e["attributes"] or {}).get("name_from_documents", "")) if e else ""
                if e and e["type"] == row["type"] and (
                    fold(e["name"]) == fold(row["name"]) or (row["kb_id"] and e["kb_id"] == row["kb_id"])
                    or fold(e["name"]) in names or (first and first in names)
                ):
                    self.pool.remove(eid)
                    self.conn.execute(update(t.entities).where(t.entities.c.id == eid).values(kind=row.get("kind")))
                    if self.lookups is not None:
                        self.lookups.entity_created(eid, e["name"], e["kb_id"], e["type"])
                    return eid
        values = {"name": row["name"], "type": row["type"], "kind": row.get("kind"), "kb_id": row["kb_id"],
                  "attributes": row["attributes"] or {}}
        reserved = self._new_id()
        if reserved is None:
            eid = codec.inserted_id(self.conn.execute(insert(t.entities).values(**values)))
        else:
            eid = reserved
            self._entities[eid] = {"id": eid, **values}
        if self.lookups is not None:
            self.lookups.entity_created(eid, row["name"], row["kb_id"], row["type"])
        return eid

    def _new_id(self) -> int | None:
        """The id the next new entity takes, reserved ahead so that new entities are written in bulk
        (PostgreSQL: a block of the sequence; SQLite: after the largest id, under the writer lock);
        None elsewhere (the entity is inserted at once)."""
        if not self._free_ids:
            dialect = self.conn.dialect.name
            if dialect == "postgresql":
                self._free_ids = take_ids(self.conn, t.entities, _ID_BLOCK) or []
            elif dialect == "sqlite":
                top = max([self.conn.execute(select(func.max(t.entities.c.id))).scalar() or 0, *self._entities])
                self._free_ids = [top + 1]
            else:
                return None
        return self._free_ids.pop(0)

    def claim(self, entity_id: int) -> None:
        """An entity a rule or lookup found is in use again: it leaves the pool."""
        if entity_id in self.pool:
            self.pool.remove(entity_id)

    def _join(self, row: Row, entity_id: int, reason: str) -> int:
        self.claim(entity_id)
        if _STIX_KEY.match(row["key"]):
            self.objects.setdefault((row["key"], row["type"]), (entity_id, f"document {row['doc_id'][:12]}"))
        self._members.append({"doc_entity_id": row["id"], "entity_id": entity_id, "reason": reason})
        if self._fresh is not None:
            self._fresh[row["doc_id"]].add(entity_id)
        self._kind(row, entity_id)
        self._external_ids(row, entity_id)
        if self.rules.splits:
            self.flush()  # the rules read the entity
        blocked = self.rules.blocked_names(self, entity_id) if self.rules.splits else set()
        seen: set[str] = set()
        new = []
        for alias in [{"name": row["name"], "source": "text"}, *(row["aliases"] or [])]:
            norm = fold(alias["name"])
            if not norm or norm in seen or norm in blocked:
                continue
            seen.add(norm)
            new.append({"entity_id": entity_id, "name": alias["name"], "norm": norm, "doc_id": row["doc_id"],
                        "source": alias.get("source", "text"), "skel": keys.skeleton(norm),
                        "block": keys.block(norm), "reason": reason, "lead": True})
        if self.lookups is not None:
            for alias in new:  # a later copy of a name the store holds does not lead (graph.leads)
                alias["lead"] = not self.lookups.knows(alias)
            self.lookups.aliases_added(new)
        self._aliases += new
        self.touched.add(entity_id)
        return entity_id

    def _external_ids(self, row: Row, entity_id: int) -> None:
        """Ids in other catalogues a document's entity carries (a KB entry's Wikidata QID) join the entity's."""
        ids = (row["attributes"] or {}).get("external_ids")
        if not ids or (entity_id, tuple(sorted(ids.items()))) in self._ided:
            return
        self._ided.add((entity_id, tuple(sorted(ids.items()))))
        held = self._entities.get(entity_id)
        attrs = dict(held["attributes"] if held else self.conn.execute(
            select(t.entities.c.attributes).where(t.entities.c.id == entity_id)).scalar() or {})
        merged = {**ids, **(attrs.get("external_ids") or {})}
        if merged != attrs.get("external_ids"):
            attrs["external_ids"] = merged
            if held:
                held["attributes"] = attrs
            else:
                self.conn.execute(update(t.entities).where(t.entities.c.id == entity_id).values(attributes=attrs))

    def _kind(self, row: Row, entity_id: int) -> None:
        """A document that says what sort of entity it is (a KB kind, a name's head word) tells an entity
        of the default kind of its type (organization, person, place) what it is."""
        kind = row.get("kind")
        if not kind or kind in _DEFAULT_KINDS or entity_id in self._kinded:
            return
        self._kinded.add(entity_id)
        held = self._entities.get(entity_id)
        if held:
            if held["kind"] is None or held["kind"] in _DEFAULT_KINDS:
                held["kind"] = kind
            return
        self._kinds.setdefault(kind, []).append(entity_id)  # written by flush, before anything reads it

    def holders(self, norms: set[str], kb_ids: set[str], type_: str) -> list[int]:
        """Entities of a type that carry one of these (non-acronym) names or KB ids, oldest first."""
        self.flush()
        out: set[int] = set()
        long_names = sorted(n for n in norms if not keys.is_acronym(n))
        if long_names:
            query = (select(t.aliases.c.entity_id).join(t.entities, t.entities.c.id == t.aliases.c.entity_id)
                     .where(t.aliases.c.lead, t.aliases.c.norm.in_(long_names), t.entities.c.type == type_))
            out |= {r[0] for r in self.conn.execute(query)}
        if kb_ids:
            query = select(t.entities.c.id).where(t.entities.c.kb_id.in_(sorted(kb_ids)), t.entities.c.type == type_)
            out |= {r[0] for r in self.conn.execute(query)}
        return sorted(out)
