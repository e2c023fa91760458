"""Reading the map: store rows into Entity, Tie and Citation objects, in a few batched queries."""
from __future__ import annotations

from collections import defaultdict
from functools import lru_cache
from typing import Any, Iterable, Iterator, Mapping

from sqlalchemy import Integer, and_, bindparam, case, func, select, true
from sqlalchemy.engine import Connection

from ..entity_kinds import kind_for
from ..model import Alias, Citation, Entity, Stance, Tie, TieStatus
from ..store import codec, packed
from ..store.bulk import ids_in as ids_in  # the graph's readers take it from here
from ..store.bulk import in_parameter, values_in
from ..store import schema as t
from ..store.driver import PREPARE

_CHUNK = 5000


def _chunks(ids: Iterable[Any], size: int = _CHUNK) -> Iterator[list[Any]]:
    ids = list(ids)
    for i in range(0, len(ids), size):
        yield ids[i:i + size]


def entities(conn: Connection, ids: Iterable[int], *, aliases: bool = True) -> dict[int, Entity]:
    """Store entities by id, with their aliases (each with the documents that introduced it): one query
    per 5,000 entities, their aliases joined in (one row per alias and document)."""
    out: dict[int, Entity] = {}
    e, al = t.entities, t.aliases
    for chunk in _chunks(sorted(set(ids))):
        query = select(e).where(ids_in(conn, e.c.id, chunk)).execution_options(**{PREPARE: True})  # by their ids
        if aliases:
            query = (query.add_columns(al.c.name.label("alias"), al.c.doc_id.label("alias_doc"),
                                       al.c.source.label("alias_source"))
                     .outerjoin(al, al.c.entity_id == e.c.id).order_by(e.c.id, al.c.id))
        found: dict[int, dict[str, Alias]] = defaultdict(dict)
        for r in conn.execute(query).mappings():
            if r["id"] not in out:
                attrs = dict(r["attributes"] or {})
                kind = kind_for(r["type"], attrs["kind"]) if attrs.get("kind") else r.get("kind")  # an analyst's first
                out[r["id"]] = Entity(name=r["name"], type=r["type"], kb_id=r["kb_id"], attributes=attrs,
                                      key=f"entity:{r['id']}", id=r["id"], kind=kind)
            if not aliases or r["alias"] is None:
                continue
            alias = found[r["id"]].setdefault(r["alias"], Alias(r["alias"], set(), r["alias_source"]))
            if r["alias_doc"]:
                alias.doc_ids.add(r["alias_doc"])
            if r["alias_source"] == "kb":
                alias.source = "kb"
        for eid, by_name in found.items():
            out[eid].aliases = [a for n, a in by_name.items() if n != out[eid].name]
    return out


ALIAS_DOCUMENTS = 20  # documents listed per name in a profile; the rest are counted
ALIAS_ROWS_READ = 500  # an entity with more alias rows than this has its names grouped and counted in SQL


def entities_explained(conn: Connection, ids: Iterable[int], entity_id: int, per_name: int | None = None
                       ) -> tuple[dict[int, Entity], list[dict[str, Any]]]:
    """A profile's entities: these ids (its ties' ends) without their aliases, and entity_id with its
    names, each counted in the documents that write it (Alias.counted), and why it has each
    (`names_explained`). A hub named in thousands of documents is read in tens of rows, not thousands."""
    out = entities(conn, {*ids, entity_id}, aliases=False)
    if entity_id not in out:
        return out, []
    why = names_explained(conn, entity_id, per_name)
    out[entity_id].aliases = [Alias(w["name"], set(), w["source"], w["document_count"]) for w in why
                              if w["name"] != out[entity_id].name]
    return out, why


