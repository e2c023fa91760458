"""A small store for the web tests, built through Store.save_extraction from hand-made extractions.

Every mention and every piece of evidence points at real text in the documents below, found by
searching for the quoted words, so offsets can never drift from the text.
"""
from __future__ import annotations

from pathlib import Path

from factionmap.model import (
    Alias, Assertion, Document, Entity, Evidence, Extraction, FuzzyDate, Mention, MentionType, Stance,
)
from factionmap.store import Store

XSS_SCRIPT = "<script>alert(1)</script>"
XSS_IMG = "<img src=x onerror=alert(1)>"

NUSRA_TEXT = """Jabhat al-Nusra

Jabhat al-Nusra was a Salafi jihadist organization that fought in the Syrian civil war. It was formed in 2012 as the Syrian branch of al-Qaeda. In April 2013 Jabhat al-Nusra pledged allegiance to al-Qaeda. Its leader was Abu Mohammad al-Julani. In July 2016 the group renamed itself Jabhat Fateh al-Sham and announced that it had ended its ties with al-Qaeda.
"""

HTS_TEXT = """Hay'at Tahrir al-Sham

Hay'at Tahrir al-Sham was formed in January 2017 when Jabhat Fateh al-Sham merged into a new coalition of Syrian factions. The Islamic State opposes Hay'at Tahrir al-Sham, and the two groups have fought each other in Idlib. Analysts reported that Jabhat Fateh al-Sham remained part of al-Qaeda after its renaming.
"""

DENIAL_TEXT = """Statement on the group's affiliation

A spokesman for Jabhat Fateh al-Sham denied that the group was part of al-Qaeda.
"""

BOKO_TEXT = """Boko Haram

In March 2015 Boko Haram pledged allegiance to the Islamic State. Boko Haram operates in Nigeria. In August 2016 the Islamic State West Africa Province split from Boko Haram.
"""

XSS_TITLE = f"{XSS_SCRIPT} Field notes {XSS_IMG}"
XSS_TEXT = f"""Field notes {XSS_SCRIPT}

The {XSS_IMG} Brigade is allied with Jabhat al-Nusra. {XSS_SCRIPT} A line with <b>markup</b> and "quotes" & ampersands.
"""
XSS_GROUP = f"{XSS_IMG} Brigade"

ENTITIES = {
    "nusra": Entity("Jabhat al-Nusra", "ORG", [Alias("al-Nusra Front")], kb_id="kb:nusra"),
    "aq": Entity("al-Qaeda", "ORG", [Alias("AQ")], kb_id="kb:aq"),
    "jfs": Entity("Jabhat Fateh al-Sham", "ORG", kb_id="kb:jfs"),
    "hts": Entity("Hay'at Tahrir al-Sham", "ORG", [Alias("HTS")], kb_id="kb:hts"),
    "is": Entity("Islamic State", "ORG", [Alias("ISIS")], kb_id="kb:is"),
    "julani": Entity("Abu Mohammad al-Julani", "PERSON", kb_id="kb:julani"),
    "boko": Entity("Boko Haram", "ORG", kb_id="kb:boko"),
    "iswap": Entity("Islamic State West Africa Province", "ORG", [Alias("ISWAP")], kb_id="kb:iswap"),
    "idlib": Entity("Idlib", "PLACE", kb_id="kb:idlib", attributes={"country": "Syria", "region": "Middle East"}),
    "nigeria": Entity("Nigeria", "PLACE", kb_id="kb:nigeria", attributes={"country": "Nigeria", "region": "West Africa"}),
    "xss": Entity(XSS_GROUP, "ORG", kb_id="kb:xss"),
}

