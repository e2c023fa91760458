"""`factionmap export` and `factionmap import` through click."""
from __future__ import annotations

import json

from click.testing import CliRunner

from factionmap.cli import main
from factionmap.store import Store


def run(*args):
    return CliRunner().invoke(main, [str(a) for a in args], catch_exceptions=False)


def test_export_then_import(store, tmp_path):
    db = store.url.removeprefix("sqlite:///")
    out = tmp_path / "map.json"
    result = run("export", "--db", db, "--format", "stix", "-o", out, "--clock", "2024-01-31T12:00:00Z")
    assert result.exit_code == 0, result.output
    assert json.loads(out.read_text())["type"] == "bundle"
    target = tmp_path / "target.db"
    result = run("import", out, "--db", target)
    assert result.exit_code == 0, result.output
    assert "imported 8 entities, 10 relationships" in result.output
    assert Store(target).stats()["ties"] == 10


def test_export_to_stdout_and_csv_folder(store, tmp_path):
    db = store.url.removeprefix("sqlite:///")
    result = run("export", "--db", db, "--format", "jsonl", "--as-of", "2015-10")
    assert result.exit_code == 0
    kinds = [json.loads(line)["kind"] for line in result.output.splitlines()]
    assert kinds.count("tie") == 6
    assert run("export", "--db", db, "-f", "csv", "-o", tmp_path / "t").exit_code == 0
    assert sorted(p.name for p in (tmp_path / "t").iterdir()) == ["entities.csv", "evidence.csv", "ties.csv"]


def test_errors_are_one_line(store, tmp_path):
    db = store.url.removeprefix("sqlite:///")
    bad = tmp_path / "bad.json"
    bad.write_text("nope")
    result = run("import", bad, "--db", db)
    assert result.exit_code == 1 and "not JSON" in result.output
    result = run("export", "--db", db, "-f", "csv")
    assert result.exit_code == 1 and "give -o FOLDER" in result.output
    result = run("export", "--db", db, "--depth", "2")
    assert result.exit_code == 1 and "--depth needs --entity" in result.output
    result = run("export", "--db", db, "--as-of", "last tuesday")
    assert result.exit_code == 1 and "not an ISO date" in result.output
    result = run("export", "--db", db, "--entity", "Nobody At All")
    assert result.exit_code == 1 and "Nobody At All" in result.output
