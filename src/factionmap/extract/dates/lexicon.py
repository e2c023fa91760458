"""Words the date patterns are built from: month names (Gregorian and Hijri, with their
transliteration variants), number words, and the parts of a year or month that fuzzy words name.
"""
from __future__ import annotations

import re

from ...lang.fold import article_pattern

MONTHS = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4,
    "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8, "september": 9,
    "sept": 9, "sep": 9, "october": 10, "oct": 10, "november": 11, "nov": 11, "december": 12, "dec": 12,
}
# Capitalised only: "may", "march" and "august" are ordinary words in lower case.
MONTH_RE = (r"(?:January|February|March|April|May|June|July|August|September|October|November|December"
            r"|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?)")

APOS = r"[\'\u2019\u2018\u02bf\u02be`\u00b4]?"
_ART = r"(?:[\s-]*" + article_pattern() + r"[\s-]+|[\s-]*)"  # the language pack's article spellings
# Hijri months: (pattern, number). Case-insensitive; each variant seen in transliterations.
HIJRI_MONTHS: list[tuple[str, int]] = [
    (r"Muh?arr?am", 1),
    (r"Safa?r", 2),
    (rf"Rab[ie]e?{APOS}{_ART}(?:Awwal|Awal|Awwel|Aww?al|Oula|Ula|I)\b", 3),
    (rf"Rab[ie]e?{APOS}{_ART}(?:Thani|Thaani|Tani|Akhir|Akhar|Akhira|Akhirah|II)\b", 4),
    (rf"Jumad[aeiu]?{APOS}l?{_ART}(?:Ula|Oula|Oola|Awwal|Awal|Aww?al|I)\b", 5),
    (rf"Jumad[aeiu]?{APOS}l?{_ART}(?:Akhirah|Akhira|Akhir|Akhira|Ukhra|Thaniyah|Thaniya|Thani|Thaani|II)\b", 6),
    (r"Rajab", 7),
    (rf"Sh?a{APOS}a?ban", 8),
    (r"Rama[dz]h?aa?n", 9),
    (r"Sh[au]ww?aa?l", 10),
    (rf"(?:Dh|Th|Z)[uiao]{APOS}l?(?:[\s-]+a?l)?[\s-]*Q[ai]{APOS}a?d(?:ah|a|eh)?", 11),
    (rf"(?:Dh|Th|Z)[uiao]{APOS}l?(?:[\s-]+a?l)?[\s-]*H[ie]jj?(?:ah|a|eh)?", 12),
]
HIJRI_MONTH_RE = "(?i:" + "|".join(f"(?:{p})" for p, _ in HIJRI_MONTHS) + r")(?![a-z])"
_HIJRI_COMPILED = [(re.compile(p + r"(?![a-z])", re.I), n) for p, n in HIJRI_MONTHS]


def hijri_month(name: str) -> int:
    """The number (1..12) of a Hijri month written in any of the variants above."""
    for pattern, number in _HIJRI_COMPILED:
        if pattern.fullmatch(name.strip()):
            return number
    raise KeyError(name)


def month_number(name: str) -> int:
    return MONTHS[name.rstrip(".").lower()]


NUMBER_WORDS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "fifteen": 15, "eighteen": 18,
    "twenty": 20, "thirty": 30,
}
NUMBER_RE = r"(?:\d{1,3}|" + "|".join(sorted(NUMBER_WORDS, key=len, reverse=True)) + ")"


def number(word: str) -> int:
    return int(word) if word.isdigit() else NUMBER_WORDS[word.lower()]


# The part of a year a fuzzy word names: (first month, last month); winter runs into the next year.
YEAR_PARTS = {
    "early": (1, 4), "beginning": (1, 3), "start": (1, 3), "mid": (5, 8), "middle": (5, 8),
    "late": (9, 12), "end": (10, 12), "first half": (1, 6), "second half": (7, 12),
    "first quarter": (1, 3), "second quarter": (4, 6), "third quarter": (7, 9),
    "fourth quarter": (10, 12), "last quarter": (10, 12),
    "spring": (3, 5), "summer": (6, 8), "autumn": (9, 11), "fall": (9, 11), "winter": (12, 14),
}
# The days of a month a fuzzy word names (31 = the month's last day).
MONTH_PARTS = {
    "early": (1, 10), "beginning": (1, 10), "start": (1, 10), "mid": (11, 20), "middle": (11, 20),
    "late": (21, 31), "end": (21, 31), "first half": (1, 15), "second half": (16, 31),
}
# The years of a decade: "the early 1990s".
DECADE_PARTS = {"early": (0, 3), "mid": (4, 6), "middle": (4, 6), "late": (7, 9)}

FUZZY_RE = (r"(?i:early|late|mid(?:dle)?|beginning|start|end|first\s+half|second\s+half"
            r"|(?:first|second|third|fourth|last)\s+quarter|spring|summer|autumn|fall|winter)")


def fuzzy_key(word: str) -> str:
    return re.sub(r"\s+", " ", word.lower())
