"""What the resolver looks entities up by, held in memory while it resolves a batch of document entities.

Before a batch is resolved, the stored aliases carrying any of the batch's names (folded, as
skeletons, or in the fuzzy block of its primary names) and the entities with any of its knowledge-base
ids are read in a few bulk queries; every alias the resolver then gives and every entity it founds is
added here as it goes. A lookup is then a dictionary read instead of a query per document entity,
and the rows the resolver writes can wait for one bulk insert. Lookups answer exactly what the
queries on the store would: the same rows, in the order they were written (alias id).
"""
from __future__ import annotations

from collections import defaultdict
from itertools import count

from sqlalchemy import select
from sqlalchemy.engine import Connection

from ..names import fold
from ..store import schema as t
from . import keys

_CHUNK = 500


class AliasIndex:
    """Aliases by (entity type, norm | skeleton | block); entities by (type, KB id); entity facts by id."""

    def __init__(self, conn: Connection):
        self.conn = conn
        self._norm: dict[tuple[str, str], list[dict]] = defaultdict(list)
        self._skel: dict[tuple[str, str], list[dict]] = defaultdict(list)
        self._block: dict[tuple[str, str], list[dict]] = defaultdict(list)
        self._kb: dict[tuple[str, str], int] = {}  # (type, KB id) -> lowest entity id
        self._entities: dict[int, tuple[str, str | None, str]] = {}  # id -> (name, KB id, type)
        self._order = count()

    def load(self, rows) -> None:
        """Read what the store holds under the names and KB ids of these document entities."""
        norms: set[str] = set()
        skels: set[str] = set()
        blocks: set[str] = set()
        kb_ids: set[str] = set()
        for row in rows:
            names = keys.name_keys([row["name"], *(a["name"] for a in row["aliases"] or [])])
            norms |= set(names)
            skels |= set(names.values())
            primary = fold(row["name"])
            if primary:
                blocks.add(keys.block(primary))
            if row["kb_id"]:
                kb_ids.add(row["kb_id"])
        seen: set[int] = set()
        found = []
        for column, values in ((t.aliases.c.norm, norms), (t.aliases.c.skel, skels), (t.aliases.c.block, blocks)):
            ordered = sorted(values)
            for i in range(0, len(ordered), _CHUNK):
                query = (
                    select(t.aliases.c.id, t.aliases.c.entity_id, t.aliases.c.norm, t.aliases.c.skel,
                           t.aliases.c.block, t.aliases.c.name, t.entities.c.name.label("entity_name"),
                           t.entities.c.kb_id, t.entities.c.type)
                    .join(t.entities, t.entities.c.id == t.aliases.c.entity_id)
                    .where(column.in_(ordered[i:i + _CHUNK]))
                )
                for r in self.conn.execute(query).mappings():
                    if r["id"] not in seen:
                        seen.add(r["id"])
                        found.append(r)
        for r in sorted(found, key=lambda r: r["id"]):
            self._entities[r["entity_id"]] = (r["entity_name"], r["kb_id"], r["type"])
            self._add(r["type"], {"entity_id": r["entity_id"], "norm": r["norm"], "skel": r["skel"],
                                  "block": r["block"], "name": r["name"], "entity_name": r["entity_name"],
                                  "kb_id": r["kb_id"]})
        ordered = sorted(kb_ids)
        for i in range(0, len(ordered), _CHUNK):
            query = (select(t.entities.c.id, t.entities.c.name, t.entities.c.kb_id, t.entities.c.type)
                     .where(t.entities.c.kb_id.in_(ordered[i:i + _CHUNK])))
            for r in self.conn.execute(query):
                self._entities[r[0]] = (r[1], r[2], r[3])
                self._add_kb(r[3], r[2], r[0])

    # -- lookups ---------------------------------------------------------------------------------

    def by_names(self, type_: str, norms: set[str], skels: set[str]) -> list[dict]:
        """Aliases of entities of a type whose norm is one of `norms` or whose skeleton is one of `skels`."""
        hits = {id(h): h for n in norms for h in self._norm.get((type_, n), ())}
        hits.update({id(h): h for s in skels for h in self._skel.get((type_, s), ())})
        return sorted(hits.values(), key=lambda h: h["order"])

    def by_block(self, type_: str, block: str) -> list[dict]:
        return list(self._block.get((type_, block), ()))

    def by_kb(self, type_: str, kb_id: str) -> int | None:
        return self._kb.get((type_, kb_id))

    # -- what the resolver adds ------------------------------------------------------------------

    def entity(self, entity_id: int, name: str, kb_id: str | None, type_: str) -> None:
        """An entity the resolver founded (or took back from the pool)."""
        self._entities[entity_id] = (name, kb_id, type_)
        if kb_id:
            self._add_kb(type_, kb_id, entity_id)

    def alias(self, row: dict) -> None:
        """An alias row the resolver is about to write (its entity known here or in the store)."""
        name, kb_id, type_ = self._facts(row["entity_id"])
        self._add(type_, {"entity_id": row["entity_id"], "norm": row["norm"], "skel": row["skel"],
                          "block": row["block"], "name": row["name"], "entity_name": name, "kb_id": kb_id})

    def _facts(self, entity_id: int) -> tuple[str, str | None, str]:
        if entity_id not in self._entities:
            r = self.conn.execute(select(t.entities.c.name, t.entities.c.kb_id, t.entities.c.type)
                                  .where(t.entities.c.id == entity_id)).one()
            self._entities[entity_id] = (r[0], r[1], r[2])
        return self._entities[entity_id]

    def _add(self, type_: str, hit: dict) -> None:
        hit["order"] = next(self._order)
        self._norm[(type_, hit["norm"])].append(hit)
        if hit["skel"] is not None:
            self._skel[(type_, hit["skel"])].append(hit)
        if hit["block"] is not None:
            self._block[(type_, hit["block"])].append(hit)

    def _add_kb(self, type_: str, kb_id: str, entity_id: int) -> None:
        key = (type_, kb_id)
        if key not in self._kb or entity_id < self._kb[key]:
            self._kb[key] = entity_id
