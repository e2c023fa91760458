"""The audit trail: who changed what, when, what it was before, what it became, and why.

Every change a person makes (a review, a merge or split, a rename, a source grade, a document's
metadata, a user) is recorded by `record` in the same transaction as the change itself, so a change
without its entry cannot exist. The store refuses to change or delete an entry (database triggers,
migration 0012), and neither the Python API, the CLI nor the web app offers a way to: the log only
grows. It never holds a password or a password hash.
"""
from __future__ import annotations

import csv
import datetime as dt
import io
import json
from dataclasses import dataclass
from typing import Any, Iterable

from sqlalchemy import and_, insert, select
from sqlalchemy.engine import Connection

from .store import schema as t

TARGETS = ("tie", "entity", "document", "source", "user", "review")
COLUMNS = ["id", "at", "actor", "action", "target_type", "target_id", "target_label", "before", "after", "reason"]


@dataclass(frozen=True)
class Entry:
    id: int
    at: dt.datetime
    actor: str
    action: str
    target_type: str
    target_id: str
    target_label: str | None
    before: Any
    after: Any
    reason: str | None

    def as_dict(self) -> dict[str, Any]:
        return {"id": self.id, "at": self.at.isoformat(), "actor": self.actor, "action": self.action,
                "target_type": self.target_type, "target_id": self.target_id, "target_label": self.target_label,
                "before": self.before, "after": self.after, "reason": self.reason}


def plain(value: Any) -> Any:
    """A value as JSON can hold it: dates as ISO text, sets as sorted lists, enums as their value."""
    if isinstance(value, dict):
        return {str(k): plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [plain(v) for v in value]
    if isinstance(value, (set, frozenset)):
        return sorted(plain(v) for v in value)
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    if hasattr(value, "value") and not isinstance(value, (str, int, float, bool)):
        return value.value
    return value


def record(conn: Connection, actor: str, action: str, target_type: str, target_id: object, *,
           label: str | None = None, before: Any = None, after: Any = None, reason: str | None = None) -> int:
    """Append one entry; returns its id. Call it inside the transaction that makes the change."""
    if target_type not in TARGETS:
        raise ValueError(f"audit target {target_type!r}: expected one of {', '.join(TARGETS)}")
    row = {"at": dt.datetime.now(dt.timezone.utc), "actor": actor, "action": action, "target_type": target_type,
           "target_id": str(target_id), "target_label": label, "before": plain(before), "after": plain(after),
           "reason": (reason or "").strip() or None}
    return conn.execute(insert(t.audit_log).values(**row)).inserted_primary_key[0]


def entries(conn: Connection, *, target_type: str | None = None, target_ids: Iterable[object] | None = None,
            actor: str | None = None, action: str | None = None, limit: int | None = None,
            newest_first: bool = True) -> list[Entry]:
    """Entries, filtered by what they are about, who made them and what they did."""
    conds = []
    if target_type:
        conds.append(t.audit_log.c.target_type == target_type)
    if target_ids is not None:
        conds.append(t.audit_log.c.target_id.in_([str(x) for x in target_ids]))
    if actor:
        conds.append(t.audit_log.c.actor == actor)
    if action:
        conds.append(t.audit_log.c.action == action)
    order = t.audit_log.c.id.desc() if newest_first else t.audit_log.c.id
    query = select(t.audit_log).where(and_(True, *conds)).order_by(order)
    if limit:
        query = query.limit(limit)
    return [_entry(r) for r in conn.execute(query).mappings()]


def _entry(r) -> Entry:
    at = r["at"]
    if at.tzinfo is None:  # SQLite gives naive datetimes back
        at = at.replace(tzinfo=dt.timezone.utc)
    return Entry(r["id"], at, r["actor"], r["action"], r["target_type"], r["target_id"], r["target_label"],
                 r["before"], r["after"], r["reason"])


def to_jsonl(found: Iterable[Entry]) -> str:
    return "".join(json.dumps(e.as_dict(), ensure_ascii=False) + "\n" for e in found)


def to_csv(found: Iterable[Entry]) -> str:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=COLUMNS, lineterminator="\n")
    writer.writeheader()
    for e in found:
        row = e.as_dict()
        row["before"] = "" if e.before is None else json.dumps(e.before, ensure_ascii=False, sort_keys=True)
        row["after"] = "" if e.after is None else json.dumps(e.after, ensure_ascii=False, sort_keys=True)
        writer.writerow(row)
    return out.getvalue()


FORMATS = {"jsonl": to_jsonl, "csv": to_csv}
