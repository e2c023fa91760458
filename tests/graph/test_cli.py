"""The graph commands: text and --json output over a small store."""
from __future__ import annotations

import json

from click.testing import CliRunner

from factionmap.cli import main
from factionmap.store import Store

from tests.graph.helpers import claim, doc, ent, save


def _store(tmp_path) -> str:
    path = tmp_path / "m.db"
    store = Store(path)
    fajr, nasr = ent("Harakat al-Fajr", aliases=("HaF",)), ent("Liwa al-Nasr")
    d1 = doc("Harakat al-Fajr allied with Liwa al-Nasr in 2013.", "Alliance", publisher="Hill Wire")
    d2 = doc("Liwa al-Nasr denied that it had ever allied with Harakat al-Fajr.", "Denial")
    d3 = doc("Jaysh al-Sahil split from Harakat al-Fajr in June 2014.", "Split")
    save(store, d1, [claim(d1, fajr, "ally_of", nasr, "allied with", start="2013")])
    save(store, d2, [claim(d2, nasr, "ally_of", fajr, "denied", stance="denied")])
    save(store, d3, [claim(d3, ent("Jaysh al-Sahil"), "split_from", fajr, "split from", start="2014-06")])
    store.close()
    return str(path)


def run(*args):
    result = CliRunner().invoke(main, [str(a) for a in args])
    assert result.exit_code == 0, result.output
    return result.output


def test_show_ties_contested_lineage_path(tmp_path):
    db = _store(tmp_path)
    assert "allied with" in run("show", "HaF", "--db", db)
    profile = json.loads(run("show", "Harakat al-Fajr", "--db", db, "--json"))
    assert set(profile["ties_by_relation"]) == {"ally_of", "split_from"}
    assert json.loads(run("ties", "--db", db, "--as-of", "2014-08", "--json", "-r", "split_from"))[0]["start"]["iso"] == "2014-06"
    contested = json.loads(run("contested", "--db", db, "--json"))
    assert [c["stance"] for c in contested[0]["citations"]] == ["asserted", "denied"] or len(contested) == 1
    tree = json.loads(run("lineage", "Harakat al-Fajr", "--db", db, "--json"))
    assert tree["children"][0]["entity"]["name"] == "Jaysh al-Sahil"
    assert len(json.loads(run("path", "Jaysh al-Sahil", "Liwa al-Nasr", "--db", db, "--json"))) == 2


def test_merge_explain_decisions_undo(tmp_path):
    db = _store(tmp_path)
    assert "decision #1" in run("merge", "Harakat al-Fajr", "Jaysh al-Sahil", "--db", db)
    assert "merged by decision #1" in run("explain", "Jaysh al-Sahil", "--db", db)
    assert "merge 'Jaysh al-Sahil' into 'Harakat al-Fajr'" in run("decisions", "--db", db)
    assert "undone #1" in run("undo", "1", "--db", db)
    result = CliRunner().invoke(main, ["show", "No Such Group", "--db", db])
    assert result.exit_code == 1 and "no entity called" in result.output


def test_config_grades_sources(tmp_path):
    db = _store(tmp_path)
    config = tmp_path / "grades.yaml"
    config.write_text("sources:\n  Hill Wire: B\n")
    ties = json.loads(run("ties", "--db", db, "--config", config, "-r", "ally_of", "--json"))
    assert ties[0]["grade"].startswith("B")
