"""Names that name no actor (events, facilities, news outlets, generic words) are never a tie's end; an
organisation that is no armed actor (a think tank, a monitoring group) is any tie's end but a place's."""
from __future__ import annotations

import pytest

from factionmap.extract.non_actors import CIVIL, EVENT, FACILITY, MEDIA, NO_NAME, classify, mark_non_actors
from factionmap.extract.scoring.features import kind
from factionmap.extract.scoring.labels import TARGETS
from factionmap.extract.scoring.model import allowed
from factionmap.extract.state import Span
from factionmap.lang import english
from factionmap.model import Document, EntityKind, EntityType

ORG, PLACE, PERSON = EntityType.ORG, EntityType.PLACE, EntityType.PERSON


@pytest.fixture(scope="module")
def annotate(pipeline):
    return lambda text: pipeline.annotate(Document(text=text))


@pytest.mark.parametrize("name, etype, expected", [
    ("Northern Valley War", ORG, EVENT),
    ("Second Harbour Intifada", ORG, EVENT),
    ("Battle of Kerrin", ORG, EVENT),
    ("Kerrin Agreement", ORG, EVENT),
    ("Kerrin Civic Museum", ORG, FACILITY),
    ("Odell House", ORG, FACILITY),
    ("Tallow Bridge", ORG, FACILITY),
    ("Camp Odell", PLACE, FACILITY),
    ("Marsh Hill Military Camp", ORG, FACILITY),
    ("Front", ORG, NO_NAME),
    ("Army Council", ORG, None),
    ("Brigade 103", ORG, None),
    ("People", ORG, NO_NAME),
    ("Sheikh", PERSON, NO_NAME),
    ("Pakistani", PLACE, NO_NAME),
    # actors whose names hold such words elsewhere than at their head
    ("House of Elders", ORG, None),
    ("Army of the Valley Revolution", ORG, None),
    ("Front for the Defence of the Kerrin Bridge", ORG, None),
    ("Valley Defence Front", ORG, None),
    ("Special Action Force", ORG, None),
    ("Odell House", PERSON, None),
    ("House", ORG, None),
    ("Kerrin", PLACE, None),
    # organisations that are no armed actor, by their head noun
    ("Kerrin Institute for Peace Studies", ORG, CIVIL),
    ("Center for Valley Security Studies", ORG, CIVIL),
    ("Harbour Observatory for Human Rights", ORG, CIVIL),
    ("Valley Rights Watch", ORG, CIVIL),
    ("Odell Foundation", ORG, CIVIL),
    # ... and actors or bodies whose names hold such words elsewhere, or bodies (actors: they operate)
    ("Army of the Valley Foundation", ORG, None),
    ("Valley Watch Brigades", ORG, None),
    ("Ministry of the Interior", ORG, None),
    ("Valley Security Office", ORG, None),
    ("Odell Company", ORG, None),
    ("Institute", ORG, None),
    ("Odell Foundation", PERSON, None),
])
def test_a_name_is_classified_by_its_head(name, etype, expected):
    assert classify(name, etype, english()) == expected


def test_a_generic_name_after_a_number_was_cut_short():
    assert classify("Infantry Brigade", ORG, english(), numbered=True) == NO_NAME
    assert classify("Infantry Brigade", ORG, english()) is None
    assert classify("Army Corps", ORG, english(), numbered=True) == NO_NAME


def test_a_non_actor_is_no_end_of_any_tie_and_a_news_outlet_only_of_a_media_wing():
    for t in TARGETS:
        for other in "GSPLMN":
            assert not allowed(t, "N", other) and not allowed(t, other, "N")
    assert allowed("part_of>", "M", "G") and allowed("leader_of>", "P", "M") and allowed("member_of>", "P", "M")
    assert not allowed("opposes=", "M", "P") and not allowed("ally_of=", "P", "M")
    assert not allowed("operates_in>", "M", "L") and not allowed("part_of>", "G", "M")


def test_an_organisation_that_is_no_armed_actor_holds_every_tie_but_a_place_to_operate_in():
    assert not allowed("operates_in>", "C", "L") and not allowed("operates_in<", "L", "C")
    assert not allowed("operates_in>", "C", "S") and allowed("operates_in>", "G", "S")
    assert allowed("member_of>", "P", "C") and allowed("leader_of<", "C", "P")  # an analyst, its director
    assert allowed("designated_by>", "G", "C") and allowed("opposes=", "C", "G") and allowed("part_of>", "C", "G")


