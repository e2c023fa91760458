"""factionmap's own scorer: system assertion rows (the JSONL contract) against a gold file.

The matching rules are those of the evaluation spec: a system row matches a gold row of the same
document when the relations are equal and both ends match on any name (canonical or alias) after
normalisation, in either order for symmetric relations. A denied row is scored under its own label
(`not:part_of`). Duplicates are removed on both sides. Dates are scored on matched pairs, to the
precision gold gives; stance (asserted vs reported) likewise.
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Iterable

from .errors import GoldFileError
from .namefold import fold
from .relations import SCORED, SYMMETRIC

STANCES = ("asserted", "reported", "denied")
_ISO = re.compile(r"\d{4}(?:-\d{2}(?:-\d{2})?)?\Z")


def normalize_name(name: str) -> str:
    """Case, diacritics, apostrophes, hyphens, the Arabic article and a leading "the" folded."""
    return fold(name)


@dataclass(frozen=True)
class Tie:
    """One row, reduced to what scoring reads."""

    doc: str  # the document's file name
    relation: str
    stance: str
    subject: frozenset[str]  # normalised names, canonical first in `subject_name`
    object: frozenset[str]
    subject_name: str
    object_name: str
    start: str | None
    end: str | None
    row: dict = field(compare=False, hash=False, repr=False)

    @property
    def label(self) -> str:
        return f"not:{self.relation}" if self.stance == "denied" else self.relation

    @property
    def key(self) -> tuple[str, str, str, str]:
        """What the evaluation spec's scorer dedupes on: the label and the least of each side's names
        (a symmetric tie given both ways is two rows there too)."""
        return (self.doc, self.label, min(self.subject, default=""), min(self.object, default=""))

    def matches(self, other: "Tie") -> bool:
        if self.label != other.label:
            return False
        if self.subject & other.subject and self.object & other.object:
            return True
        return self.relation in SYMMETRIC and bool(self.subject & other.object and self.object & other.subject)


def _names(row: dict, side: str) -> list[str]:
    value = row.get(side)
    names = list(value) if isinstance(value, list) else [value]
    names += list(row.get(f"{side}_aliases") or [])
    return [n for n in names if isinstance(n, str) and n.strip()]


def to_tie(row: dict) -> Tie:
    subjects, objects = _names(row, "subject"), _names(row, "object")
    return Tie(
        doc=Path(str(row.get("doc", ""))).name,
        relation=str(row.get("relation", "")),
        stance=str(row.get("stance") or "asserted"),
        subject=frozenset(filter(None, map(normalize_name, subjects))),
        object=frozenset(filter(None, map(normalize_name, objects))),
        subject_name=subjects[0] if subjects else "",
        object_name=objects[0] if objects else "",
        start=row.get("start") or None,
        end=row.get("end") or None,
        row=row,
    )


def load_gold(path: str | Path) -> list[dict]:
    """A gold file's rows; `GoldFileError` names the file and line of anything malformed."""
    rows = []
    try:
        lines = Path(path).read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise GoldFileError(f"{path}: cannot read the gold file ({exc})") from None
    for number, line in enumerate(lines, 1):
        if line.strip():
            rows.append(_check_gold_row(line, f"{path}:{number}"))
    return rows


def _check_gold_row(line: str, where: str) -> dict:
    try:
        row = json.loads(line)
    except json.JSONDecodeError as exc:
        raise GoldFileError(f"{where}: not a JSON object ({exc.msg})") from None
    if not isinstance(row, dict):
        raise GoldFileError(f"{where}: not a JSON object")
    for name in ("doc", "subject", "relation", "object", "stance"):
        if row.get(name) in (None, "", []):
            raise GoldFileError(f"{where}: missing field {name!r}")
    if row["relation"] not in SCORED:
        raise GoldFileError(f"{where}: unknown relation {row['relation']!r}")
    if row["stance"] not in STANCES:
        raise GoldFileError(f"{where}: unknown stance {row['stance']!r} (asserted, reported or denied)")
    for side in ("subject", "object"):
        if not _names(row, side):
            raise GoldFileError(f"{where}: {side} must be a name or a list of names")
    for name in ("start", "end"):
        value = row.get(name)
        if value is not None and not (isinstance(value, str) and _ISO.match(value)):
            raise GoldFileError(f"{where}: {name} must be null or an ISO date (2015, 2015-06, 2015-06-23)")
    return row


