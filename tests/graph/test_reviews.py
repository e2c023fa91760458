"""Reviews of ties: their effect on the map, and that they last (rebuilds, re-extraction with a new
extractor version, concurrent reviewers), on SQLite and PostgreSQL."""
from __future__ import annotations

import threading

import pytest
from sqlalchemy import text

from factionmap import audit
from factionmap.errors import PermissionDenied, ReviewConflict, ReviewError, StoreError
from factionmap.accounts.roles import Actor
from factionmap.graph import Graph
from factionmap.review import Editor, local_actor
from factionmap.review.training import training_material

from tests.graph.helpers import claim, doc, ent, save

SHAM = ent("Liwa al-Sham", aliases=("LAS",))
FAJR = ent("Harakat al-Fajr")
QAIDA = ent("Tanzim al-Qaida fi al-Sahil")
TOWN = ent("Tal Hamra", "PLACE")

TEXT_1 = ("Liwa al-Sham pledged allegiance to Tanzim al-Qaida fi al-Sahil in 2014. "
          "Harakat al-Fajr fought Liwa al-Sham near Tal Hamra.")
TEXT_2 = "In 2015 Harakat al-Fajr was reported to have joined Tanzim al-Qaida fi al-Sahil."


def _store(store):
    d1 = doc(TEXT_1, "one", publisher="Monitor A")
    d2 = doc(TEXT_2, "two", publisher="Monitor B")
    save(store, d1, [claim(d1, SHAM, "allegiance_to", QAIDA, "pledged", start="2014"),
                     claim(d1, FAJR, "opposes", SHAM, "fought"),
                     claim(d1, FAJR, "operates_in", TOWN, "fought")])
    save(store, d2, [claim(d2, FAJR, "part_of", QAIDA, "joined", stance="reported", start="2015")])
    return d1, d2


def _tie(g, relation):
    return next(t for t in g.ties(rejected=True) if t.relation == relation)


def test_confirm_reject_correct_change_the_map(store):
    _store(store)
    g, ed = Graph(store), Editor(store, Actor("ada", "analyst"))
    pledge, fight, joined = _tie(g, "allegiance_to"), _tie(g, "opposes"), _tie(g, "part_of")
    ed.confirm(pledge.id, note="the group's own statement")
    assert g.tie(pledge.id).grade.endswith("1") and g.tie(pledge.id).confidence >= 80
    ed.confirm(fight.id, grade="B2")
    assert g.tie(fight.id).grade == "B2"
    ed.reject(joined.id, note="the source confuses two groups")
    assert joined.id not in {t.id for t in g.ties()}
    assert joined.id not in {t.id for t in g.profile("Harakat al-Fajr").ties_by_relation.get("part_of", [])}
    listed = g.reviews(entity="Harakat al-Fajr")
    assert [(r.verdict, r.actor, r.note) for r in listed if r.kind == "reject"] == [
        ("rejected", "ada", "the source confuses two groups")]
    fix = ed.correct(pledge.id, {"start": "2014-11", "relation": "part_of"}, note="a province, since November")
    fixed = g.tie(fix.tie_ids[0])
    assert (fixed.relation, fixed.start.iso, fixed.review["verdict"]) == ("part_of", "2014-11", "corrected")
    original = fixed.review["corrections"][0]["original"]
    assert (original["relation"], original["start"]) == ("allegiance_to", "2014")
    assert not [t for t in g.ties() if t.relation == "allegiance_to"]
    with store.engine.connect() as conn:
        actions = [e.action for e in audit.entries(conn, target_type="tie")]
    assert actions.count("confirm") == 2 and "reject" in actions and "correct" in actions


def test_reviews_survive_a_rebuild_and_a_new_extractor_version(store):
    d1, d2 = _store(store)
    g, ed = Graph(store), Editor(store, local_actor("t"))
    ed.reject(_tie(g, "part_of").id, note="wrong")
    fix = ed.correct(_tie(g, "allegiance_to").id, {"start": "2014-06"})
    ed.confirm(_tie(g, "opposes").id)
    g.rebuild()
    assert {t.relation for t in g.ties()} == {"allegiance_to", "opposes", "operates_in"}
    # a new extractor version reads the same sentences with other offsets and other side names
    shifted = doc("Liwa al-Sham, also LAS, pledged allegiance to Tanzim al-Qaida fi al-Sahil in 2014. "
                  "Harakat al-Fajr fought Liwa al-Sham near Tal Hamra.", "one", publisher="Monitor A")
    shifted.id = d1.id
    save(store, shifted, [claim(shifted, ent("LAS"), "allegiance_to", QAIDA, "pledged", start="2014"),
                          claim(shifted, FAJR, "opposes", SHAM, "fought")], version="t2")
    save(store, d2, [claim(d2, FAJR, "part_of", QAIDA, "joined", stance="reported", start="2015")], version="t2")
    pledge = next(t for t in g.ties(rejected=True) if t.start and t.start.iso == "2014-06")
    assert pledge.review["verdict"] == "corrected" and pledge.id in g.reviews(tie=pledge.id)[0].tie_ids
    assert _tie(g, "opposes").review["verdict"] == "confirmed"
    assert _tie(g, "part_of").review["verdict"] == "rejected"
    assert "part_of" not in {t.relation for t in g.ties()}
    assert fix.id in {r.id for r in g.reviews() if r.state == "in force"}


