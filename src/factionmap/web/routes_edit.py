"""Edits in the browser and their JSON twins: entities (merge, split, undo, rename, kind, external
ids), sources' grades, documents' metadata, users; and the audit log. Writes go through
factionmap.review.Editor behind auth.require (CSRF token and role)."""
from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Depends, HTTPException, Query, Request
from fastapi.responses import HTMLResponse, PlainTextResponse, RedirectResponse
from pydantic import BaseModel, Field
from starlette.concurrency import run_in_threadpool

from .. import audit
from ..accounts import users as users_mod
from ..accounts.roles import Actor
from ..graph import Graph, jsonify
from ..graph import sources as sources_mod
from ..review import Editor
from . import auth
from .pages import page
from .deps import find_entity, graph

api = APIRouter(prefix="/api", tags=["edits"])
pages = APIRouter(include_in_schema=False)
ENTITIES = Depends(auth.require("entities"))
DOCUMENTS = Depends(auth.require("documents"))
SOURCES = Depends(auth.require("sources"))
USERS = Depends(auth.require("users"))


class Note(BaseModel):
    note: str | None = Field(None, description="Why; recorded in the audit log")


class MergeIn(Note):
    other: str = Field(..., description="The entity (id, name or alias) to fuse into this one")


class SplitIn(Note):
    aliases: list[str]


class RenameIn(Note):
    name: str


class KindIn(Note):
    kind: str


class ExternalIdIn(Note):
    scheme: str = Field(..., description="e.g. wikidata")
    value: str | None = Field(None, description="e.g. Q1234; null removes the id")


class SourceIn(Note):
    name: str = Field(..., description="A publisher or author")
    reliability: str | None = Field(None, description="A-F; null: back to the configuration's grade")


class DocumentIn(Note):
    title: str | None = None
    author: str | None = None
    publisher: str | None = None
    published: str | None = None
    url: str | None = None
    source_kind: str | None = None


class UserIn(BaseModel):
    name: str
    role: str
    password: str


class RoleIn(BaseModel):
    role: str


class PasswordIn(BaseModel):
    password: str


def _ed(request: Request, who: Actor) -> Editor:
    return Editor(request.app.state.store, who)


def _entity_id(request: Request, ref: str) -> int:
    return find_entity(Graph(request.app.state.store), ref).id


def entity_action(request: Request, who: Actor, ref: str, action: str, data: dict):
    """One entity edit (merge, split, rename, kind, external-ids), as the API and the forms ask it."""
    ed, eid, note = _ed(request, who), _entity_id(request, ref), data.get("note") or None
    if action == "merge":
        return ed.merge(eid, _entity_id(request, str(data.get("other") or "")), note=note)
    if action == "split":
        aliases = data.get("aliases") or []
        return ed.split(eid, [aliases] if isinstance(aliases, str) else list(aliases), note=note)
    if action == "rename":
        return ed.edit_entity(eid, "rename", data.get("name", ""), note=note)
    if action == "kind":
        return ed.edit_entity(eid, "set_kind", data.get("kind", ""), note=note)
    if action == "external-ids":
        return ed.edit_entity(eid, "external_id", data.get("value") or None, scheme=data.get("scheme", ""), note=note)
    raise HTTPException(404, f"no action {action!r} on entities")


@api.post("/entities/{ref}/merge", summary="Fuse another entity into this one (undo: /api/decisions/{id}/undo)")
def api_merge(request: Request, ref: str, body: MergeIn, who: Actor = ENTITIES) -> dict[str, Any]:
    return jsonify.decision(entity_action(request, who, ref, "merge", body.model_dump()))


@api.post("/entities/{ref}/split", summary="Take aliases off this entity, into a new one")
def api_split(request: Request, ref: str, body: SplitIn, who: Actor = ENTITIES) -> dict[str, Any]:
    return jsonify.decision(entity_action(request, who, ref, "split", body.model_dump()))


@api.post("/entities/{ref}/rename", summary="Give this entity a new canonical name")
def api_rename(request: Request, ref: str, body: RenameIn, who: Actor = ENTITIES) -> dict[str, Any]:
    return jsonify.decision(entity_action(request, who, ref, "rename", body.model_dump()))


@api.post("/entities/{ref}/kind", summary="Say what kind of entity this is")
def api_kind(request: Request, ref: str, body: KindIn, who: Actor = ENTITIES) -> dict[str, Any]:
    return jsonify.decision(entity_action(request, who, ref, "kind", body.model_dump()))


