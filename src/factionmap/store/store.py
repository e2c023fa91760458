"""The Store: documents, what each says, and the map across them, in one SQL database.

Every write of a document's results is one transaction: an interrupted build never leaves half a
document, and a failing document leaves what was stored before it untouched.

Several writers may share a store (two builds of one folder, a build while the web app uploads):
each write transaction first takes the store's writer lock (SQLite: BEGIN IMMEDIATE, waiting up to
the busy timeout; PostgreSQL: a transaction-scoped advisory lock), so the re-aggregation of ties
never interleaves with another writer's; a document another writer already stored is "unchanged",
never an error. Every write raises `store_version`, which cached web answers are keyed on.
"""
from __future__ import annotations

import contextlib
import re
from collections import defaultdict
from pathlib import Path
from typing import Any, Iterator, Sequence, TypeVar

from sqlalchemy import Table, bindparam, delete, func, insert, select, text, update
from sqlalchemy.engine import Connection
from sqlalchemy.exc import OperationalError, SQLAlchemyError

from ..errors import NotFound, StoreError, first_line, printable
from ..model import Assertion, Document, Entity, Evidence, Extraction, Mention, MentionType
from . import codec, migrate
from . import schema as t
from .bulk import insert_rows, take_ids
from .engine import make_engine, to_url


_DOC_ID = re.compile(r"[0-9a-f]{6,64}")


