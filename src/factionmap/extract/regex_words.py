"""The words a regular expression cannot match without: a cheap test before the search.

`required_words(pattern)` reads a compiled pattern's source (a small reader of the syntax: `re`'s own
parser is private) and returns words (lower-case strings) such that any text the pattern matches holds at least one of them, or None when it finds no
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

MAX_EXACT = 64  # the most alternative strings a node is read as exactly (beyond, only what it requires)
# letters outside ASCII that a case-insensitive ASCII letter matches ("ı" and "İ" for i, "ſ" for s, the
# Kelvin sign for k): written as that letter before looking (checked for every code point in the tests)
_TWINS = {"\u0130": "i", "\u0131": "i", "\u017f": "s", "\u212a": "k"}
_ASCII_TWINS = str.maketrans(_TWINS)

# a node's reading: (the strings it matches, when few and known, or None; strings one of which any
# match holds, or None)
Reading = tuple[frozenset[str] | None, frozenset[str] | None]
_NOTHING_KNOWN: Reading = (None, None)


def word_text(text: str) -> str:
    """`text` as `required_words`' words are looked for in it."""
    return text.translate(_ASCII_TWINS).lower()


def required_words(pattern: re.Pattern) -> frozenset[str] | None:
    """Words one of which every text `pattern` matches holds, or None when none are known."""
    if pattern.flags & re.VERBOSE or not isinstance(pattern.pattern, str):
        return None
    try:
        parser = _Parser(pattern.pattern)
        (_exact, words), end = parser.alternation(0)
    except _Unknown:
        return None
    if end != len(pattern.pattern) or not words or any(not w for w in words):
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


class _Unknown(Exception):
    """A construct the reader does not know: no words are read from the pattern."""


_ESCAPED_CLASS = frozenset("sSwWdD")  # one character of a class
_ESCAPED_ZERO = frozenset("bBAZ")  # anchors: no room taken
_ESCAPED_CHAR = {"n": "\n", "t": "\t", "r": "\r", "f": "\f", "v": "\v"}
_QUANTIFIER = re.compile(r"\{(\d+)(?:(,)(\d*))?\}|\{,(\d+)\}")
_ANY_CHAR = object()  # a character class or "." in a reading of one character


