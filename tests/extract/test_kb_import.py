"""`factionmap kb import`: Wikidata exports and plain lists become knowledge-base entries (names and ids,
never ties), read by the extractor, shown with their QID and exported as STIX external references."""
from __future__ import annotations

import json

import pytest
import yaml
from click.testing import CliRunner

from factionmap.cli import main
from factionmap.extract.kb import load_kb
from factionmap.extract.kb_import import KBImportError, import_file, read_items
from factionmap.extract.pipeline import build_pipeline
from factionmap.model import Document

ENTITIES = {"entities": {
    "Q90000001": {"id": "Q90000001", "type": "item",
                  "labels": {"en": {"language": "en", "value": "Saraya Example Brigades"},
                             "ar": {"language": "ar", "value": "سرايا المثال"}},
                  "aliases": {"en": [{"language": "en", "value": "SEB"}, {"language": "en", "value": "Example Brigades"}]},
                  "claims": {"P31": [{"mainsnak": {"datavalue": {"value": {"id": "Q5"}}}}]}},
    "Q90000002": {"id": "Q90000002", "labels": {"fr": {"language": "fr", "value": "Front d'Essai"}}, "aliases": {}},
    "Q2429253": {"id": "Q2429253", "labels": {"en": {"language": "en", "value": "Islamic State"}},
                 "aliases": {"de": [{"language": "de", "value": "Islamischer Staat"}]}},
}}


def _write(tmp_path, name, text):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_a_wikidata_entities_export_becomes_entries_with_their_qids(tmp_path):
    src = _write(tmp_path, "items.json", json.dumps(ENTITIES, ensure_ascii=False))
    target, entries = import_file(src, into=tmp_path / "kb", default_type="ORG")
    saved = yaml.safe_load(target.read_text(encoding="utf-8"))
    assert saved == entries
    new = {e["name"]: e for e in saved if "id" in e}
    seb = new["Saraya Example Brigades"]
    assert seb["external_ids"] == {"wikidata": "Q90000001"} and seb["type"] == "ORG"
    assert set(seb["aliases"]) == {"سرايا المثال", "SEB", "Example Brigades"}
    assert new["Front d'Essai"]["id"] == "wd-q90000002"  # no English label: another language's
    # a known group is extended with its id and its names, never duplicated
    extended = [e for e in saved if "extends" in e]
    assert extended == [{"extends": "islamic-state", "aliases": ["Islamic State", "Islamischer Staat"],
                         "external_ids": {"wikidata": "Q2429253"}}]
    assert not any(k in e for e in saved for k in ("claims", "parent", "part_of"))  # names only


def test_the_extractor_reads_the_imported_names(tmp_path):
    src = _write(tmp_path, "items.json", json.dumps(ENTITIES))
    import_file(src, into=tmp_path / "kb", default_type="ORG")
    kb = load_kb(None, tmp_path / "kb")
    assert kb.get("islamic-state").external_ids == {"wikidata": "Q2429253"}
    assert "Islamischer Staat" in kb.get("islamic-state").aliases
    doc = Document(text="The SEB, a new group, fought the Islamischer Staat near the river in 2021.")
    ext = build_pipeline(kb, model=None)(doc)
    by_name = {e.name: e for e in ext.entities}
    assert by_name["Saraya Example Brigades"].attributes["external_ids"] == {"wikidata": "Q90000001"}
    assert by_name["Islamic State"].attributes["external_ids"] == {"wikidata": "Q2429253"}


def test_a_query_service_answer_in_json_and_csv(tmp_path):
    answer = {"head": {"vars": ["item", "itemLabel", "itemAltLabel"]}, "results": {"bindings": [
        {"item": {"type": "uri", "value": "http://www.wikidata.org/entity/Q90000003"},
         "itemLabel": {"xml:lang": "en", "type": "literal", "value": "Liwa Example"},
         "itemAltLabel": {"xml:lang": "en", "type": "literal", "value": "Example Banner, LEX"}},
        {"item": {"type": "uri", "value": "http://www.wikidata.org/entity/Q90000003"},
         "itemLabel": {"xml:lang": "ar", "type": "literal", "value": "لواء المثال"}}]}}
    items = read_items(_write(tmp_path, "q.json", json.dumps(answer, ensure_ascii=False)))
    assert [(i.name, i.qid, sorted(i.aliases)) for i in items] == [
        ("Liwa Example", "Q90000003", sorted(["Example Banner", "LEX", "لواء المثال"]))]
    csv_text = ("item,itemLabel,itemAltLabel\n"
                "http://www.wikidata.org/entity/Q90000004,Jabhat Example,\"JEX, Example Front\"\n")
    items = read_items(_write(tmp_path, "q.csv", csv_text))
    assert [(i.name, i.qid, i.aliases) for i in items] == [("Jabhat Example", "Q90000004", ["JEX", "Example Front"])]
    tsv = read_items(_write(tmp_path, "q.tsv", "item\titemLabel\nQ90000004\tJabhat Example\n"))
    assert [(i.name, i.qid) for i in tsv] == [("Jabhat Example", "Q90000004")]