TEXT = ("The Tallow Brigades fought the Valley Guard near Kerrin during the Northern Valley War, the Kerrin "
        "Institute said. "
        "A spokesman, Adem Varro, told the Coastal Herald that the Tallow Brigades had left Kerrin.\n\n"
        "Kerrin (Harbour Wire) -- The Valley Guard held Odell House in Kerrin until March.")


def _add(ann, name: str, etype: EntityType, nth: int = 0):
    start = -1
    for _ in range(nth + 1):
        start = ann.text.index(name, start + 1)
    ent = ann.entity(f"{etype.value}:{name.lower()}", name, etype)
    ann.add_span(Span(start, start + len(name), ent.key, etype, "ner"))
    return ent.key


def test_the_mention_stage_gives_non_actors_their_kind(annotate):
    ann = annotate(TEXT)
    # the names as the NER would find them (its labels vary between models): added by hand, then marked
    keys = {name: _add(ann, name, etype) for name, etype in [
        ("Northern Valley War", ORG), ("Coastal Herald", ORG), ("Harbour Wire", ORG), ("Odell House", ORG),
        ("Valley Guard", ORG), ("Kerrin Institute", ORG)]}
    mark_non_actors(ann)
    assert ann.kinds[keys["Northern Valley War"]] == EVENT
    assert ann.kinds[keys["Odell House"]] == FACILITY
    assert ann.kinds[keys["Coastal Herald"]] == MEDIA  # "told the X"
    assert ann.kinds[keys["Harbour Wire"]] == MEDIA  # a dateline's outlet
    assert ann.entities[keys["Coastal Herald"]].kind is EntityKind.MEDIA_OUTLET
    assert keys["Valley Guard"] not in ann.kinds  # an actor keeps no kind of these
    spans = {ann.text[s.start:s.end]: s for s in ann.spans}
    assert kind(ann, spans["Northern Valley War"]) == "N"
    assert kind(ann, spans["Odell House"]) == "L"  # a facility: where a group operates, never a group
    assert kind(ann, spans["Coastal Herald"]) == "M" and kind(ann, spans["Valley Guard"]) == "G"
    assert ann.kinds[keys["Kerrin Institute"]] == CIVIL and kind(ann, spans["Kerrin Institute"]) == "C"
    assert ann.entities[keys["Kerrin Institute"]].kind is EntityKind.ORGANIZATION


def test_a_knowledge_base_entity_keeps_its_own_kind(annotate):
    ann = annotate("Hezbollah fought in the Northern Valley War near Kerrin.")
    ann.entity("valley-war-front", "Valley War", ORG, kb_id="valley-war-front")  # a KB entry so named
    local = _add(ann, "Northern Valley War", ORG)
    mark_non_actors(ann)
    assert "valley-war-front" not in ann.kinds and ann.kinds[local] == EVENT
    assert ann.kinds["hezbollah"] == "armed_group"


def test_a_numbered_unit_is_read_whole_and_is_a_tie_end(annotate):
    # the number is part of the unit's name (name_grammar's numbered units): "4th Infantry Brigade" is a
    # unit that can hold ties, never the generic "Infantry Brigade" left over after the number
    ann = annotate("The Eastern Salvation Army attacked the 4th Infantry Brigade near Kerrin in 2014.")
    named = {ann.text[s.start:s.end]: s for s in ann.spans}
    assert "Infantry Brigade" not in named
    unit = named["4th Infantry Brigade"]
    assert ann.kinds.get(unit.key) != NO_NAME and kind(ann, unit) == "G"


@pytest.mark.parametrize("kb_kind, expected", [
    ("monitoring_group", "C"), ("military_operation", "C"), ("state_coalition", "C"),
    ("coalition", "G"), ("international_body", "G"), ("armed_group", "G"),  # a coalition of groups operates
])
def test_a_knowledge_base_kind_with_no_place_of_its_own(tmp_path, kb_kind, expected):
    from factionmap.extract.kb import load_kb
    from factionmap.extract.pipeline import build_pipeline

    from .conftest import KB_DIR

    (tmp_path / "monitors.yaml").write_text(
        f"- {{id: valley-rights-monitor, name: Valley Rights Monitor, type: ORG, kind: {kb_kind}}}\n",
        encoding="utf-8")
    pipeline = build_pipeline(load_kb(KB_DIR, tmp_path))
    ann = pipeline.annotate(Document(text="The Valley Rights Monitor said that Hezbollah fought near Kerrin."))
    named = {ann.text[s.start:s.end]: s for s in ann.spans}
    monitor = named["Valley Rights Monitor"]
    assert ann.entities[monitor.key].kb_id == "valley-rights-monitor" and kind(ann, monitor) == expected
    assert kind(ann, named["Hezbollah"]) == "G"
