"""The trigger lexicon: the frames (word patterns around two mentions) that state each relation, read
from the language pack's `frames.yaml` (extract.frame_loader says what a frame holds), and the few
patterns beyond frames that know trigger words (defectors, struck leaders).

Frames are regular expressions over a *masked* sentence, where each mention is written «Xn» (n its
index in the sentence; X its kind: G a group or body, S a state, P a person, L a place). In a pattern:

    {S} / {O}      the subject / object mention, of the kinds the frame's `subject` / `object` name
                   (KINDS: ORG = G or S, GRP = G only, ACT = G, S or P, PER, PLC = L or S ...)
    {GAP}          a few words with no mention between them (same clause);  {W3} up to three words
    {NAME}         any shared sub-pattern of the file ({THE}, {BRANCH}, {LEADER} ...)
    (?P<t>...)     the trigger words (kept as the evidence's trigger)
"""
from __future__ import annotations

import re
from typing import Any

from ..lang import english
from .frame_loader import GUARDS, KINDS, Frame, compile_frame, load_frames, shared_patterns

__all__ = ["FRAMES", "GUARDS", "KINDS", "Frame", "frame", "has_trigger", "BRANCH", "LEADER", "MEMBER"]

SHARED = shared_patterns(english().data("frames"))  # the sub-patterns, expanded
BRANCH, LEADER, MEMBER = SHARED["BRANCH"], SHARED["LEADER"], SHARED["MEMBER"]

#: The English frames, in the order they are tried.
FRAMES: list[Frame] = load_frames()


def frame(name: str, relation: str, src: str, **kw: Any) -> Frame:
    """A frame written in Python, to try one out before it goes into frames.yaml: the pattern's slots
    may carry their kinds ({S:ACT}, {O:GRP}) and it may use the pack's shared sub-patterns."""
    for side, key in (("S", "subject"), ("O", "object")):
        slot = re.search(r"\{" + side + r":(\w+)\}", src)
        if slot:
            kw.setdefault(key, slot.group(1))
    src = re.sub(r"\{([SO]):\w+\}", r"{\1}", src)
    return compile_frame(name, relation, src, SHARED, **kw)


# acts on a person that, done to a group's leader, set the actor against the group ("X killed Y's leader")
LEADER_STRUCK = re.compile(r"(?i)^(?:killed|kills|assassinat\w+|ambush\w*|captured|arrested|detained|targeted|attack\w*|"
                           r"eliminated|executed|struck)$")
# a person named as a defector without the destination: "the most senior defector, P", "P had defected"
DEFECTOR = re.compile(r"(?:\bdefectors?\s*,?\s*(?:the\s+)?«P(?P<a>\d+)»|«P(?P<b>\d+)»\s*,\s*(?:the|a|an|one)\s+(?:\w+\s+){0,3}?"
                      r"defectors?\b|«P(?P<c>\d+)»\s+(?:had\s+|has\s+|also\s+|later\s+)?defected\b(?!\s+(?:to|from)\b))", re.I)
# where the defectors of a paragraph went: "switching allegiance from A to B", "defected from A to B", "defected to B"
DEFECTED_WHERE = re.compile(r"(?:(?:switch\w*|transferr\w*|shift\w*|mov\w*)\s+(?:their|its|his|«\w\d+»)\s+(?:allegiance|"
                            r"loyalty)|defect\w*)\s+(?:from\s+[^;]{0,80}?\s+)?to\s+(?:the\s+)?(?:[\w\-]+\s+){0,3}?«(?P<k>[GP])(?P<i>\d+)»",
                            re.I)

_WORDS = sorted({w for w in re.findall(r"[a-z]{4,}", " ".join(
    re.sub(r"\\[sSwWdb]|\(\?[:P<>a-z]*|[\[\]{}()?*+|^$.\\]", " ", f.pattern.pattern.lower()) for f in FRAMES))
    if w not in {"that", "which", "what", "then", "with", "from", "into", "their", "itself", "also", "still",
                 "just", "only", "when", "were", "been", "this", "over", "under", "within", "across"}})
_ANY = re.compile(r"(?i)\b(?:" + "|".join(re.escape(w) for w in _WORDS) + r")|['’]s\b|\b(?:of|in)\b")


def has_trigger(text: str) -> bool:
    """True when the sentence holds some trigger word (the cheap test before parsing)."""
    return bool(_ANY.search(text))
