"""A store for the profile and search tests: a group, its province (a name with an en dash), a leader
of the whole group and a governor of the province whose tie names the whole group, and aliases with
diacritics and the Arabic article. Written for these tests, built through Store.save_extraction."""
from __future__ import annotations

from pathlib import Path

from factionmap.model import Alias, Assertion, Document, Entity, Evidence, Extraction
from factionmap.store import Store

from .fixture_store import _date, _mentions, _sentence

TEXT = """Coastal Movement

The Coastal Movement is an armed group active along the southern coast. It was formed by fishing cooperatives in 2004. Yusuf Karim has led the Coastal Movement since 2011. Omar Said led the Coastal Movement in the Delta Province as its governor. The Coastal Movement – Delta Province has been part of the Coastal Movement since 2014. Most of its members are volunteers from nearby towns.
"""

ENTITIES = {
    "cm": Entity("Coastal Movement", "ORG", [Alias("Ḥarakat al-Sāḥil")], kb_id="t:cm"),
    "dp": Entity("Coastal Movement – Delta Province", "ORG", [Alias("CM-DP")], kb_id="t:dp"),
    "yk": Entity("Yusuf Karim", "PERSON", kb_id="t:yk"),
    "os": Entity("Omar Said", "PERSON", kb_id="t:os"),
}
TIES = [  # (subject, relation, object, start, words of the sentence)
    ("yk", "leader_of", "cm", "2011", "Yusuf Karim has led"),
    ("os", "leader_of", "cm", None, "Omar Said led"),
    ("dp", "part_of", "cm", "2014", "Delta Province has been part"),
]


def build(path: Path) -> Store:
    store = Store(path)
    doc = Document(TEXT, title="Coastal Movement", publisher="Encyclopedia E", published="2020-02-01", format="txt")
    used = list(ENTITIES.values())
    assertions = []
    for s, rel, o, start, words in TIES:
        a, b = _sentence(TEXT, words)
        assertions.append(Assertion(ENTITIES[s], rel, ENTITIES[o], "asserted", _date(start), None, None,
                                    [Evidence(doc.id, a, b, "fixture", "test-1", words)]))
    store.save_extraction(Extraction(doc, used, _mentions(doc, used), assertions, "test-1"))
    return store
