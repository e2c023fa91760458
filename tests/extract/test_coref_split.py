"""Ends that a sentence split or a pronoun hid: abbreviations that end no sentence, nested list items
indented by a single space, "it is considered a ...", "In 1975 they", "its" after a sentence that
forms a group, and a "He" after a long quote. Texts invented for these tests."""
from __future__ import annotations

import pytest

from factionmap.extract.lists import items
from factionmap.extract.scoring.pairs import list_pairs
from factionmap.extract.segment import split_sentences
from factionmap.model import Document


@pytest.fixture(scope="module")
def annotate(pipeline):
    def run(text: str, title: str | None = None):
        return pipeline.annotate(Document(text=text, title=title))
    return run


def _resolved(ann, phrase: str, nth: int = 0) -> str | None:
    """The name of the entity the `nth` occurrence of `phrase` was resolved to (None: unresolved)."""
    at = -1
    for _ in range(nth + 1):
        at = ann.text.index(phrase, at + 1)
    span = next((s for s in ann.spans if s.start == at and s.source == "coref"), None)
    return ann.entities[span.key].name if span else None


# sentence splitting ----------------------------------------------------------------------------------------

@pytest.mark.parametrize("text, parts", [
    ('The Sun Brigade (Liwa al-Shams; lit. "Brigade of the Sun") was formed in 2014. It fought in Homs.',
     2),
    ("Brig. Gen. Omar Haddad led the raid. The unit withdrew.", 2),
    ("The figures follow Haddad et al. 2019, who counted the fighters. The count was disputed.", 2),
    ("See the map, cf. the appendix. The front moved north.", 2),
])
def test_abbreviations_end_no_sentence(text, parts):
    got = [text[a:b] for a, b in split_sentences(text, 0, len(text))]
    assert len(got) == parts, got
    assert got[-1] in ("It fought in Homs.", "The unit withdrew.", "The count was disputed.", "The front moved north.")


def test_a_real_stop_after_a_short_word_still_splits():
    text = "The brigade held the town. It withdrew in 2016."
    got = [text[a:b] for a, b in split_sentences(text, 0, len(text))]
    assert got == ["The brigade held the town.", "It withdrew in 2016."]


# nested list items -----------------------------------------------------------------------------------------

_LIST = ("The Hill Operations Room is a coalition of armed groups.\n\n== Member groups ==\n\n"
         "- Victory Bloc\n - 14th Division\n - Sons of the Valley Battalion\n- Free Coast Brigade\n"
         " - Harbour Battalion\n")


def test_an_item_indented_by_one_space_hangs_under_the_item_above(annotate):
    ann = annotate(_LIST)
    found = items(ann)
    by_text = {ann.text[ann.sentences[i].start:ann.sentences[i].end].strip("- "): it for i, it in found.items()}
    bloc = by_text["Victory Bloc"]
    assert bloc.depth == 0 and bloc.parent is None
    assert by_text["14th Division"].parent == bloc.sentence and by_text["14th Division"].depth == 1
    assert by_text["Free Coast Brigade"].parent is None
    assert by_text["Harbour Battalion"].parent == by_text["Free Coast Brigade"].sentence


def test_a_nested_item_pairs_with_its_parent_and_with_the_page_subject(annotate):
    ann = annotate(_LIST, title="Hill Operations Room")
    assert ann.subject is not None and ann.entities[ann.subject].name.endswith("Hill Operations Room")
    pairs = {(ann.text[p.a.start:p.a.end], ann.text[p.b.start:p.b.end]) for p in list_pairs(ann)}
    assert ("Victory Bloc", "14th Division") in pairs
    subject_pairs = {b for a, b in pairs if a.endswith("Hill Operations Room")}
    assert {"Victory Bloc", "14th Division", "Harbour Battalion"} <= subject_pairs


def test_an_unindented_run_of_items_stays_flat(annotate):
    ann = annotate("The Hill Operations Room is a coalition.\n\n== Member groups ==\n\n"
                   "- Victory Bloc\n- 14th Division\n")
    assert all(it.parent is None and it.depth == 0 for it in items(ann).values())


