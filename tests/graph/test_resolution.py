"""Entities across documents: one entity per group whatever the spelling, distinct groups never fused."""
from __future__ import annotations

import pytest

from factionmap.errors import AmbiguousName, NotFound
from factionmap.graph import Graph

from tests.graph.helpers import claim, doc, ent, save


def _pair(store, a, b, rel="opposes", title="d"):
    d = doc(f"In {title}: {a.name} fought {b.name} in the valley.", title)
    save(store, d, [claim(d, a, rel, b, "fought")])
    return d


def test_spellings_and_articles_fold_to_one_entity(store):
    town = ent("Tal Hamra", "PLACE")
    _pair(store, ent("Jaysh al-Muhajireen"), town, "operates_in", "one")
    _pair(store, ent("Jaish al-Muhajirin"), town, "operates_in", "two")
    _pair(store, ent("Jaysh Al Muhajireen"), town, "operates_in", "three")
    g = Graph(store)
    assert len(g.entities(type="ORG")) == 1
    e = g.entity("jaish al muhajirin")
    assert {a.name for a in e.aliases} >= {"Jaish al-Muhajirin"}
    assert g.ties(relation="operates_in")[0].citations and len(g.ties(relation="operates_in")[0].citations) == 3


def test_an_acronym_defined_in_one_document_joins_its_use_in_another(store):
    town = ent("Tal Hamra", "PLACE")
    _pair(store, ent("Jamaat Nur al-Din", aliases=("JND",)), town, "operates_in", "one")
    _pair(store, ent("JND"), town, "operates_in", "two")
    g = Graph(store)
    assert len(g.entities(type="ORG")) == 1
    assert g.entity("JND").name == "Jamaat Nur al-Din"


def test_distinct_groups_with_shared_words_or_acronyms_stay_apart(store):
    ally = ent("Kata'ib al-Shams")
    _pair(store, ent("Islamic State", kb="islamic-state"), ally, title="one")
    _pair(store, ent("Islamic State of Iraq", aliases=("ISI", "Islamic State")), ally, title="two")
    _pair(store, ent("Islamic State – Caucasus Province", aliases=("IS-CP",)), ally, title="three")
    _pair(store, ent("Islamic State – Azerbaijan Province"), ally, title="four")
    _pair(store, ent("Jabhat al-Nusra", aliases=("JN",)), ally, title="five")
    _pair(store, ent("Jabhat Ansar al-Din", aliases=("JAD",)), ally, title="six")
    _pair(store, ent("Jaish al-Nasr", aliases=("JN",)), ally, title="seven")  # the same acronym, another group
    names = sorted(e.name for e in Graph(store).entities(type="ORG"))
    assert names == sorted(["Islamic State", "Islamic State of Iraq", "Islamic State – Caucasus Province",
                            "Islamic State – Azerbaijan Province", "Jabhat al-Nusra", "Jabhat Ansar al-Din",
                            "Jaish al-Nasr", "Kata'ib al-Shams"])


def test_same_name_different_type_stays_apart(store):
    _pair(store, ent("Hama", "PLACE"), ent("Liwa Hama"), "opposes", "one")
    _pair(store, ent("Hama", "ORG"), ent("Liwa Hama"), "opposes", "two")
    assert len(Graph(store).entities(q="hama")) == 3


def test_a_fuzzy_spelling_joins_only_in_the_company_of_the_same_entities(store):
    town = ent("Tal Hamra", "PLACE")
    _pair(store, ent("Harakat Nour al-Ghouta"), town, "operates_in", "one")
    _pair(store, ent("Harakat Nur al-Ghuta"), town, "operates_in", "two")  # skeleton: same
    _pair(store, ent("Harakat Nour al-Ghoutta"), town, "operates_in", "three")  # fuzzy, same company
    _pair(store, ent("Harakat Nour al-Ghoutah"), ent("Elsewhere", "PLACE"), "operates_in", "four")
    orgs = Graph(store).entities(type="ORG")
    assert len(orgs) == 1


def test_aliases_remember_their_documents_and_names_resolve(store):
    town = ent("Tal Hamra", "PLACE")
    one = _pair(store, ent("Jamaat Nur al-Din", aliases=("JND",)), town, "operates_in", "one")
    g = Graph(store)
    e = g.entity("JND")
    assert next(a for a in e.aliases if a.name == "JND").doc_ids == {one.id}
    assert g.entity(e.id).name == e.name and g.entity(str(e.id)).id == e.id
    with pytest.raises(NotFound):
        g.entity("No Such Group")


def test_a_name_of_two_entities_is_ambiguous(store):
    _pair(store, ent("Hama", "PLACE"), ent("Liwa Hama"), "opposes", "one")
    _pair(store, ent("Hama", "ORG"), ent("Liwa Hama"), "opposes", "two")
    with pytest.raises(AmbiguousName):
        Graph(store).entity("hama")


