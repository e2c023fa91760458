"""`factionmap extract FILE...`: the ties each file states, as JSONL or a table, without a store."""
from __future__ import annotations

import json
import os

import click

from ..errors import FactionmapError
from .common import extractor_config, extractor_options


@click.command("extract")
@click.argument("files", nargs=-1, required=True, type=click.Path(dir_okay=False))
@click.option("--format", "fmt", type=click.Choice(["jsonl", "table"]), default="table", show_default=True,
              help="jsonl: one assertion a line (the evaluation contract); table: for reading")
@click.option("-o", "--output", type=click.File("w", encoding="utf-8"), default="-",
              help="write here instead of standard output")
@extractor_options
def extract_command(files: tuple[str, ...], fmt: str, output, model: str | None,
                    min_confidence: float | None) -> None:
    """Read FILE(s) and print every tie they state, each with its evidence sentence and confidence."""
    from ..budget import extract
    from ..extract.output import assertion_rows
    from ..extract.pipeline import get_pipeline
    from ..ingest import read_file

    for path in files:
        try:
            pipeline = get_pipeline(extractor_config(model, min_confidence))
            docs = read_file(path)
            for doc in docs:
                doc.path = doc.path or path
                label = path if len(docs) == 1 else f"{path}#{doc.id[:12]}"
                rows = assertion_rows(extract(doc, pipeline=pipeline), label)
                _write(rows, fmt, output)
        except FactionmapError as exc:
            raise click.ClickException(str(exc)) from None


def _write(rows: list[dict], fmt: str, out) -> None:
    if fmt == "jsonl":
        for r in rows:
            out.write(json.dumps(r, ensure_ascii=False) + "\n")
        return
    for r in rows:
        when = "–".join(x or "?" for x in (r["start"], r["end"])) if r["start"] or r["end"] else ""
        stance = "" if r["stance"] == "asserted" else f" [{r['stance']}" + (
            f" by {r['attribution']}]" if r["attribution"] else "]")
        conf = f" {r['confidence']:.2f}" if r.get("confidence") is not None else ""
        out.write(f"{os.path.basename(r['doc'])}: {r['subject']} —{r['relation']}→ {r['object']}"
                  f"{' (' + when + ')' if when else ''}{stance}{conf}\n    “{r['evidence']['text'][:160]}”\n")