# "it" / "its" -----------------------------------------------------------------------------------------------

def test_it_is_considered_a_points_back(annotate):
    ann = annotate("The Sun Brigade was formed in Homs in 2014.\n\n"
                   "The Sun Brigade holds several villages. Since 2016, it is considered a terrorist "
                   "organization by Canada.")
    assert _resolved(ann, "it is considered") == "Sun Brigade"


def test_it_is_a_matter_of_time_points_nowhere(annotate):
    ann = annotate("The Sun Brigade holds several villages. It is only a matter of time before the town falls.")
    assert _resolved(ann, "It is only") is None


def test_its_after_a_merger_is_the_group_the_merger_formed(annotate):
    ann = annotate("In January 2017 Jabhat Fatah al-Sham merged with Jund al-Aqsa to form Hay'at Tahrir "
                   "al-Sham. Abu Jaber Hashem was named its first leader.")
    assert _resolved(ann, "its first") == "Hay'at Tahrir al-Sham"


def test_it_after_a_group_was_established_is_that_group(annotate):
    ann = annotate("In 1950, a congress of the Ahrar al-Sham cells met in Idlib and the Sun Brigade was "
                   "established. Its first leader was Hassan Aboud.")
    assert _resolved(ann, "Its first") == "Sun Brigade"


def test_it_after_a_sentence_forming_nothing_keeps_the_first_group(annotate):
    ann = annotate("Jabhat Fatah al-Sham fought Jund al-Aqsa near Idlib in 2017. Its fighters took two villages.")
    assert _resolved(ann, "Its fighters") == "Jabhat Fatah al-Sham"


# "they" after a short lead ----------------------------------------------------------------------------------

def test_they_after_a_dated_lead_without_a_comma(annotate):
    ann = annotate("The Sun Brigade expanded across Homs province. In 1975 they sent envoys to Ahrar al-Sham.")
    assert _resolved(ann, "they") == "Sun Brigade"


def test_when_they_opens_a_sentence(annotate):
    ann = annotate("The Sun Brigade trained in the desert for a year. When they returned to Aleppo, they "
                   "attacked army posts.")
    assert _resolved(ann, "they") == "Sun Brigade"
    assert _resolved(ann, "they", 1) == "Sun Brigade"


def test_they_reaches_past_a_sentence_that_names_no_group(annotate):
    ann = annotate("The Sun Brigade fought mostly in rural areas. By 1982, money from smuggling allowed them "
                   "to grow. They also sent fighters to Turkey.")
    assert _resolved(ann, "They") == "Sun Brigade"


def test_they_does_not_reach_past_a_sentence_about_another_group(annotate):
    ann = annotate("The Sun Brigade fought mostly in rural areas. Residents said Hezbollah's advisers came "
                   "later. They also sent fighters to Turkey.")
    assert _resolved(ann, "They") is None


# "He" after a quote ----------------------------------------------------------------------------------------

def test_he_after_a_long_quote_is_the_speaker(annotate):
    quote = ("'We call on every brother in every land to stand with us, to give what he can give, and to "
             "remember that the road is long and that patience is the first of all the virtues we "
             "must keep in these hard years, whatever comes to us from those who fight against us "
             "and whatever they say of us in their papers and on their screens.'")
    ann = annotate(f"Ayman al-Zawahiri spoke in a video released in 2014. He said: {quote}\n\n"
                   "He also renewed his pledge to al-Qaeda's council.")
    assert _resolved(ann, "He also") == "Ayman al-Zawahiri"


def test_he_after_a_long_text_naming_no_person_before_stays_unresolved(annotate):
    filler = "The war in the province went on for years and the towns changed hands many times. " * 6
    ann = annotate(f"The Sun Brigade held Homs. {filler}He also renewed the pledge.")
    assert _resolved(ann, "He also") is None
