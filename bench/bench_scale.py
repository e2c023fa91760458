"""Builds at scale: a generated corpus built into PostgreSQL without Dask and with 1 and 2 Dask workers.

    python bench/bench_scale.py [--docs 10000] [--workers 1 2] [--local-workers 1 2] [--no-local]
                                [--one-by-one] [--json out.json]
    python bench/bench_scale.py --docs 64 --workers 1 --no-local --profile 25   # where the writer's time goes
    python bench/bench_scale.py --docs 3000 --workers 2 --no-local --statements 25   # and PostgreSQL's
    python bench/bench_scale.py queries [--entities 100000] [--assertions 1000000] [--sqlite PATH] [--url URL]
    python bench/bench_scale.py hubs --url URL [--samples 60]   # the latencies below, on a store already built

`queries` fills a store of that size with set-based SQL (bench/scale_store.py: hubs, communities of
groups, persons, places, dates, stances, citations; no extraction) on a PostgreSQL server started for
the run (or on SQLite, or an existing store given by --url, which is queried as it is), then prints
p50/p95 of `show`, `ties --as-of`, `path`, `lineage` and `contested` over entities that have ties,
the hubs apart, and the map API's latency (see `query_latencies`).

The corpus is generated at run time into a temporary folder (never stored in the project): the
sample corpus and the training documents, copied --docs times in all, each copy with its
capitalised names systematically varied (a copy keeps some names and changes others by a
syllable chosen by the copy's number), so entity resolution meets both known and new names.

The builds, in this order: with --one-by-one, document by document in one process (`build
--one-by-one`, the path of small local builds); batched without Dask on 1 and 2 local worker processes
(`procpool.ProcessPool`: `build -j N` from 64 files on); batched on 1 and 2 Dask workers. Batched
builds share the writer: only where the batches are extracted differs, so Dask's overhead is the
wall clock of a Dask build over that of the build without Dask on as many workers.

For each build it prints the wall time, words per second per worker, the workers' CPU time spent
reading and extracting, the parent's time spent writing (one transaction per batch, entities
resolved and ties aggregated per batch), and each worker's peak memory; then the scaling efficiency
from 1 to 2 workers (t1 / (2 * t2)); the CPU-seconds of the parent writing and aggregating (per 100
documents), of the parent in all (the scheduler runs in it), of PostgreSQL and of the workers'
extraction, the load average, and the efficiency bound they imply (`bound`); and the latencies of `show`, `ties --as-of`, `path`, `lineage`
and `contested` on the store built. A PostgreSQL server is started for the run (tests/postgres_server; `--pg-setting NAME=VALUE` sets
one of its settings); with `--statements N` it runs pg_stat_statements, and each build prints the N
statements that took the server longest (calls, rows, share of the server's time).
Workers are started and their pipeline loaded before the clock starts (a cluster is long-lived).
"""
from __future__ import annotations

import argparse
import contextlib
import cProfile
import io
import json
import os
import pstats
import random
import re
import signal
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from factionmap import builder  # noqa: E402
from factionmap.cluster import build_on_cluster, local_cluster  # noqa: E402
from factionmap.graph import Graph  # noqa: E402
from factionmap.procpool import ProcessPool  # noqa: E402
from factionmap.store import Store  # noqa: E402
from tests.postgres_server import PostgresServer  # noqa: E402

SOURCES = [ROOT / "samples" / "corpus", ROOT.parent / "shared" / "eval" / "train" / "docs",
           Path("/work/shared/eval/train/docs")]
SYLLABLES = ["ar", "en", "ul", "im", "os", "ad", "ir", "un", "et", "ah", "oz", "ek", "ib", "am", "or", "is",
             "ut", "ey", "aq", "il"]
