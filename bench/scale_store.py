"""A large synthetic store written with set-based SQL: 100,000 entities and 1,000,000 assertions in minutes.

    from scale_store import fill
    fill(Store(url), entities=100_000, assertions=1_000_000)

Every table is filled by `INSERT ... SELECT` over a table of numbers (PostgreSQL's generate_series,
SQLite's recursive CTE), with a fixed integer hash standing for chance, so the same sizes give the same
store on both databases. Nothing is extracted and nothing goes through Python row by row.

The shape: a few hubs (fronts each named in about one document in ten), armed groups in
communities of 40 that documents talk about together (with a few links beyond), persons leading or
belonging to them, provinces and places they operate in; lineage (splits, successions, mergers) rare
and never of a hub; documents of 100 assertions each, with 20
document entities, dated assertions (70 %, a fifth of them with an end), stances (asserted, reported,
a few denied), confidences and one evidence sentence per assertion cut from the document's text.
Ties are aggregated in SQL with the aggregator's rules for status, dates (earliest start, latest end
of the evidence that does not deny) and symmetric ends; grades are a plain function of the counts.
"""
from __future__ import annotations

import datetime as dt

from sqlalchemy import text

PER_DOC = 100  # assertions per document
CAST = 20  # document entities per document: k 0-1 hubs, 2-13 groups, 14-16 persons, 17-19 places
HUBS = 20
COMMUNITY = 40
SENTENCE = "Group A stood with Group B from 2010 in Place C. "  # 50 characters
# ORG-ORG relations by a hash of the pair (per 100): alliances and rivalries most, lineage rare
ORG_RELATIONS = [("ally_of", 31), ("opposes", 25), ("allegiance_to", 15), ("part_of", 15), ("defected_to", 10),
                 ("split_from", 2), ("successor_of", 1), ("merged_into", 1)]
HUB_RELATIONS = [("allegiance_to", 35), ("ally_of", 25), ("opposes", 25), ("part_of", 15)]  # hubs split from no one
SYMMETRIC = ("ally_of", "opposes")


def _mix(expr: str, salt: int) -> str:
    """A fixed integer hash of a non-negative integer expression below 2**31, in SQL both databases run."""
    return f"((({expr}) * 2654435761 + {salt} * 40503) % 2147483647)"


