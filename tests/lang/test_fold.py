"""One name fold: the store's key and the extractor's matching fold follow the same rules."""
import pytest

from factionmap import namefold as names
from factionmap.extract import fold as extract_fold
from factionmap.lang import english
from factionmap.lang import fold as lang_fold


@pytest.mark.parametrize("name, folded", [
    ("Jaysh ud-Dawla", "jaysh al dawla"),
    ("Ahrar es-Sham", "ahrar al sham"),
    ("ISIS's", "isis s"),
    ("ad-Dawlah al-Islāmīyah", "al dawlah al islamiyah"),
    ("Hayʻat Tahrir al-Sham", "hayat tahrir al sham"),
])
def test_the_store_key_and_the_matching_fold_agree(name, folded):
    assert names.fold(name) == folded
    assert extract_fold.fold(name) == folded
    text, idx = lang_fold.fold_with_map(name)
    assert text.strip() == folded and len(idx) == len(text)


def test_articles_written_apart_fold_only_in_names():
    assert names.fold("Ahrar es Sham") == "ahrar al sham"
    assert lang_fold.fold_with_map("known as Daesh")[0] == "known as daesh"


@pytest.mark.parametrize("name", ["US Army", "Ed Husain"])
def test_english_words_written_apart_are_not_the_article(name):
    assert not names.fold(name).startswith("al ")


def test_the_article_spellings_come_from_the_language_pack():
    spellings = english().words("vocabulary", "arabic_article")
    assert {"al", "ud", "es"} <= set(spellings)
    assert set(lang_fold.ARTICLES) == set(spellings)


def test_the_speech_verbs_and_hedges_come_from_one_lexicon():
    import re

    from factionmap.extract import coref, stance
    from factionmap.lang.lexicon import hedges, speech_verbs

    said = re.compile(r"(?i)\b" + speech_verbs("speech") + r"\b")
    assert said.fullmatch("said") and said.fullmatch("told") and not said.fullmatch("announced")
    assert re.fullmatch(hedges(), "thought  to") and re.fullmatch(hedges(), "speculation")
    # each stage's pattern is built from the lexicon: a verb listed there is a verb every stage knows
    assert stance.lexicon(english()).speech_that.search("the minister told reporters that")
    assert stance.lexicon(english()).speaker_verb.search("the group characterised")
    assert coref._SPEECH.search("the group characterised")
