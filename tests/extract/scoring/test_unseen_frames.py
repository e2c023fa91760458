"""Training for text the frames were not written for: frame features masked on the documents the frames
were written against (`seen`), their calibration fitted on unseen documents, the threshold chosen there.
Small hand-made rows: no pipeline runs."""
from __future__ import annotations

import numpy as np
import pytest

from factionmap.extract.scoring import training
from factionmap.extract.scoring.training import CVResult, DocData

FRAME_HIT = ["FR:operates_in>", "FRR:based-in>"]


def _doc(name: str, feats: list[list[str]], positive: list[bool], seen: bool = False, weight: float = 1.0):
    labels = [{"operates_in>": 1} if p else {} for p in positive]
    return DocData(name, None, None, [], [None] * len(feats), feats, [("G", "L")] * len(feats), labels, [],
                   weight=weight, seen=seen)


def test_a_seen_documents_frame_read_pair_also_trains_without_its_frame_features():
    seen = _doc("dev.txt", [["BS:in"] + FRAME_HIT + ["FRS:asserted"], ["BS:near"]], [True, False], seen=True)
    unseen = _doc("train.txt", [["BS:in"] + FRAME_HIT], [True])
    rows = training.training_rows([seen, unseen], frame_dropout=0.25, seen_weight=2.0)
    assert rows.feats == [["BS:in"] + FRAME_HIT + ["FRS:asserted"], ["BS:in"], ["BS:near"], ["BS:in"] + FRAME_HIT]
    assert rows.weights == pytest.approx([1.5, 0.5, 2.0, 1.0])
    assert rows.docs == ["dev.txt", "dev.txt", "dev.txt", "train.txt"]
    assert rows.labels[1] == {"operates_in>": 1}  # the masked copy keeps its label
    plain = training.training_rows([seen, unseen])
    assert plain.feats == [seen.feats[0], seen.feats[1], unseen.feats[0]] and plain.weights == [1.0] * 3


def test_full_dropout_keeps_only_the_frame_free_copy():
    seen = _doc("dev.txt", [["BS:in"] + FRAME_HIT], [True], seen=True)
    rows = training.training_rows([seen], frame_dropout=1.0)
    assert rows.feats == [["BS:in"]] and rows.weights == [1.0]


def _frame_weight(data, **options) -> float:
    model = training.fit_pairs(data, min_count=1, **options)
    return float(model.w[model.vocab["FRR:based-in>"], training.TARGETS.index("operates_in>")])


def test_masking_the_seen_documents_teaches_what_a_frame_hit_is_worth_elsewhere():
    # the frame is always right on the documents it was written for, right one time in three elsewhere
    seen = [_doc(f"dev{i}.txt", [["W:a"] + FRAME_HIT, ["W:b"]] * 10, [True, False] * 10, seen=True) for i in range(3)]
    unseen = [_doc(f"train{i}.txt", [["W:a"] + FRAME_HIT] * 9 + [["W:b"]] * 3, [True] * 3 + [False] * 9)
              for i in range(3)]
    before = _frame_weight(seen + unseen)
    after = _frame_weight(seen + unseen, frame_dropout=1.0)
    less = _frame_weight(seen + unseen, seen_weight=0.2)
    assert after < before and less < before
    assert after < 0 < before  # unseen text alone says a hit is more often wrong than right here


def _rows(doc: str, group: str, n: int, right: int) -> tuple[list[dict], list[bool]]:
    rows = [{"doc": doc, "relation": "operates_in", "group": group, "confidence": 0.4 + 0.5 * i / n} for i in range(n)]
    return rows, [i < right for i in range(n)]


def test_the_frame_curve_can_be_fitted_on_unseen_documents_only():
    rows, correct = [], []
    for doc, group, n, right in [("dev.txt", "frame", 200, 200), ("train.txt", "frame", 100, 50),
                                 ("dev.txt", "model", 100, 50), ("train.txt", "model", 100, 50)]:
        r, c = _rows(doc, group, n, right)
        rows += r
        correct += c
    everywhere = training._fit_on(rows, correct, {"dev.txt"}, unseen_groups=())
    unseen_only = training._fit_on(rows, correct, {"dev.txt"}, unseen_groups=("frame",))
    every_group = training._fit_on(rows, correct, {"dev.txt"}, unseen_groups=("*",))
    mean = [np.mean([cal(r["confidence"], "frame") for r in rows[200:300]]) for cal in (everywhere, unseen_only)]
    assert mean[0] > 0.75 and mean[1] == pytest.approx(0.5, abs=0.05)
    # the model's curve is fitted on both kinds of document unless every group is asked for
    assert unseen_only.curves["model"] != every_group.curves["model"]
    assert unseen_only.curves["model"] == everywhere.curves["model"]
    # no unseen document at all: the curves are fitted on what there is rather than on nothing
    alone = training._fit_on(rows[:200], correct[:200], {"dev.txt"}, unseen_groups=("frame",))
    assert alone.curves["frame"] == training._fit_on(rows[:200], correct[:200]).curves["frame"]


def test_the_threshold_is_chosen_on_the_unseen_documents_when_asked():
    cv = CVResult(docs=["a.txt", "b.txt", "dev.txt"], seen={"dev.txt"})
    assert training.threshold_docs(cv, on_unseen=True) == ["a.txt", "b.txt"]
    assert training.threshold_docs(cv, on_unseen=False) == ["a.txt", "b.txt", "dev.txt"]
    only_seen = CVResult(docs=["dev.txt"], seen={"dev.txt"})
    assert training.threshold_docs(only_seen, on_unseen=True) == ["dev.txt"]


def test_per_relation_curves_only_for_the_groups_asked():
    rows, correct = [], []
    for doc, group, n, right in [("train.txt", "frame", 100, 80), ("train.txt", "model", 100, 40)]:
        r, c = _rows(doc, group, n, right)
        rows += r
        correct += c
    cal = training._fit_on(rows, correct, relation_curves=("frame",))
    assert "operates_in:frame" in cal.curves and "operates_in:model" not in cal.curves
    assert "operates_in:frame" not in training._fit_on(rows, correct, relation_curves=()).curves


def test_family_curves_pool_the_relations_of_a_family():
    # 40 part_of and 30 allegiance_to frame rows: neither reaches MIN_RELATION alone, their family does
    rng = np.random.default_rng(0)
    rows, correct = [], []
    for rel, n in [("part_of", 40), ("allegiance_to", 30), ("operates_in", 20)]:
        for _ in range(n):
            s = float(rng.uniform())
            rows.append({"doc": "train.txt", "relation": rel, "group": "frame", "confidence": s})
            correct.append(s > 0.3)
    per_relation = training._fit_on(rows, correct, relation_curves=("frame",), families=False)
    assert not any(k.endswith(":frame") for k in per_relation.curves)
    pooled = training._fit_on(rows, correct, relation_curves=("frame",), families=True).curves
    assert pooled["part_of:frame"] == pooled["allegiance_to:frame"]
    assert "operates_in:frame" not in pooled  # its family (place) has 20 rows only
    assert training.family_of("leader_of") == training.family_of("member_of") != training.family_of("part_of")
