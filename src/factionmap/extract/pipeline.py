"""The extraction pipeline: named stages, each declaring what it reads and what it adds.

    segment -> mentions -> parse -> resolve -> dates -> relations

`default_pipeline()` loads the knowledge base and spaCy once. Deterministic and offline.
"""
from __future__ import annotations

import functools
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass

from ..errors import ExtractionError
from ..model import Document, Extraction, Mention, MentionType
from .entities import EntityFinder
from .kb import KnowledgeBase, default_kb
from .ner import Parser
from .relations import relations
from .resolve import resolve
from .segment import segment
from .state import Annotated

EXTRACTOR_VERSION = "0.4.4"


@dataclass(frozen=True)
class Stage:
    name: str
    func: Callable[[Annotated], Annotated]
    requires: tuple[str, ...] = ()
    assigns: tuple[str, ...] = ()


def _dates(ann: Annotated) -> Annotated:
    try:
        from .dates import DateContext
    except ImportError:  # the dates module is not installed yet
        return ann
    ctx = DateContext(ann.doc.published_date)
    ann.dates = ctx.scan(ann.text)
    return ann


class Pipeline:
    def __init__(self, stages: list[Stage]):
        have: set[str] = {"doc"}
        for st in stages:
            missing = [r for r in st.requires if r not in have]
            if missing:
                raise ExtractionError(f"stage {st.name!r} needs {', '.join(missing)}, which no earlier stage adds")
            have.update(st.assigns)
        self.stages = stages

    @property
    def names(self) -> list[str]:
        return [s.name for s in self.stages]

    def annotate(self, doc: Document, stop_before: str = "relations") -> Annotated:
        """The annotated document after every stage before `stop_before` (for training and inspection)."""
        ann = Annotated(doc)
        for st in self.stages:
            if st.name == stop_before:
                break
            ann = self._run(st, ann, doc)
        return ann

    def _run(self, st: "Stage", ann: Annotated, doc: Document) -> Annotated:
        try:
            return st.func(ann)
        except ExtractionError:
            raise
        except Exception as exc:  # a bug in a stage: say which, and where
            where = doc.path or doc.id[:12]
            raise ExtractionError(f"{where}: stage {st.name!r} failed: {exc!r}") from exc

    def __call__(self, doc: Document) -> Extraction:
        ann = Annotated(doc)
        for st in self.stages:
            try:
                ann = st.func(ann)
            except ExtractionError:
                raise
            except Exception as exc:  # a bug in a stage: say which, and where
                where = doc.path or doc.id[:12]
                raise ExtractionError(f"{where}: stage {st.name!r} failed: {exc!r}") from exc
        return to_extraction(ann)

    def pipe(self, docs: Iterable[Document]) -> Iterator[Extraction]:
        for doc in docs:
            yield self(doc)


def to_extraction(ann: Annotated) -> Extraction:
    mtypes = {"ORG": MentionType.ORG, "PERSON": MentionType.PERSON, "PLACE": MentionType.PLACE}
    mentions = [Mention(ann.doc.id, s.start, s.end, mtypes[s.type.value], s.key, s.source) for s in ann.spans]
    used = {s.key for s in ann.spans}
    return Extraction(document=ann.doc, entities=[e for k, e in ann.entities.items() if k in used],
                      mentions=mentions, assertions=ann.assertions, extractor_version=EXTRACTOR_VERSION)


def build_pipeline(kb: KnowledgeBase, nlp=None) -> Pipeline:
    finder = EntityFinder(kb)
    return Pipeline([
        Stage("segment", segment, (), ("sentences", "infobox")),
        Stage("mentions", finder, ("sentences",), ("entities", "spans")),
        Stage("parse", Parser(finder, nlp), ("sentences", "spans"), ("parsed", "spans")),
        Stage("resolve", resolve, ("spans",), ("subject", "spans")),
        Stage("dates", _dates, ("doc",), ("dates",)),
        Stage("relations", lambda a: relations(a, EXTRACTOR_VERSION), ("spans", "dates", "sentences"),
              ("assertions",)),
    ])


@functools.lru_cache(maxsize=1)
def default_pipeline() -> Pipeline:
    return build_pipeline(default_kb())
