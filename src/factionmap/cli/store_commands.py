"""Commands that fill and describe a store: ingest, build, documents, entities, stats."""
from __future__ import annotations

import click
from sqlalchemy import func, select

from .. import builder as building
from ..store import schema as t
from .common import db_option, fail_cleanly, open_store, progress_bar, warn


def _summary(report, store) -> None:
    stats = store.stats()
    click.echo(
        f"{report.added} new, {report.unchanged} unchanged, {report.extracted} extracted, "
        f"{len(report.errors)} skipped; store {store.url}: {stats['documents']} documents, "
        f"{stats['entities']} entities, {stats['assertions']} assertions, {stats['ties']} ties"
    )


@click.command()
@click.argument("inputs", nargs=-1, required=True)
@db_option
@fail_cleanly
def ingest(inputs: tuple[str, ...], db: str) -> None:
    """Store documents from files, folders (recursively) or globs, without extracting.

    Reads .txt, .md, .html, .wiki/.wikitext, .pdf and .jsonl; a FILE.meta.json beside a file adds
    metadata. Ingesting the same bytes twice changes nothing. A bad file is reported and skipped.
    """
    store = open_store(db)
    with progress_bar("ingesting") as bar:
        report = building.ingest(store, inputs, on_error=warn, progress=bar.advance)
    _summary(report, store)


@click.command()
@click.argument("inputs", nargs=-1, required=True)
@db_option
@click.option("--jobs", "-j", default=1, show_default=True, help="Documents extracted in parallel (processes).")
@click.option("--force", is_flag=True, help="Extract again even documents already extracted by this version.")
@fail_cleanly
def build(inputs: tuple[str, ...], db: str, jobs: int, force: bool) -> None:
    """Ingest, extract and store: the map of the documents in INPUTS.

    Example: factionmap build samples/corpus --db map.db
    """
    store = open_store(db)
    with progress_bar("building") as bar:
        report = building.build(store, inputs, jobs=jobs, on_error=warn, progress=bar.advance, force=force)
    _summary(report, store)


@click.command()
@db_option
@fail_cleanly
def documents(db: str) -> None:
    """List the stored documents: id, format, title, author, date, assertions."""
    store = open_store(db)
    for d in store.documents():
        click.echo(
            f"{d['id'][:12]}  {d['format'] or '-':<8} {d['title'] or d['path'] or '(untitled)'}"
            f" | {d['author'] or '-'} | {d['published'] or '-'} | {d['assertions']} assertions"
        )


@click.command()
@db_option
@click.option("--type", "type_", type=click.Choice(["ORG", "PERSON", "PLACE"]), help="Only this type.")
@fail_cleanly
def entities(db: str, type_: str | None) -> None:
    """List the entities across documents, with their aliases and how many ties each has."""
    store = open_store(db)
    ties = (
        select(t.entities.c.id, func.count(t.ties.c.id).label("n"))
        .outerjoin(t.ties, (t.ties.c.subject_id == t.entities.c.id) | (t.ties.c.object_id == t.entities.c.id))
        .group_by(t.entities.c.id)
        .subquery()
    )
    query = select(t.entities, ties.c.n).join(ties, ties.c.id == t.entities.c.id).order_by(t.entities.c.name)
    if type_:
        query = query.where(t.entities.c.type == type_)
    with store.engine.connect() as conn:
        names: dict[int, list[str]] = {}
        for eid, name in conn.execute(select(t.aliases.c.entity_id, t.aliases.c.name).order_by(t.aliases.c.id)):
            names.setdefault(eid, [])
            if name not in names[eid]:
                names[eid].append(name)
        for e in conn.execute(query).mappings():
            others = [n for n in names.get(e["id"], []) if n != e["name"]]
            click.echo(f"{e['id']:>5}  {e['type']:<6} {e['name']}  ({e['n']} ties)"
                       + (f"  aka {'; '.join(others[:6])}" if others else ""))


@click.command()
@db_option
@fail_cleanly
def stats(db: str) -> None:
    """Counts of what the store holds."""
    store = open_store(db)
    for name, count in store.stats().items():
        click.echo(f"{name:<12}{count:>8}")
