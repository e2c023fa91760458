"""The `factionmap` command: a thin shell over the Python API. One module per command group."""
from __future__ import annotations

import click

from .. import __version__
from .common import show_warnings
from .corpus_commands import corpus
from .evaluate import evaluate
from .extract import extract_command
from .export_commands import export_command, import_command
from .edit_commands import edit_document, external_id, rename, set_kind, sources
from .kb_commands import kb
from .graph_commands import contested, decisions, explain, lineage, merge, path, show, split, ties, undo
from .review_commands import review, reviews
from .store_commands import build, documents, entities, ingest, stats
from .train_command import train
from .user_commands import log, users
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
                export_command, import_command, corpus, train, review, reviews, users, log, rename, set_kind,
                external_id, sources, edit_document, kb):
    main.add_command(command)
