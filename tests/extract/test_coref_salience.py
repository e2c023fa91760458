"""Coreference by salience: "they" opening a sentence, a head noun in lower case ("the emirate"), the
document's focus for "the group" in a report without an infobox; and the traps each must avoid.
Texts invented for these tests."""
from __future__ import annotations

import pytest

from factionmap.extract.coref import document_focus
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


# "they" / "their" opening a sentence: the group the sentence before is about -----------------------------

def test_they_opening_a_sentence_is_the_group_the_sentence_before_is_about(annotate):
    ann = annotate("The Sun Brigade was formed in 2014 in Homs. They later joined the Islamic State.")
    assert _resolved(ann, "They") == "Sun Brigade"


def test_their_after_and_is_the_subject_of_the_clause_before(annotate):
    ann = annotate("The Sun Brigade left Homs in 2016, and their fighters moved to Aleppo.")
    assert _resolved(ann, "their") == "Sun Brigade"


def test_they_after_a_sentence_about_a_person_stays_unresolved(annotate):
    ann = annotate("The Sun Brigade held Homs until 2015.\n\nAbu Omar al-Tunisi met two envoys in Aleppo. "
                   "They asked for money.")
    assert _resolved(ann, "They") is None


def test_their_after_a_group_named_in_its_own_sentence_is_left_to_the_sentence(annotate):
    ann = annotate("The Sun Brigade was formed in 2014. Hezbollah sent their advisers to Homs.")
    assert _resolved(ann, "their") is None  # not the Sun Brigade: a group of its own sentence stands nearer


def test_a_persons_his_never_resolves_to_the_document_subject(annotate):
    ann = annotate("Desert Front | |\nAllegiance | Islamic State |\n"
                   "The Desert Front is a jihadist group in Syria.\n"
                   "Abu Omar al-Tunisi led it from 2015. His brother was killed in Homs.\n")
    assert ann.entities[ann.subject].name == "Desert Front"
    assert _resolved(ann, "His") == "Abu Omar al-Tunisi"


# a head noun in lower case: the entity whose name ends with it ---------------------------------------------

def test_the_emirate_in_lower_case_is_the_emirate_named_before(annotate):
    ann = annotate("The Caucasus Emirate lost ground in 2015. The emirate was organised in provinces.")
    assert _resolved(ann, "The emirate") == "Caucasus Emirate"


def test_the_front_line_is_no_group(annotate):
    ann = annotate("Jabhat al-Nusra, also called the Nusra Front, held Idlib. The front line moved east in 2016.")
    assert _resolved(ann, "The front") is None


def test_a_head_noun_no_name_ends_with_stays_unresolved(annotate):
    ann = annotate("Hezbollah fought in Syria in 2013. The party denied it.")
    assert _resolved(ann, "The party") is None


# the document's focus: a report's "the group" when no infobox names the subject ----------------------------

REPORT = ("Hezbollah fighters entered Homs in 2013. Hezbollah said the operation was defensive. "
          "Local officials blamed Hezbollah for the shelling.\n\n"
          "Police in Aleppo arrested two men they linked to Boko Haram. The group denied any role.")


def test_focus_is_the_group_a_report_names_most(annotate):
    ann = annotate(REPORT)
    assert ann.subject is None
    assert ann.entities[document_focus(ann)].name == "Hezbollah"
    assert _resolved(ann, "The group") == "Hezbollah"  # not Boko Haram, named once in passing


def test_no_focus_when_no_group_stands_out(annotate):
    ann = annotate("Hezbollah entered Homs in 2013. Boko Haram attacked Maiduguri. Hezbollah left Homs. "
                   "Boko Haram left Maiduguri. The group denied it.")
    assert document_focus(ann) is None
    assert _resolved(ann, "The group") == "Boko Haram"  # the last group named, as before


# a group page's "they" that no sentence before stands for: the page's subject --------------------

PAGE = ("Desert Front | |\nAllegiance | Islamic State |\n"
        "The Desert Front is a jihadist group in Syria.\n\n"
        "Founded in 2013, the Desert Front fought in Homs.\n\n")


def test_they_after_the_page_subject_named_in_its_paragraph_is_the_subject(annotate):
    ann = annotate(PAGE + "In 2014 Homs fell to the Desert Front. In 2015 they sent envoys to Aleppo. "
                   "Their best-known leader was Abu Omar al-Tunisi.\n")
    assert ann.entities[ann.subject].name == "Desert Front"
    assert _resolved(ann, "they") == "Desert Front"  # the sentence before names it, but not as its subject
    assert _resolved(ann, "Their") == "Desert Front"


def test_they_opening_a_paragraph_of_a_group_page_stays_unresolved(annotate):
    ann = annotate(PAGE + "In 2015 they sent envoys to Aleppo.\n")
    assert _resolved(ann, "they") is None  # as often the people of the paragraph before


def test_they_on_a_group_page_after_another_group_in_the_paragraph_stays_unresolved(annotate):
    ann = annotate(PAGE + "The Desert Front lost Palmyra. The Sun Brigade held Palmyra for a year, and the town changed hands twice.\n"
                   "Later that year they sent envoys to Aleppo.\n")
    assert _resolved(ann, "they") is None  # the paragraph is about the Sun Brigade too


def test_they_on_a_group_page_after_two_persons_stays_unresolved(annotate):
    ann = annotate(PAGE + "Abu Omar al-Tunisi and Abu Bakr al-Baghdadi met the Desert Front in Homs in 2014. "
                   "In 2015 they travelled to Aleppo.\n")
    assert _resolved(ann, "they") is None  # the two men, not the group


def test_they_in_a_report_about_no_one_group_stays_unresolved(annotate):
    ann = annotate("Fighting went on in Syria in 2014. The Desert Front held Homs.\n\nIn 2015 they sent envoys to Aleppo.\n")
    assert ann.subject is None
    assert _resolved(ann, "they") is None


# a group's unnamed part opening a sentence, in a report about one group: that group -------------------

PART_REPORT = ("Hezbollah entered Homs in 2013. Hezbollah held the town for a year. Hezbollah left Homs in 2014. "
               "The Lebanon-based Boko Haram affiliate has grown into a large force since then.")


def test_an_unnamed_affiliate_opening_a_sentence_is_the_focus(annotate):
    ann = annotate(PART_REPORT)
    assert _resolved(ann, "affiliate") == "Hezbollah"


def test_boko_harams_affiliate_in_a_place_is_the_focus(annotate):
    ann = annotate(PART_REPORT.replace("The Lebanon-based Boko Haram affiliate", "Boko Haram's affiliate in Lebanon"))
    assert _resolved(ann, "affiliate") == "Hezbollah"


@pytest.mark.parametrize("opening", [
    "Boko Haram's affiliate Ansaru",  # named: the frames' reading
    "Boko Haram's affiliate in Lebanon and Ansaru",  # no verb follows
    "Hezbollah's affiliate in Lebanon",  # the focus's own part
    "After the talks, Abu Bakr said Boko Haram's affiliate",  # a person before it: not the sentence's subject
])
def test_an_affiliate_that_is_named_or_no_subject_stays_unresolved(annotate, opening):
    ann = annotate(PART_REPORT.replace("The Lebanon-based Boko Haram affiliate", opening))
    assert _resolved(ann, "affiliate") is None
