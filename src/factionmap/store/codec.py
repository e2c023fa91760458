"""Conversions between model objects and table rows."""
from __future__ import annotations

import datetime as dt
from typing import Any, Mapping

from ..model import Alias, Document, Entity, FuzzyDate, InfoboxField, Section


def document_row(doc: Document) -> dict[str, Any]:
    return {
        "id": doc.id,
        "path": doc.path,
        "format": doc.format,
        "title": doc.title,
        "author": doc.author,
        "publisher": doc.publisher,
        "published": doc.published,
        "url": doc.url,
        "language": doc.language or "en",
        "source_kind": doc.source_kind.value if doc.source_kind else None,
        "text": doc.text,
        "sections": [[s.title, s.level, s.start, s.end] for s in doc.sections],
        "infobox": [[f.name, f.value, f.start, f.end] for f in doc.infobox],
        "ingested_at": dt.datetime.now(dt.timezone.utc),
    }


def inserted_id(result: Any) -> int:
    """The primary key a single-row INSERT gave its row."""
    key = result.inserted_primary_key
    if key is None:  # pragma: no cover - every insert here is of one row
        raise RuntimeError("the insert returned no primary key")
    return int(key[0])


def document_from_row(row: Mapping[Any, Any]) -> Document:
    return Document(
        text=row["text"],
        id=row["id"],
        title=row["title"],
        author=row["author"],
        publisher=row["publisher"],
        published=row["published"],
        url=row["url"],
        language=row["language"],
        source_kind=row["source_kind"],
        path=row["path"],
        format=row["format"],
        sections=[Section(*s) for s in row["sections"] or []],
        infobox=[InfoboxField(*f) for f in row["infobox"] or []],
    )


def date_columns(prefix: str, date: FuzzyDate | None) -> dict[str, Any]:
    if date is None:
        return {f"{prefix}_iso": None, f"{prefix}_earliest": None, f"{prefix}_latest": None, f"{prefix}_text": None}
    return {
        f"{prefix}_iso": date.iso,
        f"{prefix}_earliest": date.earliest.isoformat(),
        f"{prefix}_latest": date.latest.isoformat(),
        f"{prefix}_text": date.text,
    }


def date_from_row(row: Mapping[Any, Any], prefix: str) -> FuzzyDate | None:
    iso = row[f"{prefix}_iso"]
    if not iso:
        return None
    return FuzzyDate(
        dt.date.fromisoformat(row[f"{prefix}_earliest"]),
        dt.date.fromisoformat(row[f"{prefix}_latest"]),
        iso,
        row[f"{prefix}_text"] or "",
    )


def doc_entity_row(doc_id: str, entity: Entity) -> dict[str, Any]:
    return {
        "doc_id": doc_id,
        "key": entity.key,
        "name": entity.name,
        "type": entity.type.value,
        "kind": entity.kind.value if entity.kind else None,
        "kb_id": entity.kb_id,
        "aliases": [{"name": a.name, "source": a.source} for a in entity.aliases],
        "attributes": entity.attributes or {},
    }


def doc_entity_from_row(row: Mapping[Any, Any]) -> Entity:
    return Entity(
        name=row["name"],
        type=row["type"],
        aliases=[Alias(a["name"], {row["doc_id"]}, a.get("source", "text")) for a in row["aliases"] or []],
        kb_id=row["kb_id"],
        attributes=dict(row["attributes"] or {}),
        key=row["key"],
        kind=row.get("kind"),
    )
