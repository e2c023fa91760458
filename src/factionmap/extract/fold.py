"""Folding names for matching, with a map back to the original offsets: the one fold of
`factionmap.lang.fold`, named here for the extractor's modules."""
from __future__ import annotations

from ..lang.fold import APOSTROPHES, SEPARATORS, fold, fold_with_map, folded_span

__all__ = ["APOSTROPHES", "SEPARATORS", "fold", "fold_with_map", "folded_span"]