def test_a_review_whose_evidence_no_longer_produces_the_tie_is_kept_as_detached(store):
    d1, _ = _store(store)
    g, ed = Graph(store), Editor(store, local_actor("t"))
    review = ed.confirm(_tie(g, "operates_in").id, note="seen on the ground")
    save(store, d1, [claim(d1, SHAM, "allegiance_to", QAIDA, "pledged", start="2014")], version="t2")
    assert "operates_in" not in {t.relation for t in g.ties(rejected=True)}
    kept = {r.id: r for r in g.reviews()}[review.id]
    assert kept.state == "detached" and kept.note == "seen on the ground"
    assert review.id in {r.id for r in g.reviews(entity="Harakat al-Fajr")}


def test_a_manual_tie_is_cited_by_its_selection_and_survives_reextraction(store):
    d1, _ = _store(store)
    g, ed = Graph(store), Editor(store, local_actor("t"))
    quote = "Harakat al-Fajr fought Liwa al-Sham near Tal Hamra."
    start = TEXT_1.index(quote)
    r = ed.add_tie(d1.id, start, start + len(quote), subject="Liwa al-Sham", relation="operates_in",
                   object="Tal Hamra", start_date="2014", note="read in the same sentence")
    tie = g.tie(r.tie_ids[0])
    assert (tie.subject.name, tie.relation, tie.object.name) == ("Liwa al-Sham", "operates_in", "Tal Hamra")
    assert tie.citations[0].quote == quote and tie.citations[0].extractor == "analyst"
    assert tie.review["verdict"] == "added"
    save(store, d1, [claim(d1, SHAM, "allegiance_to", QAIDA, "pledged", start="2014")], version="t2")
    g.rebuild()
    again = next(t for t in g.ties() if t.relation == "operates_in" and t.subject.name == "Liwa al-Sham")
    assert again.citations[0].quote == quote
    ed.undo_review(r.id)
    assert not [t for t in g.ties() if t.relation == "operates_in" and t.subject.name == "Liwa al-Sham"]
    with pytest.raises(ReviewError, match="outside"):
        ed.add_tie(d1.id, 0, 10_000, subject="Liwa al-Sham", relation="ally_of", object="Harakat al-Fajr")
    with pytest.raises(ReviewError, match="cannot tie"):
        ed.add_tie(d1.id, 0, 10, subject="Tanzim al-Qaida fi al-Sahil", relation="leader_of", object="Liwa al-Sham")


def test_the_later_of_two_reviewers_sees_the_earlier(store):
    """Two analysts load the same tie and submit at once: one write lands, the other is told who came
    first (nothing is lost silently), on SQLite and on PostgreSQL."""
    _store(store)
    tie_id = _tie(Graph(store), "part_of").id
    barrier, results = threading.Barrier(2), {}

    def review(name, kind):
        ed = Editor(store, Actor(name, "analyst"))
        barrier.wait()
        try:
            results[name] = getattr(ed, kind)(tie_id, note=f"{name}'s view", expected=None)
        except ReviewConflict as exc:
            results[name] = exc

    threads = [threading.Thread(target=review, args=a) for a in (("ada", "confirm"), ("bob", "reject"))]
    for th in threads:
        th.start()
    for th in threads:
        th.join(30)
    conflicts = [v for v in results.values() if isinstance(v, ReviewConflict)]
    written = [v for v in results.values() if not isinstance(v, ReviewConflict)]
    assert len(conflicts) == 1 and len(written) == 1
    assert conflicts[0].current.id == written[0].id and written[0].actor in str(conflicts[0])
    g = Graph(store)
    assert len(g.reviews(tie=tie_id)) == 1
    loser = next(n for n, v in results.items() if isinstance(v, ReviewConflict))
    again = Editor(store, Actor(loser, "analyst")).reject(tie_id, note="still wrong", expected=written[0].id)
    assert [r.id for r in g.reviews(tie=tie_id)] == [again.id, written[0].id]


