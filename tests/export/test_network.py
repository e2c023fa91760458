"""GraphML and GEXF: read back with networkx, compared whole."""
from __future__ import annotations

import io

import networkx as nx

from factionmap.export import network
from factionmap.export.source import load
from tests.export.fixture_store import CLOCK


def test_graphml_reads_back_as_the_same_graph(store):
    snap = load(store, clock=CLOCK)
    expected = network.to_networkx(snap)
    back = nx.read_graphml(io.BytesIO(network.graphml(snap).encode("utf-8")), force_multigraph=True)
    assert isinstance(back, nx.MultiDiGraph)
    assert dict(back.nodes(data=True)) == dict(expected.nodes(data=True))
    assert sorted(back.edges(keys=True, data=True)) == sorted(expected.edges(keys=True, data=True))
    assert expected.number_of_nodes() == 8 and expected.number_of_edges() == 10


def test_edges_carry_what_a_gephi_user_filters_on(store):
    graph = network.to_networkx(load(store, clock=CLOCK))
    edges = {(graph.nodes[u]["label"], d["relation"], graph.nodes[v]["label"]): d
             for u, v, d in graph.edges(data=True)}
    lead = edges[("Rustam Asildarov", "leader_of", "Islamic State – Caucasus Province")]
    assert lead == {"relation": "leader_of", "label": "leads", "status": "supported", "grade": "F2",
                    "confidence": 70, "evidence_count": 2, "symmetric": False, "stances": "asserted:2",
                    "start": "2015-06", "start_date": "2015-06-01", "end": "2016-12", "end_date": "2016-12-31"}
    node = graph.nodes[[n for n, d in graph.nodes(data=True) if d["label"] == "Islamic State – Caucasus Province"][0]]
    assert node == {"label": "Islamic State – Caucasus Province", "type": "ORG", "kind": "organization",
                    "stix_type": "threat-actor",
                    "aliases": "Wilayat al-Qawqaz; IS-CP", "tie_count": 7, "kb_id": "is-caucasus"}


def test_gexf_has_spells_and_reads_back(store):
    text = network.gexf(load(store, clock=CLOCK))
    assert 'timeformat="date"' in text and 'mode="dynamic"' in text
    assert '<spell start="2015-06-01" end="2016-12-31" />' in text
    back = nx.read_gexf(io.BytesIO(text.encode("utf-8")))
    labels = sorted(d["label"] for _, d in back.nodes(data=True))
    assert labels == sorted(d["label"] for _, d in network.to_networkx(load(store, clock=CLOCK)).nodes(data=True))
    assert back.number_of_edges() == 10
    relations = sorted(d["relation"] for _, _, d in back.edges(data=True))
    assert relations.count("operates_in") == 2