def names_explained(conn: Connection, entity_id: int, per_name: int | None = None) -> list[dict[str, Any]]:
    """Each name of an entity, in the order it came: its source (kb if any row says so), how many
    documents write it, the first `per_name` of them ({id, title}; ALIAS_DOCUMENTS unless given) and why
    it is there (every reason, "; "-joined, as decisions.explain words them). Its alias rows read in one
    query where it has no more than ALIAS_ROWS_READ; else two more, grouped in SQL (a hub's thousands)."""
    per_name = ALIAS_DOCUMENTS if per_name is None else per_name
    al, doc = t.aliases, t.documents
    rows = conn.execute(alias_rows(entity_id).limit(ALIAS_ROWS_READ + 1)).mappings().all()
    if len(rows) <= ALIAS_ROWS_READ:  # most entities: their rows, read in one query, are all there is
        kb = {r["name"] for r in rows if r["source"] == "kb"}
        came: dict[str, str] = {}
        for r in rows:
            came.setdefault(r["name"], r["source"])
        return [{"name": name, "source": "kb" if name in kb else came[name], "documents": docs[:per_name],
                 "document_count": len(docs), "why": why} for name, docs, why in explained(rows)]
    first = func.min(al.c.id).label("first")
    groups = conn.execute(select(al.c.name, al.c.source, al.c.reason, first).where(al.c.entity_id == entity_id)
                          .group_by(al.c.name, al.c.source, al.c.reason).order_by(first)).mappings().all()
    pairs = (select(al.c.name, al.c.doc_id, func.min(al.c.id).label("first"))
             .where(al.c.entity_id == entity_id, al.c.doc_id.is_not(None)).group_by(al.c.name, al.c.doc_id).subquery())
    ranked = select(pairs.c.name, pairs.c.doc_id,
                    func.row_number().over(partition_by=pairs.c.name, order_by=pairs.c.first).label("rank"),
                    func.count().over(partition_by=pairs.c.name).label("documents")).subquery()
    listed = conn.execute(select(ranked.c.name, ranked.c.doc_id, ranked.c.documents, doc.c.title, doc.c.path)
                          .join(doc, doc.c.id == ranked.c.doc_id).where(ranked.c.rank <= per_name)
                          .order_by(ranked.c.name, ranked.c.rank)).mappings().all()
    out: dict[str, dict[str, Any]] = {}
    for r in groups:
        name = out.setdefault(r["name"], {"name": r["name"], "source": r["source"], "documents": [],
                                          "document_count": 0, "reasons": []})
        if r["source"] == "kb":
            name["source"] = "kb"
        reason = f"{r['reason'] or 'unknown'} ({r['source']})"
        if reason not in name["reasons"]:
            name["reasons"].append(reason)
    for r in listed:
        if r["name"] in out:
            out[r["name"]]["documents"].append({"id": r["doc_id"], "title": r["title"] or r["path"]})
            out[r["name"]]["document_count"] = r["documents"]
    return [{**{k: v for k, v in w.items() if k != "reasons"}, "why": "; ".join(w["reasons"])} for w in out.values()]


def alias_rows(entity_id: int) -> Any:
    """SQL: an entity's alias rows in the order of their ids, each with its document's title and path
    (what `explained` reads)."""
    al, doc = t.aliases, t.documents
    return (select(al.c.name, al.c.source, al.c.reason, al.c.doc_id, doc.c.title, doc.c.path)
            .outerjoin(doc, doc.c.id == al.c.doc_id).where(al.c.entity_id == entity_id).order_by(al.c.id))


def explained(rows: Iterable[Any]) -> list[tuple[str, list[dict[str, Any]], str]]:
    """decisions.explain from an entity's alias rows in the order of their ids (name, source, reason,
    doc_id, and the document's title and path)."""
    out: dict[str, tuple[list[dict[str, Any]], list[str]]] = {}
    for r in rows:
        docs, reasons = out.setdefault(r["name"], ([], []))
        if r["doc_id"] and all(d["id"] != r["doc_id"] for d in docs):
            docs.append({"id": r["doc_id"], "title": r["title"] or r["path"]})
        reason = f"{r['reason'] or 'unknown'} ({r['source']})"
        if reason not in reasons:
            reasons.append(reason)
    return [(name, docs, "; ".join(reasons)) for name, (docs, reasons) in out.items()]


