"""Reviews teach the extractor: the store's reviewed ties as training material.

    material = training_material(store)
    material.rows          # gold rows (SPEC's gold format) with a "review" field
    material.documents     # [(name, Document)]: every document a row cites, under the row's "doc" name
    material.write("reviews.gold.jsonl", "review-docs/")
    documents, rows = material.merged_with(*load_training_set(gold, docs))   # `train --from-reviews`

Each review in force (not undone; the latest one on a piece of evidence wins) gives one row per
piece of evidence it was made on, in the evaluation spec's gold format: doc, subject [names],
relation, object [names], start, end, stance, quote (the evidence sentence, found again by
`annotation.locate`), plus "review" and "review_id":
- confirmed: the tie as the extractor read it, a positive;
- corrected: the tie as the analyst corrected it, a positive; when the correction changed the
  relation, an end, the direction or the stance, also the original reading as "rejected";
- added: the analyst's manual tie, cited by the passage they selected, a positive;
- rejected: the reading the analyst rejected: a trainer reads it as a negative for that relation
  between those two names in that sentence (it is not a positive; a trainer that does not know the
  field must drop rows whose "review" is "rejected").
Names are the document's own names for each end (folded), after the entity's canonical name.
Only the relations the evaluation spec scores are written; documents are named by their file name
when it is unique, else by their id, and written as one-record JSON Lines files whose text is the
stored text, byte for byte, so quotes and offsets hold.
"""
from __future__ import annotations

import dataclasses
import json
import re
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import select

from ..errors import ExportError
from ..graph import reviews
from ..model import Document, content_id
from ..namefold import fold
from ..relations import SCORED, SYMMETRIC
from ..store import Store
from ..store import schema as t

POSITIVE = ("confirmed", "corrected", "added")
_ISO = re.compile(r"\d{4}(?:-\d{2}(?:-\d{2})?)?")
_RE_READ = ("relation", "subject", "object", "swap", "stance")


@dataclass
class TrainingMaterial:
    rows: list[dict] = field(default_factory=list)
    documents: list[tuple[str, Document]] = field(default_factory=list)

    def counts(self) -> dict[str, int]:
        out: dict[str, int] = {}
        for r in self.rows:
            out[r["review"]] = out.get(r["review"], 0) + 1
        return out

    def merged_with(self, documents: list[tuple[str, Document]], rows: list[dict]
                    ) -> tuple[list[tuple[str, Document]], list[dict]]:
        """This material added to a training set (`load_training_set`'s (documents, rows)): a reviewed
        document that is already among `documents` (the same text, or the same file name it was read
        from) keeps that one's name, so no document is trained on twice or split across folds."""
        by_text = {content_id(doc.text.encode("utf-8")): name for name, doc in documents}
        by_file = {name: name for name, _ in documents}
        rename, extra = {}, []
        for name, doc in self.documents:
            same = by_text.get(content_id(doc.text.encode("utf-8"))) or by_file.get(Path(doc.path or "").name)
            if same:
                rename[name] = same
            else:
                extra.append((name, doc))
        mine = [dict(r, doc=rename.get(r["doc"], r["doc"])) for r in self.rows]
        return [*documents, *extra], [*rows, *mine]

    def write(self, gold_path: str | Path, docs_dir: str | Path | None = None) -> None:
        """The rows as JSON Lines; with `docs_dir`, every cited document as DOCS_DIR/<doc name>."""
        try:
            Path(gold_path).write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in self.rows),
                                       encoding="utf-8")
            if docs_dir is not None:
                folder = Path(docs_dir)
                folder.mkdir(parents=True, exist_ok=True)
                for name, doc in self.documents:
                    record = {"text": doc.text, **{k: getattr(doc, k) for k in ("title", "author", "publisher",
                                                                                 "published", "url") if getattr(doc, k)}}
                    (folder / name).write_text(json.dumps(record, ensure_ascii=False) + "\n", encoding="utf-8")
        except OSError as exc:
            raise ExportError(f"cannot write the training material: {exc.strerror or exc}") from None


def _names(first: str | None, folded: list[str]) -> list[str]:
    out = [first] if first else []
    seen = {fold(first)} if first else set()
    for n in folded:
        if n and n not in seen:
            seen.add(n)
            out.append(n)
    return out


def _end_name(snap: dict, folded: list[str]) -> str | None:
    """The entity's canonical name, when the document's names are names of that entity."""
    return snap["name"] if set(snap.get("norms") or []) & set(folded) else None


