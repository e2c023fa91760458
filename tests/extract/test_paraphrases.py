"""A paraphrase suite: each scored relation stated in many common English wordings (encyclopedia, news and
analysts' registers), plus sentences that mention the same names without stating the tie.

The rules were tuned on one development set; this suite guards wordings that other writers use. Cases the
extractor cannot read yet are marked xfail (strict), so they document the gap and fail loudly once fixed.
Every sentence here was written for this suite.
"""
from __future__ import annotations

import pytest

SYMMETRIC = {"ally_of", "opposes"}

# (id, text, subject, relation, object) -- the tie must be found, asserted
POSITIVE = [
    # allegiance_to ----------------------------------------------------------------------------------------
    ("alg-active", "In March 2015 Boko Haram pledged allegiance to the Islamic State.",
     "Boko Haram", "allegiance_to", "Islamic State"),
    ("alg-swore", "Ansaru swore an oath of loyalty to al-Qaeda shortly after its founding.",
     "Ansaru", "allegiance_to", "al-Qaeda"),
    ("alg-bayah", "The Caucasus Emirate's commanders gave bay'ah to al-Baghdadi in a video released in June.",
     "Caucasus Emirate", "allegiance_to", "Abu Bakr al-Baghdadi"),
    ("alg-noun", "Boko Haram's pledge of allegiance to the Islamic State was accepted within days.",
     "Boko Haram", "allegiance_to", "Islamic State"),
    ("alg-loyal", "Jund al-Aqsa, which remained loyal to al-Qaeda, refused to join the coalition.",
     "Jund al-Aqsa", "allegiance_to", "al-Qaeda"),
    ("alg-accepted", "The Islamic State accepted the pledge of allegiance from Boko Haram in 2015.",
     "Boko Haram", "allegiance_to", "Islamic State"),
    ("alg-declared", "Al-Shabaab declared its allegiance to al-Qaeda in a statement released in 2012.",
     "al-Shabaab", "allegiance_to", "al-Qaeda"),
    ("alg-pledging", "After pledging allegiance to the Islamic State, Boko Haram renamed itself.",
     "Boko Haram", "allegiance_to", "Islamic State"),
    # part_of ------------------------------------------------------------------------------------------------
    ("part-branch", "Jabhat al-Nusra was the Syrian branch of al-Qaeda until 2016.",
     "Jabhat al-Nusra", "part_of", "al-Qaeda"),
    ("part-affiliate-of", "Al-Shabaab, an affiliate of al-Qaeda, controls much of rural Somalia.",
     "al-Shabaab", "part_of", "al-Qaeda"),
    ("part-its-branch", "Al-Qaeda and its branch in Syria, Jabhat al-Nusra, denied the reports.",
     "Jabhat al-Nusra", "part_of", "al-Qaeda"),
    ("part-province", "ISWAP is the West African province of the Islamic State.",
     "Islamic State West Africa Province", "part_of", "Islamic State"),
    ("part-joined", "In 2013 Jaish al-Muhajireen wal-Ansar joined Jabhat al-Nusra.",
     "Jaish al-Muhajireen wal-Ansar", "part_of", "Jabhat al-Nusra"),
    ("part-affiliated", "Ansaru is affiliated with al-Qaeda and trains in the Sahel.",
     "Ansaru", "part_of", "al-Qaeda"),
    ("part-wing", "Ansaru operated as a wing of Boko Haram for several years.",
     "Ansaru", "part_of", "Boko Haram"),
    ("part-component", "Ahrar al-Sham was the largest component of Hay'at Tahrir al-Sham at the time.",
     "Ahrar al-Sham", "part_of", "Hay'at Tahrir al-Sham"),
    # ally_of --------------------------------------------------------------------------------------------------
    ("ally-allied", "Jabhat al-Nusra allied with Ahrar al-Sham during the Idlib offensive.",
     "Jabhat al-Nusra", "ally_of", "Ahrar al-Sham"),
    ("ally-in-alliance", "Ahrar al-Sham fought in alliance with Jabhat al-Nusra in 2015.",
     "Ahrar al-Sham", "ally_of", "Jabhat al-Nusra"),
    ("ally-teamed", "Jund al-Aqsa teamed up with Jabhat al-Nusra to take the airbase.",
     "Jund al-Aqsa", "ally_of", "Jabhat al-Nusra"),
    ("ally-alongside", "Fighters of Ahrar al-Sham fought alongside Jabhat al-Nusra near Aleppo.",
     "Ahrar al-Sham", "ally_of", "Jabhat al-Nusra"),
    ("ally-pair", "Ahrar al-Sham and Jabhat al-Nusra formed a joint operations room in March.",
     "Ahrar al-Sham", "ally_of", "Jabhat al-Nusra"),
    ("ally-between", "An alliance between Ansaru and Boko Haram was announced in 2012.",
     "Ansaru", "ally_of", "Boko Haram"),
    ("ally-ally-of", "Jund al-Aqsa, a close ally of Jabhat al-Nusra, withdrew from the front.",
     "Jund al-Aqsa", "ally_of", "Jabhat al-Nusra"),
    ("ally-cooperated", "Ansaru cooperated closely with Boko Haram on kidnappings in 2012.",
     "Ansaru", "ally_of", "Boko Haram"),
    # opposes ------------------------------------------------------------------------------------------------------
    ("opp-clashed", "Jabhat al-Nusra clashed with the Islamic State near Raqqa in January.",
     "Jabhat al-Nusra", "opposes", "Islamic State"),
    ("opp-at-war", "By 2014 the Islamic State was at war with Jabhat al-Nusra.",
     "Islamic State", "opposes", "Jabhat al-Nusra"),
    ("opp-attacked", "Hezbollah attacked Jabhat al-Nusra positions in the mountains.",
     "Hezbollah", "opposes", "Jabhat al-Nusra"),
    ("opp-fought", "Ahrar al-Sham fought against the Islamic State in northern Aleppo.",
     "Ahrar al-Sham", "opposes", "Islamic State"),
    ("opp-passive", "Jund al-Aqsa was attacked by Ahrar al-Sham in February.",
     "Jund al-Aqsa", "opposes", "Ahrar al-Sham"),
    ("opp-rival", "Hay'at Tahrir al-Sham, a bitter rival of Ahrar al-Sham, seized the crossing.",
     "Hay'at Tahrir al-Sham", "opposes", "Ahrar al-Sham"),
    ("opp-fighting-between", "Fighting between the Islamic State and al-Shabaab broke out in Puntland.",
     "Islamic State", "opposes", "al-Shabaab"),
    ("opp-clashes-with", "Clashes with Boko Haram left ISWAP weakened in Borno.",
     "Islamic State West Africa Province", "opposes", "Boko Haram"),
    ("opp-war-on", "Al-Qaeda declared war on the Islamic State in a lengthy communique.",
     "al-Qaeda", "opposes", "Islamic State"),
    ("opp-offensive", "The Islamic State launched an offensive against al-Shabaab in Puntland.",
     "Islamic State", "opposes", "al-Shabaab"),
    # split_from ------------------------------------------------------------------------------------------------------
    ("split-broke-away", "Ansaru broke away from Boko Haram in 2012.",
     "Ansaru", "split_from", "Boko Haram"),
    ("split-breakaway-faction", "Ansaru, a breakaway faction of Boko Haram, kidnapped foreigners.",
     "Ansaru", "split_from", "Boko Haram"),
    ("split-offshoot", "Ansaru is an offshoot of Boko Haram.",
     "Ansaru", "split_from", "Boko Haram"),
    ("split-emerged", "Jund al-Aqsa emerged from Jabhat al-Nusra in 2013.",
     "Jund al-Aqsa", "split_from", "Jabhat al-Nusra"),
    ("split-after-splitting", "After splitting from Boko Haram, ISWAP became the stronger faction.",
     "Islamic State West Africa Province", "split_from", "Boko Haram"),
    ("split-formed-by-defectors", "Jund al-Aqsa was formed by defectors from Jabhat al-Nusra.",
     "Jund al-Aqsa", "split_from", "Jabhat al-Nusra"),
    ("split-splinter", "Ansaru, a splinter group of Boko Haram, was banned in 2013.",
     "Ansaru", "split_from", "Boko Haram"),
    ("split-passive-formed", "ISWAP was formed out of a faction of Boko Haram.",
     "Islamic State West Africa Province", "split_from", "Boko Haram"),
    ("split-the-group-split", "Ansaru split from Boko Haram over the killing of Muslim civilians.",
     "Ansaru", "split_from", "Boko Haram"),
    ("split-premod", "The Boko Haram splinter group Ansaru claimed the kidnapping of two engineers.",
     "Ansaru", "split_from", "Boko Haram"),
    # merged_into ----------------------------------------------------------------------------------------------------------
    ("merge-merged-into", "Jabhat Fatah al-Sham merged into Hay'at Tahrir al-Sham in January 2017.",
     "Jabhat Fatah al-Sham", "merged_into", "Hay'at Tahrir al-Sham"),
    ("merge-absorbed-by", "Jaish al-Muhajireen wal-Ansar was absorbed by Jabhat al-Nusra.",
     "Jaish al-Muhajireen wal-Ansar", "merged_into", "Jabhat al-Nusra"),
    ("merge-absorbed", "Hay'at Tahrir al-Sham absorbed Jund al-Aqsa in 2017.",
     "Jund al-Aqsa", "merged_into", "Hay'at Tahrir al-Sham"),
    ("merge-dissolved", "Jund al-Aqsa dissolved into Hay'at Tahrir al-Sham.",
     "Jund al-Aqsa", "merged_into", "Hay'at Tahrir al-Sham"),
    ("merge-to-form", "Jabhat Fatah al-Sham merged with smaller factions to form Hay'at Tahrir al-Sham.",
     "Jabhat Fatah al-Sham", "merged_into", "Hay'at Tahrir al-Sham"),
    ("merge-folded", "Liwa al-Tawhid was folded into Ahrar al-Sham.",
     "Liwa al-Tawhid", "merged_into", "Ahrar al-Sham"),
    # successor_of ----------------------------------------------------------------------------------------------------------
    ("succ-renamed", "Jabhat al-Nusra was renamed Jabhat Fatah al-Sham in July 2016.",
     "Jabhat Fatah al-Sham", "successor_of", "Jabhat al-Nusra"),
    ("succ-became-known", "Jabhat al-Nusra became known as Jabhat Fatah al-Sham after 2016.",
     "Jabhat Fatah al-Sham", "successor_of", "Jabhat al-Nusra"),
    ("succ-succeeded", "The Islamic State of Iraq succeeded al-Qaeda in Iraq in 2006.",
     "Islamic State of Iraq", "successor_of", "al-Qaeda in Iraq"),
    ("succ-formerly", "Jabhat Fatah al-Sham, formerly known as Jabhat al-Nusra, denied any foreign link.",
     "Jabhat Fatah al-Sham", "successor_of", "Jabhat al-Nusra"),
    ("succ-successor", "The Islamic State of Iraq was the successor of al-Qaeda in Iraq.",
     "Islamic State of Iraq", "successor_of", "al-Qaeda in Iraq"),
    ("succ-rebranded", "Jabhat al-Nusra rebranded itself as Jabhat Fatah al-Sham.",
     "Jabhat Fatah al-Sham", "successor_of", "Jabhat al-Nusra"),
    ("succ-changed-name", "In 2006 al-Qaeda in Iraq changed its name to the Islamic State of Iraq.",
     "Islamic State of Iraq", "successor_of", "al-Qaeda in Iraq"),
    ("succ-predecessor", "Al-Qaeda in Iraq, the predecessor of the Islamic State of Iraq, was founded in 2004.",
     "Islamic State of Iraq", "successor_of", "al-Qaeda in Iraq"),
    # leader_of ------------------------------------------------------------------------------------------------------------------
    ("lead-led-by", "Boko Haram was led by Abubakar Shekau from 2009.",
     "Abubakar Shekau", "leader_of", "Boko Haram"),
    ("lead-under-leadership", "Under the leadership of Abubakar Shekau, Boko Haram grew more violent.",
     "Abubakar Shekau", "leader_of", "Boko Haram"),
    ("lead-headed-by", "ISWAP, headed by Abu Musab al-Barnawi, rejected indiscriminate attacks.",
     "Abu Musab al-Barnawi", "leader_of", "Islamic State West Africa Province"),
    ("lead-emir", "Jabhat al-Nusra grew quickly in 2013. Abu Mohammad al-Julani, the group's emir, rarely appeared in public.",
     "Abu Mohammad al-Julani", "leader_of", "Jabhat al-Nusra"),
    ("lead-premod", "Boko Haram leader Abubakar Shekau appeared in a new video.",
     "Abubakar Shekau", "leader_of", "Boko Haram"),
    ("lead-leads", "Abu Mohammad al-Julani leads Hay'at Tahrir al-Sham.",
     "Abu Mohammad al-Julani", "leader_of", "Hay'at Tahrir al-Sham"),
    ("lead-its-commander", "Hassan Aboud, the leader of Ahrar al-Sham, was killed in 2014.",
     "Hassan Aboud", "leader_of", "Ahrar al-Sham"),
    ("lead-its-leader", "Ahrar al-Sham lost its leader, Hassan Aboud, in a bombing in 2014.",
     "Hassan Aboud", "leader_of", "Ahrar al-Sham"),
    ("lead-appointed", "Abu Musab al-Barnawi was appointed leader of ISWAP in 2016.",
     "Abu Musab al-Barnawi", "leader_of", "Islamic State West Africa Province"),
    # member_of ------------------------------------------------------------------------------------------------------------------
    ("mem-senior-member", "Abu Omar al-Shishani, a senior member of the Islamic State, was killed in 2016.",
     "Abu Omar al-Shishani", "member_of", "Islamic State"),
    ("mem-spokesman", "Abu Musab al-Barnawi served as spokesman for Boko Haram.",
     "Abu Musab al-Barnawi", "member_of", "Boko Haram"),
    ("mem-joined", "Abu Omar al-Shishani joined the Islamic State in 2013.",
     "Abu Omar al-Shishani", "member_of", "Islamic State"),
    ("mem-fought-for", "Abu Omar al-Shishani fought for Jaish al-Muhajireen wal-Ansar before 2013.",
     "Abu Omar al-Shishani", "member_of", "Jaish al-Muhajireen wal-Ansar"),
    ("mem-commander", "Abu Omar al-Shishani was a commander in the Islamic State.",
     "Abu Omar al-Shishani", "member_of", "Islamic State"),
    ("mem-premod", "Islamic State commander Abu Omar al-Shishani died near Mosul.",
     "Abu Omar al-Shishani", "member_of", "Islamic State"),
    ("mem-spokesman-appos", "Abu Musab al-Barnawi, the spokesman of Boko Haram, released a statement.",
     "Abu Musab al-Barnawi", "member_of", "Boko Haram"),
    ("mem-military-chief", "Abu Omar al-Shishani rose to become military chief of the Islamic State.",
     "Abu Omar al-Shishani", "member_of", "Islamic State"),
    ("mem-fighter", "Abu Omar al-Shishani, an Islamic State fighter from Georgia, was killed in 2016.",
     "Abu Omar al-Shishani", "member_of", "Islamic State"),
    # defected_to ------------------------------------------------------------------------------------------------------------------
    ("def-defected-to", "Abu Omar al-Shishani defected to the Islamic State in 2013.",
     "Abu Omar al-Shishani", "defected_to", "Islamic State"),
    ("def-left-joined", "Abu Omar al-Shishani left Jaish al-Muhajireen wal-Ansar and joined the Islamic State.",
     "Abu Omar al-Shishani", "defected_to", "Islamic State"),
    ("def-switched", "Jund al-Aqsa switched its allegiance from Jabhat al-Nusra to the Islamic State.",
     "Jund al-Aqsa", "defected_to", "Islamic State"),
    ("def-after-leaving", "Abu Omar al-Shishani joined the Islamic State after leaving Jaish al-Muhajireen wal-Ansar.",
     "Abu Omar al-Shishani", "defected_to", "Islamic State"),
    ("def-from-to", "Abu Omar al-Shishani defected from Jaish al-Muhajireen wal-Ansar to the Islamic State.",
     "Abu Omar al-Shishani", "defected_to", "Islamic State"),
    ("def-went-over", "Dozens of Jabhat al-Nusra commanders went over to the Islamic State; Jund al-Aqsa went over "
                      "to the Islamic State as well.",
     "Jund al-Aqsa", "defected_to", "Islamic State"),
    # designated_by ------------------------------------------------------------------------------------------------------------------
    ("des-designated-by", "Boko Haram was designated a terrorist organisation by the United States in 2013.",
     "Boko Haram", "designated_by", "United States"),
    ("des-listed-as", "Ansaru is listed as a terrorist organisation by the United Kingdom.",
     "Ansaru", "designated_by", "United Kingdom"),
    ("des-proscribed", "Hezbollah was proscribed by the United Kingdom in 2019.",
     "Hezbollah", "designated_by", "United Kingdom"),
    ("des-sanctioned", "Hay'at Tahrir al-Sham has been sanctioned by the United Nations.",
     "Hay'at Tahrir al-Sham", "designated_by", "United Nations"),
    ("des-active", "The United States designated al-Shabaab as a Foreign Terrorist Organization in 2008.",
     "al-Shabaab", "designated_by", "United States"),
    ("des-proscribes", "Canada lists Jabhat al-Nusra as a terrorist entity.",
     "Jabhat al-Nusra", "designated_by", "Canada"),
    ("des-banned", "The United Kingdom banned Hezbollah in its entirety in 2019.",
     "Hezbollah", "designated_by", "United Kingdom"),
    ("des-designation-noun", "The United States' designation of Ansaru came in 2013.",
     "Ansaru", "designated_by", "United States"),
    # operates_in ------------------------------------------------------------------------------------------------------------------
    ("ops-operating-in", "Boko Haram, operating in northeastern Nigeria, has killed thousands.",
     "Boko Haram", "operates_in", "Nigeria"),
    ("ops-based-in", "Al-Shabaab is based in Somalia.",
     "al-Shabaab", "operates_in", "Somalia"),
    ("ops-strongholds", "Boko Haram retains strongholds in Borno.",
     "Boko Haram", "operates_in", "Borno"),
    ("ops-carried-out", "Al-Shabaab carried out attacks in Mogadishu throughout 2017.",
     "al-Shabaab", "operates_in", "Mogadishu"),
    ("ops-active-in", "Hay'at Tahrir al-Sham remains active in Idlib.",
     "Hay'at Tahrir al-Sham", "operates_in", "Idlib"),
    ("ops-controls", "The Islamic State controlled Raqqa until 2017.",
     "Islamic State", "operates_in", "Raqqa"),
    ("ops-presence", "Ansaru still maintains a presence in Nigeria.",
     "Ansaru", "operates_in", "Nigeria"),
    ("ops-held", "Mosul was held by the Islamic State for three years.",
     "Islamic State", "operates_in", "Mosul"),
    ("ops-dominant", "Hay'at Tahrir al-Sham is the dominant force in Idlib.",
     "Hay'at Tahrir al-Sham", "operates_in", "Idlib"),
]

