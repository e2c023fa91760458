"""The resolver's name and knowledge-base lookups for a whole batch of document entities at once.

Resolving one document entity used to ask the database twice (its KB id, then its names) after
writing what the previous one joined: thousands of round trips for a batch of a build. `Lookups`
reads, in a few queries, every alias that carries one of the batch's names (folded or as a
skeleton, or in the fuzzy-matching block of its name) and every entity with one of its KB ids, then keeps up to date in memory with what the
resolver adds during the batch (aliases, new entities). A lookup answers exactly what the two
queries would have answered on the database at that moment, in alias-id order, less the later copies
of an alias (the same entity, name and keys, from another document), which never change its answer.
"""
from __future__ import annotations

from typing import Any, Iterable, Mapping, Sequence

from functools import lru_cache

from sqlalchemy import Integer, Text, func, select
from sqlalchemy.engine import Connection

from ..namefold import fold
from ..store import schema as t
from . import keys
from ..store.bulk import in_parameter
from ..store.packed import Packed

_CHUNK = 500


@lru_cache(maxsize=None)
def _leads_query(key: str, postgres: bool) -> Packed:
    """The lead aliases whose `key` (norm, skel or block) is one of the parameter `values`: one row per
    distinct alias (entity, name and keys) with its earliest id."""
    al = t.aliases.c
    grouped = (al.entity_id, al.norm, al.skel, al.name, al.block)
    among = in_parameter(postgres, al[key], "values", type_=Text())
    return Packed(select(func.min(al.id).label("id"), *grouped).where(al.lead, among).group_by(*grouped), (), postgres)


@lru_cache(maxsize=None)
def _entities_query(postgres: bool) -> Packed:
    """The entities of the parameter `ids`: their names, KB ids and types."""
    e = t.entities.c
    return Packed(select(e.id, e.name, e.kb_id, e.type).where(in_parameter(postgres, e.id, "ids", type_=Integer())),
                  (), postgres)


