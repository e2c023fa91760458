"""The JSON API: one twin for every page, described by the OpenAPI schema at /api/openapi.json."""
from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Depends, HTTPException, Query, Request, Response
from fastapi.responses import JSONResponse

from ..errors import NotFound
from . import mapdata, serialize
from .deps import find_entity, graph, map_params, store
from .documents import view
from .params import TYPES
from .profile import MAX_PAGE, profile_json
from .upload import OPENAPI_BODY

router = APIRouter(prefix="/api", tags=["api"])


@router.get("/map", summary="The map: nodes and edges under the filters (twin of /)",
            response_class=JSONResponse, response_model=None)
def api_map(q: mapdata.MapQuery = Depends(map_params), g=Depends(graph)) -> JSONResponse:
    # plain JSON already: skip FastAPI's per-field encoding, which costs more than building the map
    return JSONResponse(mapdata.build_map(g, q))


@router.get("/export", summary="The map's current view as a file: stix, csv, evidence-csv, graphml, gexf, jsonl",
            response_model=None)
def api_export(format: str = Query("stix"), q: mapdata.MapQuery = Depends(map_params), g=Depends(graph)):
    from .download import FORMATS, render

    if format not in FORMATS:
        raise HTTPException(400, f"format: unknown {format}; known: {', '.join(FORMATS)}")
    return render(g, q, format)


@router.get("/geo", summary="Where groups operate: places with coordinates and their groups (twin of /geo)")
def api_geo(q: mapdata.MapQuery = Depends(map_params), g=Depends(graph)) -> dict[str, Any]:
    from .geo import build_geo

    return build_geo(g, q)


@router.get("/path", summary="The shortest chain of cited ties between two entities (twin of /path)")
def api_path(a: str = Query(..., description="An entity: id or any name"), b: str = Query(...),
             max_hops: int = Query(4, ge=1, le=6), g=Depends(graph)) -> dict[str, Any]:
    start, end = find_entity(g, a), find_entity(g, b)
    steps = g.path(start, end, max_hops=max_hops)
    return {"from": serialize.entity_ref(start), "to": serialize.entity_ref(end),
            "steps": [serialize.tie(t) for t in steps], "found": bool(steps) or start.id == end.id}


@router.get("/entities/{ref}/lineage", summary="Predecessors and successors with years (twin of the lineage page)")
def api_lineage(ref: str, depth: int = Query(4, ge=1, le=8), g=Depends(graph)) -> dict[str, Any]:
    from .lineage import lineage_json

    return lineage_json(g, find_entity(g, ref), depth)


@router.get("/entities/{ref}/card", summary="A node's details for the map's tooltip: kind, lifespan, other names")
def api_card(ref: str, g=Depends(graph)) -> dict[str, Any]:
    return mapdata.card(g, find_entity(g, ref))


@router.get("/legend", summary="The relations the map can draw")
def api_legend() -> list[dict[str, Any]]:
    return mapdata.legend()


@router.get("/entities", summary="Entities, by name search and type (twin of /entities)")
def api_entities(q: str | None = None, type: str | None = None, limit: int = Query(50, ge=1, le=1000),
                 g=Depends(graph)) -> list[dict[str, Any]]:
    if type and type not in TYPES:
        raise HTTPException(422, f"type: unknown {type}; known: {', '.join(TYPES)}")
    return [serialize.entity(e) | {"href": f"/entities/{e.id}"} for e in g.entities(type=type, q=q or None, limit=limit)]


@router.get("/search", summary="Entities whose names match, best first: for suggestions as you type")
def api_search(q: str = Query("", description="Any name or part of one; folded (dashes, diacritics, al-)"),
               limit: int = Query(10, ge=1, le=50), type: str | None = None, g=Depends(graph)) -> list[dict[str, Any]]:
    if type and type not in TYPES:
        raise HTTPException(400, f"type: unknown {type}; known: {', '.join(TYPES)}")
    return [{"id": h.id, "name": h.name, "type": h.type, "matched": h.matched, "score": h.score, "ties": h.ties,
             "href": f"/entities/{h.id}"} for h in g.search(q, limit, type)]