@dataclass
class Counts:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def to_dict(self) -> dict[str, Any]:
        return {"tp": self.tp, "fp": self.fp, "fn": self.fn, "precision": round(self.precision, 4),
                "recall": round(self.recall, 4), "f1": round(self.f1, 4)}


@dataclass
class Accuracy:
    right: int = 0
    total: int = 0

    @property
    def value(self) -> float | None:
        return self.right / self.total if self.total else None

    def __str__(self) -> str:
        return f"{self.right}/{self.total}" + (f" ({self.value:.2f})" if self.total else "")


@dataclass
class Report:
    per_label: dict[str, Counts] = field(default_factory=dict)
    dates: Accuracy = field(default_factory=Accuracy)
    stance: Accuracy = field(default_factory=Accuracy)
    misses: list[dict] = field(default_factory=list)  # gold rows not found
    false_positives: list[dict] = field(default_factory=list)  # system rows not in gold
    date_errors: list[tuple[dict, dict]] = field(default_factory=list)  # (system row, gold row) dated wrong
    docs: list[str] = field(default_factory=list)

    @property
    def micro(self) -> Counts:
        total = Counts()
        for c in self.per_label.values():
            total.tp, total.fp, total.fn = total.tp + c.tp, total.fp + c.fp, total.fn + c.fn
        return total

    def to_dict(self) -> dict[str, Any]:
        return {
            **self.micro.to_dict(),
            "date_accuracy": _round(self.dates.value), "dates": [self.dates.right, self.dates.total],
            "stance_accuracy": _round(self.stance.value), "stance": [self.stance.right, self.stance.total],
            "per_relation": {k: c.to_dict() for k, c in sorted(self.per_label.items())},
            "docs": self.docs, "misses": self.misses, "false_positives": self.false_positives,
            "date_errors": [[s, g] for s, g in self.date_errors],
        }

    def format_table(self) -> str:
        lines = [f"{'relation':<20}{'tp':>5}{'fp':>5}{'fn':>5}{'P':>7}{'R':>7}{'F1':>7}"]
        for name, c in sorted(self.per_label.items()):
            lines.append(f"{name:<20}{c.tp:>5}{c.fp:>5}{c.fn:>5}{c.precision:>7.2f}{c.recall:>7.2f}{c.f1:>7.2f}")
        m = self.micro
        lines += [f"dates right {self.dates}   stance right {self.stance}",
                  f"micro P={m.precision:.3f} R={m.recall:.3f} F1={m.f1:.3f}   (tp {m.tp}, fp {m.fp}, fn {m.fn})"]
        return "\n".join(lines)

    def format_errors(self) -> str:
        def line(tag: str, row: dict) -> str:
            t = to_tie(row)
            return f"{tag} {t.doc}: {t.subject_name} | {t.label} | {t.object_name}"

        return "\n".join([line("MISS", r) for r in self.misses] + [line("FALSE", r) for r in self.false_positives])


def _round(value: float | None) -> float | None:
    return None if value is None else round(value, 4)


def _dedupe(ties: Iterable[Tie]) -> list[Tie]:
    """One row per key, as the evaluation spec's scorer keeps them (the first one wins)."""
    seen: set = set()
    out = []
    for t in ties:
        if t.key not in seen:
            seen.add(t.key)
            out.append(t)
    return out


def date_right(system: str | None, gold: str) -> bool:
    """Right when the system's date says what gold says, at least as precisely."""
    return bool(system) and len(str(system)) >= len(gold) and str(system)[: len(gold)] == gold


