"""The standing hostile-input suite: over a hundred bad files across every reader, bad sidecars and
file-system objects, and bad STIX bundles (tests/hostile/inputs.py writes them). Each gives a one-line
error naming it, or is stored; never a traceback; the other documents in the store stay as they were.
"""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from factionmap.budget import Budget
from factionmap.builder import build
from factionmap.errors import FactionmapError, ImportFormatError, printable
from factionmap.export.stix_import import import_stix
from factionmap.store import Store

from .inputs import write_bundles, write_documents, write_good

MAX_FILE = 1024 * 1024  # the size limit these runs set (over-limit.txt is over it)
BUDGET = Budget(max_chars=400_000, seconds=120)


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    root = tmp_path_factory.mktemp("hostile")
    good = root / "good"
    write_good(good)
    cases = write_documents(root / "bad")
    bundles = write_bundles(root / "bundles")
    template = root / "template.db"
    store = Store(template)
    report = build(store, [str(good)])
    assert report.errors == [] and report.extracted == 20
    store.close()
    return root, good, cases, bundles, template


def _fresh_copy(template: Path, db: Path) -> Store:
    """A private copy of the store of the 20 good documents."""
    shutil.copy(template, db)
    return Store(db)


def snapshot(store: Store) -> dict:
    """What the good documents are in the store: ids, extraction, assertions and their evidence."""
    docs = {d["id"]: (d["path"], d["extractor_version"], d["assertions"]) for d in store.documents()}
    evidence = sorted((a.subject.name, a.relation, a.object.name, e.doc_id, e.start_char, e.end_char)
                      for a in store.assertions() for e in a.evidence)
    return {"docs": docs, "evidence": evidence}


def test_there_are_over_a_hundred_bad_inputs(corpus):
    _, _, cases, bundles, _ = corpus
    assert len([c for c in cases if c.expect != "ok"]) + len([c for c in bundles if c.expect != "ok"]) >= 100
    readers = {Path(c.name).suffix for c in cases}
    assert {".txt", ".md", ".html", ".xhtml", ".wiki", ".pdf", ".jsonl"} <= readers


def test_each_bad_file_with_twenty_good_ones(corpus, tmp_path):
    """A build of the 20 good files plus each hostile one stores the 20 and reports the one."""
    root, good, cases, _, template = corpus
    failures = []
    for i, case in enumerate(cases):
        store = _fresh_copy(template, tmp_path / f"case{i}.db")
        before = snapshot(store)
        errors: list[FactionmapError] = []
        path = root / "bad" / case.name
        try:
            report = build(store, [str(good), str(path)], on_error=errors.append, max_bytes=MAX_FILE, budget=BUDGET)
        except BaseException as exc:  # noqa: BLE001 - the suite reports every case, then fails
            failures.append(f"{case.name!r} ({case.what}): raised {type(exc).__name__}: {exc}")
            store.close()
            continue
        after = snapshot(store)
        problems = _problems(case, path, errors, report)
        kept = {k: v for k, v in after["docs"].items() if k in before["docs"]}
        if kept != before["docs"] or not set(before["evidence"]) <= set(after["evidence"]):
            problems.append("the good documents changed")
        if case.expect == "ok" and len(after["docs"]) <= len(before["docs"]):
            problems.append("nothing was stored")
        failures += [f"{case.name!r} ({case.what}): {p}" for p in problems]
        store.close()
    assert failures == [], "\n".join(failures)


def _problems(case, path: Path, errors: list, report) -> list[str]:
    out = []
    for e in errors:
        text = str(e)
        if "\n" in text or "\r" in text or "Traceback" in text or len(text) > 2500:
            out.append(f"an error that is not one line: {text[:300]!r}")
        if printable(path, 1000) not in text and printable(str(path) + ".meta.json", 1000) not in text:
            out.append(f"an error that does not name the file: {text[:300]!r}")
    if case.expect == "bad" and not errors:
        out.append("no error reported")
    if case.expect == "ok" and errors:
        out.append(f"unexpected errors: {[str(e)[:200] for e in errors]}")
    if report.extracted + report.unchanged + report.skipped < 20:
        out.append(f"the good documents were not all seen: {report}")
    return out


def test_the_cli_reads_them_all_in_one_run(corpus, tmp_path):
    """`factionmap ingest good bad`: exit status 3, one line per skipped input, no traceback, 20 + the rest stored."""
    root, good, cases, _, _ = corpus
    db = tmp_path / "all.db"
    env = dict(os.environ, PYTHONUNBUFFERED="1")
    run = subprocess.run([sys.executable, "-m", "factionmap.cli", "ingest", str(good), str(root / "bad"),
                          "--db", str(db), "--max-file-size", "1M"],
                         capture_output=True, env=env, timeout=600)
    out, err = run.stdout.decode(), run.stderr.decode("utf-8", "replace")
    assert run.returncode == 3, (run.returncode, err[-2000:])
    assert "Traceback" not in err and "Traceback" not in out
    lines = [ln for ln in err.splitlines() if ln.strip()]
    assert all(ln.startswith(("skipped: ", "warning: ")) for ln in lines), [ln for ln in lines if not ln.startswith(("skipped: ", "warning: "))][:5]
    skipped = [ln for ln in lines if ln.startswith("skipped: ")]
    bad = [c for c in cases if c.expect == "bad"]
    assert len(skipped) >= len(bad)
    for case in bad:  # each named once at least (sidecar cases by their sidecar)
        assert any(printable(case.name, 1000) in ln for ln in skipped), case.name
    store = Store(db, create=False)
    paths = {d["path"] for d in store.documents()}
    assert sum(1 for p in paths if "/good/good-" in p) == 20
    assert all("\n" not in p for p in paths)


def test_each_bad_bundle(corpus, tmp_path):
    """Each hostile bundle imports whole or not at all, with a one-line error naming the file."""
    root, _, _, bundles, template = corpus
    failures = []
    for i, case in enumerate(bundles):
        store = _fresh_copy(template, tmp_path / f"bundle{i}.db")
        before = store.stats()
        path = root / "bundles" / case.name
        try:
            import_stix(store, path)
            outcome = "ok"
        except ImportFormatError as exc:
            outcome = "bad"
            text = str(exc)
            if "\n" in text or str(path) not in text or len(text) > 2500:
                failures.append(f"{case.name} ({case.what}): a message that is not one line naming it: {text[:300]!r}")
            if store.stats() != before:
                failures.append(f"{case.name} ({case.what}): a failed import wrote something")
        except BaseException as exc:  # noqa: BLE001
            failures.append(f"{case.name} ({case.what}): raised {type(exc).__name__}: {str(exc)[:300]}")
            store.close()
            continue
        if case.expect != "any" and outcome != case.expect:
            failures.append(f"{case.name} ({case.what}): expected {case.expect}, got {outcome}")
        store.close()
    assert failures == [], "\n".join(failures)


def test_duplicate_ids_keep_the_latest_version(corpus, tmp_path):
    root, _, _, _, _ = corpus
    store = Store(tmp_path / "dup.db")
    import_stix(store, root / "bundles" / "duplicates.json")
    from factionmap.graph import Graph

    names = {e.name for e in Graph(store).entities()}
    assert "Newer" in names and "Older" not in names and "Hostile Group 1" not in names


def test_aliases_given_as_a_string_are_one_alias(corpus, tmp_path):
    root, _, _, _, _ = corpus
    store = Store(tmp_path / "aliases.db")
    import_stix(store, root / "bundles" / "aliases-string.json")
    from factionmap.graph import Graph

    group = Graph(store).entity("Hostile Group 1")
    assert "AB" in group.names and "A" not in group.names
