"""Reviews in the browser and their JSON twins: the queue, confirm / reject / correct a tie, add a tie
from a selected passage, undo a review. Every write goes through factionmap.review.Editor, behind
auth.require("review") (CSRF token and role), from the API and from the forms alike."""
from __future__ import annotations

from typing import Any
from urllib.parse import urlencode

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse
from pydantic import BaseModel, Field
from starlette.concurrency import run_in_threadpool

from ..accounts.roles import Actor
from ..graph import Graph, reviews
from ..review import Editor
from . import auth, serialize
from .pages import page
from .deps import find_entity, graph

api = APIRouter(prefix="/api", tags=["review"])
pages = APIRouter(include_in_schema=False)
REVIEW = Depends(auth.require("review"))


class ReviewIn(BaseModel):
    expected_review: int | None = Field(
        ..., description="The id of the review in force you saw on this tie (null: none). If someone reviewed "
                         "the tie since, the answer is 409 with their review, and nothing is written.")
    note: str | None = Field(None, description="Why; shown with the review and in the audit log")


class ConfirmIn(ReviewIn):
    grade: str | None = Field(None, description="The grade to give, e.g. B2 or 2 (default: credibility 1)")


class CorrectIn(ConfirmIn):
    relation: str | None = None
    swap: bool = Field(False, description="The direction is the other way round")
    subject: int | None = Field(None, description="Entity id of the right subject")
    object: int | None = Field(None, description="Entity id of the right object")
    start: str | None = Field(None, description="YYYY, YYYY-MM or YYYY-MM-DD; null or '' (when given) clears it")
    end: str | None = None
    stance: str | None = Field(None, description="asserted, reported or denied")


class AddTieIn(BaseModel):
    doc_id: str
    start_char: int = Field(..., description="Where the selected passage starts in the document's text")
    end_char: int
    subject: str = Field(..., description="Entity id, name or alias")
    relation: str
    object: str
    start: str | None = None
    end: str | None = None
    stance: str = "asserted"
    note: str | None = None
    grade: str | None = None


class UndoIn(BaseModel):
    note: str | None = None


def _change(body: CorrectIn) -> dict:
    given = body.model_fields_set
    change: dict = {}
    for name in ("relation", "subject", "object", "stance"):
        if getattr(body, name) not in (None, ""):
            change[name] = getattr(body, name)
    if body.swap:
        change["swap"] = True
    for name in ("start", "end"):
        if name in given:
            change[name] = getattr(body, name) or None
    return change


def form_change(f: dict) -> dict:
    """A correction from a form: fields left empty change nothing; entity fields take an id or a name."""
    change: dict = {}
    for name in ("relation", "stance"):
        if f.get(name):
            change[name] = f[name]
    for name in ("subject", "object"):
        if f.get(name, "").strip():
            change[name] = _ref(f[name])
    if f.get("swap") in ("1", "on", "true"):
        change["swap"] = True
    return change


def _ed(request: Request, who: Actor) -> Editor:
    return Editor(request.app.state.store, who)


@api.get("/review/queue", summary="Ties waiting for review, most in need first, with progress (twin of /review)")
def api_queue(entity: str | None = None, relation: str | None = None, document: str | None = None,
              limit: int = Query(20, ge=1, le=500), offset: int = Query(0, ge=0),
              skip: str | None = Query(None, description="Comma-separated tie ids passed over"),
              g: Graph = Depends(graph)) -> dict[str, Any]:
    return queue_json(g, entity, relation, document, limit, offset, skip)


def queue_json(g, entity, relation, document, limit, offset, skip) -> dict[str, Any]:
    ent = find_entity(g, entity) if entity else None
    skipped = {int(x) for x in (skip or "").split(",") if x.strip().isdigit()}
    q = g.review_queue(entity=ent, relation=relation or None, document=document or None, limit=limit,
                       offset=offset, skip=skipped)
    return {"reviewed": q.reviewed, "waiting": q.waiting, "total": q.total, "skipped": sorted(skipped),
            "filters": {"entity": ent.id if ent else None, "relation": relation or None, "document": document or None},
            "items": [{"need": i.need, "reasons": i.reasons, "new_evidence": i.new_evidence,
                       "tie": serialize.tie(i.tie) | serialize.sides(i.tie)} for i in q.items]}


@api.get("/reviews", summary="Reviews, newest first (filters: tie, entity, actor, kind)")
def api_reviews(tie: int | None = None, entity: str | None = None, actor: str | None = None, kind: str | None = None,
                limit: int = Query(200, ge=1, le=5000), g: Graph = Depends(graph)) -> list[dict[str, Any]]:
    ent = find_entity(g, entity).id if entity else None
    return [serialize.review(r) for r in g.reviews(tie=tie, entity=ent, actor=actor, kind=kind, limit=limit)]


@api.get("/ties/{tie_id}/reviews", summary="The reviews of one tie, newest first")
def api_tie_reviews(tie_id: int, g: Graph = Depends(graph)) -> list[dict[str, Any]]:
    return [serialize.review(r) for r in g.reviews(tie=tie_id)]


@api.post("/ties/{tie_id}/confirm", summary="Confirm a tie (credibility 1, or the grade given)")
def api_confirm(request: Request, tie_id: int, body: ConfirmIn, who: Actor = REVIEW) -> dict[str, Any]:
    return serialize.review(_ed(request, who).confirm(tie_id, note=body.note, grade=body.grade,
                                                 expected=body.expected_review))


