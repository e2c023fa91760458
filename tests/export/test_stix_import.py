"""STIX import: the round trip export -> import -> export, foreign bundles, and malformed ones."""
from __future__ import annotations

import copy
import json

import pytest

from factionmap.errors import ImportFormatError
from factionmap.export import export, import_stix
from factionmap.export.ids import oriented
from factionmap.graph import Graph
from factionmap.store import Store
from tests.export.fixture_store import CLOCK

DOC_SPECIFIC = {"doc_id", "x_factionmap_doc_id", "start_char", "end_char", "report_ref", "external_id", "hashes"}


def _strip(value):
    """A bundle without what names a document copy (its hash, offsets, report id): the rest must survive."""
    if isinstance(value, dict):
        return {k: _strip(v) for k, v in value.items() if k not in DOC_SPECIFIC}
    if isinstance(value, list):
        return [_strip(v) for v in value]
    return value


def comparable(bundle: dict) -> dict:
    objects = {}
    for o in bundle["objects"]:
        key = ("report", o["name"]) if o["type"] == "report" else o["id"]
        if o["type"] == "report":
            o = {**o, "object_refs": sorted(r for r in o["object_refs"])}
            o.pop("id")
        objects[key] = _strip(o)
    return objects


def roundtrip(store, tmp_path) -> tuple[dict, dict, Store]:
    export(store, "stix", tmp_path / "first.json", clock=CLOCK)
    again = Store(tmp_path / "again.db")
    report = import_stix(again, tmp_path / "first.json")
    assert report.skipped == [] and report.relationships == 10 and report.entities == 8
    export(again, "stix", tmp_path / "second.json", clock=CLOCK)
    first, second = (json.loads((tmp_path / n).read_text()) for n in ("first.json", "second.json"))
    return first, second, again


def test_round_trip_preserves_the_whole_bundle(store, tmp_path):
    first, second, _ = roundtrip(store, tmp_path)
    assert comparable(second) == comparable(first)


def test_round_trip_preserves_ties_dates_stances_and_citations(store, tmp_path):
    _, _, again = roundtrip(store, tmp_path)

    def ties(s):
        return sorted(
            (*(e.name for e in oriented(t)), t.relation, t.status.value, t.start, t.end, t.grade, t.confidence,
             sorted((c.quote, c.stance.value, c.attribution, c.extractor, c.doc_title, c.publisher, c.author,
                     c.url, c.published) for c in t.citations))
            for t in Graph(s).ties())

    def entities(s):
        return sorted((e.name, e.type.value, e.kb_id, sorted(a.name for a in e.aliases), e.attributes)
                      for e in Graph(s).entities())

    assert ties(again) == ties(store)
    assert entities(again) == entities(store)
    for c in [c for t in Graph(again).ties() for c in t.citations]:  # offsets point at the quote
        assert again.document(c.doc_id).text[c.start_char:c.end_char] == c.quote


def test_importing_twice_changes_nothing(store, tmp_path):
    export(store, "stix", tmp_path / "b.json", clock=CLOCK)
    target = Store(tmp_path / "t.db")
    import_stix(target, tmp_path / "b.json")
    before = target.stats()
    import_stix(target, tmp_path / "b.json")
    assert target.stats() == before


# -- foreign bundles -------------------------------------------------------------------------------

def _sdo(type_, n, **props):
    base = {"type": type_, "spec_version": "2.1", "id": f"{type_}--00000000-0000-4000-8000-{n:012d}",
            "created": "2023-05-01T00:00:00.000Z", "modified": "2023-05-01T00:00:00.000Z"}
    return {**base, **props}


def foreign_bundle() -> dict:
    """Shaped like an OpenCTI export: an author, groups, a place, a report, malware, relationships."""
    author = _sdo("identity", 1, name="Example CERT", identity_class="organization")
    group = _sdo("intrusion-set", 2, name="Jund al-Qawqaz", aliases=["Caucasus Soldiers"], created_by_ref=author["id"])
    other = _sdo("threat-actor", 3, name="Hayat Tahrir al-Sham", threat_actor_types=["terrorist"])
    place = _sdo("location", 4, name="Syria", country="SY")
    malware = _sdo("malware", 5, name="Dropper", is_family=True)
    ally = _sdo("relationship", 6, relationship_type="cooperates-with", source_ref=group["id"],
                target_ref=other["id"], start_time="2017-03-01T00:00:00Z",
                external_references=[{"source_name": "Example analysis", "url": "https://example.org/a",
                                      "description": "Jund al-Qawqaz fought alongside HTS in Idlib."}])
    located = _sdo("relationship", 7, relationship_type="located-at", source_ref=group["id"],
                   target_ref=place["id"], description="The group is based in northern Syria.")
    bare = _sdo("relationship", 8, relationship_type="part-of", source_ref=group["id"], target_ref=other["id"])
    uses = _sdo("relationship", 9, relationship_type="uses", source_ref=other["id"], target_ref=malware["id"])
    related = _sdo("relationship", 10, relationship_type="related-to", source_ref=group["id"], target_ref=other["id"],
                   description="Mentioned together.")
    report = _sdo("report", 11, name="Caucasian fighters in Syria", published="2018-01-01T00:00:00Z",
                  object_refs=[group["id"], other["id"], place["id"], ally["id"]])
    return {"type": "bundle", "id": "bundle--00000000-0000-4000-8000-000000000099",
            "objects": [author, group, other, place, malware, ally, located, bare, uses, related, report]}


