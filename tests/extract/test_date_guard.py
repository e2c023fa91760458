"""The date rules' guard reads a pattern's first characters from its source, with public means only:
a guarded pattern finds exactly the matches (spans and groups) of the pattern it guards."""
from __future__ import annotations

import random
import re

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from factionmap.extract.dates.guard import guarded, start_class
from factionmap.extract.dates.lexicon import MONTHS, NUMBER_WORDS, YEAR_PARTS
from factionmap.extract.dates.rules import RULES

from .test_speed_paths import PLAIN

# --- the date rules on date-like text -----------------------------------------------------------

_SHAPES = ["{d} {M} {y}", "{M} {d}, {y}", "{d}{dash}{d} {M} {y}", "{M} {d}{dash}{d} {y}", "{d} {M}{dash}{d} {M} {y}",
           "{M}{dash}{M} {y}", "between {M} and {M} {y}", "between {d} and {d} {M}", "{f} {M} {y}", "{f}-{y}", "the {f} {y}0s", "{d} {H} {h}",
           "{H} {h} AH", "{h} AH", "AH {h}", "{y}{dash}{y}", "{y}-06", "{y}/16", "{y}-06-01", "9/17/{y}", "23.06.{y}",
           "{M} of this year", "{n} {u} later", "the {u} after", "the following {u}", "later that {u}", "this {u}",
           "in {M}", "{d} {M}", "{M} {d}", "Subsequently", "{f} {M}", "page {y}", "{y} fighters", "the {y} vote"]
_FILL = {"d": ["1", "2", "3rd", "12", "17", "23", "31", "0", "32"], "y": ["1999", "2014", "2015", "1899", "201"],
         "M": [m.capitalize() for m in MONTHS] + ["MAY", "may", "Sept.", "Jun."], "dash": ["-", "–", " to ", " – ", "/"],
         "f": list(YEAR_PARTS) + ["Early", "the very early", "mid"], "h": ["1435", "1399", "1500", "14"],
         "H": [h for h, _ in [("Muharram", 1), ("Rabi' al-Awwal", 3), ("Jumada al-Ula", 5), ("Sha'ban", 8),
                              ("Ramadan", 9), ("Shawwal", 10), ("Dhu al-Qi'dah", 11), ("Dhu'l-Hijja", 12)]],
         "n": list(NUMBER_WORDS) + ["3", "12"], "u": ["day", "week", "month", "year", "years"]}
_NOISE = [" ", ", ", "\n", "'", "(", ")", "$", "#", ":", "x", "1", "the ", "Arab "]


def _date_like(seed: int, n: int) -> list[str]:
    """Date-shaped texts (day, month, year, Hijri, fuzzy and relative forms) filled at random and then
    damaged at random (a character dropped, noise put in, the case changed), so that the rules both
    match and nearly match: random characters rarely spell a month."""
    rng = random.Random(seed)
    texts = []
    for _ in range(n):
        text = ""
        for _ in range(rng.randint(1, 3)):
            shape = rng.choice(_SHAPES)
            for key, words in _FILL.items():
                while "{" + key + "}" in shape:
                    shape = shape.replace("{" + key + "}", rng.choice(words), 1)
            text += shape + rng.choice(_NOISE)
        for _ in range(rng.randint(0, 2)):
            i = rng.randrange(len(text) + 1)
            roll = rng.random()
            text = (text[:i] + rng.choice(_NOISE) + text[i:]) if roll < 0.4 else \
                (text[:i] + text[i + 1:]) if roll < 0.8 else (text.upper() if roll < 0.9 else text.lower())
        texts.append(text)
    return texts


def _matches(rx: re.Pattern[str], text: str) -> list[tuple[tuple[int, int], dict[str, str | None]]]:
    return [(m.span(), m.groupdict()) for m in rx.finditer(text)]


@pytest.mark.parametrize("name,rx", [(name, rx) for name, rx, _ in RULES])
def test_guarded_rules_find_what_the_plain_ones_find_on_date_like_text(name, rx):
    plain = PLAIN[name]
    assert rx.pattern != plain.pattern  # the rule is guarded: the reader understood its source
    texts = _date_like(sum(map(ord, name)), 1000)
    found = 0
    for text in texts:
        expected = _matches(plain, text)
        assert _matches(rx, text) == expected, (name, text)
        found += bool(expected)
    assert found, f"{name}: no text matched; the comparison would prove nothing"


