"""Where groups operate: the places of the operates_in ties that hold under the map's filters, each
with coordinates (factionmap.places) and the groups there; places without coordinates are listed."""
from __future__ import annotations

from typing import Any

from ..places import locate
from . import serialize
from .mapdata import MapQuery, check_focus, check_range, chosen_ties


def build_geo(graph, q: MapQuery) -> dict[str, Any]:
    check_range(graph, q)
    check_focus(graph, q)
    q.relations = ["operates_in"] if q.relations is None or "operates_in" in q.relations else []
    q.types = sorted(set(q.types) | {"PLACE"})
    focus, q.focus = q.focus, None
    ties, _ = chosen_ties(graph, q)
    q.focus = focus
    places: dict[int, dict[str, Any]] = {}
    unplaced: dict[int, dict[str, Any]] = {}
    for t in ties:
        if focus is not None and t.subject.id != focus:
            continue
        place = t.object
        point = locate(place)
        row = {"group": serialize.entity_ref(t.subject), "tie_id": t.id, "span": serialize.span(t.start, t.end),
               "status": t.status.value}
        target = places if point else unplaced
        entry = target.setdefault(place.id, {"place": serialize.entity_ref(place), "groups": [],
                                             **({"lat": point.lat, "lon": point.lon, "source": point.source} if point else {})})
        entry["groups"].append(row)
    return {"filters": q.applied(), "places": sorted(places.values(), key=lambda p: p["place"]["name"]),
            "unplaced": sorted(unplaced.values(), key=lambda p: p["place"]["name"])}
