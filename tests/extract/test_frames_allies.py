"""Backing, support and agreements read as ally_of; a state named by the adjective before "-backed"; a
group expelled from another's ranks is no fight. Sentences written for these tests."""
import pytest

from factionmap.model import Document


def _either(found, tie):
    s, r, o = tie
    return any(t[:3] in {(s, r, o), (o, r, s)} for t in found)


@pytest.mark.parametrize("text,tie", [
    ("The Sun Brigade, backed by the Desert Front, held the road in 2014.", ("Sun Brigade", "ally_of", "Desert Front")),
    ("In 2014 the Sun Brigade was reportedly supported by airstrikes from the Desert Front.",
     ("Sun Brigade", "ally_of", "Desert Front")),
    ("The Sun Brigade, with support from the Desert Front, entered Mosul.", ("Sun Brigade", "ally_of", "Desert Front")),
    ("During the 1990s the Desert Front openly backed the Sun Brigade.", ("Desert Front", "ally_of", "Sun Brigade")),
    ("The Desert Front provided military support to the Sun Brigade until 2016.",
     ("Desert Front", "ally_of", "Sun Brigade")),
    ("The Sun Brigade received money and weapons from the Desert Front.", ("Sun Brigade", "ally_of", "Desert Front")),
    ("The Sun Brigade and the Desert Front reached a ceasefire agreement in March 2015.",
     ("Sun Brigade", "ally_of", "Desert Front")),
    ("In 2015 the Sun Brigade signed a truce with the Desert Front.", ("Sun Brigade", "ally_of", "Desert Front")),
    ("A ceasefire between the Sun Brigade and the Desert Front was agreed in May.",
     ("Sun Brigade", "ally_of", "Desert Front")),
    ("The Sun Brigade co-operated with the Desert Front in the valley.", ("Sun Brigade", "ally_of", "Desert Front")),
])
def test_backing_and_agreements_are_ally_of(ties, text, tie):
    found, _ = ties(text)
    assert _either(found, tie), found


@pytest.mark.parametrize("text,tie", [
    ("The Sun Brigade attacked a convoy supported by the Desert Front.", ("Sun Brigade", "ally_of", "Desert Front")),
    ("The Desert Front supported the attack on the Sun Brigade.", ("Desert Front", "ally_of", "Sun Brigade")),
    ("The Sun Brigade received a warning from the Desert Front.", ("Sun Brigade", "ally_of", "Desert Front")),
    ("The Sun Brigade and the Desert Front held talks in May.", ("Sun Brigade", "ally_of", "Desert Front")),
    ("In 2017 the Sun Brigade expelled the Desert Front from its ranks.", ("Sun Brigade", "opposes", "Desert Front")),
])
def test_traps(ties, text, tie):
    found, _ = ties(text)
    assert not _either(found, tie), found


def test_a_state_named_by_its_adjective_before_backed(ties):
    found, ex = ties("The Turkish-backed Sun Brigade entered Aleppo in 2016.")
    assert any(m.entity_key == "turkey" for m in ex.mentions), ex.mentions
    assert _either(found, ("Sun Brigade", "ally_of", "Turkey")), found
    _, ex = ties("Turkish-speaking volunteers joined the Sun Brigade.")
    assert not any(m.entity_key == "turkey" for m in ex.mentions), ex.mentions


def _frame_allies(pipeline, text: str) -> set[frozenset[str]]:
    from factionmap.extract.ties import frame_candidates

    ann = pipeline.annotate(Document(text))
    return {frozenset({ann.entities[c.subject.key].name, ann.entities[c.object.key].name})
            for c in frame_candidates(ann) if c.relation == "ally_of"}


_FOUR = ("Sun Brigade", "Desert Front", "Red Hand Battalion", "Northern Shield Front")


@pytest.mark.parametrize("text,parties", [
    ("The Sun Brigade, the Desert Front, the Red Hand Battalion and the Northern Shield Front worked together "
     "against the army in 2014.", _FOUR),
    ("In 2015 an alliance of the Sun Brigade, the Desert Front and the Red Hand Battalion was announced.", _FOUR[:3]),
    ("Three factions including the Sun Brigade, the Desert Front, and the Red Hand Battalion conducted a joint "
     "raid on the army.", _FOUR[:3]),
])
def test_a_list_of_allies_allies_every_two_items(pipeline, text, parties):
    found = _frame_allies(pipeline, text)
    assert {frozenset({a, b}) for k, a in enumerate(parties) for b in parties[k + 1:]} <= found, found


def test_a_comma_before_and_closing_no_list_is_a_clause_boundary(pipeline):
    found = _frame_allies(pipeline, "The army shelled the Sun Brigade, and the Desert Front signed a truce in May.")
    assert frozenset({"Sun Brigade", "Desert Front"}) not in found, found