def test_explain_says_why_each_alias_is_there(store):
    town = ent("Tal Hamra", "PLACE")
    _pair(store, ent("Jamaat Nur al-Din", aliases=("JND",)), town, "operates_in", "one")
    _pair(store, ent("Jama'at Nur ad-Din"), town, "operates_in", "two")
    why = {name: (docs, reason) for name, docs, reason in Graph(store).explain("JND")}
    assert [d["title"] for d in why["JND"][0]] == ["one"]
    assert "first seen here" in why["JND"][1]
    assert "shares the name" in why["Jama'at Nur ad-Din"][1]


def test_nested_names_keep_distinct_groups_apart_but_not_compass_parts_of_a_place():
    from factionmap.graph.keys import nested

    assert nested("islamic state", "islamic state of iraq")
    assert nested("aleppo province", "aleppo province brigade")
    assert not nested("hasakah province", "north east hasakah province")
    assert not nested("aleppo province", "northern aleppo province")
    assert not nested("islamic state of iraq", "islamic state")


def _batch(store, pairs):
    """Several documents saved as one build batch: each (group, place, title) an operates_in tie."""
    from factionmap.model import Extraction

    out = []
    for group, place, title in pairs:
        d = doc(f"In {title}: {group.name} fought in {place.name} that year.", title)
        out.append(Extraction(d, [], [], [claim(d, group, "operates_in", place, "fought")], "t1"))
    store.save_batch(out)


def test_a_fuzzy_spelling_joins_in_the_company_it_keeps_within_one_batch_written_once(store, monkeypatch):
    from factionmap.graph import resolve

    writes: list[str] = []
    real = resolve.insert_rows
    monkeypatch.setattr(resolve, "insert_rows", lambda conn, table, rows: (writes.append(table.name),
                                                                           real(conn, table, rows)))
    town, other = ent("Tal Hamra", "PLACE"), ent("Bir Salem", "PLACE")
    _batch(store, [(ent("Kataib Salahuddin"), town, "one"),
                   (ent("Kataib Salahuddine"), town, "two"),  # fuzzy, beside the same town in this batch
                   (ent("Liwa Fursan al-Haqiqa"), other, "three")])
    _batch(store, [(ent("Liwa Fursan al-Haqiqat"), other, "four"),  # fuzzy, beside a town already stored
                   (ent("Jabhat Tahrir Halabiyya"), town, "five"),
                   (ent("Jabhat Tahrir Halabiyyat"), other, "six")])  # fuzzy, but never beside Bir Salem
    assert writes.count("entity_members") == 2  # once a batch, not before each fuzzy match
    g = Graph(store)
    assert sorted(e.name for e in g.entities(type="ORG")) == [
        "Jabhat Tahrir Halabiyya", "Jabhat Tahrir Halabiyyat", "Kataib Salahuddin", "Liwa Fursan al-Haqiqa"]
    cited = {t.subject.name: sorted(c.doc_title for c in t.citations) for t in g.ties(relation="operates_in")}
    assert cited == {"Kataib Salahuddin": ["one", "two"], "Liwa Fursan al-Haqiqa": ["four", "three"],
                     "Jabhat Tahrir Halabiyya": ["five"], "Jabhat Tahrir Halabiyyat": ["six"]}


@pytest.mark.postgres
def test_a_fuzzy_match_asks_its_company_with_the_ids_in_one_array(pg_url):
    """On PostgreSQL the co-occurrence check sends the document's entities as one array parameter, in one
    statement built once, not one parameter per entity in a statement built for each check."""
    from sqlalchemy import event

    from factionmap.store import Store

    store = Store(pg_url)
    asked: list[tuple[str, object]] = []
    event.listen(store.engine, "before_cursor_execute",
                 lambda conn, cursor, statement, parameters, *rest: asked.append((statement, parameters))
                 if "JOIN entity_members AS m2" in statement else None)
    towns = [ent(name, "PLACE") for name in ("Tal Hamra", "Bir Salem", "Ain Zara")]
    one = doc("In one: Liwa Fursan al-Haqiqa fought in Tal Hamra, Bir Salem and Ain Zara.", "one")
    save(store, one, [claim(one, ent("Liwa Fursan al-Haqiqa"), "operates_in", t, "fought") for t in towns])
    two = doc("In two: Liwa Fursan al-Haqiqat fought in Tal Hamra, Bir Salem and Ain Zara.", "two")
    save(store, two, [claim(two, ent("Liwa Fursan al-Haqiqat"), "operates_in", t, "fought") for t in towns])
    assert len(Graph(store).entities(type="ORG")) == 1  # the fuzzy spelling joined, in the same company
    assert len(asked) == 1
    statement, parameters = asked[0]
    assert "= ANY (" in statement and " IN (" not in statement
    arrays = [p for p in (parameters.values() if isinstance(parameters, dict) else parameters) if isinstance(p, list)]
    assert len(arrays) == 1 and len(arrays[0]) == 3  # the three towns of document two
    store.close()