NAME = re.compile(r"\b([A-Z][a-z]{3,})\b")
TEXT_SUFFIXES = {".txt", ".md", ".html", ".wiki"}
KEPT = {"January", "February", "March", "April", "June", "July", "August", "September", "October", "November",
        "December", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"}  # dates stay dates


def sources() -> list[Path]:
    seen, out = set(), []
    for folder in SOURCES:
        if folder.is_dir():
            for path in sorted(folder.iterdir()):
                if path.suffix in TEXT_SUFFIXES and path.name.lower() != "readme.md" and path.name not in seen:
                    seen.add(path.name)
                    out.append(path)
    return out


def vary(text: str, copy: int) -> str:
    """Copy 0 is the text; copy k changes about half its capitalised names, each the same way
    wherever it occurs (a name kept in one copy may be changed in the next)."""
    if copy == 0:
        return text
    syllable = SYLLABLES[copy % len(SYLLABLES)] + (SYLLABLES[(copy // len(SYLLABLES)) % len(SYLLABLES)]
                                                   if copy >= len(SYLLABLES) else "")

    def change(m: re.Match) -> str:
        word = m.group(1)
        keep = word in KEPT or random.Random(f"{copy}:{word}").random() < 0.5
        return word if keep else word[:-1] + syllable
    return NAME.sub(change, text)


def generate(folder: Path, n: int) -> int:
    """n documents in `folder`; returns the words written."""
    base = sources()
    words = 0
    for i in range(n):
        src = base[i % len(base)]
        copy = i // len(base)
        text = vary(src.read_text(encoding="utf-8", errors="replace"), copy)
        words += len(text.split())
        (folder / f"{i:06d}-{src.stem}{src.suffix}").write_text(text, encoding="utf-8")
    return words


def load_pipeline(hold_s: float = 0.0) -> int:
    """The extraction's pipeline loaded in this process (then held `hold_s` seconds); the process id."""
    from factionmap.extract.pipeline import ExtractorConfig, get_pipeline

    get_pipeline(ExtractorConfig())
    time.sleep(hold_s)
    return os.getpid()


def warm(client) -> None:
    client.run(load_pipeline)


class CpuMeter:
    """The parent's CPU-seconds (`time.process_time`: every thread of this process, so the scheduler
    of a LocalCluster too) spent in `Store.save_batch` (writing) and `Store.aggregate_all` (the
    set-based aggregation), counted around the calls; and the CPU-seconds of the PostgreSQL server
    (postmaster, its live backends and those it has reaped), from /proc, when its pid is known."""

    def __init__(self, pg_pid: int | None = None) -> None:
        self.cpu = {"save_batch": 0.0, "aggregate_all": 0.0}
        self.pg_pid = pg_pid
        self._saved: dict = {}

    def __enter__(self) -> "CpuMeter":
        for name in self.cpu:
            original = self._saved[name] = getattr(Store, name)

            def timed(store, *args, __original=original, __name=name, **kwargs):
                started = time.process_time()
                try:
                    return __original(store, *args, **kwargs)
                finally:
                    self.cpu[__name] += time.process_time() - started
            setattr(Store, name, timed)
        self.process0, self.pg0 = time.process_time(), self.pg_cpu()
        return self

    def __exit__(self, *exc) -> None:
        self.process_s = time.process_time() - self.process0
        self.pg_s = self.pg_cpu() - self.pg0
        for name, original in self._saved.items():
            setattr(Store, name, original)

    def pg_cpu(self) -> float:
        if not self.pg_pid:
            return 0.0
        tick = os.sysconf("SC_CLK_TCK")
        total = 0.0
        for stat in Path("/proc").glob("[0-9]*/stat"):
            try:
                fields = stat.read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            pid, ppid = int(stat.parent.name), int(fields[1])
            if pid == self.pg_pid:  # its own time and that of the backends it has reaped
                total += sum(int(f) for f in fields[11:15]) / tick
            elif ppid == self.pg_pid:
                total += (int(fields[11]) + int(fields[12])) / tick
        return total


def postmaster_pid(server: PostgresServer) -> int | None:
    try:
        return int((server.data / "postmaster.pid").read_text().split()[0])
    except (OSError, ValueError, IndexError):
        return None


def build_with(workers: int, url: str, folder: Path, batch: int, profile: int = 0, aggregate: str = "auto",
               pg_pid: int | None = None, dask: bool = True, statements: int = 0) -> dict:
    """One batched build: on a LocalCluster of `workers` Dask workers, or (dask=False) on as many local
    worker processes without Dask (`procpool.ProcessPool`, what `factionmap build -j N` runs from 64
    files on). The same writer, meters and figures either way. `statements`: print the build's N
    statements that took PostgreSQL longest (the server runs pg_stat_statements)."""
    with contextlib.ExitStack() as stack:
        if dask:
            from dask.distributed import Client

            client = stack.enter_context(Client(stack.enter_context(local_cluster(workers))))  # as build --dask
            warm(client)
        else:
            client = stack.enter_context(ProcessPool(workers))
            warm_pool(client, workers)
        store = Store(url)
        if statements:
            reset_statements(store)
        profiler = cProfile.Profile() if profile else None
        load0 = os.getloadavg()[0]
        with CpuMeter(pg_pid) as meter:
            start = time.perf_counter()
            if profiler:
                profiler.enable()
            report = build_on_cluster(store, [str(folder)], "", client=client, batch_files=batch, aggregate=aggregate)
            wall = time.perf_counter() - start
            if profiler:
                profiler.disable()
                print_profile(profiler, profile)
        load1 = os.getloadavg()[0]
        if statements:
            print(costliest_statements(store, statements), flush=True)
        stats = store.stats()
        store.close()
    return {"workers": workers, "dask": dask, "wall_s": wall, "extracted": report.extracted,
            "errors": len(report.errors),
            "words": report.stats.get("words", 0), "extract_cpu_s": report.stats.get("extract_s", 0.0),
            "write_s": report.stats.get("write_s", 0.0), "aggregate_s": report.stats.get("aggregate_s", 0.0),
            "write_cpu_s": meter.cpu["save_batch"], "aggregate_cpu_s": meter.cpu["aggregate_all"],
            "parent_cpu_s": meter.process_s, "postgres_cpu_s": meter.pg_s, "load": (load0, load1),
            "aggregate": aggregate,
            "peak_rss_mb": sorted(report.stats.get("peak_rss_mb", {}).values()), "store": stats}


def reset_statements(store: Store) -> None:
    """pg_stat_statements in the store's database, its counts started again."""
    from sqlalchemy import text

    with store.engine.begin() as conn:
        conn.execute(text("CREATE EXTENSION IF NOT EXISTS pg_stat_statements"))
        conn.execute(text("SELECT pg_stat_statements_reset()"))


def costliest_statements(store: Store, top: int) -> str:
    """The `top` statements by PostgreSQL's time since reset_statements, with their calls, rows and share."""
    from sqlalchemy import text

    with store.engine.connect() as conn:
        rows = conn.execute(text(
            "SELECT total_exec_time + total_plan_time AS ms, calls, rows, query FROM pg_stat_statements "
            "WHERE dbid = (SELECT oid FROM pg_database WHERE datname = current_database()) ORDER BY 1 DESC")).all()
    total = sum(r.ms for r in rows) or 1.0
    lines = [f"PostgreSQL's time in statements: {total / 1000:.1f} s; the costliest {top}:"]
    for r in rows[:top]:
        query = " ".join(r.query.split())
        lines.append(f"  {r.ms / 1000:8.1f} s {100 * r.ms / total:5.1f}%  calls {r.calls:>8,}  rows {r.rows:>10,}  "
                     f"{query[:160]}")
    return "\n".join(lines)


def warm_pool(pool: ProcessPool, workers: int) -> None:
    """Each local worker process started and its pipeline loaded before the clock starts, as `warm` does
    for Dask's (best effort: the pool hands tasks to whichever process is free)."""
    # each task held, so that the next goes to another process
    for future in [pool.submit(load_pipeline, 3.0) for _ in range(workers)]:
        future.result()


def print_profile(profiler, top: int) -> None:
    """The parent's time (writing: store, resolution, aggregation) by function, cumulative, factionmap's own."""
    out = io.StringIO()
    stats = pstats.Stats(profiler, stream=out).sort_stats("cumulative")
    stats.print_stats(r"factionmap/(store|graph|cluster|lifespans)", top)
    print(out.getvalue())


def build_one_by_one(url: str, folder: Path, pg_pid: int | None = None) -> dict:
    """The build document by document in this process (`builder.build`, `build --one-by-one`), the
    extraction's pipeline loaded before the clock starts."""
    load_pipeline()
    store = Store(url)
    with CpuMeter(pg_pid) as meter:
        start = time.perf_counter()
        report = builder.build(store, [str(folder)])
        wall = time.perf_counter() - start
    stats = store.stats()
    store.close()
    return {"workers": 0, "dask": False, "wall_s": wall, "extracted": report.extracted, "errors": len(report.errors),
            "parent_cpu_s": meter.process_s, "postgres_cpu_s": meter.pg_s, "store": stats}


def latencies(url: str, samples: int = 60) -> dict:
    """p50 and p95 of the queries over the 200 entities with the most ties (the built store's hubs)."""
    from bench.scale_queries import _ties_as_of

    store = Store(url)
    g = Graph(store)
    rng = random.Random(3)
    with store.engine.connect() as conn:
        from sqlalchemy import func, select

        from factionmap.store import schema as t

        degree = func.count().label("n")
        busy = [r[0] for r in conn.execute(select(t.ties.c.subject_id, degree).group_by(t.ties.c.subject_id)
                                           .order_by(degree.desc()).limit(200))]
    if len(busy) < 2:
        return {}
    ids = [rng.choice(busy) for _ in range(samples)]
    pairs = [(rng.choice(busy), rng.choice(busy)) for _ in range(samples)]
    queries = {
        "show": g.profile,
        "ties --as-of": lambda e: _ties_as_of(g, e),  # what the command reads: a page, with its citations
        "path": lambda p: g.path(*p),
        "lineage": g.lineage,
        "contested, first 50": lambda _e: g.contested(limit=50),  # as `bench_scale.py queries` measures it
    }
    out = {}
    for label, fn in queries.items():
        fn(pairs[0] if label == "path" else ids[0])  # warm
        times = []
        for x in (pairs if label == "path" else ids):
            start = time.perf_counter()
            fn(x)
            times.append((time.perf_counter() - start) * 1000)
        times.sort()
        out[label] = {"p50_ms": statistics.median(times), "p95_ms": times[max(0, int(len(times) * 0.95) - 1)]}
    store.close()
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=10_000)
    parser.add_argument("--workers", type=int, nargs="+", default=[1, 2])
    parser.add_argument("--batch", type=int, default=16, help="Files per Dask task.")
    parser.add_argument("--no-local", action="store_true", help="Skip the builds without Dask.")
    parser.add_argument("--local-workers", type=int, nargs="+", default=None,
                        help="Worker processes of the batched builds without Dask (default: as --workers).")
    parser.add_argument("--one-by-one", action="store_true",
                        help="Also build document by document in one process (build --one-by-one).")
    parser.add_argument("--json", help="Also write the figures to this file.")
    parser.add_argument("--aggregate", choices=["auto", "batch", "end"], default="auto",
                        help="Ties of the Dask builds: per batch, once at the end (set-based), or auto.")
    parser.add_argument("--compare-batch", action="store_true",
                        help="Also build with 1 worker aggregating per batch (the incremental path), for the ratio.")
    parser.add_argument("--profile", type=int, default=0, metavar="N",
                        help="cProfile the parent (the writer) during the Dask builds; print its N costliest functions.")
    parser.add_argument("--statements", type=int, default=0, metavar="N",
                        help="Run PostgreSQL with pg_stat_statements; print each build's N costliest statements.")
    parser.add_argument("--pg-setting", action="append", default=[], metavar="NAME=VALUE",
                        help="A PostgreSQL server setting for every build (shared_buffers=1GB); repeatable.")
    args = parser.parse_args()
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))  # a stopped run still stops its server
    settings = dict(setting.split("=", 1) for setting in args.pg_setting)
    if args.statements:
        settings["shared_preload_libraries"] = "pg_stat_statements"
    server = PostgresServer(settings)
    server.start()
    figures: dict = {"docs": args.docs, "postgres_settings": settings}
    try:
        with tempfile.TemporaryDirectory(prefix="factionmap-scale-") as tmp:
            folder = Path(tmp)
            figures["corpus_words"] = generate(folder, args.docs)
            print(f"corpus: {args.docs:,} documents, {figures['corpus_words']:,} words (generated in {tmp})")
            if settings:
                print("PostgreSQL settings: " + ", ".join(f"{k}={v}" for k, v in settings.items()))
            runs: list[dict] = []
            figures["runs"] = runs
            pg = postmaster_pid(server)
            plan = [lambda: build_one_by_one(server.create_database("scale_one_by_one"), folder, pg)
                    ] if args.one_by_one else []
            plan += [] if args.no_local else [
                lambda w=w: build_with(w, server.create_database(f"scale_local_w{w}"), folder, args.batch, 0,
                                       args.aggregate, pg, dask=False, statements=args.statements)
                for w in (args.local_workers or args.workers)]
            plan += [lambda w=w: build_with(w, server.create_database(f"scale_w{w}"), folder, args.batch, args.profile,
                                            args.aggregate, pg, statements=args.statements) for w in args.workers]
            if args.compare_batch:
                plan.append(lambda: build_with(1, server.create_database("scale_w1_batch"), folder, args.batch, 0,
                                               "batch"))
            for run in plan:  # each build's figures as soon as it ends: a long run stopped early keeps them
                runs.append(run())
                print(describe(runs[-1]), flush=True)
                if args.json:
                    Path(args.json).write_text(json.dumps(figures, indent=2, default=str))
            main_runs = runs[:len(runs) - args.compare_batch]
            walls = {r["workers"]: r["wall_s"] for r in main_runs if r["dask"]}
            local = {r["workers"]: r["wall_s"] for r in main_runs if not r["dask"]}
            if args.compare_batch and 1 in walls:
                one, per_batch = next(r for r in main_runs if r["dask"] and r["workers"] == 1), runs[-1]
                figures["end_vs_batch"] = one["wall_s"] / per_batch["wall_s"]
                print(f"1 worker, ties {one['aggregate']} vs per batch: {figures['end_vs_batch']:.2f}x wall; "
                      f"writing + aggregating {one['write_s'] + one['aggregate_s']:.1f} s vs {per_batch['write_s']:.1f} s")
            if 1 in walls and 2 in walls:
                figures["scaling_efficiency"] = walls[1] / (2 * walls[2])
                print(f"scaling efficiency 1 -> 2 workers: {figures['scaling_efficiency']:.2f} (wall clock)")
            if 1 in local and 2 in local:
                figures["scaling_efficiency_no_dask"] = local[1] / (2 * local[2])
                print(f"scaling efficiency 1 -> 2 worker processes without Dask: "
                      f"{figures['scaling_efficiency_no_dask']:.2f} (wall clock)")
            for w in sorted(set(walls) & set(local) - {0}):
                figures[f"dask_overhead_w{w}"] = walls[w] / local[w]
                print(f"Dask overhead, {w} worker(s): {walls[w] / local[w]:.3f}x the wall clock without Dask")
            if 0 in local and 1 in local:
                print(f"one by one vs batched on 1 worker process: {local[0] / local[1]:.2f}x the wall clock")
            last = max(args.workers)
            figures["latencies"] = latencies(server_url(server, f"scale_w{last}"))  # a Dask build's store
            for label, v in figures["latencies"].items():
                print(f"{label:<20} p50 {v['p50_ms']:7.1f} ms  p95 {v['p95_ms']:7.1f} ms")
    finally:
        server.stop()
    if args.json:
        Path(args.json).write_text(json.dumps(figures, indent=2, default=str))