# (id, text, subject, relation, object) -- the tie must NOT be found (in any stance but denied)
TRAPS = [
    ("alg-trap-refused", "Jund al-Aqsa never pledged allegiance to the Islamic State, its leaders insisted.",
     "Jund al-Aqsa", "allegiance_to", "Islamic State"),
    ("part-trap-rival", "Ansaru is a rival of Boko Haram, not a branch of it.",
     "Ansaru", "part_of", "Boko Haram"),
    ("ally-trap-fought", "Ahrar al-Sham fought Jabhat al-Nusra near Aleppo.",
     "Ahrar al-Sham", "ally_of", "Jabhat al-Nusra"),
    ("opp-trap-allied", "Jabhat al-Nusra allied with Ahrar al-Sham against the government.",
     "Jabhat al-Nusra", "opposes", "Ahrar al-Sham"),
    ("opp-trap-listed", "Hezbollah and Boko Haram are both listed by the United States.",
     "Hezbollah", "opposes", "Boko Haram"),
    ("split-trap-joined", "Ansaru joined Boko Haram in 2015.",
     "Ansaru", "split_from", "Boko Haram"),
    ("merge-trap-fought", "Jund al-Aqsa fought Hay'at Tahrir al-Sham in 2017.",
     "Jund al-Aqsa", "merged_into", "Hay'at Tahrir al-Sham"),
    ("succ-trap-branch", "Jabhat al-Nusra was a branch of al-Qaeda.",
     "Jabhat al-Nusra", "successor_of", "al-Qaeda"),
    ("lead-trap-killed", "Abubakar Shekau was killed by ISWAP fighters in 2021.",
     "Abubakar Shekau", "leader_of", "Islamic State West Africa Province"),
    ("lead-trap-fought", "Abu Omar al-Shishani fought against Jabhat al-Nusra in 2014.",
     "Abu Omar al-Shishani", "leader_of", "Jabhat al-Nusra"),
    ("mem-trap-killed", "Abu Omar al-Shishani was killed in a strike on the Islamic State's positions by the United States.",
     "Abu Omar al-Shishani", "member_of", "United States"),
    ("def-trap-joined", "Abu Omar al-Shishani joined the Islamic State in 2013.",
     "Abu Omar al-Shishani", "defected_to", "Islamic State"),
    ("des-trap-urged", "Nigeria urged the United States to act against Boko Haram.",
     "Boko Haram", "designated_by", "United States"),
    ("ops-trap-condemned", "In Mosul, officials condemned al-Shabaab's attacks in Somalia.",
     "al-Shabaab", "operates_in", "Mosul"),
]