def test_foreign_bundle_imports_with_its_evidence_and_skips_what_has_none(empty_store, tmp_path):
    path = tmp_path / "opencti.json"
    path.write_text(json.dumps(foreign_bundle()))
    report = import_stix(empty_store, path)
    assert report.relationships == 2
    reasons = dict(report.skipped)
    assert "no evidence text" in reasons["relationship--00000000-0000-4000-8000-000000000008"]
    assert "malware" in reasons["relationship--00000000-0000-4000-8000-000000000009"]
    assert "related-to" in reasons["relationship--00000000-0000-4000-8000-000000000010"]
    assert report.ignored == {"malware": 1}
    ties = {(t.subject.name, t.relation, t.object.name): t for t in Graph(empty_store).ties()}
    ally = [t for k, t in ties.items() if k[1] == "ally_of"][0]
    assert ally.start.iso == "2017-03-01"
    assert ally.citations[0].quote == "Jund al-Qawqaz fought alongside HTS in Idlib."
    assert ally.citations[0].doc_title == "Example analysis"
    based = ties[("Jund al-Qawqaz", "operates_in", "Syria")]
    assert based.citations[0].quote == "The group is based in northern Syria."
    assert Graph(empty_store).entity("Caucasus Soldiers").name == "Jund al-Qawqaz"


def test_strict_import_refuses_a_relationship_without_evidence(empty_store, tmp_path):
    path = tmp_path / "opencti.json"
    path.write_text(json.dumps(foreign_bundle()))
    with pytest.raises(ImportFormatError, match="relationship--"):
        import_stix(empty_store, path, strict=True)
    assert empty_store.stats()["documents"] == 0


def test_report_description_is_the_evidence_of_last_resort(empty_store, tmp_path):
    data = foreign_bundle()
    objs = {o["id"]: o for o in data["objects"]}
    report = objs["report--00000000-0000-4000-8000-000000000011"]
    report["description"] = "Jund al-Qawqaz is a component of Hayat Tahrir al-Sham."
    report["object_refs"].append("relationship--00000000-0000-4000-8000-000000000008")
    (tmp_path / "b.json").write_text(json.dumps(data))
    result = import_stix(empty_store, tmp_path / "b.json")
    assert "relationship--00000000-0000-4000-8000-000000000008" not in dict(result.skipped)
    part = Graph(empty_store).ties(relation="part_of")[0]
    assert part.citations[0].quote == report["description"]
    assert part.citations[0].doc_title == "Caucasian fighters in Syria"


# -- malformed bundles: a clear error naming the object, and nothing imported -------------------------

def _break(mutate):
    data = foreign_bundle()
    mutate({o["id"]: o for o in data["objects"]}, data)
    return json.dumps(data)


MALFORMED = {
    "not-json": ("{ this is not json", "not JSON"),
    "not-a-bundle": (json.dumps({"type": "report"}), "not a STIX bundle"),
    "stix-2.0-bundle": (_break(lambda o, d: d.update(spec_version="2.0")), "bundle--.*STIX 2.0"),
    "stix-2.0-object": (_break(lambda o, d: o["intrusion-set--00000000-0000-4000-8000-000000000002"].update(
        spec_version="2.0")), "intrusion-set--00000000-0000-4000-8000-000000000002 is STIX 2.0"),
    "dangling-target": (_break(lambda o, d: o["relationship--00000000-0000-4000-8000-000000000006"].update(
        target_ref="threat-actor--00000000-0000-4000-8000-000000000777")),
        "relationship--00000000-0000-4000-8000-000000000006 target_ref points at threat-actor--.*777"),
    "dangling-report-ref": (_break(lambda o, d: o["report--00000000-0000-4000-8000-000000000011"]["object_refs"]
                                   .append("location--00000000-0000-4000-8000-000000000555")),
                            "report--00000000-0000-4000-8000-000000000011 object_refs points at location--"),
    "unknown-type": (_break(lambda o, d: d["objects"].append(
        {**_sdo("x-unknown-thing", 42), "type": "x-unknown-thing", "id": "x-unknown-thing--00000000-0000-4000-8000-000000000042"})),
        "x-unknown-thing--00000000-0000-4000-8000-000000000042 has the unknown type 'x-unknown-thing'"),
    "invalid-object": (_break(lambda o, d: o["relationship--00000000-0000-4000-8000-000000000007"].pop("source_ref")),
                       "relationship--00000000-0000-4000-8000-000000000007 is not valid STIX 2.1"),
    "bad-id": (_break(lambda o, d: d["objects"][1].update(id="intrusion-set--nope")), "malformed id"),
    "bad-citation": (_break(lambda o, d: o["relationship--00000000-0000-4000-8000-000000000006"].update(
        x_factionmap_citations=[{"quote": "x", "report_ref": "report--00000000-0000-4000-8000-000000000011",
                                 "start": {"iso": "2015"}}])),
        "relationship--00000000-0000-4000-8000-000000000006: malformed factionmap property"),
}


@pytest.mark.parametrize("case", sorted(MALFORMED))
def test_malformed_bundles_are_refused_whole(store, tmp_path, case):
    text, message = MALFORMED[case]
    path = tmp_path / f"{case}.json"
    path.write_text(text)
    before = copy.deepcopy(store.stats())
    with pytest.raises(ImportFormatError, match=message):
        import_stix(store, path)
    assert store.stats() == before


def test_a_custom_type_declared_by_an_extension_is_ignored_not_refused(empty_store, tmp_path):
    data = foreign_bundle()
    ext = "extension-definition--00000000-0000-4000-8000-000000000123"
    data["objects"].append({**_sdo("x-acme-event", 77), "name": "An event",
                            "extensions": {ext: {"extension_type": "new-sdo"}}})
    (tmp_path / "b.json").write_text(json.dumps(data))
    assert import_stix(empty_store, tmp_path / "b.json").ignored == {"malware": 1, "x-acme-event": 1}