@api.post("/entities/{ref}/external-ids", summary="Set (or remove) an id of this entity in another catalogue")
def api_external_id(request: Request, ref: str, body: ExternalIdIn, who: Actor = ENTITIES) -> dict[str, Any]:
    return jsonify.decision(entity_action(request, who, ref, "external-ids", body.model_dump()))


@api.get("/decisions", summary="Merges, splits, renames, kinds and external ids, oldest first")
def api_decisions(g: Graph = Depends(graph)) -> list[dict[str, Any]]:
    return [jsonify.decision(d) for d in g.decisions()]


@api.post("/decisions/{decision_id}/undo", summary="Undo a decision on entities")
def api_undo_decision(request: Request, decision_id: int, body: Note, who: Actor = ENTITIES) -> dict[str, Any]:
    return jsonify.decision(_ed(request, who).undo_decision(decision_id, note=body.note))


@api.get("/sources", summary="Source reliability grades (configuration, and those set in the app)")
def api_sources(request: Request) -> list[dict[str, Any]]:
    with request.app.state.store.engine.connect() as conn:
        return sources_mod.listing(conn)


@api.post("/sources", summary="Grade a publisher or author A-F (null: back to the configuration)")
def api_grade_source(request: Request, body: SourceIn, who: Actor = SOURCES) -> dict[str, Any]:
    before, after = _ed(request, who).grade_source(body.name, body.reliability, note=body.note)
    return {"name": body.name, "before": before, "after": after}


@api.post("/documents/{doc_id}/metadata", summary="Set a document's title, author, publisher, date, URL, kind")
def api_document_metadata(request: Request, doc_id: str, body: DocumentIn, who: Actor = DOCUMENTS) -> dict[str, Any]:
    fields = {k: getattr(body, k) for k in body.model_fields_set if k != "note"}
    return {"changed": _ed(request, who).edit_document(doc_id, fields, note=body.note)}


@api.get("/users", summary="Users and roles (admins only; never passwords)")
def api_users(request: Request, who: Actor = Depends(auth.require_read_users())) -> list[dict[str, Any]]:
    with request.app.state.store.engine.connect() as conn:
        return [u.as_dict() for u in users_mod.listing(conn)]


@api.post("/users", summary="Add a user (admins)")
def api_add_user(request: Request, body: UserIn, who: Actor = USERS) -> dict[str, Any]:
    return _ed(request, who).add_user(body.name, body.role, body.password).as_dict()


@api.post("/users/{name}/role", summary="Change a user's role (admins)")
def api_set_role(request: Request, name: str, body: RoleIn, who: Actor = USERS) -> dict[str, Any]:
    return _ed(request, who).set_role(name, body.role).as_dict()


@api.post("/users/{name}/disable", summary="Disable a user; their sessions end (admins)")
def api_disable(request: Request, name: str, who: Actor = USERS) -> dict[str, Any]:
    return _ed(request, who).set_disabled(name, True).as_dict()


@api.post("/users/{name}/enable", summary="Enable a disabled user (admins)")
def api_enable(request: Request, name: str, who: Actor = USERS) -> dict[str, Any]:
    return _ed(request, who).set_disabled(name, False).as_dict()


@api.post("/users/{name}/password", summary="Set a user's password (admins; their sessions end)")
def api_password(request: Request, name: str, body: PasswordIn, who: Actor = USERS) -> dict[str, Any]:
    return _ed(request, who).set_password(name, body.password).as_dict()


def log_entries(request: Request, target_type, target_id, actor, action, limit) -> list[audit.Entry]:
    ids = None
    if target_type == "entity" and target_id:
        ids = [_entity_id(request, target_id)]
    elif target_id:
        ids = [target_id]
    with request.app.state.store.engine.connect() as conn:
        return audit.entries(conn, target_type=target_type or None, target_ids=ids, actor=actor or None,
                             action=action or None, limit=limit)


