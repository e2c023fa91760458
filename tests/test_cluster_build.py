"""Builds on a real Dask LocalCluster (2 worker processes) into the test suite's real PostgreSQL.

A distributed build must give the same store as a local build of the same files: the same documents,
document entities, assertions, store-wide entities (each named by the document entities that belong
to it, so row ids do not matter), aliases, ties with their grades and dates, and citations. A worker
killed during a build costs nothing: the next build completes the store, identical to a clean one.
"""
from __future__ import annotations

import contextlib

import itertools
import json
import os
import shutil
import signal
import threading
import time
from pathlib import Path

import pytest
from sqlalchemy import select

from factionmap import builder, cluster
from factionmap.cluster import build_local, build_on_cluster, parse_address
from factionmap.errors import ConfigError, IngestError
from factionmap.store import Store
from factionmap.store import schema as t

pytestmark = pytest.mark.postgres

SAMPLES = Path(__file__).resolve().parents[1] / "samples" / "corpus"
FILES = ["islamic-state-origins.txt", "jabhat-al-nusra-to-hts.md", "hts-and-al-qaeda-claims.txt", "news-briefs.jsonl",
         "caucasus-province-notes.txt", "caucasus-province-notes.txt.meta.json"]
_names = itertools.count()


@contextlib.contextmanager
def _cluster():
    import dask
    from dask.distributed import Client

    # no retries: the batch a killed worker held fails in this build, so the next one must complete it;
    # otherwise the cluster `build --dask local:2` starts
    with dask.config.set({"distributed.scheduler.allowed-failures": 0}), \
            cluster.local_cluster(2, silence_logs=50) as started, Client(started) as c:
        yield c


@pytest.fixture(scope="module")
def client():
    with _cluster() as c:
        yield c


@pytest.fixture
def own_client():
    """A cluster of its own for a test that kills a worker: no nanny restarted by an earlier test's kill."""
    with _cluster() as c:
        yield c


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("corpus")
    for name in FILES:
        shutil.copy(SAMPLES / name, folder / name)
    return folder


@pytest.fixture
def new_store(postgres):
    opened = []

    def make() -> Store:
        store = Store(postgres.create_database(f"dask{next(_names)}"))
        opened.append(store)
        return store

    yield make
    for store in opened:
        store.close()


@pytest.fixture(scope="module")
def clean(corpus, postgres):
    """The digest of a local (no Dask) build of the corpus into PostgreSQL."""
    store = Store(postgres.create_database("daskclean"))
    try:
        report = builder.build(store, [str(corpus)])
        assert report.errors == [] and report.extracted >= len(FILES) - 1
        return digest(store)
    finally:
        store.close()


@pytest.mark.parametrize("aggregate", ["batch", "end"])  # ties per batch, or set-based at the end
def test_a_distributed_build_gives_the_same_store_as_a_local_build(client, corpus, clean, new_store, aggregate):
    store = new_store()
    report = build_on_cluster(store, [str(corpus)], "", client=client, batch_files=2, aggregate=aggregate)
    assert ("aggregate" in report.stats) == (aggregate == "end") and not store.ties_stale()
    assert report.errors == []
    assert report.extracted == len(clean["documents"]) and report.added == report.extracted
    assert set(report.stats["peak_rss_mb"]) and report.stats["words"] > 0
    got = digest(store)
    assert got["ties"] and got["citations"]  # the comparison is not of two empty stores
    for part in clean:
        assert got[part] == clean[part], part

    again = build_on_cluster(store, [str(corpus)], "", client=client, batch_files=2,  # idempotent
                             aggregate=aggregate)
    assert again.extracted == 0 and again.unchanged == report.extracted
    assert digest(store) == clean