WHOLE_TEXT_BYTES = 16_000  # a document cited more than once is read whole when it has under this many bytes per
# citation, and its quotes sliced here: slicing in SQL counts characters from the start for each quote (68 us a
# quote in a compressed 10 kB document on PostgreSQL) where reading 16 kB more costs about as much


def citations(conn: Connection, tie_ids: Iterable[int], per_tie: int | None = None) -> dict[int, list[Citation]]:
    """Every piece of evidence of these ties, with its sentence as the stored document writes it, in
    the order of publication. `per_tie`: only the evidence of each tie's first that many assertions in
    the store's order (the assertions are picked from the index alone, before anything is joined).

    A quote is the one its evidence row keeps (`evidence.quote`, written with it). Those without (evidence
    naming another document) are read by one more query (`_unkept`)."""
    postgres = conn.dialect.name == "postgresql"
    statement = _citations_query(postgres, per_tie is not None)
    out: dict[int, list[Citation]] = defaultdict(list)
    for chunk in _chunks(sorted(set(tie_ids))):
        rows = statement.tuples(conn, {"ties": chunk, "per_tie": per_tie}, many=len(chunk) >= PACKED_TIES)
        unkept = _unkept(conn, postgres, [r[4] for r in rows if r[-1] is None])
        for (tie_id, assertion_id, stance, attribution, evidence_id, doc_id, start, end, extractor, title, path,
             published, publisher, author, url, quote) in rows:  # as _citations_query selects them
            if quote is None:
                quote = unkept.get(evidence_id)
            out[tie_id].append(Citation(
                assertion_id=assertion_id, doc_id=doc_id, doc_title=title or path, published=published,
                start_char=start, end_char=end, quote=(quote or "").strip(), stance=Stance(stance),
                attribution=attribution, extractor=extractor, publisher=publisher, author=author, url=url))
    return out


PACKED_TIES = 20  # the citations of this many ties or more are read packed by the server (store.packed)


@lru_cache(maxsize=None)
def _citations_query(postgres: bool, per_tie: bool) -> packed.Packed:
    """The statement `citations` runs (built once per dialect), its ties in the parameter `ties`, with
    `per_tie` how many assertions of each in `per_tie`. A quote not kept with its evidence comes as NULL:
    working out how to read those (`_unkept`) here took a window over every citation, a third of the
    statement's time on PostgreSQL (5.0 ms against 3.6 for the 365 citations of 50 ties)."""
    ev, doc, a = t.evidence, t.documents, t.assertions
    links: Any = t.tie_assertions
    among = in_parameter(postgres, links.c.tie_id, "ties", type_=Integer())
    if per_tie:
        ranked = select(links.c.tie_id, links.c.assertion_id, func.row_number().over(
            partition_by=links.c.tie_id, order_by=links.c.assertion_id).label("rank")) \
            .where(among).subquery("ranked")
        links = select(ranked.c.tie_id, ranked.c.assertion_id) \
            .where(ranked.c.rank <= bindparam("per_tie", type_=Integer())).subquery("links")
        among = true()  # chosen inside: a second condition would hide from the planner how many rows come
    query = (select(links.c.tie_id, a.c.id, a.c.stance, a.c.attribution, ev.c.id.label("evidence_id"), ev.c.doc_id,
                    ev.c.start_char, ev.c.end_char, ev.c.extractor, doc.c.title, doc.c.path, doc.c.published,
                    doc.c.publisher, doc.c.author, doc.c.url, ev.c.quote)
             .join(a, a.c.id == links.c.assertion_id)
             .join(ev, ev.c.assertion_id == a.c.id)
             .join(doc, doc.c.id == ev.c.doc_id)
             .where(among))
    return packed.Packed(query, ("tie_id", "published", "evidence_id"), postgres, prepared=True)  # index lookups


