"""Commands that fill and describe a store: ingest, build, documents, entities, stats."""
from __future__ import annotations

import sys

import click

from .. import builder as building
from ..budget import Budget
from .common import (db_option, extractor_config, extractor_options, fail_cleanly, open_store, progress_bar,
                     size_option, warn)

SKIPPED_EXIT = 3  # the run finished and stored what it could, but skipped some inputs
_EXIT_HELP = """
    \b
    Exit status: 0 when every input was stored; 3 when the run finished but skipped some
    inputs (each named on stderr, one line each; the rest are stored); 1 on an error that
    stopped the run (a bad --db, say), and with --strict also when any input was skipped."""


def _summary(report, store) -> None:
    stats = store.stats()
    click.echo(
        f"{report.added} new, {report.unchanged} unchanged, {report.extracted} extracted, "
        f"{report.skipped} skipped; store {store.shown}: {stats['documents']} documents, "
        f"{stats['entities']} entities, {stats['assertions']} assertions, {stats['ties']} ties"
    )


def _exit(report, strict: bool) -> None:
    if not report.skipped:
        return
    if strict:
        raise click.ClickException(f"{report.skipped} input(s) skipped (--strict); the others were stored")
    sys.exit(SKIPPED_EXIT)


strict_option = click.option("--strict", is_flag=True,
                             help="Exit with status 1 when any input is skipped (default: 3, see below).")


@click.command(epilog=None)
@click.argument("inputs", nargs=-1, required=True)
@db_option
@strict_option
@size_option
@fail_cleanly
def ingest(inputs: tuple[str, ...], db: str, strict: bool, max_file_size: int | None) -> None:
    """Store documents from files, folders (recursively) or globs, without extracting.

    Reads .txt, .md, .html, .wiki/.wikitext, .pdf and .jsonl; a FILE.meta.json beside a file adds
    metadata. Ingesting the same bytes twice changes nothing. A bad file is reported and skipped:
    only regular files are read (no FIFOs or devices), each up to --max-file-size.
    """
    store = open_store(db)
    with progress_bar("ingesting") as bar:
        report = building.ingest(store, inputs, on_error=warn, progress=bar.advance, max_bytes=max_file_size)
    _summary(report, store)
    _exit(report, strict)


@click.command()
@click.argument("inputs", nargs=-1, required=True)
@db_option
@click.option("--jobs", "-j", default=1, show_default=True, help="Documents extracted in parallel (processes).")
@click.option("--dask", "dask", metavar="local:N|tcp://HOST:PORT", default=None,
              help="Read and extract on a Dask cluster: local:N starts N worker processes here; "
                   "tcp://HOST:PORT uses a running cluster's scheduler (its workers must see the files "
                   "at the same paths). Results are written in batches.")
@click.option("--aggregate", type=click.Choice(["auto", "batch", "end"]), default="auto", show_default=True,
              help="With --dask or in batches: aggregate the ties each batch touches as it is written (batch), or every tie "
                   "once at the end, set-based (end); auto: at the end from 64 files on.")
@click.option("--batches/--one-by-one", "batches", default=None,
              help="Without --dask: read, extract and write in batches on the -j worker processes, as --dask "
                   "does, the ties aggregated once at the end; or document by document. Default: batches from "
                   "64 files on.")
@click.option("--force", is_flag=True, help="Extract again even documents already extracted by this version.")
@strict_option
@size_option
@click.option("--time-budget", type=click.FloatRange(min=0), default=None,
              help=f"Seconds one document's extraction may take (default {Budget.seconds:g}, or "
                   "$FACTIONMAP_TIME_BUDGET; 0: no limit). A document over it is stored, not extracted.")
@click.option("--max-chars", type=click.IntRange(min=0), default=None,
              help=f"Longest text extracted, in characters (default {Budget.max_chars:,}, or "
                   "$FACTIONMAP_MAX_CHARS; 0: no limit). Long documents are read piece by piece.")
@extractor_options
@fail_cleanly
def build(inputs: tuple[str, ...], db: str, jobs: int, dask: str | None, aggregate: str, batches: bool | None,
          force: bool, strict: bool, max_file_size: int | None,
          time_budget: float | None, max_chars: int | None, model: str | None, min_confidence: float | None) -> None:
    """Ingest, extract and store: the map of the documents in INPUTS.

    Example: factionmap build samples/corpus --db map.db

    Several builds may write to one store at once; a document another build already stored is
    counted as unchanged.
    """
    from .. import cluster

    store = open_store(db)
    budget = Budget.from_env(seconds=time_budget, max_chars=max_chars)
    config = extractor_config(model, min_confidence)
    if dask:
        cluster.parse_address(dask)  # a bad address is an error before anything starts
        with progress_bar("building on Dask") as bar:
            report = cluster.build_on_cluster(
                store, inputs, dask, on_error=warn, progress=bar.advance, force=force, max_bytes=max_file_size,
                budget=budget, extractor=config, aggregate=aggregate,
                on_dashboard=lambda link: click.echo(f"Dask dashboard: {link}", err=True))
        _summary(report, store)
        _exit(report, strict)
        return
    with progress_bar("building") as bar:
        report = cluster.build_local(store, inputs, jobs=jobs, batched=batches, aggregate=aggregate, on_error=warn,
                                     progress=bar.advance, force=force, max_bytes=max_file_size, budget=budget,
                                     extractor=config)
    _summary(report, store)
    _exit(report, strict)


ingest.help += _EXIT_HELP
build.help += _EXIT_HELP


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
