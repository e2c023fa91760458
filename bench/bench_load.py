#!/usr/bin/env python3
"""The web server under load, on loopback: requests/s and latency at 8 and 32 clients.

    .venv/bin/python bench/bench_load.py [--seconds 10] [--workers 2] [--rounds 5] [--db PATH]

Builds the synthetic store of bench_web.py (1,000 groups, 5,000 ties) unless --db is given, starts
`factionmap serve --workers N` on 127.0.0.1 as a user would, and drives it with keep-alive HTTP/1.1
clients (asyncio, raw sockets: a light client, so the 2 cores go to the server) for --seconds per
run. It prints, for the map (/api/map), a group's profile (/api/entities/ID) and a document
(/api/documents/ID), at 8 and 32 clients: requests/s, p50 and p99 latency, errors; the first
(uncached) answer's time; then --rounds rounds of the map at 32 clients with the server's resident
memory after each (no growth: the cache is bounded). Targets: cached map and profile at >= 200
requests/s with 32 clients and p99 < 250 ms. Bounded: every run stops after --seconds.
"""
from __future__ import annotations

import argparse
import asyncio
import os
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))


async def _client(host: str, port: int, path: str, until: float, latencies: list[float], errors: list[str]) -> None:
    request = f"GET {path} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nAccept-Encoding: gzip\r\n\r\n".encode()
    reader = writer = None
    while time.perf_counter() < until:
        try:
            if writer is None:
                reader, writer = await asyncio.open_connection(host, port)
            start = time.perf_counter()
            writer.write(request)
            head = await reader.readuntil(b"\r\n\r\n")
            status = int(head.split(b" ", 2)[1])
            length = int(re.search(rb"(?i)content-length:\s*(\d+)", head).group(1))
            await reader.readexactly(length)
            latencies.append(time.perf_counter() - start)
            if status != 200:
                errors.append(str(status))
        except (OSError, asyncio.IncompleteReadError, AttributeError, ValueError) as exc:
            errors.append(type(exc).__name__)
            if writer is not None:
                writer.close()
            reader = writer = None
    if writer is not None:
        writer.close()


async def _load(port: int, path: str, clients: int, seconds: float) -> tuple[float, float, float, int, int]:
    latencies: list[float] = []
    errors: list[str] = []
    until = time.perf_counter() + seconds
    start = time.perf_counter()
    await asyncio.gather(*(_client("127.0.0.1", port, path, until, latencies, errors) for _ in range(clients)))
    elapsed = time.perf_counter() - start
    latencies.sort()
    pick = lambda q: latencies[min(len(latencies) - 1, int(q * len(latencies)))] * 1000 if latencies else float("nan")  # noqa: E731
    return len(latencies) / elapsed, pick(0.50), pick(0.99), len(latencies), len(errors)


def rss_mb(pid: int) -> float:
    """Resident memory of a process and its children (the server's workers), in MB."""
    total = 0
    pids = [pid]
    try:
        children = subprocess.run(["pgrep", "-P", str(pid)], capture_output=True, text=True).stdout.split()
        pids += [int(c) for c in children]
    except FileNotFoundError:
        pass
    for p in pids:
        try:
            for line in Path(f"/proc/{p}/status").read_text().splitlines():
                if line.startswith("VmRSS:"):
                    total += int(line.split()[1])
        except OSError:
            continue
    return total / 1024


def serve(db: Path, workers: int) -> tuple[subprocess.Popen, int]:
    proc = subprocess.Popen([sys.executable, "-m", "factionmap.cli", "serve", "--db", str(db), "--port", "0",
                             "--workers", str(workers)], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    line = proc.stdout.readline()
    port = int(re.search(r":(\d+)/", line).group(1))
    import httpx

    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            if httpx.get(f"http://127.0.0.1:{port}/api/stats", timeout=5).status_code == 200:
                return proc, port
        except httpx.HTTPError:
            time.sleep(0.3)
    proc.kill()
    raise SystemExit("the server did not answer")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--seconds", type=float, default=10.0)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--db", type=Path)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        db = args.db
        if db is None:
            from bench_web import synthetic_store

            db = Path(tmp) / "load.db"
            synthetic_store(db, 1000, 5000).close()
        import httpx

        proc, port = serve(db, args.workers)
        try:
            base = f"http://127.0.0.1:{port}"
            hub = httpx.get(base + "/api/entities", params={"q": "Group 0001"}, timeout=30).json()[0]["id"]
            doc = httpx.get(base + "/api/documents", timeout=30).json()[0]["id"]
            paths = {"map": "/api/map", "profile": f"/api/entities/{hub}", "document": f"/api/documents/{doc}"}
            print(f"factionmap serve --workers {args.workers} on 127.0.0.1:{port}, store {db.name}; "
                  f"{args.seconds:g} s per run")
            for name, path in paths.items():
                start = time.perf_counter()
                httpx.get(base + path, timeout=120)
                print(f"  {name:<9} first (uncached) answer: {(time.perf_counter() - start) * 1000:.0f} ms")
            for name, path in paths.items():
                for clients in (8, 32):
                    rps, p50, p99, n, errors = asyncio.run(_load(port, path, clients, args.seconds))
                    print(f"  {name:<9} {clients:>2} clients: {rps:7.1f} req/s  p50 {p50:6.1f} ms  p99 {p99:6.1f} ms"
                          f"  ({n} requests, {errors} errors)", flush=True)
            print(f"memory over {args.rounds} rounds of the map at 32 clients:")
            sizes = []
            for r in range(args.rounds):
                rps, p50, p99, n, errors = asyncio.run(_load(port, paths["map"], 32, args.seconds))
                sizes.append(rss_mb(proc.pid))
                print(f"  round {r + 1}: {rps:7.1f} req/s  p99 {p99:6.1f} ms  server RSS {sizes[-1]:.1f} MB", flush=True)
            print(f"RSS growth from round 1 to {args.rounds}: {sizes[-1] - sizes[0]:+.1f} MB")
        finally:
            proc.terminate()
            try:
                proc.wait(10)
            except subprocess.TimeoutExpired:
                proc.kill()


if __name__ == "__main__":
    os.environ.setdefault("PYTHONUNBUFFERED", "1")
    main()
