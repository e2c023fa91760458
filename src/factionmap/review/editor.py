"""`Editor`: every change a person makes to a store, checked against their role and recorded in the
audit log, in the same transaction as the change. The web app, its JSON API and the CLI all write
through it, so the checks are the same whoever asks.

    from factionmap.review import Editor, local_actor
    ed = Editor(store, local_actor())            # a store without users: the person at this machine
    ed.confirm(12, note="stated by the group itself")
    ed.correct(15, {"start": "2014-06"}, note="the pledge was in June")
    ed.add_tie(doc_id, 120, 188, subject=3, relation="allegiance_to", object=7)
"""
from __future__ import annotations

import getpass
from typing import Any

from sqlalchemy import select, update

from .. import audit
from ..accounts import users as users_mod
from ..accounts.roles import Actor
from ..errors import FactionmapError, NotFound, PermissionDenied
from ..graph import Graph
from ..graph import decisions as decisions_mod
from ..graph import aggregate, maintain, manual, reviews, sources
from ..ingest.metadata import KEYS as METADATA_KEYS
from ..store import Store
from ..store import schema as t

DOCUMENT_FIELDS = ("title", "author", "publisher", "published", "url", "source_kind")


def local_actor(name: str | None = None) -> Actor:
    """The person at this machine, for a store without users (named by their login)."""
    try:
        login = name or getpass.getuser()
    except (KeyError, OSError):
        login = "unknown"
    return Actor(f"local:{login}", "admin", local=True)


def actor_for(store: Store, name: str | None, password: str | None) -> Actor:
    """Who acts from the command line: without users, the local operator; with users, a user whose
    password checks out (the same checks as a login)."""
    with store.transaction() as conn:
        if not users_mod.any_active(conn):
            return local_actor(name)
        if not name:
            raise PermissionDenied("this store has users: say who you are with --as NAME (or $FACTIONMAP_USER)")
        user = users_mod.verify(conn, name, password or "")
    if user is None:
        raise PermissionDenied(f"user {name!r}: wrong name or password, or the user is disabled")
    return Actor(user.name, user.role)


def _tie_label(tie: dict) -> str:
    return f"{tie['subject']['name']} {tie['relation']} {tie['object']['name']}"


