"""The one name fold: what two spellings of a name share, with a map back to the original offsets.

Folding lowercases, strips diacritics, drops apostrophes and ayn/hamza signs (', ’, ʿ, ʾ, ʻ), turns
hyphens, dashes, slashes, dots and brackets into spaces, collapses whitespace, and writes every
spelling of the Arabic article (the language pack's `arabic_article`) joined by a hyphen ("al-", "ad-",
"ud-", "es-" ...) as "al ". A possessive "'s" is kept apart ("ISIS's" folds to "isis s"), so the name
before it still matches.

- `fold_with_map(text)`: running text, folded for matching, each folded character mapped to its source;
- `fold(name)`: a name folded for matching; `fold(name, all_articles=True)` also folds articles written
  apart ("Ahrar es Sham"), as names from the knowledge base are;
- `key(name)`: the key the store and every comparison across documents use (`factionmap.namefold.fold`):
  `fold(name, all_articles=True)`.
"""
from __future__ import annotations

import functools
import re
import unicodedata

from . import english

APOSTROPHES = "'\u2018\u2019\u02bc\u02bf\u02be\u02bb`\u00b4\u2032"
SEPARATORS = "-\u2010\u2011\u2012\u2013\u2014\u2015_/.,()[]{}\"\u201c\u201d:;|!?*+=<>"


def _alternation(words: tuple[str, ...]) -> str:
    return "|".join(sorted(set(words), key=lambda w: (-len(w), w)))


def article_pattern() -> str:
    """A regex alternation of the pack's spellings of the Arabic article (longest first): "(?:ash|...|al)"."""
    return "(?:" + _alternation(ARTICLES) + ")"


_PACK = english()
ARTICLES = _PACK.words("vocabulary", "arabic_article")
_NOT_SPACED = set(_PACK.words("vocabulary", "arabic_article_not_spaced"))
_ARTICLE = re.compile(
    r"(?i)(?<![\w" + re.escape(APOSTROPHES) + r"])(" + _alternation(ARTICLES) + r")"
    r"[-\u2010\u2011\s](?=[\w" + re.escape(APOSTROPHES) + r"])"
)
_ARTICLE_SPACE = re.compile(
    r"\b(?:" + _alternation(tuple(a for a in ARTICLES if a != "al" and a not in _NOT_SPACED)) + r") (?=\w)")


def _fold_char(c: str) -> str:
    if c in APOSTROPHES:
        return ""
    if c in SEPARATORS or c.isspace():
        return " "
    d = unicodedata.normalize("NFKD", c)
    return "".join(x for x in d if not unicodedata.combining(x)).casefold()


def strip_diacritics(text: str) -> str:
    if text.isascii():  # nothing to strip (most English text): no walk over every character
        return text
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


_FOLDED: dict[str, str] = {}  # character -> its folded form, filled as characters are met
# A run of ASCII letters and digits folds to itself in lower case, one character for one; no article
# starts inside it (an article needs no letter before it), so it is copied in one step.
_PLAIN_RUN = re.compile(r"[A-Za-z0-9]+")


def _possessive(text: str, i: int, n: int) -> bool:
    """An apostrophe at i starts a possessive "'s" after a name."""
    return (i > 0 and text[i - 1].isalnum() and i + 1 < n and text[i + 1] in "sS"
            and (i + 2 >= n or not text[i + 2].isalnum()))


def fold_with_map(text: str, hyphen_articles_only: bool = True) -> tuple[str, list[int]]:
    """The folded text and, for each folded character, the offset of the character it came from.

    With `hyphen_articles_only`, only articles joined by a hyphen are rewritten (in running English
    "as" and "at" are words); names from the knowledge base fold with both forms.
    """
    articles = {
        m.start(): m for m in _ARTICLE.finditer(text)
        if text[m.end(1)] != " " or not (hyphen_articles_only or m.group(1).lower() in _NOT_SPACED)
    }
    out: list[str] = []
    idx: list[int] = []
    folded = _FOLDED
    plain = _PLAIN_RUN.match
    n = len(text)
    i = 0
    space = True  # the output so far ends in a space (or is empty): spaces collapse
    while i < n:
        m = articles.get(i) if articles else None
        if m is None:
            run = plain(text, i)
            if run is not None:
                j = run.end()
                out.append(run.group().lower())
                idx.extend(range(i, j))
                space = False
                i = j
                continue
        else:
            if not space:
                out.append(" ")
                idx.append(i)
            width = len(m.group(1)) - 1
            out.extend("al ")
            idx.extend((i, i + min(1, width), i + min(2, width)))
            space = True
            i = m.end()
            continue
        c = text[i]
        f = folded.get(c)
        if f is None:
            f = folded[c] = _fold_char(c)
        if f == "" and _possessive(text, i, n):
            f = " "
        if f == " ":
            if not space:
                out.append(" ")
                idx.append(i)
                space = True
        elif f:
            for ch in f:
                if ch == " ":
                    if space:
                        continue
                    space = True
                else:
                    space = False
                out.append(ch)
                idx.append(i)
        i += 1
    return "".join(out), idx


def fold(name: str, all_articles: bool = False) -> str:
    """A name folded for matching ("al-Qa’ida" -> "al qaida", "Ad-Dawla" -> "al dawla")."""
    name = name or ""
    if len(name) > 200:  # long texts are not worth caching
        return _fold.__wrapped__(name, all_articles)
    return _fold(name, all_articles)


@functools.lru_cache(maxsize=65536)
def _fold(name: str, all_articles: bool) -> str:
    s = fold_with_map(name, hyphen_articles_only=not all_articles)[0].strip()
    if all_articles:
        s = _ARTICLE_SPACE.sub("al ", s)
    if s.startswith("the "):
        s = s[4:]
    return s


def key(name: str) -> str:
    """The key two spellings of one name share across the store: 'ad-Dawlah al-Islāmīyah' -> 'al dawlah al islamiyah'."""
    return fold(name, all_articles=True)


def folded_span(idx: list[int], text_len: int, fstart: int, fend: int) -> tuple[int, int]:
    """Original offsets of the folded span [fstart, fend)."""
    start = idx[fstart]
    end = idx[fend - 1] + 1
    return start, min(end, text_len)