def test_a_plain_yaml_and_csv_list(tmp_path):
    yml = _write(tmp_path, "mine.yaml", "- name: Harakat Example\n  type: ORG\n  kind: party\n  aliases: [HEX]\n"
                                        "  wikidata: Q90000005\n- {name: Abu Example, type: PERSON}\n")
    _, entries = import_file(yml, into=tmp_path / "kb")
    assert [(e["name"], e["type"], e["kind"]) for e in entries] == [("Harakat Example", "ORG", "party"),
                                                                      ("Abu Example", "PERSON", "person")]
    csv_path = _write(tmp_path, "towns.csv", "name,aliases,type,kind\nExampletown,Exampleton|Ex-Town,PLACE,town\n")
    _, entries = import_file(csv_path, into=tmp_path / "kb")
    assert entries[0]["aliases"] == ["Exampleton", "Ex-Town"] and entries[0]["kind"] == "town"
    assert len(load_kb(None, tmp_path / "kb")) == len(load_kb()) + 3


def test_importing_the_same_file_again_replaces_its_entries(tmp_path):
    src = _write(tmp_path, "items.json", json.dumps(ENTITIES))
    import_file(src, into=tmp_path / "kb", default_type="ORG")
    import_file(src, into=tmp_path / "kb", default_type="ORG")
    assert len(list((tmp_path / "kb").glob("*.yaml"))) == 1
    load_kb(None, tmp_path / "kb")  # no duplicate ids


@pytest.mark.parametrize("name, text, message", [
    ("bad.json", '{"entities": {"Q1": {"id": "Q1", "labels": {}}', "not JSON"),
    ("nolabel.json", '{"entities": {"Q7": {"id": "Q7", "labels": {}, "aliases": {}}}}', "item 1 (Q7): no label"),
    ("badqid.json", '[{"id": "P31", "labels": {"en": {"value": "x"}}}]', "'P31' is not a Wikidata id"),
    ("notype.csv", "name,aliases\nSome Front,\n", "line 2: no type"),
    ("badtype.csv", "name,type\nSome Front,GROUP\n", "line 2: type 'GROUP'"),
    ("wide.csv", "name,type\nSome Front,ORG,extra\n", "line 2: more fields than the header"),
    ("nohead.csv", "foo,bar\n1,2\n", "line 1: expected a header"),
    ("bad.yaml", "- name: [unclosed\n", "line 2 column 1: not valid YAML"),
    ("noname.yaml", "- type: ORG\n", "entry 1: needs a name"),
    ("badkind.yaml", "- {name: X Front, type: ORG, kind: city}\n", "kind 'city' is not a kind of ORG"),
    ("empty.yaml", "", "holds no items"),
])
def test_bad_files_say_what_and_where_and_write_nothing(tmp_path, name, text, message):
    src = _write(tmp_path, name, text)
    (tmp_path / "kb").mkdir()
    (tmp_path / "kb" / "keep.yaml").write_text("- {id: kept, name: Kept Front, type: ORG, kind: front}\n")
    with pytest.raises(KBImportError) as err:
        import_file(src, into=tmp_path / "kb")
    assert message in str(err.value) and name in str(err.value)
    assert [p.name for p in (tmp_path / "kb").iterdir()] == ["keep.yaml"]


def test_the_command(tmp_path, monkeypatch):
    monkeypatch.setenv("FACTIONMAP_KB_DIR", str(tmp_path / "kb"))
    src = _write(tmp_path, "items.json", json.dumps(ENTITIES))
    result = CliRunner().invoke(main, ["kb", "import", str(src), "--type", "org"])
    assert result.exit_code == 0, result.output
    assert "2 new entries, 1 known entries" in result.output
    bad = CliRunner().invoke(main, ["kb", "import", str(_write(tmp_path, "x.csv", "name\nA Front\n"))])
    assert bad.exit_code == 1 and "x.csv: line 2: no type" in bad.output


