"""Pages rendered on the server; each reads the same data as its JSON twin under /api/."""
from __future__ import annotations

from fastapi import APIRouter, Depends, HTTPException, Request
from fastapi.responses import HTMLResponse, RedirectResponse
from fastapi.templating import Jinja2Templates

from ..errors import NotFound
from ..relations import RELATIONS
from . import mapdata, serialize
from .assets import STATIC
from .documents import view
from .params import STATUSES, TYPES
from .routes_api import find_entity, graph, store
from .profile import profile_json

TEMPLATES = Jinja2Templates(directory=str(STATIC.parent / "templates"))
router = APIRouter(include_in_schema=False)


def page(request: Request, name: str, json_href: str, **context) -> HTMLResponse:
    context |= {"json_href": json_href, "allow_upload": request.app.state.allow_upload}
    return TEMPLATES.TemplateResponse(request, name, context)


@router.get("/", response_class=HTMLResponse)
def map_page(request: Request):
    query = request.url.query
    return page(request, "map.html", "/api/map" + (f"?{query}" if query else ""),
                relations=list(RELATIONS.values()), statuses=STATUSES, types=TYPES, legend=mapdata.legend(),
                preload=not query)


@router.get("/entities", response_class=HTMLResponse)
def entities_page(request: Request, q: str = "", type: str = "", g=Depends(graph)):
    if type and type not in TYPES:
        raise HTTPException(422, f"type: unknown {type}; known: {', '.join(TYPES)}")
    found = g.entities(type=type or None, q=q or None, limit=500)
    return page(request, "entities.html", f"/api/entities?q={q}&type={type}", entities=found, q=q, type=type,
                types=TYPES)


@router.get("/entities/{ref}", response_class=HTMLResponse)
def entity_page(request: Request, ref: str, g=Depends(graph)):
    entity = find_entity(g, ref)
    return page(request, "entity.html", f"/api/entities/{entity.id}", p=profile_json(g, entity))


@router.get("/ties/{tie_id}", response_class=HTMLResponse)
def tie_page(request: Request, tie_id: int, g=Depends(graph)):
    try:
        tie = g.tie(tie_id)
    except NotFound as exc:
        raise HTTPException(404, str(exc)) from None
    data = serialize.tie(tie) | serialize.sides(tie)
    return page(request, "tie.html", f"/api/ties/{tie_id}", tie=data)


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
    return page(request, "document.html", json_href, v=view(st, doc, quote))


@router.get("/upload", response_class=HTMLResponse)
def upload_page(request: Request):
    from .upload import check_allowed

    check_allowed(request)
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
