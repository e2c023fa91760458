"""STIX 2.1 export, built with the `stix2` library: one bundle holding factionmap's identity and
extension definition, the entities, a relationship per tie, a report per document, and analysts'
reviews as opinions (their notes as notes) on the relationships.

Ids are deterministic (see ids.py) and every timestamp comes from the snapshot's clock, so the same
store gives byte-identical bundles.
"""
from __future__ import annotations

import datetime as dt
import hashlib
import json
from collections import Counter, defaultdict
from typing import Any

import stix2

from ..model import Tie
from ..relations import RELATIONS
from . import ids
from .source import Snapshot
from .stix_objects import url_hashes, common, date_dict, day_end, day_start, entity_object, report_object
from .stix_vocab import CUSTOM_PROPERTIES, EXTENSION_ID, IDENTITY_ID, RELATIONSHIP_TYPES, Typer

EXTENSION_VERSION = "1.0.0"
EXTENSION_SCHEMA = ("factionmap's x_factionmap_* properties: see docs/exports.md in the factionmap "
                    "source (the STIX mapping and every custom property)")


def report_id(doc_id: str) -> str:
    return ids.stix_id("report", ids.document_uid(doc_id))


def relationship_times(tie: Tie) -> dict[str, Any]:
    """start_time from the earliest possible start, stop_time from the latest possible end.

    A start day begins at 00:00:00Z and an end day ends at 23:59:59Z, so the two are never equal;
    when the evidence puts the end before the start, stop_time is left out (STIX requires
    stop_time > start_time) and the end stays in x_factionmap_end.
    """
    out: dict[str, Any] = {}
    if tie.start:
        out["start_time"] = day_start(tie.start.earliest)
    if tie.end:
        stop = day_end(tie.end.latest)
        if "start_time" not in out or stop > out["start_time"]:
            out["stop_time"] = stop
    return out


def _citation(snap: Snapshot, tie: Tie, c) -> dict[str, Any]:
    start, end = snap.dates.get(c.assertion_id, (None, None))
    out: dict[str, Any] = {
        "report_ref": report_id(c.doc_id), "doc_id": c.doc_id, "start_char": c.start_char,
        "end_char": c.end_char, "quote": c.quote, "stance": ids.value(c.stance), "extractor": c.extractor,
    }
    if c.attribution:
        out["attribution"] = c.attribution
    if start:
        out["start"] = date_dict(start)
    if end:
        out["end"] = date_dict(end)
    return out


def _reference(snap: Snapshot, c) -> dict[str, Any]:
    ref = {"source_name": c.doc_title or c.publisher or "document", "description": c.quote,
           "external_id": f"{c.doc_id}:{c.start_char}-{c.end_char}"}
    if c.url:
        ref.update(url=c.url, **url_hashes(snap.documents.get(c.doc_id, {"id": c.doc_id})))
    return ref


def relationship_object(snap: Snapshot, typer: Typer, tie: Tie) -> stix2.v21.Relationship:
    label = RELATIONS[tie.relation].label if tie.relation in RELATIONS else tie.relation
    cites = sorted(tie.citations, key=ids.citation_order)
    stances = Counter(ids.value(c.stance) for c in cites)
    subject, obj = ids.oriented(tie)
    props = common(snap, ids.stix_id("relationship", ids.tie_uid(tie)))
    props.update(
        relationship_type=RELATIONSHIP_TYPES.get(tie.relation, tie.relation.replace("_", "-")),
        source_ref=typer.stix_id(subject), target_ref=typer.stix_id(obj),
        description=f"{subject.name} {label} {obj.name} ({ids.value(tie.status)}; grade {tie.grade}; "
                    f"{len(tie.citations)} citation{'s' if len(tie.citations) != 1 else ''})",
        confidence=max(0, min(100, int(tie.confidence))),
        x_factionmap_relation=tie.relation, x_factionmap_status=ids.value(tie.status), x_factionmap_grade=tie.grade,
        x_factionmap_evidence_count=len(tie.citations), x_factionmap_stances=dict(sorted(stances.items())),
        x_factionmap_citations=[_citation(snap, tie, c) for c in cites],
        **relationship_times(tie),
    )
    if cites:
        props["external_references"] = [_reference(snap, c) for c in cites]
    if tie.start:
        props["x_factionmap_start"] = tie.start.iso
    if tie.end:
        props["x_factionmap_end"] = tie.end.iso
    if tie.review:
        props["x_factionmap_review"] = {k: tie.review[k] for k in ("verdict", "by", "at") if tie.review.get(k)}
    return stix2.v21.Relationship(**props)


def _name(value) -> str:
    return value["name"] if isinstance(value, dict) else str(value)


def _fix(original: dict, key: str, value) -> str:
    if key == "swap":
        return "direction reversed"
    return f"{key} {_name(value)} (was {_name(original.get(key))})"