def describe(r: dict) -> str:
    """One build's figures, as printed."""
    if r["workers"] == 0:
        label = "one by one"
    else:
        label = f"{r['workers']} {'Dask worker(s)' if r['dask'] else 'process(es), no Dask'}, ties {r['aggregate']}"
    line = f"{label:<18} wall {r['wall_s']:8.1f} s  {r['extracted']:,} documents  {r['errors']} errors"
    if r["workers"] == 0:
        line += f"  CPU-s: this process {r['parent_cpu_s']:.1f}, PostgreSQL {r['postgres_cpu_s']:.1f}"
    else:
        r["words_per_s_per_worker"] = r["words"] / r["wall_s"] / r["workers"]
        line += (f"  {r['words_per_s_per_worker']:,.0f} words/s/worker  extract CPU {r['extract_cpu_s']:.1f} s"
                 f"  write {r['write_s']:.1f} s  aggregate {r['aggregate_s']:.1f} s  peak RSS/worker {', '.join(f'{m:.0f}' for m in r['peak_rss_mb'])} MB")
        per100 = 100 / max(1, r["extracted"])
        line += (f"\n{'':<18} CPU-s: parent writing {r['write_cpu_s']:.1f}, aggregating {r['aggregate_cpu_s']:.1f}"
                 f" ({(r['write_cpu_s'] + r['aggregate_cpu_s']) * per100:.2f} per 100 documents), parent in all"
                 f" {r['parent_cpu_s']:.1f}, PostgreSQL {r['postgres_cpu_s']:.1f}, workers extracting {r['extract_cpu_s']:.1f}"
                 f"  load {r['load'][0]:.1f} -> {r['load'][1]:.1f}"
                 f"\n{'':<18} efficiency bound on 2 cores with 2 workers: {bound(r):.2f}")
    return line


