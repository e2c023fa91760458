"""The `factionmap` command: a thin shell over the Python API. One module per command group."""
from __future__ import annotations

import click

from .. import __version__
from .common import show_warnings
from .corpus_commands import corpus
from .evaluate import evaluate
from .extract import extract_command
from .export_commands import export_command, import_command
from .graph_commands import contested, decisions, explain, lineage, merge, path, show, split, ties, undo
from .store_commands import build, documents, entities, ingest, stats
from .web_commands import serve


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="factionmap")
def main() -> None:
    """factionmap: evidence-backed maps of armed groups' ties, read from documents.

    \b
    Start with:
      factionmap build samples/corpus      read, extract and store the sample corpus
      factionmap stats                     what the store holds
      factionmap extract FILE --format jsonl   the ties one file states, without a store
    Every command takes --help.
    """
    show_warnings()


for command in (ingest, build, extract_command, documents, entities, stats, evaluate, serve,
                show, ties, lineage, path, contested, merge, split, undo, explain, decisions,
                export_command, import_command, corpus):
    main.add_command(command)