@router.get("/entities/{ref}", summary="A profile: aliases, leaders, cited timeline (twin of /entities/{ref})")
def api_entity(ref: str, offset: int = Query(0, ge=0, description="Skip this many ties (the next page)"),
               limit: int | None = Query(None, ge=1, le=MAX_PAGE, description="Ties a page holds, the most cited first"),
               g=Depends(graph)) -> dict[str, Any]:
    entity = find_entity(g, ref)
    return profile_json(g, entity, offset, limit) | {"reviews": [serialize.review(r) for r in g.reviews(entity=entity.id)]}


@router.get("/ties", summary="The ties the map shows under the same filters, with citations (twin of /ties)")
def api_ties(response: Response, q: mapdata.MapQuery = Depends(map_params), entity: str | None = None,
             limit: int = Query(1000, ge=1, le=10000),
             offset: int = Query(0, ge=0, description="Skip this many ties (the next page)"),
             g=Depends(graph)) -> list[dict]:
    """A page of the ties (in id order), each with its citations; the header X-Total-Count counts them all."""
    mapdata.check_range(g, q)
    mapdata.check_focus(g, q)
    eid = find_entity(g, entity).id if entity else None
    chosen, _ = mapdata.chosen_ties(g, q, citations=False, entity=eid)  # citations: of the page only
    response.headers["X-Total-Count"] = str(len(chosen))
    page = [x.id for x in chosen[offset:offset + limit]]
    full = {x.id: x for x in g.ties(ids=page, rejected=True, aliases=False)} if page else {}  # ends shown by name
    return [serialize.tie(full[i]) for i in page]


@router.get("/ties/{tie_id}", summary="One tie and its cited evidence (twin of /ties/{tie_id})")
def api_tie(tie_id: int, g=Depends(graph)) -> dict[str, Any]:
    try:
        tie = g.tie(tie_id)
    except NotFound as exc:
        raise HTTPException(404, str(exc)) from None
    return serialize.tie(tie) | serialize.sides(tie) | {"reviews": [serialize.review(r) for r in g.reviews(tie=tie_id)]}


@router.get("/contested", summary="Contested ties with the evidence on each side (twin of /contested)")
def api_contested(g=Depends(graph)) -> list[dict[str, Any]]:
    return [serialize.tie(t, citations=False) | serialize.sides(t) for t in g.contested()]


@router.get("/documents", summary="Stored documents, without their text (twin of /documents)")
def api_documents(st=Depends(store)) -> list[dict[str, Any]]:
    return [{k: (v.isoformat() if hasattr(v, "isoformat") else v) for k, v in d.items()} | {"href": f"/documents/{d['id']}"}
            for d in st.documents()]


@router.get("/documents/{doc_id}", summary="A document, its mentions and its ties (twin of /documents/{doc_id})")
def api_document(doc_id: str, start: int | None = None, end: int | None = None, st=Depends(store)) -> dict[str, Any]:
    try:
        doc = st.document(doc_id)
    except NotFound as exc:
        raise HTTPException(404, str(exc)) from None
    out = view(st, doc, (start, end) if start is not None and end is not None else None)
    out.pop("segments")
    return out


@router.get("/stats", summary="What the store holds")
def api_stats(st=Depends(store)) -> dict[str, int]:
    return st.stats()


@router.post("/upload", summary="Queue uploaded files or pasted text to be read and extracted (needs --allow-upload)",
             status_code=202, openapi_extra=OPENAPI_BODY, response_model=None)
async def api_upload(request: Request, wait: bool = Query(False, description="Answer once the job is done")):
    from .upload import finished, receive

    job = await receive(request)
    if wait:
        return JSONResponse((await finished(job)).json())
    return JSONResponse(job.json(), status_code=202, headers={"Location": job.json()["json"]})


@router.get("/uploads/{job_id}", summary="An upload's progress and report (twin of /uploads/{job_id})")
def api_upload_job(request: Request, job_id: str) -> dict[str, Any]:
    from .upload import job_of

    return job_of(request, job_id).json()