class Lookups:
    def __init__(self, conn: Connection, rows: Iterable[Mapping[Any, Any]]) -> None:
        self.conn = conn
        norms: set[str] = set()
        skels: set[str] = set()
        kb_ids: set[str] = set()
        blocks: set[str] = set()
        for row in rows:
            primary = fold(row["name"])
            if primary:
                blocks.add(keys.block(primary))
            names = keys.name_keys([row["name"], *(a["name"] for a in row["aliases"] or [])])
            norms |= set(names)
            skels |= set(names.values())
            if row["kb_id"]:
                kb_ids.add(row["kb_id"])
        self.info: dict[int, tuple[str, str | None, str]] = {}  # entity id -> (name, kb id, type)
        self.by_norm: dict[str, list[dict[str, Any]]] = {}
        self.by_skel: dict[str, list[dict[str, Any]]] = {}
        self.by_block: dict[str, list[dict[str, Any]]] = {}
        self.kb: dict[tuple[str, str], int] = {}  # (kb id, type) -> the oldest entity with it
        self._order = 0
        self._keys: set[tuple[Any, ...]] = set()  # (entity_id, norm, skel, name, block) of every alias held
        # One row per distinct alias (entity, name, keys), with its earliest id: a name is stored once per
        # document that gives it, and reading every copy made each batch cost more as the store grew. The
        # resolver keeps, per entity, the first alias that scores best, so the later copies never changed it.
        # Only the leads are read (graph.leads: the earliest row of each key leads, and a later copy leads
        # only where its writer could not tell; grouping reads such a key once).
        # Their entities are read apart, by id: joined in, PostgreSQL's planner (which cannot tell how few
        # leads a list of names finds) scanned every entity in parallel for each batch.
        # One query per key, each on its own index, its values one array on PostgreSQL (in chunks elsewhere):
        # asked as one OR of the three lists, PostgreSQL's planner read every lead alias and tested it against
        # each list (18 ms on the server for 37,000 leads, growing with the store, against 2-3 ms each apart).
        # Their rows (thousands a batch, more as the store grows) come packed by the server (store.packed).
        postgres = conn.dialect.name == "postgresql"
        # Read as tuples (store.packed): making a dict of each row cost the writer three times decoding them.
        found: dict[int, Sequence[Any]] = {}  # earliest alias id -> its row: id, entity_id, norm, skel, name, block
        for key, values in (("norm", sorted(norms)), ("skel", sorted(skels)), ("block", sorted(blocks))):
            step = max(len(values), 1) if postgres else _CHUNK  # one array there
            for i in range(0, len(values), step):
                for hit in _leads_query(key, postgres).tuples(conn, {"values": values[i:i + step]}):
                    found[hit[0]] = hit  # an alias found by two keys: its group, so its earliest id, is the same
        entity_ids = sorted({hit[1] for hit in found.values()})
        for i in range(0, len(entity_ids), 5000):
            for entity_id, name, kb_id, type_ in _entities_query(postgres).tuples(conn, {"ids": entity_ids[i:i + 5000]}):
                self.info[entity_id] = (name, kb_id, type_)
        for alias_id in sorted(found):
            self._index(*found[alias_id][1:])
        values = sorted(kb_ids)
        for i in range(0, len(values), _CHUNK):
            for eid, kb_id, etype, name in conn.execute(
                    select(t.entities.c.id, t.entities.c.kb_id, t.entities.c.type, t.entities.c.name)
                    .where(t.entities.c.kb_id.in_(values[i:i + _CHUNK])).order_by(t.entities.c.id)):
                self.kb.setdefault((kb_id, etype), eid)
                self.info.setdefault(eid, (name, kb_id, etype))

    def _index(self, entity_id: int, norm: str, skel: str | None, name: str, block: str | None) -> None:
        self._order += 1
        self._keys.add((entity_id, norm, skel, name, block))
        alias = {"order": self._order, "entity_id": entity_id, "norm": norm, "skel": skel, "name": name}
        self.by_norm.setdefault(norm, []).append(alias)
        if skel is not None:
            self.by_skel.setdefault(skel, []).append(alias)
        if block is not None:
            self.by_block.setdefault(block, []).append(alias)

    # -- what the resolver adds ------------------------------------------------------------------

    def entity_created(self, entity_id: int, name: str, kb_id: str | None, type_: str) -> None:
        self.info[entity_id] = (name, kb_id, type_)
        if kb_id:
            self.kb.setdefault((kb_id, type_), entity_id)

    def knows(self, alias: Mapping[str, Any]) -> bool:
        """Whether an alias of this entity, name and keys is held: stored before (so its earliest row leads)
        or added in this batch. A new row of it need not lead (graph.leads)."""
        return (alias["entity_id"], alias["norm"], alias["skel"], alias["name"], alias["block"]) in self._keys

    def aliases_added(self, aliases: list[dict[str, Any]]) -> None:
        for a in aliases:
            self._entity(a["entity_id"])
            self._index(a["entity_id"], a["norm"], a["skel"], a["name"], a["block"])

    # -- lookups -----------------------------------------------------------------------------------

    def by_kb(self, kb_id: str, type_: str) -> int | None:
        return self.kb.get((kb_id, type_))

    def hits(self, norms: set[str], skels: set[str], type_: str) -> list[dict[str, Any]]:
        """Aliases of entities of this type carrying one of the names, as the resolver's query gives them."""
        seen: dict[int, dict[str, Any]] = {}
        for index, wanted in ((self.by_norm, norms), (self.by_skel, skels)):
            for value in wanted:
                for a in index.get(value, ()):
                    seen[a["order"]] = a
        out = []
        for order in sorted(seen):
            a = seen[order]
            name, kb_id, entity_type = self._entity(a["entity_id"])
            if entity_type == type_:
                out.append({"entity_id": a["entity_id"], "norm": a["norm"], "skel": a["skel"], "name": a["name"],
                            "entity_name": name, "kb_id": kb_id})
        return out

    def in_block(self, block: str, type_: str) -> list[dict[str, Any]]:
        """Aliases in this fuzzy-matching block of entities of this type (entity_id, norm, name, kb_id)."""
        out = []
        for a in self.by_block.get(block, ()):
            _name, kb_id, entity_type = self._entity(a["entity_id"])
            if entity_type == type_:
                out.append({"entity_id": a["entity_id"], "norm": a["norm"], "name": a["name"], "kb_id": kb_id})
        return out

    def _entity(self, entity_id: int) -> tuple[str, str | None, str]:
        if entity_id not in self.info:  # joined by a rule or a fuzzy match: read once
            r = self.conn.execute(select(t.entities.c.name, t.entities.c.kb_id, t.entities.c.type)
                                  .where(t.entities.c.id == entity_id)).first()
            self.info[entity_id] = (r[0], r[1], r[2]) if r else (fold(""), None, "")
        return self.info[entity_id]