@pytest.mark.parametrize("aggregate", ["batch", "end"])
def test_a_worker_killed_during_a_build_leaves_a_store_the_next_run_completes(own_client, corpus, clean, new_store,
                                                                              aggregate):
    client = own_client
    store = new_store()
    killed: list[int] = []
    gone: list[str] = []  # its address
    stop = threading.Event()

    def kill_a_busy_worker() -> None:  # the first worker seen extracting a batch has its process ended
        pids = client.run(os.getpid)
        while not stop.is_set():
            busy = [addr for addr, keys in client.processing().items() if keys and addr in pids]
            if busy:
                os.kill(pids[busy[0]], signal.SIGKILL)
                killed.append(pids[busy[0]])
                gone.append(busy[0])
                return
            time.sleep(0.01)

    watcher = threading.Thread(target=kill_a_busy_worker)
    watcher.start()
    try:
        first = build_on_cluster(store, [str(corpus)], "", client=client, batch_files=1, aggregate=aggregate)
    finally:
        stop.set()
        watcher.join()
    assert killed and _gone(killed[0])
    # the batch on the killed worker is reported (no retries on this cluster) and the rest is stored
    assert first.errors and all("run the build again" in str(e) for e in first.errors)
    assert first.extracted < len(clean["documents"])
    _wait_for_workers(client, 2, without=gone[0])  # the nanny has started a new worker in its place
    assert not store.ties_stale()  # what was written is aggregated, even in a build that stopped
    second = build_on_cluster(store, [str(corpus)], "", client=client, batch_files=1, aggregate=aggregate)
    assert second.errors == []
    assert first.extracted + second.extracted == len(clean["documents"])  # nothing done twice
    assert digest(store) == clean


@pytest.mark.parametrize("aggregate", ["batch", "end"])
def test_a_batched_build_on_local_processes_gives_the_same_store_as_a_local_build(corpus, clean, new_store, aggregate):
    store = new_store()
    report = build_local(store, [str(corpus)], jobs=2, batched=True, batch_files=2, aggregate=aggregate)
    assert report.errors == [] and not store.ties_stale()
    workers = {int(w.rsplit(":", 1)[1]) for w in report.stats["peak_rss_mb"]}  # host:pid of each extracting
    assert len(workers) == 2 and os.getpid() not in workers  # both worker processes extracted, not this one
    assert report.extracted == len(clean["documents"]) and report.added == report.extracted
    assert digest(store) == clean
    again = build_local(store, [str(corpus)], jobs=2, batched=True, batch_files=2)  # idempotent
    assert again.extracted == 0 and again.unchanged == report.extracted
    assert digest(store) == clean


def test_a_local_build_is_batched_from_the_large_build_threshold_on(corpus, clean, new_store, monkeypatch):
    small = build_local(new_store(), [str(corpus)], jobs=1)  # fewer files than LARGE_BUILD_FILES: one by one
    assert "peak_rss_mb" not in small.stats
    monkeypatch.setattr(cluster, "LARGE_BUILD_FILES", 3)
    store = new_store()
    large = build_local(store, [str(corpus)], jobs=1)
    assert large.stats["peak_rss_mb"] and "aggregate" in large.stats  # batched, ties aggregated at the end
    assert digest(store) == clean


def test_a_batched_build_writes_with_the_heap_it_started_with_frozen(corpus, clean, new_store, monkeypatch):
    """The writer's collector leaves alone what the process held before the build (cluster.frozen_heap), for
    every batch, and the heap is given back after it, even when the build fails; a heap frozen by the caller
    stays frozen."""
    import gc

    frozen_at_write = []
    write = cluster._write

    def spying(*args, **kwargs):
        frozen_at_write.append(gc.get_freeze_count())
        return write(*args, **kwargs)

    monkeypatch.setattr(cluster, "_write", spying)
    assert gc.get_freeze_count() == 0
    store = new_store()
    build_local(store, [str(corpus)], jobs=1, batched=True, batch_files=2)
    assert len(frozen_at_write) >= 2 and min(frozen_at_write) > 0
    assert gc.get_freeze_count() == 0 and digest(store) == clean

    def failing(*args, **kwargs):
        raise RuntimeError("a writer's error")

    monkeypatch.setattr(cluster, "_write", failing)
    with pytest.raises(RuntimeError, match="a writer's error"):
        build_local(new_store(), [str(corpus)], jobs=1, batched=True, batch_files=2)
    assert gc.get_freeze_count() == 0
    gc.freeze()
    try:
        with cluster.frozen_heap():
            assert gc.get_freeze_count() > 0
        # the caller's freeze is the caller's to undo (the count itself falls as frozen objects are freed)
        assert gc.get_freeze_count() > 0
    finally:
        gc.unfreeze()


