"""STIX 2.1 objects for entities and documents: threat-actor, identity, location and report."""
from __future__ import annotations

import datetime as dt
import functools
from typing import Any

import stix2

from ..entity_kinds import is_authority
from ..model import Entity, FuzzyDate
from ..namefold import fold
from . import ids
from .source import Snapshot
from .stix_vocab import EXTENSIONS, IDENTITY_ID, Typer


def common(snap: Snapshot, object_id: str) -> dict[str, Any]:
    """Properties every factionmap STIX object carries: id, author, the frozen clock, the extension."""
    return {"id": object_id, "created_by_ref": IDENTITY_ID, "created": snap.clock, "modified": snap.clock,
            "extensions": EXTENSIONS, "allow_custom": True}


def entity_object(snap: Snapshot, typer: Typer, entity: Entity) -> stix2.v21._STIXBase21:
    stix_type = typer.stix_type(entity)
    props = common(snap, typer.stix_id(entity))
    aliases = [n for n in entity.names if n != entity.name]
    props.update(name=entity.name, x_factionmap_type=entity.type.value, x_factionmap_aliases=aliases)
    if entity.kind:
        props["x_factionmap_kind"] = entity.kind.value
    refs = external_references(entity)
    if refs:
        props["external_references"] = refs
    if entity.kb_id:
        props["x_factionmap_kb_id"] = entity.kb_id
    if entity.attributes:
        props["x_factionmap_attributes"] = dict(sorted(entity.attributes.items()))
    if stix_type == "location":
        return stix2.v21.Location(**props, **place(entity))
    if stix_type == "identity":
        cls = "individual" if entity.type.value == "PERSON" else "organization"
        if is_authority(entity.kind):
            props["sectors"] = ["government-national"]
        return stix2.v21.Identity(**props, identity_class=cls)
    if aliases:
        props["aliases"] = aliases
    if entity.type.value == "PERSON":
        props["resource_level"] = "individual"
    return stix2.v21.ThreatActor(**props, threat_actor_types=typer.threat_actor_types(entity))


#: where an id of each scheme (graph.edits.SCHEMES, `kb import`) is looked up
REFERENCE_URLS = {"wikidata": "https://www.wikidata.org/wiki/{}"}


def external_references(entity: Entity) -> list[dict[str, str]]:
    """The entity's ids in other catalogues (Wikidata QIDs ...), as STIX external references."""
    out = []
    for scheme, value in sorted(((entity.attributes or {}).get("external_ids") or {}).items()):
        if not value:
            continue
        ref = {"source_name": str(scheme), "external_id": str(value)}
        if scheme == "url":
            ref = {"source_name": "url", "url": str(value)}
        elif scheme in REFERENCE_URLS:
            ref["url"] = REFERENCE_URLS[scheme].format(value)
        out.append(ref)
    return out


@functools.lru_cache(maxsize=1)
def _country_codes() -> dict[str, str]:
    """Folded English country names -> ISO 3166-1 alpha-2, from Babel's CLDR data when installed."""
    try:
        from babel import Locale
    except ImportError:  # pragma: no cover - babel comes with trafilatura
        return {}
    return {fold(name): code for code, name in Locale("en").territories.items() if code.isalpha() and len(code) == 2}


def place(entity: Entity) -> dict[str, Any]:
    """Where a location is: STIX needs coordinates, a country or a region.

    From the entity's attributes (latitude/longitude, country, region), else a country whose
    English name is the place's, else `region: "unknown"` (a value outside region-ov: a warning).
    """
    a = entity.attributes or {}
    lat, lon = a.get("latitude", a.get("lat")), a.get("longitude", a.get("lon"))
    if lat is not None and lon is not None:
        return {"latitude": float(lat), "longitude": float(lon)}
    if a.get("country"):
        return {"country": str(a["country"]).upper()}
    if a.get("region"):
        return {"region": str(a["region"])}
    codes = _country_codes()
    for name in entity.names:
        if fold(name) in codes:
            return {"country": codes[fold(name)]}
    return {"region": "unknown"}


def day_start(date: dt.date) -> dt.datetime:
    return dt.datetime(date.year, date.month, date.day, tzinfo=dt.timezone.utc)


def day_end(date: dt.date) -> dt.datetime:
    return day_start(date) + dt.timedelta(days=1, seconds=-1)


def date_dict(date: FuzzyDate | None) -> dict[str, str] | None:
    if date is None:
        return None
    out = {"iso": date.iso, "earliest": date.earliest.isoformat(), "latest": date.latest.isoformat()}
    if date.text:
        out["text"] = date.text
    return out


def report_object(snap: Snapshot, doc: dict, refs: list[str]) -> stix2.v21.Report:
    """A document as a report listing the entities it names and the relationships it supports."""
    published = FuzzyDate.from_iso(doc["published"][:10]).earliest if _iso_ok(doc.get("published")) else None
    props = common(snap, ids.stix_id("report", ids.document_uid(doc["id"])))
    props.update(
        name=doc.get("title") or doc.get("publisher") or f"document {doc['id'][:12]}",
        published=day_start(published) if published else snap.clock,
        report_types=["threat-report"], object_refs=refs,
        external_references=[_document_reference(doc)], x_factionmap_doc_id=doc["id"],
    )
    for key in ("published", "publisher", "author", "source_kind", "language", "title"):
        if doc.get(key):
            props[f"x_factionmap_{key}"] = doc[key]
    return stix2.v21.Report(**props)


def _document_reference(doc: dict) -> dict[str, str]:
    ref = {"source_name": doc.get("publisher") or doc.get("title") or "document", "external_id": doc["id"]}
    if doc.get("url"):
        ref.update(url=doc["url"], **url_hashes(doc))
    return ref


def url_hashes(doc: dict) -> dict:
    """STIX wants a hash with a URL: the document's id, the SHA-256 of the bytes factionmap read.

    Not for documents synthesized by a STIX import (format "stix"): their text is only the quotes.
    """
    doc_id = doc["id"]
    is_sha256 = len(doc_id) == 64 and all(ch in "0123456789abcdef" for ch in doc_id)
    return {"hashes": {"SHA-256": doc_id}} if is_sha256 and doc.get("format") != "stix" else {}


def _iso_ok(value: str | None) -> bool:
    if not value:
        return False
    try:
        FuzzyDate.from_iso(value[:10])
    except (ValueError, IndexError):
        return False
    return True
