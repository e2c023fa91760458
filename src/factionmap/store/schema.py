"""The store's schema, in SQLAlchemy Core: the same tables on SQLite and PostgreSQL.

Three layers:
- what was read: documents;
- what each document says: doc_entities (an entity as one document names it), mentions, assertions,
  evidence — replaced as a whole, in one transaction, when a document is (re-)extracted;
- the map across documents: entities, entity_members (which doc_entities each entity gathers),
  aliases (each with the document that introduced it), decisions (user merges and splits), ties;
- people and what they did: users and their sessions, reviews of ties (each linked to the assertions
  its evidence still produces), source grades set by hand, and the append-only audit log.

Changes to this file go with an Alembic migration in store/migrations/versions/ (a test checks that
the migrations and this metadata agree).
"""
from __future__ import annotations

from sqlalchemy import (
    JSON,
    Boolean,
    Column,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    UniqueConstraint,
    false,
    text,
    true,
)

metadata = MetaData(
    naming_convention={
        "ix": "ix_%(table_name)s_%(column_0_N_name)s",
        "uq": "uq_%(table_name)s_%(column_0_N_name)s",
        "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
        "pk": "pk_%(table_name)s",
    }
)

documents = Table(
    "documents",
    metadata,
    Column("id", String(64), primary_key=True),  # SHA-256 of the bytes read
    Column("path", Text),
    Column("format", String(16)),
    Column("title", Text),
    Column("author", Text),
    Column("publisher", Text),
    Column("published", String(32)),
    Column("url", Text),
    Column("language", String(16), nullable=False, default="en"),
    Column("source_kind", String(16)),
    Column("text", Text, nullable=False),
    Column("sections", JSON, nullable=False, default=list),
    Column("infobox", JSON, nullable=False, default=list),
    Column("ingested_at", DateTime(timezone=True), nullable=False),
    Column("extractor_version", String(32)),  # null until extracted
)

doc_entities = Table(
    "doc_entities",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("doc_id", String(64), ForeignKey("documents.id", ondelete="CASCADE"), nullable=False),
    Column("key", Text, nullable=False),
    Column("name", Text, nullable=False),
    Column("type", String(8), nullable=False),
    Column("kind", String(24)),  # model.EntityKind; null: the default of its type
    Column("kb_id", Text),
    Column("aliases", JSON, nullable=False, default=list),  # [{"name", "source"}]
    Column("attributes", JSON, nullable=False, default=dict),
    UniqueConstraint("doc_id", "key"),
)

mentions = Table(
    "mentions",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("doc_id", String(64), ForeignKey("documents.id", ondelete="CASCADE"), nullable=False),
    Column("start", Integer, nullable=False),
    Column("end", Integer, nullable=False),
    Column("type", String(8), nullable=False),
    Column("doc_entity_id", Integer, ForeignKey("doc_entities.id", ondelete="CASCADE")),
    Column("source", String(16), nullable=False, default=""),
    Index(None, "doc_id", "start"),
    Index(None, "doc_entity_id"),  # a document's entities deleted (re-extraction) find their mentions by it
)

_date_columns = [
    Column(f"{which}_{part}", String(32) if part != "text" else Text)
    for which in ("start", "end")
    for part in ("iso", "earliest", "latest", "text")
]

assertions = Table(
    "assertions",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("doc_id", String(64), ForeignKey("documents.id", ondelete="CASCADE"), nullable=False),
    Column("subject_id", Integer, ForeignKey("doc_entities.id", ondelete="CASCADE"), nullable=False),
    Column("relation", String(32), nullable=False),
    Column("object_id", Integer, ForeignKey("doc_entities.id", ondelete="CASCADE"), nullable=False),
    Column("stance", String(16), nullable=False),
    Column("attribution", Text),
    Column("confidence", Float),  # the extractor's calibrated probability that the tie is right
    *_date_columns,
    Index(None, "doc_id"),
    Index(None, "subject_id"),
    Index(None, "object_id"),
)

evidence = Table(
    "evidence",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("assertion_id", Integer, ForeignKey("assertions.id", ondelete="CASCADE"), nullable=False),
    Column("doc_id", String(64), ForeignKey("documents.id", ondelete="CASCADE"), nullable=False),
    Column("start_char", Integer, nullable=False),
    Column("end_char", Integer, nullable=False),
    Column("extractor", Text, nullable=False),
    Column("extractor_version", String(32), nullable=False),
    Column("trigger", Text, nullable=False, default=""),
    Column("fingerprint", Text),  # the sentence normalised, for near-duplicate detection (graph.dedup)
    Column("quote", Text),  # the sentence as the document writes it (None: sliced from the text when read)
    Index(None, "assertion_id"),
)

