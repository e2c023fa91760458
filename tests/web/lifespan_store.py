"""A store whose documents give founding dates, for the anachronism tests: written for these tests,
built through the real lifespan reader and Store.save_extraction (undated ties on purpose)."""
from __future__ import annotations

from pathlib import Path

from factionmap import lifespans
from factionmap.model import Assertion, Document, Entity, Evidence, Extraction, FuzzyDate, Mention, MentionType
from factionmap.store import Store

TEXTS = [
    ("Northern Front", "The Northern Front was founded in June 2015 in the hills. "
                       "The Northern Front opposes the River Brigades. The Northern Front is allied with the Hill Army."),
    ("River Brigades", "The River Brigades was founded in 2005. "
                       "In 2010 the River Brigades was allied with the Hill Army. "
                       "The River Brigades dissolved in 2019."),
    ("Hill Army", "The Hill Army was founded in 2001. The Hill Army operates in Damascus."),
]
ENTITIES = {"nf": Entity("Northern Front", "ORG", kb_id="t:nf"), "rb": Entity("River Brigades", "ORG", kb_id="t:rb"),
            "ha": Entity("Hill Army", "ORG", kb_id="t:ha"), "dm": Entity("Damascus", "PLACE", kb_id="t:dm")}
TIES = {  # title -> (subject, relation, object, start, words of the sentence)
    "Northern Front": [("nf", "opposes", "rb", None, "opposes the River"), ("nf", "ally_of", "ha", None, "is allied")],
    "River Brigades": [("rb", "ally_of", "ha", "2010", "In 2010")],
    "Hill Army": [("ha", "operates_in", "dm", None, "operates in")],
}


def build(path: Path) -> Store:
    store = Store(path)
    for title, text in TEXTS:
        doc = Document(text, title=title, published="2020-01-01", format="txt")
        used = [e for e in ENTITIES.values() if e.name in text]
        mentions = sorted((Mention(doc.id, i, i + len(e.name), MentionType(e.type.value), e.key, "gazetteer")
                           for e in used for i in _all(text, e.name)), key=lambda m: m.start)
        assertions = []
        for s, rel, o, start, words in TIES[title]:
            at = text.index(words)
            a, b = text.rfind(". ", 0, at) + 2 if text.rfind(". ", 0, at) >= 0 else 0, text.index(".", at) + 1
            assertions.append(Assertion(ENTITIES[s], rel, ENTITIES[o], "asserted",
                                        FuzzyDate.from_iso(start) if start else None, None, None,
                                        [Evidence(doc.id, a, b, "fixture", "test-1", words)]))
        x = Extraction(doc, used, mentions, assertions, "test-1")
        x.lifespans = lifespans.read(x)
        store.save_extraction(x)
    return store


def _all(text: str, name: str):
    i = text.find(name)
    while i >= 0:
        yield i
        i = text.find(name, i + 1)
