"""The review, users, log and edit commands: thin shells over the Editor, with the same checks."""
from __future__ import annotations

import csv
import io
import json

from click.testing import CliRunner

from factionmap.cli import main

from tests.web.fixture_store import build_fixture_store


def run(*args, input=None, env=None):
    result = CliRunner().invoke(main, [str(a) for a in args], input=input, env=env, catch_exceptions=False)
    return result


def test_review_from_the_command_line(tmp_path):
    db = tmp_path / "s.db"
    build_fixture_store(db).close()
    queue = json.loads(run("review", "queue", "--json", "--db", db).output)
    first = queue["items"][0]["tie"]["id"]
    assert queue["reviewed"] == 0 and queue["total"] == 12
    assert run("review", "confirm", first, "-n", "checked", "--db", db).exit_code == 0
    again = run("review", "reject", first, "--db", db)
    assert again.exit_code == 1 and "--expect" in again.output  # nobody writes over a review unawares
    assert run("review", "reject", first, "--expect", "1", "-n", "on second thought", "--db", db).exit_code == 0
    out = run("review", "correct", 11, "--start", "2016-09", "--db", db)
    assert out.exit_code == 0 and "start: 2016-09" in out.output
    docs = run("documents", "--db", db).output
    boko = next(line.split()[0] for line in docs.splitlines() if "Boko Haram" in line)
    added = run("review", "add", boko, "Islamic State West Africa Province", "operates_in", "Nigeria",
                "-q", "In August 2016 the Islamic State West Africa Province split from Boko Haram.", "--db", db)
    assert added.exit_code == 0, added.output
    listed = json.loads(run("review", "list", "--json", "--db", db).output)
    assert [r["verdict"] for r in listed] == ["added", "corrected", "rejected", "confirmed"]
    log = run("log", "--format", "csv", "--db", db).output
    rows = list(csv.DictReader(io.StringIO(log)))
    assert [r["action"] for r in rows] == ["add", "correct", "reject", "confirm"]
    assert rows[2]["reason"] == "on second thought"
    gold = tmp_path / "gold.jsonl"
    out = run("reviews", "export-gold", "-o", gold, "--docs", tmp_path / "docs", "--db", db)
    assert out.exit_code == 0 and "rows" in out.output
    lines = [json.loads(x) for x in gold.read_text().splitlines()]
    assert {x["review"] for x in lines} >= {"rejected", "corrected", "added"}
    assert all((tmp_path / "docs" / x["doc"]).exists() for x in lines)


def test_once_users_exist_the_cli_asks_who_acts(tmp_path):
    db = tmp_path / "s.db"
    build_fixture_store(db).close()
    out = run("users", "add", "root", "--role", "admin", "--password-stdin", "--db", db, input="root-password-1\n")
    assert out.exit_code == 0 and "root (admin) added" in out.output
    refused = run("review", "confirm", 4, "--db", db)
    assert refused.exit_code == 1 and "--as" in refused.output
    wrong = run("review", "confirm", 4, "--as", "root", "--db", db, env={"FACTIONMAP_PASSWORD": "nope"})
    assert wrong.exit_code == 1 and "wrong name or password" in wrong.output
    env = {"FACTIONMAP_PASSWORD": "root-password-1"}
    assert run("users", "add", "vic", "--role", "viewer", "--password-stdin", "--as", "root", "--db", db,
               input="viewer-password-1\n", env=env).exit_code == 0
    viewer = run("review", "confirm", 4, "--as", "vic", "--db", db, env={"FACTIONMAP_PASSWORD": "viewer-password-1"})
    assert viewer.exit_code == 1 and "may not" in viewer.output
    assert run("review", "confirm", 4, "--as", "root", "--db", db, env=env).exit_code == 0
    assert run("rename", "Boko Haram", "Jama'atu Ahl al-Sunna", "--as", "root", "--db", db, env=env).exit_code == 0
    assert run("sources", "grade", "Encyclopedia A", "B", "--as", "root", "--db", db, env=env).exit_code == 0
    assert "B  Encyclopedia A  (set in the app)" in run("sources", "--db", db).output
    listed = run("users", "list", "--json", "--db", db).output
    assert "argon2" not in listed and "password" not in listed
    assert "root" in run("log", "--actor", "root", "--db", db).output


def test_exported_gold_reads_back_as_a_gold_file(tmp_path):
    from factionmap.evaluate import load_gold

    db = tmp_path / "s.db"
    build_fixture_store(db).close()
    run("review", "confirm", 4, "--db", db)
    run("review", "reject", 9, "--db", db)
    gold = tmp_path / "gold.jsonl"
    run("reviews", "export-gold", "-o", gold, "--db", db)
    rows = load_gold(gold)  # the evaluation's own checks: fields, relations, stances, ISO dates
    assert [r["review"] for r in rows] == ["confirmed", "rejected"]
