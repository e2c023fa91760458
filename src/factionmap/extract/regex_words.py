"""The words a regular expression cannot match without: a cheap test before the search.

`required_words(pattern)` reads a compiled pattern's syntax tree and returns words (lower-case ASCII
strings) such that any text the pattern matches holds at least one of them, or None when it finds no
such set. `word_text(text)` is the text those words are looked for in (lower case, with the few
non-ASCII letters that a case-insensitive pattern takes for an ASCII one written as that letter), so

    pattern.search(text) is not None  implies  any(w in word_text(text) for w in required_words(pattern))

and a frame whose words are all absent from a sentence need not be searched there: the frames' output
is the same, only faster (issue #9). The reading is conservative: anything it does not know (a
character class, a back-reference, a non-ASCII letter) counts as matching any text, and what a
lookaround looks at is not counted on.
"""
from __future__ import annotations

import re
from collections.abc import Iterable
from re import _constants as C  # type: ignore[attr-defined]
from re import _parser as P  # type: ignore[attr-defined]

MAX_EXACT = 64  # the most alternative strings a node is read as exactly (beyond, only what it requires)
# letters outside ASCII that a case-insensitive ASCII letter matches ("ı" and "İ" for i, "ſ" for s, the
# Kelvin sign for k): written as that letter before looking (checked for every code point in the tests)
_TWINS = {"\u0130": "i", "\u0131": "i", "\u017f": "s", "\u212a": "k"}
_ASCII_TWINS = str.maketrans(_TWINS)
_REPEATS = {C.MAX_REPEAT, C.MIN_REPEAT} | ({C.POSSESSIVE_REPEAT} if hasattr(C, "POSSESSIVE_REPEAT") else set())
_ZERO_WIDTH = {C.AT, C.ASSERT, C.ASSERT_NOT}

# a node's reading: (the strings it matches, when few and known, or None; strings one of which any
# match holds, or None)
Reading = tuple[frozenset[str] | None, frozenset[str] | None]
_NOTHING_KNOWN: Reading = (None, None)


def word_text(text: str) -> str:
    """`text` as `required_words`' words are looked for in it."""
    return text.translate(_ASCII_TWINS).lower()


def required_words(pattern: re.Pattern) -> frozenset[str] | None:
    """Words one of which every text `pattern` matches holds, or None when none are known."""
    _exact, words = _sequence(P.parse(pattern.pattern, pattern.flags))
    if not words or any(not w for w in words):
        return None
    return words


class WordFinder:
    """Which of many words a text holds, in one pass (an Aho-Corasick automaton)."""

    def __init__(self, words: Iterable[str]):
        import ahocorasick

        self.words = frozenset(words)
        self._automaton = ahocorasick.Automaton()
        for w in self.words:
            self._automaton.add_word(w, w)
        if self.words:
            self._automaton.make_automaton()

    def found(self, text: str) -> set[str]:
        """The words `word_text(text)` holds (text already so written: pass `word_text`'s result)."""
        if not self.words:
            return set()
        return {w for _end, w in self._automaton.iter(text)}


def _plain(ch: str) -> bool:
    """Whether `word_text` writes every character a case-insensitive pattern matches with `ch` as
    `ch.lower()`: an ASCII character, or one with no case ("’", "«")."""
    return ch.isascii() or (ch.lower() == ch == ch.upper() and ch not in _TWINS)


def _better(a: frozenset[str] | None, b: frozenset[str] | None) -> frozenset[str] | None:
    """The more telling of two requirements: the one whose shortest word is longer (then: fewer words)."""
    if a is None or b is None:
        return a if b is None else b
    key = lambda ws: (min(map(len, ws)), -len(ws))  # noqa: E731
    return a if key(a) >= key(b) else b


def _sequence(items) -> Reading:
    """A run of nodes one after the other: adjacent exact nodes joined into longer strings."""
    best: frozenset[str] | None = None
    run: frozenset[str] | None = frozenset({""})
    whole = True  # every node so far exact, and all joined in `run`
    for op, av in items:
        exact, required = _node(op, av)
        if exact is not None and run is not None and len(run) * len(exact) <= MAX_EXACT:
            run = frozenset(a + b for a in run for b in exact)
            continue
        whole = False
        best = _better(_better(best, run), required)
        run = exact
    best = _better(best, run)
    return (run if whole else None), best


def _node(op, av) -> Reading:
    if op == C.LITERAL:
        return (frozenset({chr(av).lower()}), None) if _plain(chr(av)) else _NOTHING_KNOWN
    if op in _ZERO_WIDTH:
        return frozenset({""}), None
    if op == C.SUBPATTERN:
        return _sequence(av[-1])
    if op == getattr(C, "ATOMIC_GROUP", None):
        return _sequence(av)
    if op == C.BRANCH:
        return _branch(av[1])
    if op == C.IN and av and all(o == C.LITERAL and _plain(chr(v)) for o, v in av):
        return frozenset(chr(v).lower() for _o, v in av), None  # "[sn]": one of these letters
    if op in _REPEATS:
        low, high, item = av
        exact, required = _sequence(item)
        if low == 0:
            return (exact | {""}, None) if high == 1 and exact is not None else _NOTHING_KNOWN
        if low == high == 1:
            return exact, required
        return None, _better(required, exact)
    return _NOTHING_KNOWN  # character classes, any character, back-references, conditionals


def _branch(alternatives) -> Reading:
    """An alternation: its exact strings when every alternative is exact; a requirement when every
    alternative has one (the union of theirs)."""
    readings = [_sequence(alt) for alt in alternatives]
    exact: frozenset[str] | None = frozenset()
    required: frozenset[str] | None = frozenset()
    for e, r in readings:
        exact = exact | e if exact is not None and e is not None else None
        best = _better(r, e)
        required = required | best if required is not None and best is not None else None
    if exact is not None and len(exact) > MAX_EXACT:
        exact = None
    return exact, required
