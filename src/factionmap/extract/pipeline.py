"""The extraction pipeline: named stages, each declaring what it reads and what it adds.

    segment -> mentions -> parse -> resolve -> dates -> relations

`default_pipeline()` loads the knowledge base and spaCy once. Deterministic and offline.
"""
from __future__ import annotations

import dataclasses
import functools
import hashlib
from importlib import metadata
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from ..errors import ExtractionError
from ..lang import require_pack
from ..model import Document, Extraction, Mention, MentionType
from .entities import EntityFinder
from .kb import KnowledgeBase, default_kb
from .ner import Parser
from .ties import relations
from .coref import resolve
from .segment import segment
from .state import Annotated

def _package_version() -> str:
    try:
        return metadata.version("factionmap")
    except metadata.PackageNotFoundError:  # pragma: no cover - run from a source tree never installed
        return "0"


# The code's version: the package's; `Pipeline.version` adds a digest of the extractor's own source (the
# frames are code), the knowledge base, the language data and the model, so a change to any re-extracts.
EXTRACTOR_VERSION = _package_version()


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
    ctx = DateContext(ann.doc.published_date, ann.pack)  # the month names of the document's language
    ann.dates = ctx.scan(ann.text)
    return ann


class Pipeline:
    version: str = EXTRACTOR_VERSION

    def __init__(self, stages: list[Stage]):
        have: set[str] = {"doc"}
        fields = {f.name for f in dataclasses.fields(Annotated)}
        for st in stages:
            unknown = [n for n in (*st.requires, *st.assigns) if n not in fields]
            if unknown:
                raise ExtractionError(f"stage {st.name!r} names {', '.join(unknown)}, which the state (Annotated) has not")
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
        require_pack(doc)
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
        require_pack(doc)  # a document in a language with no pack is never read as English
        ann = Annotated(doc)
        for st in self.stages:
            try:
                ann = st.func(ann)
            except ExtractionError:
                raise
            except Exception as exc:  # a bug in a stage: say which, and where
                where = doc.path or doc.id[:12]
                raise ExtractionError(f"{where}: stage {st.name!r} failed: {exc!r}") from exc
        return to_extraction(ann, self.version)

    def pipe(self, docs: Iterable[Document]) -> Iterator[Extraction]:
        for doc in docs:
            yield self(doc)


def to_extraction(ann: Annotated, version: str = EXTRACTOR_VERSION) -> Extraction:
    mtypes = {"ORG": MentionType.ORG, "PERSON": MentionType.PERSON, "PLACE": MentionType.PLACE}
    mentions = [Mention(ann.doc.id, s.start, s.end, mtypes[s.type.value], s.key, s.source) for s in ann.spans]
    used = {s.key for s in ann.spans}
    return Extraction(document=ann.doc, entities=[e for k, e in ann.entities.items() if k in used],
                      mentions=mentions, assertions=ann.assertions, extractor_version=version)


DEFAULT_STAGES = ("segment", "mentions", "parse", "resolve", "dates", "relations")


@dataclass(frozen=True)
class ExtractorConfig:
    """What an extractor is made of, beyond the code: the knowledge base, the relation model and the
    confidence a tie needs. Picklable, so worker processes build the same pipeline."""

    kb_dir: str | None = None  # None: the packaged knowledge base
    model_dir: str | None = None  # None: the packaged model; "none": the frames alone, no model
    min_confidence: float | None = None  # None: the model's own threshold
    stages: tuple[str, ...] = DEFAULT_STAGES  # the pipeline's stages, by name (STAGES)


def _digest(kb_dir: str | None, model) -> str:
    """A digest of everything beside the code that changes what the pipeline outputs."""
    from .kb import kb_folders
    from .scoring.word_classes import LANG_DIR

    h = hashlib.sha256()
    for folder in ([Path(kb_dir)] if kb_dir else kb_folders()) + [LANG_DIR]:
        for path in sorted(folder.rglob("*.y*ml")):
            h.update(path.name.encode())
            h.update(path.read_bytes())
    package = Path(__file__).resolve().parents[1]
    for path in sorted([*package.joinpath("extract").rglob("*.py"), *package.joinpath("lang").rglob("*.py")]):
        h.update(str(path.relative_to(package)).encode())  # the frames, the stages, the folds: code that reads
        h.update(path.read_bytes())
    h.update(((model.meta.get("digest") if model is not None else "frames-only") or "").encode())
    if not kb_dir:  # the default knowledge base holds the gazetteers' places
        from ..places.gazetteer import digest

        h.update(digest().encode())
    return h.hexdigest()[:10]