# --- any pattern in the syntax the reader knows ---------------------------------------------------

_ATOMS = ["a", "b", "A", "k", "\u017f", "\u212a", "\\d", "\\w", "\\s", "\\W", "[ab]", "[a-c]", "[]a]", "[\\]b-]",
          "[^a]", ".", "\\x41", "\\u00e9", "\\.", "-", "{", "\\b", "\\B", "^", "$", "\\A", "\\Z", "\\101", "\\0",
          "\\N{LATIN SMALL LETTER A}", "[\\d_]", "[\\s\\-]", "é", "1", "(?#note)"]
_BOUNDED = ["", "", "?", "{0}", "{2}", "{,2}", "{0,1}", "??", "{}"]
_QUANTIFIERS = ["", "", "", "?", "*", "+", "{0}", "{2}", "{,2}", "{1,}", "{0,1}", "??", "*?", "+?", "{}"]


@st.composite
def _patterns(draw, depth: int = 0) -> str:
    out = []
    for _ in range(draw(st.integers(1, 4))):
        if depth < 3 and draw(st.integers(0, 3)) == 0:
            inner = "|".join(draw(_patterns(depth + 1)) for _ in range(draw(st.integers(1, 3))))
            opener = draw(st.sampled_from(["(", "(?:", "(?i:", "(?-i:", "(?>", "(?=", "(?!", "(?<=", "(?<!", "(?P<g{n}>"]))
            if opener.startswith("(?<") and not opener.startswith("(?P"):
                inner = draw(st.sampled_from(["a", "b|c", "\\d", "[ab]", "A"]))  # a lookbehind has a fixed width
            out.append(opener.replace("{n}", str(draw(st.integers(0, 10**6)))) + inner + ")")
        else:
            out.append(draw(st.sampled_from(_ATOMS)))
        if out[-1][-1] not in "$^" and not out[-1].startswith(("\\b", "\\B", "\\A", "\\Z", "(?=", "(?!", "(?<", "(?#")):
            # a group repeated without bound could take exponential time: bounded repeats on groups
            out[-1] += draw(st.sampled_from(_QUANTIFIERS if not out[-1].endswith(")") else _BOUNDED))
    return "".join(out)


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(source=_patterns(), flags=st.sampled_from([0, re.I]),
       texts=st.lists(st.text(alphabet="abcABCkK\u017f\u212a1 _-.é{}\u00e9\n]", max_size=10), min_size=1, max_size=6))
def test_a_guarded_pattern_has_the_matches_of_the_pattern(source, flags, texts):
    try:
        rx = re.compile(source, flags)
    except re.error:
        return  # not a pattern (e.g. two group names alike): nothing to guard
    fast = guarded(rx)
    assert fast.groupindex == rx.groupindex
    for text in texts:
        assert _matches(fast, text) == _matches(rx, text), (source, text)


@pytest.mark.parametrize("source,first", [
    (r"(?<!\d)\d+", "[\\d]"),
    (r"(?i:ab)|c", "[\\U00000063]|(?i:[\\U00000061])"),
    (r"[]a-c]x", "[\\U0000005d\\U00000061-\\U00000063]"),
    (r"\x41|\u00e9|\N{EM DASH}", "[\\U00000041\\U000000e9\\U00002014]"),
    (r"a{0}b", "[\\U00000061\\U00000062]"),
    (r"(?:a|)b", "[\\U00000061\\U00000062]"),
    (r"(?P<s>[./])\d(?P=s)", "[\\U0000002e\\U0000002f]"),  # a backreference past the first character
    (r"(?=x)y", "[\\U00000079]"),
])
def test_start_classes_read_from_the_source(source, first):
    assert start_class(re.compile(source)) == first


@pytest.mark.parametrize("source", [r"x?", r".x", r"[^a]x", r"(?P<a>a)?(?P=a)", r"(?:a|)", r"(?a:\w)", r"\b"])
def test_no_guard_when_the_first_characters_cannot_be_told(source):
    rx = re.compile(source)
    assert start_class(rx) is None and guarded(rx) is rx
