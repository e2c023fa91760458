"""The CLI end to end on a temp folder: build, re-build, list, extract, and clean errors."""
from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from factionmap.cli import main

CORPUS = Path(__file__).parents[1] / "fixtures" / "cli" / "corpus"


@pytest.fixture
def corpus(tmp_path) -> Path:
    folder = tmp_path / "corpus"
    shutil.copytree(CORPUS, folder)
    return folder


def run(*args: str, ok: bool = True, status: int = 0):
    result = CliRunner().invoke(main, list(args), catch_exceptions=False)
    if ok:
        assert result.exit_code == status, result.output
    return result


def test_build_twice_reports_then_changes_nothing(corpus, tmp_path):
    db = str(tmp_path / "map.db")
    first = run("build", str(corpus), "--db", db, status=3)  # 3: finished, with a skipped input
    assert "2 new, 0 unchanged, 2 extracted, 1 skipped" in first.output
    assert "broken.bin" in first.stderr
    second = run("build", str(corpus), "--db", db, status=3)
    assert "0 new, 2 unchanged, 0 extracted, 1 skipped" in second.output
    strict = run("build", str(corpus), "--db", db, "--strict", status=1)
    assert "1 input(s) skipped (--strict)" in strict.stderr
    clean = run("build", str(corpus / "northern-front.txt"), "--db", db, "--strict")
    assert "0 new, 1 unchanged, 0 extracted, 0 skipped" in clean.output
    listing = run("documents", "--db", db).output
    assert "Northern Liberation Front | Maria Okonkwo" in listing
    assert "River Brigades | Tomas Lindqvist" in listing


def test_entities_and_stats(corpus, tmp_path):
    db = str(tmp_path / "map.db")
    run("build", str(corpus / "northern-front.txt"), "--db", db)
    assert "Northern Liberation Front" in run("entities", "--db", db, "--type", "ORG").output
    counts = dict(line.split() for line in run("stats", "--db", db).output.splitlines())
    assert counts["documents"] == "1" and int(counts["assertions"]) >= 1


def test_extract_prints_the_jsonl_contract(corpus):
    path = corpus / "northern-front.txt"
    out = run("extract", str(path), "--format", "jsonl").output
    rows = [json.loads(line) for line in out.splitlines() if line.strip()]
    assert rows, "the pledge sentence must give at least one assertion"
    text = path.read_text(encoding="utf-8")
    keys = {"doc", "subject", "subject_aliases", "relation", "object", "object_aliases", "start", "end", "stance", "evidence"}
    for row in rows:
        assert keys <= row.keys()
        assert row["doc"] == str(path)
        ev = row["evidence"]
        assert text[ev["start_char"]:ev["end_char"]] == ev["text"]
    pledge = [r for r in rows if r["relation"] == "allegiance_to"]
    assert pledge and pledge[0]["subject"] == "Northern Liberation Front" and pledge[0]["start"] == "2014-03"


def test_ingest_only_stores_documents(corpus, tmp_path):
    db = str(tmp_path / "map.db")
    out = run("ingest", str(corpus), "--db", db, status=3).output
    assert "2 new" in out and "0 assertions" in out


def test_errors_are_one_line_and_store_survives(corpus, tmp_path):
    db = str(tmp_path / "map.db")
    run("build", str(corpus / "river-brigades.txt"), "--db", db)
    bad_url = run("stats", "--db", "mysql://nowhere/x", ok=False)
    assert bad_url.exit_code == 1 and "only sqlite" in bad_url.output and "Traceback" not in bad_url.output
    missing = run("build", str(tmp_path / "nope.txt"), "--db", db, status=3)
    assert "nope.txt" in missing.output
    unknown = run("build", str(corpus / "broken.bin"), "--db", db, status=3)
    assert "broken.bin" in unknown.stderr
    assert "1 documents" in run("build", str(corpus / "river-brigades.txt"), "--db", db).output


def test_every_command_has_help():
    for name in main.commands:
        assert "Usage:" in run(name, "--help").output


def test_the_installed_entry_point_runs(tmp_path):
    exe = Path(sys.executable).with_name("factionmap")
    result = subprocess.run([str(exe), "--version"], capture_output=True, text=True, check=True)
    assert result.stdout.startswith("factionmap, version")
