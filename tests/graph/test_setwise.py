"""Set-based aggregation (graph.setwise) gives exactly the ties, grades, timelines and citations of the
per-entity path (aggregate.refresh), on a SQLite file and on the suite's PostgreSQL server."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from sqlalchemy import delete, insert, select, text, update

from factionmap import builder
from factionmap.accounts.roles import Actor
from factionmap.graph import Graph, aggregate, maintain, setwise
from factionmap.review import Editor
from factionmap.store import Store
from factionmap.store import schema as t

from tests.graph.helpers import claim, doc, ent, save
from tests.test_cluster_build import digest

SAMPLES = Path(__file__).resolve().parents[2] / "samples" / "corpus"

NORTH = ent("Northern Front", aliases=("NF",))
RIVER = ent("River Brigades")
COAST = ent("Coastal Union")
HILL = ent("Hill Battalion")
ANNA = ent("Anna Varga", "PERSON")
BORIS = ent("Boris Lund", "PERSON")
VALE = ent("Green Vale", "PLACE")


def _documents(store) -> None:
    """Ties of every shape: cited by several documents, near-duplicate, symmetric, contested, denied,
    dated with rivals for the first start, ended by a later tie, leaders who follow each other."""
    one = doc("The Northern Front allied with the River Brigades in 2012. The Northern Front fought the "
              "Coastal Union in 2016. Anna Varga led the Northern Front from 2010.", "one", publisher="Desk A")
    two = doc("In March 2012 the Northern Front allied with the River Brigades. The Coastal Union denied "
              "that it fought the Northern Front. Boris Lund led the Northern Front from 2014.",
              "two", publisher="Desk B", author="Kim Ode")
    three = doc("The Northern Front allied with the River Brigades in 2012. The Hill Battalion operated in "
                "Green Vale until 2019. The River Brigades denied any tie to the Hill Battalion.",
                "three", publisher="Desk C")
    four = doc("Reports said the Hill Battalion cooperated with the Coastal Union from 2011 to 2013. "
               "The River Brigades denied any tie to the Hill Battalion.", "four", publisher="Desk A")
    save(store, one, [claim(one, NORTH, "ally_of", RIVER, "allied", start="2012"),
                      claim(one, NORTH, "opposes", COAST, "fought", start="2016"),
                      claim(one, ANNA, "leader_of", NORTH, "led", start="2010")])
    save(store, two, [claim(two, RIVER, "ally_of", NORTH, "allied", start="2012-03"),
                      claim(two, COAST, "opposes", NORTH, "fought", stance="denied"),
                      claim(two, NORTH, "opposes", COAST, "fought", start="2016"),
                      claim(two, BORIS, "leader_of", NORTH, "led", start="2014")])
    save(store, three, [claim(three, NORTH, "ally_of", RIVER, "allied", start="2012"),
                        claim(three, HILL, "operates_in", VALE, "operated", end="2019"),
                        claim(three, RIVER, "ally_of", HILL, "denied", stance="denied")])
    save(store, four, [claim(four, HILL, "ally_of", COAST, "cooperated", stance="reported", start="2011",
                             end="2013"),
                       claim(four, RIVER, "ally_of", HILL, "denied", stance="denied"),
                       claim(four, NORTH, "ally_of", COAST, "Reports", start="2011")])


def _per_entity(store) -> dict:
    with store.transaction() as conn:
        aggregate.refresh(conn, None)
    return digest(store)


def _set_based(store, *, wipe: bool = True) -> dict:
    with store.transaction() as conn:
        if wipe:
            conn.execute(delete(t.tie_assertions))
            conn.execute(delete(t.ties))
        setwise.refresh_all(conn)
    return digest(store)


def _ties(store) -> dict:
    with store.engine.connect() as conn:
        return {(r.subject_id, r.relation, r.object_id): r for r in conn.execute(select(t.ties))}


def test_set_based_ties_grades_and_timelines_equal_the_per_entity_ones(store):
    _documents(store)
    expected = _per_entity(store)
    ties = _ties(store)
    statuses = {r.status for r in ties.values()}
    assert statuses == {"supported", "contested", "denied"}  # the fixture has every kind of tie
    assert any(r.ended_by for r in ties.values()) and any(r.evidence_count >= 3 for r in ties.values())
    assert _set_based(store) == expected  # from no ties at all
    assert _set_based(store, wipe=False) == expected  # over the same ties


def test_set_based_aggregation_keeps_tie_ids_and_drops_ties_no_longer_supported(store):
    _documents(store)
    before = {k: r.id for k, r in _ties(store).items()}
    expected = digest(store)
    some = next(iter(before))
    with store.transaction() as conn:  # a tie nothing supports any more, and one with wrong figures
        conn.execute(insert(t.ties).values(subject_id=some[0], relation="split_from", object_id=some[2],
                                           status="supported"))
        conn.execute(update(t.ties).where(t.ties.c.id == before[some]).values(grade="A1", evidence_count=99))
    assert _set_based(store, wipe=False) == expected
    assert {k: r.id for k, r in _ties(store).items()} == before


def test_reviews_apply_after_set_based_aggregation(store):
    _documents(store)
    g, editor = Graph(store), Editor(store, Actor("ada", "analyst"))
    by_relation = {(tie.relation, tie.status): tie for tie in g.ties(rejected=True)}
    editor.confirm(by_relation[("ally_of", "supported")].id, grade="B2")
    editor.reject(by_relation[("opposes", "contested")].id, note="two groups confused")
    editor.correct(by_relation[("operates_in", "supported")].id, {"start": "2015"}, note="dated")
    expected = _per_entity(store)
    assert {r.review for r in _ties(store).values()} >= {"confirmed", "rejected", "corrected"}
    assert _set_based(store) == expected


def build_samples(store, tmp_path) -> None:
    """Three documents of the sample corpus built into `store` (extraction, resolution, aggregation)."""
    folder = tmp_path / "docs"
    folder.mkdir()
    for name in ("islamic-state-origins.txt", "jabhat-al-nusra-to-hts.md", "hezbollah.txt"):
        shutil.copy(SAMPLES / name, folder / name)
    report = builder.build(store, [str(folder)])
    assert report.errors == [] and report.extracted == 3


def test_a_build_of_sample_documents_aggregates_the_same_both_ways(store, tmp_path):
    build_samples(store, tmp_path)
    expected = _per_entity(store)
    assert len(expected["ties"]) > 20 and expected["citations"]
    with store.engine.connect() as conn:  # lifespans clip some of these ties: that path is exercised
        assert conn.execute(select(t.ties.c.id).where(t.ties.c.life_from.is_not(None))).first()
    assert _set_based(store) == expected


def test_a_stale_store_is_aggregated_whole_by_the_next_write(store):
    _documents(store)
    expected = digest(store)
    with store.transaction() as conn:
        conn.execute(delete(t.tie_assertions))
        conn.execute(delete(t.ties))
        maintain.mark_stale(conn)
    assert store.ties_stale()
    more = doc("The Hill Battalion operated in Green Vale.", "five", publisher="Desk D")
    save(store, more, [claim(more, HILL, "operates_in", VALE, "operated")])
    assert not store.ties_stale()
    got = digest(store)
    assert got["ties"] and got["citations"] != expected["citations"]  # the new document is cited too
    assert got == _per_entity(store)


def test_batches_written_without_aggregation_then_aggregated_equal_a_document_by_document_build(tmp_path):
    one, two = doc("The Northern Front allied with the River Brigades in 2012.", "a"), \
        doc("The River Brigades fought the Coastal Union in 2015.", "b")
    first = [(one, [claim(one, NORTH, "ally_of", RIVER, "allied", start="2012")]),
             (two, [claim(two, RIVER, "opposes", COAST, "fought", start="2015")])]
    from factionmap.model import Extraction

    with Store(tmp_path / "a.db") as per_doc, Store(tmp_path / "b.db") as batched:
        for d, claims in first:
            save(per_doc, d, claims)
        batched.save_batch([Extraction(d, [], [], c, "t1") for d, c in first], aggregate=False)
        assert batched.ties_stale() and batched.stats()["ties"] == 0
        counts = batched.aggregate_all()
        assert counts["inserted"] == 2 and not batched.ties_stale()
        assert digest(batched) == digest(per_doc)


@pytest.mark.postgres
def test_postgres_statistics_follow_the_ties_a_set_based_aggregation_wrote(postgres):
    """A query planned from the statistics of the empty ties of a build's start reads them the slow way:
    the set-based aggregation at a build's end leaves PostgreSQL's statistics counting its ties, and the
    ties' pages all-visible (vacuumed)."""
    from factionmap.model import Extraction

    def estimated(store, table: str) -> float:
        with store.engine.connect() as conn:
            return conn.execute(text("SELECT reltuples FROM pg_class WHERE relname = :t"), {"t": table}).scalar()

    with Store(postgres.create_database("setwise_statistics")) as store:
        batch = []
        for i in range(6):  # fewer documents than a build's first ANALYZE (16)
            d = doc(f"In report {i} the Northern Front allied with the River Brigades and fought the Coastal "
                    f"Union.", f"r{i}")
            batch.append(Extraction(d, [], [], [claim(d, NORTH, "ally_of", RIVER, "allied"),
                                                 claim(d, NORTH, "opposes", COAST, "fought")], "t1"))
        store.save_batch(batch, aggregate=False)
        assert estimated(store, "ties") <= 0  # never analysed (-1), or empty
        store.aggregate_all()
        assert estimated(store, "ties") == store.stats()["ties"] == 2
        assert estimated(store, "tie_assertions") == 12
        with store.engine.connect() as conn:  # vacuumed too: its pages all-visible, so index-only scans read no rows
            visible = conn.execute(text("SELECT relallvisible, relpages FROM pg_class WHERE relname = 'ties'")).one()
        assert visible[1] >= 1 and visible[0] == visible[1]


@pytest.mark.parametrize("rows", [[], [{"name": 'a "quoted",\nname', "value": ""}]])
def test_bulk_rows_keep_quotes_newlines_and_empty_strings(store, rows):
    from factionmap.store.bulk import insert_rows

    with store.transaction() as conn:
        insert_rows(conn, t.settings, rows)
    with store.engine.connect() as conn:
        got = [dict(r) for r in conn.execute(select(t.settings).where(t.settings.c.name.like("a %")))
               .mappings()]
    assert got == rows
