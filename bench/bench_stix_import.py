#!/usr/bin/env python3
"""STIX import speed: a generated bundle of about --mb megabytes, and one a quarter of its size.

    .venv/bin/python bench/bench_stix_import.py [--mb 100] [--db PATH] [--keep FILE]

The bundle is foreign-shaped (as OpenCTI or MISP would send): intrusion-sets, identities and
locations with names drawn from word lists (many share their first word, as real group names do),
relationships each with a description (its evidence) and an external reference, and reports that
list them. Both bundles are imported into fresh SQLite stores; the script prints objects, megabytes,
seconds, and the time ratio large/small against the size ratio (linear: about equal). Target: a
100 MB bundle in under a minute on this 2-core machine.
"""
from __future__ import annotations

import argparse
import json
import random
import sys
import tempfile
import time
import uuid
from pathlib import Path

HEADS = ["Jaysh", "Liwa", "Katibat", "Harakat", "Jabhat", "Ansar", "Saraya", "Ahrar", "Junud", "Tanzim",
         "Kataib", "Firqat", "Usbat", "Majlis", "Hizb", "Lashkar", "Tehrik", "Quwat", "Alwiya", "Fawj"]
WORDS = ["Furqan", "Tawhid", "Nasr", "Fath", "Haqq", "Izza", "Sham", "Rahman", "Umma", "Sunna", "Khilafa",
         "Muhajirin", "Ansar", "Sahaba", "Badr", "Uhud", "Qadisiyya", "Yarmuk", "Hamza", "Omar", "Khalid",
         "Salah", "Din", "Mujahidin", "Thuwar", "Ahrar", "Shuhada", "Tahrir", "Islah", "Nur", "Huda", "Iman",
         "Jihad", "Ribat", "Sabr", "Wafa", "Amal", "Fajr", "Qasim", "Zubayr", "Muthanna", "Saad", "Ubayda"]
PLACES = ["Halab", "Idlib", "Hama", "Homs", "Dimashq", "Dar'a", "Raqqa", "Deir", "Qalamoun", "Ghouta",
          "Jisr", "Saraqib", "Maarrat", "Latakia", "Tartus", "Quneitra", "Busra", "Manbij", "Tabqa", "Bab",
          "Azaz", "Afrin", "Kobani", "Hasakah", "Mosul", "Anbar", "Diyala", "Kirkuk", "Nineveh", "Falluja"]
RELS = ["cooperates-with", "opposes", "allegiance-to", "part-of", "split-from", "merged-into", "successor-of"]
SENTENCE = ("According to the report, {a} announced in {year} that it had joined {b} after months of talks "
            "between their commanders in {place}, a move that observers linked to {detail}. ")
DETAILS = ["the loss of supply routes", "pressure from foreign backers", "a dispute over revenue",
           "the death of a senior commander", "the collapse of a local truce", "a shared enemy in the area"]


def _id(kind: str, rng: random.Random) -> str:
    return f"{kind}--{uuid.UUID(int=rng.getrandbits(128), version=4)}"


def bundle(target_mb: float, seed: int = 7) -> dict:
    rng = random.Random(seed)
    created = "2024-01-31T00:00:00.000Z"
    objects, size = [], 0
    groups: list[dict] = []
    names: set[str] = set()
    target = target_mb * 1024 * 1024
    while size < target:
        if len(groups) < 50 or rng.random() < 0.25:
            name = None
            while name is None or name in names:
                name = f"{rng.choice(HEADS)} {rng.choice(WORDS)}" + (f" {rng.choice(PLACES)}" if rng.random() < 0.7 else "")
            names.add(name)
            kind = rng.choice(["intrusion-set", "intrusion-set", "identity", "threat-actor"])
            obj = {"type": kind, "spec_version": "2.1", "id": _id(kind, rng), "created": created, "modified": created,
                   "name": name, "aliases": [name.replace(" ", "-"), f"{name} Brigade"]}
            if kind == "identity":
                obj["identity_class"] = "organization"
            if kind == "threat-actor":
                obj["threat_actor_types"] = ["terrorist"]
            groups.append(obj)
        else:
            a, b = rng.sample(groups, 2)
            text = "".join(SENTENCE.format(a=a["name"], b=b["name"], year=rng.randrange(2011, 2024),
                                           place=rng.choice(PLACES), detail=rng.choice(DETAILS))
                           for _ in range(rng.randrange(2, 6)))
            obj = {"type": "relationship", "spec_version": "2.1", "id": _id("relationship", rng), "created": created,
                   "modified": created, "relationship_type": rng.choice(RELS), "source_ref": a["id"],
                   "target_ref": b["id"], "description": text,
                   "external_references": [{"source_name": f"Monitor {rng.randrange(40)}",
                                            "url": f"https://example.org/{rng.getrandbits(40):x}",
                                            "description": text}]}
        objects.append(obj)
        size += len(json.dumps(obj))
    return {"type": "bundle", "id": _id("bundle", rng), "objects": objects}


def run(mb: float, db: Path, keep: Path | None = None) -> tuple[int, float, float]:
    from factionmap.export.stix_import import import_stix
    from factionmap.store import Store

    data = bundle(mb)
    path = keep or db.with_suffix(".json")
    path.write_text(json.dumps(data), encoding="utf-8")
    real_mb = path.stat().st_size / 1024 / 1024
    store = Store(db)
    start, cpu = time.perf_counter(), time.process_time()
    report = import_stix(store, path)
    seconds, cpu = time.perf_counter() - start, time.process_time() - cpu
    stats = store.stats()
    store.close()
    print(f"  {len(data['objects']):,} objects, {real_mb:.1f} MB: {seconds:.1f} s ({cpu:.1f} s of CPU) "
          f"({report.entities:,} entities, {report.relationships:,} relationships, {report.documents:,} documents; "
          f"store: {stats['entities']:,} entities, {stats['ties']:,} ties)", flush=True)
    return len(data["objects"]), real_mb, seconds


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--mb", type=float, default=100.0)
    parser.add_argument("--keep", type=Path, help="also keep the large bundle here")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        print(f"STIX import, bundle of {args.mb / 4:g} MB then {args.mb:g} MB:")
        _, small_mb, small_s = run(args.mb / 4, Path(tmp) / "small.db")
        _, large_mb, large_s = run(args.mb, Path(tmp) / "large.db", args.keep)
    print(f"size x{large_mb / small_mb:.2f}, time x{large_s / small_s:.2f} (linear: about equal); "
          f"{large_mb:.0f} MB in {large_s:.1f} s ({'under' if large_s < 60 else 'OVER'} the 60 s target)")
    sys.exit(0 if large_s < 60 else 1)


if __name__ == "__main__":
    main()
