"""The map across documents: entity resolution, tie aggregation, grades, time and queries.

`Graph(store)` is the entry point; see graph/api.py.
"""
from .api import Graph
from .decisions import Decision
from .views import AliasInfo, LineageNode, Profile

__all__ = ["AliasInfo", "Decision", "Graph", "LineageNode", "Profile"]
