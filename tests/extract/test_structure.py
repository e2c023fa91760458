"""part_of ties from a group's structure (a unit named with its parent, member lists) and designations
denied over a negated list of designators."""
from factionmap.extract.ties import Candidate, Scored, assemble
from factionmap.extract.ties.structure import member_lists, unit_of
from factionmap.model import Document


def _names(ann, cands):
    return {(ann.entities[c.subject.key].name, c.relation, ann.entities[c.object.key].name) for c in cands}


def test_unit_of_its_parent(pipeline):
    ann = pipeline.annotate(Document("In 2015 the Third Brigade of the Desert Front held the road to Aleppo."))
    assert ("Third Brigade", "part_of", "Desert Front") in _names(ann, unit_of(ann))


def test_unit_of_needs_a_unit_word_and_a_group(pipeline):
    ann = pipeline.annotate(Document("The Sun Brigade of Aleppo and the Hill Brigade fought the Islamic State. "
                                     "Fighters of the Desert Front left."))
    assert unit_of(ann) == []


def test_nested_member_list_hangs_each_item_under_its_parent(pipeline):
    text = ("Islamic Front\n\nThe Islamic Front is a coalition in Syria.\n\n== Member groups ==\n\n"
            "- Sun Brigade\n  - Hill Brigade\n  - Desert Front\n- Green Valley Front\n")
    ann = pipeline.annotate(Document(text, title="Islamic Front"))
    found = _names(ann, member_lists(ann))
    assert ("Hill Brigade", "part_of", "Sun Brigade") in found
    assert ("Desert Front", "part_of", "Sun Brigade") in found
    assert ("Green Valley Front", "part_of", "Islamic Front") in found
    assert ("Hill Brigade", "part_of", "Islamic Front") not in found  # only its immediate parent


def test_list_under_another_heading_states_no_membership(pipeline):
    text = ("Islamic Front\n\nThe Islamic Front is a coalition in Syria.\n\n== Opponents ==\n\n"
            "- Sun Brigade\n  - Hill Brigade\n")
    ann = pipeline.annotate(Document(text, title="Islamic Front"))
    assert member_lists(ann) == []


def _designation(pipeline, text: str, group: str, designator: str):
    ann = pipeline.annotate(Document(text))
    span = {ann.entities[s.key].name: s for s in ann.spans}
    g, d = span[group], span[designator]
    c = Candidate(g, "designated_by", d, ann.sentence_at(d.start), (d.start, d.end), "model")
    (a,) = assemble(ann, [Scored(c, 0.9)]).assertions
    return a.stance.value


def test_designators_in_a_negated_contrast_clause_are_denied(pipeline):
    text = ("The Desert Front is listed as a terrorist organisation by Iraq, "
            "whereas the governments of Syria, Somalia and Nigeria do not.")
    assert _designation(pipeline, text, "Desert Front", "Somalia") == "denied"
    assert _designation(pipeline, text, "Desert Front", "Syria") == "denied"
    assert _designation(pipeline, text, "Desert Front", "Iraq") == "asserted"


def test_designators_among_those_that_do_not(pipeline):
    text = "Syria, Somalia and Nigeria are among the countries that do not regard the Desert Front as terrorist."
    assert _designation(pipeline, text, "Desert Front", "Syria") == "denied"


def test_not_only_is_no_denial_of_the_list(pipeline):
    text = "Syria and Iraq have not only listed the Desert Front as a terrorist group but also banned it."
    assert _designation(pipeline, text, "Desert Front", "Syria") == "asserted"