def _unkept(conn: Connection, postgres: bool, evidence_ids: list[int]) -> dict[int, str]:
    """Evidence id -> its quote, for evidence that keeps none: sliced in SQL, unless its document is cited
    more than once among them and has under WHOLE_TEXT_BYTES per citation: such documents are read whole
    (`whole_texts`, called every time) and their quotes sliced here."""
    ev, doc = t.evidence, t.documents
    rows: list[Any] = []
    for chunk in _chunks(evidence_ids):
        found = select(ev.c.id, ev.c.doc_id, ev.c.start_char, ev.c.end_char,
                       func.count().over(partition_by=ev.c.doc_id).label("cites")) \
            .where(ids_in(conn, ev.c.id, chunk)).subquery("found")
        c = found.c
        whole = and_(c.cites > 1, _size(postgres, doc.c.text) <= c.cites * WHOLE_TEXT_BYTES)
        rows += conn.execute(select(c.id, c.doc_id, c.start_char, c.end_char, whole.label("whole"),
                                    case((whole, None), else_=func.substr(doc.c.text, c.start_char + 1,
                                                                          c.end_char - c.start_char)).label("quote"))
                             .join(doc, doc.c.id == c.doc_id)).mappings().all()
    texts = whole_texts(conn, {r["doc_id"] for r in rows if r["whole"]})
    return {r["id"]: texts[r["doc_id"]][r["start_char"]:r["end_char"]] if r["whole"] else r["quote"] or ""
            for r in rows}


def _size(postgres: bool, text: Any) -> Any:
    """SQL: a text's size, from its TOAST header on PostgreSQL (octet_length reads no compressed text);
    in characters elsewhere (SQLite before 3.43 has no octet_length)."""
    return func.octet_length(text) if postgres else func.length(text)


def whole_texts(conn: Connection, doc_ids: set[str]) -> dict[str, str]:
    """The texts of these documents, whole (one query per 500)."""
    out: dict[str, str] = {}
    for chunk in _chunks(sorted(doc_ids), 500):
        for doc_id, text in conn.execute(select(t.documents.c.id, t.documents.c.text)
                                         .where(values_in(conn, t.documents.c.id, chunk))):
            out[doc_id] = text or ""
    return out


def ties(conn: Connection, rows: list[Any], *, with_citations: bool = True, aliases: bool = True,
         per_tie: int | None = None, ends: dict[int, Entity] | None = None) -> list[Tie]:
    """Tie objects for rows of the ties table (ends and citations loaded in batches; `per_tie`: each
    tie's first that many citations only; `ends`: the ends already read)."""
    from .reviews import summaries

    if ends is None:
        ends = entities(conn, {r["subject_id"] for r in rows} | {r["object_id"] for r in rows}, aliases=aliases)
    cited = citations(conn, [r["id"] for r in rows], per_tie) if with_citations else {}
    reviewed = summaries(conn, rows)
    return [tie_from_row(r, ends, cited.get(r["id"], []), reviewed.get(r["id"])) for r in rows]


def tie_from_row(r: Mapping[str, Any], ends: dict[int, Entity], cited: list[Citation], review: dict[str, Any] | None = None) -> Tie:
    return Tie(
        id=r["id"], subject=ends[r["subject_id"]], relation=r["relation"], object=ends[r["object_id"]],
        status=TieStatus(r["status"]), start=codec.date_from_row(r, "start"), end=codec.date_from_row(r, "end"),
        confidence=r["confidence"], grade=r["grade"], citations=cited, review=review,
    )


def document_entity_ids(conn: Connection, doc_id: str) -> dict[str, int]:
    """Each of a document's own entity keys -> the store-wide entity it joined."""
    query = (
        select(t.doc_entities.c.key, t.entity_members.c.entity_id)
        .join(t.entity_members, t.entity_members.c.doc_entity_id == t.doc_entities.c.id)
        .where(t.doc_entities.c.doc_id == doc_id)
    )
    return {key: eid for key, eid in conn.execute(query)}


def document_tie_ids(conn: Connection, doc_id: str) -> dict[int, int]:
    """Each of a document's assertions -> the tie it feeds."""
    query = (
        select(t.tie_assertions.c.assertion_id, t.tie_assertions.c.tie_id)
        .join(t.assertions, t.assertions.c.id == t.tie_assertions.c.assertion_id)
        .where(t.assertions.c.doc_id == doc_id)
    )
    return {a: tie for a, tie in conn.execute(query)}
