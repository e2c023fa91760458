"""The SQL-side queries (show, ties --as-of, path, lineage, contested) give the answers read off the
whole map held in memory, on a small generated store (bench/scale_store.py, its ties made by the
package's own aggregator) on SQLite and on the suite's PostgreSQL server."""
from __future__ import annotations

import random
from collections import defaultdict

import networkx as nx
import pytest

from bench.scale_store import fill
from factionmap.graph import Graph
from factionmap.relations import LINEAGE
from factionmap.store import Store


@pytest.fixture(scope="module", params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def graph(request, tmp_path_factory):
    if request.param == "sqlite":
        store = Store(tmp_path_factory.mktemp("scale") / "map.db")
    else:
        store = Store(request.getfixturevalue("postgres").create_database("scale_queries"))
    fill(store, 800, 8000, aggregate_in_python=True, log=lambda *_: None)
    yield Graph(store)
    store.close()


@pytest.fixture(scope="module")
def memory(graph):
    """Every tie, read once, in the store's order: the map in memory."""
    return graph.ties(citations=False)


def touching(ties, eid):
    return [t for t in ties if eid in (t.subject.id, t.object.id)]


def some_entities(memory, n=25, seed=1):
    ids = sorted({t.subject.id for t in memory} | {t.object.id for t in memory})
    return random.Random(seed).sample(ids, n)


def test_the_store_is_big_enough_to_mean_something(memory):
    relations = {t.relation for t in memory}
    assert len(memory) > 3000 and LINEAGE <= relations
    assert {t.status.value for t in memory} == {"supported", "contested", "denied"}


def test_show_reads_every_tie_of_the_entity(graph, memory):
    for eid in some_entities(memory):
        profile = graph.profile(eid, limit=None)  # every tie, not the first page (hubs have more than a page)
        got = sorted(t.id for ties in profile.ties_by_relation.values() for t in ties)
        want = sorted(t.id for t in touching(memory, eid))
        assert got == want and got
        others = {t.object.id if t.subject.id == eid else t.subject.id for t in touching(memory, eid)}
        assert {e.id for e in profile.neighbours} == others


def test_ties_as_of_of_an_entity_are_those_of_the_whole_map(graph, memory):
    whole = graph.ties(as_of="2005-06-01", citations=False)
    assert whole
    for eid in some_entities(memory):
        assert [t.id for t in graph.ties(as_of="2005-06-01", entity=eid)] == [t.id for t in touching(whole, eid)]


def test_contested_is_the_contested_ties_of_the_map(graph, memory):
    want = [t.id for t in memory if t.status.value == "contested"]
    assert want
    assert [t.id for t in graph.contested()] == want
    assert [t.id for t in graph.contested(limit=5)] == want[:5]


def test_path_is_as_short_as_the_in_memory_graph_says(graph, memory):
    g = nx.Graph()
    for t in memory:
        if t.status.value != "denied":
            g.add_edge(t.subject.id, t.object.id)
    rng = random.Random(4)
    nodes = sorted(g.nodes)
    pairs = [tuple(rng.sample(nodes, 2)) for _ in range(30)]
    pairs += [(a, b) for a in nodes[:5] for b in nx.single_source_shortest_path_length(g, a, cutoff=3)][:20]
    found = 0
    for a, b in pairs:
        chain = graph.path(a, b, max_hops=4)
        try:
            want = nx.shortest_path_length(g, a, b)
        except nx.NetworkXNoPath:
            want = None
        if want is None or want > 4 or a == b:
            assert chain == []
            continue
        assert len(chain) == want
        here = a
        for tie in chain:  # each step leaves from where the last one arrived
            assert here in (tie.subject.id, tie.object.id) and tie.status.value != "denied"
            here = tie.object.id if tie.subject.id == here else tie.subject.id
        assert here == b
        found += 1
    assert found >= 10


def test_path_under_each_hop_limit_is_a_shortest_chain_or_none(graph, memory):
    """Pairs one to four hops apart, searched with every limit from 1 to 4: the last hop (ties between
    the two sides only) and the last two (two ties joined in SQL) give a chain exactly as long as the
    in-memory graph's shortest path, or none when the limit is shorter."""
    g = nx.Graph()
    for t in memory:
        if t.status.value != "denied":
            g.add_edge(t.subject.id, t.object.id)
    by_id = {t.id: t for t in memory}
    rng = random.Random(7)
    starts = rng.sample(sorted(g.nodes), 12)
    pairs: dict[int, list[tuple[int, int]]] = defaultdict(list)
    for a in starts:
        for b, d in sorted(nx.single_source_shortest_path_length(g, a, cutoff=4).items()):
            if d and len(pairs[d]) < 6 and rng.random() < 0.3:
                pairs[d].append((a, b))
    assert all(pairs[d] for d in (1, 2, 3, 4))
    for distance, found in pairs.items():
        for a, b in found:
            for hops in range(1, 5):
                chain = graph.path(a, b, max_hops=hops)
                if hops < distance:
                    assert chain == [], (a, b, hops)
                    continue
                assert len(chain) == distance, (a, b, hops)
                here = a
                for tie in chain:
                    assert by_id[tie.id].status.value != "denied" and here in (tie.subject.id, tie.object.id)
                    here = tie.object.id if tie.subject.id == here else tie.subject.id
                assert here == b


def test_path_as_of_a_date_is_as_short_as_the_map_of_that_date(graph):
    """A search on the map as it stood on a date (its statements built for the date, not the undated ones
    built once): chains exactly as long as the shortest over the ties holding then (undated ones
    included, denied ones left out), every step one of them, or none."""
    day = "2012-06-01"
    holding = graph.ties(as_of=day, undated=True, citations=False)
    g = nx.Graph()
    for t in holding:
        if t.status.value != "denied":
            g.add_edge(t.subject.id, t.object.id)
    ids = {t.id for t in holding}
    rng = random.Random(11)
    checked = {d: 0 for d in (1, 2, 3, 4)}
    for a in rng.sample(sorted(g.nodes), 15):
        lengths = nx.single_source_shortest_path_length(g, a, cutoff=4)
        for b, d in sorted(lengths.items()):
            if not d or checked[d] >= 4 or rng.random() > 0.3:
                continue
            checked[d] += 1
            chain = graph.path(a, b, as_of=day)
            assert len(chain) == d and all(x.id in ids for x in chain), (a, b, d)
            assert graph.path(a, b, max_hops=d - 1, as_of=day) == []
    assert all(checked.values()), checked


def _lineage_in_memory(memory, root: int, depth: int = 6):
    """The lineage tree walked over the ties held in memory, one entity at a time."""
    by_entity = defaultdict(list)
    for t in memory:
        if t.relation in LINEAGE and t.status.value != "denied":
            by_entity[t.subject.id].append(t)
            by_entity[t.object.id].append(t)
    tree = {root: []}
    seen, frontier = {root}, [(root, None)]
    for _ in range(depth):
        nxt = []
        for here, came in frontier:
            for t in by_entity[here]:
                subject = t.subject.id == here
                other = t.object.id if subject else t.subject.id
                if t.relation in ("successor_of", "split_from"):
                    direction = "predecessor" if subject else "successor"
                else:
                    direction = "successor" if subject else "predecessor"
                if other in seen or (came and direction != came):
                    continue
                seen.add(other)
                tree[here].append((other, t.relation, direction, t.id))
                tree[other] = []
                nxt.append((other, direction))
        frontier = nxt
    return tree


def _flatten(node, out=None):
    out = {} if out is None else out
    out[node.entity.id] = [(c.entity.id, c.relation, c.direction, c.tie.id) for c in node.children]
    for c in node.children:
        _flatten(c, out)
    return out


def test_lineage_is_the_tree_walked_in_memory(graph, memory):
    roots = sorted({t.subject.id for t in memory if t.relation in LINEAGE})
    assert len(roots) > 20
    deep = 0
    for root in random.Random(2).sample(roots, 20):
        tree = graph.lineage(root)
        assert _flatten(tree) == _lineage_in_memory(memory, root)
        deep += any(c.children for c in tree.children)
        for child in tree.children:
            assert child.tie.citations  # the ties of the tree come with their evidence
    assert deep  # some trees go beyond one step


def test_generated_ties_agree_with_the_aggregator(tmp_path):
    """The SQL that makes the large store's ties gives the aggregator's keys, statuses, counts and starts."""
    sql, python = Store(tmp_path / "sql.db"), Store(tmp_path / "python.db")
    fill(sql, 400, 3000, log=lambda *_: None)
    fill(python, 400, 3000, aggregate_in_python=True, log=lambda *_: None)

    def key(store):
        return {(t.subject.id, t.relation, t.object.id): (t.status.value, t.start.iso if t.start else None)
                for t in Graph(store).ties(citations=False)}

    assert key(sql) == key(python)

    def spans(store):  # graph.group_spans, counted after the citations (top_confidence) by both
        from factionmap.store import schema as t

        with store.engine.connect() as conn:
            return sorted(tuple(r) for r in conn.execute(t.group_spans.select()))

    assert spans(sql) == spans(python) and spans(sql)
    sql.close()
    python.close()


def test_the_last_two_hops_are_joined_whole_before_the_first_row_is_taken(graph, memory):
    """On PostgreSQL the two frontiers' ties are joined as a materialized CTE: asked for the join's first
    row in tie order directly, the planner walked one side in order against every row of the other (72 ms
    for a hub's 9,778 ties against 75, 2.9 ms hashed). The readers' connections never JIT-compile."""
    from sqlalchemy import event, text

    g = nx.Graph()
    for t in memory:
        if t.status.value != "denied":
            g.add_edge(t.subject.id, t.object.id)
    a = sorted(g.nodes)[len(g.nodes) // 2]
    b = next(b for b, d in sorted(nx.single_source_shortest_path_length(g, a, cutoff=4).items()) if d == 4)
    sent: list[str] = []
    listen = lambda conn, cur, statement, *rest: sent.append(statement)  # noqa: E731
    event.listen(graph.engine, "before_cursor_execute", listen)
    try:
        assert len(graph.path(a, b)) == 4
    finally:
        event.remove(graph.engine, "before_cursor_execute", listen)
    joins = [s for s in sent if "joined" in s]
    assert len(joins) == 1
    postgres = graph.engine.dialect.name == "postgresql"
    assert ("AS MATERIALIZED" in joins[0]) is postgres
    if postgres:
        with graph.engine.connect() as conn:
            assert conn.execute(text("SHOW jit")).scalar() == "off"
