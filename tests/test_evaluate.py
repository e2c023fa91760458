"""The scorer, on hand-written gold and system rows (the pipeline is not involved)."""
from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from factionmap.cli.evaluate import evaluate as evaluate_command
from factionmap.errors import GoldFileError
from factionmap.evaluate import date_right, evaluate, load_gold, normalize_name, score


def gold(subject, relation, obj, stance="asserted", start=None, end=None, doc="a.txt"):
    return {"doc": doc, "subject": subject if isinstance(subject, list) else [subject], "relation": relation,
            "object": obj if isinstance(obj, list) else [obj], "start": start, "end": end, "stance": stance,
            "quote": "..."}


def system(subject, relation, obj, stance="asserted", start=None, end=None, doc="docs/a.txt",
           subject_aliases=(), object_aliases=()):
    return {"doc": doc, "subject": subject, "subject_aliases": list(subject_aliases), "relation": relation,
            "object": obj, "object_aliases": list(object_aliases), "start": start, "end": end,
            "stance": stance, "attribution": None, "evidence": {"text": "...", "start_char": 0, "end_char": 3}}


@pytest.mark.parametrize("a, b", [
    ("Ahrar ash-Sham", "Ahrar al-Sham"),
    ("Ansar as-Sunna", "Ansar al Sunna"),
    ("ad-Dawlah al-Islamiyah", "Al-Dawlah Al-Islāmīyah"),
    ("Jaysh al-Muhajireen wal-Ansar", "Jaysh al Muhajireen wal Ansar"),
    ("Kata’ib Shams al-Shamal", "Kataib Shams al-Shamal"),
    ("Jabhat an-Nusra", "Jabhat al-Nuṣra"),
    ("the Islamic State", "Islamic State"),
    ("Liwa ʿUmana al-Raqqa", "Liwa 'Umana ar-Raqqa"),
    ("Islamic State – Caucasus Province", "Islamic State - Caucasus Province"),
])
def test_names_fold(a, b):
    assert normalize_name(a) == normalize_name(b)


def test_names_that_differ_stay_apart():
    assert normalize_name("Islamic State") != normalize_name("Islamic Front")


def test_alias_match_on_either_side():
    g = [gold(["Islamic State – Azerbaijan Province", "IS-AP"], "part_of", ["Islamic State", "ISIS", "Daesh"])]
    # the system's canonical names differ from gold's, but an alias is shared on each side
    s = [system("ISAP group", "part_of", "Daesh", subject_aliases=["IS-AP"])]
    report = score(g, s)
    assert (report.micro.tp, report.micro.fp, report.micro.fn) == (1, 0, 0)


def test_article_folding_matches():
    report = score([gold("Ahrar ash-Sham", "ally_of", "Jabhat an-Nusra")],
                   [system("Ahrar al-Sham", "ally_of", "Jabhat al-Nusra")])
    assert report.micro.tp == 1


def test_symmetric_relations_match_in_either_order_but_directed_ones_do_not():
    g = [gold("Jabhat al-Nusra", "opposes", "Islamic State"), gold("Jund al-Aqsa", "split_from", "Jabhat al-Nusra")]
    s = [system("Islamic State", "opposes", "Jabhat al-Nusra"), system("Jabhat al-Nusra", "split_from", "Jund al-Aqsa")]
    report = score(g, s)
    assert report.per_label["opposes"].tp == 1
    assert (report.per_label["split_from"].tp, report.per_label["split_from"].fp,
            report.per_label["split_from"].fn) == (0, 1, 1)


def test_denied_is_its_own_label():
    g = [gold("YPG", "ally_of", "Islamic State", stance="denied")]
    as_fact = score(g, [system("YPG", "ally_of", "Islamic State")])
    assert as_fact.per_label["ally_of"].fp == 1 and as_fact.per_label["not:ally_of"].fn == 1
    assert as_fact.micro.tp == 0
    as_denied = score(g, [system("YPG", "ally_of", "Islamic State", stance="denied")])
    assert as_denied.per_label["not:ally_of"].tp == 1 and as_denied.stance.total == 0


