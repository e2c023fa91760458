"""Which mention keeps a stretch of text two finders claim is decided by an explicit ranking
(state.SPAN_PRIORITY, then length, then position), not by the order the finders ran in."""
from __future__ import annotations

from itertools import permutations

import pytest

from factionmap.extract.state import SPAN_PRIORITY, Annotated, Span, outranks
from factionmap.model import Document, EntityType

TEXT = "The Northern Shield Front of the Sun Brigade met in Aleppo province."
ORG, PLACE = EntityType.ORG, EntityType.PLACE


def span(words: str, source: str, key: str = "", etype: EntityType = ORG) -> Span:
    start = TEXT.index(words)
    return Span(start, start + len(words), key or words.lower(), etype, source)


def kept(spans: list[tuple[Span, bool]]) -> list[tuple[str, str]]:
    ann = Annotated(Document(TEXT))
    for s, widen in spans:
        ann.add_span(Span(s.start, s.end, s.key, s.type, s.source), override=widen)
    return [(TEXT[s.start:s.end], s.source) for s in ann.spans]


CASES = [
    # a knowledge-base name against a document name read again over the same words
    ([(span("Sun Brigade", "doc"), False), (span("Sun Brigade", "gazetteer"), False)], [("Sun Brigade", "gazetteer")]),
    # spaCy's entity against the document's own name: spaCy's keeps it
    ([(span("Aleppo province", "ner", etype=PLACE), False), (span("Aleppo", "doc", etype=PLACE), False)],
     [("Aleppo province", "ner")]),
    # coreference never takes a name's text
    ([(span("Northern Shield Front", "coref"), False), (span("Northern Shield Front", "pattern"), False)],
     [("Northern Shield Front", "pattern")]),
    # a list item widens the shorter names it holds
    ([(span("Northern Shield Front of the Sun Brigade", "list"), True), (span("Sun Brigade", "gazetteer"), False),
      (span("Northern Shield Front", "pattern"), False)], [("Northern Shield Front of the Sun Brigade", "list")]),
    # the same finder twice: the longer mention
    ([(span("Shield Front of the Sun", "doc"), False), (span("Sun Brigade", "doc"), False)],
     [("Shield Front of the Sun", "doc")]),
]


@pytest.mark.parametrize("spans,want", CASES)
def test_the_same_mentions_are_kept_in_any_order(spans, want):
    for order in permutations(spans):
        assert kept(list(order)) == want, order


def test_mentions_that_do_not_overlap_are_all_kept():
    got = kept([(span("Aleppo", "doc", etype=PLACE), False), (span("Sun Brigade", "coref"), False)])
    assert got == [("Sun Brigade", "coref"), ("Aleppo", "doc")]


def test_a_widening_mention_does_not_take_a_longer_or_partly_outside_one():
    long_name = span("Northern Shield Front of the Sun Brigade", "pattern")
    def widening(words: str) -> Span:
        s = span(words, "list")
        s.widens = True
        return s

    assert not outranks(span("Sun Brigade met", "list"), span("Sun Brigade", "gazetteer"))
    assert not outranks(widening("Shield Front of the Sun Brigade"), long_name)
    assert outranks(widening("Shield Front of the Sun Brigade met"), span("Sun Brigade", "gazetteer"))
    assert not outranks(span("Sun Brigade", "gazetteer"), widening("Shield Front of the Sun Brigade met"))


def test_every_source_the_finders_write_is_ranked():
    ranked = {s for tier in SPAN_PRIORITY for s in tier}
    assert {"gazetteer", "pattern", "ner", "list", "demonym", "doc", "acronym", "coref"} <= ranked
    # an unknown source ranks below every listed one
    assert outranks(span("Sun Brigade", "coref"), span("Sun Brigade", "made-up"))
