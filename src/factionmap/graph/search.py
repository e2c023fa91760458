"""Search entities by any of their names, folded (case, diacritics, dashes, apostrophes, the Arabic
article, which may also be left out: "Harakat Sahil" finds "Ḥarakat al-Sāḥil"): exact names first,
then names that start with the query, then words that do, then any containing it, then acronyms
made of a name's initials ("JN" for Jabhat al-Nusra). Ties break on how many ties the
entity has, so the group people mean comes before a body named after it."""
from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import and_, func, or_, select
from sqlalchemy.engine import Connection

from ..namefold import fold
from ..store import schema as t

_SMALL = {"al", "the", "of", "and", "in", "for", "wa", "wal", "fi", "li"}
EXACT, PREFIX, WORD, INSIDE, INITIALS = 100, 80, 60, 40, 30


@dataclass
class Hit:
    id: int
    name: str
    type: str
    matched: str  # the name that matched, as written
    score: int
    ties: int


def initials(norm: str) -> str:
    return "".join(w[0] for w in norm.split() if w and w not in _SMALL)


def bare(norm: str) -> str:
    """A folded name without the Arabic article ("harakat al sahil" -> "harakat sahil")."""
    return " ".join(w for w in norm.split() if w != "al")


def _score(query: str, norm: str) -> int:
    if norm == query:
        return EXACT
    if norm.startswith(query):
        return PREFIX
    if f" {query}" in f" {norm}":
        return WORD
    if query in norm:
        return INSIDE
    if len(query) >= 2 and " " not in query and initials(norm) == query.replace(" ", ""):
        return INITIALS
    return 0


def search(conn: Connection, text: str, limit: int = 10, type: str | None = None) -> list[Hit]:
    query = fold(text)
    if not query:
        return []
    a = t.aliases.c
    conds = [a.norm.contains(query)]
    words = bare(query).split()
    if len(words) > 1:
        conds.append(and_(*[a.norm.contains(w) for w in words]))  # the article left out: "harakat sahil"
    compact = query.replace(" ", "")
    if 2 <= len(compact) <= 8 and compact.isalpha():
        conds.append(a.norm.startswith(compact[0]))
    rows = conn.execute(select(a.entity_id, a.name, a.norm).where(a.lead, or_(*conds)).limit(20000)).all()  # a name once (graph.leads)
    names = conn.execute(select(t.entities.c.id, t.entities.c.name, t.entities.c.type)
                         .where(func.lower(t.entities.c.name).contains(text.strip().lower()))).all()
    best: dict[int, tuple[int, str]] = {}
    for eid, name, norm in [*rows, *((i, n, fold(n)) for i, n, _ in names)]:
        score = _score(query, norm) or max(0, _score(bare(query), bare(norm)) - 1)
        if score and score > best.get(eid, (0, ""))[0]:
            best[eid] = (score, name)
    if not best:
        return []
    ids = sorted(best)
    ents = {r[0]: r for r in conn.execute(select(t.entities.c.id, t.entities.c.name, t.entities.c.type)
                                         .where(t.entities.c.id.in_(ids)))}
    degree: dict[int, int] = dict(conn.execute(
        select(t.ties.c.subject_id, func.count()).where(t.ties.c.subject_id.in_(ids)).group_by(t.ties.c.subject_id)).all())
    for eid, n in conn.execute(select(t.ties.c.object_id, func.count()).where(t.ties.c.object_id.in_(ids))
                               .group_by(t.ties.c.object_id)):
        degree[eid] = degree.get(eid, 0) + n
    hits = [Hit(eid, ents[eid][1], ents[eid][2], best[eid][1], best[eid][0], degree.get(eid, 0))
            for eid in ids if eid in ents and (not type or ents[eid][2] == type.upper())]
    hits.sort(key=lambda h: (-h.score, -h.ties, h.type != "ORG", h.name.casefold()))
    return hits[:limit]