def test_duplicates_are_removed_on_both_sides():
    g = [gold("Jund al-Qawqaz", "allegiance_to", "Islamic State", stance="asserted"),
         gold("Jund al-Qawqaz", "allegiance_to", "Islamic State", stance="reported")]
    s = [system("Jund al-Qawqaz", "allegiance_to", "Islamic State"),
         system("Jund al-Qawqaz", "allegiance_to", "Islamic State"),
         system("JAQ", "allegiance_to", "IS", subject_aliases=["Jund al-Qawqaz"], object_aliases=["Islamic State"])]
    report = score(g, s)
    # as the evaluation spec's scorer: rows with the same least names are one row; a row of the same tie
    # whose least names differ ("jaq" < "jund al qawqaz") is a second row, and a false positive
    assert (report.micro.tp, report.micro.fp, report.micro.fn) == (1, 1, 0)
    assert report.stance.right == 1  # the asserted gold line is the one kept


def test_matching_is_per_document():
    report = score([gold("A Brigade", "part_of", "B Front", doc="a.txt")],
                   [system("A Brigade", "part_of", "B Front", doc="b.txt")])
    assert (report.micro.tp, report.micro.fp, report.micro.fn) == (0, 1, 1)
    assert report.docs == ["a.txt", "b.txt"]


def test_docs_restrict_what_is_scored():
    report = score([gold("A Brigade", "part_of", "B Front", doc="a.txt"),
                    gold("C Brigade", "part_of", "B Front", doc="c.txt")],
                   [system("A Brigade", "part_of", "B Front", doc="a.txt")], docs=["corpus/a.txt"])
    assert (report.micro.tp, report.micro.fn) == (1, 0)


@pytest.mark.parametrize("got, want, right", [
    ("2015-06-23", "2015-06", True), ("2015-06", "2015-06", True), ("2015", "2015-06", False),
    ("2015-07", "2015-06", False), (None, "2015", False), ("2015-01-01", "2015", True),
])
def test_date_right_to_gold_precision(got, want, right):
    assert date_right(got, want) is right


def test_date_and_stance_accuracy_on_matched_pairs():
    g = [gold("IS-CP", "part_of", "Islamic State", start="2015-06", end="2021"),
         gold("Asildarov", "leader_of", "IS-CP", start="2015", stance="reported"),
         gold("Nobody", "member_of", "IS-CP", start="2016")]  # missed: its date is not scored
    s = [system("IS-CP", "part_of", "Islamic State", start="2015-06-23", end=None),
         system("Asildarov", "leader_of", "IS-CP", start="2015-06", stance="asserted")]
    report = score(g, s)
    assert (report.dates.right, report.dates.total) == (2, 3)
    assert (report.stance.right, report.stance.total) == (1, 2)
    d = report.to_dict()
    assert d["date_accuracy"] == pytest.approx(2 / 3, abs=1e-4) and d["stance_accuracy"] == 0.5


def test_micro_and_per_relation_figures():
    g = [gold("A", "part_of", "B"), gold("C", "part_of", "B"), gold("A", "opposes", "D")]
    s = [system("A", "part_of", "B"), system("A", "opposes", "D"), system("E", "opposes", "D")]
    report = score(g, s)
    m = report.micro
    assert (m.tp, m.fp, m.fn) == (2, 1, 1)
    assert m.precision == pytest.approx(2 / 3) and m.recall == pytest.approx(2 / 3)
    assert report.per_label["part_of"].recall == 0.5 and report.per_label["opposes"].precision == 0.5
    table = report.format_table()
    assert "part_of" in table and "micro P=0.667 R=0.667 F1=0.667" in table
    assert [r["subject"] for r in report.misses] == [["C"]]
    assert [r["subject"] for r in report.false_positives] == ["E"]
    assert "MISS a.txt: C | part_of | B" in report.format_errors()
    json.dumps(report.to_dict())


