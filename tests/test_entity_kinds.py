"""Entity kinds: mapped from the knowledge base, kept on entities and in the store, used by the type rules
and by the STIX export."""
from __future__ import annotations

import json

import pytest
from sqlalchemy import select, text
from tests.graph.helpers import claim, doc, save

from factionmap.entity_kinds import allows, kind_for
from factionmap.graph import Graph
from factionmap.model import Entity, EntityKind, EntityType, Extraction
from factionmap.relations import RELATIONS
from factionmap.store import Store, migrate
from factionmap.store import schema as t

ORG, PERSON, PLACE = EntityType.ORG, EntityType.PERSON, EntityType.PLACE
K = EntityKind


@pytest.mark.parametrize("etype, fine, kind", [
    (ORG, "armed_forces", K.GOVERNMENT_BODY), (ORG, "state_agency", K.GOVERNMENT_BODY), (ORG, "province", K.ARMED_GROUP),
    (ORG, "political_movement", K.PARTY), (ORG, "operations_room", K.COALITION), (ORG, "media_outlet", K.MEDIA_OUTLET),
    (PLACE, "state", K.STATE), (PLACE, "city", K.PLACE), (PERSON, "", K.PERSON), (ORG, "", K.ORGANIZATION),
    (ORG, "international_body", K.ORGANIZATION), (ORG, "no such kind", K.ORGANIZATION),
    (PERSON, "state", K.PERSON),  # a kind of another type falls back to the type's default
    (ORG, "government_body", K.GOVERNMENT_BODY),  # the kinds' own names are kinds too
])
def test_kind_for_maps_the_knowledge_base_kinds(etype, fine, kind):
    assert kind_for(etype, fine) is kind


def test_an_entity_takes_its_types_default_kind():
    assert Entity("Somewhere", "PLACE").kind is K.PLACE
    assert Entity("A Front", "ORG").kind is K.ORGANIZATION
    assert Entity("Turkey", "PLACE", kind="state").kind is K.STATE


def test_a_state_stands_in_for_an_organization_only_where_the_vocabulary_says():
    pledge, part, split = RELATIONS["allegiance_to"], RELATIONS["part_of"], RELATIONS["split_from"]
    assert allows(pledge, ORG, K.ARMED_GROUP, PLACE, K.STATE)  # "X pledged allegiance to Turkey"
    assert not allows(pledge, ORG, K.ARMED_GROUP, PLACE, K.PLACE)  # a town receives no pledge
    assert allows(part, PLACE, K.STATE, ORG, K.COALITION)
    assert not allows(part, PLACE, K.PLACE, ORG, K.COALITION)
    assert not allows(split, ORG, K.ARMED_GROUP, PLACE, K.STATE)  # nothing splits from a country
    assert allows(split, ORG, K.ARMED_GROUP, ORG, K.ARMED_GROUP)


def _two_documents(store):
    d1 = doc("The Qalam Brigade pledged allegiance to Norland. The Norland Army fought the Qalam Brigade.", "one")
    brigade = Entity("Qalam Brigade", "ORG", kind="armed_group")
    norland = Entity("Norland", "PLACE", kind="state")
    army = Entity("Norland Army", "ORG", kind="government_body")
    save(store, d1, [claim(d1, brigade, "allegiance_to", norland, "pledged allegiance"),
                     claim(d1, army, "opposes", brigade, "fought")], [brigade, norland, army])
    d2 = doc("The Qalam Brigade was seen near Norland.", "two")
    save(store, d2, [claim(d2, Entity("Qalam Brigade", "ORG"), "operates_in", Entity("Norland", "PLACE"), "seen near")])


def test_kinds_are_kept_by_the_store_and_the_graph(store):
    _two_documents(store)
    with store.engine.connect() as conn:
        rows = conn.execute(select(t.doc_entities.c.name, t.doc_entities.c.kind)).all()
    assert ("Norland Army", "government_body") in rows and ("Qalam Brigade", "organization") in rows
    graph = Graph(store)
    kinds = {e.name: e.kind for e in graph.entities()}
    # the second document does not say what the brigade is; the first one did, and that stays
    assert kinds == {"Qalam Brigade": K.ARMED_GROUP, "Norland": K.STATE, "Norland Army": K.GOVERNMENT_BODY}
    assert [x.relation for x in graph.ties() if x.object.name == "Norland"].count("allegiance_to") == 1


