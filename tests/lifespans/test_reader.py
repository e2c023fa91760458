"""The lifespan reader on texts written for these tests, and the annotated corpus's format."""
from __future__ import annotations

import json

import pytest

from factionmap import lifespans
from factionmap.annotation import Corpus
from factionmap.errors import AnnotationError
from factionmap.lifespans.annotations import from_draft, load
from factionmap.model import Document, Entity, Extraction, InfoboxField, Mention, MentionType


def extraction(text: str, names: dict[str, str], infobox=None, title=None) -> Extraction:
    doc = Document(text, title=title, infobox=infobox or [])
    ents = [Entity(n, "ORG", key=k) for k, n in names.items()]
    mentions = []
    for e in ents:
        i = text.find(e.name)
        while i >= 0:
            mentions.append(Mention(doc.id, i, i + len(e.name), MentionType.ORG, e.key, "gazetteer"))
            i = text.find(e.name, i + 1)
    return Extraction(doc, ents, sorted(mentions, key=lambda m: m.start))


def kinds(x: Extraction) -> set[tuple[str, str, str]]:
    return {(e.entity_key, e.kind.value, e.date.iso) for e in lifespans.read(x)}


def test_reads_foundings_ends_and_renamings_from_sentences():
    text = ("The River Brigades was founded in March 2011 by local commanders. "
            "In 1998, the Hill Front was officially formed. "
            "The Hill Front dissolved in December 2009. "
            "In July 2016 the River Brigades renamed itself Valley Army. "
            "The Coast League was a militia active between 1983 and 1987.")
    x = extraction(text, {"rb": "River Brigades", "hf": "Hill Front", "va": "Valley Army", "cl": "Coast League"})
    got = kinds(x)
    assert ("rb", "founded", "2011-03") in got
    assert ("hf", "founded", "1998") in got
    assert ("hf", "dissolved", "2009-12") in got
    assert ("rb", "renamed", "2016-07") in got
    assert {("cl", "first_active", "1983"), ("cl", "last_active", "1987")} <= got
    renamed = next(e for e in lifespans.read(x) if e.kind.value == "renamed")
    assert renamed.new_key == "va" and text[renamed.evidence.start_char:renamed.evidence.end_char].startswith("In July")


def test_no_event_without_a_group_a_date_or_when_negated():
    text = ("A national government was formed in 2008 with the River Brigades. "
            "The Hill Front was never dissolved. The newly formed Hill Front attacked a base in 2014.")
    assert kinds(extraction(text, {"rb": "River Brigades", "hf": "Hill Front"})) == set()


def test_reads_the_infobox_of_the_group_the_document_is_about():
    text = "Hill Front\n\nActive: October 2007 – c. 2016\n\nThe Hill Front is a group."
    start = text.index("October")
    box = [InfoboxField("Active", "October 2007 – c. 2016", start, start + len("October 2007 – c. 2016"))]
    got = kinds(extraction(text, {"hf": "Hill Front"}, box, title="Hill Front"))
    assert ("hf", "first_active", "2007-10") in got and ("hf", "last_active", "2016") in got


def test_annotation_lines_point_at_offsets_and_catch_changed_documents(tmp_path):
    doc = tmp_path / "a.txt"
    doc.write_text("Intro.\n\nThe Hill Front was founded in 1998 in the hills.\n", encoding="utf-8")
    corpus = Corpus([tmp_path])
    row = from_draft({"doc": "a.txt", "entity": ["Hill Front"], "kind": "founded", "date": "1998",
                      "quote": "The Hill Front was founded in 1998"}, corpus, where="d:1", annotator="t")
    assert "quote" not in row and row["evidence"] == [[8, 42]] and row["entity"]["spans"] == [[12, 22]]
    path = tmp_path / "gold.jsonl"
    path.write_text(json.dumps(row) + "\n")
    assert load([path], corpus)[0]["date"] == "1998"
    doc.write_text("Changed.\n", encoding="utf-8")
    with pytest.raises(AnnotationError, match="changed since it was annotated"):
        load([path], Corpus([tmp_path]))
    with pytest.raises(AnnotationError, match="kind must be"):
        from_draft({"doc": "a.txt", "entity": ["X"], "kind": "born", "date": "1998", "quote": "x"}, corpus,
                   where="d:2", annotator="t")