class Store:
    """A factionmap store. `Store()` opens ./factionmap.db; `Store("postgresql://...")` a server."""

    def __init__(self, db: str | Path | None = None, *, create: bool = True):
        self.url = to_url(db)
        self.engine = make_engine(db)
        # reads on PostgreSQL go through a pool of autocommit connections: pg8000 would send `BEGIN` before a
        # read's first statement and `ROLLBACK` when the connection goes back to the pool, two round trips
        # of a profile's six (each statement sees its own snapshot either way, under READ COMMITTED)
        self.reader = make_engine(db, autocommit=True) if self.engine.dialect.name == "postgresql" else self.engine
        self._written = 0  # documents written by save_batch (PostgreSQL: ANALYZE as they double)
        try:
            if create:
                with self.engine.begin() as conn:
                    _writer_lock(conn)  # two processes opening a new store migrate it once
                    migrate.upgrade(conn)
            else:
                with self.engine.connect() as conn:
                    current = migrate.current_revision(conn)
                    if current is None:
                        raise StoreError(f"{self.shown}: not a factionmap store (no schema); "
                                         "run `factionmap build` first")
                if current != migrate.head_revision():  # a store made by an earlier version: upgrade it
                    with self.engine.begin() as conn:
                        _writer_lock(conn)
                        migrate.upgrade(conn)
        except OperationalError as exc:
            raise StoreError(f"cannot open store {self.shown}: {short_reason(exc)}") from None

    @property
    def shown(self) -> str:
        """The store's URL with any password hidden, for messages."""
        return self.engine.url.render_as_string(hide_password=True)

    def __repr__(self) -> str:
        return f"Store({self.engine.url.render_as_string(hide_password=True)!r})"

    def close(self) -> None:
        self.engine.dispose()
        if self.reader is not self.engine:
            self.reader.dispose()

    def __enter__(self) -> "Store":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @contextlib.contextmanager
    def transaction(self) -> Iterator[Connection]:
        """One write transaction under the writer lock: everything inside is committed together or not
        at all, and the store's version goes up by one."""
        try:
            with self.engine.begin() as conn:
                _writer_lock(conn)
                yield conn
                conn.execute(update(t.store_version).where(t.store_version.c.id == 1)
                             .values(version=t.store_version.c.version + 1))
        except SQLAlchemyError as exc:
            raise StoreError(f"store write failed, nothing was written ({short_reason(exc)})") from None

    def version(self) -> int:
        """A number that every write to the store raises (cached answers are keyed on it)."""
        with self.engine.connect() as conn:
            return conn.execute(select(t.store_version.c.version).where(t.store_version.c.id == 1)).scalar() or 0

    # -- documents ---------------------------------------------------------------------------

    def has_document(self, doc_id: str) -> bool:
        with self.engine.connect() as conn:
            return conn.execute(select(t.documents.c.id).where(t.documents.c.id == doc_id)).first() is not None

    def add_document(self, doc: Document, conn: Connection | None = None) -> bool:
        """Store a document; the same bytes twice is a no-op. Returns whether it was new."""
        if conn is None:
            with self.transaction() as conn:
                return self.add_document(doc, conn)
        exists = conn.execute(select(t.documents.c.id).where(t.documents.c.id == doc.id)).first()
        if exists:
            return False
        return insert_ignoring_duplicates(conn, t.documents, codec.document_row(doc)) == 1

    def document(self, doc_id: str) -> Document:
        """A document by its id, or a unique prefix of at least 6 of its hex digits."""
        if not _DOC_ID.fullmatch(doc_id or ""):
            raise NotFound(f"no document {printable(doc_id, 80)!r} in the store (an id is 6 to 64 hex digits)")
        with self.engine.connect() as conn:
            row = conn.execute(select(t.documents).where(t.documents.c.id == doc_id)).mappings().first()
            if row is None and len(doc_id) >= 6:  # a unique prefix of the hash is enough
                rows = conn.execute(
                    select(t.documents).where(t.documents.c.id.startswith(doc_id, autoescape=True)).limit(2)
                ).mappings().all()
                row = rows[0] if len(rows) == 1 else None
        if row is None:
            raise NotFound(f"no document {doc_id!r} in the store")
        return codec.document_from_row(row)

    def documents(self) -> list[dict[str, Any]]:
        """Every document's metadata (no text), with its assertion count, oldest first."""
        counts = (
            select(t.assertions.c.doc_id, func.count().label("assertions"))
            .group_by(t.assertions.c.doc_id)
            .subquery()
        )
        cols = [c for c in t.documents.c if c.name not in ("text", "sections", "infobox")]
        query = (
            select(*cols, func.coalesce(counts.c.assertions, 0).label("assertions"))
            .outerjoin(counts, counts.c.doc_id == t.documents.c.id)
            .order_by(t.documents.c.ingested_at, t.documents.c.id)
        )
        with self.engine.connect() as conn:
            return [dict(r) for r in conn.execute(query).mappings()]

    def extractor_version(self, doc_id: str) -> str | None:
        with self.engine.connect() as conn:
            return conn.execute(
                select(t.documents.c.extractor_version).where(t.documents.c.id == doc_id)
            ).scalar()

    # -- what each document says ---------------------------------------------------------------

    def save_extraction(self, extraction: Extraction, *, unless_current: bool = False) -> bool:
        """Replace a document's entities, mentions and assertions with these, in one transaction.

        With `unless_current`, nothing is written when the document is already extracted by this
        extraction's version (another writer got there first); returns whether it was written.
        """
        with self.transaction() as conn:
            if unless_current:
                stored = conn.execute(select(t.documents.c.extractor_version)
                                      .where(t.documents.c.id == extraction.document.id)).scalar()
                if stored is not None and stored == extraction.extractor_version:
                    return False
            self._write_extractions(conn, [extraction])
        return True

    def save_extractions(self, extractions: list[Extraction]) -> None:
        """Several documents' results in ONE transaction: all are written or none (a STIX import).

        Rows are written in bulk, documents resolved in order, and the ties they touch aggregated once.
        """
        with self.transaction() as conn:
            self._write_extractions(conn, extractions)

    def save_batch(self, extractions: list[Extraction], unextracted: Sequence[Document] = (), *,
                   unless_current: bool = False, aggregate: bool = True) -> tuple[set[str], set[str]]:
        """A batch of a build in ONE transaction: these documents' results (resolved together, in
        order, their ties aggregated once) and documents kept unextracted (their extraction failed).

        With `unless_current`, a document already extracted by its extraction's version (another
        writer got there first) is left alone. Without `aggregate`, the ties are left for
        `aggregate_all` at the end of the build (the store says so until then: `ties_stale`).
        Returns (ids written, ids new to the store)."""
        ids = list(dict.fromkeys([x.document.id for x in extractions] + [d.id for d in unextracted]))
        with self.transaction() as conn:
            stored: dict[str, str | None] = {}
            for chunk in _chunks(ids):
                stored.update(conn.execute(select(t.documents.c.id, t.documents.c.extractor_version)
                                           .where(t.documents.c.id.in_(chunk))).all())
            if unless_current:
                extractions = [x for x in extractions if stored.get(x.document.id, "") != x.extractor_version]
            _insert_documents(conn, list(unextracted))
            self._write_extractions(conn, extractions, aggregate=aggregate)
        self._refresh_statistics(len(ids))
        return {x.document.id for x in extractions}, set(ids) - set(stored)

    def _refresh_statistics(self, written: int) -> None:
        """ANALYZE a PostgreSQL store each time a build's documents have doubled (16, 32, 64 ...). A store
        filled within one session keeps the statistics, and the plans cached from them, of the empty
        tables it started from: lookups and foreign-key checks then scan whole tables (measured: the
        co-occurrence query of resolution took 0.2 s a call at 128 documents)."""
        if self.engine.dialect.name != "postgresql":
            return
        before, self._written = self._written, self._written + written
        if self._written >= 16 and (before < 16 or self._written.bit_length() > before.bit_length()):
            self._analyze()

    def _analyze(self) -> None:
        with self.engine.begin() as conn:
            conn.execute(text("ANALYZE"))

    def aggregate_all(self) -> dict[str, int]:
        """Every tie recomputed at once, set-based (graph.setwise), in one transaction: the end of a
        large build. Returns what it did (ties inserted, updated, deleted, citations...).

        On PostgreSQL the store is vacuumed and analysed after it (`_vacuum`): the ties, their citations and
        the tables kept with them were rewritten whole, and queries planned from the statistics of a build's
        first documents (ties not yet aggregated) would read them the slow way."""
        from ..graph import maintain

        with self.transaction() as conn:
            counts = maintain.aggregate_all(conn)
        if self.engine.dialect.name == "postgresql":
            self._vacuum()
        return counts

    def _vacuum(self) -> None:
        """VACUUM (ANALYZE) a PostgreSQL store, outside any transaction: fresh statistics, and every page the
        aggregation rewrote marked all-visible, so that an entity's ties are counted and paged from the
        covering indexes alone (migration 0021) instead of one table page per tie until autovacuum comes
        round. Measured on 752,991 ties (bench_scale.py queries): a hub's `ties --as-of` page without
        quotes 45 -> 13 ms, with them 86 -> 47 ms; the whole VACUUM took 5.6 s there."""
        with self.engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
            conn.execute(text("VACUUM (ANALYZE)"))

    def ties_stale(self) -> bool:
        """Whether documents were written without their ties being aggregated (a build stopped early)."""
        from ..graph import maintain

        with self.engine.connect() as conn:
            return maintain.is_stale(conn)

    def extracted_by_version(self) -> dict[str, frozenset[str]]:
        """The ids of the documents extracted so far, by the version of the extractor that extracted them."""
        out: dict[str, set[str]] = defaultdict(set)
        with self.engine.connect() as conn:
            for doc_id, version in conn.execute(select(t.documents.c.id, t.documents.c.extractor_version)
                                                .where(t.documents.c.extractor_version.is_not(None))):
                out[version].add(doc_id)
        return {version: frozenset(ids) for version, ids in out.items()}

    def _write_extractions(self, conn: Connection, extractions: list[Extraction], *, aggregate: bool = True) -> None:
        from ..graph import maintain  # the map across documents follows each document's change

        if not extractions:
            return
        ids = [x.document.id for x in extractions]
        new = _insert_documents(conn, [x.document for x in extractions])
        touched = _entities_of_documents(conn, ids)
        for table in (t.mentions, t.assertions, t.lifespan_events, t.doc_entities):  # evidence goes with its assertion
            for chunk in _chunks(ids):
                conn.execute(delete(table).where(table.c.doc_id.in_(chunk)))
        keys = _insert_doc_entities(conn, extractions)
        _insert_mentions(conn, extractions, keys)
        _insert_assertions(conn, extractions, keys)
        _insert_lifespans(conn, extractions, keys)
        conn.execute(update(t.documents).where(t.documents.c.id == bindparam("did")),
                     [{"did": x.document.id, "extractor_version": x.extractor_version or "unknown"} for x in extractions])
        maintain.documents_changed(conn, ids, touched, aggregate_ties=aggregate, new=new)

    def doc_entities(self, doc_id: str) -> list[Entity]:
        with self.engine.connect() as conn:
            rows = conn.execute(
                select(t.doc_entities).where(t.doc_entities.c.doc_id == doc_id).order_by(t.doc_entities.c.id)
            ).mappings()
            return [codec.doc_entity_from_row(r) for r in rows]

    def mentions(self, doc_id: str) -> list[Mention]:
        query = (
            select(t.mentions, t.doc_entities.c.key)
            .outerjoin(t.doc_entities, t.doc_entities.c.id == t.mentions.c.doc_entity_id)
            .where(t.mentions.c.doc_id == doc_id)
            .order_by(t.mentions.c.start)
        )
        with self.engine.connect() as conn:
            return [
                Mention(doc_id, r["start"], r["end"], MentionType(r["type"]), r["key"], r["source"])
                for r in conn.execute(query).mappings()
            ]

    def assertions(self, doc_id: str | None = None) -> list[Assertion]:
        """Assertions as the documents state them (document-level entities), with their evidence."""
        with self.engine.connect() as conn:
            query = select(t.assertions)
            if doc_id:
                query = query.where(t.assertions.c.doc_id == doc_id)
            rows = conn.execute(query.order_by(t.assertions.c.id)).mappings().all()
            ids = {r["subject_id"] for r in rows} | {r["object_id"] for r in rows}
            ents = {
                r["id"]: codec.doc_entity_from_row(r)
                for r in conn.execute(select(t.doc_entities).where(t.doc_entities.c.id.in_(ids))).mappings()
            }
            evidence = defaultdict(list)
            ev_rows = conn.execute(
                select(t.evidence).where(t.evidence.c.assertion_id.in_([r["id"] for r in rows]))
            ).mappings()
            for e in ev_rows:
                evidence[e["assertion_id"]].append(
                    Evidence(e["doc_id"], e["start_char"], e["end_char"], e["extractor"], e["extractor_version"], e["trigger"])
                )
        return [
            Assertion(
                subject=ents[r["subject_id"]],
                relation=r["relation"],
                object=ents[r["object_id"]],
                stance=r["stance"],
                start=codec.date_from_row(r, "start"),
                end=codec.date_from_row(r, "end"),
                attribution=r["attribution"],
                evidence=evidence[r["id"]],
                id=r["id"],
                confidence=r["confidence"],
            )
            for r in rows
        ]

    def stats(self) -> dict[str, int]:
        tables = {
            "documents": t.documents, "extracted": t.documents, "entities": t.entities, "aliases": t.aliases,
            "mentions": t.mentions, "assertions": t.assertions, "evidence": t.evidence, "ties": t.ties,
        }
        with self.engine.connect() as conn:
            out = {name: conn.execute(select(func.count()).select_from(table)).scalar_one() for name, table in tables.items()}
            out["extracted"] = conn.execute(
                select(func.count()).select_from(t.documents).where(t.documents.c.extractor_version.is_not(None))
            ).scalar_one()
        return out


