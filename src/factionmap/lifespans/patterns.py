"""The words that say a group began, ended or took a new name, as regular expressions.

Each trigger has a kind and a *voice*, which says where the group is named:
- before: "Hamas was founded in 1987", "The Provisional IRA emerged in December 1969", "a society formed in 1901"
- after: "Hassan al-Banna founded the Muslim Brotherhood", "the formation of the Syrian Liberation Front"
- possessor: "the group's founding in 2013", "announcing their formation"
- fronted: "Founded by Rabbi Meir Kahane in 1968, the JDL ..."
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from ..model import LifespanKind

F, D, FA, LA, R = (LifespanKind.FOUNDED, LifespanKind.DISSOLVED, LifespanKind.FIRST_ACTIVE,
                   LifespanKind.LAST_ACTIVE, LifespanKind.RENAMED)

_FOUND_VERB = r"(?:founded|formed|established|created|set\s+up|proclaimed|organi[sz]ed|inaugurated)"
# "established ties with", "formed part of", "formed the core of": no founding
_NOT_A_GROUP = (r"(?:ties|links|contacts?|relations|presence|control|checkpoints?|roadblocks?|strongholds?|"
                r"headquarters|part|the\s+core|the\s+backbone|a\s+government|a\s+cell|cooperation|an?\s+alliance|"
                r"an?\s+offensive|an?\s+attack|attacks|an?\s+assault|strikes|fire)\b")
_AUX = r"(?:was|were|is|are|had\s+been|has\s+been|have\s+been|being|be|got)"
_ADV = r"(?:\s+(?:officially|formally|first|originally|jointly|initially|later|then|finally|briefly|newly|also|"
_ADV += r"eventually|reportedly|only|secretly|largely|completely|effectively|de\s+facto))*"


@dataclass(frozen=True)
class Trigger:
    name: str
    kind: LifespanKind
    voice: str  # before | after | possessor | fronted | either
    pattern: re.Pattern


def _t(name: str, kind: LifespanKind, voice: str, pattern: str) -> Trigger:
    return Trigger(name, kind, voice, re.compile(pattern, re.I))


TRIGGERS: list[Trigger] = [
    _t("fronted-founded", F, "fronted", r"^(?:Originally\s+|First\s+)?(?:founded|formed|established|created)\b"),
    _t("passive-founded", F, "before", rf"\b{_AUX}{_ADV}\s+{_FOUND_VERB}\b(?!\s+{_NOT_A_GROUP})"),
    _t("participle-founded", F, "before",
       r"(?<=[\w)\"”’'],\s)(?:founded|formed|established|created)\b(?=\s+(?:in|on|during|around|by|at|from|as|"
       r"after|late|early|mid|sometime|under|out\s+of)\b)|(?<=[\w)\"”’']\s)(?:founded|formed|established|created)\b"
       r"(?=\s+(?:in|on|during|around|by|at|from|as|after|late|early|mid|sometime|under|out\s+of)\b)"),
    _t("emerged", F, "before", r"\b(?:emerged|came\s+into\s+(?:being|existence)|was\s+born)\b(?!\s+(?:that|as\s+a\s+major))"),
    _t("active-founded", F, "after", rf"\b(?:founded|formed|established|created|set\s+up|proclaimed)\b"
                                     rf"(?!\s+by\b)(?!\s+{_NOT_A_GROUP})"),
    _t("nominal-founded", F, "after", r"\b(?:formation|founding|foundation|creation|establishment|emergence|"
                                      r"inception|launch|proclamation)\s+of\b"),
    _t("possessive-founded", F, "possessor", r"(?:['’]s?|\b(?:its|their))\s+(?:official\s+|own\s+)?"
                                              r"(?:formation|founding|foundation|creation|establishment|inception)\b"),
    _t("dissolved", D, "either", r"\b(?:self-)?(?:dissolved|disbanded)\b(?!\s+(?:its|their|all)\b)"),
    _t("dissolved-structures", D, "before", r"\b(?:dissolved|disbanded)\s+(?:all\s+)?(?:its|their)\s+"
                                           r"(?:structures|organi[sz]ation|units|ranks|forces)"),
    _t("announced-dissolution", D, "inner", r"\b(?:announced|declared|confirmed)\s+(?:its|their)\s+(?:own\s+)?"
                                            r"(?:dissolution|disbandment|disbanding)\b"),
    _t("nominal-dissolved", D, "after", r"\b(?:dissolution|disbandment|disbanding|demise)\s+of\b"),
    _t("possessive-dissolved", D, "possessor", r"(?:['’]s?|\b(?:its|their))\s+(?:official\s+|formal\s+)?"
                                              r"(?:dissolution|disbandment|demise)\b"),
    _t("ceased-exist", D, "before", r"\b(?:ceased|stopped)\s+to\s+(?:exist|be\s+an?\s+(?:armed|militant|"
                                   r"insurgent|guerrilla)\s+(?:group|organi[sz]ation|movement|force))\b|"
                                   r"\b(?:became|was|is)\s+defunct\b"),
    _t("ceased-operate", LA, "before", r"\b(?:ceased|stopped)\s+(?:to\s+(?:operate|function)|(?:all\s+)?"
                                      r"(?:operations|activities|activity))\b"),
    _t("cessation", LA, "inner", r"\bcessation\s+of\s+(?:its\s+|all\s+|their\s+)?(?:armed\s+)?"
                                 r"(?:activity|activities|operations|struggle)\b"),
    _t("renamed", R, "either", r"\b(?:renamed(?:\s+itself)?|re-?named(?:\s+itself)?|changed\s+(?:its|their)\s+name"
                               r"(?:\s+to)?|rebranded(?:\s+itself)?(?:\s+as)?|took\s+the\s+name)\b"),
    _t("active", FA, "before", r"\bactive\s+(?:mainly\s+|mostly\s+|chiefly\s+)?(?:during|in|from|between|since)\b"),
    _t("active-until", LA, "before", r"\bactive\s+(?:mainly\s+|mostly\s+|chiefly\s+)?until\b"),
]

# "would formally disband", "refused to be dissolved", "was never dissolved": no event
NEGATED = re.compile(r"(?i)\b(?:not|never|no\s+longer\s+be|would|will|could|might|may|should|to|plans?\s+to|"
                     r"refus\w*\s+to|threaten\w*\s+to|ready\s+to|called\s+for|calls?\s+for|demand\w*)\s*(?:\w+ly\s+)?(?:be\s+)?$")
# A word right before a participle ("a secret society formed in 1901") that makes it a group's founding
GROUP_NOUNS = re.compile(
    r"(?i)\b(?:group|organi[sz]ation|society|movement|coalition|alliance|party|militia|front|faction|wing|force|"
    r"forces|council|body|network|brigade|brigades|battalion|unit|army|league|union|cell|branch|offshoot|"
    r"splinter|successor|room|committee|bloc|outfit|insurgency|command|corps|legion|detachment)s?[\s,)\"”’']*$")
AUX_END = re.compile(rf"(?i)\b(?:{_AUX}|had|has|have){_ADV}(?:\s+[\"“]?\w+ly)*[\s\"“]*$|^[\s,]*$|"
                     rf"^[\s,]*(?:which|that|who)\s+(?:had\s+|has\s+)?{_ADV}\s*$|"
                     r"^\s*(?:announced|declared|proclaimed|confirmed)\s+(?:an?\s+|the\s+|its\s+|their\s+)?[\"“]?(?:\w+\s+)?$")
# "the newly formed X", "re-established": no founding date in the sentence
NOT_AN_EVENT = re.compile(r"(?i)(?:\bnewly|\bre-?\s?|\balready|\brecently)\s*$")
# A comma-delimited relative clause between a group and its verb ("Fatah, which espoused ..., was founded")
RELATIVE = re.compile(r",\s*(?:which|who|whose)\b[^,]*,")
# Another verb between a trigger and a far date: the date is that verb's
OTHER_VERB = re.compile(r"(?i)\b(?!(?:called|named|based|united|armed|unified|located|led)\b)\w{3,}ed\b")
# A date before the trigger but across one of these belongs to another clause
CLAUSE = re.compile(r"(?i)\b(?:that|which|who|when|because|while|whereas)\b")
# Header lines of plain-text documents ("Source: ...") are no sentences
HEADER_LINE = re.compile(r"^(?:Title|Source|Date|By|Published|Author|URL|Revision|Updated|Retrieved)\s*:", re.I)
PREPOSITION_BEFORE = re.compile(r"(?i)\b(?:of|by|with|from|to|in|for|against|under|on|into|at|between|and|or|"
                                r"than|among|including|like)\s+(?:the\s+)?$")
MODIFIER_AFTER = re.compile(r"^(?:['’]s?\b|-(?:led|backed|affiliated|aligned|linked|allied|held)\b)")
