"""Name folding shared by every layer that compares names: case, diacritics, apostrophes, hyphens,
and the Arabic article's spellings ("ad-Dawla", "ad Dawla", "al-Dawla" and "al Dawla" fold together).
"""
from __future__ import annotations

import functools
import re
import unicodedata

_APOSTROPHES = re.compile(r"[\u2018\u2019\u02bc\u02bf\u02be\u02bb'`\u00b4]")
_SEPARATORS = re.compile(r"[\u2010-\u2015\-_/.,()\"\u201c\u201d:;]")
_ARTICLE = re.compile(r"\b(?:al|el|ul|ash|as|ad|adh|at|an|ar|az|ath|ad|ed|es|esh)[\s-]+(?=\w)")
_SPACES = re.compile(r"\s+")

# Compass points, for names that point at part of a place ("north-east Hasakah province"); each may
# take "-ern" ("northern"), and the compounds may be written with a hyphen ("north-east").
COMPASS_POINTS = ("north", "south", "east", "west", "northeast", "northwest", "southeast", "southwest")


def strip_diacritics(text: str) -> str:
    if text.isascii():  # nothing to strip (most English text): no walk over every character
        return text
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def fold(name: str) -> str:
    """The key two spellings of one name share: 'ad-Dawlah al-Islāmīyah' -> 'al dawlah al islamiyah'."""
    return _fold(name or "") if len(name or "") <= 200 else _fold.__wrapped__(name)


@functools.lru_cache(maxsize=65536)
def _fold(name: str) -> str:
    s = strip_diacritics(name).lower()
    s = _APOSTROPHES.sub("", s)
    s = _SEPARATORS.sub(" ", s)
    s = _ARTICLE.sub("al ", s)
    s = _SPACES.sub(" ", s).strip()
    if s.startswith("the "):
        s = s[4:]
    return s
