"""The export tests' small fixture store built through the real path: documents, entities and assertions whose
evidence offsets point at real sentences, written with Store.save_extraction."""
from __future__ import annotations

import datetime as dt
from pathlib import Path

from factionmap.model import (Alias, Assertion, Document, Entity, EntityType, Evidence, Extraction,
                              FuzzyDate, SourceKind, Stance)
from factionmap.store import Store

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "export"
DOCS = FIXTURES / "docs"
CLOCK = dt.datetime(2024, 1, 31, 12, 0, tzinfo=dt.timezone.utc)  # the frozen clock of golden files
VERSION = "fixture-1"


def _sentence(doc: Document, begins: str) -> tuple[int, int]:
    """Offsets of the sentence of `doc` that begins with `begins` (up to and with its full stop)."""
    start = doc.text.index(begins)
    return start, doc.text.index(".", start + len(begins)) + 1


def _assert(doc, subject, relation, obj, begins, trigger, *, stance=Stance.ASSERTED, start=None, end=None,
            attribution=None) -> Assertion:
    s, e = _sentence(doc, begins)
    return Assertion(subject, relation, obj, stance, start, end, attribution,
                     [Evidence(doc.id, s, e, f"fixture:{relation}", VERSION, trigger)])


def _entities() -> dict[str, Entity]:
    ORG, PERSON, PLACE = EntityType.ORG, EntityType.PERSON, EntityType.PLACE
    return {
        "iscp": Entity("Islamic State – Caucasus Province", ORG, [Alias("Wilayat al-Qawqaz"), Alias("IS-CP", source="acronym")],
                       kb_id="is-caucasus"),
        "is": Entity("Islamic State", ORG, kb_id="islamic-state"),
        "ce": Entity("Caucasus Emirate", ORG, kb_id="caucasus-emirate"),
        "asildarov": Entity("Rustam Asildarov", PERSON, [Alias("Asildarov")]),
        "baghdadi": Entity("Abu Bakr al-Baghdadi", PERSON, kb_id="abu-bakr-al-baghdadi"),
        "dagestan": Entity("Dagestan", PLACE, kb_id="dagestan", attributes={"country": "RU"}),
        "russia": Entity("Russia", PLACE, kb_id="russia"),
        "us": Entity("United States", ORG, kb_id="united-states"),
    }


def province_extraction() -> Extraction:
    doc = Document((DOCS / "caucasus-province.txt").read_text(encoding="utf-8"), title="Islamic State – Caucasus Province",
                   publisher="Example Encyclopedia", published="2016-01-10", url="https://example.org/wiki/is-caucasus",
                   source_kind=SourceKind.ENCYCLOPEDIA, path="caucasus-province.txt", format="txt")
    e = _entities()
    d = FuzzyDate.from_iso
    assertions = [
        _assert(doc, e["iscp"], "part_of", e["is"], "The Islamic State – Caucasus Province", "a branch of",
                start=d("2015-06-23", "23 June 2015")),
        _assert(doc, e["asildarov"], "member_of", e["ce"], "Rustam Asildarov", "a commander of"),
        _assert(doc, e["asildarov"], "allegiance_to", e["baghdadi"], "Rustam Asildarov", "pledged allegiance",
                start=d("2014-12", "December 2014")),
        _assert(doc, e["asildarov"], "leader_of", e["iscp"], "He became the leader", "became the leader",
                start=d("2015-06", "June 2015")),
        _assert(doc, e["iscp"], "split_from", e["ce"], "The province broke away", "broke away from",
                start=d("2015", "2015")),
        _assert(doc, e["iscp"], "operates_in", e["dagestan"], "The group operates in", "operates in"),
        _assert(doc, e["iscp"], "operates_in", e["russia"], "The group operates in", "operates in"),
        _assert(doc, e["iscp"], "opposes", e["ce"], "It has clashed", "clashed with",
                start=FuzzyDate(dt.date(2015, 9, 1), dt.date(2015, 12, 31), "2015", "late 2015")),
        _assert(doc, e["iscp"], "designated_by", e["us"], "The United States designated", "designated",
                start=d("2015-09", "September 2015")),
    ]
    return Extraction(doc, list(e.values()), [], assertions, VERSION)


def denial_extraction() -> Extraction:
    doc = Document((DOCS / "spokesman-denial.txt").read_text(encoding="utf-8"), title="Emirate spokesman denies split",
                   author="A. Reporter", publisher="Example News", published="2016-03-02",
                   source_kind=SourceKind.NEWS, path="spokesman-denial.txt", format="txt")
    e = _entities()
    assertions = [
        _assert(doc, e["iscp"], "split_from", e["ce"], "A spokesman for", "denied", stance=Stance.DENIED,
                attribution="a spokesman for the Caucasus Emirate"),
        _assert(doc, e["ce"], "ally_of", e["is"], "Officials in Moscow", "allied with", stance=Stance.REPORTED,
                attribution="Officials in Moscow", end=FuzzyDate.from_iso("2014", "until 2014")),
        _assert(doc, e["asildarov"], "leader_of", e["iscp"], "Asildarov led", "led",
                end=FuzzyDate.from_iso("2016-12", "December 2016")),
    ]
    ents = [e["iscp"], e["ce"], e["is"], e["asildarov"]]
    return Extraction(doc, ents, [], assertions, VERSION)


def build_fixture_store(path: Path) -> Store:
    store = Store(path)
    store.save_extraction(province_extraction())
    store.save_extraction(denial_extraction())
    return store

