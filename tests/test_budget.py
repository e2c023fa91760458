"""The per-document extraction budget: long documents read piece by piece with offsets kept, and a
text or a time over the budget reported in one line naming the stage, never a silent drop."""
from __future__ import annotations

import pytest

from factionmap.budget import Budget, OverBudget, extract, pieces
from factionmap.builder import build
from factionmap.model import Document

SENTENCE = "In 2015 the Jaysh al-Test Front pledged allegiance to the Islamic State. "


def test_pieces_cut_at_the_strongest_break_and_cover_everything():
    text = ("A paragraph of words. " * 40 + "\n\n") * 30
    spans = pieces(text, 1000)
    assert spans[0][0] == 0 and spans[-1][1] == len(text)
    assert all(a[1] == b[0] for a, b in zip(spans, spans[1:]))
    assert all(e - s <= 1000 for s, e in spans)
    assert all(text[e - 2:e] == "\n\n" for _, e in spans[:-1])  # paragraph breaks where there are some
    one_line = "word " * 3000
    assert all(one_line[e - 1] == " " for _, e in pieces(one_line, 1000)[:-1])  # else spaces


def test_a_long_document_is_extracted_whole_piece_by_piece():
    text = "Report\n\n" + SENTENCE * 400  # one long line, about 30 KB
    whole = extract(Document(text, path="long.txt"), Budget(piece_chars=0, seconds=0))
    cut = extract(Document(text, path="long.txt"), Budget(piece_chars=3000, seconds=0))
    assert len(cut.assertions) >= len(whole.assertions) * 0.9 and cut.assertions
    for a in cut.assertions:
        for e in a.evidence:
            assert "pledged allegiance" in text[e.start_char:e.end_char]
    assert max(m.end for m in cut.mentions) > len(text) - 200  # the last piece is read too


def test_over_the_size_budget_is_reported_and_the_document_kept(tmp_path):
    (tmp_path / "big.txt").write_text("Big\n\n" + SENTENCE * 100)
    errors = []
    from factionmap.store import Store

    store = Store(tmp_path / "s.db")
    report = build(store, [str(tmp_path / "big.txt")], on_error=errors.append, budget=Budget(max_chars=1000))
    assert report.extracted == 0 and len(errors) == 1
    assert isinstance(errors[0], OverBudget) and "over the extraction budget of 1,000" in str(errors[0])
    assert "big.txt" in str(errors[0]) and "\n" not in str(errors[0])
    assert store.stats()["documents"] == 1  # stored, not extracted: the next build tries again


def test_over_the_time_budget_names_the_stage():
    with pytest.raises(OverBudget, match=r"long\.txt: extraction went over its time budget of 0\.001 s in stage '\w+'"):
        extract(Document("Report\n\n" + SENTENCE * 200, path="long.txt"), Budget(seconds=0.001))
