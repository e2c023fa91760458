"""The user's decisions as rules that resolution follows, on every document, in every rebuild.

A merge of A and B joins their names: a document entity whose KB id or own name is one of theirs
goes to the entity that holds them. A split of aliases off an entity keeps those names apart: a
document entity called by one of them never joins the entity they were split from, and that entity
never takes them as aliases again. Decisions are recorded by names and KB ids, not by entity ids, so
they hold when the map is rebuilt from the documents.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Mapping

from sqlalchemy import select
from sqlalchemy.engine import Connection

from ..namefold import fold
from ..store import schema as t

if TYPE_CHECKING:
    from .resolve import Resolver

NEW = 0  # the entity id a rule gives when the document entity must found its own entity


@dataclass(frozen=True)
class MergeRule:
    decision: int
    type: str
    names: frozenset[str]  # folded
    kb_ids: frozenset[str]
    into: int  # the entity id A had when the merge was made (preferred if it still exists)


@dataclass(frozen=True)
class SplitRule:
    decision: int
    type: str
    names: frozenset[str]  # the split-off names, folded
    keep_name: str  # the folded canonical name of the entity they were split from
    keep_kb: str | None


@dataclass
class Rules:
    merges: list[MergeRule] = field(default_factory=list)
    splits: list[SplitRule] = field(default_factory=list)

    def __bool__(self) -> bool:
        return bool(self.merges or self.splits)

    def direct(self, resolver: Resolver, row: Mapping[Any, Any], primary: str) -> tuple[int, str] | None:
        """Where a decision sends this document entity: (entity id or NEW, reason), or None."""
        manual = (row["attributes"] or {}).get("manual_entity")
        if manual and manual["type"] == row["type"]:  # an end of a manual tie: the entity the analyst chose
            reason = f"chosen by an analyst (review #{row['attributes'].get('review')})"
            targets = resolver.holders(set(manual["norms"]), {manual["kb_id"]} if manual["kb_id"] else set(), row["type"])
            if manual["id"] in targets or manual["id"] in resolver.pool:
                return manual["id"], reason
            if targets:
                return targets[0], reason
        for rule in reversed(self.splits):
            if rule.type == row["type"] and primary in rule.names:
                targets = [e for e in resolver.holders(set(rule.names), set(), rule.type)
                           if not self._is_keeper(resolver, rule, e)]
                return (targets[0] if targets else NEW), f"split off by decision #{rule.decision}"
        for merge in reversed(self.merges):
            if merge.type == row["type"] and (primary in merge.names or (row["kb_id"] and row["kb_id"] in merge.kb_ids)):
                targets = resolver.holders(set(merge.names), set(merge.kb_ids), merge.type)
                if merge.into in targets or merge.into in resolver.pool:
                    return merge.into, f"merged by decision #{merge.decision}"
                if targets:
                    return targets[0], f"merged by decision #{merge.decision}"
                return None
        return None

    def blocked_names(self, resolver: Resolver, entity_id: int) -> set[str]:
        """Names this entity must not take as aliases: those split off it."""
        out: set[str] = set()
        for rule in self.splits:
            if self._is_keeper(resolver, rule, entity_id):
                out |= rule.names
        return out

    @staticmethod
    def _is_keeper(resolver: Resolver, rule: SplitRule, entity_id: int) -> bool:
        """Whether an entity is the one the names were split from: its name, KB id or an alias says so."""
        row = resolver.conn.execute(
            select(t.entities.c.name, t.entities.c.kb_id, t.entities.c.type).where(t.entities.c.id == entity_id)
        ).first()
        if row is None or row[2] != rule.type:
            return False
        if fold(row[0]) == rule.keep_name or (rule.keep_kb and row[1] == rule.keep_kb):
            return True
        return entity_id in resolver.holders({rule.keep_name}, set(), rule.type)


def active(conn: Connection) -> Rules:
    """The rules of every decision not undone, oldest first."""
    rules = Rules()
    rows = conn.execute(
        select(t.decisions).where(t.decisions.c.undone_at.is_(None)).order_by(t.decisions.c.id)
    ).mappings()
    for row in rows:
        p = row["payload"]
        if row["kind"] == "merge":
            a, b = p["into"], p["from"]
            rules.merges.append(MergeRule(
                row["id"], a["type"], frozenset(a["norms"]) | frozenset(b["norms"]),
                frozenset(k for k in (a["kb_id"], b["kb_id"]) if k), a["id"]))
        elif row["kind"] == "split":
            e = p["entity"]
            rules.splits.append(SplitRule(row["id"], e["type"], frozenset(p["split_norms"]), fold(e["name"]), e["kb_id"]))
    return rules
