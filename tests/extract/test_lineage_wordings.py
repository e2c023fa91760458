"""Lineage wordings (issue #9): each shape the frames read, with its direction (the subject is the
splinter, the successor, the absorbed group, the defector), and near-misses that state no lineage.
Sentences written for this test; all frames are tried together, as extraction does."""
from __future__ import annotations

import pytest


LINEAGE = ("split_from", "successor_of", "merged_into", "defected_to")


@pytest.fixture(scope="module")
def lineage(frame_reads):
    return lambda text: frame_reads(text, LINEAGE)


READS = [
    # split_from: "grew out of a split in", "offshoot of" a described parent, "splinter group of"
    ("The Desert Front grew out of a split in the Sun Brigade.", ("Desert Front", "split_from", "Sun Brigade")),
    ("The Desert Front emerged from a rift within the Sun Brigade in 2012.",
     ("Desert Front", "split_from", "Sun Brigade")),
    ("The Desert Front was an offshoot of the older and larger Islamist movement Sun Brigade.",
     ("Desert Front", "split_from", "Sun Brigade")),
    ("The Desert Front began as an offshoot of a local movement known as the Sun Brigade.",
     ("Desert Front", "split_from", "Sun Brigade")),
    ("Hezbollah fought the Desert Front, a splinter group of the Sun Brigade.",
     ("Desert Front", "split_from", "Sun Brigade")),
    # successor_of: an old name set beside the new one, either way round
    ("The Desert Front (formerly the Sun Brigade) held the town.", ("Desert Front", "successor_of", "Sun Brigade")),
    ("Fighting broke out between the Desert Front, formerly Sun Brigade, and Hezbollah.",
     ("Desert Front", "successor_of", "Sun Brigade")),
    ("Clashes between the Sun Brigade (later the Desert Front) and Hezbollah went on for a year.",
     ("Desert Front", "successor_of", "Sun Brigade")),
    # merged_into: every group listed after "merged with", and "and formed"
    ("In 2017 the Sun Brigade merged with the Desert Front, the Hill Brigade and the Islamic Front to form the "
     "Northern Shield Front.", ("Hill Brigade", "merged_into", "Northern Shield Front")),
    ("In 2017 the Sun Brigade merged with the Desert Front, the Hill Brigade and the Islamic Front to form the "
     "Northern Shield Front.", ("Sun Brigade", "merged_into", "Northern Shield Front")),
    ("In 2017 the Sun Brigade disbanded and merged with several other local groups and formed the Northern Shield "
     "Front.", ("Sun Brigade", "merged_into", "Northern Shield Front")),
]


@pytest.mark.parametrize("text,tie", READS, ids=[f"{t[1]}-{i}" for i, (_, t) in enumerate(READS)])
def test_wording_is_read_with_its_direction(lineage, text, tie):
    found = lineage(text)
    assert tie in found, found
    assert (tie[2], tie[1], tie[0]) not in found, found  # never the other way round


NEAR_MISSES = [
    "The Sun Brigade split the city with the Desert Front in 2014.",
    "The Sun Brigade merged the two offices it ran with the Desert Front.",
    "The Desert Front promised a successor state to the Sun Brigade's old emirate.",
    "The Desert Front was an offshoot of a movement that opposed the Sun Brigade.",
    "The Desert Front, formerly allied with the Sun Brigade, held the town.",
    "The Sun Brigade (later allied with the Desert Front) was founded in 2012.",
    "The Sun Brigade refused to merge with the Desert Front.",
]


@pytest.mark.parametrize("text", NEAR_MISSES, ids=[f"near-miss-{i}" for i in range(len(NEAR_MISSES))])
def test_near_miss_reads_no_lineage(lineage, text):
    assert not lineage(text)
