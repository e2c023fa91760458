"""The annotation format: drafts with exact quotes become offset-only lines, and back to gold."""
from __future__ import annotations

import hashlib
import json

import pytest

from factionmap import annotation as ann
from factionmap.errors import AnnotationError

TEXT = ("The River Brigades were founded in 2011. In March 2014 the River Brigades\npledged allegiance "
        "to the Eastern Salvation Army, a coalition based in Tarvesh.\n")


@pytest.fixture
def corpus(tmp_path):
    (tmp_path / "r.txt").write_text(TEXT, encoding="utf-8")
    return ann.Corpus([tmp_path])


def _draft(**kw):
    row = {"doc": "r.txt", "subject": ["River Brigades"], "relation": "allegiance_to",
           "object": ["Eastern Salvation Army", "ESA"], "start": "2014-03", "end": None, "stance": "asserted",
           "quote": "the River Brigades pledged allegiance to the Eastern Salvation Army"}
    row.update(kw)
    return row


def test_a_draft_keeps_offsets_and_hash_not_words(corpus):
    line = ann.from_draft(_draft(), corpus, where="d:1", annotator="a")
    assert line["sha256"] == hashlib.sha256(TEXT.encode()).hexdigest()
    (s, e), = line["evidence"]
    assert TEXT[s:e].split() == "the River Brigades pledged allegiance to the Eastern Salvation Army".split()
    assert "quote" not in line and "pledged" not in json.dumps(line)
    assert [TEXT[a:b] for a, b in line["subject"]["spans"]] == ["River Brigades"]
    gold = ann.to_gold(line, corpus)
    assert gold["quote"] == TEXT[s:e] and gold["object"] == ["Eastern Salvation Army", "ESA"]


@pytest.mark.parametrize("change, message", [
    ({"quote": "the River Brigades joined al-Qaeda"}, "quote not found"),
    ({"relation": "likes"}, "unknown relation"),
    ({"stance": "maybe"}, "stance must be"),
    ({"start": "March 2014"}, "start must be"),
    ({"subject": []}, "subject must be"),
    ({"doc": "elsewhere.txt"}, "is in none of"),
])
def test_bad_drafts_say_what_and_where(corpus, change, message):
    with pytest.raises(AnnotationError, match=message):
        ann.from_draft(_draft(**change), corpus, where="d:1", annotator="a")


def test_a_changed_document_is_caught(corpus, tmp_path):
    line = ann.from_draft(_draft(), corpus, where="d:1", annotator="a")
    (tmp_path / "r.txt").write_text(TEXT.replace("2011", "2012"), encoding="utf-8")
    with pytest.raises(AnnotationError, match="has changed"):
        ann.check(line, ann.Corpus([tmp_path]), where="a:1")
