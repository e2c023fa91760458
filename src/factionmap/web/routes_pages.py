"""Pages rendered on the server; each reads the same data as its JSON twin under /api/."""
from __future__ import annotations

from fastapi import APIRouter, Depends, HTTPException, Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse

from .. import audit
from ..errors import NotFound
from ..relations import RELATIONS
from . import auth, mapdata, serialize
from .documents import view
from .params import STATUSES, TYPES
from .deps import find_entity, graph, map_params, store
from .pages import page
from .profile import MAX_PAGE, profile_json

router = APIRouter(include_in_schema=False)


@router.get("/", response_class=HTMLResponse)
def map_page(request: Request):
    query = request.url.query
    return page(request, "map.html", "/api/map" + (f"?{query}" if query else ""),
                relations=list(RELATIONS.values()), statuses=STATUSES, types=TYPES, legend=mapdata.legend(),
                families=mapdata.families(), kinds=mapdata.KIND_LABELS, preload=not query)


@router.get("/ties", response_class=HTMLResponse)
def ties_page(request: Request, g=Depends(graph), q=Depends(map_params)):
    query = request.url.query
    mapdata.check_range(g, q)
    mapdata.check_focus(g, q)
    ties, _ = mapdata.chosen_ties(g, q)
    return page(request, "ties.html", "/api/ties" + (f"?{query}" if query else ""),
                ties=[serialize.tie(t, citations=False) | {"sources": len({c.doc_id for c in t.citations})} for t in ties],
                map_href="/" + (f"?{query}" if query else ""), filters=q.applied())


@router.get("/path", response_class=HTMLResponse)
def path_page(request: Request, a: str = "", b: str = "", g=Depends(graph)):
    from .routes_api import api_path

    result = api_path(a, b, 4, g) if a.strip() and b.strip() else None
    return page(request, "path.html", f"/api/path?a={a}&b={b}" if result else "/api/openapi.json", result=result, a=a, b=b)


@router.get("/entities/{ref}/lineage", response_class=HTMLResponse)
def lineage_page(request: Request, ref: str, g=Depends(graph)):
    from .lineage import lineage_json

    entity = find_entity(g, ref)
    return page(request, "lineage.html", f"/api/entities/{entity.id}/lineage", tree=lineage_json(g, entity, 4))


@router.get("/geo", response_class=HTMLResponse)
def geo_page(request: Request):
    query = request.url.query
    return page(request, "geo.html", "/api/geo" + (f"?{query}" if query else ""))


@router.get("/entities", response_class=HTMLResponse)
def entities_page(request: Request, q: str = "", type: str = "", g=Depends(graph)):
    if type and type not in TYPES:
        raise HTTPException(422, f"type: unknown {type}; known: {', '.join(TYPES)}")
    found = g.entities(type=type or None, q=q or None, limit=500)
    return page(request, "entities.html", f"/api/entities?q={q}&type={type}", entities=found, q=q, type=type,
                types=TYPES)


@router.get("/entities/{ref}", response_class=HTMLResponse)
def entity_page(request: Request, ref: str, offset: int = Query(0, ge=0), limit: int | None = Query(None, ge=1, le=MAX_PAGE),
                g=Depends(graph)):
    from ..graph.edits import ENTITY_KINDS
    entity = find_entity(g, ref)
    with g.engine.connect() as conn:
        history = [e.as_dict() for e in audit.entries(conn, target_type="entity", target_ids=[entity.id])]
    decisions = [d for d in g.decisions() if entity.id in _decision_entities(d)]
    twin = f"/api/entities/{entity.id}" + (f"?offset={offset}" if offset else "") + \
        (f"{'&' if offset else '?'}limit={limit}" if limit else "")
    return page(request, "entity.html", twin, p=profile_json(g, entity, offset, limit),
                reviews=[serialize.review(r) for r in g.reviews(entity=entity.id)], history=history,
                decisions=decisions, kinds=ENTITY_KINDS)


def _decision_entities(d) -> set[int]:
    return {side["id"] for key in ("into", "from", "entity") if (side := d.payload.get(key))}


@router.get("/ties/{tie_id}", response_class=HTMLResponse)
def tie_page(request: Request, tie_id: int, g=Depends(graph)):
    try:
        tie = g.tie(tie_id)
    except NotFound as exc:
        raise HTTPException(404, str(exc)) from None
    data = serialize.tie(tie) | serialize.sides(tie)
    with g.engine.connect() as conn:
        history = [e.as_dict() for e in audit.entries(conn, target_type="tie", target_ids=[tie_id])]
    return page(request, "tie.html", f"/api/ties/{tie_id}", tie=data, relations=list(RELATIONS.values()),
                reviews=[serialize.review(r) for r in g.reviews(tie=tie_id)], history=history, next=None,
                open_correct=False)


@router.get("/contested", response_class=HTMLResponse)
def contested_page(request: Request, g=Depends(graph)):
    ties = [serialize.tie(t, citations=False) | serialize.sides(t) for t in g.contested()]
    return page(request, "contested.html", "/api/contested", ties=ties)


@router.get("/documents", response_class=HTMLResponse)
def documents_page(request: Request, st=Depends(store)):
    return page(request, "documents.html", "/api/documents", documents=st.documents())


@router.get("/documents/{doc_id}", response_class=HTMLResponse)
def document_page(request: Request, doc_id: str, start: int | None = None, end: int | None = None,
                  st=Depends(store)):
    try:
        doc = st.document(doc_id)
    except NotFound as exc:
        raise HTTPException(404, str(exc)) from None
    quote = (start, end) if start is not None and end is not None else None
    json_href = f"/api/documents/{doc.id}" + (f"?start={start}&end={end}" if quote else "")
    v = view(st, doc, quote)
    ids = sorted({m["entity_id"] for m in v["mentions"] if m["entity_id"]})
    g = graph(request)
    named = [g.entity(i) for i in ids]
    return page(request, "document.html", json_href, v=v, relations=list(RELATIONS.values()),
                entities=sorted(named, key=lambda e: e.name.casefold()))


@router.get("/upload", response_class=HTMLResponse)
def upload_page(request: Request):
    auth.check_upload_allowed(request)
    return page(request, "upload.html", "/api/openapi.json")


@router.post("/upload")
async def upload_submit(request: Request):
    from .upload import receive

    job = await receive(request)
    return RedirectResponse(f"/uploads/{job.id}", status_code=303)


@router.get("/uploads/{job_id}", response_class=HTMLResponse)
def upload_job_page(request: Request, job_id: str):
    from .upload import job_of

    job = job_of(request, job_id)
    return page(request, "upload_job.html", f"/api/uploads/{job.id}", job=job.json())
