"""A profile a page at a time: every tie of an entity exactly once across its pages, in a stable order
(most cited first, then id), totals per relation, small entities answered whole as before; and the
per-entity degrees the map opens with (graph.degrees) equal to a recount from the ties after each kind
of write. On a small generated store (bench/scale_store.py, ties made by the package's aggregator) on
SQLite and on the suite's PostgreSQL server; then in a real Chromium, the profile page's "More ties"."""
from __future__ import annotations

from collections import Counter, defaultdict

import pytest
from click.testing import CliRunner

from bench.scale_store import fill
from factionmap.errors import FactionmapError
from factionmap.graph import Graph, degrees
from factionmap.graph.views import PAGE_CITATIONS, PROFILE_PAGE
from factionmap.store import Store
from factionmap.store import schema as t


@pytest.fixture(scope="module", params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def graph(request, tmp_path_factory):
    if request.param == "sqlite":
        store = Store(tmp_path_factory.mktemp("paging") / "map.db")
    else:
        store = Store(request.getfixturevalue("postgres").create_database("profile_paging"))
    fill(store, 700, 6000, aggregate_in_python=True, log=lambda *_: None)
    yield Graph(store)
    store.close()


def rows_of(graph, eid):
    return [r for r in graph.tie_rows() if eid in (r["subject_id"], r["object_id"])]


def page_ids(profile) -> list[int]:
    return [x.id for ties in profile.ties_by_relation.values() for x in ties]


def hub(graph) -> int:
    """The entity with the most ties: a page holds a fraction of them."""
    count = Counter(e for r in graph.tie_rows() for e in (r["subject_id"], r["object_id"]))
    eid, n = count.most_common(1)[0]
    assert n > 3 * 7, "the generated store should have an entity with many ties"
    return eid


def test_pages_hold_every_tie_once_most_cited_first(graph):
    eid = hub(graph)
    rows = rows_of(graph, eid)
    want = [r["id"] for r in sorted(rows, key=lambda r: (-r["evidence_count"], r["id"]))]
    seen, offset, pages = [], 0, 0
    while offset is not None:
        p = graph.profile(eid, limit=7, offset=offset)
        assert p.total == len(rows) and p.limit == 7 and p.offset == offset
        assert p.counts == dict(Counter(r["relation"] for r in rows))
        got = page_ids(p)
        assert len(got) == len(set(got)) <= 7
        assert sorted(got) == sorted(want[offset:offset + 7])  # this page is the next 7 of the order
        assert page_ids(graph.profile(eid, limit=7, offset=offset)) == got  # the same page read again
        seen += got
        offset, pages = p.next_offset, pages + 1
    assert sorted(seen) == sorted(want) and len(seen) == len(set(seen))
    assert pages == -(-len(rows) // 7)
    assert page_ids(graph.profile(eid, limit=7, offset=len(rows) + 3)) == []  # past the end: an empty page


def test_within_a_page_ties_are_grouped_by_relation_and_date_as_a_whole_profile(graph):
    eid = hub(graph)
    whole = graph.profile(eid, limit=None)
    order = {x.id: i for i, x in enumerate(x for ties in whole.ties_by_relation.values() for x in ties)}
    p = graph.profile(eid, limit=10, offset=5)
    for relation, ties in p.ties_by_relation.items():
        assert all(x.relation == relation for x in ties)
        assert [order[x.id] for x in ties] == sorted(order[x.id] for x in ties)


def test_a_page_carries_a_few_citations_of_each_tie_and_counts_them_all(graph):
    eid = hub(graph)
    whole = {x.id: x for ties in graph.profile(eid, limit=None).ties_by_relation.values() for x in ties}
    p = graph.profile(eid, limit=10)
    assert p.next_offset == 10
    for ties in p.ties_by_relation.values():
        for x in ties:
            full = whole[x.id].citations
            assert p.cited[x.id] == len({c.assertion_id for c in full})
            kept = {c.assertion_id for c in x.citations}
            assert kept == set(sorted({c.assertion_id for c in full})[:PAGE_CITATIONS])
            assert all(c in full for c in x.citations)


def test_a_small_entity_is_answered_whole_as_before(graph):
    counts = Counter(e for r in graph.tie_rows() for e in (r["subject_id"], r["object_id"]))
    small = [e for e, n in sorted(counts.items()) if 2 <= n <= 12][:10]
    assert small
    for eid in small:
        paged, whole = graph.profile(eid), graph.profile(eid, limit=None)
        assert paged.total == counts[eid] and paged.next_offset is None and paged.limit == PROFILE_PAGE
        assert {k: [(x.id, x.citations) for x in v] for k, v in paged.ties_by_relation.items()} == \
            {k: [(x.id, x.citations) for x in v] for k, v in whole.ties_by_relation.items()}
        assert [x.id for x in paged.neighbours] == [x.id for x in whole.neighbours]
        assert [(p.id, t.id) for p, _s, _e, t in paged.leaders] == [(p.id, t.id) for p, _s, _e, t in whole.leaders]


def test_a_bad_page_is_refused_saying_why(graph):
    eid = hub(graph)
    for bad in ({"limit": 0}, {"offset": -1}):
        with pytest.raises(FactionmapError, match="limit must be at least 1 and offset at least 0"):
            graph.profile(eid, **bad)


def test_show_prints_a_page_and_says_where_the_next_starts(graph):
    from factionmap.cli import main

    eid = hub(graph)
    total = len(rows_of(graph, eid))
    out = CliRunner().invoke(main, ["show", str(eid), "--db", graph.store.url, "--limit", "4", "--offset", "4"])
    assert out.exit_code == 0, out.output
    assert f"ties 5-8 of {total}, the most cited first; the next: --offset 8" in out.output
    data = CliRunner().invoke(main, ["show", str(eid), "--db", graph.store.url, "--limit", "4", "--json"])
    import json

    page = json.loads(data.output)["page"]
    assert page["total"] == total and page["shown"] == 4 and page["next_offset"] == 4
    bad = CliRunner().invoke(main, ["show", str(eid), "--db", graph.store.url, "--limit", "0"])
    assert bad.exit_code != 0 and "--limit" in bad.output


def recount(graph) -> dict[int, tuple]:
    """entity_degrees as it should be, read off every tie in Python."""
    with graph.engine.connect() as conn:
        types = dict(conn.execute(t.entities.select().with_only_columns(t.entities.c.id, t.entities.c.type)).all())
    out: dict[int, list] = defaultdict(lambda: [0, 0, [], []])
    for r in graph.tie_rows(rejected=True):
        drawn = (r["review"] != "rejected" and r["status"] in degrees.MAP_STATUSES
                 and types[r["subject_id"]] in degrees.MAP_TYPES and types[r["object_id"]] in degrees.MAP_TYPES)
        for e in (r["subject_id"], r["object_id"]):
            out[e][0] += 1
            out[e][1] += drawn
            out[e][2].append([r[k] for k in degrees.LOWS])
            out[e][3].append([r[k] for k in degrees.HIGHS])

    def lowest(values):
        values = [v for v in values if v is not None]
        return min(values) if values else None

    def highest(values):
        values = [v for v in values if v is not None]
        return max(values) if values else None
    return {e: (n, m, *[lowest([x[i] for x in lo]) for i in range(3)], *[highest([x[i] for x in hi]) for i in range(3)])
            for e, (n, m, lo, hi) in out.items()}


def stored(graph) -> dict[int, tuple]:
    d = t.entity_degrees.c
    with graph.engine.connect() as conn:
        return {r[0]: tuple(r[1:]) for r in conn.execute(
            t.entity_degrees.select().with_only_columns(d.entity_id, d.ties, d.map_ties, *[d[k] for k in degrees.LOWS],
                                                         *[d[k] for k in degrees.HIGHS]))}


def group_recount(graph) -> dict[tuple, int]:
    """Per (entity, relation, status): its ties with both ends groups, not rejected, from the ties."""
    types = {e.id: e.type.value for e in graph.entities()}
    out: Counter = Counter()
    for r in graph.tie_rows():
        if r["review"] != "rejected" and types[r["subject_id"]] == types[r["object_id"]] == "ORG":
            for e in {r["subject_id"], r["object_id"]}:
                out[(e, r["relation"], r["status"])] += 1 if r["subject_id"] != r["object_id"] else 2
    return dict(out)


def stored_counts(graph, table) -> dict[tuple, int]:
    """Per (entity, relation, status): the ties a count table (group_ties, entity_relations) holds."""
    c = table.c
    with graph.engine.connect() as conn:
        return {(r[0], r[1], r[2]): r[3] for r in conn.execute(
            table.select().with_only_columns(c.entity_id, c.relation, c.status, c.ties))}


def group_stored(graph) -> dict[tuple, int]:
    return stored_counts(graph, t.group_ties)


def relation_recount(graph) -> dict[tuple, int]:
    """Per (entity, relation, status): its ties not rejected, from the ties (a tie with itself once)."""
    out: Counter = Counter()
    for r in graph.tie_rows():
        for e in {r["subject_id"], r["object_id"]}:
            out[(e, r["relation"], r["status"])] += 1
    return dict(out)


def relation_stored(graph) -> dict[tuple, int]:
    return stored_counts(graph, t.entity_relations)


def ranking_of(graph, relations, statuses, limit=25):
    """The map's ranking of groups under relations and statuses, from group_ties and from the ties."""
    from factionmap.web.mapdata import MapQuery
    from factionmap.web.mappaging import _ranked, _selection

    q = MapQuery(relations=relations, statuses=statuses)
    rels = set(relations) if relations is not None else None
    with graph.engine.connect() as conn:
        return (degrees.ranked_groups(conn, rels, statuses, limit),
                _ranked(conn, _selection(graph, q, rels, None), limit))


def test_degrees_are_kept_with_the_ties_through_merges_undo_and_set_based_aggregation(graph):
    from factionmap.graph import setwise

    before = stored(graph)
    assert before == recount(graph) and before
    groups_before = group_stored(graph)
    assert groups_before == group_recount(graph) and groups_before
    relations_before = relation_stored(graph)
    assert relations_before == relation_recount(graph) and relations_before
    counts = Counter(e for r in graph.tie_rows() for e in (r["subject_id"], r["object_id"]))
    groups = [e for e, _n in counts.most_common(40) if graph.entity(e).type.value == "ORG"]
    a, b = groups[3], groups[7]
    decision = graph.merge(a, b)  # b's ties move to a: both ends of every one of them are recounted
    merged = stored(graph)
    assert merged[a] != before[a] and merged != before
    assert merged == recount(graph)
    assert group_stored(graph) == group_recount(graph) != groups_before
    assert relation_stored(graph) == relation_recount(graph) != relations_before
    graph.undo(decision.id)
    assert stored(graph) == recount(graph) == before
    assert group_stored(graph) == group_recount(graph) == groups_before
    assert relation_stored(graph) == relation_recount(graph) == relations_before
    with graph.store.transaction() as conn:
        conn.execute(t.entity_degrees.delete())
        conn.execute(t.group_ties.delete())
        conn.execute(t.entity_relations.delete())
        setwise.refresh_all(conn)
    assert stored(graph) == recount(graph)
    assert group_stored(graph) == group_recount(graph) == groups_before
    assert relation_stored(graph) == relation_recount(graph) == relations_before


def test_a_view_by_relation_and_status_ranks_its_groups_as_a_read_of_its_ties_would(graph):
    """The map's ranking and group count from group_ties equal those read from the chosen ties."""
    for relations, statuses in [(None, ["supported"]), (None, ["supported", "contested"]),
                                (["ally_of", "opposes"], ["supported"]), (["part_of"], ["supported", "denied"]),
                                (["ally_of"], ["contested"]), (None, ["denied"])]:
        kept, scanned = ranking_of(graph, relations, statuses)
        assert kept == scanned, (relations, statuses)
    assert ranking_of(graph, None, ["supported"])[0][1] > 25  # more groups than the page: a real ranking


def _as_of(graph, eid) -> str:
    """A day on which several of the entity's ties hold: the start of its median dated tie."""
    starts = sorted(r["start_iso"][:4] for r in rows_of(graph, eid) if r["start_iso"])
    return starts[len(starts) // 2] + "-12-31"


def test_ties_as_of_an_entity_a_page_at_a_time(graph):
    eid = hub(graph)
    day = _as_of(graph, eid)
    whole = [x.id for x in graph.ties(as_of=day, entity=eid)]
    assert len(whole) > 10 and graph.count_ties(as_of=day, entity=eid) == len(whole)
    pages, offset = [], 0
    while True:
        page = graph.ties(as_of=day, entity=eid, limit=4, offset=offset)
        if not page:
            break
        assert len(page) <= 4 and all(x.citations for x in page)
        pages += [x.id for x in page]
        offset += 4
    assert pages == whole  # the same ties in the same order, each once


def test_ties_cli_pages_an_entity_and_answers_a_small_one_whole(graph):
    from factionmap.cli import main

    eid = hub(graph)
    day = _as_of(graph, eid)
    total = graph.count_ties(as_of=day, entity=eid)
    args = ["ties", "--db", graph.store.url, "--as-of", day, "--entity", str(eid)]
    out = CliRunner().invoke(main, [*args, "--limit", "5", "--offset", "5"])
    assert out.exit_code == 0, out.output
    assert f"5 of {total} ties (the next page: --offset 10)" in out.output
    every = CliRunner().invoke(main, [*args, "--all"])
    assert every.exit_code == 0 and f"{total} ties" in every.output and " of " not in every.output.splitlines()[-1]
    # an entity with fewer ties than a page: all of them, as before
    counts = Counter(e for r in graph.tie_rows() for e in (r["subject_id"], r["object_id"]))
    small = next(e for e, n in sorted(counts.items()) if 3 <= n < PROFILE_PAGE)
    found = graph.ties(entity=small)
    out = CliRunner().invoke(main, ["ties", "--db", graph.store.url, "--entity", str(small)])
    assert out.exit_code == 0 and out.output.splitlines()[-1] == f"{len(found)} ties"
    assert [line for line in out.output.splitlines() if line.startswith("#")][:1] or found


def test_api_ties_of_an_entity_pages_with_a_total(graph):
    from fastapi.testclient import TestClient

    from factionmap.web import create_app

    client = TestClient(create_app(graph.store, cache=False))
    eid = hub(graph)
    whole = client.get("/api/ties", params={"entity": eid, "limit": 5000})
    assert whole.status_code == 200, whole.text
    ids = [x["id"] for x in whole.json()]
    assert len(ids) > 10 and whole.headers["X-Total-Count"] == str(len(ids))
    assert all(x["citations"] for x in whole.json())
    got, offset = [], 0
    while offset < len(ids):
        page = client.get("/api/ties", params={"entity": eid, "limit": 7, "offset": offset})
        assert page.status_code == 200 and page.headers["X-Total-Count"] == str(len(ids))
        got += [x["id"] for x in page.json()]
        offset += 7
    assert got == ids
    assert client.get("/api/ties", params={"entity": eid, "offset": -1}).status_code == 400


def test_a_filtered_profile_counts_and_pages_each_end_once(graph):
    """A hub's profile as of a day: its counts per relation and its pages, read per end (Graph.entity_sides:
    the ties it is the subject of, then those it is only the object of), match its ties read whole."""
    eid = hub(graph)
    day = _as_of(graph, eid)
    whole = {x.id for x in graph.ties(as_of=day, entity=eid, citations=False)}
    rows = [r for r in rows_of(graph, eid) if r["id"] in whole]
    assert len(rows) == len(whole) > 7
    want = [r["id"] for r in sorted(rows, key=lambda r: (-r["evidence_count"], r["id"]))]
    assert graph.count_ties(as_of=day, entity=eid) == len(want)
    seen, offset = [], 0
    while offset is not None:
        p = graph.profile(eid, limit=7, offset=offset, as_of=day)
        assert p.total == len(want) and p.counts == dict(Counter(r["relation"] for r in rows))
        got = page_ids(p)
        assert sorted(got) == sorted(want[offset:offset + 7])
        seen, offset = seen + got, p.next_offset
    assert sorted(seen) == sorted(want)


def test_ties_without_citations_are_the_same_page_and_total(graph):
    """`ties` reads citations only when it prints them (--quotes, --json): the page and its total are the same."""
    eid = hub(graph)
    day = _as_of(graph, eid)
    cited, total = graph.ties_page(5, 5, as_of=day, entity=eid)
    bare, bare_total = graph.ties_page(5, 5, as_of=day, entity=eid, citations=False)
    assert [x.id for x in bare] == [x.id for x in cited] and bare_total == total > 10
    assert all(x.citations for x in cited) and not any(x.citations for x in bare)


def test_a_hub_counted_first_is_read_whole_when_its_filters_leave_a_page_or_less(graph):
    """A hub has more ties in all than a page (entity_degrees): its profile counts them first instead of
    reading a page in reading order. Under a relation that leaves it a page or fewer it is answered whole,
    as the whole profile is; with none of them, empty; under one that leaves more, paged."""
    eid = hub(graph)
    per_relation = Counter(r["relation"] for r in rows_of(graph, eid))
    few = [rel for rel, n in per_relation.items() if 1 <= n <= 7]
    many = [rel for rel, n in per_relation.items() if n > 7]
    assert few and many, per_relation
    for rel in few:
        paged, whole = graph.profile(eid, limit=7, relation=rel), graph.profile(eid, limit=None, relation=rel)
        assert paged.total == per_relation[rel] and paged.next_offset is None
        assert {k: [(x.id, x.citations) for x in v] for k, v in paged.ties_by_relation.items()} == \
            {k: [(x.id, x.citations) for x in v] for k, v in whole.ties_by_relation.items()}
    none = graph.profile(eid, limit=7, relation="merged_into" if "merged_into" not in per_relation else "no_such")
    assert none.total == 0 and not none.ties_by_relation and none.entity.id == eid
    rel = many[0]
    p = graph.profile(eid, limit=7, relation=rel)
    assert p.total == per_relation[rel] and p.shown == 7 and p.next_offset == 7


def test_counts_per_relation_kept_with_the_ties_equal_those_read_from_the_ties(graph):
    """Graph.entity_counts from entity_relations (filters of relations and statuses at most) equals the
    count of the entity's ties read whole, for hubs and small entities, under relations and statuses; a
    rejected tie leaves both; a date or a confidence floor is counted from the ties."""
    from factionmap.graph.api import _kept_counts

    counts = Counter(e for r in graph.tie_rows() for e in (r["subject_id"], r["object_id"]))
    entities = [hub(graph)] + [e for e, n in sorted(counts.items()) if n >= 2][::40][:8]
    for filters in ({}, {"relation": "ally_of"}, {"status": "supported"},
                    {"relation": ["ally_of", "opposes", "part_of"], "status": ["supported", "contested"]}):
        assert _kept_counts(filters) is not None
        for eid in entities:
            want = Counter(x.relation for x in graph.ties(entity=eid, citations=False, **filters))
            with graph.engine.connect() as conn:
                assert graph.entity_counts(conn, eid, **filters) == dict(want), (eid, filters)
    assert _kept_counts({"as_of": "2004"}) is None and _kept_counts({"rejected": True}) is None
    eid = hub(graph)
    confident = Graph(graph.store, min_confidence=0.9)
    with graph.engine.connect() as conn:
        assert confident.entity_counts(conn, eid) == dict(Counter(x.relation for x in confident.ties(entity=eid)))
        assert confident.entity_counts(conn, eid) != graph.entity_counts(conn, eid)
    tie = graph.ties(entity=eid, citations=False)[0]
    from factionmap.review import Editor, local_actor

    editor = Editor(graph.store, local_actor("tester"))
    editor.reject(tie.id)
    try:
        with graph.engine.connect() as conn:
            assert graph.entity_counts(conn, eid) == dict(Counter(x.relation for x in graph.ties(entity=eid)))
        assert relation_stored(graph) == relation_recount(graph)
        assert graph.profile(eid).total == len(graph.ties(entity=eid, citations=False))
    finally:
        editor.confirm(tie.id)  # the tie shown again, for the tests after