def test_a_qid_is_shown_on_the_profile_and_exported(sqlite_store):
    from tests.graph.helpers import claim, doc, save

    from factionmap.export import stix
    from factionmap.export.source import load
    from factionmap.graph import Graph
    from factionmap.model import Entity
    from factionmap.web.profile import profile_json

    d = doc("The Example Front fought the Other Front.", "one")
    a = Entity("Example Front", "ORG", attributes={"external_ids": {"wikidata": "Q90000009"}})
    save(sqlite_store, d, [claim(d, a, "opposes", Entity("Other Front", "ORG"), "fought")], [a])
    graph = Graph(sqlite_store)
    eid = graph.entity_id("Example Front")
    assert graph.entity(eid).attributes["external_ids"] == {"wikidata": "Q90000009"}
    assert profile_json(graph, graph.entity(eid))["overview"]["external_ids"]["wikidata"] == "Q90000009"
    data = json.loads(stix.to_json(load(sqlite_store)))
    front = next(o for o in data["objects"] if o.get("name") == "Example Front")
    assert front["external_references"] == [{"source_name": "wikidata", "external_id": "Q90000009",
                                             "url": "https://www.wikidata.org/wiki/Q90000009"}]


def test_a_build_after_an_import_re_extracts_and_keeps_the_qid(tmp_path, monkeypatch):
    from factionmap.builder import build
    from factionmap.graph import Graph
    from factionmap.store import Store

    monkeypatch.setenv("FACTIONMAP_KB_DIR", str(tmp_path / "kb"))
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "a.txt").write_text("In 2019 the Saraya Example Brigades fought the Islamic State near Raqqa.\n", encoding="utf-8")
    store = Store(tmp_path / "s.db")
    try:
        build(store, [str(docs)])
        before = {e.name: e for e in Graph(store).entities()}
        assert "external_ids" not in before["Islamic State"].attributes
        import_file(_write(tmp_path, "items.json", json.dumps(ENTITIES)), default_type="ORG")
        build(store, [str(docs)])  # the knowledge base changed (no cache cleared: the files say so): the document is read again
        after = {e.name: e for e in Graph(store).entities()}
        assert after["Islamic State"].attributes["external_ids"] == {"wikidata": "Q2429253"}
        assert after["Islamic State"].id == before["Islamic State"].id
        assert after["Saraya Example Brigades"].attributes["external_ids"] == {"wikidata": "Q90000001"}
    finally:
        store.close()


def test_the_worked_example_in_architecture_md(tmp_path):
    """docs/ARCHITECTURE.md, "How to add names": a plain CSV list with a QID column."""
    from pathlib import Path

    doc = (Path(__file__).parents[2] / "docs" / "ARCHITECTURE.md").read_text(encoding="utf-8")
    line = next(x for x in doc.splitlines() if "printf 'name,aliases" in x)
    csv_text = line.split("printf '")[1].split("' >")[0].replace("\\n", "\n")
    target, entries = import_file(_write(tmp_path, "mine.csv", csv_text), into=tmp_path / "kb")
    assert target.name == "mine.yaml"
    assert entries == [{"id": "wd-q90000005", "name": "Harakat Example", "type": "ORG", "kind": "armed_group",
                        "aliases": ["HEX"], "external_ids": {"wikidata": "Q90000005"}}]


def test_a_running_process_picks_up_an_import_without_a_restart(tmp_path, monkeypatch):
    """The server and the upload queue hold the pipeline for the process's life: an import into the
    user's folder must reach them (a new extractor version, the new names read) with no cache cleared."""
    from factionmap.extract.pipeline import ExtractorConfig, get_pipeline

    monkeypatch.setenv("FACTIONMAP_KB_DIR", str(tmp_path / "user-kb"))
    config = ExtractorConfig(model_dir="none")
    doc = Document(text="The Saraya Example Brigades fought near the river in 2021.")
    before = get_pipeline(config)
    assert get_pipeline(config) is before  # built once while nothing changes
    ids = {e.name: e.attributes.get("external_ids") for e in before(doc).entities}
    assert not ids.get("Saraya Example Brigades")
    import_file(_write(tmp_path, "items.json", json.dumps(ENTITIES)), default_type="ORG")
    after = get_pipeline(config)
    assert after is not before and after.version != before.version
    ids = {e.name: e.attributes.get("external_ids") for e in after(doc).entities}
    assert ids["Saraya Example Brigades"] == {"wikidata": "Q90000001"}
