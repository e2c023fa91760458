"""regex_words: the words a pattern cannot match without, and the frames' pre-check built on them
(issue #9: a frame not searched where it cannot match; the output unchanged)."""
from __future__ import annotations

import re
import sys
from dataclasses import replace

import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

from factionmap.extract.frame_loader import compile_frame
from factionmap.extract.regex_words import WordFinder, required_words, word_text
from factionmap.extract.ties import lexical
from factionmap.extract.ties.mask import Masked
from factionmap.extract.triggers import FRAMES, SHARED


def _words(src: str, flags: int = re.I) -> set[str] | None:
    got = required_words(re.compile(src, flags))
    return None if got is None else set(got)


@pytest.mark.parametrize("src, words", [
    (r"pledged\s+allegiance", {"allegiance"}),  # the longer of two literal runs
    (r"(?:joined|merged)\s+with", {"joined", "merged"}),  # every alternative has its word
    (r"swor[en]\s+to", {"swore", "sworn"}),  # a class of letters joins its neighbours
    (r"(?:re)?named", {"renamed", "named"}),  # an optional part: with and without it
    (r"\bsplit\w*\s+from", {"split"}),  # anchors take no room; \w* ends the run
    (r"(?:ab)+c", {"ab"}),  # a repeat needs its item once
    (r"«G\d+»['’]s\s", {"»'s", "»’s"}),  # uncased punctuation counts as a letter
    (r"ALLIANCE", {"alliance"}),  # written in lower case
    (r"[\.-x]yz", {"yz"}),  # a range (from an escaped character) is no set of letters
    (r"[-a]b", {"-b", "ab"}),  # a hyphen first in a set is the character
    (r"(?-i:Front)\s+of", {"front"}),  # a scoped flag: a group
])
def test_required_words(src, words):
    assert _words(src) == words


@pytest.mark.parametrize("src", [
    r"\w+\s+\w+",  # no literal at all
    r"(?:allied|\w+)\s+",  # one alternative needs nothing
    r"(?:pact)?\s*\d+",  # an optional word is no requirement
    r"(\w+)\s+\1",  # a back-reference
    r"(?P<t>pact)(?P=t)",  # a named back-reference: the reader gives up on the whole pattern
    r"(?#a note)pact{",  # a comment, a brace that is no quantifier
    r"(?=treaty)\w+",  # what a lookahead looks at is not counted on
    r"caf\u00e9",  # a cased non-ASCII letter: matched case-insensitively, not read (the run stops before it)
])
def test_nothing_required(src):
    got = _words(src)
    assert got is None or all(w in {"caf"} for w in got)


def test_case_insensitive_twins_of_ascii_letters():
    """Every character a case-insensitive ASCII letter matches is written as that letter by word_text,
    and an uncased character matches only itself: found by matching every code point."""
    everything = "".join(chr(u) for u in range(sys.maxunicode + 1) if not 0xD800 <= u <= 0xDFFF)
    for letter in "abcdefghijklmnopqrstuvwxyz":
        for hit in re.finditer(letter, everything, re.I):
            assert word_text(hit.group()) == letter, (letter, hex(ord(hit.group())))
    for plain in "’«»–'":
        assert [h.group() for h in re.finditer(re.escape(plain), everything, re.I)] == [plain]


@settings(max_examples=15, deadline=None, suppress_health_check=list(HealthCheck))
@given(st.data())
def test_every_frame_match_holds_one_of_its_words(data):
    """Texts holding a match of a frame's pattern (any characters around and in its gaps) hold one of the
    frame's words: the pre-check never skips a sentence the frame would read."""
    frame = data.draw(st.sampled_from(FRAMES))
    assert frame.words, f"frame {frame.name}: no words read from its pattern"
    text = data.draw(st.from_regex(frame.pattern))
    low = word_text(text)
    assert any(w in low for w in frame.words), (frame.name, text)


def test_word_finder_finds_overlapping_words():
    finder = WordFinder(["ally", "allied", "lie", "of"])
    assert finder.found(word_text("The Allied side")) == {"allied", "lie"}
    assert WordFinder([]).found("anything") == set()


def _masked(text: str) -> Masked:
    return Masked(text, list(range(len(text))), [])


def test_frame_skipped_without_its_words_and_searched_with_them():
    frame = compile_frame("test-bankrolled", "ally_of", r"{S}{GAP}(?P<t>bankroll(?:ed|s))\s+{O}", SHARED,
                          subject="ACT", object="ACT")
    assert frame.words == {"bankrolled", "bankrolls"}
    with_word, without = _masked("«G0» bankrolled «G1»."), _masked("«G0» funded «G1».")
    assert lexical._worth_search(frame, with_word.text, lexical._Keys(with_word))
    assert not lexical._worth_search(frame, without.text, lexical._Keys(without))
    # a frame not among FRAMES (its words not in the shared automaton) is checked word by word
    assert not frame.words <= lexical._WORDS.words
    gap = compile_frame("test-gap", "ally_of", r"{S}\s+\w+\s+{O}", SHARED, subject="ACT", object="ACT")
    assert gap.words == {"«g", "«p", "«s"}  # only its mentions' masks: searched wherever they stand
    assert lexical._worth_search(gap, without.text, lexical._Keys(without))
    assert lexical._worth_search(replace(frame, words=None), without.text, lexical._Keys(without))  # none known