entities = Table(
    "entities",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("name", Text, nullable=False),
    Column("type", String(8), nullable=False),
    Column("kind", String(24)),  # model.EntityKind; null: the default of its type
    Column("kb_id", Text),
    Column("attributes", JSON, nullable=False, default=dict),
    Index(None, "kb_id"),
    Index(None, "name"),
)

entity_members = Table(
    "entity_members",
    metadata,
    Column("doc_entity_id", Integer, ForeignKey("doc_entities.id", ondelete="CASCADE"), primary_key=True),
    Column("entity_id", Integer, ForeignKey("entities.id", ondelete="CASCADE"), nullable=False),
    Column("reason", Text, nullable=False, default=""),  # why this doc entity joined: kb id, alias, user decision
    Index(None, "entity_id"),
)

aliases = Table(
    "aliases",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("entity_id", Integer, ForeignKey("entities.id", ondelete="CASCADE"), nullable=False),
    Column("name", Text, nullable=False),
    Column("norm", Text, nullable=False),  # names.fold(name)
    Column("doc_id", String(64), ForeignKey("documents.id", ondelete="CASCADE")),  # null: from the KB or a user
    Column("source", String(16), nullable=False, default="text"),
    Column("skel", Text),  # transliteration skeleton of norm (graph.keys.skeleton)
    Column("block", Text),  # fuzzy-matching block: first skeleton token and token count
    Column("reason", Text),  # why the document entity that brought this alias joined the entity
    # the earliest row of its entity, name and keys (norm, skel, block) is its lead; the name's later copies,
    # one per document, are not (graph.leads). Name lookups read the leads only, through these partial indexes
    Column("lead", Boolean, nullable=False, default=True, server_default=true()),
    Index(None, "entity_id"),
    Index("ix_aliases_lead_norm", "norm", postgresql_where=text("lead"), sqlite_where=text("lead = 1")),
    Index("ix_aliases_lead_skel", "skel", postgresql_where=text("lead"), sqlite_where=text("lead = 1")),
    Index("ix_aliases_lead_block", "block", postgresql_where=text("lead"), sqlite_where=text("lead = 1")),
)

decisions = Table(
    "decisions",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("kind", String(16), nullable=False),  # merge | split | rename | set_kind | external_id
    Column("payload", JSON, nullable=False),
    Column("created_at", DateTime(timezone=True), nullable=False),
    Column("undone_at", DateTime(timezone=True)),
)

# what Graph._ties_query filters ties on besides their ends, relation and status (dates and lifespans,
# review, grade, confidence): carried by the covering indexes below
_FILTERED = ["start_earliest", "end_latest", "life_from", "life_until", "review", "grade", "top_confidence"]

ties = Table(
    "ties",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("subject_id", Integer, ForeignKey("entities.id", ondelete="CASCADE"), nullable=False),
    Column("relation", String(32), nullable=False),
    Column("object_id", Integer, ForeignKey("entities.id", ondelete="CASCADE"), nullable=False),
    Column("status", String(16), nullable=False),
    Column("confidence", Integer, nullable=False, default=0),
    Column("grade", String(2), nullable=False, default="F6"),
    Column("evidence_count", Integer, nullable=False, default=0),
    Column("independent_count", Integer, nullable=False, default=0),
    *[Column(c.name, c.type) for c in _date_columns],
    Column("score", Float, nullable=False, default=0.0),
    Column("ended_by", Integer),  # the later tie between the same pair that ended this one, if any
    Column("life_from", String(10)),  # the later founding of its two ends (ISO day): it holds from then at most
    Column("life_until", String(10)),  # the earlier end of its two ends (ISO day)
    Column("review", String(16)),  # the latest review's verdict: confirmed | rejected | corrected | added
    Column("review_id", Integer),  # that review (reviews.id)
    # its citations, the documents they come from, only reported: kept by graph.cited, read by the map
    Column("citation_count", Integer, nullable=False, default=0, server_default="0"),
    Column("cited_documents", Integer, nullable=False, default=0, server_default="0"),
    Column("only_reported", Boolean, nullable=False, default=False, server_default=false()),
    # the highest confidence of its assertions, NULL when one was not scored: kept by graph.cited, read
    # by a confidence floor (Graph(min_confidence))
    Column("top_confidence", Float),
    UniqueConstraint("subject_id", "relation", "object_id"),
    Index(None, "object_id"),
    Index(None, "relation"),
    # a status's ties in reading order (contested); on PostgreSQL carrying what the map filters on, so its
    # ranking, group count and year histogram are index-only reads (migration 0021)
    Index(None, "status", "relation", "start_earliest", "id",
          postgresql_include=["subject_id", "object_id", *_FILTERED[1:]]),
    Index(None, "subject_id", "relation", "start_earliest", "id"),  # an entity's ties in reading order, per end
    Index(None, "object_id", "relation", "start_earliest", "id"),  # (Graph.entity_page)
    # an entity's ties most cited first, per end, carrying what readers filter on (PostgreSQL): a hub's
    # page of its profile and its counts per relation are index-only reads (graph.views.profile)
    Index(None, "subject_id", "evidence_count", "id",
          postgresql_include=["object_id", "relation", "status", *_FILTERED]),
    Index(None, "object_id", "evidence_count", "id",
          postgresql_include=["subject_id", "relation", "status", *_FILTERED]),
    # each date bound and the top confidence: the ties between a day and its year's 1 January, or between a
    # floor and the next tenth, which correct group_spans' counts (graph.group_spans.band; migration 0024)
    *[Index(None, column) for column in _FILTERED if column not in ("review", "grade")],
)