@api.get("/log", summary="The audit trail, newest first (format=jsonl or csv to download it)")
def api_log(request: Request, target_type: str | None = Query(None, description="tie, entity, document, source, user"),
            target_id: str | None = None, actor: str | None = None, action: str | None = None,
            limit: int | None = Query(None, ge=1), format: str = Query("json", pattern="^(json|jsonl|csv)$")):
    found = log_entries(request, target_type, target_id, actor, action, limit)
    if format == "json":
        return [e.as_dict() for e in found]
    media = "text/csv" if format == "csv" else "application/x-ndjson"
    return PlainTextResponse(audit.FORMATS[format](found), media_type=media,
                             headers={"Content-Disposition": f'attachment; filename="factionmap-log.{format}"'})


# -- pages and forms -------------------------------------------------------------------------------

def _form(form) -> dict:
    out: dict = {}
    for key, value in form.multi_items():
        if key == auth.CSRF_FIELD or not isinstance(value, str):
            continue
        if key == "aliases":
            out.setdefault("aliases", []).append(value)
        else:
            out[key] = value
    return out


def _back(f: dict, default: str) -> RedirectResponse:
    return RedirectResponse(auth.safe_next(f.get("next") or default), status_code=303)


@pages.post("/entities/{ref}/{action}")
async def entity_form(request: Request, ref: str, action: str, who: Actor = ENTITIES):
    f = _form(await request.form())
    await run_in_threadpool(entity_action, request, who, ref, action, f)
    return _back(f, f"/entities/{ref}")


@pages.post("/decisions/{decision_id}/undo")
async def undo_decision_form(request: Request, decision_id: int, who: Actor = ENTITIES):
    f = _form(await request.form())
    await run_in_threadpool(lambda: _ed(request, who).undo_decision(decision_id, note=f.get("note") or None))
    return _back(f, "/")


@pages.get("/sources", response_class=HTMLResponse)
def sources_page(request: Request):
    with request.app.state.store.engine.connect() as conn:
        found = sources_mod.listing(conn)
        publishers = sorted({p for d in request.app.state.store.documents() for p in (d["publisher"], d["author"]) if p})
    return page(request, "sources.html", "/api/sources", sources=found, publishers=publishers)


@pages.post("/sources")
async def grade_source_form(request: Request, who: Actor = SOURCES):
    f = _form(await request.form())
    letter = (f.get("reliability") or "").strip() or None
    await run_in_threadpool(lambda: _ed(request, who).grade_source(f.get("name", ""), letter, note=f.get("note") or None))
    return _back(f, "/sources")


@pages.post("/documents/{doc_id}/metadata")
async def document_form(request: Request, doc_id: str, who: Actor = DOCUMENTS):
    f = _form(await request.form())
    fields = {k: f[k] for k in ("title", "author", "publisher", "published", "url", "source_kind")
              if k in f and f[k] != f.get(f"{k}_was", "")}
    if fields:
        await run_in_threadpool(lambda: _ed(request, who).edit_document(doc_id, fields, note=f.get("note") or None))
    return _back(f, f"/documents/{doc_id}")


@pages.get("/users", response_class=HTMLResponse)
def users_page(request: Request, who: Actor = Depends(auth.require_read_users())):
    with request.app.state.store.engine.connect() as conn:
        found = users_mod.listing(conn)
    return page(request, "users.html", "/api/users", users=found, roles=["viewer", "analyst", "admin"])


@pages.post("/users")
async def users_form(request: Request, who: Actor = USERS):
    f = _form(await request.form())
    ed, name = _ed(request, who), f.get("name", "")
    what = f.get("action", "add")
    if what == "add":
        call = lambda: ed.add_user(name, f.get("role", ""), f.get("password", ""))  # noqa: E731
    elif what == "role":
        call = lambda: ed.set_role(name, f.get("role", ""))  # noqa: E731
    elif what in ("disable", "enable"):
        call = lambda: ed.set_disabled(name, what == "disable")  # noqa: E731
    else:
        raise HTTPException(422, f"unknown user action {what!r}")
    await run_in_threadpool(call)
    return _back(f, "/users")


@pages.get("/log", response_class=HTMLResponse)
def log_page(request: Request, target_type: str = "", target_id: str = "", actor: str = "", action: str = ""):
    found = log_entries(request, target_type, target_id, actor, action, 500)
    query = request.url.query
    return page(request, "log.html", "/api/log" + (f"?{query}" if query else ""), entries=[e.as_dict() for e in found],
                target_type=target_type, target_id=target_id, actor=actor, action=action,
                csv_href="/api/log?" + "&".join(p for p in (query, "format=csv") if p))