def _stamp(value: str) -> dt.datetime:
    return dt.datetime.fromisoformat(value).astimezone(dt.timezone.utc).replace(microsecond=0)


def review_objects(tie: Tie, relationship_id: str) -> list:
    """An analyst's review of a tie as a STIX opinion, and each note as a STIX note, on the relationship."""
    review = tie.review
    if not review or review["verdict"] == "rejected":
        return []
    at = _stamp(review["at"])
    fixes = "; ".join(_fix(c["original"], k, v) for c in review["corrections"] for k, v in c["change"].items()
                      if k != "grade")
    explanation = f"{review['verdict']} by {review['by']}" + (f": {fixes}" if fixes else "")
    out = [stix2.v21.Opinion(
        id=ids.stix_id("opinion", ids.review_uid(tie, review)), created_by_ref=IDENTITY_ID, created=at, modified=at,
        opinion="strongly-agree", explanation=explanation, authors=[review["by"]], object_refs=[relationship_id])]
    notes = [(review, review.get("note"))] + [(c, c.get("note")) for c in review["corrections"]]
    for source, text in notes:
        if text:
            when = _stamp(source["at"])
            out.append(stix2.v21.Note(
                id=ids.stix_id("note", ids.review_uid(tie, source, "note")), created_by_ref=IDENTITY_ID, created=when,
                modified=when, abstract=f"analyst's note ({review['verdict']})", content=text,
                authors=[source["by"]], object_refs=[relationship_id]))
    return list({o.id: o for o in out}.values())


def factionmap_objects(snap: Snapshot) -> list:
    """factionmap's identity (created_by_ref of every object) and the extension defining x_ properties."""
    identity = stix2.v21.Identity(id=IDENTITY_ID, created=snap.clock, modified=snap.clock, name="factionmap",
                                  identity_class="system",
                                  description="factionmap: evidence-backed maps of armed groups' ties, read from documents")
    extension = stix2.v21.ExtensionDefinition(
        id=EXTENSION_ID, created_by_ref=IDENTITY_ID, created=snap.clock, modified=snap.clock,
        name="factionmap evidence and time properties", version=EXTENSION_VERSION, schema=EXTENSION_SCHEMA,
        description="Relation names, statuses, Admiralty grades, partial dates, stances and cited sentences "
                    "of factionmap ties; entity types, knowledge-base ids and aliases; document metadata.",
        extension_types=["toplevel-property-extension"], extension_properties=CUSTOM_PROPERTIES,
    )
    return [identity, extension]


def build_bundle(snap: Snapshot) -> stix2.v21.Bundle:
    typer = Typer(snap.all_ties or snap.ties)
    entities = [entity_object(snap, typer, e) for e in snap.entities]
    relationships = [relationship_object(snap, typer, t) for t in snap.ties]
    refs: dict[str, set[str]] = defaultdict(set)
    for e, obj in zip(snap.entities, entities):
        for doc_id in snap.entity_docs(e):
            refs[doc_id].add(obj.id)
    for t, obj in zip(snap.ties, relationships):
        for c in t.citations:
            refs[c.doc_id].update({obj.id, obj.source_ref, obj.target_ref})
    reports = [report_object(snap, doc, sorted(refs[doc_id])) for doc_id, doc in snap.documents.items()
               if refs.get(doc_id)]
    opinions = [o for t, rel in zip(snap.ties, relationships) for o in review_objects(t, rel.id)]
    objects = [*factionmap_objects(snap), *sorted(entities, key=lambda o: o.id),
               *sorted(relationships, key=lambda o: o.id), *sorted(reports, key=lambda o: o.id),
               *sorted(opinions, key=lambda o: o.id)]
    digest = hashlib.sha256("\n".join(o.id for o in objects).encode()).hexdigest()
    return stix2.v21.Bundle(*objects, id=ids.stix_id("bundle", ids.named_uid("bundle", digest)), allow_custom=True)


def to_json(snap: Snapshot) -> str:
    """The bundle as pretty JSON text (ending with a newline), the same bytes for the same snapshot.

    stix2 writes spec properties in a fixed order but custom ones in set order (it varies with the
    hash seed): they are put in sorted order after the spec ones.
    """
    data = json.loads(build_bundle(snap).serialize())  # stix2's pretty=True is quadratic: indent here
    data["objects"] = [_ordered(o) for o in data["objects"]]
    return json.dumps(data, indent=4, ensure_ascii=False) + "\n"


def _ordered(obj: dict[str, Any]) -> dict[str, Any]:
    spec = {k: v for k, v in obj.items() if not k.startswith("x_")}
    return {**spec, **{k: obj[k] for k in sorted(obj) if k.startswith("x_")}}