entity_degrees = Table(  # kept by graph.degrees with the ties (aggregate, setwise): read by the map
    "entity_degrees",
    metadata,
    Column("entity_id", Integer, ForeignKey("entities.id", ondelete="CASCADE"), primary_key=True),
    Column("ties", Integer, nullable=False),  # every tie it is an end of (a row only with at least one)
    Column("map_ties", Integer, nullable=False),  # those the map's opening view draws (degrees.map_condition)
    Column("start_earliest", String(32)),  # the smallest of its ties' start_earliest, end_earliest, life_from
    Column("end_earliest", String(32)),
    Column("life_from", String(10)),
    Column("start_latest", String(32)),  # the largest of its ties' start_latest, end_latest, life_until
    Column("end_latest", String(32)),
    Column("life_until", String(10)),
    Index(None, "map_ties", "entity_id"),  # the opening view's ranking, most ties first: an index scan
)

group_ties = Table(  # kept by graph.degrees with the ties: the map's views by relation and status rank from it
    "group_ties",
    metadata,
    Column("entity_id", Integer, ForeignKey("entities.id", ondelete="CASCADE"), primary_key=True),
    Column("relation", String(32), primary_key=True),
    Column("status", String(16), primary_key=True),
    Column("ties", Integer, nullable=False),  # its ties of this relation and status, both ends groups, not rejected
    Index(None, "status", "relation", "entity_id", "ties"),  # a view's rows read from the index alone
)

entity_relations = Table(  # kept by graph.degrees with the ties: a profile counts an entity's ties per relation from it
    "entity_relations",
    metadata,
    Column("entity_id", Integer, ForeignKey("entities.id", ondelete="CASCADE"), primary_key=True),
    Column("relation", String(32), primary_key=True),
    Column("status", String(16), primary_key=True),
    Column("ties", Integer, nullable=False),  # its ties of this relation and status, not rejected (a tie once)
)

group_spans = Table(  # kept by graph.group_spans with the ties: the map's views with a date or a floor rank from it
    "group_spans",
    metadata,
    Column("entity_id", Integer, ForeignKey("entities.id", ondelete="CASCADE"), primary_key=True),
    Column("relation", String(32), primary_key=True),
    Column("status", String(16), primary_key=True),
    Column("decile", Integer, primary_key=True),  # tenths its top_confidence reaches; -1: NULL (kept by every floor)
    Column("dated", Integer, primary_key=True),  # 1: the tie has a start or an end
    Column("since", Integer, primary_key=True),  # it holds on 1 January of Y when since <= Y < until
    Column("until", Integer, primary_key=True),
    Column("ties", Integer, nullable=False),  # its ties so, both ends groups, not rejected
    Index("ix_group_spans_view", "decile", "status", "relation", "since", "until", "dated", "entity_id", "ties"),
)

tie_assertions = Table(
    "tie_assertions",
    metadata,
    Column("tie_id", Integer, ForeignKey("ties.id", ondelete="CASCADE"), primary_key=True),
    Column("assertion_id", Integer, ForeignKey("assertions.id", ondelete="CASCADE"), primary_key=True),
    Index(None, "assertion_id"),
)

source_grades = Table(
    "source_grades",
    metadata,
    Column("name", Text, primary_key=True),  # names.fold of a publisher or author
    Column("label", Text, nullable=False),  # as written in the configuration
    Column("reliability", String(1), nullable=False),  # A-F (Admiralty source reliability)
)

