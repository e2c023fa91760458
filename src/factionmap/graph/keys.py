"""Name keys for cross-document resolution: folded names, transliteration skeletons, fuzzy blocks.

Three levels of sameness, from strict to loose:
- `fold` (names.py): case, diacritics, apostrophes, hyphens, the Arabic article;
- `skeleton`: common transliteration variants of Arabic names fold together
  ("Jaysh al-Muhajireen" / "Jaish al-Muhajirin", "an-Nusrah" / "al-Nusra");
- `similar`: a fuzzy match (rapidfuzz), token by token, that never lets two names differing by a
  whole word (a place, a number, "of Iraq") pass.
"""
from __future__ import annotations

import functools
import re

from rapidfuzz import fuzz

from ..namefold import COMPASS_POINTS, fold

_VOWEL_RUNS = [("ee", "i"), ("ii", "i"), ("oo", "u"), ("ou", "u"), ("uu", "u"), ("aa", "a"),
               ("ay", "ai"), ("ey", "ai"), ("ei", "ai"), ("ah", "a"), ("q", "k"), ("kh", "k"),
               ("dh", "d"), ("th", "t"), ("gh", "g"), ("w", "u"), ("y", "i"), ("e", "i"), ("o", "u")]
_DOUBLE = re.compile(r"([a-z])\1+")
_TRAILING_H = re.compile(r"(?<=[aiu])h\b")
_ACRONYM = re.compile(r"^[a-z0-9]{1,6}$")


_DIRECTIONS = {"northern": "north", "southern": "south", "eastern": "east", "western": "west",
               "northeast": "north east", "northwest": "north west", "southeast": "south east",
               "southwest": "south west", "northeastern": "north east", "northwestern": "north west",
               "southeastern": "south east", "southwestern": "south west"}
_GENERIC_PREFIX = ("jamaat", "jamaah", "jamaa", "jamat", "tanzim")  # "group of", "organisation of"
_GENERIC_SUFFIX = ("group", "organization", "organisation")


def _generic_words(norm: str) -> str:
    """Words that say what kind of thing a name is, not which: 'jamaat ansar al islam' -> 'ansar al islam'."""
    tokens = [w for tok in norm.split() for w in _DIRECTIONS.get(tok, tok).split()]
    if len(tokens) > 2 and tokens[0] in _GENERIC_PREFIX:
        tokens = tokens[1:]
    if len(tokens) > 2 and tokens[-1] in _GENERIC_SUFFIX:
        tokens = tokens[:-1]
    return " ".join(tokens)


@functools.lru_cache(maxsize=65536)
def skeleton(norm: str) -> str:
    """A folded name reduced to its transliteration skeleton ('jaysh al muhajireen' -> 'jaish al muhajirin')."""
    s = _TRAILING_H.sub("", _generic_words(norm))
    s = s.replace(" wal ", " wa al ")
    for a, b in _VOWEL_RUNS:
        s = s.replace(a, b)
    s = _DOUBLE.sub(r"\1", s)
    return s


def block(norm: str) -> str:
    """Names that may be fuzzy variants of each other share a block: the first skeleton token, the
    token count, every token `similar` must find equal (digits, fewer than 5 letters) in its place, and
    the last token's first three letters. Fuzzy matching compares a name only with its block, so the
    block is what keeps it from comparing every name with every other ('group 0001' ~ 'group 0002'
    never could be similar, and no longer share a block)."""
    tokens = skeleton(norm).split()
    if not tokens:
        return ":0"
    exact = "-".join(t if len(t) < 5 or any(c.isdigit() for c in t) else "*" for t in tokens[1:])
    return f"{tokens[0]}:{len(tokens)}:{exact}:{tokens[-1][:3]}"


def is_acronym(norm: str) -> bool:
    """'isis', 'is cp' (from IS-CP), 'jn': short, no vowels pattern needed; one or two short tokens."""
    return bool(_ACRONYM.match(norm.replace(" ", ""))) and len(norm.replace(" ", "")) <= 6 and len(norm.split()) <= 2


_COMPASS = frozenset(f"{d}{ern}" for d in COMPASS_POINTS for ern in ("", "ern"))


def nested(short: str, long: str) -> bool:
    """Whether `short` is a strictly shorter run of `long`'s words ('islamic state' in 'islamic state of iraq').

    A run that `long` only adds compass words to is not nested but the same place pointed at in part:
    'north east hasakah province' is 'hasakah province'.
    """
    a, b = short.split(), long.split()
    if not a or len(a) >= len(b):
        return False
    for i in range(len(b) - len(a) + 1):
        if b[i:i + len(a)] == a:
            return not all(w in _COMPASS for w in b[:i] + b[i + len(a):])
    return False


def similar(a: str, b: str, *, threshold: float = 90.0) -> bool:
    """A fuzzy match of two folded names that only forgives spelling, never a different word.

    Both must have the same number of words, equal digits, every word pair close (a slip of a letter
    or two in a long word) and the whole close. 'jabhat al nusra' ~ 'jabhat al nusrah'; but not
    'islamic state caucasus province' ~ 'islamic state azerbaijan province'.
    """
    if a == b:
        return True
    sa, sb = skeleton(a).split(), skeleton(b).split()
    if len(sa) != len(sb) or not sa or is_acronym(a) or is_acronym(b):
        return False
    for x, y in zip(sa, sb):
        if x == y:
            continue
        if any(c.isdigit() for c in x + y) or min(len(x), len(y)) < 5:
            return False
        if fuzz.ratio(x, y) < 80:
            return False
    return fuzz.ratio(" ".join(sa), " ".join(sb)) >= threshold


def name_keys(names: list[str]) -> dict[str, str]:
    """Every usable folded name of a list of names, with its skeleton."""
    out: dict[str, str] = {}
    for n in names:
        f = fold(n)
        if f and f not in out:
            out[f] = skeleton(f)
    return out
