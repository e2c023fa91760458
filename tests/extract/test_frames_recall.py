"""Recall frames and anaphors: each on a sentence written for this test, with the traps each family must avoid."""
import pytest

CASES = [
    # operates_in: areas of presence, a group's people in a place, X-held places, attacks and seizures by a group
    ("The chief areas of the Sun Brigade's activity in Iraq were Mosul, Dagestan and Chechnya.",
     ("Sun Brigade", "operates_in", "Chechnya")),
    ("Officials said two of the Desert Front's fighters were arrested in Mosul last week.",
     ("Desert Front", "operates_in", "Mosul")),
    ("Desert Front-held Aleppo came under fire.", ("Desert Front", "operates_in", "Aleppo")),
    ("The bombings in Aleppo were claimed by the Desert Front.", ("Desert Front", "operates_in", "Aleppo")),
    ("Once Aleppo and Mosul had been overrun by the Desert Front, the roads closed.",
     ("Desert Front", "operates_in", "Mosul")),
    ("Aleppo, which became a Desert Front stronghold last spring, is quiet now.",
     ("Desert Front", "operates_in", "Aleppo")),
    # opposes: fell fighting, steady fighting, enemies lists, sent to fight, X-led campaigns
    ("The Desert Front said five of its men were killed near Aleppo fighting Hezbollah.",
     ("Desert Front", "opposes", "Hezbollah")),
    ("The Desert Front's declared enemies include Hezbollah and the Sun Brigade.",
     ("Desert Front", "opposes", "Sun Brigade")),
    ("Turkish troops were flown to Syria in order to fight the Sun Brigade.", ("Turkey", "opposes", "Sun Brigade")),
    ("The U.S.-led air campaign against the Desert Front began in May.", ("United States", "opposes", "Desert Front")),
    # member_of: a past role, a charge
    ("Abu Omar al-Tunisi rarely spoke of his years as a Sun Brigade commander.",
     ("Abu Omar al-Tunisi", "member_of", "Sun Brigade")),
    ("Police held Abu Omar al-Tunisi, a cousin of a Desert Front official, on suspicion of joining the Sun Brigade.",
     ("Abu Omar al-Tunisi", "member_of", "Sun Brigade")),
    # allegiance_to: a leader named by title and group
    ("The Desert Front swore allegiance to the caliph of the Islamic State, Abu Bakr al-Baghdadi, in 2015.",
     ("Desert Front", "allegiance_to", "Abu Bakr al-Baghdadi")),
    ("The Desert Front swore allegiance to the caliph of the Islamic State in 2015.",
     ("Desert Front", "allegiance_to", "Islamic State")),
]


@pytest.mark.parametrize("text,want", CASES, ids=[f"{c[1][1]}-{i}" for i, c in enumerate(CASES)])
def test_frame(ties, text, want):
    found, _ = ties(text)
    wants = [want] + ([(want[2], want[1], want[0])] if want[1] in ("ally_of", "opposes") else [])
    assert any((*w, st) in found for w in wants for st in ("asserted", "reported")), found


def test_no_problems_with_is_a_denial_for_every_listed_group(ties):
    found, _ = ties("The Desert Front says it has no quarrel with other groups such as Hezbollah and the Sun Brigade.")
    for g in ("Hezbollah", "Sun Brigade"):
        pair = {("Desert Front", "opposes", g, "denied"), (g, "opposes", "Desert Front", "denied")}
        assert pair & found, found
    assert not any(t[1] == "opposes" and t[3] != "denied" for t in found), found


@pytest.mark.parametrize("text,bad", [
    ("The attacks in Mosul were condemned by the Desert Front.", ("Desert Front", "operates_in", "Mosul")),
    ("The Desert Front's allies include Hezbollah.", ("Desert Front", "opposes", "Hezbollah")),
    ("Abu Omar al-Tunisi wrote of his years as a Sun Brigade hostage.", ("Abu Omar al-Tunisi", "member_of", "Sun Brigade")),
    ("The Desert Front spoke of the caliph of the Islamic State, Abu Bakr al-Baghdadi.",
     ("Desert Front", "allegiance_to", "Abu Bakr al-Baghdadi")),
    ("Dozens of Russian fighters joined the Sun Brigade in Aleppo.", ("Russia", "opposes", "Sun Brigade")),
    ("Sun Brigade-backed Aleppo militias marched.", ("Sun Brigade", "operates_in", "Aleppo")),
])
def test_traps(ties, text, bad):
    found, _ = ties(text)
    assert not {t for t in found if t[:3] == bad or (bad[1] == "opposes" and t[:3] == (bad[2], bad[1], bad[0]))}, found


# anaphors ---------------------------------------------------------------------------------------------------
def test_demonym_names_the_state_only_with_an_organ(ties):
    found, ex = ties("Russian soldiers shelled the Sun Brigade near Aleppo.")
    assert ("Russia", "opposes", "Sun Brigade", "asserted") in found or \
        ("Sun Brigade", "opposes", "Russia", "asserted") in found, found
    _, ex = ties("Russian volunteers and Russian speakers joined the Sun Brigade.")
    assert not any(m.entity_key == "russia" for m in ex.mentions), ex.mentions


def test_both_cities(ties):
    found, _ = ties("The Sun Brigade lost Mosul and Aleppo in May. The Desert Front now keeps a presence in both cities.")
    assert {("Desert Front", "operates_in", "Mosul", "asserted"), ("Desert Front", "operates_in", "Aleppo", "asserted")} <= found, found


def test_both_cities_not_after_three(ties):
    found, _ = ties("Mosul, Dagestan and Aleppo were shelled. The Desert Front now keeps a presence in both cities.")
    assert not any(t[0] == "Desert Front" and t[1] == "operates_in" for t in found), found


def test_the_group_is_the_previous_sentence_subject(ties):
    text = ("The Desert Front is a small faction from Aleppo, whose members fled as the Sun Brigade took Mosul. "
            "The group said three of its fighters had been killed in Mosul.")
    found, _ = ties(text)
    assert ("Desert Front", "operates_in", "Mosul", "asserted") in found, found


def test_we_in_a_groups_quote_is_the_group(ties):
    text = 'Abu Omar al-Tunisi, a spokesman for the Desert Front, told us: "We are fighting Hezbollah in Aleppo."'
    found, _ = ties(text)
    assert any(t[:3] in {("Desert Front", "opposes", "Hezbollah"), ("Hezbollah", "opposes", "Desert Front")}
               for t in found), found


def test_we_in_a_statement_block_is_the_group(ties):
    text = "Statement from the Desert Front on the events of May.\n\nOur war against Hezbollah will go on."
    found, _ = ties(text)
    assert any(t[:3] in {("Desert Front", "opposes", "Hezbollah"), ("Hezbollah", "opposes", "Desert Front")}
               for t in found), found


def test_author_we_is_not_a_group(ties):
    found, _ = ties("The Desert Front is weak. In this essay we argue against Hezbollah's view of the war.")
    assert not any(t[1] == "opposes" and "Desert Front" in (t[0], t[2]) for t in found), found


def test_possessive_pronoun_is_not_a_list_member(kb):
    from factionmap.extract.ties.mask import Masked, expand_left, expand_right
    m = Masked("«G0» and «G1» jihad is in «L2»", list(range(30)), [], frozenset({1}))
    assert expand_left(m, m.text.index("«G1»"), "G") == []
    assert expand_right(m, len("«G0»"), "G") == []
