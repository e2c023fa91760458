"""A training set: gold ties (SPEC's gold format, or offset-only annotation lines) and their documents.

Documents are found by file name among the files and folders given; a gold file's document that is
not among them is reported, never silently dropped.
"""
from __future__ import annotations

import json
from pathlib import Path

from ... import annotation
from ...errors import AnnotationError, GoldFileError
from ...evaluate import load_gold
from ...ingest import iter_files, read_file
from ...model import Document


def _is_annotation(path: Path) -> bool:
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                try:
                    row = json.loads(line)
                except json.JSONDecodeError:
                    return False
                return isinstance(row, dict) and "sha256" in row and "evidence" in row
    return False


def load_training_set(gold_paths: list[str | Path], doc_inputs: list[str | Path]
                      ) -> tuple[list[tuple[str, Document]], list[dict]]:
    """(name, Document) pairs and gold rows (SPEC format, quotes read from the documents)."""
    files = {Path(p).name: Path(p) for p in iter_files([str(d) for d in doc_inputs])}
    rows: list[dict] = []
    for gp in map(Path, gold_paths):
        if _is_annotation(gp):
            folders = sorted({f.parent for f in files.values()})
            corpus = annotation.Corpus(folders)
            rows += [annotation.to_gold(r, corpus) for r in annotation.load([gp], corpus)]
        else:
            rows += load_gold(gp)
    wanted = sorted({Path(str(r["doc"])).name for r in rows})
    missing = [n for n in wanted if n not in files]
    if missing:
        raise GoldFileError(f"the gold names {len(missing)} documents not among the inputs: {', '.join(missing[:5])}"
                            + (" ..." if len(missing) > 5 else ""))
    docs: list[tuple[str, Document]] = []
    for name in wanted:
        for doc in read_file(files[name]):
            docs.append((name, doc))
    return docs, rows


__all__ = ["load_training_set", "AnnotationError"]
