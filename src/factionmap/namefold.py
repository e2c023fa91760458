"""Name folding shared by every layer that compares names: case, diacritics, apostrophes, hyphens,
and the Arabic article's spellings ("ad-Dawla", "ad Dawla", "al-Dawla" and "al Dawla" fold together).
The one fold is `factionmap.lang.fold` (its rules and article spellings from the language pack); this
is its key form, the one the store keeps.
"""
from __future__ import annotations

from .lang.fold import key as fold
from .lang.fold import strip_diacritics

__all__ = ["COMPASS_POINTS", "fold", "strip_diacritics"]

# Compass points, for names that point at part of a place ("north-east Hasakah province"); each may
# take "-ern" ("northern"), and the compounds may be written with a hyphen ("north-east").
COMPASS_POINTS = ("north", "south", "east", "west", "northeast", "northwest", "southeast", "southwest")