_CHUNK = 500
T = TypeVar("T")


def _chunks(items: list[T], size: int = _CHUNK) -> Iterator[list[T]]:
    for i in range(0, len(items), size):
        yield items[i:i + size]


def _insert_documents(conn: Connection, docs: list[Document]) -> set[str]:
    """Documents not stored yet, in bulk (one already there, from any writer, is left alone); the ids of
    those inserted."""
    seen: set[str] = set()
    inserted: set[str] = set()
    for chunk in _chunks(docs):
        ids = [d.id for d in chunk]
        have = {r[0] for r in conn.execute(select(t.documents.c.id).where(t.documents.c.id.in_(ids)))} | seen
        rows = [codec.document_row(d) for d in chunk if d.id not in have]
        seen |= {d.id for d in chunk}
        if rows:
            conn.execute(insert(t.documents), rows)
            inserted |= {r["id"] for r in rows}
    return inserted


def _entities_of_documents(conn: Connection, doc_ids: list[str]) -> set[int]:
    """Global entities that these documents' previous results fed (their ties need re-aggregation)."""
    out: set[int] = set()
    for chunk in _chunks(doc_ids):
        query = (
            select(t.entity_members.c.entity_id)
            .join(t.doc_entities, t.doc_entities.c.id == t.entity_members.c.doc_entity_id)
            .where(t.doc_entities.c.doc_id.in_(chunk))
        )
        out |= {r[0] for r in conn.execute(query)}
    return out