def score(gold_rows: Iterable[dict], system_rows: Iterable[dict], docs: Iterable[str] | None = None) -> Report:
    """Score system rows against gold rows, per document (matched on the file name)."""
    gold = [to_tie(r) for r in gold_rows]
    system = [to_tie(r) for r in system_rows]
    names = sorted({Path(d).name for d in docs} if docs is not None else {t.doc for t in gold + system})
    report = Report(docs=names)
    for doc in names:
        # a tie the gold gives both as asserted and as reported is one tie: the asserted line wins
        golds = _dedupe(sorted((t for t in gold if t.doc == doc), key=lambda t: t.stance != "asserted"))
        for s in _dedupe(t for t in system if t.doc == doc):
            hit = next((g for g in golds if s.matches(g)), None)
            if hit is None:
                report.per_label.setdefault(s.label, Counts()).fp += 1
                report.false_positives.append(s.row)
                continue
            golds.remove(hit)
            report.per_label.setdefault(hit.label, Counts()).tp += 1
            _score_pair(report, s, hit)
        for g in golds:
            report.per_label.setdefault(g.label, Counts()).fn += 1
            report.misses.append(g.row)
    return report


def _score_pair(report: Report, system: Tie, gold: Tie) -> None:
    if gold.stance != "denied":
        report.stance.total += 1
        report.stance.right += system.stance == gold.stance
    wrong = False
    for want, got in ((gold.start, system.start), (gold.end, system.end)):
        if want:
            report.dates.total += 1
            right = date_right(got, want)
            report.dates.right += right
            wrong = wrong or not right
    if wrong:
        report.date_errors.append((system.row, gold.row))


Extractor = Callable[[Any, str], Iterable[dict]]  # (Document, doc label) -> assertion rows


def _default_extractor(config=None) -> Extractor:
    from .extract.output import assertion_rows
    from .extract.pipeline import ExtractorConfig, get_pipeline

    pipeline = get_pipeline(config or ExtractorConfig())
    return lambda document, label: assertion_rows(pipeline(document), label)


def confidence_of(row: dict) -> float:
    """A row's confidence; a row no model scored (the frames alone) counts as certain."""
    value = row.get("confidence")
    return 1.0 if value is None else float(value)


def tradeoff(gold: list[dict], rows: list[dict], docs: Iterable[str] | None = None,
             thresholds: Iterable[float] | None = None) -> list[dict]:
    """Precision, recall and F1 of the rows whose confidence reaches each threshold."""
    docs = list(docs) if docs is not None else None
    out = []
    for t in thresholds if thresholds is not None else [round(0.05 * i, 2) for i in range(0, 20)]:
        m = score(gold, [r for r in rows if confidence_of(r) >= t], docs).micro
        out.append({"threshold": round(t, 4), "precision": round(m.precision, 4), "recall": round(m.recall, 4),
                    "f1": round(m.f1, 4), "tp": m.tp, "fp": m.fp, "fn": m.fn})
    return out


def plot_tradeoff(curve: list[dict], path: str | Path, title: str = "", mark: float | None = None) -> None:
    """Draws precision, recall and F1 against the threshold into a PNG file."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    fig, ax = plt.subplots(figsize=(6.4, 4.2), dpi=110)
    xs = [p["threshold"] for p in curve]
    for key, style in (("precision", "-"), ("recall", "--"), ("f1", ":")):
        ax.plot(xs, [p[key] for p in curve], style, label=key if key != "f1" else "F1", linewidth=2)
    if mark is not None:
        ax.axvline(mark, color="grey", linewidth=1)
        ax.annotate(f"threshold {mark:.2f}", (mark, 0.02), fontsize=8, color="grey", xytext=(4, 0),
                    textcoords="offset points")
    ax.set_xlabel("minimum calibrated confidence")
    ax.set_ylim(0, 1)
    ax.set_xlim(0, 1)
    ax.grid(alpha=0.3)
    ax.legend(loc="upper right")
    ax.set_title(title or "precision / recall trade-off")
    fig.tight_layout()
    fig.savefig(path)
    plt.close(fig)


def extract_rows(doc_paths: Iterable[str | Path], extractor: Extractor | None = None) -> list[dict]:
    """The assertion rows the extractor gives for every document read from `doc_paths`."""
    from .ingest import read_file

    run = extractor or _default_extractor()
    rows: list[dict] = []
    for path in doc_paths:
        for document in read_file(path):
            rows.extend(run(document, str(path)))
    return rows


def evaluate(gold_path: str | Path, doc_paths: Iterable[str | Path], extractor: Extractor | None = None) -> Report:
    """Run extraction over the documents and score it against the gold file."""
    gold = load_gold(gold_path)
    paths = list(doc_paths)
    return score(gold, extract_rows(paths, extractor), docs=[str(p) for p in paths])