def bound(run: dict) -> float:
    """The best scaling efficiency 1 -> 2 workers that this build's CPU allows on 2 cores shared by the
    workers, the parent and PostgreSQL: one worker takes at least the extraction's CPU-seconds E (the
    parent and PostgreSQL beside it on the other core), two take at least all the CPU work W over the
    2 cores, so t1 / (2 * t2) <= E / W."""
    work = run["extract_cpu_s"] + run["parent_cpu_s"] + run["postgres_cpu_s"]
    return run["extract_cpu_s"] / work if work else 0.0


def server_url(server: PostgresServer, name: str) -> str:
    return f"postgresql+pg8000://factionmap@127.0.0.1:{server.port}/{name}"


if __name__ == "__main__":
    if sys.argv[1:2] == ["queries"]:
        from bench.scale_queries import main as queries_main

        queries_main(sys.argv[2:])
    elif sys.argv[1:2] == ["hubs"]:
        hubs = argparse.ArgumentParser(description="p50/p95 of the queries over a built store's 200 busiest entities")
        hubs.add_argument("--url", required=True, help="The store (a PostgreSQL URL or a SQLite path).")
        hubs.add_argument("--samples", type=int, default=60)
        given = hubs.parse_args(sys.argv[2:])
        for label, v in latencies(given.url, given.samples).items():
            print(f"{label:<20} p50 {v['p50_ms']:7.1f} ms  p95 {v['p95_ms']:7.1f} ms")
    else:
        main()