def _children() -> set[int]:
    """The ids of this process's child processes."""
    me, found = os.getpid(), set()
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            if int(stat.read_text().rsplit(")", 1)[1].split()[1]) == me:
                found.add(int(stat.parent.name))
        except (OSError, ValueError, IndexError):
            continue
    return found


def test_a_local_worker_process_killed_during_a_batched_build_leaves_a_store_the_next_run_completes(
        corpus, clean, new_store, monkeypatch):
    real = cluster.extract_one

    def slowly(*args):  # batches still in flight when the first is written (forked workers inherit this)
        time.sleep(0.5)
        return real(*args)

    monkeypatch.setattr(cluster, "extract_one", slowly)
    store = new_store()
    before = _children()
    killed: list[int] = []

    def kill_a_worker_after_the_first_batch(_doc) -> None:
        if not killed:
            pool = sorted(_children() - before)
            assert pool, "the build's worker processes are this process's children"
            os.kill(pool[0], signal.SIGKILL)
            killed.append(pool[0])

    first = build_local(store, [str(corpus)], jobs=2, batched=True, batch_files=1,
                        progress=kill_a_worker_after_the_first_batch)
    assert killed and _gone(killed[0])
    assert first.errors and all("run the build again" in str(e) for e in first.errors)
    assert 1 <= first.extracted < len(clean["documents"])
    assert not store.ties_stale()
    monkeypatch.undo()
    second = build_local(store, [str(corpus)], jobs=2, batched=True, batch_files=1)
    assert second.errors == []
    assert first.extracted + second.extracted == len(clean["documents"])  # nothing done twice
    assert digest(store) == clean
    assert not (_children() - before)  # the pools' processes ended with their builds


def _profiling() -> bool:
    import dask

    return dask.config.get("distributed.worker.profile.enabled")


def test_a_local_cluster_started_for_a_build_has_its_workers_profiler_off():
    from factionmap.cluster import connect

    with connect("local:1") as started:
        assert list(started.run(_profiling).values()) == [False]


def test_a_bad_cluster_address_is_a_clear_error():
    assert parse_address("local:3") == ("local", 3)
    assert parse_address("tcp://10.0.0.5:8786") == ("tcp", "tcp://10.0.0.5:8786")
    for bad in ("local:0", "local:x", "10.0.0.5", "http://x:1"):
        with pytest.raises(ConfigError, match="local:N"):
            parse_address(bad)


def test_build_names_a_bad_dask_address_before_starting(tmp_path):
    from click.testing import CliRunner

    from factionmap.cli import main

    result = CliRunner().invoke(main, ["build", str(SAMPLES / "hezbollah.txt"), "--db", str(tmp_path / "m.db"),
                                       "--dask", "10.0.0.5"])
    assert result.exit_code != 0
    assert "--dask '10.0.0.5': give local:N" in result.output
    assert not (tmp_path / "m.db").exists() or Store(tmp_path / "m.db").stats()["documents"] == 0


def test_build_in_batches_into_sqlite_gives_the_store_of_a_build_one_by_one(corpus, tmp_path):
    from click.testing import CliRunner

    from factionmap.cli import main

    stores = {}
    for how in ("--batches", "--one-by-one"):
        db = tmp_path / f"{how.strip('-')}.db"
        result = CliRunner().invoke(main, ["build", str(corpus), "--db", str(db), "-j", "2", how])
        assert result.exit_code == 0, result.output
        store = Store(db)
        stores[how] = digest(store)
        store.close()
    assert stores["--batches"]["ties"] and stores["--batches"]["citations"]
    assert stores["--batches"] == stores["--one-by-one"]


def test_a_reading_error_raised_on_a_worker_comes_back_whole():
    import pickle

    exc = pickle.loads(pickle.dumps(IngestError("a/b.txt", "empty file")))
    assert (exc.path, exc.reason, str(exc)) == ("a/b.txt", "empty file", "a/b.txt: empty file")