store_version = Table(
    "store_version",
    metadata,
    Column("id", Integer, primary_key=True),  # one row, id 1
    Column("version", Integer, nullable=False, default=0),  # +1 by every write (web answers are cached per version)
)

lifespan_events = Table(
    "lifespan_events",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("doc_id", String(64), ForeignKey("documents.id", ondelete="CASCADE"), nullable=False),
    Column("doc_entity_id", Integer, ForeignKey("doc_entities.id", ondelete="CASCADE"), nullable=False),
    Column("kind", String(16), nullable=False),  # founded, first_active, dissolved, last_active, renamed
    *[Column(f"date_{part}", String(32) if part != "text" else Text, nullable=part == "text")
      for part in ("iso", "earliest", "latest", "text")],
    Column("start_char", Integer, nullable=False),  # the evidence sentence in the document's text
    Column("end_char", Integer, nullable=False),
    Column("reader", Text, nullable=False),  # the rule that read it ("lifespan:passive-founded")
    Column("reader_version", String(32), nullable=False),
    Column("trigger", Text, nullable=False, default=""),
    Column("new_name", Text),  # renamed: the name taken
    Column("new_doc_entity_id", Integer, ForeignKey("doc_entities.id", ondelete="SET NULL")),
    Index(None, "doc_id"),
    Index(None, "doc_entity_id"),
    Index(None, "new_doc_entity_id"),  # as mentions.doc_entity_id: read by the deletes of doc_entities
)


# -- people and what they did ---------------------------------------------------------------------

users = Table(
    "users",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("name", String(64), nullable=False),
    Column("role", String(16), nullable=False),  # viewer | analyst | admin
    Column("password_hash", Text, nullable=False),  # argon2id, never shown
    Column("created_at", DateTime(timezone=True), nullable=False),
    Column("disabled_at", DateTime(timezone=True)),
    UniqueConstraint("name"),
)

sessions = Table(
    "sessions",
    metadata,
    Column("id", String(64), primary_key=True),  # SHA-256 of the random token the cookie carries
    Column("user_id", Integer, ForeignKey("users.id", ondelete="CASCADE"), nullable=False),
    Column("created_at", DateTime(timezone=True), nullable=False),
    Column("expires_at", DateTime(timezone=True), nullable=False),
    Index(None, "user_id"),
)

settings = Table(
    "settings",
    metadata,
    Column("name", String(64), primary_key=True),  # e.g. the key that signs session cookies
    Column("value", Text, nullable=False),
)

reviews = Table(
    "reviews",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("kind", String(16), nullable=False),  # confirm | reject | correct | add
    Column("tie", JSON, nullable=False),  # what the tie was when reviewed: ends, relation, dates, grade
    Column("evidence", JSON, nullable=False),  # the keys it is anchored to: doc, offsets, extractor output
    Column("change", JSON, nullable=False, default=dict),  # a correction, a set grade, a manual tie
    Column("note", Text),
    Column("actor", Text, nullable=False),
    Column("created_at", DateTime(timezone=True), nullable=False),
    Column("undone_at", DateTime(timezone=True)),
    Column("supersedes", Integer),  # the review this one was written over, as its author saw it
)

review_docs = Table(
    "review_docs",
    metadata,
    Column("review_id", Integer, ForeignKey("reviews.id", ondelete="CASCADE"), primary_key=True),
    Column("doc_id", String(64), primary_key=True),  # no foreign key: a review outlives its document
    Index(None, "doc_id"),
)

review_links = Table(
    "review_links",
    metadata,
    Column("review_id", Integer, ForeignKey("reviews.id", ondelete="CASCADE"), primary_key=True),
    Column("assertion_id", Integer, ForeignKey("assertions.id", ondelete="CASCADE"), primary_key=True),
    Index(None, "assertion_id"),
)

source_grade_edits = Table(
    "source_grade_edits",
    metadata,
    Column("name", Text, primary_key=True),  # names.fold of a publisher or author
    Column("label", Text, nullable=False),
    Column("reliability", String(1), nullable=False),  # set in the app; wins over the configuration
)

audit_log = Table(
    "audit_log",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("at", DateTime(timezone=True), nullable=False),
    Column("actor", Text, nullable=False),
    Column("action", String(32), nullable=False),
    Column("target_type", String(16), nullable=False),  # tie | entity | document | source | user
    Column("target_id", Text, nullable=False),
    Column("target_label", Text),
    Column("before", JSON),
    Column("after", JSON),
    Column("reason", Text),
    Index(None, "target_type", "target_id"),
)
