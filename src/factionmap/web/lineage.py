"""Lineage with years on every edge, from Graph.lineage(): each step's date is its tie's, else the
lifespan event it stands for (the successor's founding, the merged group's end), marked as such."""
from __future__ import annotations

from typing import Any

from . import serialize


def _year(node, lives) -> tuple[str | None, str]:
    if node.start is not None:
        return node.start.iso, "tie"
    life = lives.get(node.entity.id)
    if life is not None:
        date = life.start if node.direction == "successor" else life.end
        if date is not None:
            return date.iso, "lifespan"
    return None, ""


def lineage_json(graph, entity, depth: int = 4) -> dict[str, Any]:
    from ..lifespans import spans

    root = graph.lineage(entity, depth)
    ids, stack = [], [root]
    while stack:
        n = stack.pop()
        ids.append(n.entity.id)
        stack.extend(n.children)
    with graph.engine.connect() as conn:
        lives = spans.load(conn, ids)

    def walk(node) -> dict[str, Any]:
        year, source = _year(node, lives) if node.tie else (None, "")
        life = lives.get(node.entity.id)
        return {"entity": serialize.entity_ref(node.entity), "relation": node.relation,
                "label": serialize.relation_label(node.relation) if node.relation else None,
                "direction": node.direction, "date": year, "date_from": source,
                "lifespan": serialize.span(life.start, life.end) if life else "",
                "tie_id": node.tie.id if node.tie else None, "children": [walk(c) for c in node.children]}

    return walk(root)
