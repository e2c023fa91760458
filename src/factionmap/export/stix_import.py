"""`factionmap import bundle.json`: a STIX 2.1 bundle into the store, with its evidence.

The rule: factionmap never stores a tie without a sentence that says it. Each relationship's
evidence is, in this order, its x_factionmap_citations (the quotes factionmap exported), else the
descriptions of its external references, else its own description, else the description of a
report that lists it; a relationship with none of these is rejected with that reason (listed in the
report; `strict=True` makes it an error). Everything is checked first, then written in ONE
transaction: a malformed bundle imports nothing.
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .. import entity_kinds
from ..errors import ImportFormatError
from ..model import Entity, Stance
from ..relations import RELATIONS
from ..store import Store
from .stix_docs import Claim, DraftDocument, date_from, reference_meta, report_meta
from .stix_entities import to_entity
from .stix_read import Progress, load_bundle
from .stix_vocab import RELATION_OF_TYPE


@dataclass
class ImportReport:
    documents: int = 0
    entities: int = 0
    relationships: int = 0
    assertions: int = 0
    skipped: list[tuple[str, str]] = field(default_factory=list)  # (STIX id, why it was not imported)
    ignored: dict[str, int] = field(default_factory=dict)  # STIX type -> objects that map to nothing


def import_stix(store: Store, path: str | Path, *, strict: bool = False,
                progress: Progress | None = None) -> ImportReport:
    """Import a STIX 2.1 bundle file; raises ImportFormatError (nothing written) when it is malformed.

    `progress(bytes read, bytes in all)` is called as the file is read and checked.
    """
    where = Path(path).name
    objects = load_bundle(path, progress)
    plan = _Plan(objects, where)
    try:
        plan.run()
    except (KeyError, ValueError, TypeError, AttributeError) as exc:
        raise ImportFormatError(f"{path}: {plan.current}: malformed factionmap property ({exc!r})") from None
    if strict and plan.report.skipped:
        oid, reason = plan.report.skipped[0]
        raise ImportFormatError(f"{path}: {oid}: {reason}")
    extractions = [x for x in (d.extraction() for d in plan.docs.values()) if x is not None]
    merged: dict[str, Any] = {}
    keys: dict[str, set[str]] = {}
    for x in extractions:  # two sources quoting the very same sentences are one document
        if x.document.id in merged:
            merged[x.document.id].assertions += x.assertions
            merged[x.document.id].entities += [e for e in x.entities if e.key not in keys[x.document.id]]
            keys[x.document.id] |= {e.key for e in x.entities}
        else:
            merged[x.document.id] = x
            keys[x.document.id] = {e.key for e in x.entities}
    store.save_extractions(list(merged.values()))
    plan.report.documents = len(merged)
    plan.report.assertions = sum(len(x.assertions) for x in merged.values())
    return plan.report


class _Plan:
    """Turns checked STIX objects into draft documents, entities and claims."""

    def __init__(self, objects: dict[str, dict[str, Any]], where: str):
        self.objects, self.where = objects, where
        self.entities: dict[str, Entity] = {}
        self.docs: dict[str, DraftDocument] = {}
        self.report = ImportReport()
        self.current = "bundle"
        self.listed_in: dict[str, list[str]] = {}  # object id -> reports listing it

    def run(self) -> None:
        ignored: Counter[str] = Counter()
        for oid, obj in self.objects.items():
            self.current = oid
            entity = to_entity(obj)
            if entity is not None:
                self.entities[oid] = entity
            elif obj["type"] == "report":
                for ref in obj.get("object_refs") or []:
                    self.listed_in.setdefault(ref, []).append(oid)
            elif obj["type"] != "relationship":
                ignored[obj["type"]] += 1
        for oid, obj in self.objects.items():
            if obj["type"] == "relationship":
                self.current = oid
                self._relationship(obj)
        self.current = "bundle"
        self._place_entities()
        self.report.entities = len(self.entities)
        self.report.ignored = dict(sorted(ignored.items()))

    def _doc(self, key: str, meta: dict[str, Any]) -> DraftDocument:
        return self.docs.setdefault(key, DraftDocument(key, meta))

    def _report_doc(self, report_id: str) -> DraftDocument:
        return self._doc(report_id, report_meta(self.objects[report_id], self.where))

    def _bundle_doc(self) -> DraftDocument:
        meta = {"title": f"STIX bundle {self.where}", "path": self.where, "format": "stix"}
        return self._doc("bundle", meta)

    def _relationship(self, rel: dict[str, Any]) -> None:
        oid = rel["id"]
        subject, obj = self.entities.get(rel["source_ref"]), self.entities.get(rel["target_ref"])
        if subject is None or obj is None:
            missing = rel["source_ref"] if subject is None else rel["target_ref"]
            return self._skip(oid, f"{missing} is a {self.objects[missing]['type']}, not an entity factionmap holds")
        relation = rel.get("x_factionmap_relation") or RELATION_OF_TYPE.get(rel["relationship_type"])
        if relation == "part_of" and subject.type.value == "PERSON" and "x_factionmap_relation" not in rel:
            relation = "member_of"
        if relation not in RELATIONS:
            return self._skip(oid, f"relationship type {rel['relationship_type']!r} has no factionmap relation")
        if not entity_kinds.allows(RELATIONS[relation], subject.type, subject.kind, obj.type, obj.kind):
            return self._skip(oid, f"{relation} does not join a {subject.type.value} to a {obj.type.value}")
        claims = self._claims(rel, relation, subject, obj)
        if not claims:
            return self._skip(oid, "carries no evidence text (no x_factionmap_citations quote, external reference "
                                   "description, description, or description of a report listing it); factionmap "
                                   "never stores a tie without evidence")
        self.report.relationships += 1

    def _claims(self, rel, relation, subject, obj) -> list[Claim]:
        base = dict(relation=relation, subject=subject, object=obj,
                    start=date_from(rel.get("x_factionmap_start") or rel.get("start_time")),
                    end=date_from(rel.get("x_factionmap_end") or rel.get("stop_time")),
                    extractor=f"stix-import:{rel['relationship_type']}")
        made: list[Claim] = []
        for c in rel.get("x_factionmap_citations") or []:
            if c.get("quote"):
                claim = Claim(**{**base, "start": date_from(c.get("start")), "end": date_from(c.get("end"))},
                              quote=c["quote"], stance=Stance(c.get("stance", "asserted")),
                              attribution=c.get("attribution"), order=int(c.get("start_char", 0)))
                claim.extractor = c.get("extractor") or claim.extractor
                made.append(self._file(self._report_doc(c["report_ref"]), claim))
        if made:
            return made
        for ref in rel.get("external_references") or []:
            if ref.get("description"):
                key = f"ref:{ref.get('source_name')}:{ref.get('url')}"
                made.append(self._file(self._doc(key, reference_meta(ref, self.where)), Claim(**base, quote=ref["description"])))
        reports = self.listed_in.get(rel["id"], [])
        if not made and rel.get("description"):
            doc = self._report_doc(reports[0]) if reports else self._bundle_doc()
            made.append(self._file(doc, Claim(**base, quote=rel["description"])))
        for report_id in reports[:1] if not made else []:
            if self.objects[report_id].get("description"):
                made.append(self._file(self._report_doc(report_id),
                                       Claim(**base, quote=self.objects[report_id]["description"])))
        return made

    @staticmethod
    def _file(doc: DraftDocument, claim: Claim) -> Claim:
        doc.claims.append(claim)
        return claim

    def _skip(self, oid: str, reason: str) -> None:
        self.report.skipped.append((oid, reason))

    def _place_entities(self) -> None:
        """Each entity joins the documents whose reports list it; the rest, the bundle's own document."""
        placed: set[str] = set()
        for key, doc in self.docs.items():
            for claim in doc.claims:
                placed |= {claim.subject.key, claim.object.key}
            for ref in (self.objects[key].get("object_refs") or []) if key in self.objects else []:
                if ref in self.entities:
                    doc.add_entity(self.entities[ref])
                    placed.add(ref)
        rest = [e for oid, e in self.entities.items() if oid not in placed]
        if rest:
            bundle = self._bundle_doc()
            bundle.listing = True
            for e in rest:
                bundle.add_entity(e)