def _gone(pid: int, timeout: float = 30) -> bool:
    """Whether the process has ended within `timeout` s: no longer there, or a zombie its nanny has not
    reaped yet (a killed process keeps its pid until then)."""
    deadline = time.monotonic() + timeout
    while True:
        try:
            os.kill(pid, 0)
        except ProcessLookupError:
            return True
        try:
            state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
        except (OSError, IndexError):
            state = ""
        if state == "Z":
            return True
        if time.monotonic() > deadline:
            return False
        time.sleep(0.05)


def _wait_for_workers(client, n: int, without: str, timeout: float = 180) -> None:
    """Until the nanny has replaced the killed worker (a restart imports the pipeline: slow on a busy machine)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        workers = client.scheduler_info(n_workers=-1)["workers"]
        if len(workers) >= n and without not in workers:
            return
        time.sleep(0.2)
    raise AssertionError(f"the cluster did not get {n} workers back in {timeout} s")


def digest(store: Store) -> dict:
    """The store's content with row ids replaced by what they stand for."""
    with store.engine.connect() as conn:
        def rows(table, *order):
            return [dict(r) for r in conn.execute(select(table).order_by(*order)).mappings()]

        docs = {r["id"]: {k: v for k, v in r.items() if k != "ingested_at"} for r in rows(t.documents, t.documents.c.id)}
        dents = {r["id"]: (r["doc_id"], r["key"]) for r in rows(t.doc_entities, t.doc_entities.c.id)}
        doc_entities = _sorted((r["doc_id"], r["key"], r["name"], r["type"], r["kind"], r["kb_id"], _j(r["aliases"]),
                               _j(r["attributes"])) for r in rows(t.doc_entities, t.doc_entities.c.id))
        members: dict[int, list] = {}
        for r in rows(t.entity_members, t.entity_members.c.doc_entity_id):
            members.setdefault(r["entity_id"], []).append((dents[r["doc_entity_id"]], r["reason"]))
        canon = {eid: tuple(_sorted(m[0] for m in ms)) for eid, ms in members.items()}
        entities = _sorted((canon.get(r["id"], ("none", r["name"])), r["name"], r["type"], r["kind"], r["kb_id"],
                           _j(r["attributes"]), tuple(_sorted(members.get(r["id"], []))))
                          for r in rows(t.entities, t.entities.c.id))
        aliases = _sorted((canon.get(r["entity_id"]), r["name"], r["norm"], r["doc_id"], r["source"], r["reason"])
                         for r in rows(t.aliases, t.aliases.c.id))
        assertions = {}
        for r in rows(t.assertions, t.assertions.c.id):
            assertions[r["id"]] = (dents[r["subject_id"]], r["relation"], dents[r["object_id"]], r["stance"],
                                   r["start_iso"], r["end_iso"], r["attribution"], round(r["confidence"] or 0, 9))
        evidence = _sorted((assertions[r["assertion_id"]], r["doc_id"], r["start_char"], r["end_char"], r["trigger"],
                           r["fingerprint"]) for r in rows(t.evidence, t.evidence.c.id))
        tie_rows = rows(t.ties, t.ties.c.id)
        tie_key = {r["id"]: (canon.get(r["subject_id"]), r["relation"], canon.get(r["object_id"])) for r in tie_rows}
        ties = _sorted((tie_key[r["id"]], tie_key.get(r["ended_by"]),
                       json.dumps({k: v for k, v in r.items() if k not in ("id", "subject_id", "object_id",
                                                                           "ended_by", "review_id")},
                                  sort_keys=True, default=str)) for r in tie_rows)
        citations = _sorted((tie_key[r["tie_id"]], assertions[r["assertion_id"]])
                           for r in rows(t.tie_assertions, t.tie_assertions.c.tie_id))
        mentions = _sorted((r["doc_id"], r["start"], r["end"], r["type"], dents.get(r["doc_entity_id"]), r["source"])
                          for r in rows(t.mentions, t.mentions.c.id))
    return {"documents": docs, "doc_entities": doc_entities, "assertions": _sorted(assertions.values()),
            "evidence": evidence, "mentions": mentions, "entities": entities, "aliases": aliases,
            "ties": ties, "citations": citations}


def _j(value) -> str:
    return json.dumps(value, sort_keys=True, default=str)


def _sorted(items) -> list:
    return sorted(items, key=repr)
