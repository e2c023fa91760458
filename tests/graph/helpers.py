"""Small multi-document fixtures for the graph tests, built through the real store path."""
from __future__ import annotations

from factionmap.model import Alias, Assertion, Document, Entity, Evidence, Extraction, FuzzyDate


def ent(name: str, type_: str = "ORG", aliases: tuple[str, ...] = (), kb: str | None = None) -> Entity:
    return Entity(name, type_, [Alias(a, source="text") for a in aliases], kb_id=kb)


def doc(text: str, title: str, *, publisher: str | None = None, author: str | None = None,
        published: str | None = "2020-01-01") -> Document:
    return Document(text=text, title=title, publisher=publisher, author=author, published=published,
                    path=f"{title}.txt", format="txt")


def claim(d: Document, subject: Entity, relation: str, obj: Entity, words: str, *, stance: str = "asserted",
          start: str | None = None, end: str | None = None) -> Assertion:
    """An assertion whose evidence is the sentence of `d` holding `words`."""
    at = d.text.index(words)
    s = d.text.rfind(".", 0, at) + 1
    e = d.text.find(".", at + len(words))
    e = len(d.text) if e < 0 else e + 1
    while d.text[s] == " ":
        s += 1
    return Assertion(subject, relation, obj, stance=stance,
                     start=FuzzyDate.from_iso(start) if start else None,
                     end=FuzzyDate.from_iso(end) if end else None,
                     evidence=[Evidence(d.id, s, e, "test", "t1", words)])


def save(store, d: Document, assertions: list[Assertion], entities: list[Entity] = (), version: str = "t1") -> None:
    store.save_extraction(Extraction(d, list(entities), [], assertions, version))
