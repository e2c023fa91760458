"""The JSON API: one twin for every page, described by the OpenAPI schema at /api/openapi.json."""
from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Depends, HTTPException, Query, Request
from fastapi.responses import JSONResponse

from ..errors import AmbiguousName, NotFound
from ..graph import Graph
from ..model import Entity
from . import mapdata, serialize
from .documents import view
from .params import TYPES, day, map_query
from .profile import profile_json
from .upload import OPENAPI_BODY

router = APIRouter(prefix="/api", tags=["api"])


def graph(request: Request) -> Graph:
    return Graph(request.app.state.store)


def store(request: Request):
    return request.app.state.store


def find_entity(g, ref: str) -> Entity:
    try:
        return g.entity(ref)
    except NotFound as exc:
        raise HTTPException(404, str(exc)) from None
    except AmbiguousName as exc:
        raise HTTPException(409, str(exc)) from None


MapParams = dict[str, Any]


def map_params(
    as_of: str | None = Query(None, description="The map as it stood on this date: YYYY, YYYY-MM or YYYY-MM-DD"),
    start: str | None = Query(None, description="Ties that overlap start..end"),
    end: str | None = Query(None),
    relation: str | None = Query(None, description="Comma-separated relations (default: all)"),
    status: str | None = Query(None, description="Comma-separated: supported, contested, denied"),
    type: str | None = Query(None, description="Comma-separated entity types (default: ORG)"),
    min_grade: str | None = Query(None, description="Credibility at least this good, e.g. 3 or B3"),
    region: str | None = Query(None, description="A place, country or region the groups operate in"),
    focus: int | None = Query(None, description="An entity id: show its neighbourhood only"),
    depth: int = Query(1, ge=1, le=3),
    lineage: bool = Query(False, description="Lineage relations only (split, merger, successor)"),
    undated: bool = Query(True, description="With a date filter, keep ties whose dates are unknown"),
) -> mapdata.MapQuery:
    return map_query(as_of=as_of, start=start, end=end, relation=relation, status=status, type=type,
                     min_grade=min_grade, region=region, focus=focus, depth=depth, lineage=lineage, undated=undated)


@router.get("/map", summary="The map: nodes and edges under the filters (twin of /)",
            response_class=JSONResponse, response_model=None)
def api_map(q: mapdata.MapQuery = Depends(map_params), g=Depends(graph)) -> JSONResponse:
    # plain JSON already: skip FastAPI's per-field encoding, which costs more than building the map
    return JSONResponse(mapdata.build_map(g, q))


@router.get("/legend", summary="The relations the map can draw")
def api_legend() -> list[dict[str, Any]]:
    return mapdata.legend()


@router.get("/entities", summary="Entities, by name search and type (twin of /entities)")
def api_entities(q: str | None = None, type: str | None = None, limit: int = Query(50, ge=1, le=1000),
                 g=Depends(graph)) -> list[dict[str, Any]]:
    if type and type not in TYPES:
        raise HTTPException(422, f"type: unknown {type}; known: {', '.join(TYPES)}")
    return [serialize.entity(e) | {"href": f"/entities/{e.id}"} for e in g.entities(type=type, q=q or None, limit=limit)]


@router.get("/entities/{ref}", summary="A profile: aliases, leaders, cited timeline (twin of /entities/{ref})")
def api_entity(ref: str, g=Depends(graph)) -> dict[str, Any]:
    return profile_json(g, find_entity(g, ref))


@router.get("/ties", summary="Ties with their citations, filtered like the graph layer's ties()")
def api_ties(as_of: str | None = None, relation: str | None = None, entity: str | None = None,
             status: str | None = None, limit: int = Query(100, ge=1, le=10000), g=Depends(graph)) -> list[dict]:
    ent = find_entity(g, entity) if entity else None
    ties = g.ties(as_of=day(as_of, "as_of"), relation=relation or None, entity=ent, status=status or None, limit=limit)
    return [serialize.tie(t) for t in ties]


@router.get("/ties/{tie_id}", summary="One tie and its cited evidence (twin of /ties/{tie_id})")
def api_tie(tie_id: int, g=Depends(graph)) -> dict[str, Any]:
    try:
        tie = g.tie(tie_id)
    except NotFound as exc:
        raise HTTPException(404, str(exc)) from None
    return serialize.tie(tie) | serialize.sides(tie)


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
