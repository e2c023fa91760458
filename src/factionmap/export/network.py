"""GraphML and GEXF, via networkx: one node per entity, one edge per tie (a MultiDiGraph).

Every attribute is a plain string, integer or float, so Gephi, igraph and networkx can filter on it:
nodes carry label, type, stix_type, kb_id, aliases and tie_count; edges carry relation, label,
status, grade, confidence, start/end (ISO partial dates as written), start_date/end_date (the
interval's first and last day), evidence_count, stances and symmetric. GEXF edges also carry the
tie's interval as a spell, so Gephi's timeline shows when each tie held.
"""
from __future__ import annotations

import io
from collections import Counter

import networkx as nx
from networkx.readwrite.gexf import GEXFWriter

from ..model import Tie
from ..relations import RELATIONS, SYMMETRIC
from . import ids
from .source import Snapshot
from .stix_vocab import Typer


def to_networkx(snap: Snapshot) -> nx.MultiDiGraph:
    """The snapshot as a MultiDiGraph keyed by stable ids (node = entity uid, edge key = tie uid)."""
    typer = Typer(snap.all_ties or snap.ties)
    graph = nx.MultiDiGraph(name="factionmap")
    degree = Counter(ids.entity_uid(e) for t in snap.ties for e in ids.oriented(t))
    for e in snap.entities:
        uid = ids.entity_uid(e)
        attrs = {"label": e.name, "type": e.type.value, "kind": e.kind.value if e.kind else "",
                 "stix_type": typer.stix_type(e),
                 "aliases": "; ".join(n for n in e.names if n != e.name), "tie_count": degree[uid]}
        if e.kb_id:
            attrs["kb_id"] = e.kb_id
        graph.add_node(uid, **attrs)
    for t in snap.ties:
        subject, obj = ids.oriented(t)
        graph.add_edge(ids.entity_uid(subject), ids.entity_uid(obj), key=ids.tie_uid(t), **edge_attrs(t))
    return graph


def edge_attrs(t: Tie) -> dict:
    stances = Counter(ids.value(c.stance) for c in t.citations)
    attrs = {
        "relation": t.relation, "label": RELATIONS[t.relation].label if t.relation in RELATIONS else t.relation,
        "status": ids.value(t.status), "grade": t.grade, "confidence": int(t.confidence),
        "evidence_count": len(t.citations), "symmetric": t.relation in SYMMETRIC,
        "stances": "; ".join(f"{k}:{v}" for k, v in sorted(stances.items())),
    }
    if t.start:
        attrs.update(start=t.start.iso, start_date=t.start.earliest.isoformat())
    if t.end:
        attrs.update(end=t.end.iso, end_date=t.end.latest.isoformat())
    return attrs


def graphml(snap: Snapshot) -> str:
    out = io.BytesIO()
    nx.write_graphml(to_networkx(snap), out, encoding="utf-8", prettyprint=True, named_key_ids=True)
    return out.getvalue().decode("utf-8")


def gexf(snap: Snapshot) -> str:
    """GEXF 1.2 with each edge's interval as a spell (dates as YYYY-MM-DD: timeformat "date")."""
    graph = to_networkx(snap)
    for _u, _v, data in graph.edges(data=True):
        start, end = data.pop("start_date", None), data.pop("end_date", None)
        data["start_date"], data["end_date"] = start or "", end or ""
        if start or end:
            data["spells"] = [(start, end)]
    writer = GEXFWriter(encoding="utf-8", prettyprint=True, version="1.2draft")
    writer.add_graph(graph)
    meta = writer.xml.find("meta")
    if meta is not None:  # networkx stamps today's date; the export's clock keeps the output reproducible
        meta.set("lastmodifieddate", snap.clock.date().isoformat())
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue().decode("utf-8")