@api.post("/ties/{tie_id}/reject", summary="Reject a tie: it leaves the map, profiles and exports")
def api_reject(request: Request, tie_id: int, body: ReviewIn, who: Actor = REVIEW) -> dict[str, Any]:
    return serialize.review(_ed(request, who).reject(tie_id, note=body.note, expected=body.expected_review))


@api.post("/ties/{tie_id}/correct", summary="Correct a tie's relation, direction, ends, dates or stance")
def api_correct(request: Request, tie_id: int, body: CorrectIn, who: Actor = REVIEW) -> dict[str, Any]:
    return serialize.review(_ed(request, who).correct(tie_id, _change(body), note=body.note, grade=body.grade,
                                                 expected=body.expected_review))


@api.post("/ties", summary="Add a tie by hand, cited by a passage of a document (its offsets)")
def api_add_tie(request: Request, body: AddTieIn, who: Actor = REVIEW) -> dict[str, Any]:
    r = _ed(request, who).add_tie(body.doc_id, body.start_char, body.end_char, subject=_ref(body.subject),
                                  relation=body.relation, object=_ref(body.object), start_date=body.start,
                                  end_date=body.end, stance=body.stance, note=body.note, grade=body.grade)
    return serialize.review(r)


@api.post("/reviews/{review_id}/undo", summary="Undo a review (recorded; nothing is erased)")
def api_undo_review(request: Request, review_id: int, body: UndoIn, who: Actor = REVIEW) -> dict[str, Any]:
    return serialize.review(_ed(request, who).undo_review(review_id, note=body.note))


def _ref(value: str):
    value = (value or "").strip()
    return int(value) if value.isdigit() else value


# -- pages and forms -------------------------------------------------------------------------------

@pages.get("/review", response_class=HTMLResponse)
def review_page(request: Request, entity: str = "", relation: str = "", document: str = "", skip: str = "",
                g: Graph = Depends(graph)):
    from ..relations import RELATIONS

    data = queue_json(g, entity or None, relation or None, document or None, 10, 0, skip)
    query = request.url.query
    filters = {"entity": entity, "relation": relation, "document": document}

    def href(skipping: str) -> str:
        return "/review?" + urlencode({k: v for k, v in (filters | {"skip": skipping}).items() if v})

    first = data["items"][0]["tie"]["id"] if data["items"] else None
    return page(request, "review.html", "/api/review/queue" + (f"?{query}" if query else ""), q=data,
                relations=list(RELATIONS.values()), entity=entity, relation=relation, document=document, skip=skip,
                back=href(skip), skip_href=href(",".join(x for x in (skip, str(first or "")) if x)))


def _form(request: Request, form) -> dict[str, str]:
    return {k: v for k, v in form.items() if isinstance(v, str) and k != auth.CSRF_FIELD}


@pages.post("/ties/{tie_id}/{action}")
async def tie_form(request: Request, tie_id: int, action: str, who: Actor = REVIEW):
    f = _form(request, await request.form())
    expected = reviews.UNSET if f.get("expected_review") is None else (int(f["expected_review"] or 0) or None)
    ed = _ed(request, who)
    note, grade = f.get("note") or None, f.get("grade") or None
    if action == "confirm":
        call = lambda: ed.confirm(tie_id, note=note, grade=grade, expected=expected)  # noqa: E731
    elif action == "reject":
        call = lambda: ed.reject(tie_id, note=note, expected=expected)  # noqa: E731
    elif action == "correct":
        change = form_change(f)
        for name in ("start", "end"):
            if name in f and f[name] != f.get(f"{name}_was", ""):
                change[name] = f[name] or None
        call = lambda: ed.correct(tie_id, change, note=note, grade=grade, expected=expected)  # noqa: E731
    else:
        from fastapi import HTTPException

        raise HTTPException(404, f"no action {action!r} on ties")
    review = await run_in_threadpool(call)
    target = auth.safe_next(f.get("next") or (f"/ties/{review.tie_ids[0]}" if review.tie_ids else "/review"))
    return RedirectResponse(target, status_code=303)


@pages.post("/ties")
async def add_tie_form(request: Request, who: Actor = REVIEW):
    f = _form(request, await request.form())
    try:
        start, end = int(f.get("start_char", "")), int(f.get("end_char", ""))
    except ValueError:
        from ..errors import ReviewError

        raise ReviewError("select the passage that states the tie first") from None
    r = await run_in_threadpool(lambda: _ed(request, who).add_tie(
        f.get("doc_id", ""), start, end, subject=_ref(f.get("subject", "")), relation=f.get("relation", ""),
        object=_ref(f.get("object", "")), start_date=f.get("start") or None, end_date=f.get("end") or None,
        stance=f.get("stance") or "asserted", note=f.get("note") or None))
    return RedirectResponse(auth.safe_next(f.get("next") or f"/ties/{r.tie_ids[0]}"), status_code=303)


@pages.post("/reviews/{review_id}/undo")
async def undo_review_form(request: Request, review_id: int, who: Actor = REVIEW):
    f = _form(request, await request.form())
    r = await run_in_threadpool(lambda: _ed(request, who).undo_review(review_id, note=f.get("note") or None))
    return RedirectResponse(auth.safe_next(f.get("next") or (f"/ties/{r.tie_ids[0]}" if r.tie_ids else "/review")),
                            status_code=303)