def _insert_doc_entities(conn: Connection, extractions: list[Extraction]) -> dict[tuple[str, str], int]:
    """Each document's entities (those its assertions name included); (doc id, key) -> row id."""
    rows: list[dict[str, Any]] = []
    for x in extractions:
        by_key: dict[str, Entity] = {}
        for e in [*x.entities, *(a.subject for a in x.assertions), *(a.object for a in x.assertions)]:
            by_key.setdefault(e.key, e)
        rows += [codec.doc_entity_row(x.document.id, e) for e in by_key.values()]
    keys: dict[tuple[str, str], int] = {}
    ids = take_ids(conn, t.doc_entities, len(rows))
    if ids is not None:  # PostgreSQL: by COPY, with ids taken ahead
        rows = [{"id": i, **r} for i, r in zip(ids, rows)]
        for chunk in _chunks(rows, _CHUNK * 10):
            insert_rows(conn, t.doc_entities, chunk)
        return {(r["doc_id"], r["key"]): r["id"] for r in rows}
    for chunk in _chunks(rows):
        result = conn.execute(insert(t.doc_entities).returning(t.doc_entities.c.id, sort_by_parameter_order=True),
                              chunk)
        keys.update(zip(((r["doc_id"], r["key"]) for r in chunk), (r[0] for r in result)))
    return keys