def _sizes(entities: int) -> dict[str, int]:
    orgs = int(entities * 0.6) - HUBS
    persons = int(entities * 0.25)
    places = entities - HUBS - orgs - persons
    return {"hub_lo": 1, "org_lo": HUBS + 1, "orgs": orgs, "per_lo": HUBS + orgs + 1, "persons": persons,
            "loc_lo": HUBS + orgs + persons + 1, "provinces": max(1, min(300, places // 4)), "places": places}


def fill(store, entities: int = 100_000, assertions: int = 1_000_000, *, aggregate_in_python: bool = False,
         log=print) -> dict[str, int]:
    """Fill an empty store; returns its row counts. `aggregate_in_python`: make the ties with the
    package's own aggregator (graph.aggregate.refresh, exact grades and supersession; slow beyond
    a few tens of thousands of assertions) instead of the SQL above."""
    import time

    eng = store.engine
    pg = eng.dialect.name == "postgresql"
    n = _sizes(entities)
    docs = max(1, assertions // PER_DOC)
    assertions = docs * PER_DOC
    js = "'{}'::json" if pg else "'{}'"
    jl = "'[]'::json" if pg else "'[]'"
    cat = "||"
    now = dt.datetime.now(dt.timezone.utc).isoformat()
    big = max(entities, assertions, docs * CAST)
    steps: list[tuple[str, str]] = []
    if pg:
        steps.append(("numbers", f"CREATE TEMP TABLE nums AS SELECT g AS n FROM generate_series(0, {big}) g"))
    else:
        steps.append(("numbers", f"CREATE TEMP TABLE nums AS WITH RECURSIVE c(n) AS (SELECT 0 UNION ALL "
                                 f"SELECT n + 1 FROM c WHERE n < {big}) SELECT n FROM c"))
    steps.append(("numbers index", "CREATE UNIQUE INDEX nums_n ON nums (n)"))
    kinds = (f"CASE WHEN n < {n['org_lo']} THEN 'armed_group' WHEN n < {n['per_lo']} THEN "
             f"(CASE WHEN n % 10 = 0 THEN 'party' ELSE 'armed_group' END) "
             f"WHEN n < {n['loc_lo']} THEN 'person' ELSE 'place' END")
    steps.append(("entities", f"""
        INSERT INTO entities (id, name, type, kind, kb_id, attributes)
        SELECT n,
          CASE WHEN n < {n['org_lo']} THEN 'Front ' WHEN n < {n['per_lo']} THEN 'Group '
               WHEN n < {n['loc_lo']} THEN 'Person ' WHEN n < {n['loc_lo'] + n['provinces']} THEN 'Province '
               ELSE 'Place ' END {cat} n,
          CASE WHEN n < {n['per_lo']} THEN 'ORG' WHEN n < {n['loc_lo']} THEN 'PERSON' ELSE 'PLACE' END,
          {kinds}, NULL, {js}
        FROM nums WHERE n BETWEEN 1 AND {entities}"""))
    steps.append(("aliases", """
        INSERT INTO aliases (entity_id, name, norm, doc_id, source)
        SELECT id, name, lower(name), NULL, 'text' FROM entities"""))
    year = f"(2000 + {_mix('n', 11)} % 24)"
    if pg:
        body = f"repeat('{SENTENCE}', {PER_DOC})"
    else:
        body = f"replace(hex(zeroblob({PER_DOC})), '00', '{SENTENCE}')"
    steps.append(("documents", f"""
        INSERT INTO documents (id, path, format, title, publisher, published, language, source_kind, text,
                               sections, infobox, ingested_at, extractor_version)
        SELECT 'doc' {cat} n, 'doc' {cat} n {cat} '.txt', 'txt', 'Report ' {cat} n, 'Outlet ' {cat} (n % 300),
               CAST({year} AS TEXT), 'en', 'news', {body}, {jl}, {jl}, '{now}', 'bench'
        FROM nums WHERE n < {docs}"""))
    # the cast of document d: document entity d * 20 + k + 1 for k in 0..19, each a distinct entity
    d, k = f"(n / {CAST})", f"(n % {CAST})"
    community = f"({_mix(d, 1)} % {max(1, n['orgs'] // COMMUNITY)})"
    pcomm = f"({_mix(d, 1)} % {max(1, n['persons'] // 10)})"
    lcomm = f"({_mix(d, 1)} % {max(1, (n['places'] - n['provinces']) // 20)})"
    entity = f"""CASE
        WHEN {k} < 2 THEN 1 + {k} * {HUBS // 2} + {_mix('n', 2)} % {HUBS // 2}
        WHEN {k} = 13 THEN {n['org_lo']} + {_mix('n', 3)} % {n['orgs']}
        WHEN {k} < 13 THEN {n['org_lo']} + ({community} * {COMMUNITY} + ({k} - 2) * 3 + {_mix('n', 3)} % 3) % {n['orgs']}
        WHEN {k} < 17 THEN {n['per_lo']} + ({pcomm} * 10 + ({k} - 14) * 3 + {_mix('n', 4)} % 3) % {n['persons']}
        WHEN {k} = 17 THEN {n['loc_lo']} + {_mix('n', 5)} % {n['provinces']}
        ELSE {n['loc_lo']} + {n['provinces']} + ({lcomm} * 20 + ({k} - 18) * 10 + {_mix('n', 5)} % 10) % {n['places'] - n['provinces']}
        END"""
    steps.append(("cast", f"CREATE TEMP TABLE cast_ AS SELECT n + 1 AS de, {d} AS doc, {k} AS k, {entity} AS e "
                          f"FROM nums WHERE n < {docs * CAST}"))
    steps.append(("cast index", "CREATE UNIQUE INDEX cast_de ON cast_ (de)"))
    steps.append(("doc_entities", f"""
        INSERT INTO doc_entities (id, doc_id, key, name, type, kind, kb_id, aliases, attributes)
        SELECT c.de, 'doc' {cat} c.doc, 'e' {cat} c.k, e.name, e.type, e.kind, NULL, {jl}, {js}
        FROM cast_ c JOIN entities e ON e.id = c.e"""))
    steps.append(("entity_members", "INSERT INTO entity_members (doc_entity_id, entity_id, reason) "
                                    "SELECT de, e, 'synthetic' FROM cast_"))
    # assertion n (0-based) sits in document n / 100, sentence n % 100; its shape by a hash of n
    a_doc, shape = f"(n / {PER_DOC})", f"({_mix('n', 6)} % 100)"
    s_k = f"""CASE WHEN {shape} < 80 THEN {_mix('n', 7)} % 14
                   WHEN {shape} < 90 THEN 14 + {_mix('n', 7)} % 3 ELSE {_mix('n', 7)} % 14 END"""
    o_k = f"""CASE WHEN {shape} < 80 THEN ({_mix('n', 7)} % 14 + 1 + {_mix('n', 8)} % 13) % 14
                   WHEN {shape} < 90 THEN {_mix('n', 8)} % 14 ELSE 17 + {_mix('n', 8)} % 3 END"""
    steps.append(("assertion plan", f"""
        CREATE TEMP TABLE plan_ AS
        SELECT n + 1 AS id, {a_doc} AS doc, n % {PER_DOC} AS j, {shape} AS shape,
               {a_doc} * {CAST} + {s_k} + 1 AS s_de, {a_doc} * {CAST} + {o_k} + 1 AS o_de,
               {_mix('n', 9)} % 100 AS stance_h, {_mix('n', 10)} % 100 AS date_h,
               1990 + {_mix('n', 12)} % 31 AS yr, {_mix('n', 13)} % 1000 AS conf_h
        FROM nums WHERE n < {assertions}"""))
    def shares(table: list[tuple[str, int]]) -> list[str]:
        out, lo = [], 0
        for rel, share in table:
            out.append(f"WHEN h < {lo + share} THEN '{rel}'")
            lo += share
        return out
    bounds, hub_bounds = shares(ORG_RELATIONS), shares(HUB_RELATIONS)
    relation = f"""CASE WHEN p.shape >= 90 THEN 'operates_in'
        WHEN p.shape >= 80 THEN (CASE WHEN (p.se_e + p.oe_e) % 5 = 0 THEN 'leader_of' ELSE 'member_of' END)
        WHEN p.se_e <= {HUBS} OR p.oe_e <= {HUBS} THEN (CASE {' '.join(hub_bounds)} ELSE 'ally_of' END)
        ELSE (CASE {' '.join(bounds)} ELSE 'ally_of' END) END"""
    pair_hash = ("((CASE WHEN se.e < oe.e THEN se.e ELSE oe.e END) * 7 "
                 "+ (CASE WHEN se.e < oe.e THEN oe.e ELSE se.e END) * 13) % 100")
    date = ["CASE WHEN p.date_h < 70 THEN CAST(p.yr AS TEXT) END",
            f"CASE WHEN p.date_h < 70 THEN CAST(p.yr AS TEXT) {cat} '-01-01' END",
            f"CASE WHEN p.date_h < 70 THEN CAST(p.yr AS TEXT) {cat} '-12-31' END",
            "CASE WHEN p.date_h < 70 THEN CAST(p.yr AS TEXT) END",
            "CASE WHEN p.date_h < 14 THEN CAST(p.yr + 3 AS TEXT) END",
            f"CASE WHEN p.date_h < 14 THEN CAST(p.yr + 3 AS TEXT) {cat} '-01-01' END",
            f"CASE WHEN p.date_h < 14 THEN CAST(p.yr + 3 AS TEXT) {cat} '-12-31' END",
            "CASE WHEN p.date_h < 14 THEN CAST(p.yr + 3 AS TEXT) END"]
    steps.append(("assertions", f"""
        INSERT INTO assertions (id, doc_id, subject_id, relation, object_id, stance, attribution, confidence,
            start_iso, start_earliest, start_latest, start_text, end_iso, end_earliest, end_latest, end_text)
        SELECT p.id, 'doc' {cat} p.doc, p.s_de, {relation}, p.o_de,
               CASE WHEN p.stance_h < 77 THEN 'asserted' WHEN p.stance_h < 98 THEN 'reported' ELSE 'denied' END,
               NULL, 0.5 + p.conf_h / 2000.0, {', '.join(date)}
        FROM (SELECT plan_.*, se.e AS se_e, oe.e AS oe_e, {pair_hash} AS h
              FROM plan_ JOIN cast_ se ON se.de = plan_.s_de JOIN cast_ oe ON oe.de = plan_.o_de) p"""))
    sl = len(SENTENCE)
    steps.append(("evidence", f"""
        INSERT INTO evidence (assertion_id, doc_id, start_char, end_char, extractor, extractor_version, trigger,
                              fingerprint, quote)
        SELECT id, 'doc' {cat} doc, j * {sl}, j * {sl} + {sl - 1}, 'synthetic', 'bench', '', 'f' {cat} id,
               '{SENTENCE[:sl - 1]}' FROM plan_"""))
    keyed = f"""SELECT a.id, a.relation, a.stance,
               CASE WHEN a.relation IN {SYMMETRIC} AND om.entity_id < sm.entity_id THEN om.entity_id
                    ELSE sm.entity_id END AS s,
               CASE WHEN a.relation IN {SYMMETRIC} AND om.entity_id < sm.entity_id THEN sm.entity_id
                    ELSE om.entity_id END AS o,
               CASE WHEN a.stance <> 'denied' THEN a.start_earliest END AS se,
               CASE WHEN a.stance <> 'denied' THEN a.start_iso END AS si,
               CASE WHEN a.stance <> 'denied' THEN a.end_latest END AS el,
               CASE WHEN a.stance <> 'denied' THEN a.end_iso END AS ei,
               a.start_earliest AS all_se, a.start_iso AS all_si, a.end_latest AS all_el, a.end_iso AS all_ei
        FROM assertions a JOIN entity_members sm ON sm.doc_entity_id = a.subject_id
             JOIN entity_members om ON om.doc_entity_id = a.object_id"""
    steps.append(("keyed", f"CREATE TEMP TABLE keyed_ AS {keyed}"))
    grade = ("CASE WHEN count(*) >= 8 THEN 'C2' WHEN count(*) >= 3 THEN 'C3' ELSE 'F6' END")
    denied = "sum(CASE WHEN stance = 'denied' THEN 1 ELSE 0 END)"
    conf = "(CASE WHEN count(*) > 9 THEN 90 ELSE 40 + 5 * count(*) END)"

    def dated(agg: str, column: str) -> str:  # dates from the evidence that does not deny, if any
        return f"(CASE WHEN {denied} = count(*) THEN {agg}(all_{column}) ELSE {agg}({column}) END)"
    si, se, ei, el = dated("min", "si"), dated("min", "se"), dated("max", "ei"), dated("max", "el")
    steps.append(("ties", f"""
        INSERT INTO ties (subject_id, relation, object_id, status, confidence, grade, evidence_count,
            independent_count, start_iso, start_earliest, start_latest, start_text, end_iso, end_earliest,
            end_latest, end_text, score)
        SELECT s, relation, o,
               CASE WHEN {denied} = count(*) THEN 'denied' WHEN {denied} > 0 THEN 'contested' ELSE 'supported' END,
               {conf}, {grade}, count(*), count(*),
               {si}, {se}, CASE WHEN {si} IS NULL THEN NULL ELSE {si} {cat} '-12-31' END, {si},
               {ei}, CASE WHEN {ei} IS NULL THEN NULL ELSE {ei} {cat} '-01-01' END, {el}, {ei},
               {conf} / 100.0
        FROM keyed_ WHERE s <> o GROUP BY s, relation, o"""))
    steps.append(("tie_assertions", """
        INSERT INTO tie_assertions (tie_id, assertion_id)
        SELECT t.id, k.id FROM keyed_ k JOIN ties t ON t.subject_id = k.s AND t.relation = k.relation
                                                  AND t.object_id = k.o"""))
    if aggregate_in_python:
        steps = [s for s in steps if s[0] not in ("keyed", "ties", "tie_assertions")]
    for temp in (("plan_", "cast_", "nums") if aggregate_in_python else ("keyed_", "plan_", "cast_", "nums")):
        steps.append((f"drop {temp}", f"DROP TABLE {temp}"))
    with eng.begin() as conn:
        for label, sql in steps:
            start = time.perf_counter()
            conn.execute(text(sql))
            log(f"  {label:<16} {time.perf_counter() - start:6.1f} s")
        if not aggregate_in_python:  # what every write of ties keeps (graph.cited, graph.degrees): the map reads them
            from factionmap.graph import cited, degrees

            start = time.perf_counter()
            cited.refresh(conn, None)  # first, as the writers do: group_spans reads top_confidence
            log(f"  {'citation counts':<16} {time.perf_counter() - start:6.1f} s")
            start = time.perf_counter()
            degrees.refresh(conn, None)
            log(f"  {'entity_degrees':<16} {time.perf_counter() - start:6.1f} s")
        if pg:  # ids given explicitly: move the sequences past them
            for table in ("entities", "doc_entities", "assertions"):
                conn.execute(text(f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), "
                                  f"(SELECT coalesce(max(id), 1) FROM {table}))"))
    if aggregate_in_python:
        from factionmap.graph import aggregate

        with store.transaction() as conn:
            aggregate.refresh(conn, None)
    with eng.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
        conn.execute(text("VACUUM (ANALYZE)" if pg else "ANALYZE"))  # as a build's set-based aggregation ends
    with eng.connect() as conn:
        return {table: conn.execute(text(f"SELECT count(*) FROM {table}")).scalar_one()
                for table in ("entities", "documents", "doc_entities", "assertions", "evidence", "ties")}