# (key, relation, key, stance, start, end, words of the evidence sentence, attribution)
DOCS = [
    (dict(title="Jabhat al-Nusra", publisher="Encyclopedia A", published="2017-01-15", source_kind="encyclopedia"),
     NUSRA_TEXT, [
         ("nusra", "part_of", "aq", "asserted", "2012", "2016-07", "It was formed in 2012", None),
         ("nusra", "allegiance_to", "aq", "asserted", "2013-04", "2016-07", "In April 2013 Jabhat", None),
         ("julani", "leader_of", "nusra", "asserted", None, None, "Its leader was", None),
         ("jfs", "successor_of", "nusra", "asserted", "2016-07", None, "In July 2016", None),
     ]),
    (dict(title="Hay'at Tahrir al-Sham", publisher="Encyclopedia B", published="2019-03-01", source_kind="encyclopedia"),
     HTS_TEXT, [
         ("jfs", "merged_into", "hts", "asserted", "2017-01", None, "formed in January 2017", None),
         ("is", "opposes", "hts", "asserted", "2017", None, "The Islamic State opposes", None),
         ("hts", "operates_in", "idlib", "asserted", "2017", None, "The Islamic State opposes", None),
         ("jfs", "part_of", "aq", "reported", "2016-07", None, "Analysts reported", "analysts"),
     ]),
    (dict(title="Statement on the group's affiliation", publisher="News C", published="2016-08-01", source_kind="statement"),
     DENIAL_TEXT, [
         ("jfs", "part_of", "aq", "denied", None, None, "A spokesman", "a spokesman for Jabhat Fateh al-Sham"),
     ]),
    (dict(title="Boko Haram", publisher="Encyclopedia A", published="2018-05-01", source_kind="encyclopedia"),
     BOKO_TEXT, [
         ("boko", "allegiance_to", "is", "asserted", "2015-03", None, "In March 2015", None),
         ("boko", "operates_in", "nigeria", "asserted", None, None, "Boko Haram operates", None),
         ("iswap", "split_from", "boko", "asserted", "2016-08", None, "In August 2016", None),
     ]),
    (dict(title=XSS_TITLE, publisher="Blog D", published="2015-06-01", source_kind="analysis"),
     XSS_TEXT, [
         ("xss", "ally_of", "nusra", "asserted", "2014", None, "Brigade is allied", None),
     ]),
]


def _sentence(text: str, words: str) -> tuple[int, int]:
    """The offsets of the sentence holding `words` (sentences end at '. ' or a newline)."""
    at = text.index(words)
    start = max(text.rfind(". ", 0, at) + 2 if text.rfind(". ", 0, at) >= 0 else 0, text.rfind("\n", 0, at) + 1)
    end = text.find(".", at)
    return start, (end + 1 if end >= 0 else len(text))


def _mentions(doc: Document, entities: list[Entity]) -> list[Mention]:
    out = []
    for e in entities:
        for name in e.names:
            i = doc.text.find(name)
            while i >= 0:
                out.append(Mention(doc.id, i, i + len(name), MentionType(e.type.value), e.key, "gazetteer"))
                i = doc.text.find(name, i + len(name))
    return sorted(out, key=lambda m: (m.start, -m.end))


def _date(iso: str | None) -> FuzzyDate | None:
    return FuzzyDate.from_iso(iso) if iso else None


def build_fixture_store(path: Path, version: str = "test-1") -> Store:
    """The store (again, over an existing one: `version` a new extractor version re-extracts it)."""
    store = Store(path)
    for meta, text, rows in DOCS:
        doc = Document(text, **meta, format="txt", path=f"fixtures/{meta['title'][:20]}.txt")
        used = {k for r in rows for k in (r[0], r[2])}
        entities = [ENTITIES[k] for k in sorted(used)]
        assertions = []
        for s, rel, o, stance, start, end, words, attribution in rows:
            a, b = _sentence(text, words)
            ev = Evidence(doc.id, a, b, "fixture", version, words)
            assertions.append(Assertion(ENTITIES[s], rel, ENTITIES[o], Stance(stance), _date(start), _date(end),
                                        attribution, [ev]))
        store.save_extraction(Extraction(doc, entities, _mentions(doc, entities), assertions, version))
    return store


if __name__ == "__main__":  # python -m tests.web.fixture_store out.db
    import sys

    print(build_fixture_store(Path(sys.argv[1])).stats())