@dataclass
class StageContext:
    """What a stage factory may build its stage from."""

    kb: KnowledgeBase
    nlp: object = None
    model: object = None
    min_confidence: float | None = None
    pipeline: Pipeline | None = None  # the pipeline being built (its version is known once built)
    finder: EntityFinder | None = None


#: Stage name -> factory making the stage from the context. `build_pipeline` composes stages by name;
#: a new stage is one entry here (its requires/assigns are checked when a pipeline is built).
STAGES: dict[str, Callable[[StageContext], Stage]] = {
    "segment": lambda c: Stage("segment", segment, (), ("sentences", "infobox")),
    "mentions": lambda c: Stage("mentions", c.finder, ("sentences",), ("entities", "spans", "kinds", "folded_names")),
    "parse": lambda c: Stage("parse", Parser(c.finder, c.nlp), ("sentences", "spans", "entities", "folded_names", "kinds"),
                             ("parsed", "parse", "spans", "entities", "folded_names", "kinds")),
    "resolve": lambda c: Stage("resolve", resolve, ("spans", "entities", "sentences", "kinds", "infobox"),
                               ("subject", "spans", "pairs")),
    "dates": lambda c: Stage("dates", _dates, ("doc",), ("dates",)),
    "relations": lambda c: Stage(
        "relations", lambda a: relations(a, c.pipeline.version if c.pipeline else EXTRACTOR_VERSION, c.model,
                                         c.min_confidence),
        ("spans", "dates", "sentences", "parsed", "parse", "entities", "pairs", "kinds", "infobox", "subject"),
        ("assertions", "parsed")),  # sentences parsed on demand (`parse`) are added to `parsed`
}
def build_pipeline(kb: KnowledgeBase, nlp=None, model=None, min_confidence: float | None = None,
                   version: str | None = None, stages: Iterable[str] = DEFAULT_STAGES) -> Pipeline:
    """The stages, composed by name (STAGES). With a relation `model`, candidates are scored and kept by
    their calibrated confidence (the model's threshold, or `min_confidence`); without, the frames decide."""
    ctx = StageContext(kb, nlp, model, min_confidence, finder=EntityFinder(kb))
    unknown = [s for s in stages if s not in STAGES]
    if unknown:
        raise ExtractionError(f"unknown stage(s) {', '.join(unknown)}; known: {', '.join(STAGES)}")
    pipeline = Pipeline([STAGES[name](ctx) for name in stages])
    ctx.pipeline = pipeline
    pipeline.version = version or EXTRACTOR_VERSION
    pipeline.model = model
    return pipeline


def get_pipeline(config: ExtractorConfig = ExtractorConfig()) -> Pipeline:
    """The pipeline `config` describes, built once per process and state of its knowledge base's
    files: a long-running server picks up `factionmap kb import` without a restart."""
    from .kb import kb_folders, kb_stamp

    return _pipeline(config, kb_stamp([Path(config.kb_dir)] if config.kb_dir else kb_folders()))


@functools.lru_cache(maxsize=8)
def _pipeline(config: ExtractorConfig, stamp: tuple) -> Pipeline:
    from .kb import load_kb
    from .scoring.model import default_model, load_model

    kb = load_kb(config.kb_dir) if config.kb_dir else default_kb()
    if config.model_dir == "none":
        model = None
    elif config.model_dir:
        model = load_model(config.model_dir)
    else:
        model = default_model()
    version = f"{EXTRACTOR_VERSION}+{_digest(config.kb_dir, model)}"
    if tuple(config.stages) != DEFAULT_STAGES:
        version += "+" + "-".join(config.stages)
    return build_pipeline(kb, model=model, min_confidence=config.min_confidence, version=version,
                          stages=config.stages)


def default_pipeline() -> Pipeline:
    return get_pipeline(ExtractorConfig())
