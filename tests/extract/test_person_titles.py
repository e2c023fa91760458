"""A person's name the NER found is cut to the name, never to a title; a people named alone is no actor."""
from __future__ import annotations

import pytest

from factionmap.extract.ner import _person_tokens, load_nlp
from factionmap.extract.non_actors import NO_NAME, classify
from factionmap.extract.state import Annotated
from factionmap.lang import english
from factionmap.model import Document, EntityType

ORG, PLACE, PERSON = EntityType.ORG, EntityType.PLACE, EntityType.PERSON


@pytest.fixture(scope="module")
def tokenize():
    nlp = load_nlp()
    return nlp.make_doc


def person(tokenize, text: str, found: str) -> str:
    """The name kept when the NER found `found` (a stretch of `text`) as a person."""
    sdoc = tokenize(text)
    a = text.index(found)
    toks = [t for t in sdoc if a <= t.idx < a + len(found)]
    ann = Annotated(doc=Document(text=text))
    kept = _person_tokens(ann, sdoc, toks, 0, 0)
    return text[kept[0].idx:kept[-1].idx + len(kept[-1])] if kept else ""


@pytest.mark.parametrize("text, found, expected", [
    # a name of nothing but titles runs on to the name after it
    ("The council is chaired by Al Haj Tomas Verrin since 2004.", "Al Haj", "Tomas Verrin"),
    ("The speech was given by Sheikh Omar bin Tallow in the spring.", "Sheikh", "Omar bin Tallow"),
    ("The order came from the Premier Dalen Oskar in person.", "Premier", "Dalen Oskar"),
    # a title alone, with no name after it, names no one
    ("The meeting was opened by the Sheikh in the morning.", "Sheikh", ""),
    # leading titles go while two words remain
    ("The brigade was led by Colonel Ander Mavik until 1990.", "Colonel Ander Mavik", "Ander Mavik"),
    ("The brigade was led by Colonel Mavik until 1990.", "Colonel Mavik", "Colonel Mavik"),
    # the sentence's first word the NER left out is the person's first name
    ("Teodor Anselm Varga, a former officer, founded the league.", "Anselm Varga", "Teodor Anselm Varga"),
    # but not a word the document writes in lower case, a title, or a people's adjective
    ("Yesterday Anselm Varga spoke; yesterday he left.", "Anselm Varga", "Anselm Varga"),
    ("Colonel Anselm Varga founded the league.", "Anselm Varga", "Anselm Varga"),
    ("Swedish Anselm Varga founded the league.", "Anselm Varga", "Anselm Varga"),
])
def test_a_persons_name_is_never_cut_at_a_title(tokenize, text, found, expected):
    assert person(tokenize, text, found) == expected


def test_a_sentence_opening_word_is_taken_only_at_the_sentence_start(tokenize):
    text = "The league was founded by Teodor Anselm Varga in 1970."
    sdoc = tokenize(text)
    toks = [t for t in sdoc if t.text in ("Anselm", "Varga")]
    ann = Annotated(doc=Document(text=text))
    kept = _person_tokens(ann, sdoc, toks, 0, 0)
    assert [t.text for t in kept] == ["Anselm", "Varga"]  # "Teodor" does not open the sentence


@pytest.mark.parametrize("name, etype, expected", [
    ("Tuareg", ORG, NO_NAME),
    ("Alawites", PLACE, NO_NAME),
    ("Salafist", ORG, NO_NAME),
    ("Kuwaiti", ORG, NO_NAME),  # a state's people's adjective, taken for an organization
    ("Tuareg Liberation Front", ORG, None),
    ("Kurdish Workers Union", ORG, None),
    ("Tuareg", PERSON, None),
])
def test_a_people_named_alone_is_no_actor(name, etype, expected):
    assert classify(name, etype, english()) == expected
