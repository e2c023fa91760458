"""The tie stage: a document's tie takes what all its pairs say, not only its best pair's score; the
stage is stacked on out-of-fold pair scores, saved with the model, and extraction uses it exactly as
cross-validation measures it."""
from __future__ import annotations

import math

import pytest

from factionmap.extract.kb import load_kb
from factionmap.extract.pipeline import build_pipeline
from factionmap.extract.scoring import training
from factionmap.extract.scoring.aggregate import TieModel, fit_tie_model, tie_features
from factionmap.extract.scoring.model import load_model
from factionmap.extract.ties import Candidate, Scored, assemble
from factionmap.model import Document, EntityType

from .conftest import FIXTURES

# Three middling statements of one tie, one plain statement of another (invented, neutral).
TEXT = ("The Golden Plains Front was active around Aleppo in 2019. "
        "Patrols of the Golden Plains Front moved near Aleppo. "
        "Aleppo saw the Golden Plains Front again the next spring. "
        "The Canal Guard Brigades fought in Mosul.")


def _candidates(ann, scores: dict[str, list[float]]) -> list[Scored]:
    """One `operates_in` candidate per sentence joining a group and a place, scored as told per group."""
    out, seen = [], {}
    for i, _sent in enumerate(ann.sentences):
        spans = ann.sentence_spans(i)
        groups = [s for s in spans if ann.type_of(s.key) is EntityType.ORG]
        places = [s for s in spans if ann.type_of(s.key) is EntityType.PLACE]
        for g in groups:
            for p in places:
                name = ann.entities[g.key].name
                n = seen.get(name, 0)
                seen[name] = n + 1
                cand = Candidate(g, "operates_in", p, i, (p.start, p.end), "model")
                out.append(Scored(cand, scores[name][n]))
    return out


def _ties(annotate, combine):
    ann = annotate(TEXT)
    scored = _candidates(ann, {"Golden Plains Front": [0.4, 0.5, 0.45], "Canal Guard Brigades": [0.8]})
    ann = assemble(ann, scored, combine=combine)
    return {(a.subject.name, a.object.name): a for a in ann.assertions}


def test_without_a_tie_stage_a_tie_takes_its_best_pair(annotate):
    ties = _ties(annotate, None)
    assert ties[("Golden Plains Front", "Aleppo")].confidence == 0.5
    assert ties[("Canal Guard Brigades", "Mosul")].confidence == 0.8


def test_noisy_or_counts_every_statement_of_a_tie(annotate):
    ties = _ties(annotate, TieModel("noisy-or"))
    stated_thrice = ties[("Golden Plains Front", "Aleppo")]
    assert abs(stated_thrice.confidence - (1 - 0.6 * 0.5 * 0.55)) < 1e-9
    assert stated_thrice.confidence > ties[("Canal Guard Brigades", "Mosul")].confidence
    # the evidence comes best-scored first: the second sentence (0.5)
    assert stated_thrice.evidence[0].start_char == TEXT.index("Patrols")


def test_tie_features_read_all_pairs_of_a_tie(annotate):
    ann = annotate(TEXT)
    scored = _candidates(ann, {"Golden Plains Front": [0.4, 0.5, 0.45], "Canal Guard Brigades": [0.8]})
    feats = {}

    def combine(ann, a, support):
        feats[a.subject.name] = tie_features(ann, a, support)
        return 0.0

    assemble(ann, scored, combine=combine)
    thrice, once = feats["Golden Plains Front"], feats["Canal Guard Brigades"]
    assert thrice["sentences"] > once["sentences"] and thrice["n>=0.35"] > once["n>=0.35"]
    assert thrice["max"] < once["max"] and thrice["second"] > once["second"]
    assert thrice["noisy_or"] > once["noisy_or"]
    assert thrice["rel:operates_in"] == 1.0 and thrice["kinds:GL"] == 1.0
    assert thrice["rel:operates_in*sentences"] == thrice["sentences"]
    # each candidate's trigger is its place's name: one wording, however often it is said
    assert thrice["wordings"] == once["wordings"] == pytest.approx(math.log1p(1))


