"""Hostility read by the frames: an attack on the other side's premises, a repelled attack whose attacker
is named before it, two sides joined by "and" that clashed, a war or campaign waged against a side, and a
fight whose subject has an ally set off by commas; with the traps each must avoid.
Sentences written for these tests."""
import pytest

from factionmap.extract.ties import frame_candidates
from factionmap.model import Document


def _frame_ties(pipeline, text):
    ann = pipeline.annotate(Document(text))
    return {(ann.entities[c.subject.key].name, c.relation, ann.entities[c.object.key].name, c.rule)
            for c in frame_candidates(ann)}


def _reads(found, a, b):
    return {rule for s, r, o, rule in found if r == "opposes" and {s, o} == {a, b}}


@pytest.mark.parametrize("text,a,b", [
    ("Early in 2016 the Sun Brigade raided the headquarters of the Desert Front in Idlib.", "Sun Brigade", "Desert Front"),
    ("Hezbollah captured several checkpoints belonging to the Sun Brigade near the border.", "Hezbollah", "Sun Brigade"),
    ("The Desert Front attacked the main base of Hezbollah, the Sun Brigade and two smaller units.", "Desert Front",
     "Sun Brigade"),
    ("Two days later the Desert Front repelled a Sun Brigade assault on the town.", "Desert Front", "Sun Brigade"),
    ("The Sun Brigade fought off Hezbollah and Desert Front raids for a week.", "Sun Brigade", "Desert Front"),
    ("In March the Sun Brigade and the Desert Front clashed near Aleppo.", "Sun Brigade", "Desert Front"),
    ("Hezbollah and Desert Front fighters exchanged fire at a checkpoint.", "Hezbollah", "Desert Front"),
    ("For a decade the Desert Front conducted a bombing campaign against the Sun Brigade.", "Desert Front", "Sun Brigade"),
    ("Hezbollah used hit-and-run tactics against the Desert Front and the Sun Brigade.", "Hezbollah", "Sun Brigade"),
    ("The Desert Front, together with Hezbollah, attacked the Sun Brigade near Mosul.", "Desert Front", "Sun Brigade"),
])
def test_hostility_wordings_are_read(pipeline, text, a, b):
    assert _reads(_frame_ties(pipeline, text), a, b)


@pytest.mark.parametrize("text,a,b", [
    # the two sides joined by "and" fought a third party together: they are not each other's enemies
    ("In March the Sun Brigade and the Desert Front clashed with Hezbollah near Aleppo.", "Sun Brigade", "Desert Front"),
    ("The Sun Brigade and the Desert Front fought alongside each other in 2015.", "Sun Brigade", "Desert Front"),
    # a visit, not an attack
    ("The Sun Brigade inspected the headquarters of the Desert Front in May.", "Sun Brigade", "Desert Front"),
    # the attack repelled with help, not the helper's attack
    ("The Sun Brigade repelled the assault with support from the Desert Front.", "Sun Brigade", "Desert Front"),
    # the ally set off by commas is no enemy of the subject
    ("The Desert Front, together with Hezbollah, attacked the Sun Brigade near Mosul.", "Desert Front", "Hezbollah"),
    ("The Desert Front launched a campaign against smuggling with help from the Sun Brigade.", "Desert Front",
     "Sun Brigade"),
])
def test_allies_and_visits_are_not_read_as_hostility(pipeline, text, a, b):
    assert not _reads(_frame_ties(pipeline, text), a, b)
