"""Words the date patterns are built from: month names (Gregorian and Hijri, with their
transliteration variants), number words, and the parts of a year or month that fuzzy words name.
"""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field

from ...errors import ConfigError
from ...lang import LanguagePack, english
from ...lang.fold import article_pattern

@dataclass(frozen=True)
class Months:
    """A language pack's month names: the pattern the date rules are built with, and each name's number."""

    pattern: str  # "(?:January|...|(?:Jan|...)\\.?)": capitalised only, as written
    numbers: dict[str, int] = field(hash=False)  # lower-cased name -> 1..12

    def number(self, name: str) -> int:
        return self.numbers[name.rstrip(".").lower()]


@functools.lru_cache(maxsize=8)
def months_of(pack: LanguagePack) -> Months:
    """The month names of `pack` (`month_names`, January first, and `month_abbreviations` in its
    vocabulary.yaml)."""
    names = pack.words("vocabulary", "month_names")
    short = pack.data("vocabulary").get("month_abbreviations") or {}
    if len(names) != 12 or not isinstance(short, dict) or not all(
            isinstance(k, str) and isinstance(v, int) and 1 <= v <= 12 for k, v in short.items()):
        raise ConfigError(f"{pack.path}/vocabulary.yaml: 'month_names' must list the twelve months and "
                          "'month_abbreviations' map each abbreviation to its month's number")
    numbers = {n.lower(): i for i, n in enumerate(names, 1)} | {k.lower(): v for k, v in short.items()}
    alts = "|".join(re.escape(n) for n in names)
    if short:
        alts += "|(?:" + "|".join(re.escape(k) for k in short) + r")\.?"
    return Months("(?:" + alts + ")", numbers)


ENGLISH = months_of(english())
MONTHS = ENGLISH.numbers
# Capitalised only: "may", "march" and "august" are ordinary words in lower case.
MONTH_RE = ENGLISH.pattern

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
    """The number of an English month name (the date rules read the document's pack: `Months.number`)."""
    return ENGLISH.number(name)


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