class _Parser:
    """A reader of the regular-expression syntax the frames use (Python's, without the verbose flag);
    whatever else it meets raises _Unknown, and then no words are read."""

    def __init__(self, src: str):
        self.src = src

    def alternation(self, i: int) -> tuple[Reading, int]:
        alternatives = []
        while True:
            reading, i = self.sequence(i)
            alternatives.append(reading)
            if i < len(self.src) and self.src[i] == "|":
                i += 1
                continue
            return (alternatives[0] if len(alternatives) == 1 else _branch(alternatives)), i

    def sequence(self, i: int) -> tuple[Reading, int]:
        items: list[Reading] = []
        while i < len(self.src) and self.src[i] not in "|)":
            reading, i = self.atom(i)
            reading, i = self.quantified(reading, i)
            items.append(reading)
        return _sequence(items), i

    def quantified(self, reading: Reading, i: int) -> tuple[Reading, int]:
        src = self.src
        if i >= len(src):
            return reading, i
        if src[i] in "?*+":
            low, high = {"?": (0, 1), "*": (0, None), "+": (1, None)}[src[i]]
            i += 1
        elif src[i] == "{":
            m = _QUANTIFIER.match(src, i)
            if not m:
                raise _Unknown(i)  # a brace Python may read as a literal: not guessed at
            if m.group(4) is not None:
                low, high = 0, int(m.group(4))
            else:
                low = int(m.group(1))
                high = None if m.group(2) and not m.group(3) else int(m.group(3) or m.group(1))
            i = m.end()
        else:
            return reading, i
        if i < len(src) and src[i] in "?+":  # lazy or possessive: the same characters matched
            i += 1
        if i < len(src) and src[i] in "?*+{":
            raise _Unknown(i)
        return _repeat(reading, low, high), i

    def atom(self, i: int) -> tuple[Reading, int]:
        ch = self.src[i]
        if ch == "(":
            return self.group(i)
        if ch == "[":
            return self.char_class(i)
        if ch == "\\":
            return self.escape(i)
        if ch in "^$":
            return (frozenset({""}), None), i + 1
        if ch == ".":
            return _NOTHING_KNOWN, i + 1
        if ch in "*+?{":
            raise _Unknown(i)
        return _char(ch), i + 1

    def group(self, i: int) -> tuple[Reading, int]:
        src = self.src
        zero_width = False
        if src.startswith("(?:", i):
            i += 3
        elif src.startswith("(?P<", i):
            close = src.find(">", i)
            if close < 0:
                raise _Unknown(i)
            i = close + 1
        elif src.startswith(("(?=", "(?!"), i):
            i, zero_width = i + 3, True
        elif src.startswith(("(?<=", "(?<!"), i):
            i, zero_width = i + 4, True
        elif src.startswith("(?", i):
            m = re.compile(r"\(\?[aiLmsux]*(?:-[imsx]+)?([:)])").match(src, i)
            if not m or "x" in m.group() or "L" in m.group():
                raise _Unknown(i)  # a back-reference, a conditional, a comment, verbose: not read
            if m.group(1) == ")":
                return (frozenset({""}), None), m.end()  # inline flags: no room taken
            i = m.end()
        else:
            i += 1
        reading, i = self.alternation(i)
        if i >= len(src) or src[i] != ")":
            raise _Unknown(i)
        return ((frozenset({""}), None) if zero_width else reading), i + 1

    def char_class(self, i: int) -> tuple[Reading, int]:
        src = self.src
        j = i + 1
        negated = j < len(src) and src[j] == "^"
        j += negated
        start = j  # a hyphen here or before the closing bracket is the character itself
        chars: set[str] = set()
        known = not negated
        first = True
        while j < len(src) and (src[j] != "]" or first):
            first = False
            if src[j] == "-" and j > start and j + 1 < len(src) and src[j + 1] != "]":
                known = False  # a range (from an escaped character too: "[\\.-x]")
            if src[j] == "\\":
                if j + 1 >= len(src):
                    raise _Unknown(j)
                e = src[j + 1]
                if e.isalnum():
                    known = known and e in _ESCAPED_CHAR
                    chars.add(_ESCAPED_CHAR.get(e, ""))
                else:
                    chars.add(e)
                j += 2
            elif src[j] == "[":
                raise _Unknown(j)  # a nested set (Python warns of it): not read
            elif j + 2 < len(src) and src[j + 1] == "-" and src[j + 2] != "]":
                known = False  # a range
                j += 3
            else:
                chars.add(src[j])
                j += 1
        if j >= len(src):
            raise _Unknown(i)
        if known and chars and all(len(c) == 1 and _plain(c) for c in chars):
            return (frozenset(c.lower() for c in chars), None), j + 1
        return _NOTHING_KNOWN, j + 1

    def escape(self, i: int) -> tuple[Reading, int]:
        src = self.src
        if i + 1 >= len(src):
            raise _Unknown(i)
        e = src[i + 1]
        if e in _ESCAPED_CLASS:
            return _NOTHING_KNOWN, i + 2
        if e in _ESCAPED_ZERO:
            return (frozenset({""}), None), i + 2
        if e in _ESCAPED_CHAR:
            return _char(_ESCAPED_CHAR[e]), i + 2
        if e.isalnum():
            raise _Unknown(i)  # a back-reference, \x, \u, \N ...: not read
        return _char(e), i + 2


def _char(ch: str) -> Reading:
    return (frozenset({ch.lower()}), None) if _plain(ch) else _NOTHING_KNOWN


def _repeat(reading: Reading, low: int, high: int | None) -> Reading:
    exact, required = reading
    if low == 0:
        return (exact | {""}, None) if high == 1 and exact is not None else _NOTHING_KNOWN
    if low == high == 1:
        return exact, required
    return None, _better(required, exact)


def _sequence(items: list[Reading]) -> Reading:
    """A run of nodes one after the other: adjacent exact nodes joined into longer strings."""
    best: frozenset[str] | None = None
    run: frozenset[str] | None = frozenset({""})
    whole = True  # every node so far exact, and all joined in `run`
    for exact, required in items:
        if exact is not None and run is not None and len(run) * len(exact) <= MAX_EXACT:
            run = frozenset(a + b for a in run for b in exact)
            continue
        whole = False
        best = _better(_better(best, run), required)
        run = exact
    best = _better(best, run)
    return (run if whole else None), best


def _branch(readings: list[Reading]) -> Reading:
    """An alternation: its exact strings when every alternative is exact; a requirement when every
    alternative has one (the union of theirs)."""
    exact: frozenset[str] | None = frozenset()
    required: frozenset[str] | None = frozenset()
    for e, r in readings:
        exact = exact | e if exact is not None and e is not None else None
        best = _better(r, e)
        required = required | best if required is not None and best is not None else None
    if exact is not None and len(exact) > MAX_EXACT:
        exact = None
    return exact, required
