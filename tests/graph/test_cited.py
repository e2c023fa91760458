"""Each tie's citation counts kept on the tie (graph.cited) equal a recount from its citations, read
from the evidence, after a build, reviews, a merge and its undo, and a set-based aggregation; and the
map's edges carry them. On a SQLite file and on the suite's PostgreSQL server."""
from __future__ import annotations


from sqlalchemy import update

from factionmap.accounts.roles import Actor
from factionmap.graph import Graph, cited, setwise
from factionmap.review import Editor
from factionmap.store import schema as t
from factionmap.web.serialize import is_reported

from tests.graph.test_setwise import _documents, build_samples



def recount(g: Graph) -> dict[tuple, tuple[int, int, bool]]:
    """Per tie (its ends and relation: a set-based aggregation may give it a new id): its citations, the
    documents they come from, only reported, from the citations themselves."""
    return {(x.subject.id, x.relation, x.object.id): (len(x.citations), len({c.doc_id for c in x.citations}),
                                                      is_reported(x))
            for x in g.ties(rejected=True)}


def stored(g: Graph) -> dict[tuple, tuple[int, int, bool]]:
    c = t.ties.c
    with g.engine.connect() as conn:
        return {tuple(r[:3]): (r[3], r[4], bool(r[5])) for r in conn.execute(
            t.ties.select().with_only_columns(c.subject_id, c.relation, c.object_id, *[c[k] for k in cited.COLUMNS]))}


def _zeroed(g: Graph) -> None:
    with g.store.transaction() as conn:
        conn.execute(update(t.ties).values(**cited.ZERO))


def test_counts_are_kept_through_reviews_a_merge_its_undo_and_set_based_aggregation(store):
    _documents(store)
    g = Graph(store)
    counts = stored(g)
    assert counts == recount(g)
    # the fixture has ties cited several times by several documents, and one only reported
    assert max(n for n, _d, _r in counts.values()) >= 3 and max(d for _n, d, _r in counts.values()) >= 2
    assert any(r for _n, _d, r in counts.values()) and not all(r for _n, _d, r in counts.values())

    editor = Editor(store, Actor("ada", "analyst"))
    by_relation = {(x.relation, x.status.value): x for x in g.ties(rejected=True)}
    editor.reject(by_relation[("opposes", "contested")].id, note="two groups confused")
    # a correction moves an assertion to another tie: both ties' counts change
    allied = by_relation[("ally_of", "supported")]
    editor.correct(allied.id, {"relation": "opposes"}, note="they fought")
    assert stored(g) == recount(g) != counts

    north, coast = g.entity_id("Northern Front"), g.entity_id("Coastal Union")
    before = stored(g)
    decision = g.merge(north, coast)  # ties between them and to others are re-keyed and recounted
    merged = stored(g)
    assert merged == recount(g) and merged != before
    g.undo(decision.id)
    assert stored(g) == recount(g)

    expected = stored(g)
    _zeroed(g)
    with store.transaction() as conn:
        setwise.refresh_all(conn)
    assert stored(g) == expected == recount(g)


def test_counts_after_a_build_of_sample_documents_and_on_the_map(store, tmp_path):
    build_samples(store, tmp_path)
    g = Graph(store)
    counts = stored(g)
    assert len(counts) > 20 and counts == recount(g)
    assert all(n >= 1 for n, _d, _r in counts.values())

    from factionmap.web.mapdata import MapQuery, build_map

    edges = build_map(g, MapQuery())["edges"]
    assert edges
    for e in edges:
        assert (e["citations"], e["sources"], e["reported"]) == counts[(e["source"], e["relation"], e["target"])]

    _zeroed(g)
    with store.transaction() as conn:
        setwise.refresh_all(conn)
    assert stored(g) == counts


def test_a_confidence_floor_keeps_the_ties_with_an_assertion_that_reaches_it(store, tmp_path):
    """Graph(min_confidence=x) reads each tie's top confidence kept on the tie: it keeps exactly the ties
    one of whose assertions reaches x or was scored by no model, read from the assertions themselves,
    after a build and after a set-based aggregation of ties whose kept value was spoiled."""
    from collections import defaultdict

    from sqlalchemy import select

    build_samples(store, tmp_path)
    ta, a = t.tie_assertions, t.assertions
    with store.engine.connect() as conn:
        scores = defaultdict(list)
        for tie_id, confidence in conn.execute(select(ta.c.tie_id, a.c.confidence).join(a, a.c.id == ta.c.assertion_id)):
            scores[tie_id].append(confidence)
    scored = sorted({c for cs in scores.values() for c in cs if c is not None})
    assert len(scored) > 5

    def check() -> None:
        for floor in (scored[0], scored[len(scored) // 3], scored[len(scored) // 2], scored[-1], 0.999999):
            want = {tie for tie, cs in scores.items() if any(c is None or c >= floor for c in cs)}
            got = {x.id for x in Graph(store, min_confidence=floor).ties(rejected=True, citations=False)}
            assert got == want
        middle = scored[len(scored) // 2]
        assert 0 < len({x.id for x in Graph(store, min_confidence=middle).ties(rejected=True)}) < len(scores)

    check()
    with store.transaction() as conn:
        conn.execute(update(t.ties).values(top_confidence=0.0))
        setwise.refresh_all(conn)
    with store.engine.connect() as conn:  # set-based aggregation writes the ties anew: their ids again
        scores = defaultdict(list)
        for tie_id, confidence in conn.execute(select(ta.c.tie_id, a.c.confidence).join(a, a.c.id == ta.c.assertion_id)):
            scores[tie_id].append(confidence)
    check()
