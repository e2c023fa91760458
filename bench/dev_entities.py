"""Cross-document entity resolution on the development set: one entity per gold entity, no fusions.

Build the store first:  factionmap build ../shared/eval/dev/docs --db /tmp/dev.db
Then:                   python bench/dev_entities.py --db /tmp/dev.db [--gold ../shared/eval/dev/gold.jsonl]

A gold entity is the union of the alias lists whose canonical names (the first of each list) fold
alike or appear in each other's lists.
Each document entity the extractor found is matched to the gold entity of that document whose alias
list holds its name (else one of its aliases). The script prints how many gold entities named in two
or more documents resolve to a single store entity, how many are split across several, and how many
store entities gather two or more distinct gold entities (fused), with the names, plus the contested
ties of the store.
"""
from __future__ import annotations

import argparse
import json
from collections import defaultdict
from pathlib import Path

from sqlalchemy import select

from factionmap.graph import Graph
from factionmap.namefold import fold
from factionmap.store import Store
from factionmap.store import schema as t

DEFAULT_GOLD = Path(__file__).resolve().parents[2] / "shared" / "eval" / "dev" / "gold.jsonl"


def gold_entities(path: Path) -> tuple[dict[str, set[str]], dict[str, set[str]]]:
    """Canonical name -> folded aliases, and canonical name -> documents it appears in (by gold)."""
    lists: list[tuple[str, set[str], str]] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip():
            row = json.loads(line)
            for side in (row["subject"], row["object"]):
                lists.append((side[0], {fold(n) for n in side if fold(n)}, Path(row["doc"]).name))
    # one gold entity: lists whose canonical names fold alike, or where one list names the other's canonical
    parent: dict[str, str] = {}

    def find(k: str) -> str:
        while parent.setdefault(k, k) != k:
            k = parent[k]
        return k

    for canon, names, _doc in lists:
        for other, other_names, _d in lists:
            if fold(other) in names or fold(canon) in other_names:
                parent[find(fold(other))] = find(fold(canon))
    aliases: dict[str, set[str]] = defaultdict(set)
    docs: dict[str, set[str]] = defaultdict(set)
    label: dict[str, str] = {}
    for canon, names, doc in lists:
        key = label.setdefault(find(fold(canon)), canon)
        aliases[key] |= names
        docs[key].add(doc)
    return aliases, docs


def match(store: Store, aliases, docs):
    """(gold entity, store entity) pairs, document by document."""
    query = (
        select(t.doc_entities.c.name, t.doc_entities.c.aliases, t.documents.c.path,
               t.entity_members.c.entity_id, t.entities.c.name.label("entity"))
        .join(t.documents, t.documents.c.id == t.doc_entities.c.doc_id)
        .join(t.entity_members, t.entity_members.c.doc_entity_id == t.doc_entities.c.id)
        .join(t.entities, t.entities.c.id == t.entity_members.c.entity_id)
    )
    by_doc: dict[str, list[str]] = defaultdict(list)
    for canon, ds in docs.items():
        for d in ds:
            by_doc[d].append(canon)
    pairs = []
    with store.engine.connect() as conn:
        for r in conn.execute(query).mappings():
            doc = Path(r["path"] or "").name
            names = [fold(r["name"]), *(fold(a["name"]) for a in r["aliases"] or [])]
            for n in names:
                hits = [g for g in by_doc.get(doc, []) if n in aliases[g]]
                if len(hits) == 1:
                    pairs.append((hits[0], r["entity_id"], r["entity"], doc))
                    break
    return pairs


def report(db: str, gold: Path) -> dict:
    store = Store(db, create=False)
    aliases, docs = gold_entities(gold)
    pairs = match(store, aliases, docs)
    entities_of: dict[str, set[int]] = defaultdict(set)
    docs_found: dict[str, set[str]] = defaultdict(set)
    golds_of: dict[int, set[str]] = defaultdict(set)
    names: dict[int, str] = {}
    for g, eid, ename, doc in pairs:
        entities_of[g].add(eid)
        docs_found[g].add(doc)
        golds_of[eid].add(g)
        names[eid] = ename
    multi = [g for g, ds in docs.items() if len(ds) >= 2]
    found_multi = [g for g in multi if len(docs_found[g]) >= 2]
    single = [g for g in found_multi if len(entities_of[g]) == 1]
    split = {g: sorted(names[e] for e in entities_of[g]) for g in found_multi if len(entities_of[g]) > 1}
    fused = {names[e]: sorted(gs) for e, gs in golds_of.items() if len(gs) > 1}
    contested = [f"{x.subject.name} {x.relation} {x.object.name}" for x in Graph(store).contested()]
    return {
        "gold_entities": len(docs), "gold_in_2plus_docs": len(multi),
        "found_in_2plus_docs": len(found_multi), "resolved_to_one_entity": len(single),
        "split_across_entities": split, "store_entities_fusing_gold_entities": fused,
        "not_found_in_2_docs": sorted(set(multi) - set(found_multi)), "contested_ties": contested,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", default="/tmp/dev.db")
    parser.add_argument("--gold", type=Path, default=DEFAULT_GOLD)
    args = parser.parse_args()
    out = report(args.db, args.gold)
    print(json.dumps(out, ensure_ascii=False, indent=2))


if __name__ == "__main__":
    main()
