"""Near-duplicate evidence: syndicated copies and quotes of one statement count once.

Each evidence sentence gets a fingerprint when its document is stored: the sentence folded (case,
diacritics, punctuation) plus, after a separator, its longest quoted passage. Two pieces of support
are one voice when they come from the same document or the same source (publisher or author), when
their sentences are near-identical, or when they quote the same passage.
"""
from __future__ import annotations

import re
from typing import Sequence

from rapidfuzz import fuzz

from ..namefold import fold

SEP = "\x1f"
_QUOTED = re.compile(r"[\"\u201c\u00ab]([^\"\u201d\u00bb]{20,})[\"\u201d\u00bb]")
_NON_WORD = re.compile(r"[^\w\s]+")
MAX_CHARS = 400


def fingerprint(sentence: str) -> str:
    """The sentence as compared for near-duplicates: folded words, then its longest quote."""
    quotes = sorted(_QUOTED.findall(sentence), key=len, reverse=True)
    body = " ".join(_NON_WORD.sub(" ", fold(sentence)).split())[:MAX_CHARS]
    quote = " ".join(_NON_WORD.sub(" ", fold(quotes[0])).split())[:MAX_CHARS] if quotes else ""
    return f"{body}{SEP}{quote}"


def near_duplicate(a: str | None, b: str | None) -> bool:
    """Whether two fingerprints say the same thing in (nearly) the same words."""
    if not a or not b:
        return False
    body_a, _, quote_a = a.partition(SEP)
    body_b, _, quote_b = b.partition(SEP)
    if body_a and body_a == body_b:
        return True
    if quote_a and quote_b and fuzz.ratio(quote_a, quote_b) >= 90:
        return True
    if min(len(body_a), len(body_b)) < 20:
        return False
    if fuzz.ratio(body_a, body_b) >= 88:
        return True
    shorter = min(body_a, body_b, key=len)
    return len(shorter.split()) >= 12 and fuzz.token_set_ratio(body_a, body_b) >= 95


def clusters(items: Sequence[tuple[str, str | None, str | None]]) -> list[int]:
    """Group (doc_id, source, fingerprint) items into independent voices; returns a label per item."""
    parent = list(range(len(items)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    def union(i: int, j: int) -> None:
        parent[find(i)] = find(j)

    first_of: dict[tuple[str, str | None], int] = {}
    for i, (doc, source, _fp) in enumerate(items):
        for key in (("doc", doc), ("src", source)):
            if key[1]:
                if key in first_of:
                    union(i, first_of[key])
                else:
                    first_of[key] = i
    if len(items) <= 200:  # pairwise beyond that costs more than it tells
        for i in range(len(items)):
            for j in range(i + 1, len(items)):
                if find(i) != find(j) and near_duplicate(items[i][2], items[j][2]):
                    union(i, j)
    else:
        seen: dict[str, int] = {}
        for i, (_d, _s, fp) in enumerate(items):
            body = (fp or "").partition(SEP)[0]
            if body in seen:
                union(i, seen[body])
            elif body:
                seen[body] = i
    return [find(i) for i in range(len(items))]
