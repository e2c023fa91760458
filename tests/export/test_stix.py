"""STIX 2.1 export: validation, determinism, and the mapping (types, relations, times, x_ properties)."""
from __future__ import annotations

import datetime as dt
import json

from tests.export.fixture_store import CLOCK

from factionmap.export import export, stix
from factionmap.export.source import load
from factionmap.export.validate import validate
from factionmap.model import Entity, FuzzyDate, Tie


def bundle(store, **kw) -> dict:
    return json.loads(stix.to_json(load(store, clock=CLOCK, **kw)))


def by_name(data: dict) -> dict[str, dict]:
    return {o["name"]: o for o in data["objects"] if "name" in o and o["type"] != "report"}


def rels(data: dict) -> dict[tuple[str, str, str], dict]:
    names = {o["id"]: o.get("name") for o in data["objects"]}
    return {(names[o["source_ref"]], o["x_factionmap_relation"], names[o["target_ref"]]): o
            for o in data["objects"] if o["type"] == "relationship"}


def test_fixture_bundle_validates_strictly(store):
    result = validate(stix.to_json(load(store, clock=CLOCK)), strict=True)
    assert result.valid and result.errors == [] and result.warnings == []


def test_only_documented_warnings_remain_in_default_mode(store):
    result = validate(stix.to_json(load(store, clock=CLOCK)))
    assert result.valid and result.errors == []
    assert set(result.warning_codes) == {"103", "202"}  # UUIDv5 ids; relation types STIX does not suggest


def test_same_store_gives_byte_identical_bundles(store, tmp_path):
    export(store, "stix", tmp_path / "a.json", clock=CLOCK)
    export(store, "stix", tmp_path / "b.json", clock=CLOCK)
    assert (tmp_path / "a.json").read_bytes() == (tmp_path / "b.json").read_bytes()


def test_clock_defaults_to_the_stores_last_ingest(store, monkeypatch):
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    first, second = stix.to_json(load(store)), stix.to_json(load(store))
    assert first == second
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    assert '"created": "2023-11-14T22:13:20.000Z"' in stix.to_json(load(store))


def test_entity_types(store):
    objs = by_name(bundle(store))
    assert objs["Islamic State – Caucasus Province"]["type"] == "threat-actor"
    assert objs["Islamic State – Caucasus Province"]["threat_actor_types"] == ["terrorist"]  # designated
    assert objs["Islamic State – Caucasus Province"]["aliases"] == ["Wilayat al-Qawqaz", "IS-CP"]
    assert objs["Caucasus Emirate"]["threat_actor_types"] == ["unknown"]
    assert objs["United States"]["type"] == "identity"  # the designating authority
    assert objs["United States"]["identity_class"] == "organization"
    assert objs["Rustam Asildarov"]["type"] == "threat-actor"  # leads and pledges: an actor
    assert objs["Rustam Asildarov"]["resource_level"] == "individual"
    assert objs["Rustam Asildarov"]["x_factionmap_type"] == "PERSON"
    assert objs["Abu Bakr al-Baghdadi"]["type"] == "identity"  # only the object of a pledge here
    assert objs["Russia"]["type"] == "location" and objs["Russia"]["country"] == "RU"
    assert objs["Dagestan"]["country"] == "RU"  # from the entity's attributes


def test_relationships_carry_evidence_time_and_grades(store):
    r = rels(bundle(store))
    part = r[("Islamic State – Caucasus Province", "part_of", "Islamic State")]
    assert part["relationship_type"] == "part-of"
    assert part["start_time"] == "2015-06-23T00:00:00Z" and "stop_time" not in part
    assert part["x_factionmap_start"] == "2015-06-23"
    assert part["confidence"] == 45 and part["x_factionmap_grade"] == "F3"
    assert part["external_references"][0]["description"].startswith("The Islamic State – Caucasus Province")
    assert part["external_references"][0]["hashes"]["SHA-256"] == part["x_factionmap_citations"][0]["doc_id"]
    lead = r[("Rustam Asildarov", "leader_of", "Islamic State – Caucasus Province")]
    assert (lead["start_time"], lead["stop_time"]) == ("2015-06-01T00:00:00Z", "2016-12-31T23:59:59Z")
    assert lead["x_factionmap_evidence_count"] == 2
    split = r[("Islamic State – Caucasus Province", "split_from", "Caucasus Emirate")]
    assert split["relationship_type"] == "split-from"
    assert split["x_factionmap_status"] == "contested"
    assert split["x_factionmap_stances"] == {"asserted": 1, "denied": 1}
    denial = [c for c in split["x_factionmap_citations"] if c["stance"] == "denied"][0]
    assert denial["attribution"] == "a spokesman for the Caucasus Emirate"
    opposes = [k for k in r if k[1] == "opposes"][0]
    assert r[opposes]["x_factionmap_citations"][0]["start"] == {
        "iso": "2015", "earliest": "2015-09-01", "latest": "2015-12-31", "text": "late 2015"}
    assert {v["relationship_type"] for v in r.values()} >= {"allegiance-to", "located-at", "cooperates-with",
                                                           "designated-by", "leader-of", "opposes"}


def test_reports_list_what_each_document_supports(store):
    data = bundle(store)
    reports = {o["name"]: o for o in data["objects"] if o["type"] == "report"}
    assert set(reports) == {"Islamic State – Caucasus Province", "Emirate spokesman denies split"}
    news = reports["Emirate spokesman denies split"]
    assert news["published"] == "2016-03-02T00:00:00Z" and news["x_factionmap_author"] == "A. Reporter"
    kinds = {ref.split("--")[0] for ref in news["object_refs"]}
    assert kinds == {"relationship", "threat-actor"}
    ids = {o["id"] for o in data["objects"]}
    assert all(ref in ids for r in reports.values() for ref in r["object_refs"])


def _tie(start=None, end=None) -> Tie:
    e = Entity("A", "ORG")
    return Tie(1, e, "part_of", Entity("B", "ORG"), start=start, end=end)


def test_stop_time_is_always_after_start_time():
    day = FuzzyDate.from_iso("2015-06-23")
    times = stix.relationship_times(_tie(day, day))
    assert times["stop_time"] > times["start_time"]
    assert times["stop_time"] == dt.datetime(2015, 6, 23, 23, 59, 59, tzinfo=dt.timezone.utc)
    backwards = stix.relationship_times(_tie(FuzzyDate.from_iso("2016"), FuzzyDate.from_iso("2014")))
    assert "stop_time" not in backwards  # the end stays in x_factionmap_end


def test_as_of_and_ego_exports(store):
    as_of = rels(bundle(store, as_of="2015-10"))
    assert ("Islamic State – Caucasus Province", "part_of", "Islamic State") in as_of
    assert not any(k[1] == "ally_of" for k in as_of)  # ended in 2014
    ego = bundle(store, entity="Abu Bakr al-Baghdadi", depth=1)
    assert list(rels(ego)) == [("Rustam Asildarov", "allegiance_to", "Abu Bakr al-Baghdadi")]
    assert validate(json.dumps(ego), strict=True).valid
    wider = rels(bundle(store, entity="Abu Bakr al-Baghdadi", depth=2))
    assert ("Rustam Asildarov", "leader_of", "Islamic State – Caucasus Province") in wider


def test_empty_store_exports_a_valid_bundle(empty_store):
    text = stix.to_json(load(empty_store, clock=CLOCK))
    assert validate(text, strict=True).valid
