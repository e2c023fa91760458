"""Each stage of the default pipeline declares what it reads (`requires`) and what it writes
(`assigns`); the declarations are checked against the typed state (`Annotated`'s fields) and against
what each stage really changes, stage by stage, on real documents."""
from __future__ import annotations

import copy
import dataclasses
from pathlib import Path

import pytest

from factionmap.extract.pipeline import default_pipeline
from factionmap.extract.state import Annotated
from factionmap.ingest import read_file
from factionmap.ingest.sidecar import is_sidecar

CORPUS = [p for p in sorted((Path(__file__).resolve().parents[2] / "samples" / "corpus").glob("*"))
          if not is_sidecar(str(p))][:4]
FIELDS = {f.name for f in dataclasses.fields(Annotated) if not f.name.startswith("_")}


def _snapshot(ann: Annotated) -> dict:
    out = {}
    for name in FIELDS - {"doc"}:
        value = getattr(ann, name)
        if name == "parsed":  # spaCy documents: which sentences are parsed, and by which object
            out[name] = {k: id(v) for k, v in value.items()}
        elif callable(value):
            out[name] = id(value)
        else:
            out[name] = copy.deepcopy(value)
    return out


def test_declarations_name_fields_of_the_state():
    for st in default_pipeline().stages:
        assert set(st.requires) | set(st.assigns) <= FIELDS, st.name


@pytest.mark.parametrize("path", CORPUS, ids=[p.name for p in CORPUS])
def test_each_stage_writes_only_what_it_declares(path):
    pipeline = default_pipeline()
    for doc in read_file(path):
        ann = Annotated(doc)
        for st in pipeline.stages:
            before = _snapshot(ann)
            ann = st.func(ann)
            after = _snapshot(ann)
            changed = {k for k in before if before[k] != after[k]}
            assert changed <= set(st.assigns), f"stage {st.name!r} writes {sorted(changed - set(st.assigns))} undeclared"


class _Reading(Annotated):
    """The state, noting which of its fields are read."""

    read: set[str] = set()

    def __getattribute__(self, name):
        if name in FIELDS:
            _Reading.read.add(name)
        return object.__getattribute__(self, name)


@pytest.mark.parametrize("path", CORPUS, ids=[p.name for p in CORPUS])
def test_each_stage_reads_only_what_it_requires_or_makes(path):
    """A field a stage reads is one it declares it needs, one it makes itself, or one no earlier stage
    makes (read at its empty start)."""
    pipeline = default_pipeline()
    for doc in read_file(path):
        ann = Annotated(doc)
        made: set[str] = set()
        for st in pipeline.stages:
            ann.__class__ = _Reading
            _Reading.read = set()
            ann = st.func(ann)
            ann.__class__ = Annotated
            undeclared = (_Reading.read & made) - set(st.requires) - set(st.assigns) - {"doc"}
            assert not undeclared, f"stage {st.name!r} reads {sorted(undeclared)} undeclared"
            made |= set(st.assigns)


def test_a_stage_naming_no_field_of_the_state_is_refused():
    from factionmap.errors import ExtractionError
    from factionmap.extract.pipeline import Pipeline, Stage

    with pytest.raises(ExtractionError, match="'tally' names counts, which the state"):
        Pipeline([Stage("tally", lambda a: a, (), ("counts",))])


def test_stages_are_chosen_by_name_from_the_configuration():
    from factionmap.api import extract_document
    from factionmap.errors import ExtractionError
    from factionmap.extract.pipeline import DEFAULT_STAGES, ExtractorConfig, get_pipeline
    from factionmap.model import Document

    no_ties = ExtractorConfig(model_dir="none", stages=DEFAULT_STAGES[:-1])
    doc = Document("In 2014 Jund al-Khilafah pledged allegiance to the Islamic State.")
    found = extract_document(doc, no_ties)
    assert found.entities and not found.assertions
    assert get_pipeline(no_ties).version != get_pipeline(ExtractorConfig(model_dir="none")).version
    assert extract_document(doc, ExtractorConfig(model_dir="none")).assertions
    with pytest.raises(ExtractionError, match="unknown stage"):
        get_pipeline(ExtractorConfig(stages=("segment", "guess")))
    with pytest.raises(ExtractionError, match="needs"):  # relations without the stages it reads
        get_pipeline(ExtractorConfig(model_dir="none", stages=("segment", "relations")))