def _insert_mentions(conn: Connection, extractions: list[Extraction], keys: dict[tuple[str, str], int]) -> None:
    rows = [
        {"doc_id": x.document.id, "start": m.start, "end": m.end, "type": m.type.value,
         "doc_entity_id": keys.get((x.document.id, m.entity_key)) if m.entity_key else None, "source": m.source}
        for x in extractions for m in x.mentions
    ]
    for chunk in _chunks(rows, _CHUNK * 10):
        insert_rows(conn, t.mentions, chunk)


def _evidence_row(e: Any, doc_id: str, text: str, fingerprint: Any) -> dict[str, Any]:
    """An evidence row as written: its quote kept and fingerprinted when it is in the assertion's own
    document (`text`), neither when it names another."""
    cited = e.doc_id or doc_id
    quote = text[e.start_char:e.end_char] if cited == doc_id else None
    return {"doc_id": cited, "start_char": e.start_char, "end_char": e.end_char, "extractor": e.extractor,
            "extractor_version": e.extractor_version, "trigger": e.trigger, "quote": quote,
            "fingerprint": None if quote is None else (e.fingerprint or fingerprint(quote))}


def _insert_assertions(conn: Connection, extractions: list[Extraction], keys: dict[tuple[str, str], int]) -> None:
    from ..graph.dedup import fingerprint  # evidence is fingerprinted as it is written (graph.dedup)

    rows: list[dict[str, Any]] = []
    evidence: list[list[dict[str, Any]]] = []
    for x in extractions:
        doc_id, text = x.document.id, x.document.text
        for a in x.assertions:
            rows.append({
                "doc_id": doc_id, "subject_id": keys[(doc_id, a.subject.key)], "relation": a.relation,
                "object_id": keys[(doc_id, a.object.key)], "stance": a.stance.value, "attribution": a.attribution,
                "confidence": a.confidence, **codec.date_columns("start", a.start), **codec.date_columns("end", a.end),
            })
            evidence.append([_evidence_row(e, doc_id, text, fingerprint) for e in a.evidence])
    ids = take_ids(conn, t.assertions, len(rows))
    if ids is not None:  # PostgreSQL: by COPY, with ids taken ahead
        insert_rows(conn, t.assertions, [{"id": i, **r} for i, r in zip(ids, rows)])
        insert_rows(conn, t.evidence, [{**e, "assertion_id": aid} for aid, group in zip(ids, evidence) for e in group])
        return
    for chunk_start in range(0, len(rows), _CHUNK):
        chunk = rows[chunk_start:chunk_start + _CHUNK]
        result = conn.execute(insert(t.assertions).returning(t.assertions.c.id, sort_by_parameter_order=True), chunk)
        ev = [{**e, "assertion_id": aid} for aid, group in zip((r[0] for r in result),
                                                            evidence[chunk_start:chunk_start + _CHUNK]) for e in group]
        insert_rows(conn, t.evidence, ev)


