"""`factionmap kb`: the knowledge base of names (never ties): import entries, list where they come from."""
from __future__ import annotations

import click

from .common import fail_cleanly


@click.group("kb")
def kb() -> None:
    """The knowledge base of names: the packaged one, extended by your own (`kb import`)."""


@kb.command("import")
@click.argument("file", type=click.Path(dir_okay=False, path_type=str))
@click.option("--type", "default_type", type=click.Choice(["ORG", "PERSON", "PLACE"], case_sensitive=False),
              help="The type of items the file does not type (a Wikidata export never does).")
@click.option("--kind", "default_kind", help="Their kind (armed_group, party, state_agency, city ...; see data/kb/README.md).")
@click.option("--into", type=click.Path(file_okay=False, path_type=str),
              help="The knowledge-base folder to write to (default: $FACTIONMAP_KB_DIR, else "
                   "~/.local/share/factionmap/kb, read by every extraction).")
@click.option("--lang", default="en", show_default=True, help="The language whose label names an item first.")
@fail_cleanly
def import_kb(file, default_type, default_kind, into, lang) -> None:
    """Add the names in FILE to the knowledge base: a Wikidata export (JSON entities, a query's JSON or
    CSV answer: labels and aliases in every language, and the QID) or a plain YAML/CSV list (name,
    aliases, type, kind, wikidata). Names only, never ties. Items named like a known entry add their
    names and QID to it. The next `build` re-extracts with them."""
    from ..extract.kb_import import import_file

    target, entries = import_file(file, into=into, default_type=default_type and default_type.upper(),
                                  default_kind=default_kind, lang=lang)
    new = sum(1 for e in entries if "id" in e)
    click.echo(f"{target}: {new} new entries, {len(entries) - new} known entries given more names or ids")