def _iso(value) -> str | None:
    """A date as the gold format takes it (YYYY, YYYY-MM, YYYY-MM-DD); others (a decade, '198X') as unknown."""
    return value if isinstance(value, str) and _ISO.fullmatch(value) else None


def _row(doc: str, key: dict, relation: str, subject: list[str], obj: list[str], start, end, stance: str,
         verdict: str, review_id: int) -> dict:
    start, end = _iso(start), _iso(end)
    return {"doc": doc, "subject": subject, "relation": relation, "object": obj, "start": start, "end": end,
            "stance": stance, "quote": key["quote"], "review": verdict, "review_id": review_id}


def rows_of(review: reviews.Review, doc_names: dict[str, str]) -> list[dict]:
    """The gold rows one review gives (see the module's docstring)."""
    out = []
    tie, change = review.tie, review.change
    for key in review.evidence:
        doc = doc_names.get(key["doc_id"])
        if doc is None:
            continue
        s_snap, o_snap = tie["subject"], tie["object"]
        if key["relation"] in SYMMETRIC and not set(s_snap.get("norms") or []) & set(key["subject"]):
            s_snap, o_snap = o_snap, s_snap
        subject = _names(_end_name(s_snap, key["subject"]), key["subject"])
        obj = _names(_end_name(o_snap, key["object"]), key["object"])
        read_as = (key["relation"], subject, obj, key.get("start"), key.get("end"), key["stance"])
        if review.kind == "reject":
            out.append(_row(doc, key, *read_as, "rejected", review.id))
        elif review.kind in ("confirm", "add"):
            out.append(_row(doc, key, *read_as, review.verdict, review.id))
        else:
            relation = change.get("relation", key["relation"])
            new_s = _names(change["subject"]["name"], change["subject"]["norms"]) if "subject" in change else subject
            new_o = _names(change["object"]["name"], change["object"]["norms"]) if "object" in change else obj
            if change.get("swap"):
                new_s, new_o = new_o, new_s
            start = change["start"] if "start" in change else key.get("start")
            end = change["end"] if "end" in change else key.get("end")
            out.append(_row(doc, key, relation, new_s, new_o, start, end, change.get("stance", key["stance"]),
                            "corrected", review.id))
            if change.keys() & set(_RE_READ):
                out.append(_row(doc, key, *read_as, "rejected", review.id))
    return [r for r in out if r["relation"] in SCORED and r["subject"] and r["object"] and r["quote"]]


def _doc_names(store: Store, doc_ids: set[str]) -> dict[str, str]:
    """Unique file names for the documents: their own file name when no other document shares it."""
    with store.engine.connect() as conn:
        rows = conn.execute(select(t.documents.c.id, t.documents.c.path).where(t.documents.c.id.in_(sorted(doc_ids))))
        paths = {doc_id: Path(path or "").name for doc_id, path in rows}
    counts: dict[str, int] = {}
    for name in paths.values():
        counts[name] = counts.get(name, 0) + 1
    out = {}
    for doc_id, name in paths.items():
        stem = Path(name).stem if name and counts[name] == 1 else doc_id[:16]
        out[doc_id] = f"{stem}.jsonl"
    if len(set(out.values())) != len(out):  # two stems alike after dropping extensions
        out = {doc_id: f"{doc_id[:16]}.jsonl" for doc_id in out}
    return out


def latest_reviews(store: Store) -> list[reviews.Review]:
    """Reviews not undone, each piece of evidence judged by its latest review only, oldest first."""
    with store.engine.connect() as conn:
        found = [r for r in reviews.listing(conn) if r.undone_at is None]
    taken: set[tuple] = set()
    out = []
    for r in found:  # newest first
        keep = []
        for k in r.evidence:
            key = (k["doc_id"], k["start_char"], k["end_char"], k["relation"])
            if key not in taken:
                keep.append(k)
        taken |= {(k["doc_id"], k["start_char"], k["end_char"], k["relation"]) for k in r.evidence}
        if keep:
            out.append(dataclasses.replace(r, evidence=keep))
    return sorted(out, key=lambda r: r.id)


def training_material(store: Store) -> TrainingMaterial:
    """Gold rows from the store's reviews, and the documents they cite (see the module docstring)."""
    chosen = latest_reviews(store)
    doc_ids = {k["doc_id"] for r in chosen for k in r.evidence}
    names = _doc_names(store, doc_ids)
    rows = [row for r in chosen for row in rows_of(r, names)]
    cited = sorted({doc_id for doc_id, name in names.items() if any(row["doc"] == name for row in rows)})
    docs = [(names[d], store.document(d)) for d in cited]
    return TrainingMaterial(rows, docs)
