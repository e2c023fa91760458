"""`factionmap serve`: 127.0.0.1 by default, prints its URL, serves the store it is given."""
from __future__ import annotations

import os
import re
import subprocess
import sys

import httpx
from click.testing import CliRunner

from factionmap.cli import main


def test_serve_help_names_the_defaults():
    out = CliRunner().invoke(main, ["serve", "--help"]).output
    assert "127.0.0.1" in out and "8765" in out and "--allow-upload" in out


def test_serve_refuses_a_missing_store(tmp_path):
    result = CliRunner().invoke(main, ["serve", "--db", str(tmp_path / "none.db")])
    assert result.exit_code == 1 and "not a factionmap store" in result.output


def test_serve_prints_its_url_and_serves_the_store(fixture_db):
    env = dict(os.environ, PYTHONUNBUFFERED="1")
    proc = subprocess.Popen([sys.executable, "-m", "factionmap.cli", "serve", "--db", str(fixture_db), "--port", "0"],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env)
    try:
        line = proc.stdout.readline()
        url = re.search(r"http://127\.0\.0\.1:\d+/", line).group(0)
        stats = httpx.get(url + "api/stats", timeout=10).json()
        assert stats["documents"] == 5
        assert httpx.get(url + "api/stats", headers={"host": "attacker.example"}, timeout=10).status_code == 400
        assert httpx.get(url + "upload", timeout=10).status_code == 404
    finally:
        proc.terminate()
        proc.wait(10)
