"""`group_spans` (graph.group_spans): each group's ties among groups by relation, status, confidence decile
and the years on whose 1 January they hold. Checked against a recount from the ties after a merge, its
undo and a set-based aggregation, and the map's ranking from it against the read of the chosen ties
(mappaging._ranked) under dates, floors and their combinations, on a store whose ties were given
lifespans, dates within a year, unscored confidences and spans that hold on no 1 January. On a small
generated store (bench/scale_store.py, ties made by the package's aggregator) on SQLite and on the
suite's PostgreSQL server."""
from __future__ import annotations

import datetime as dt
from collections import Counter

import pytest
from sqlalchemy import update

from bench.scale_store import fill
from factionmap.graph import Graph, degrees, group_spans
from factionmap.store import Store
from factionmap.store import schema as t
from factionmap.web.mapdata import MapQuery
from factionmap.web.mappaging import _corrected, _ranked, _selection


@pytest.fixture(scope="module", params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def store(request, tmp_path_factory):
    if request.param == "sqlite":
        store = Store(tmp_path_factory.mktemp("spans") / "map.db")
    else:
        store = Store(request.getfixturevalue("postgres").create_database("group_spans"))
    fill(store, 500, 4000, aggregate_in_python=True, log=lambda *_: None)
    yield store
    store.close()


def _day(value: str | None) -> dt.date | None:
    return dt.date.fromisoformat(value[:10]) if value else None


def keys_of(r: dict) -> tuple[int, int, int, int]:
    """decile, dated, since, until of a tie row, from their definitions (graph.group_spans' docstring)."""
    top = r["top_confidence"]
    decile = group_spans.UNSCORED if top is None else max(k for k in range(11) if top >= k / 10)
    lows = [d for d in (_day(r["start_earliest"]), _day(r["life_from"])) if d]
    highs = [d for d in (_day(r["end_latest"]), _day(r["life_until"])) if d]
    lo, hi = (max(lows) if lows else None), (min(highs) if highs else None)
    since = group_spans.NO_START if lo is None else lo.year + (0 if (lo.month, lo.day) == (1, 1) else 1)
    until = group_spans.NO_END if hi is None else hi.year + 1
    dated = int(bool(r["start_earliest"] or r["end_latest"]))
    return decile, dated, since, until


def recount(graph: Graph) -> dict[tuple, int]:
    types = {e.id: e.type.value for e in graph.entities()}
    out: Counter = Counter()
    for r in graph.tie_rows():  # not rejected
        if types[r["subject_id"]] == types[r["object_id"]] == "ORG":
            for e in (r["subject_id"], r["object_id"]):
                out[(e, r["relation"], r["status"], *keys_of(r))] += 1
    return dict(out)


def stored(graph: Graph) -> dict[tuple, int]:
    g = t.group_spans.c
    with graph.engine.connect() as conn:
        return {tuple(r[:-1]): r[-1] for r in conn.execute(
            t.group_spans.select().with_only_columns(*[g[k] for k in group_spans.COLUMNS]))}


def test_kept_with_the_ties_through_a_merge_its_undo_and_set_based_aggregation(store):
    from factionmap.graph import setwise

    graph = Graph(store)
    before = stored(graph)
    assert before == recount(graph) and before
    counts = Counter(e for r in graph.tie_rows() for e in (r["subject_id"], r["object_id"]))
    groups = [e for e, _n in counts.most_common(40) if graph.entity(e).type.value == "ORG"]
    decision = graph.merge(groups[2], groups[6])
    merged = stored(graph)
    assert merged == recount(graph) != before
    graph.undo(decision.id)  # (the undone entity may come back under a new id)
    undone = stored(graph)
    assert undone == recount(graph) != merged
    assert sum(undone.values()) == sum(before.values())
    with store.transaction() as conn:
        conn.execute(t.group_spans.delete())
        setwise.refresh_all(conn)
    assert stored(graph) == recount(graph) == undone


def _vary(store: Store) -> None:
    """Give some ties what the generated store lacks: lifespans, a start within a year, an end before the
    start (holds on no day), unscored and low confidences; then recount the table as the writers do."""
    c = t.ties.c
    with store.transaction() as conn:
        ids = [r[0] for r in conn.execute(t.ties.select().with_only_columns(c.id).order_by(c.id))]
        changes = [
            (ids[0::7], {"life_from": "2001-03-04", "life_until": "2009-12-31"}),
            (ids[1::7], {"start_earliest": "2003-06-15"}),
            (ids[2::11], {"start_earliest": "2006-05-01", "end_latest": "2006-02-01"}),
            (ids[3::9], {"top_confidence": None}),
            (ids[4::9], {"top_confidence": 0.25}),
            (ids[5::13], {"top_confidence": 0.7}),
            (ids[6::13], {"life_until": "2004-01-01"}),
        ]
        for chosen, values in changes:
            for i in range(0, len(chosen), 500):
                conn.execute(update(t.ties).where(c.id.in_(chosen[i:i + 500])).values(**values))
        degrees.refresh(conn, None)


def test_the_ranking_of_a_dated_or_floored_view_is_the_read_of_its_ties(store):
    _vary(store)
    assert stored(Graph(store)) == recount(Graph(store))
    views = 0
    for floor in (None, 0.3, 0.7, 0.8, 1.0):
        graph = Graph(store, min_confidence=floor)
        for as_of in (None, "1999", "2003", "2004", "2006", "2007", "2010"):
            for undated in (None, True):
                for relations, statuses in ((None, ["supported", "contested"]), (["ally_of", "opposes"], ["supported"]),
                                            (None, ["denied", "contested"])):
                    q = MapQuery(as_of=dt.date(int(as_of), 1, 1) if as_of else None, relations=relations,
                                 statuses=statuses, undated=undated)
                    assert group_spans.answers(q, floor)
                    rels = set(relations) if relations else None
                    with graph.engine.connect() as conn:
                        kept = group_spans.ranked(conn, q, rels, floor, 30)
                        read = _ranked(conn, _selection(graph, q, rels, None), 30)
                    assert kept == read, (floor, as_of, undated, relations, statuses)
                    views += bool(read[1])
    assert views > 100  # most views select something


DAYS = ["2001-03-04", "2003-06-14", "2003-06-15", "2003-12-31", "2006-02-01", "2006-03-01", "2006-05-01",
        "2009-12-31", "2010-06-01"]  # bounds _vary gives ties, days next to them, a year's last day
PERIODS = [(None, "2003-06-15", None), (None, None, "2006-02-01"), (None, "2001-03-04", "2006-05-01"),
           (None, "2004-01-01", "2009-12-31"), (None, "2006-03-01", "2006-03-01"), (None, "2003-12-31", "2004-01-01")]


def test_another_day_period_or_floor_is_its_nearest_view_corrected_by_the_band_of_ties_between(store):
    """A day that is not a 1 January, a period, a floor that is not a tenth: group_spans' counts of that
    year's 1 January, the period's years and the next tenth, corrected by the ties between
    (mappaging._corrected), rank as the read of the chosen ties does; on days that are bounds of ties (a
    start, an end, a lifespan's) and next to them."""
    _vary(store)
    views = corrected = 0
    for floor in (None, 0.25, 0.55, 0.7, 0.75, 0.95, 0.999):
        graph = Graph(store, min_confidence=floor)
        for as_of, start, end in [(None, None, None)] + [(day, None, None) for day in DAYS] + PERIODS:
            for undated in (None, True):
                for relations, statuses in ((None, ["supported", "contested"]), (["ally_of", "opposes"], ["supported"]),
                                            (None, ["denied", "contested"])):
                    q = MapQuery(as_of=_day(as_of), start=_day(start), end=_day(end), relations=relations,
                                 statuses=statuses, undated=undated)
                    near = group_spans.nearest(q, floor)
                    assert near is not None and (start or end or group_spans.answers(*near))
                    rels = set(relations) if relations else None
                    cond = _selection(graph, q, rels, None)
                    with graph.engine.connect() as conn:
                        kept = _corrected(conn, graph, q, rels, cond, *near, 30)
                        read = _ranked(conn, cond, 30)
                    assert kept == read, (floor, as_of, start, end, undated, relations, statuses)
                    views += bool(read[1])
                    corrected += any(x is not None for x in group_spans.band(q, floor, *near))
    assert views > 400 and corrected > 600


def test_the_nearest_view_moves_only_the_day_and_the_floor():
    q = MapQuery(as_of=dt.date(2010, 6, 1), relations=["ally_of"])
    near, floor = group_spans.nearest(q, 0.55)
    assert (near.as_of, near.relations, floor) == (dt.date(2010, 1, 1), ["ally_of"], 0.6)
    assert [group_spans.nearest(q, x)[1] for x in (0.3, 0.62, 0.68, 0.999)] == [0.3, 0.6, 0.7, 1.0]
    for x in (0.01, 0.05, 0.25, 0.55, 0.95):  # the nearer tenth (either at half way): the narrower band
        tenth = group_spans.nearest(q, x)[1]
        assert group_spans.floor_decile(tenth) is not None and abs(tenth - x) <= 0.05 + 1e-9
    assert group_spans.nearest(MapQuery(), None) == (MapQuery(), None)
    assert group_spans.band(MapQuery(), None, MapQuery(), None) == (None, None)
    period = MapQuery(start=dt.date(2001, 3, 1), end=dt.date(2004, 12, 31))
    assert group_spans.nearest(period, None) == (period, None)
    for other in (MapQuery(min_grade="3"), MapQuery(region="Province 3"), MapQuery(types=["ORG", "PERSON"]),
                  MapQuery(focus=3)):
        assert group_spans.nearest(other, 0.55) is None
    assert group_spans.nearest(MapQuery(), 1.5) is None


def test_other_dates_and_floors_are_left_to_the_read_of_the_ties():
    assert not group_spans.answers(MapQuery(as_of=dt.date(2010, 6, 1)), None)
    assert not group_spans.answers(MapQuery(), 0.55)
    assert not group_spans.answers(MapQuery(min_grade="3"), None)
    assert not group_spans.answers(MapQuery(region="Province 3"), None)
    assert not group_spans.answers(MapQuery(start=dt.date(2001, 1, 1)), None)
    assert not group_spans.answers(MapQuery(types=["ORG", "PERSON"]), None)
    assert group_spans.answers(MapQuery(as_of=dt.date(2010, 1, 1)), 0.6)
