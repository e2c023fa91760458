"""Commands that fill and describe a store: ingest, build, documents, entities, stats."""
from __future__ import annotations

import click
from .. import builder as building
from .common import db_option, extractor_config, extractor_options, fail_cleanly, open_store, progress_bar, warn


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
@extractor_options
@fail_cleanly
def build(inputs: tuple[str, ...], db: str, jobs: int, force: bool, model: str | None,
          min_confidence: float | None) -> None:
    """Ingest, extract and store: the map of the documents in INPUTS.

    Example: factionmap build samples/corpus --db map.db
    """
    store = open_store(db)
    with progress_bar("building") as bar:
        report = building.build(store, inputs, jobs=jobs, on_error=warn, progress=bar.advance, force=force,
                                extractor=extractor_config(model, min_confidence))
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
@click.option("-q", "query", help="Only entities with a name containing this (any alias, folded).")
@fail_cleanly
def entities(db: str, type_: str | None, query: str | None) -> None:
    """List the entities across documents: id, type, name, other names, documents naming it."""
    from ..graph import Graph

    for e in Graph(open_store(db)).entities(type=type_, q=query):
        others = [n for n in e.names if n != e.name]
        docs = set().union(*(a.doc_ids for a in e.aliases)) - {None} if e.aliases else set()
        click.echo(f"{e.id:>5}  {e.type.value:<6} {e.name}  ({len(docs)} documents)"
                   + (f"  aka {'; '.join(others[:6])}" if others else ""))


@click.command()
@db_option
@fail_cleanly
def stats(db: str) -> None:
    """Counts of what the store holds."""
    store = open_store(db)
    for name, count in store.stats().items():
        click.echo(f"{name:<12}{count:>8}")
