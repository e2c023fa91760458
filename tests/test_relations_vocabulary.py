"""relations.py is the single source of what a relation is: every consumer reads its entry."""
from factionmap import relations
from factionmap.export import stix_vocab
from factionmap.extract.ties import infobox, lexical
from factionmap.graph import timeline


def test_every_consumer_reads_the_one_entry():
    for r in relations.RELATIONS.values():
        assert stix_vocab.RELATIONSHIP_TYPES[r.name] == r.stix
        assert timeline.ENDS.get(r.name, frozenset()) == r.ends
        for f in r.infobox_fields:
            assert infobox.field_relation(f.title() + ":") == (r.name, False)
        for f in r.infobox_subject_fields:
            assert infobox.field_relation(f) == (r.name, True)
        assert (r.name in lexical._PARTITIVE_OK) == r.partitive_ok


def test_what_ends_a_tie_names_known_relations():
    for r in relations.RELATIONS.values():
        assert r.ends <= set(relations.RELATIONS), r.name


def test_stix_types_read_back_to_their_relation():
    for r in relations.RELATIONS.values():
        if r.name != "member_of":  # part-of from a person reads as member_of (export/stix_read)
            assert stix_vocab.RELATION_OF_TYPE[r.stix] == r.name
