"""The map's current view as a file: STIX 2.1, CSV (ties), GraphML, GEXF or JSON Lines, built by the
export layer from exactly the ties the map shows under its filters."""
from __future__ import annotations

from fastapi.responses import Response

from ..export import ids, network, stix, tables
from ..export.source import Snapshot, parse_clock
from .mapdata import MapQuery, check_focus, check_range, chosen_ties

FORMATS = {
    "stix": ("application/json", "factionmap-stix.json"),
    "csv": ("text/csv", "factionmap-ties.csv"),
    "evidence-csv": ("text/csv", "factionmap-evidence.csv"),
    "graphml": ("application/xml", "factionmap.graphml"),
    "gexf": ("application/xml", "factionmap.gexf"),
    "jsonl": ("application/x-ndjson", "factionmap.jsonl"),
}


def snapshot(graph, q: MapQuery) -> Snapshot:
    check_range(graph, q)
    check_focus(graph, q)
    ties, _ = chosen_ties(graph, q)
    ends = {e.id: e for t in ties for e in (t.subject, t.object)}
    docs = graph.store.documents()
    cited = {c.doc_id for t in ties for c in t.citations}
    wanted = {c.assertion_id for t in ties for c in t.citations}
    dates = {a.id: (a.start, a.end) for a in graph.store.assertions() if a.id in wanted}
    return Snapshot(entities=sorted(ends.values(), key=ids.entity_uid), ties=sorted(ties, key=ids.tie_uid),
                    documents={d["id"]: d for d in sorted(docs, key=lambda d: d["id"]) if d["id"] in cited},
                    dates=dates, clock=parse_clock(None, docs), all_ties=graph.ties(citations=False))


def render(graph, q: MapQuery, format: str) -> Response:
    snap = snapshot(graph, q)
    if format == "stix":
        text = stix.to_json(snap)
    elif format in ("csv", "evidence-csv"):
        text = tables.csv_files(snap)["ties.csv" if format == "csv" else "evidence.csv"]
    elif format == "graphml":
        text = network.graphml(snap)
    elif format == "gexf":
        text = network.gexf(snap)
    else:
        text = tables.jsonl(snap)
    media, name = FORMATS[format]
    return Response(text, media_type=media, headers={"Content-Disposition": f'attachment; filename="{name}"'})
