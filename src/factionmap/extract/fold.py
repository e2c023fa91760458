"""Folding names for matching, keeping a map back to the original offsets.

Folding lowercases, strips diacritics, drops apostrophes and ayn/hamza signs (', ’, ʿ, ʾ), turns
hyphens, dashes, slashes and dots into spaces, collapses whitespace, and writes every spelling of the
Arabic article joined by a hyphen (al-, el-, ash-, ad-, as- ...) as "al ". A possessive "'s" is kept
apart ("ISIS's" folds to "isis s"), so the name before it still matches.
"""
from __future__ import annotations

import functools
import re
import unicodedata

APOSTROPHES = "'\u2018\u2019\u02bc\u02bf\u02be`\u00b4\u2032"
SEPARATORS = "-\u2010\u2011\u2012\u2013\u2014\u2015_/.,()[]{}\"\u201c\u201d:;|!?*+=<>"
_ARTICLE = re.compile(
    r"(?i)(?<![\w" + re.escape(APOSTROPHES) + r"])(al|el|ul|ash|as|ad|adh|at|an|ar|az|ath|ud|us)"
    r"[-\u2010\u2011\s](?=[\w" + re.escape(APOSTROPHES) + r"])"
)
_ARTICLE_SPACE = re.compile(r"\b(?:el|ul|ash|as|ad|adh|at|an|ar|az|ath|ud|us) (?=\w)")


def _fold_char(c: str) -> str:
    if c in APOSTROPHES:
        return ""
    if c in SEPARATORS or c.isspace():
        return " "
    d = unicodedata.normalize("NFKD", c)
    return "".join(x for x in d if not unicodedata.combining(x)).casefold()


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
        if not hyphen_articles_only or text[m.end(1)] != " "
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


@functools.lru_cache(maxsize=65536)
def fold(name: str, all_articles: bool = False) -> str:
    """A name folded for matching ("al-Qa’ida" -> "al qaida", "Ad-Dawla" -> "al dawla")."""
    s = fold_with_map(name, hyphen_articles_only=not all_articles)[0].strip()
    if all_articles:
        s = _ARTICLE_SPACE.sub("al ", s)
    if s.startswith("the "):
        s = s[4:]
    return s


def folded_span(idx: list[int], text_len: int, fstart: int, fend: int) -> tuple[int, int]:
    """Original offsets of the folded span [fstart, fend)."""
    start = idx[fstart]
    end = idx[fend - 1] + 1
    return start, min(end, text_len)
