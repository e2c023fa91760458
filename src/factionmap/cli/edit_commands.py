"""Edits of entities, sources and documents: rename, set-kind, external-id, sources, edit-document.
Each goes through factionmap.review.Editor: checked against the role, recorded in the audit log."""
from __future__ import annotations

import click

from .acting import as_option, editor
from .common import db_option, fail_cleanly, open_store

NOTE = click.option("--note", "-n", help="Why (recorded in the audit log).")


@click.command()
@click.argument("entity")
@click.argument("name")
@db_option
@as_option
@NOTE
@fail_cleanly
def rename(entity, name, db, as_user, note) -> None:
    """Give ENTITY a new canonical NAME (kept across rebuilds; undo with `factionmap undo ID`)."""
    d = editor(db, as_user).edit_entity(entity, "rename", name, note=note)
    click.echo(f"decision #{d.id}: {d.description}")


@click.command("set-kind")
@click.argument("entity")
@click.argument("kind")
@db_option
@as_option
@NOTE
@fail_cleanly
def set_kind(entity, kind, db, as_user, note) -> None:
    """Say what kind of entity ENTITY is (armed_group, coalition, party, state, person ...)."""
    d = editor(db, as_user).edit_entity(entity, "set_kind", kind, note=note)
    click.echo(f"decision #{d.id}: {d.description}")


@click.command("external-id")
@click.argument("entity")
@click.argument("scheme")
@click.argument("value", required=False)
@db_option
@as_option
@NOTE
@fail_cleanly
def external_id(entity, scheme, value, db, as_user, note) -> None:
    """Give ENTITY an id in another catalogue (e.g. `wikidata Q1234`); no VALUE removes it."""
    d = editor(db, as_user).edit_entity(entity, "external_id", value, scheme=scheme, note=note)
    click.echo(f"decision #{d.id}: {d.description}")


@click.group(invoke_without_command=True)
@db_option
@click.pass_context
@fail_cleanly
def sources(ctx, db) -> None:
    """Source reliability grades (A-F): from factionmap.yaml, and those set in the app (which win)."""
    if ctx.invoked_subcommand:
        return
    from ..graph import sources as sources_mod

    with open_store(db).engine.connect() as conn:
        found = sources_mod.listing(conn)
    for s in found:
        origin = "set in the app" if s["origin"] == "app" else "configuration"
        click.echo(f"{s['reliability']}  {s['name']}  ({origin})")


@sources.command("grade")
@click.argument("name")
@click.argument("grade", required=False)
@click.option("--clear", is_flag=True, help="Back to the configuration's grade.")
@db_option
@as_option
@NOTE
@fail_cleanly
def grade(name, grade, clear, db, as_user, note) -> None:
    """Grade publisher or author NAME A-F (A: completely reliable ... F: cannot be judged)."""
    if not clear and not grade:
        raise click.ClickException("give a grade A-F, or --clear")
    before, after = editor(db, as_user).grade_source(name, None if clear else grade, note=note)
    click.echo(f"{name}: {before or '-'} -> {after or '-'}; ties graded again")


@click.command("edit-document")
@click.argument("document")
@click.option("--title")
@click.option("--author")
@click.option("--publisher")
@click.option("--published", help="YYYY, YYYY-MM or YYYY-MM-DD (or a date as written).")
@click.option("--url")
@click.option("--source-kind", type=click.Choice(["encyclopedia", "analysis", "news", "statement"]))
@db_option
@as_option
@NOTE
@fail_cleanly
def edit_document(document, title, author, publisher, published, url, source_kind, db, as_user, note) -> None:
    """Set a document's metadata (most documents arrive without it); '' clears a field."""
    fields = {k: v for k, v in dict(title=title, author=author, publisher=publisher, published=published, url=url,
                                    source_kind=source_kind).items() if v is not None}
    if not fields:
        raise click.ClickException("nothing to change: give --title, --author, --publisher, --published, --url "
                                   "or --source-kind")
    changed = editor(db, as_user).edit_document(document, fields, note=note)
    click.echo("changed: " + ", ".join(f"{k}={v!r}" for k, v in changed.items()))