def test_a_later_document_tells_stored_entities_their_kind_and_the_first_kind_stays(store):
    """Entities stored with their type's default kind take the first kind a later document gives them,
    whether it comes in a later write or later in the same batch; a kind once given stays."""
    d1 = doc("The Qalam Brigade fought the Norland Army near Sarat.", "first")
    save(store, d1, [claim(d1, Entity("Qalam Brigade", "ORG"), "opposes", Entity("Norland Army", "ORG"), "fought")],
         [Entity("Sarat", "PLACE")])
    d2 = doc("The Norland Army guarded Sarat. The Qalam Brigade held Sarat.", "second")
    d3 = doc("The Qalam Brigade and the Norland Army met in Sarat.", "third")
    d4 = doc("The Qalam Brigade joined the Norland Army.", "fourth")
    batch = [
        Extraction(d2, [Entity("Sarat", "PLACE", kind="state")],
                   [], [claim(d2, Entity("Norland Army", "ORG", kind="government_body"), "operates_in",
                              Entity("Sarat", "PLACE", kind="state"), "guarded"),
                        claim(d2, Entity("Qalam Brigade", "ORG", kind="armed_group"), "operates_in",
                              Entity("Sarat", "PLACE"), "held")], "t1"),
        Extraction(d3, [Entity("Qalam Brigade", "ORG", kind="party"), Entity("Sarat", "PLACE", kind="place")],
                   [], [], "t1"),
    ]
    store.save_batch(batch)
    d4_brigade = Entity("Qalam Brigade", "ORG", kind="coalition")
    save(store, d4, [claim(d4, d4_brigade, "part_of", Entity("Norland Army", "ORG"), "joined")])
    kinds = {e.name: e.kind for e in Graph(store).entities()}
    assert kinds == {"Qalam Brigade": K.ARMED_GROUP, "Norland Army": K.GOVERNMENT_BODY, "Sarat": K.STATE}


def test_an_analysts_kind_wins_over_the_documents(store):
    _two_documents(store)
    graph = Graph(store)
    from factionmap.accounts.roles import Actor
    from factionmap.review import Editor

    eid = graph.entity_id("Qalam Brigade")
    Editor(store, Actor("ana", "analyst")).edit_entity(eid, "set_kind", "party")
    assert Graph(store).entity(eid).kind is K.PARTY


def test_the_stix_export_says_the_kind_and_a_government_body_is_an_identity(store):
    from factionmap.export import stix
    from factionmap.export.source import load

    _two_documents(store)
    data = json.loads(stix.to_json(load(store)))
    objs = {o["name"]: o for o in data["objects"] if o.get("name") and o["type"] != "report"}
    army, brigade, norland = objs["Norland Army"], objs["Qalam Brigade"], objs["Norland"]
    assert army["type"] == "identity" and army["sectors"] == ["government-national"]
    assert army["x_factionmap_kind"] == "government_body"
    assert brigade["type"] == "threat-actor" and brigade["x_factionmap_kind"] == "armed_group"
    assert norland["type"] == "location" and norland["x_factionmap_kind"] == "state"


def test_the_stix_import_keeps_the_kind(sqlite_store, tmp_path):
    from factionmap.export import stix
    from factionmap.export.source import load
    from factionmap.export.stix_import import import_stix

    _two_documents(sqlite_store)
    path = tmp_path / "b.json"
    path.write_text(stix.to_json(load(sqlite_store)), encoding="utf-8")
    other = Store(tmp_path / "other.db")
    import_stix(other, path)
    kinds = {e.name: e.kind for e in Graph(other).entities()}
    assert kinds["Norland Army"] is K.GOVERNMENT_BODY and kinds["Norland"] is K.STATE


def test_the_migration_fills_kinds_from_the_knowledge_base(tmp_path):
    from alembic import command

    path = tmp_path / "old.db"
    store = Store(path)
    with store.engine.begin() as conn:
        command.downgrade(migrate.alembic_config(conn), "0014")
        conn.execute(text("INSERT INTO entities (name, type, kb_id, attributes) VALUES "
                          "('Islamic State', 'ORG', 'islamic-state', '{}'), ('Somebody', 'PERSON', NULL, '{}'), "
                          "('Thing', 'ORG', NULL, '{\"kind\": \"media_outlet\"}')"))
    store.close()
    again = Store(path)
    with again.engine.connect() as conn:
        assert migrate.current_revision(conn) == migrate.head_revision()
        kinds = dict(conn.execute(text("SELECT name, kind FROM entities")).all())
    assert kinds == {"Islamic State": "armed_group", "Somebody": "person", "Thing": "media_outlet"}