class Editor:
    def __init__(self, store: Store, actor: Actor):
        self.store = store
        self.actor = actor
        self.graph = Graph(store)

    def _tx(self, action: str):
        self.actor.require(action)
        return self.store.transaction()

    def _refresh(self, conn, review: reviews.Review) -> None:
        """The map follows a review: the ties of every entity it involves are aggregated again."""
        find = reviews.EntityFinder(conn)
        involved = {find(review.tie["subject"]), find(review.tie["object"])}
        involved |= {find(review.change[e]) for e in ("subject", "object") if isinstance(review.change.get(e), dict)}
        aggregate.refresh(conn, {i for i in involved if i is not None})

    def _log_review(self, conn, review: reviews.Review, action: str, before: Any) -> None:
        after = reviews.get(conn, review.id)
        tie_id = (after.tie_ids or [review.tie.get("id")])[0]
        audit.record(conn, self.actor.name, action, "tie", tie_id if tie_id is not None else f"review:{review.id}",
                     label=_tie_label(review.tie), before=before,
                     after={"review": review.id, "kind": review.kind, "verdict": review.verdict,
                            "change": reviews.plain_change(review.change), "ties": after.tie_ids},
                     reason=review.note)

    # -- reviews -------------------------------------------------------------------------------

    def review(self, kind: str, tie_id: int, *, note: str | None = None, change: dict | None = None,
               grade: str | None = None, expected=reviews.UNSET) -> reviews.Review:
        """Confirm, reject or correct a tie. `expected`: the id of the review in force the reviewer saw
        (None: none); if someone reviewed the tie since, ReviewConflict says who and nothing is written."""
        with self._tx("review") as conn:
            before_row = conn.execute(select(t.ties).where(t.ties.c.id == int(tie_id))).mappings().first()
            if before_row is None:
                raise NotFound(f"no tie {tie_id}")
            change = dict(change or {})
            for end in ("subject", "object"):  # an id, a name or an alias
                if change.get(end) not in (None, ""):
                    change[end] = self.graph.entity_id(change[end])
            if grade:
                change["grade"] = grade
            review = reviews.record(conn, kind, int(tie_id), self.actor.name, note=note, change=change,
                                    expected=expected)
            self._refresh(conn, review)
            before = {k: before_row[k] for k in ("status", "grade", "confidence", "review", "review_id",
                                                 "start_iso", "end_iso")}
            self._log_review(conn, review, kind, before)
            return reviews.get(conn, review.id)

    def confirm(self, tie_id: int, *, note=None, grade=None, expected=reviews.UNSET) -> reviews.Review:
        return self.review("confirm", tie_id, note=note, grade=grade, expected=expected)

    def reject(self, tie_id: int, *, note=None, expected=reviews.UNSET) -> reviews.Review:
        return self.review("reject", tie_id, note=note, expected=expected)

    def correct(self, tie_id: int, change: dict, *, note=None, grade=None, expected=reviews.UNSET) -> reviews.Review:
        return self.review("correct", tie_id, note=note, change=change, grade=grade, expected=expected)

    def add_tie(self, doc_id: str, start: int, end: int, *, subject, relation: str, object, start_date=None,
                end_date=None, stance: str = "asserted", note: str | None = None,
                grade: str | None = None) -> reviews.Review:
        """A tie an analyst reads in a passage (document offsets start..end), cited by that passage."""
        doc = self.store.document(doc_id)
        sid, oid = self.graph.entity_id(subject), self.graph.entity_id(object)
        with self._tx("review") as conn:
            review = manual.add(conn, self.actor.name, doc.id, int(start), int(end), sid, relation, oid,
                                start_date=start_date, end_date=end_date, stance=stance, note=note, grade=grade)
            rows = conn.execute(select(t.doc_entities).where(
                t.doc_entities.c.doc_id == doc.id, t.doc_entities.c.key.like(f"manual:{review.id}:%"))
                .order_by(t.doc_entities.c.id)).mappings().all()
            from ..graph.resolve import Resolver
            from ..graph import rules

            touched = Resolver(conn, rules.active(conn)).attach_rows(rows)
            aggregate.refresh(conn, touched)
            self._log_review(conn, review, "add", None)
            return reviews.get(conn, review.id)

    def undo_review(self, review_id: int, *, note: str | None = None) -> reviews.Review:
        with self._tx("review") as conn:
            reviews.lock(conn)
            review = reviews.mark_undone(conn, int(review_id))
            touched: set[int] = set()
            if review.kind == "add":
                touched = manual.remove(conn, review.id, review.change["doc_id"])
                empty = maintain._empty(conn, touched)
                if empty:
                    conn.execute(t.entities.delete().where(t.entities.c.id.in_(empty)))
                    touched -= set(empty)
            aggregate.refresh(conn, touched)
            self._refresh(conn, review)
            audit.record(conn, self.actor.name, "undo review", "tie", (review.tie_ids or [review.tie.get("id")])[0],
                         label=_tie_label(review.tie), before={"review": review.id, "kind": review.kind},
                         after={"review": review.id, "undone": True}, reason=note)
            return reviews.get(conn, review.id)

    # -- entities --------------------------------------------------------------------------------

    def _log_decision(self, conn, d, action: str, entity_id: int, note: str | None, before=None, after=None) -> None:
        label = conn.execute(select(t.entities.c.name).where(t.entities.c.id == entity_id)).scalar()
        audit.record(conn, self.actor.name, action, "entity", entity_id, label=label,
                     before=before, after=after if after is not None else {"decision": d.id, "what": d.description},
                     reason=note)

    def merge(self, a, b, *, note: str | None = None):
        ia, ib = self.graph.entity_id(a), self.graph.entity_id(b)
        with self._tx("entities") as conn:
            before = {"into": decisions_mod.snapshot(conn, ia), "from": decisions_mod.snapshot(conn, ib)}
            d = decisions_mod.merge(conn, ia, ib)
            self._log_decision(conn, d, "merge", ia, note, before={k: v["name"] for k, v in before.items()})
            return d

    def split(self, entity, aliases: list[str], *, note: str | None = None):
        eid = self.graph.entity_id(entity)
        with self._tx("entities") as conn:
            d = decisions_mod.split(conn, eid, list(aliases))
            self._log_decision(conn, d, "split", eid, note, before={"aliases": list(aliases)})
            return d

    def undo_decision(self, decision_id: int, *, note: str | None = None):
        with self._tx("entities") as conn:
            d = decisions_mod.undo(conn, int(decision_id))
            p = d.payload
            snap = p.get("into") or p.get("entity")
            target = reviews.EntityFinder(conn)(snap) or snap["id"]
            self._log_decision(conn, d, "undo", target, note, before={"decision": d.id, "what": d.description},
                               after={"decision": d.id, "undone": True})
            return d

    def edit_entity(self, entity, kind: str, value, *, scheme: str | None = None, note: str | None = None):
        """kind: rename (value: the new name), set_kind (value: a kind), external_id (scheme, value)."""
        eid = self.graph.entity_id(entity)
        with self._tx("entities") as conn:
            d = decisions_mod.edit(conn, kind, eid, value, scheme)
            field = {"rename": "name", "set_kind": "kind"}.get(kind, f"external id {scheme}")
            self._log_decision(conn, d, kind.replace("_", " "), eid, note, before={field: d.payload["before"]},
                               after={field: d.payload["after"], "decision": d.id})
            return d

    # -- sources and documents -------------------------------------------------------------------

    def grade_source(self, name: str, letter: str | None, *, note: str | None = None) -> tuple:
        """Grade a publisher or author A-F in the app (None: back to the configuration's grade)."""
        with self._tx("sources") as conn:
            before, after = sources.set_edit(conn, name, letter)
            if before != after:
                aggregate.refresh(conn, None)
            audit.record(conn, self.actor.name, "grade source", "source", name.strip(), label=name.strip(),
                         before={"reliability": before}, after={"reliability": after}, reason=note)
            return before, after

    def edit_document(self, doc_id: str, fields: dict, *, note: str | None = None) -> dict:
        """Set a document's title, author, publisher, published date, URL or source kind."""
        unknown = sorted(set(fields) - set(DOCUMENT_FIELDS))
        if unknown:
            raise FactionmapError(f"cannot edit {', '.join(unknown)}; editable: {', '.join(DOCUMENT_FIELDS)}")
        doc = self.store.document(doc_id)
        clean = _document_fields(doc.id, fields)
        with self._tx("documents") as conn:
            row = conn.execute(select(t.documents).where(t.documents.c.id == doc.id)).mappings().first()
            before = {k: row[k] for k in clean}
            changed = {k: v for k, v in clean.items() if before[k] != v}
            if not changed:
                raise FactionmapError(f"document {doc.id[:12]}: nothing changes")
            conn.execute(update(t.documents).where(t.documents.c.id == doc.id).values(**changed))
            if changed.keys() & {"author", "publisher", "published"}:
                entities = {r[0] for r in conn.execute(
                    select(t.entity_members.c.entity_id).join(t.doc_entities, t.doc_entities.c.id == t.entity_members.c.doc_entity_id)
                    .where(t.doc_entities.c.doc_id == doc.id))}
                aggregate.refresh(conn, entities)
            audit.record(conn, self.actor.name, "edit document", "document", doc.id, label=row["title"] or row["path"],
                         before={k: before[k] for k in changed}, after=changed, reason=note)
            return changed

    # -- users -------------------------------------------------------------------------------------

    def add_user(self, name: str, role: str, password: str) -> users_mod.User:
        with self._tx("users") as conn:
            user = users_mod.add(conn, name, role, password)
            audit.record(conn, self.actor.name, "add user", "user", user.name, label=user.name,
                         after={"role": user.role})
            return user

    def set_role(self, name: str, role: str) -> users_mod.User:
        with self._tx("users") as conn:
            before = users_mod.require(conn, name)
            user = users_mod.set_role(conn, name, role)
            audit.record(conn, self.actor.name, "set role", "user", user.name, label=user.name,
                         before={"role": before.role}, after={"role": user.role})
            return user

    def set_password(self, name: str, password: str) -> users_mod.User:
        if self.actor.name != name:
            self.actor.require("users")
        with self.store.transaction() as conn:
            user = users_mod.set_password(conn, name, password)
            audit.record(conn, self.actor.name, "set password", "user", user.name, label=user.name,
                         after={"password": "changed"})
            return user

    def set_disabled(self, name: str, disabled: bool) -> users_mod.User:
        with self._tx("users") as conn:
            user = users_mod.set_disabled(conn, name, disabled)
            audit.record(conn, self.actor.name, "disable user" if disabled else "enable user", "user", user.name,
                         label=user.name, after={"disabled": disabled})
            return user


def _document_fields(doc_id: str, fields: dict) -> dict:
    """Check a document's new metadata the way ingestion checks a sidecar's."""
    from ..ingest.metadata import validate

    given = {k: (v.strip() if isinstance(v, str) else v) for k, v in fields.items()}
    cleared = {k for k, v in given.items() if v in (None, "")}
    checked = validate({k: v for k, v in given.items() if k not in cleared}, f"document {doc_id[:12]}", strict=True)
    out = {k: None for k in cleared}
    for key in given.keys() - cleared:
        value = checked.get(key)
        out[key] = getattr(value, "value", value)
    return out


assert set(DOCUMENT_FIELDS) <= set(METADATA_KEYS)