# --- gold files ---------------------------------------------------------------------------

def write(tmp_path, lines):
    path = tmp_path / "gold.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_load_gold_reads_rows_and_skips_blank_lines(tmp_path):
    path = write(tmp_path, [json.dumps(gold("A", "part_of", "B")), "", json.dumps(gold("A", "opposes", "C"))])
    assert len(load_gold(path)) == 2


@pytest.mark.parametrize("line, message", [
    ('{"doc": "a.txt", "subject": ["A"], ', "gold.jsonl:2: not a JSON object"),
    (json.dumps(gold("A", "funds", "B")), "gold.jsonl:2: unknown relation 'funds'"),
    (json.dumps({k: v for k, v in gold("A", "part_of", "B").items() if k != "object"}),
     "gold.jsonl:2: missing field 'object'"),
    (json.dumps(gold("A", "part_of", "B", stance="rumoured")), "gold.jsonl:2: unknown stance"),
    (json.dumps(gold("A", "part_of", "B", start="June 2015")), "gold.jsonl:2: start must be"),
    ("[1, 2]", "gold.jsonl:2: not a JSON object"),
])
def test_malformed_gold_names_file_and_line(tmp_path, line, message):
    path = write(tmp_path, [json.dumps(gold("A", "part_of", "B")), line])
    with pytest.raises(GoldFileError) as err:
        load_gold(path)
    assert message in str(err.value) and str(path) in str(err.value)


def test_evaluate_runs_an_extractor_over_documents(tmp_path, monkeypatch):
    import sys
    import types

    from factionmap.model import Document

    doc = tmp_path / "a.txt"
    doc.write_text("A is part of B.", encoding="utf-8")
    fake_ingest = types.ModuleType("factionmap.ingest")
    fake_ingest.read_file = lambda path: [Document(text=open(path, encoding="utf-8").read(), path=str(path))]
    monkeypatch.setitem(sys.modules, "factionmap.ingest", fake_ingest)
    path = write(tmp_path, [json.dumps(gold("A", "part_of", "B")), json.dumps(gold("C", "part_of", "B", doc="c.txt"))])
    seen = []

    def extractor(document, label):
        seen.append(label)
        return [system("A", "part_of", "B", doc=label)]

    report = evaluate(path, [doc], extractor=extractor)
    assert seen == [str(doc)] and (report.micro.tp, report.micro.fn) == (1, 0)


def test_cli_scores_a_system_file(tmp_path):
    path = write(tmp_path, [json.dumps(gold("A", "part_of", "B")), json.dumps(gold("C", "part_of", "B"))])
    rows = tmp_path / "system.jsonl"
    rows.write_text(json.dumps(system("A", "part_of", "B")) + "\n" + json.dumps(system("E", "opposes", "B")) + "\n")
    runner = CliRunner()
    result = runner.invoke(evaluate_command, ["--gold", str(path), "--system", str(rows), "--misses"])
    assert result.exit_code == 0, result.output
    assert "MISS a.txt: C | part_of | B" in result.output and "FALSE a.txt: E | opposes | B" in result.output
    assert "micro P=0.500 R=0.500 F1=0.500" in result.output
    result = runner.invoke(evaluate_command, ["--gold", str(path), "--system", str(rows), "--json"])
    assert json.loads(result.output)["tp"] == 1 and "misses" not in json.loads(result.output)


def test_cli_reports_malformed_gold_in_one_line(tmp_path):
    path = write(tmp_path, ['{"doc": "a.txt"}'])
    rows = tmp_path / "system.jsonl"
    rows.write_text("")
    result = CliRunner().invoke(evaluate_command, ["--gold", str(path), "--system", str(rows)])
    assert result.exit_code == 1 and "gold.jsonl:1: missing field 'subject'" in result.output