def test_viewers_cannot_review(store):
    _store(store)
    with pytest.raises(PermissionDenied):
        Editor(store, Actor("vic", "viewer")).confirm(_tie(Graph(store), "opposes").id)


def test_the_store_refuses_to_change_or_delete_audit_entries(store):
    _store(store)
    Editor(store, local_actor("t")).confirm(_tie(Graph(store), "opposes").id, note="kept")
    for sql in ("UPDATE audit_log SET actor = 'someone else'", "DELETE FROM audit_log"):
        with pytest.raises((StoreError, Exception), match="append-only"):
            with store.transaction() as conn:
                conn.execute(text(sql))
    with store.engine.connect() as conn:
        assert [e.actor for e in audit.entries(conn)] == ["local:t"]


def test_entity_edits_and_source_grades_last(store):
    _store(store)
    g, ed = Graph(store), Editor(store, local_actor("t"))
    sham = g.entity("Liwa al-Sham").id
    rename = ed.edit_entity(sham, "rename", "Liwa al-Sham al-Islami")
    ed.edit_entity(sham, "set_kind", "armed_group")
    ed.edit_entity(sham, "external_id", "Q4242", scheme="wikidata")
    ed.grade_source("Monitor A", "B")
    g.rebuild()
    g.set_reliability({"Monitor A": "E"})  # the configuration file changes; the app's grade still wins
    e = g.entity("Liwa al-Sham al-Islami")
    assert e.attributes["kind"] == "armed_group" and e.attributes["external_ids"] == {"wikidata": "Q4242"}
    assert _tie(g, "allegiance_to").grade.startswith("B")
    ed.undo_decision(rename.id)
    assert g.entity(e.id).name == "Liwa al-Sham"


def test_reviews_become_training_rows(store):
    d1, d2 = _store(store)
    g, ed = Graph(store), Editor(store, local_actor("t"))
    ed.confirm(_tie(g, "opposes").id)
    ed.reject(_tie(g, "part_of").id)
    ed.correct(_tie(g, "allegiance_to").id, {"relation": "part_of"})
    material = training_material(store)
    rows = {(r["relation"], r["review"]) for r in material.rows}
    assert rows == {("opposes", "confirmed"), ("part_of", "rejected"), ("part_of", "corrected"),
                    ("allegiance_to", "rejected")}
    names = dict(material.documents)
    for r in material.rows:
        assert r["quote"] in names[r["doc"]].text
        assert r["doc"].endswith(".jsonl")


def test_the_queue_puts_what_most_needs_an_expert_first(store):
    d1, d2 = _store(store)
    g, ed = Graph(store), Editor(store, local_actor("t"))
    q = g.review_queue()
    assert q.reviewed == 0 and q.total == q.waiting == len(g.ties())
    needs = [i.need for i in q.items]
    assert needs == sorted(needs, reverse=True)
    joined = _tie(g, "part_of")  # reported only: the lowest confidence
    assert q.items[0].tie.id == joined.id and "confidence" in q.items[0].reasons[0]
    ed.confirm(joined.id)
    q = g.review_queue()
    assert joined.id not in {i.tie.id for i in q.items} and q.reviewed == 1
    d3 = doc("Harakat al-Fajr joined Tanzim al-Qaida fi al-Sahil, a monitor reported.", "three", publisher="Monitor C")
    save(store, d3, [claim(d3, FAJR, "part_of", QAIDA, "joined", stance="reported")])
    item = next(i for i in g.review_queue().items if i.tie.id == joined.id)
    assert "new evidence since its last review" in item.reasons and item.new_evidence == 1
    assert [i.tie.relation for i in g.review_queue(relation="opposes").items] == ["opposes"]
    assert {i.tie.id for i in g.review_queue(document=d2.id).items} == {joined.id}


def test_training_material_joins_a_training_set_without_doubling_documents(store):
    d1, d2 = _store(store)
    g, ed = Graph(store), Editor(store, local_actor("t"))
    ed.confirm(_tie(g, "opposes").id)
    ed.reject(_tie(g, "part_of").id)
    material = training_material(store)
    from factionmap.model import Document

    same_text = Document(TEXT_1, path="corpus/one-from-disk.txt")
    documents, rows = material.merged_with([("one-from-disk.txt", same_text)], [{"doc": "one-from-disk.txt"}])
    assert [n for n, _ in documents] == ["one-from-disk.txt", "two.jsonl"]
    assert {r["doc"] for r in rows[1:]} == {"one-from-disk.txt", "two.jsonl"}
