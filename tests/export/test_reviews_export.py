"""Reviews in the exports: STIX opinions and notes on the relationships (the bundle validates), a
review column in CSV and JSON Lines, and rejected ties left out of every format."""
from __future__ import annotations

import csv
import io
import json

from factionmap.export import export, ids, stix
from factionmap.export.source import load
from factionmap.export.validate import validate
from factionmap.graph import Graph
from factionmap.review import Editor, local_actor

from tests.export.fixture_store import CLOCK


def _reviewed(store):
    g, ed = Graph(store), Editor(store, local_actor("ana"))
    ties = sorted(g.ties(), key=lambda t: t.id)
    confirmed, rejected, corrected = ties[0], ties[1], ties[2]
    ed.confirm(confirmed.id, note="stated in the group's own statement")
    ed.reject(rejected.id, note="misread")
    fix = ed.correct(corrected.id, {"start": "2010"}, note="founded earlier")
    return confirmed, rejected, g.tie(fix.tie_ids[0])


def test_stix_carries_reviews_as_opinions_and_notes(store):
    confirmed, rejected, corrected = _reviewed(store)
    text = stix.to_json(load(store, clock=CLOCK))
    assert validate(text, strict=True).valid
    data = json.loads(text)
    rels = {o["id"]: o for o in data["objects"] if o["type"] == "relationship"}
    opinions = [o for o in data["objects"] if o["type"] == "opinion"]
    notes = [o for o in data["objects"] if o["type"] == "note"]
    assert len(opinions) == 2 and {o["opinion"] for o in opinions} == {"strongly-agree"}
    assert all(o["object_refs"][0] in rels and o["authors"] == ["local:ana"] for o in opinions)
    assert {n["content"] for n in notes} == {"stated in the group's own statement", "founded earlier"}
    fixed = next(o for o in opinions if "corrected" in o["explanation"])
    assert "start 2010" in fixed["explanation"]
    assert {r["x_factionmap_review"]["verdict"] for r in rels.values() if "x_factionmap_review" in r} == {
        "confirmed", "corrected"}
    assert ids.stix_id("relationship", ids.tie_uid(rejected)) not in rels
    assert ids.stix_id("relationship", ids.tie_uid(confirmed)) in rels
    assert len(rels) == len(Graph(store).ties())
    assert stix.to_json(load(store, clock=CLOCK)) == text  # still byte-identical


def test_tables_carry_a_review_column_and_leave_rejected_ties_out(store, tmp_path):
    confirmed, rejected, corrected = _reviewed(store)
    export(store, "csv", tmp_path / "csv", clock=CLOCK)
    rows = list(csv.DictReader((tmp_path / "csv" / "ties.csv").open(encoding="utf-8")))
    reviews = {(r["subject"], r["relation"], r["object"]): (r["review"], r["reviewed_by"]) for r in rows}
    assert reviews[(confirmed.subject.name, confirmed.relation, confirmed.object.name)] == ("confirmed", "local:ana")
    assert len(rows) == len(Graph(store).ties())
    out = io.StringIO()
    export(store, "jsonl", out)
    ties = [json.loads(line) for line in out.getvalue().splitlines() if '"kind": "tie"' in line]
    assert {t["review"] for t in ties} == {"confirmed", "corrected", ""}
    assert len(ties) == len(rows)
