"""The map as a networkx MultiDiGraph and the ties as a pandas DataFrame."""
from __future__ import annotations

from typing import TYPE_CHECKING, Any

from sqlalchemy import select

from ..store import schema as t
from . import read

if TYPE_CHECKING:
    import networkx as nx
    import pandas as pd

    from ..model import Entity
    from .api import Graph
    from .timeline import DateArg

COLUMNS = ["id", "subject_id", "subject", "subject_type", "relation", "object_id", "object", "object_type",
           "status", "grade", "confidence", "start", "end", "evidence_count", "independent_count", "ended_by"]


def _rows_and_entities(graph: Graph, filters: dict[str, Any]
                       ) -> tuple[list[dict[str, Any]], dict[int, Entity], dict[int, list[str]]]:
    rows = graph.tie_rows(**filters)
    with graph.engine.connect() as conn:
        ids = {r["subject_id"] for r in rows} | {r["object_id"] for r in rows}
        ents = read.entities(conn, ids, aliases=False)
        names: dict[int, list[str]] = {}
        for chunk in read._chunks(sorted(ids)):
            for eid, name in conn.execute(select(t.aliases.c.entity_id, t.aliases.c.name)
                                          .where(t.aliases.c.entity_id.in_(chunk))):
                names.setdefault(eid, [])
                if name not in names[eid]:
                    names[eid].append(name)
    return rows, ents, names


def to_networkx(graph: Graph, as_of: DateArg | None = None, **filters: Any) -> nx.MultiDiGraph:
    """Nodes: entity ids (name, type, aliases); edges subject -> object keyed by tie id.

    Symmetric ties are one edge, in canonical order (edge attribute `symmetric`).
    """
    import networkx as nx

    from ..relations import SYMMETRIC

    rows, ents, names = _rows_and_entities(graph, {"as_of": as_of, **filters})
    g = nx.MultiDiGraph()
    for eid, e in ents.items():
        g.add_node(eid, name=e.name, type=e.type.value, kb_id=e.kb_id,
                   aliases=[n for n in names.get(eid, []) if n != e.name])
    for r in rows:
        g.add_edge(r["subject_id"], r["object_id"], key=r["id"], relation=r["relation"], status=r["status"],
                   grade=r["grade"], confidence=r["confidence"], start=r["start_iso"], end=r["end_iso"],
                   evidence_count=r["evidence_count"], independent_count=r["independent_count"],
                   symmetric=r["relation"] in SYMMETRIC)
    return g


def ties_frame(graph: Graph, **filters: Any) -> pd.DataFrame:
    """One row per tie: ids and names of both ends, relation, status, grade, confidence, dates, counts."""
    import pandas as pd

    rows, ents, _names = _rows_and_entities(graph, filters)
    records = [{
        "id": r["id"], "subject_id": r["subject_id"], "subject": ents[r["subject_id"]].name,
        "subject_type": ents[r["subject_id"]].type.value, "relation": r["relation"],
        "object_id": r["object_id"], "object": ents[r["object_id"]].name,
        "object_type": ents[r["object_id"]].type.value, "status": r["status"], "grade": r["grade"],
        "confidence": r["confidence"], "start": r["start_iso"], "end": r["end_iso"],
        "evidence_count": r["evidence_count"], "independent_count": r["independent_count"],
        "ended_by": r["ended_by"],
    } for r in rows]
    return pd.DataFrame.from_records(records, columns=COLUMNS)
