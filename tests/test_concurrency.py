"""Safe concurrent writers: two builds of one folder at once succeed on SQLite and PostgreSQL and leave
the store a clean build leaves; build workers end with the build that started them, even by kill -9."""
from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from factionmap.store import Store

CORPUS = Path(__file__).resolve().parent.parent / "samples" / "corpus"
SOME = ("ansar-al-islam.txt", "boko-haram-and-iswap.txt", "caucasus-province-notes.txt",
        "caucasus-province-notes.txt.meta.json", "hezbollah.txt", "al-shabaab.html", "caucasus-emirate.wiki")


def _corpus(tmp_path: Path) -> Path:
    """A few documents of the sample corpus, in several formats."""
    folder = tmp_path / "corpus"
    folder.mkdir()
    for name in SOME:
        shutil.copy(CORPUS / name, folder / name)
    return folder


def _build(db: str, folder: Path, *extra: str) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-m", "factionmap.cli", "build", str(folder), "--db", db, *extra],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def canonical(db: str) -> dict:
    """What a store holds, without its row ids: documents, entities, ties and their evidence."""
    from factionmap.graph import Graph

    store = Store(db, create=False)
    try:
        g = Graph(store)
        docs = sorted((d["id"], d["extractor_version"], d["assertions"]) for d in store.documents())
        entities = sorted((e.name, e.type.value, tuple(sorted(e.names))) for e in g.entities())
        ties = sorted((t.subject.name, t.relation, t.object.name, t.status.value, t.grade,
                       tuple(sorted((c.doc_id, c.start_char, c.end_char) for c in t.citations)))
                      for t in g.ties(limit=100000))
        return {"documents": docs, "entities": entities, "ties": ties}
    finally:
        store.close()


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def two_urls(request, tmp_path):
    if request.param == "sqlite":
        return str(tmp_path / "shared.db"), str(tmp_path / "clean.db")
    return request.getfixturevalue("pg_url"), request.getfixturevalue("pg_url")


def test_two_builds_of_one_folder_at_once(two_urls, tmp_path):
    shared, clean = two_urls
    folder = _corpus(tmp_path)
    Store(shared).close()  # both builds open an existing store (opening a new one at once is tested below)
    first, second = _build(shared, folder), _build(shared, folder)
    outs = [p.communicate(timeout=600) for p in (first, second)]
    for proc, (_out, err) in zip((first, second), outs):
        assert proc.returncode == 0, err[-2000:]
        assert "Traceback" not in err and "UNIQUE" not in err and "INSERT" not in err
    done = _build(clean, folder)
    assert done.wait(600) == 0
    assert canonical(shared) == canonical(clean)


def test_two_processes_open_a_new_store_at_once(tmp_path):
    db = str(tmp_path / "new.db")
    code = "import sys; from factionmap.store import Store; Store(sys.argv[1]).close()"
    procs = [subprocess.Popen([sys.executable, "-c", code, db], stderr=subprocess.PIPE, text=True) for _ in range(2)]
    for p in procs:
        _, err = p.communicate(timeout=120)
        assert p.returncode == 0, err[-2000:]
    assert Store(db, create=False).stats()["documents"] == 0


def _children(pid: int) -> list[int]:
    out = subprocess.run(["pgrep", "-P", str(pid)], capture_output=True, text=True).stdout
    return [int(x) for x in out.split()]


@pytest.mark.skipif(not shutil.which("pgrep"), reason="needs pgrep (procps)")
def test_build_workers_end_with_their_parent(tmp_path):
    folder = _corpus(tmp_path)
    proc = _build(str(tmp_path / "killed.db"), folder, "-j", "2", "--force")
    deadline = time.monotonic() + 120
    workers: list[int] = []
    while time.monotonic() < deadline and len(workers) < 2 and proc.poll() is None:
        workers = _children(proc.pid)
        time.sleep(0.1)
    if len(workers) < 2:
        proc.kill()
        pytest.skip("the build finished before its workers could be seen")
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait(10)
    deadline = time.monotonic() + 15
    alive = workers
    while alive and time.monotonic() < deadline:
        alive = [w for w in workers if Path(f"/proc/{w}").exists() and "zombie" not in _state(w)]
        time.sleep(0.2)
    assert alive == [], f"workers {alive} outlived their build"


def _state(pid: int) -> str:
    try:
        return Path(f"/proc/{pid}/status").read_text().split("State:")[1].split("\n")[0].lower()
    except (OSError, IndexError):
        return "zombie"
