"""What the routes ask FastAPI for (their dependencies): the graph and the store of the app, an entity
named in the path, the map's filters from the query string. Shared by the JSON API, the pages and the
review and edit routes."""
from __future__ import annotations

from fastapi import HTTPException, Query, Request

from ..errors import AmbiguousName, NotFound
from ..graph import Graph
from ..model import Entity
from . import mapdata
from .params import map_query


def graph(request: Request) -> Graph:
    return Graph(request.app.state.store, min_confidence=getattr(request.app.state, "min_confidence", None))


def store(request: Request):
    return request.app.state.store


def find_entity(g, ref: str) -> Entity:
    try:
        return g.entity(ref)
    except NotFound as exc:
        raise HTTPException(404, str(exc)) from None
    except AmbiguousName as exc:
        raise HTTPException(409, str(exc)) from None


def map_params(
    as_of: str | None = Query(None, description="The map as it stood on this date: YYYY, YYYY-MM or YYYY-MM-DD"),
    from_: str | None = Query(None, alias="from", description="Ties that hold at some time from this date ..."),
    to: str | None = Query(None, description="... to this date (YYYY, YYYY-MM or YYYY-MM-DD)"),
    start: str | None = Query(None, description="Same as from (older name)"),
    end: str | None = Query(None, description="Same as to (older name)"),
    relation: str | None = Query(None, description="Comma-separated relations (absent: all; empty: none)"),
    status: str | None = Query(None, description="Comma-separated: supported, contested, denied"),
    type: str | None = Query(None, description="Comma-separated entity types (default: ORG)"),
    min_grade: str | None = Query(None, description="Credibility at least this good, e.g. 3 or B3"),
    region: str | None = Query(None, description="A place, country or region the groups operate in"),
    focus: str | None = Query(None, description="An entity id: show its neighbourhood only"),
    depth: str | None = Query(None, description="With focus: 1, 2 or 3 ties away"),
    lineage: str | None = Query(None, description="1: lineage relations only (split, merger, successor)"),
    undated: str | None = Query(None, description="1/0: keep ties whose dates are unknown (default: only "
                                                  "when no date is chosen)"),
    limit: str | None = Query(None, description="Draw at most this many groups, those with the most ties "
                                                 "(default 400); with focus, of its neighbourhood"),
) -> mapdata.MapQuery:
    return map_query(as_of=as_of, start=from_ if from_ is not None else start, end=to if to is not None else end,
                     relation=relation, status=status, type=type, min_grade=min_grade, region=region, focus=focus,
                     depth=depth, lineage=lineage, undated=undated, limit=limit)