# cases the extractor cannot read yet: id -> why
XFAIL: dict[str, str] = {
}


def _found(ties, text, subject, relation, obj):
    found, _ = ties(text)
    pairs = {(subject, obj), (obj, subject)} if relation in SYMMETRIC else {(subject, obj)}
    return {t[3] for t in found if t[1] == relation and (t[0], t[2]) in pairs}


def _params(cases):
    out = []
    for case in cases:
        marks = [pytest.mark.xfail(reason=XFAIL[case[0]], strict=True)] if case[0] in XFAIL else []
        out.append(pytest.param(*case[1:], id=case[0], marks=marks))
    return out


@pytest.mark.parametrize("text, subject, relation, obj", _params(POSITIVE))
def test_paraphrase_found(ties, text, subject, relation, obj):
    assert "asserted" in _found(ties, text, subject, relation, obj)


@pytest.mark.parametrize("text, subject, relation, obj", _params(TRAPS))
def test_paraphrase_trap(ties, text, subject, relation, obj):
    assert not (_found(ties, text, subject, relation, obj) - {"denied"})


def test_suite_covers_every_relation():
    rels = {c[3] for c in POSITIVE}
    assert len(rels) == 12
    for r in rels:
        assert 6 <= sum(c[3] == r for c in POSITIVE) <= 10, r
    assert all(1 <= sum(c[3] == r for c in TRAPS) <= 2 for r in rels)
