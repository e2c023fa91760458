"""A state and its forces inside their own country get no `operates_in` (docs/annotation.md, "Rulings");
abroad they do, and a faction whose name only begins with a people's adjective is no state's organ.
Sentences and knowledge base written for these tests."""
from __future__ import annotations

import pytest
import yaml

from factionmap.extract.kb import load_kb
from factionmap.extract.pipeline import build_pipeline
from factionmap.extract.ties.home import actor_country, at_home, country_in_name
from factionmap.model import Document

KB = {
    "bodies.yaml": [
        {"id": "canadian-armed-forces", "name": "Canadian Armed Forces", "type": "ORG", "kind": "armed_forces"},
        {"id": "government-of-canada", "name": "Government of Canada", "type": "ORG", "kind": "government"},
    ],
    "groups.yaml": [
        {"id": "canadian-farmers-front", "name": "Canadian Farmers Front", "type": "ORG", "kind": "armed_group"},
    ],
    "places.yaml": [
        {"id": "canada", "name": "Canada", "type": "PLACE", "kind": "state", "attributes": {"country": "CA"}},
        {"id": "ottawa", "name": "Ottawa", "type": "PLACE", "kind": "city", "attributes": {"country": "CA"}},
        {"id": "winnipeg", "name": "Winnipeg", "type": "PLACE", "kind": "city", "attributes": {"country": "CA"}},
        {"id": "kandahar", "name": "Kandahar", "type": "PLACE", "kind": "city", "attributes": {"country": "AF"}},
    ],
}


@pytest.fixture(scope="module")
def run(tmp_path_factory):
    folder = tmp_path_factory.mktemp("kb")
    for name, entries in KB.items():
        (folder / name).write_text(yaml.safe_dump(entries), encoding="utf-8")
    pipeline = build_pipeline(load_kb(folder))

    def ties(text: str):
        ex = pipeline(Document(text=text))
        return {(a.subject.name, a.relation, a.object.name) for a in ex.assertions}
    return ties


def test_a_states_army_at_home_operates_nowhere_there(run):
    assert not any(t[1] == "operates_in" for t in run("The Canadian Armed Forces were deployed in Winnipeg in 1997."))


def test_a_states_army_abroad_operates_there(run):
    assert ("Canadian Armed Forces", "operates_in", "Kandahar") in \
        run("The Canadian Armed Forces were deployed in Kandahar in 2006.")


def test_a_faction_named_by_the_adjective_still_operates_at_home(run):
    assert ("Canadian Farmers Front", "operates_in", "Winnipeg") in \
        run("The Canadian Farmers Front is active in Winnipeg.")


def test_a_bare_adjective_and_organ_outside_the_kb_is_the_states(run):
    assert not any(t[1] == "operates_in" for t in run("The Canadian Army was deployed in Winnipeg in 1997.")), \
        "a state's army at home"
    assert ("Canadian Army", "operates_in", "Kandahar") in run("The Canadian Army was deployed in Kandahar in 2006.")


@pytest.mark.parametrize("name, code", [
    ("Government of Canada", "CA"), ("Canadian Armed Forces", "CA"), ("Armed Forces of the Philippines", "PH"),
    ("Kenya Defence Forces", "KE"), ("Peshmerga", None), ("Government of National Accord", None),
])
def test_the_state_a_bodys_name_names(name, code):
    assert country_in_name(name) == code


def test_at_home_compares_the_actors_and_the_places_country(tmp_path):
    for name, entries in KB.items():
        (tmp_path / name).write_text(yaml.safe_dump(entries), encoding="utf-8")
    pipeline = build_pipeline(load_kb(tmp_path))
    ann = pipeline.annotate(Document(text="The Government of Canada met in Ottawa; the Canadian Farmers Front in Kandahar."))
    assert actor_country(ann, "government-of-canada") == "CA"
    assert actor_country(ann, "canadian-farmers-front") is None
    assert at_home(ann, "government-of-canada", "operates_in", "ottawa")
    assert not at_home(ann, "government-of-canada", "operates_in", "kandahar")
    assert not at_home(ann, "government-of-canada", "opposes", "ottawa")
