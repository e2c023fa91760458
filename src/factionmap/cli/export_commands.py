"""`factionmap export` and `factionmap import`: the map in STIX 2.1, GraphML, GEXF, CSV or JSON
Lines, and STIX 2.1 bundles into the store. Thin shells over factionmap.export."""
from __future__ import annotations

import click

from .common import db_option, fail_cleanly, min_confidence_option, open_store, progress_bar


@click.command("export")
@db_option
@click.option("--format", "-f", "fmt", type=click.Choice(["stix", "graphml", "gexf", "csv", "jsonl"]),
              default="stix", show_default=True, help="Output format (see docs/exports.md).")
@click.option("--as-of", "as_of", metavar="DATE", help="Only the ties that held on this date (2015, 2015-06, 2015-06-23).")
@click.option("--entity", "-e", metavar="NAME", help="Only the ties around this entity (name, alias or id).")
@click.option("--depth", "-d", type=int, metavar="N", help="With --entity: ties up to N steps away (default 1).")
@click.option("--output", "-o", "output", metavar="FILE", help="Write here (csv: a folder) instead of stdout.")
@click.option("--clock", metavar="TIMESTAMP",
              help="STIX created/modified time (default: $SOURCE_DATE_EPOCH, else the store's last ingest).")
@min_confidence_option
@fail_cleanly
def export_command(db: str, fmt: str, as_of: str | None, entity: str | None, depth: int | None,
                   output: str | None, clock: str | None, min_confidence: float | None) -> None:
    """Export the map: STIX 2.1 bundle, GraphML, GEXF, CSV tables or JSON Lines.

    \b
    Examples:
      factionmap export --format stix -o map.json
      factionmap export --format gexf --as-of 2016-01-01 -o map.gexf
      factionmap export --format csv --entity "Islamic State" --depth 2 -o tables/
    """
    from ..export import export

    store = open_store(db)
    snap = export(store, fmt, output, as_of=as_of, entity=entity, depth=depth, clock=clock,
                  min_confidence=min_confidence)
    if output:
        click.echo(f"{fmt}: {len(snap.entities)} entities, {len(snap.ties)} ties, "
                   f"{len(snap.documents)} documents -> {output}", err=True)


@click.command("import")
@click.argument("bundle", type=click.Path(dir_okay=False))
@db_option
@click.option("--strict", is_flag=True, help="Fail (import nothing) if any relationship cannot be imported.")
@fail_cleanly
def import_command(bundle: str, db: str, strict: bool) -> None:
    """Import a STIX 2.1 bundle (from factionmap, OpenCTI, ...) as entities and ties with evidence.

    A malformed bundle imports nothing. A relationship without evidence text is skipped and listed
    (factionmap never stores a tie without a sentence saying it); --strict makes that an error.
    """
    from ..export import import_stix

    store = open_store(db)
    with progress_bar("reading the bundle", total=100) as bar:
        report = import_stix(store, bundle, strict=strict, progress=bar.fraction)
    for oid, reason in report.skipped:
        click.secho(f"skipped {oid}: {reason}", fg="yellow", err=True)
    ignored = ", ".join(f"{n} {t}" for t, n in report.ignored.items())
    click.echo(f"imported {report.entities} entities, {report.relationships} relationships "
               f"({report.assertions} assertions) from {report.documents} documents; "
               f"{len(report.skipped)} skipped" + (f"; not mapped: {ignored}" if ignored else ""))