def test_a_fitted_tie_stage_learns_that_repetition_counts():
    # ties stated by several middling pairs are right, ties stated once at the same best score are not
    rows, y = [], []
    for i in range(40):
        many = i % 2 == 0
        rows.append({"max": 0.0, "sentences": 1.4 if many else 0.7, "n>=0.35": 1.4 if many else 0.7})
        y.append(many)
    model = fit_tie_model(rows, y)
    assert model.kind == "linear" and model.weights["sentences"] > 0
    again = fit_tie_model(rows, y)
    assert again.to_json() == model.to_json()  # deterministic
    assert TieModel.from_json(model.to_json()) == model


@pytest.mark.parametrize("stage", ["linear", "noisy-or", None])
def test_the_trained_model_carries_its_tie_stage_and_extraction_measures_as_cv(tiny_data, tmp_path, stage):
    model, _ = training.train(tiny_data, folds=3, min_precision=0.5, tie_stage=stage)
    kind = stage or training.DEFAULT_TIE_STAGE
    assert model.ties is not None and model.ties.kind == kind
    assert bool(model.ties.weights) == (kind == "linear")
    model.save(tmp_path / "m")
    loaded = load_model(tmp_path / "m")
    assert loaded.ties == model.ties and loaded.meta["ties"]["kind"] == kind
    pipeline = build_pipeline(load_kb(FIXTURES / "kb"), model=loaded, version="test")
    for d in tiny_data:
        ex = pipeline(Document(text=d.doc.text, title=d.doc.title))
        got = {(a.subject.name, a.relation, a.object.name, a.stance.value): round(a.confidence, 4)
               for a in ex.assertions}
        rows = training.doc_rows(d, loaded, calibrated=True)
        want = {(r["subject"], r["relation"], r["object"], r["stance"]): r["confidence"]
                for r in rows if r["confidence"] >= loaded.threshold}
        assert got == want, d.name


def test_the_tie_stage_is_part_of_the_models_version(tiny_data, tmp_path):
    model = training.fit(tiny_data, tie_stage="max")
    model.save(tmp_path / "max")
    assert load_model(tmp_path / "max").combine is None  # no stage: a tie takes its best pair's score
    model.ties = TieModel("noisy-or")
    model.save(tmp_path / "noisy")
    assert load_model(tmp_path / "noisy").combine == TieModel("noisy-or")
    assert load_model(tmp_path / "noisy").version != load_model(tmp_path / "max").version


def _lineage_features(annotate, text: str, relation: str, rule: str) -> dict[str, float]:
    """The tie features of the one candidate joining the sentence's two groups, read by `rule`."""
    ann = annotate(text)
    a, b = [s for s in ann.sentence_spans(0) if ann.type_of(s.key) is EntityType.ORG][:2]
    feats = {}

    def combine(ann, t, support):
        feats.update(tie_features(ann, t, support))
        return 0.0

    assemble(ann, [Scored(Candidate(a, relation, b, 0, (b.start, b.end), rule), 0.6)], combine=combine)
    return feats


def test_the_rare_lineage_relations_share_their_family_features(annotate):
    split = _lineage_features(annotate, "The Desert Front split from the Sun Brigade in 2014.", "split_from", "split")
    merged = _lineage_features(annotate, "The Desert Front merged into the Sun Brigade in 2014.", "merged_into", "model")
    assert split["rel:split_from"] == 1.0 and merged["rel:merged_into"] == 1.0
    for feats in (split, merged):  # pooled over the family: what one relation's few ties teach the others
        assert feats["fam:lineage"] == 1.0 and feats["fam:lineage*max"] == feats["max"]
        assert feats["fam:lineage*sentences"] == feats["sentences"]
    assert split["fam:lineage*frame"] == 1.0 and "fam:lineage*frame" not in merged
    part = _lineage_features(annotate, "The Desert Front is a branch of the Sun Brigade.", "part_of", "model")
    assert not any(k.startswith("fam:") for k in part)  # the families with many ties of their own: none