def _insert_lifespans(conn: Connection, extractions: list[Extraction], keys: dict[tuple[str, str], int]) -> None:
    from ..lifespans import rows as lifespan_rows

    by_doc: dict[str, dict[str, int]] = defaultdict(dict)
    for (doc_id, key), row_id in keys.items():
        by_doc[doc_id][key] = row_id
    for x in extractions:
        if getattr(x, "lifespans", None):
            lifespan_rows.write(conn, x.document.id, x.lifespans, by_doc[x.document.id])


def _writer_lock(conn: Connection) -> None:
    """Take the store-wide writer lock for this transaction (released at commit or rollback)."""
    if conn.dialect.name == "sqlite":
        conn.exec_driver_sql("BEGIN IMMEDIATE")  # waits for other writers up to the busy timeout
    elif conn.dialect.name == "postgresql":
        conn.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": WRITER_LOCK})


WRITER_LOCK = 0x66616374  # "fact": the advisory lock key every factionmap writer takes on PostgreSQL


def insert_ignoring_duplicates(conn: Connection, table: Table, row: dict[str, Any]) -> int:
    """INSERT that leaves an existing row with the same key alone; the number of rows inserted."""
    if conn.dialect.name == "postgresql":
        from sqlalchemy.dialects.postgresql import insert as pg_insert

        return conn.execute(pg_insert(table).values(**row).on_conflict_do_nothing()).rowcount
    from sqlalchemy.dialects.sqlite import insert as sqlite_insert

    return conn.execute(sqlite_insert(table).values(**row).on_conflict_do_nothing()).rowcount


def short_reason(exc: BaseException) -> str:
    """A database error in a few words: its kind and first line, never the SQL or the values sent."""
    orig = getattr(exc, "orig", None) or exc
    arg = orig.args[0] if getattr(orig, "args", None) else None
    message = arg.get("M", "") if isinstance(arg, dict) else str(arg if isinstance(arg, str) else orig)
    return f"{type(orig).__name__}: {first_line(message or type(orig).__name__, 160)}"
