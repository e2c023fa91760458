"""The trigger lexicon: for each relation, the frames (word patterns around two mentions) that state it.

Frames are regular expressions over a *masked* sentence, where each mention is written «Xn» (n its
index in the sentence; X its kind: G a group or body, S a state, P a person, L a place). Macros:

    {S:K} / {O:K}  the subject / object mention, K one of ORG (G or S), GRP (G only), ACT (G, S or P),
                   PER, PLC (L or S)
    {GAP}          a few words with no mention between them (same clause);  {W3} up to three words
    (?P<t>...)        the trigger words (kept as the evidence's trigger)

A frame may `swap` subject and object, give the relation for person subjects (`person`), or carry a
fixed stance. Everything that knows trigger words lives here.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

KINDS = {"STA": "S", "ORG": "GS", "GRP": "G", "ACT": "GSP", "PER": "P", "PLC": "LS", "ANY": "GSPL", "MOD": "M"}
_SKIP = r"(?!(?:via|by|for|from|in|on|at|with|to|of|against|and|or|but|after|before|during|since|until|into)\b)"
_MACRO = re.compile(r"\{([SO]):(\w+)\}|\{GAP\}|\{W3\}|\{W2\}|\{THE\}|\{PARTS\}|\{APPOS\}|\{ASIDE\}|\{FOLLOWING\}")
# the people of a group, written before it: "(a cell of) militants affiliated with", "fighters of"
PARTS = (r"(?:(?:(?:an?|the|two|three|several|some)\s+)?(?:cell|group|unit|band|network|number)s?\s+of\s+)?"
         r"(?:(?:\w+\s+){0,2}?(?:militants|fighters|members|supporters|elements|cells|operatives|gunmen|"
         r"loyalists|positions|forces)\s+(?:affiliated\s+with|linked\s+to|loyal\s+to|belonging\s+to|of|from)"
         r"\s+(?:the\s+)?)")
# an aside after a name, set off by commas: ", the son of an immigrant from «S2»,"
APPOS = r"(?:\s*,\s*(?:the|a|an|one|aged|then|now)\b[^,«»;:()]{0,50}?(?:«[LS]\d+»[^,«»;:()]{0,20}?)?,)?"
# a bracketed aside after a name, whatever it holds: " (together with its youth wing)"
ASIDE = r"(?:\s*\([^()]{0,100}\))?"
# the opening of a list announced by a colon: "the following groups ...: those were named as"
FOLLOWING = (r"(?:the\s+)?following\b[^;:()]{0,120}?:\s*(?:(?:[^«»;:,]{0,40}?\b(?:as|are|were|include[sd]?|including)"
             r"\s+)(?=(?:the\s+)?«))?")


def _expand(src: str) -> str:
    def sub(m: re.Match) -> str:
        if m.group(1):
            return f"(?P<{m.group(1).lower()}>«[{KINDS[m.group(2)]}]\\d+»)"
        return {"{GAP}": r"[^«»;:()\[\]]{0,70}?", "{W3}": r"(?:(?:«M\d+»-\w+|" + _SKIP + r"[\w'’\-]+)\s+){0,3}?",
                "{W2}": r"(?:(?:«M\d+»-\w+|" + _SKIP + r"[\w'’\-]+)\s+){0,2}?", "{THE}": r"(?:the\s+|a\s+|an\s+)?",
                "{PARTS}": PARTS, "{APPOS}": APPOS,
                "{ASIDE}": ASIDE, "{FOLLOWING}": FOLLOWING}[m.group(0)]
    return _MACRO.sub(sub, src)


@dataclass(frozen=True)
class Frame:
    name: str
    relation: str
    pattern: re.Pattern
    swap: bool = False
    person: str | None = None  # relation to use instead when the subject is a person
    stance: str | None = None
    clause: bool = False  # subject and trigger may be words apart: the parse must agree
    nominal: bool = False  # a noun phrase ("IS leader X"): never negated
    lists: bool = False  # the object (or subject) may open a loose list: asides and "of the X coalition" skipped
    need: re.Pattern | None = None  # the cheap pre-check: a sentence without these words cannot match
    guards: tuple[str, ...] = ()  # named checks and readings (GUARDS), never inferred from the frame's name
    subject_kinds: str = KINDS["ANY"]  # the mention kinds the subject may be ("GSP"), from its {S:...} slot
    object_kinds: str = KINDS["ANY"]
    # "s" or "o": the frame opens with that mention and a gap of words before the trigger ({S:..}{GAP}...)
    lead: str | None = None


#: What each guard a frame may name does (extract.ties.lexical holds their code, by these names).
GUARDS = {
    "not-after-pledge": 'drop the match after "allegiance to ... in": the pledges were made in the place',
    "not-branch-relative": 'drop "X is a branch of Y, which is active in Z": Y is, not X',
    "own-places": '"A in P1, B and C in P2": a place after a name attaches to the nearest name only',
    "place-pairs": '"branches in A (X) and B (Y)": each place with the group after it',
    "place-pairs-as-subjects": '"branches in A (X) and B (Y)": each group after a place is a subject too',
}


def frame(name: str, relation: str, src: str, **kw) -> Frame:
    unknown = [g for g in kw.get("guards", ()) if g not in GUARDS]
    if unknown:
        raise ValueError(f"frame {name!r}: unknown guard(s) {', '.join(unknown)} (known: {', '.join(GUARDS)})")
    if isinstance(kw.get("need"), str):
        kw["need"] = re.compile(kw["need"], re.I)
    for side, field in (("S", "subject_kinds"), ("O", "object_kinds")):
        slot = re.search(r"\{" + side + r":(\w+)\}", src)
        if slot:
            kw.setdefault(field, KINDS[slot.group(1)])
    opening = re.match(r"\{([SO]):\w+\}(?:\{APPOS\})?\{GAP\}", src)
    if opening:
        kw.setdefault("lead", opening.group(1).lower())
    return Frame(name, relation, re.compile(_expand(src), re.I), **kw)


POSS = r"(?:['’]s?|\s+s)?"
BAYAH = r"(?:allegiance|bay['’ʿ]?ah|bayat|bay['’]a|oath\s+of\s+(?:loyalty|allegiance)|loyalty)(?:\s*\[[^\]]*\])?"
BRANCH = (r"branch(?:es)?|provinces?|wilayah?|wings?|affiliates?|sub-?components?|components?|factions?|"
          r"front\s+groups?|subsidiar(?:y|ies)|divisions?|cells?|offshoots?|franchises?|parts?|constituents?|"
          r"arms?|chapters?|provincial\s+(?:area|branch|affiliate|division)s?|member\s+groups?|"
          r"media\s+(?:wing|arm|outlet)s?|sections?|sub-?groups?|units?|battalions?|brigades?")
LEADER = (r"leader|emir|amir|head|commander-in-chief|chief|wali|caliph|then-caliph|then-leader|chairman|"
          r"secretary-general|supreme\s+leader|spiritual\s+leader|overall\s+commander|top\s+commander|founder")
MEMBER = (r"spokesm[ae]n|spokesperson|members?|fighters?|commanders?|militants?|officials?|representatives?|"
          r"ideologues?|operatives?|clerics?|deputy(?:\s+leader)?|emissar(?:y|ies)|envoys?|recruiters?|"
          r"suicide\s+bombers?|bombers?|preachers?|military\s+chief|media\s+official|sharia\s+official")
OPPOSE = (r"(?:fought|fights|fighting|fight)(?!\s+(?:for|alongside|with|in|on))(?:\s+against)?|battled|"
          r"battling|clash(?:ed|es|ing)\s+with|attack(?:ed|ing|s)?|target(?:ed|ing|s)|combat(?:t?ing|s)?|"
          r"at\s+war\s+with|war\s+(?:on|against|with)|waged\s+war\s+(?:on|against)|declared\s+war\s+on|"
          r"hostil(?:e|ity)\s+(?:to|towards)|rivals?\s+(?:of|to)|enem(?:y|ies)\s+of|oppos(?:es|ed|ing)|"
          r"against|crack(?:ed|ing)?\s+down\s+on|moves?\s+against|push(?:ed|ing)?\s+back\s+against|"
          r"besieg(?:ed|ing)|expelled|ambush(?:ed|es|ing)?|assassinat(?:ed|ing)|killed|kills|shell(?:ed|ing)|"
          r"routed|defeated|drove\s+out|denounc(?:ed|ing)|condemn(?:ed|ing)|infighting\s+with|"
          r"conflict\s+with|confront(?:ed|ing)|raid(?:ed|s)?\s+on|airstrikes\s+(?:on|against)|"
          r"offensive\s+(?:on|against)|struck|bomb(?:ed|ing)|(?:military\s+|security\s+|counter-?terrorism\s+|"
          r"joint\s+)?operations?\s+against|campaign\s+against|stand-?off\s+with|retaliat\w+\s+against|"
          r"(?:sought|seeks?|trying|tried|aims?|aimed|vowed)\s+to\s+(?:destroy|defeat|eliminate|crush|expel)")

FRAMES: list[Frame] = [
    # allegiance_to --------------------------------------------------------------------------------------
    frame("pledge", "allegiance_to",
          r"{S:ACT}{GAP}(?P<t>(?:pledg\w*|swore|swear\w*|sworn|gave|give[sn]?|giving|offer\w*|renew\w*|affirm\w*|"
          r"declar\w*|announc\w*|sought\s+out|has\s+given|had\s+given)\s+(?:«G\d+»\s+)?{W3}" + BAYAH + r")\s+(?:to|with)\s+"
          r"{THE}{W3}{O:ACT}", clause=True),
    frame("pledge-noun", "allegiance_to", r"{S:ACT}" + POSS + r"\s+(?P<t>(?:pledge|oath|bay['’]?ah))\s+(?:of\s+"
          + BAYAH + r"\s+)?to\s+{THE}{W3}{O:ACT}"),
    frame("pledge-by", "allegiance_to", r"(?P<t>pledges?\s+of\s+" + BAYAH + r")\s+to\s+{O:ACT}[^«»;]{0,60}?\bby\s+"
          r"{W3}{S:ACT}"),
    frame("switch-allegiance", "allegiance_to",
          r"{S:ACT}{GAP}(?P<t>switch\w*|transferr\w*|shift\w*|mov\w*)\s+(?:their|its|his|«\w\d+»)\s+allegiance\s+from\s+"
          r"[^;]{0,80}?\bto\s+{W3}{O:ACT}", clause=True),
    frame("received-pledges", "allegiance_to",
          r"{S:ACT}{GAP}(?P<t>receiv\w*|accept\w*)\s+(?:\w+\s+)?pledges?\s+of\s+" + BAYAH + r"\s+from\s+{W3}{O:ACT}",
          swap=True, clause=True),
    # part_of ------------------------------------------------------------------------------------------------
    frame("branch-of", "part_of",
          r"{S:GRP}[\s,\-–—]*(?:\(«\w+»\)\s*)?(?:which|that|who)?\s*(?:is|was|are|were|has\s+been|became|as|"
          r"remains)?\s*(?:now|currently|also|still|formally|officially|originally|effectively|merely|just)?\s*"
          r"(?:a|an|the|one\s+of\s+the|one\s+of\s+its|its)?\s*{W3}(?P<t>" + BRANCH + r")\s+(?:of|within|to|in)\s+"
          r"{THE}{W3}{O:GRP}", person="member_of"),
    frame("affiliated", "part_of",
          r"{S:GRP}{GAP}(?P<t>affiliated\s+with|aligned\s+with|belongs?\s+to|operat\w+\s+under|"
          r"under\s+the\s+(?:umbrella|banner|command|wing)\s+of|joined|join|joining|incorporated\s+into|"
          r"(?:a\s+)?part\s+of|participat\w+\s+in|embedded\s+(?:with|in)|associated\s+with)\s+{THE}{W3}{O:GRP}",
          person="member_of", clause=True),
    frame("premod-branch", "part_of",
          r"{O:GRP}" + POSS + r"\s+{W2}(?P<t>" + BRANCH + r")\s*[,\-–—]?\s*{THE}{S:GRP}", nominal=True),
    frame("of-coalition", "part_of",
          r"{S:GRP}\s*,?\s*(?:of|from)\s+the\s+{O:GRP}\s+(?P<t>coalition|alliance|front|umbrella|grouping|"
          r"operations\s+room)"),
    frame("includes", "part_of",
          r"{S:GRP}{GAP}(?P<t>includes|comprises|comprised|consists\s+of|brings\s+together|"
          r"groups\s+together)\s+{THE}{W3}{O:GRP}", swap=True, clause=True),
    frame("of-which-part", "part_of",
          r"{O:GRP}\s*,\s*(?:of|in)\s+which\s+{THE}{S:GRP}\s+(?:is|was|are|were|remains|remained)\s+(?:\w+\s+){0,2}?"
          r"(?P<t>(?:a\s+)?(?:part|members?|components?|constituents?))\b"),
    frame("and-other-affiliates", "part_of",
          r"{S:GRP}\s+and\s+other\s+(?:\w+\s+){0,2}?{O:GRP}\s+(?P<t>affiliates|groups|factions|brigades|units|"
          r"branches|components|provinces|member\s+groups)\b"),
    frame("groups-like", "part_of",
          r"{O:GRP}\s+(?:member\s+|constituent\s+|affiliated\s+)?(?P<t>groups|factions|affiliates|branches|provinces|units|"
          r"brigades|components)\s+(?:like|such\s+as|including|namely)\s+{THE}{S:GRP}"),
    frame("groups-of-are", "part_of",
          r"(?P<t>(?:groups|factions|members|components|brigades|constituents|units|affiliates)\s+(?:of|in|within))\s+"
          r"{THE}{O:GRP}(?:\s+(?:coalition|alliance|umbrella|operations\s+room|front))?\s*(?:,\s*)?"
          r"(?:[^«»;.:]|«L\d+»){0,100}?\b(?:are|were|include[sd]?|included|including|such\s+as|namely)\s*:?\s+{THE}{S:GRP}",
          person="member_of"),
    frame("among-groups", "part_of",
          r"{S:GRP}\s*,?\s*(?:is|was|are|were|remains|became)\s+(?P<t>among|one\s+of)\s+(?:the\s+)?(?:\w+\s+){0,3}?"
          r"(?:groups|factions|members|components|constituents|brigades|units|affiliates)\s+(?:of|in|within|that\s+"
          r"(?:formed|form|joined|make\s+up|made\s+up))\s+{THE}{O:GRP}"),
    frame("formed-coalition", "part_of",
          r"{S:GRP}{GAP}(?P<t>(?:jointly\s+)?(?:formed|form|founded|established|created|set\s+up|launched|joined|join|"
          r"make\s+up|made\s+up|constitute|constituted))\s+{THE}(?:new\s+|joint\s+)?(?:\w+\s+){0,2}?(?:coalition|alliance|"
          r"operations\s+room|umbrella|grouping|front|council|command)\s*,?\s*(?:called\s+|named\s+|known\s+as\s+|"
          r"dubbed\s+)?{THE}{O:GRP}", clause=True),
    frame("possessive-group", "part_of",
          r"{O:GRP}(?P<t>['’]s)\s+{S:GRP}(?!\s*(?:['’]s\s+)?(?:allies|ally|rivals?|enem(?:y|ies)|opponents?|foes?|"
          r"predecessors?|successors?|counterparts?|former|ex-|erstwhile|old|one-time)\b)", nominal=True),
    frame("branch-in-place", "part_of",
          r"{O:GRP}" + POSS + r"\s+(?:\w+\s+)?(?P<t>" + BRANCH + r")\s+in\s+«[LS]\d+»\s*\(\s*{S:GRP}\s*\)",
          guards=("place-pairs-as-subjects",)),
    # ally_of --------------------------------------------------------------------------------------------------
    frame("ally-with", "ally_of",
          r"{S:ACT}{GAP}(?P<t>(?:cooperat\w+|collaborat\w+|coordinat\w+|work(?:ed|ing|s)?)\s+(?:closely|directly|"
          r"openly|jointly|extensively)\s+with|allied\s+with|allies\s+with|ally\s+(?:of|with)|alliance\s+with|allying\s+with|"
          r"cooperat\w+\s+with|collaborat\w+\s+with|coordinat\w+\s+with|work(?:ed|ing|s)?\s+(?:together\s+)?"
          r"with|fought\s+alongside|fighting\s+alongside|fights\s+alongside|sided\s+with|partnered\s+with|"
          r"joint\s+operations?\s+(?:room\s+)?with|teamed\s+up\s+with|reached\s+out\s+to|truce\s+with|"
          r"took\s+refuge\s+with|seek\s+refuge\s+with|sought\s+refuge\s+with|allied\s+(?:itself\s+)?to|"
          r"in\s+(?:close\s+)?(?:cooperation|coordination|alliance|partnership|conjunction)\s+with|"
          r"work(?:ed|ing|s)?\s+with\s+and\s+\w+|joined\s+forces\s+with|fought\s+together\s+with|"
          r"(?:formed|forged|struck|signed|concluded|entered)\s+(?:an?\s+)?(?:\w+\s+)?(?:alliance|pact|"
          r"partnership|agreement)\s+with)\s+"
          r"{THE}{W3}{O:ACT}", clause=True),
    frame("alliance-between", "ally_of",
          r"(?P<t>alliance|cooperation|coordination|truce|joint\s+operations?\s+room|agreement|pact|partnership|"
          r"rapprochement|merger\s+talks|working\s+relationship)\s+(?:\w+\s+){0,3}?between\s+{THE}{S:ACT}"
          r"(?:\s*\(«\w+»\))?\s+and\s+{THE}{O:ACT}"),
    frame("pair-allied", "ally_of",
          r"{S:ACT}\s*(?:\(«\w+»\))?\s+and\s+{THE}{O:ACT}\s*(?:\(«\w+»\))?\s+(?:have\s+|had\s+)?(?:\w+\s+)?"
          r"(?P<t>(?:formed|forged|announced|established|created|set\s+up|signed|struck)\s+(?:an?\s+|the\s+)?"
          r"(?:\w+\s+)?(?:alliance|joint\s+operations\s+room|operations\s+room|coalition|pact|partnership)|"
          r"(?:are|were|became)\s+(?:close\s+)?allies|cooperat(?:e|ed|es)|coordinat(?:e|ed|es)|"
          r"(?:worked|work|fought|operated|operate)\s+together|fought\s+side\s+by\s+side)\b"),
    frame("alliance-of", "ally_of",
          r"(?P<t>alliance|coalition|joint\s+operations\s+room|partnership)\s+(?:\w+\s+){0,2}?(?:of|between)\s+"
          r"{THE}{S:ACT}\s*(?:,\s*{THE}«\w+»\s*)*(?:,\s*)?\s+and\s+{THE}{O:ACT}"),
    # opposes ----------------------------------------------------------------------------------------------------
    frame("fights", "opposes", r"{S:ACT}{GAP}(?P<t>" + OPPOSE + r")\s+{THE}(?:{PARTS})?{W2}{O:ACT}", clause=True),
    frame("acts-on-members", "opposes",
          r"{S:ACT}{GAP}(?P<t>arrested|detained|killed|captured|raided|ambushed|intercepted|rounded\s+up|"
          r"crushed|defeated|expelled)\s+(?:\w+\s+){0,3}?(?:militants|fighters|members|supporters|operatives|"
          r"cells?|gunmen|commanders)\s+(?:affiliated\s+with|linked\s+to|loyal\s+to|belonging\s+to|of|from)\s+"
          r"{THE}{O:ACT}", clause=True),
    frame("take-from", "opposes",
          r"{S:ACT}{GAP}(?P<t>(?:take|took|taken|taking|seized?|seizing|captured?|capturing|retake|retook|retaken|"
          r"recaptured?|wrest(?:ed)?|liberated?|drove|driven|expelled?|ousted?)\s+(?:back\s+)?(?:control\s+of\s+)?"
          r"{THE}(?:\w+\s+){0,2}?«[LS]\d+»(?:\s+\w+){0,2}?\s+from)\s+{THE}{O:ACT}", clause=True),
    frame("fighting-between", "opposes",
          r"(?P<t>fighting|clashes|war|hostilit\w+|rivalry|conflict|infighting|rift|enmity|battles?|"
          r"confrontations?|tensions?|stand-off|standoff|skirmish(?:es)?|feud|dispute|firefights?)\s+(?:\w+\s+){0,3}?"
          r"between\s+{THE}{W2}{S:ACT}\s+and\s+{THE}(?:{PARTS})?{W3}{O:ACT}"),
    frame("rival-noun", "opposes", r"{S:ACT}{GAP}(?P<t>(?:a\s+)?(?:rival|enemy|opponent|foe|adversary)\s+of)\s+"
          r"{THE}{O:ACT}", clause=True),
    # split_from -------------------------------------------------------------------------------------------------
    frame("split", "split_from",
          r"{S:GRP}{GAP}(?P<t>split\s+(?:off\s+)?from|splits\s+from|splinter(?:ed)?\s+(?:group\s+)?(?:of|from)|"
          r"broke\s+(?:away|off)\s+from|breakaway\s+(?:faction|group)\s+(?:of|from)|broken\s+away\s+from|"
          r"seceded\s+from|separated\s+from|emerged\s+from|developed\s+out\s+of|grew\s+out\s+of|"
          r"(?:was\s+)?formed\s+(?:out\s+of|from)|spun\s+off\s+from|derives?\s+from|offshoot\s+of|"
          r"(?:formed|founded|created|established|set\s+up|started)\s+by\s+(?:\w+\s+){0,2}?(?:defectors|dissidents|"
          r"former\s+members|breakaway\s+members|remnants)\s+(?:from|of))\s+"
          r"(?:(?:an?|the)\s+(?:\w+\s+)?(?:faction|wing|section|remnants|elements|splinter\s+group)\s+(?:of|within)\s+)?"
          r"{THE}{W3}{O:GRP}", clause=True),
    frame("from-which", "split_from",
          r"{O:GRP}\s*(?:\(«\w+»\))?\s*,?\s*from\s+which\s+{THE}{S:GRP}\s+(?P<t>deriv\w+|emerged|split|broke\s+away|"
          r"originated)"),
    frame("split-into", "split_from",
          r"{O:GRP}\s*,?\s*(?:which|that)?\s*(?P<t>split|splintered|divided|broke\s+up)[^«»;.:]{0,30}:\s*{S:GRP}"),
    frame("ex-group", "split_from",
          r"{S:GRP}\s*[,\-–—]\s*an?\s+(?P<t>ex|former)[\-\s]{O:GRP}(?:\s*/\s*«\w+»)*\s+(?:grouping|group|faction|"
          r"coalition|splinter)"),
    frame("remnants-formed", "split_from",
          r"(?P<t>remnants|defectors|former\s+members|splinters?)\s+(?:of|from)\s+{THE}{O:GRP}[^«»;.]{0,40}?"
          r"\bformed\s+{THE}{S:GRP}"),
    # merged_into --------------------------------------------------------------------------------------------------
    frame("merged", "merged_into",
          r"{S:GRP}{GAP}(?P<t>merged\s+into|merges\s+into|merging\s+into|dissolved\s+(?:itself\s+)?into|"
          r"absorbed\s+(?:into|by)|folded\s+into|integrated\s+into|subsumed\s+(?:into|under|by|within)|"
          r"amalgamated\s+into|became\s+part\s+of)\s+(?:what\s+was\s+then\s+)?{THE}{W2}{O:GRP}", clause=True),
    frame("merged-to-form", "merged_into",
          r"{S:GRP}{GAP}(?P<t>merged|united|combined|amalgamated)\s+(?:with\s+{THE}«G\d+»\s+)?(?:\w+\s+){0,4}?(?:to\s+form|into|forming|"
          r"creating)\s+{THE}(?:new\s+)?{W2}{O:GRP}", clause=True),
    frame("merged-with-form", "merged_into",
          r"«G\d+»\s+(?:\w+\s+)?(?P<t>merged|united|combined|amalgamated)\s+with\s+{THE}{S:GRP}\s+(?:\w+\s+){0,2}?"
          r"(?:to\s+form|into|forming|creating)\s+{THE}(?:new\s+)?{W2}{O:GRP}"),
    frame("dissolution-and", "merged_into",
          r"(?P<t>dissolution|dissolving|disbanding|disbandment)\s+of\s+{THE}{S:GRP}(?:[^«»;]|«[LS]\d+»){0,60}?\b(?:and|with)\s+"
          r"(?:its|their|the|«G\d+»)?\s*(?:\w+\s+){0,2}?(?:allegiance|pledge|joining|integration|incorporation|merger|"
          r"absorption)\s+(?:to|into|with|by|of)\s+{THE}{O:GRP}"),
    frame("dissolved-and-joined", "merged_into",
          r"{S:GRP}{GAP}(?P<t>dissolved|disbanded)\s+(?:itself\s+|themselves\s+)?(?:and|to)\s+(?:\w+\s+){0,2}?"
          r"(?:joined|join|merged\s+(?:with|into)|pledged\s+allegiance\s+to|integrated\s+into|became\s+part\s+of)\s+"
          r"{THE}{O:GRP}", clause=True),
    frame("absorbed", "merged_into",
          r"{S:GRP}{GAP}(?P<t>absorbed|subsumed|swallowed\s+up|took\s+in)\s+{THE}{O:GRP}(?!\s*['’]s)", swap=True, clause=True),
    # successor_of -----------------------------------------------------------------------------------------------------
    frame("successor", "successor_of",
          r"{S:GRP}{GAP}(?P<t>successor\s+(?:of|to)|succeeded|(?:the\s+)?(?:latest|later|new|newest)\s+incarnation\s+"
          r"of|incarnation\s+of|renamed\s+from|formerly\s+known\s+as|formerly\s+called|previously\s+known\s+as|"
          r"(?:a\s+)?rebranding\s+of|rebrand\s+of|continuation\s+of|new\s+name\s+(?:of|for)|"
          r"re-?emerged\s+from)\s+{THE}{W3}{O:GRP}", clause=True),
    frame("renamed", "successor_of",
          r"{S:GRP}{GAP}(?P<t>renamed\s+(?:itself\s+)?(?:as|to)?|was\s+renamed|changed\s+(?:its|their|«G\d+»)\s+name\s+to|"
          r"rebranded\s+(?:itself\s+)?as|became\s+known\s+as|reformed\s+as|was\s+succeeded\s+by|evolved\s+into|"
          r"transformed\s+(?:itself\s+)?into|reconstituted\s+(?:itself\s+)?as)\s+{THE}{O:GRP}", swap=True, clause=True),
    frame("predecessor", "successor_of",
          r"{S:GRP}" + POSS + r"\s*(?:and\s+)?(?:its\s+)?(?P<t>predecessors?|prior\s+incarnations?|previous\s+"
          r"incarnations?|earlier\s+incarnations?|forerunners?)[\s,\-–—:]+{THE}{O:GRP}"),
    frame("was-just", "successor_of", r"\bwhen\s+{S:GRP}\s+(?P<t>was\s+(?:just|still|only|then))\s+{THE}{O:GRP}"),
    # leader_of ----------------------------------------------------------------------------------------------------------
    frame("premod-leader", "leader_of",
          r"{O:GRP}" + POSS + r"\s+(?:\w+\s+)?(?P<t>" + LEADER + r"|leaders)(?:\s+in\s+«\w+»)?\s*(?:[,\-–—:]\s*|\(\s*)?{S:PER}", nominal=True),
    frame("leader-of", "leader_of",
          r"{S:PER}\s*[,\-–—]?\s*(?:who\s+(?:is|was)\s+|was\s+|is\s+|as\s+|became\s+|(?:rose|went\s+on|was\s+promoted)\s+to\s+(?:become\s+)?)?(?:the\s+|a\s+|an\s+|its\s+|"
          r"their\s+|one\s+of\s+the\s+)?{W2}(?P<t>" + LEADER + r"|leaders)\s+(?:of|in)\s+{THE}{W2}{O:GRP}"),
    frame("became-leader", "leader_of",
          r"{S:PER}{GAP}(?:became|becomes|was|is|as|remained|remains)\s+{O:GRP}" + POSS
          + r"\s+(?:new\s+|first\s+|current\s+|acting\s+)?(?P<t>" + LEADER + r")\b", clause=True),
    frame("leader-of-appos", "leader_of",
          r"(?P<t>(?:" + LEADER + r"|one\s+of\s+the\s+leaders))\s+of\s+{THE}{O:GRP}\s*[,\-–—]\s*{S:PER}"),
    frame("led-by", "leader_of",
          r"{O:GRP}{GAP}\(?(?P<t>led\s+by|headed\s+by|commanded\s+by|under\s+the\s+leadership\s+of|"
          r"under\s+the\s+command\s+of|founded\s+and\s+led\s+by)\s+(?:one\s+)?{THE}{W2}{S:PER}", swap=False),
    frame("leads", "leader_of",
          r"{S:PER}{GAP}(?P<t>leads|heads|headed|commands|commanded|took\s+over\s+(?:the\s+)?leadership\s+of|"
          r"assumed\s+(?:the\s+)?leadership\s+of|(?:was\s+)?appointed\s+(?:as\s+)?(?:the\s+)?(?:\w+\s+)?"
          r"(?:leader|emir|wali|head)\s+of|became\s+(?:the\s+)?(?:\w+\s+)?(?:leader|emir|head|wali)\s+of)"
          r"\s+(?:his\s+own\s+group:?\s+)?{THE}{W2}{O:GRP}", clause=True),
    frame("appointed-as", "leader_of",
          r"{O:GRP}{GAP}(?P<t>appointed|named|chose|selected)\s+{S:PER}\s+as\s+(?:its|their|the)\s+(?:new\s+)?"
          r"(?:\w+\s+)?(?:leader|emir|head|wali|commander)"),
    frame("named-as-leader", "leader_of",
          r"(?P<t>appointed|named|chose|selected|installed|designated|elected)\s+{S:PER}\s+as\s+(?:the\s+|its\s+|their\s+)?"
          r"(?:new\s+)?{O:GRP}\s+(?:\w+\s+)?(?:" + LEADER + r")\b"),
    # member_of --------------------------------------------------------------------------------------------------------------
    frame("premod-member", "member_of",
          r"{O:GRP}" + POSS + r"\s+(?:\w+\s+)?(?P<t>" + MEMBER + r")\s*[,\-–—:]?\s*{S:PER}", nominal=True),
    frame("member-of", "member_of",
          r"{S:PER}\s*,?\s*(?:who\s+(?:is|was)\s+|was\s+|is\s+|as\s+|became\s+|(?:rose|went\s+on|was\s+promoted)\s+to\s+(?:become\s+)?)?(?:not\s+only\s+|also\s+)?"
          r"(?:the\s+|a\s+|an\s+|its\s+|one\s+of\s+the\s+)?{W2}(?P<t>" + MEMBER + r")\s+(?:of|for|in|with)\s+{THE}{W2}{O:GRP}"),
    frame("joined", "member_of",
          r"{S:PER}{APPOS}{GAP}(?P<t>joined|joining|join|fought\s+for|fighting\s+for|fights\s+for|recruited\s+(?:by|into)|"
          r"enlisted\s+(?:in|with)|served\s+(?:in|with)|signed\s+up\s+(?:for|with)|resigned\s+from|"
          r"defected\s+from|affiliated\s+with|part\s+of)\s+{THE}{W3}{O:GRP}", clause=True),
    frame("members-list", "member_of",
          r"(?P<t>fighters|members|militants|commanders|fallen)\s+(?:\w+\s+)?(?:of|from)\s+{THE}{O:GRP}[^«»;.:]{0,40}"
          r"(?:«\w+»[^«»;.:]{0,20}){0,3}:\s*{S:PER}"),
    frame("premod-members-list", "member_of",
          r"{O:GRP}\s+(?P<t>fighters|members|militants|commanders|leaders|officials|fallen)\b[^«»;.:]{0,40}"
          r"(?:«[LS]\d+»[^«»;.:]{0,20})?:\s*(?:[^«»;:,]{0,20},\s*)?{S:PER}", nominal=True),
    frame("one-of-those", "member_of",
          r"{S:PER}\s*,\s*(?P<t>one\s+of\s+(?:the\s+|those\s+|its\s+|their\s+)?(?!(?:\w+\s+){0,2}?(?:leaders|founders|"
          r"heads|emirs)\b)(?:\w+\s+){0,2}?(?:from|in|of|within))\s+{THE}{O:GRP}"),
    frame("possessive-person", "member_of", r"{O:GRP}(?P<t>['’]s)\s+{S:PER}", nominal=True),
    frame("and-other", "member_of", r"{S:PER}\s+and\s+(?:\w+\s+)?other\s+{O:GRP}\s+(?P<t>militants|fighters|members)"),
    # defected_to ------------------------------------------------------------------------------------------------------------------
    frame("defected", "defected_to",
          r"{S:ACT}{APPOS}{GAP}(?P<t>defected|defecting|defects|switched\s+sides|went\s+over|crossed\s+over)\s+"
          r"(?:(?:\w+|from\s+{THE}«G\d+»)\s+){0,3}?to\s+(?:what\s+was\s+then\s+)?{THE}{O:GRP}", clause=True),
    frame("left-and-joined", "defected_to",
          r"{S:ACT}{GAP}(?:left|quit|abandoned)\s+{THE}«\w+»\s+(?:and|to)\s+(?P<t>join(?:ed)?)\s+{THE}{O:GRP}", clause=True),
    frame("joined-after-leaving", "defected_to",
          r"{S:ACT}{APPOS}{GAP}(?P<t>join(?:ed|s)?)\s+{THE}{O:GRP}\s+(?:\w+\s+){0,3}?after\s+(?:leaving|quitting|"
          r"abandoning|defecting\s+from|breaking\s+(?:away\s+)?(?:with|from)|deserting)\s+{THE}«G\d+»", clause=True),
    frame("switch-defect", "defected_to",
          r"{S:ACT}{GAP}(?P<t>switch\w*|transferr\w*|shift\w*)\s+(?:their|its|his|«\w\d+»)\s+(?:allegiance|loyalty)\s+from\s+"
          r"{THE}«G\d+»\s+to\s+{THE}{O:GRP}", clause=True),
    # designated_by ------------------------------------------------------------------------------------------------------------------
    frame("designated-by", "designated_by",
          r"{S:ACT}{GAP}(?P<t>designated|listed|blacklisted|proscribed|sanctioned|banned|outlawed|added\s+to)\b"
          r"(?:[^«»;]|«G\d+»){0,120}?\bby\s+{THE}{W2}{O:ORG}", clause=True),
    frame("designated-too", "designated_by",
          r"\bby\s+{THE}{O:ORG}[^«»;]{0,60}?[;,]\s*(?:and\s+|while\s+)?{S:ACT}\s+(?:was|were|has\s+been|had\s+been)\s+"
          r"(?:also\s+|later\s+)?(?P<t>designated|listed|blacklisted|proscribed|sanctioned)"),
    frame("added-to-list", "designated_by",
          r"{S:ORG}{GAP}(?P<t>added|placed|put|included)\s+{THE}{O:ACT}\s+(?:to|on)\s+(?:its|their|the|«\w\d+»)\s+(?:\w+\s+){0,5}?"
          r"(?:list|blacklist|register|roster)", swap=True, clause=True),
    frame("designates", "designated_by",
          r"{S:ORG}{GAP}(?P<t>designated|listed|blacklisted|proscribed|sanctioned|banned|outlawed|designates|lists|"
          r"proscribes|sanctions|bans|outlaws|blacklists)\s+{THE}{O:ACT}"
          r"\s+(?:as|on|an?)\b", swap=True, clause=True),
    # operates_in ----------------------------------------------------------------------------------------------------------------------
    frame("active-in", "operates_in",
          r"{S:GRP}{GAP}(?P<t>active|operat\w+|based|present|presence|headquartered|stationed|deployed|located|"
          r"entrenched|strongholds?|cells?|expanded\s+(?:\w+\s+){0,3}?into|expanded|spread|moved|operations|"
          r"fighting|fought|took\s+over|taken\s+over|captured|seized|controls?|controlled|control|attacks?|"
          r"attacked|raid(?:ed)?|bombings?|assault|remains|recruited|camps?|headed|headquarters|emerged|"
          r"emergence|jihad\s+is|claimed\s+(?:\w+\s+){0,6}?|killed|isolated|gained\s+ground|advance|"
          r"(?:carried\s+out|conducted|launched|staged|mounted|perpetrated)\s+(?:\w+\s+){0,5}?)\s+"
          r"(?:\w+\s+){0,3}?(?:in|into|within|across|throughout|of|to|on|at|from)\s+{THE}"
          r"(?:(?-i:[A-Z][\w\-]+)\s+(?:province|governorate)\s+of\s+{THE})?{W2}{O:PLC}", guards=("not-branch-relative",), clause=True),
    frame("group-in-place", "operates_in",
          r"{S:GRP}" + POSS + r"\s+(?:\w+\s+)?(?P<t>militants|fighters|members|forces|cells?|presence|units?|"
          r"operatives|attackers|gunmen|positions|supporters|contingent|stronghold|control|"
          r"emergence|camp|efforts?|operations|activit(?:y|ies)|campaign|insurgency|attacks|offensive|foothold)\s+(?:\w+\s+){0,2}?(?:in|of|across|throughout|within)\s+{THE}{W2}{O:PLC}"),
    frame("fighters-attacked-in", "operates_in",
          r"{S:GRP}\s+(?:militants|gunmen|fighters|members|cells?|attackers|operatives|suicide\s+bombers?)\s+"
          r"(?:\w+\s+){0,2}?(?P<t>attacked|killed|raided|stormed|ambushed|bombed|struck|clashed|seized|captured)"
          r"[^«»;]{0,60}?\b(?:in|at|near|on\s+the\s+outskirts\s+of)\s+(?:the\s+)?(?:(?:town|city|village|"
          r"settlement|district|region|province)\s+of\s+)?{O:PLC}"),
    frame("appositive-based", "operates_in",
          r"{S:GRP}\s*[,\-–—]\s*(?:an?|the)\s+(?:[\w'’\-]+\s+|(?:ex-)?«\w\d+»(?:\s*/\s*«\w\d+»)*\s+){0,4}?"
          r"(?:groups?|grouping|factions?|coalition|militia|brigades?|battalions?|movement|organi[sz]ation|alliance|outfit|network)\s+(?:\w+\s+){0,2}?(?P<t>based|active|operating|present|headquartered|located|"
          r"entrenched|fighting|deployed)\s+(?:\w+\s+){0,2}?(?:in|across|throughout)\s+{THE}{W2}{O:PLC}"),
    frame("branch-located", "operates_in",
          r"{S:GRP}\s*,?\s*(?:is|was|are|were)\s+(?:\w+\s+){0,3}?(?:" + BRANCH + r"|provincial\s+area)\s+(?:of|within)\s+"
          r"{THE}(?:[\w\-]+\s+){0,3}?«G\d+»\s*,?\s*(?:(?:that|which)\s+(?:is|was|are|were)\s+)?(?P<t>located|based|active|"
          r"operating|present)\s+(?:\w+\s+){0,2}?(?:in|across)\s+{THE}{W2}{O:PLC}"),
    frame("members-in-place", "operates_in",
          r"(?P<t>(?:militants|fighters|members|cells?|operatives|gunmen|supporters|loyalists)\s+(?:affiliated\s+with|"
          r"linked\s+to|loyal\s+to|belonging\s+to|of|from))\s+{THE}{S:GRP}[^«»;]{0,70}?\b(?:in|at|near)\s+(?:the\s+)?"
          r"(?:(?:town|city|village|settlement|district|region|province|area|outskirts)\s+of\s+)?{O:PLC}"),
    frame("groups-in-place-are", "operates_in",
          r"(?P<t>(?:groups|factions|ones|brigades|militias|organi[sz]ations|units|forces)\b[^«»;.]{0,60}?\b"
          r"(?:present|active|operating|based|fighting|deployed)?\s*in)\s+{THE}{O:PLC}\s+(?:are|were|include[sd]?|included)"
          r"\s*:?\s+{THE}{S:GRP}"),
    frame("group-from-place", "operates_in",
          r"{S:GRP}\s*,?\s+(?:is|was|are|were)\s+(?:\w+\s+){0,3}?(?:an?|the)\s+(?:\w+\s+){0,3}?(?P<t>(?:groups?|grouping|factions?|coalition|militia|brigades?|battalions?|movement|organi[sz]ation|alliance|outfit|network|force|power|actor|player))\s+"
          r"(?:\w+\s+){0,1}?(?:from|in|based\s+in|active\s+in|operating\s+in)\s+{THE}{W2}{O:PLC}"),
    frame("controls-place", "operates_in",
          r"{S:GRP}\s*,?\s*(?:which\s+|that\s+|who\s+)?(?:\w+\s+)?(?P<t>controls|controlled|holds|held|seized|captured|"
          r"took\s+over|took\s+control\s+of|overran|stormed|occupies|occupied|retook|recaptured)\s+{THE}"
          r"(?:(?:town|city|village|district|region|province|area|outskirts|parts?|most|much)\s+of\s+{THE})?{O:PLC}"),
    frame("place-based", "operates_in", r"{O:PLC}[\-\u2010\u2011](?P<t>based)\s+(?:\w+,?\s+){0,3}?{S:GRP}"),
    frame("branch-in-place-ops", "operates_in",
          r"(?P<t>" + BRANCH + r")\s+in\s+{O:PLC}\s*\(\s*{S:GRP}\s*\)", guards=("place-pairs",)),
    frame("place-possessive", "operates_in", r"{O:PLC}(?P<t>['’]s)\s+(?:\w+\s+)?{S:GRP}(?!\s+(?:" + BRANCH
          + "|" + LEADER + "|" + MEMBER + r")\b)", nominal=True),
    frame("linked-ally", "ally_of", r"{O:MOD}[\-\u2010\u2011](?P<t>linked|aligned|allied|backed|supported)\s+{S:ACT}", nominal=True),
    frame("linked-part", "part_of", r"{O:MOD}[\-\u2010\u2011](?P<t>affiliated|affiliate)\s+{S:GRP}", nominal=True),
    frame("group-of-place", "operates_in", r"{S:GRP}\s+(?P<t>in|of)\s+{THE}{O:PLC}(?!\s*(?:province|['’]s))",
          guards=("own-places", "not-after-pledge")),
    # coalitions: "the X umbrella announced between A and the following groups: B, C of the D coalition, E" ---------
    frame("umbrella-between", "part_of",
          r"{O:GRP}\s+(?P<t>umbrella|coalition|alliance|(?:joint\s+)?operations\s+room|initiative|front|grouping|"
          r"command)\b(?:[^«»;:()]|\([^()]{0,120}\)){0,120}?\bbetween\s+{THE}(?:{FOLLOWING})?{THE}{S:GRP}", lists=True, need=r"\bbetween\b"),
    frame("umbrella-members", "part_of",
          r"{O:GRP}\s+(?:umbrella|coalition|alliance|(?:joint\s+)?operations\s+room|initiative|front|grouping|command)\b"
          r"(?:[^«»;:()]|\([^()]{0,120}\)){0,120}?\bbetween\s+{THE}«G\d+»{ASIDE}\s*,?\s+(?P<t>and)\s+{THE}"
          r"(?:{FOLLOWING})?{THE}{S:GRP}", lists=True, need=r"\bbetween\b"),
    frame("umbrella-allies", "ally_of",
          r"(?P<t>umbrella|coalition|alliance|(?:joint\s+)?operations\s+room|initiative)\b(?:[^«»;:()]|\([^()]{0,120}\))"
          r"{0,120}?\bbetween\s+{THE}{S:GRP}{ASIDE}\s*,?\s+and\s+{THE}(?:{FOLLOWING})?{THE}{O:GRP}", lists=True, need=r"\bbetween\b"),
    frame("counts-among", "part_of",
          r"{S:GRP}{GAP}(?P<t>counts|count|counted|counting|lists|listed|numbers|numbered)\s+{THE}{O:GRP}"
          r"(?:\s+of\s+the\s+«G\d+»(?:\s+\w+)?)?\s+(?:as\s+)?(?:among\s+|one\s+of\s+)?(?:its|their|«G\d+»)\s+(?:\w+\s+)?"
          r"(?:affiliates|branches|members|member\s+groups|components|factions|constituents|allies)\b", swap=True, need=r"\b(?:counts?|counted|counting|lists|listed|numbers|numbered)\b", clause=True),
    frame("front-group-for", "part_of",
          r"{S:GRP}\s*,?\s*(?:which\s+|that\s+)?(?:is|was|are|were|serves\s+as|served\s+as|acts\s+as|acted\s+as)\s+"
          r"(?:merely\s+|just\s+|only\s+|essentially\s+|effectively\s+|reportedly\s+|widely\s+seen\s+as\s+)?(?:an?\s+|the\s+)?"
          r"(?:\w+\s+)?(?P<t>front(?:\s+group|\s+organi[sz]ation)?|cover|proxy|mouthpiece|media\s+(?:wing|arm|outlet)|"
          r"political\s+(?:wing|arm)|armed\s+wing|military\s+wing)\s+for\s+{THE}{O:GRP}", need=r"\bfor\b"),
    frame("led-by-member", "part_of",
          r"{O:GRP}\s*(?:[,\-–—(]\s*|\s+)(?:which\s+is\s+|that\s+is\s+|which\s+was\s+)?(?:coalition\s+|alliance\s+|"
          r"mission\s+|force\s+)?(?P<t>led\s+by)\s+{THE}"
          r"{S:STA}(?=\s*(?:[,.;:)\-–—]|and\b|$))", need=r"\bled\s+by\b"),
    # alliances: "the combined forces of A and B", "A and B combined forces"
    frame("combined", "ally_of",
          r"(?P<t>combined|joint)\s+(?:numbers|forces|strength|manpower|ranks|fighters|contingents?)\s+of\s+{THE}{S:ACT}"
          r"{ASIDE}\s+and\s+{THE}{O:ACT}", need=r"\b(?:combined|joint)\b"),
    frame("pair-combined", "ally_of",
          r"{S:ACT}{ASIDE}\s+and\s+{THE}{O:ACT}{ASIDE}\s+(?:have\s+|had\s+|then\s+|later\s+)?(?P<t>combined\s+(?:their\s+)?"
          r"forces|joined\s+forces|pooled\s+(?:their\s+)?(?:forces|resources|fighters))\b", need=r"\b(?:combined|joined|pooled)\b"),
    frame("whose-members-refuge", "ally_of",
          r"{S:GRP}(?:[^«»;.]|«L\d+»){0,80}?,\s*(?:some|many|most|several|all|one|two|three|a\s+number)\s+of\s+whose\s+"
          r"(?:members|fighters|commanders|men|leaders)\s+(?:\w+\s+)?(?P<t>(?:took|sought|found|seek|seeking)\s+refuge\s+with|"
          r"fought\s+alongside|joined\s+forces\s+with)\s+{THE}{O:GRP}", need=r"\bwhose\b"),
    frame("combined-forces-with", "ally_of",
          r"{S:ACT}{GAP}(?P<t>combined\s+(?:its\s+|their\s+)?forces\s+with|pooled\s+(?:its\s+|their\s+)?(?:forces|"
          r"resources|fighters)\s+with|fought\s+(?:side\s+by\s+side|shoulder\s+to\s+shoulder)\s+with)\s+{THE}{W2}{O:ACT}", need=r"\b(?:combined|pooled|side|shoulder)\b", clause=True),
    # hostility: nominal "the X coalition - led by Y - against Z", passives "driven out of A by X", aims "intends to destroy"
    frame("against-nominal", "opposes",
          r"{S:ACT}\s*(?:[,\-–—(]\s*(?:[^«»;,()]|«[SLP]\d+»){0,40}?[,\-–—)]\s*)?(?P<t>against)\s+{THE}(?:{PARTS})?{O:ACT}", need=r"\bagainst\b"),
    frame("passive-by", "opposes",
          r"{S:ACT}{GAP}(?:was|were|been|being|had\s+been|have\s+been)\s+(?:\w+\s+)?(?P<t>attacked|targeted|ambushed|killed|"
          r"assassinated|expelled|driven\s+out|forced\s+out|forced\s+to\s+(?:leave|withdraw|retreat|flee|abandon)|pushed\s+"
          r"out|besieged|raided|bombed|shelled|defeated|routed|subjugated|crushed|overrun|ousted)\b(?:[^«»;,.()]|«L\d+»)"
          r"{0,60}?\bby\s+{THE}(?:{PARTS})?{O:ACT}", need=r"\bby\b", clause=True),
    frame("aims-to-destroy", "opposes",
          r"{S:ACT}{GAP}(?P<t>(?:intend\w*|plan\w*|want\w*|seek\w*|sought|trying|tried|tries|aims?|aimed|vow\w*|pledg\w*|"
          r"promis\w*|determined|set\s+out|working|moved?|moving)\s+to\s+(?:destroy|defeat|eliminate|crush|expel|fight|attack|"
          r"target|wipe\s+out|root\s+out|dislodge|oust|eradicate|annihilate|move\s+against|confront))\s+(?:both\s+)?{THE}"
          r"(?:{PARTS})?{O:ACT}", need=r"\bto\b", clause=True),
    frame("hostile-adj", "opposes",
          r"{S:ACT}{GAP}(?:is|was|are|were|remains?|remained|became|has\s+been|had\s+been)\s+(?:\w+\s+)?(?P<t>(?:bitter\s+|"
          r"sworn\s+|arch-?|fierce\s+|implacable\s+)?(?:rivals?|enem(?:y|ies)|foes?|opponents?|adversar(?:y|ies))\s+(?:of|to)|"
          r"hostile\s+(?:to|towards)|at\s+odds\s+with|in\s+conflict\s+with|at\s+war\s+with)\s+(?:both\s+)?{THE}{O:ACT}", need=r"\b(?:rival|enem|foe|opponent|adversar|hostile|odds|conflict|war)", clause=True),
    # lineage: renaming, predecessors, factions that announced themselves under a new name
    frame("took-the-name", "successor_of",
          r"{O:GRP}{GAP}(?P<t>reverted\s+to\s+(?:the|its)\s+(?:\w+\s+)?name|adopted\s+the\s+(?:\w+\s+)?name|took\s+the\s+"
          r"(?:\w+\s+)?name|assumed\s+the\s+(?:\w+\s+)?name|re-?named\s+itself|renamed|re-?branded\s+(?:itself\s+)?(?:as\s+)?|"
          r"changed\s+(?:its|their)\s+name\s+(?:to|back\s+to)|became|was\s+reorgani[sz]ed\s+as|reorgani[sz]ed\s+as|"
          r"re-?emerged\s+as|relaunched\s+(?:itself\s+)?as)\s*,?\s*(?:of\s+)?{THE}{S:GRP}(?!\s*['’]s|\s+(?:" + BRANCH
          + "|" + LEADER + "|" + MEMBER + r"|forces|leaders)\b)", need=r"\b(?:name|renamed|rebranded|became|reorgani|re-?emerged|relaunched)"),
    frame("predecessor-of", "successor_of",
          r"{O:GRP}{GAP}(?:is|was|as|became|were)\s+(?:the\s+|a\s+|an\s+)?(?:direct\s+|immediate\s+)?(?P<t>predecessors?|"
          r"forerunners?|precursors?|progenitors?|antecedents?)\s+(?:of|to)\s+{THE}{S:GRP}", need=r"\b(?:predecessor|forerunner|precursor|progenitor|antecedent)"),
    frame("predecessor-appos", "successor_of",
          r"{O:GRP}\s*[,(\-–—]\s*{THE}{S:GRP}(?P<t>['’]s?\s+(?:\w+\s+)?(?:predecessor|forerunner|precursor|earlier\s+incarnation|"
          r"previous\s+incarnation|former\s+name))\b", need=r"\b(?:predecessor|forerunner|precursor|incarnation|former\s+name)"),
    frame("faction-announced", "split_from",
          r"(?P<t>(?:faction|wing|splinter\s+(?:group|faction)|section|part|group|elements|remnants|defectors)\s+(?:of|within|"
          r"from)\s+{THE}{O:GRP}(?:[^«»;.]|«[LP]\d+»){0,60}?\b(?:announced\s+(?:itself|themselves)\s+as|declared\s+(?:itself|"
          r"themselves)(?:\s+to\s+be)?|named\s+(?:itself|themselves)|broke\s+away\s+(?:and|to)\s+form(?:ed)?|split\s+off\s+"
          r"(?:and|to)\s+form(?:ed)?|formed|founded|established|created|set\s+up|regrouped\s+as|reorgani[sz]ed\s+as))"
          r"\s+{THE}(?:new\s+)?{W2}{S:GRP}", need=r"\b(?:faction|wing|splinter|section|group|elements|remnants|defectors)\b"),
    frame("defection-from", "split_from",
          r"{S:GRP}{GAP}(?P<t>(?:defection|secession|breakaway|split|schism|break)[”\"’']?(?:\s*\([^()«»]{0,30}\))?\s+from)"
          r"\s+{THE}{O:GRP}", need=r"\b(?:defection|secession|breakaway|split|schism|break)\b", clause=True),
    # defection: "withdrew its allegiance from X and pledged it to Y", "left X for Y"
    frame("withdrew-and-pledged", "defected_to",
          r"{S:ACT}{APPOS}{GAP}(?:withdr[ae]w\w*|renounc\w*|revok\w*|rescind\w*|abandon\w*|broke|annull\w*|retract\w*)\s+"
          r"(?:its|their|his|her|«\w\d+»)?\s*(?:allegiance|pledge|oath|bay['’]?ah|loyalty)\s+(?:\w+\s+)?(?:to|from|with)\s+"
          r"{THE}(?:\w+\s+)?«\w\d+»(?:[^«»;.]){0,40}?\b(?:and|before|to|then)\s+(?:\w+\s+){0,2}?(?:(?P<t>pledg\w*|swore|gave|"
          r"declared|transferr\w*)\s+(?:(?:it|them|its|their|his|her|a\s+new|new|an?|«\w\d+»)\s+)?(?:\w+\s+){0,2}?to|"
          r"join(?:ed|s|ing)?)\s+{THE}{W2}{O:GRP}", need=r"\b(?:withdr|renounc|revok|rescind|abandon|broke|annull|retract)", clause=True),
    frame("left-for", "defected_to",
          r"{S:ACT}{APPOS}{GAP}(?:left|quit|abandoned|deserted)\s+{THE}«G\d+»\s+(?P<t>for)\s+{THE}{O:GRP}", need=r"\bfor\b", clause=True),
    # designation: lists of designees, bans by states, aliases added to a designation
    frame("designates-list", "designated_by",
          r"{S:ORG}{GAP}(?P<t>designated|listed|blacklisted|proscribed|sanctioned|banned|outlawed)\s+(?:both\s+)?{THE}"
          r"{O:ACT}(?:\s*\(«\w+»\))?(?:(?:\s*,\s*(?:and\s+)?|\s+and\s+)(?:the\s+|its\s+)?«\w\d+»(?:\s*\(«\w+»\))?)+\s+"
          r"(?:as|on|an?)\b", swap=True, need=r"\b(?:designated|listed|blacklisted|proscribed|sanctioned|banned|outlawed)\b", clause=True),
    frame("state-bans", "designated_by",
          r"{S:STA}{GAP}(?P<t>banned|outlawed|proscribed|blacklisted)\s+(?:both\s+)?{THE}{O:ACT}", swap=True, need=r"\b(?:banned|outlawed|proscribed|blacklisted)\b", clause=True),
    frame("designation-alias", "designated_by",
          r"{S:ORG}{GAP}(?P<t>amend\w*|updat\w*|expand\w*|revis\w*)\s+(?:its|their|the)\s+(?:\w+\s+){0,2}?(?:designation|"
          r"listing)s?\s+of\s+{THE}(?:«\w\d+»|[^«»;]){0,60}?\bto\s+(?:also\s+)?include\s+{THE}{O:ACT}", swap=True, need=r"\binclude\b", clause=True),
    frame("designation-alias-of", "designated_by",
          r"{S:ORG}{GAP}(?P<t>amend\w*|updat\w*|expand\w*|revis\w*)\s+(?:its|their|the)\s+(?:\w+\s+){0,2}?(?:designation|"
          r"listing)s?\s+of\s+{THE}{O:ACT}", swap=True, need=r"\b(?:designation|listing)", clause=True),
    frame("designation-noun", "designated_by",
          r"{O:ORG}(?P<t>(?:['’]s?)?\s+(?:\w+\s+)?(?:designation|listing|proscription|blacklisting))\s+of\s+(?:both\s+)?{THE}{S:ACT}", need=r"\b(?:designation|listing|proscription|blacklisting)\b"),
    frame("named-terrorist", "designated_by",
          r"{S:ORG}{GAP}(?P<t>named|labell?ed|declared|classified|branded|recogni[sz]ed)\s+{THE}{O:ACT}\s+(?:as\s+)?"
          r"(?:an?\s+)?(?:\w+\s+){0,2}?(?:terrorist|Specially\s+Designated|SDGT|FTO)", swap=True, need=r"\b(?:terrorist|Specially|SDGT|FTO)\b", clause=True),
    # recall: presence, fighters in a place, held places, attacks by a group --------------------------------------
    frame("presence-areas", "operates_in",
          r"(?P<t>(?:areas|places|centres|centers|hubs|strongholds|bastions|zones|locations|heartlands?)\s+of\s+{THE}{S:GRP}"
          r"(?:['’]s?)?\s+(?:\w+\s+){0,2}?(?:presence|activity|activities|operations|influence|control|deployment))"
          r"(?:\s+(?:in|within|across)\s+{THE}«[LS]\d+»)?\s*,?\s+(?:have\s+been|has\s+been|had\s+been|are|were|is|was|"
          r"include[sd]?|included|lie|lay)\s*:?\s+{THE}{W2}{O:PLC}",
          need=r"\b(?:areas|places|cent|hubs|strongholds|bastions|zones|locations|heartland)"),
    frame("people-in-place", "operates_in",
          r"{S:GRP}(?:['’]s?)?\s+(?:own\s+|local\s+|remaining\s+|last\s+|main\s+|foreign\s+)?(?P<t>presence|fighters|cells|bases|"
          r"camps|positions|strongholds?|offices?|networks?|foothold|contingents?|units|members|militants|commanders|"
          r"operatives|gunmen|territor(?:y|ies))\s+(?:(?:had|have|has|were|was|been|being|reportedly|later|allegedly|killed|"
          r"died|wounded|captured|arrested|detained|stationed|based|deployed|operating|active|remaining|still|now|also)\s+)"
          r"{0,4}(?:in|across|throughout|inside|near)\s+{THE}(?:(?:town|city|village|settlement|district|region|province|"
          r"area|outskirts|countryside|locality)\s+of\s+{THE})?{O:PLC}",
          need=r"\b(?:presence|fighters|cells|bases|camps|positions|stronghold|office|network|foothold|contingent|units|"
               r"members|militants|commanders|operatives|gunmen|territor)"),
    frame("held-place", "operates_in",
          r"{S:MOD}[\-\u2010\u2011](?P<t>held|controlled|occupied|dominated)\s+(?:\w+\s+){0,2}?(?:(?:in|of)\s+{THE})?{O:PLC}",
          need=r"-(?:held|controlled|occupied|dominated)\b"),
    frame("attacks-by", "operates_in",
          r"(?P<t>attacks?|bombings?|raids?|assaults?|ambush(?:es)?|offensives?|shootings?|kidnappings?|beheadings?|"
          r"massacres?|executions|suicide\s+bombings?)\s+(?:\w+\s+){0,2}?(?:in|on|at|near|across)\s+{THE}(?:(?:town|city|village|"
          r"settlement|district|region|province|area|outskirts|countryside|locality)\s+of\s+{THE})?{O:PLC}"
          r"(?:\s*,\s*«L\d+»)?\s+(?:(?:were|was|have\s+been|has\s+been|had\s+been|all|also|reportedly|allegedly|"
          r"later|since)\s+)*(?:by|claimed\s+by|carried\s+out\s+by|perpetrated\s+by|launched\s+by|staged\s+by|"
          r"conducted\s+by|mounted\s+by|blamed\s+on)\s+{THE}(?:{PARTS})?{S:GRP}",
          need=r"\b(?:by|on)\b"),
    frame("place-seized-by", "operates_in",
          r"{S:PLC}\s*,?\s+(?:(?:which|that)\s+)?(?:was|were|had\s+been|has\s+been|have\s+been|is|are|being|been)\s+"
          r"(?:\w+\s+)?(?P<t>seized|captured|taken(?:\s+over)?|held|controlled|overrun|occupied|stormed|retaken|"
          r"recaptured|run|governed|administered)\s+by\s+(?:what\s+(?:was|is)\s+(?:then|now)\s+)?{THE}(?:{PARTS})?{O:GRP}",
          swap=True, need=r"\bby\b"),
    frame("place-stronghold", "operates_in",
          r"{S:PLC}\s*,?\s+(?:(?:which|that)\s+)?(?:\w+\s+)?(?:became|becomes|become|was|is|remained|remains|has\s+been|"
          r"had\s+been)\s+(?:an?|the)\s+(?:(?:key|main|major|de\s+facto|important|last|former|new)\s+)?{O:GRP}\s+"
          r"(?P<t>strongholds?|bastion|base|hub|capital|headquarters|territory|redoubt)\b", swap=True,
          need=r"\b(?:stronghold|bastion|base|hub|capital|headquarters|territory|redoubt)\b"),
    # recall: hostility of fighters who fell fighting, steady fighting with, enemies lists, X-led campaigns against Y
    frame("fell-fighting", "opposes",
          r"{S:GRP}(?:['’]s?)?\s+(?:\w+\s+){0,2}?(?:fighters|members|men|militants|commanders|soldiers)\s+[^«»;]{0,40}?"
          r"\b(?:killed|died|fell|martyred)\b(?:[^«»;.]|«L\d+»){0,50}?\b(?P<t>fighting|battling|combating|against|in\s+"
          r"(?:clashes|battles?|fighting)\s+(?:with|against))\s+{THE}{O:ACT}",
          need=r"\b(?:killed|died|fell|martyred)\b"),
    frame("sent-to-fight", "opposes",
          r"{S:ACT}\s+(?:(?:were|was|had\s+been|have\s+been|has\s+been|being|are|is)\s+)?(?P<t>(?:sent|brought|deployed|"
          r"dispatched|moved|rushed|flown|redeployed)\b(?:[^«»;.]|«[LS]\d+»){0,60}?\b(?:in\s+order\s+)?to\s+(?:help\s+)?"
          r"(?:combat|fight|counter|battle|attack|defeat|destroy|confront|target|drive\s+out|expel|push\s+back))\s+{THE}"
          r"(?:{PARTS})?{O:ACT}", need=r"\b(?:sent|brought|deployed|dispatched|moved|rushed|flown)\b"),
    frame("steady-fighting", "opposes",
          r"{S:ACT}{GAP}(?P<t>(?:constant|heavy|fierce|ongoing|intense|daily|renewed|continued|continuous|bitter|bloody|"
          r"frequent|sporadic|regular|repeated)\s+(?:fighting|clashes|battles?|warfare|confrontations?|skirmishes)\s+"
          r"(?:with|against))\s+{THE}{W2}{O:ACT}",
          need=r"\b(?:constant|heavy|fierce|ongoing|intense|daily|renewed|continu|bitter|bloody|frequent|sporadic|regular|repeated)", clause=True),
    frame("enemies-include", "opposes",
          r"{S:ACT}(?:['’]s?)?\s+(?:\w+\s+){0,2}?(?P<t>enemies|foes|adversaries|opponents|rivals)\s+(?:have\s+)?(?:include[sd]?|"
          r"included|are|were|such\s+as|like|including|namely)\s*:?\s+{THE}{O:ACT}",
          need=r"\b(?:enemies|foes|adversaries|opponents|rivals)\b"),
    frame("led-against", "opposes",
          r"{S:MOD}[\-\u2010\u2011](?P<t>led)\s+(?:\w+\s+){0,3}?(?:offensive|campaign|coalition|operations?|assault|strikes|"
          r"air\s*strikes|bombing|attacks?|war|push|counter-?offensive|intervention|forces|siege)\s+(?:against|on)\s+{THE}"
          r"(?:{PARTS})?{W2}{O:ACT}", need=r"-led\b"),
    frame("no-problems-with", "opposes",
          r"{S:ACT}\s+(?:\w+\s+)?(?:have|has|had)\s+(?P<t>no\s+(?:problems?|issues?|quarrels?|disputes?|conflicts?|hostility|"
          r"enmity|differences)\s+with)\s+(?:[^«»;.]{0,60}?\b(?:like|such\s+as|including|namely|as)\s+)?\[?{THE}{O:ACT}",
          stance="denied", need=r"\bno\s+(?:problem|issue|quarrel|dispute|conflict|hostility|enmity|difference)"),
    # recall: members by their past role, by the charge against them
    frame("life-as", "member_of",
          r"{S:PER}(?:['’]s?)?\s+(?:\w+\s+)?(?:life|career|time|days|years|stint|role|work)\s+as\s+(?:an?|the)\s+{O:GRP}\s+"
          r"(?:\w+\s+)?(?P<t>" + MEMBER + r")\b", need=r"\bas\b"),
    frame("charged-joining", "member_of",
          r"{S:PER}(?:\s*,[^;]{0,90}?,)?\s+(?:on|over|for)\s+(?:charges?|suspicion|accusations?|allegations?)\s+of\s+"
          r"(?P<t>joining|being\s+a\s+member\s+of|membership\s+(?:in|of)|fighting\s+for|recruiting\s+for|belonging\s+to)\s+"
          r"{THE}{O:GRP}", need=r"\b(?:charge|suspicion|accusation|allegation)"),
    # recall: a pledge to the leader named by title and group ("to the caliph of X, P"), a renewed pledge
    frame("pledge-to-title", "allegiance_to",
          r"{S:ACT}{GAP}(?P<t>(?:pledg\w*|swore|swear\w*|sworn|gave|give[sn]?|giving|offer\w*|renew\w*|affirm\w*|reaffirm\w*)"
          r"\s+{W3}" + BAYAH + r")\s+(?:to|with)\s+{THE}(?:then[\-\s]|new\s+|self-(?:proclaimed|styled)\s+)?(?:" + LEADER
          + r")\s+of\s+{THE}«G\d+»\s*,\s*{O:PER}", need=r"\b(?:allegiance|bay|oath|loyalty)", clause=True),
    frame("pledge-to-title-group", "allegiance_to",
          r"{S:ACT}{GAP}(?P<t>(?:pledg\w*|swore|swear\w*|sworn|gave|give[sn]?|giving|offer\w*|renew\w*|affirm\w*|reaffirm\w*)"
          r"\s+{W3}" + BAYAH + r")\s+(?:to|with)\s+{THE}(?:then[\-\s]|new\s+|self-(?:proclaimed|styled)\s+)?(?:" + LEADER
          + r")\s+of\s+{THE}{O:GRP}", need=r"\b(?:allegiance|bay|oath|loyalty)", clause=True),
    frame("renewed-pledge", "allegiance_to",
          r"{S:ACT}{GAP}(?P<t>(?:renew\w*|reaffirm\w*|re-?affirm\w*|reiterat\w*|confirm\w*)\s+(?:its|their|his|«\w\d+»)\s+"
          r"(?:\w+\s+)?(?:pledge|oath|allegiance|bay['’]?ah))\s+(?:of\s+" + BAYAH + r"\s+)?(?:to|with)\s+{THE}{W3}{O:ACT}",
          need=r"\b(?:renew|reaffirm|re-?affirm|reiterat|confirm)", clause=True),
    # fronted clauses and appositions: "After splitting from X, Y ...", "Under the leadership of P, X ...",
    # "X and its branch in P, Y", "X, which remained loyal to Y"
    frame("fronted-split", "split_from",
          r"\b(?:after|since|following|upon)\s+(?P<t>(?:splitting|splintering|breaking)\s+(?:away\s+|off\s+)?from|"
          r"seceding\s+from|(?:its|their)\s+(?:split|break|secession|breakaway)\s+from)\s+{THE}{O:GRP}\s*,\s*{THE}{S:GRP}",
          need=r"\b(?:after|since|following|upon)\b"),
    frame("fronted-pledge", "allegiance_to",
          r"\b(?:after|since|following|upon)\s+(?P<t>(?:pledging|swearing|giving|declaring)\s+(?:«G\d+»\s+|its\s+|their\s+)?"
          + BAYAH + r")\s+to\s+{THE}{O:ACT}\s*,\s*{THE}{S:ACT}", need=r"\b(?:after|since|following|upon)\b"),
    frame("fronted-leadership", "leader_of",
          r"\bunder\s+(?:the\s+)?(?:\w+\s+)?(?P<t>(?:leadership|command|rule)\s+of)\s+{THE}{S:PER}\s*,\s*{THE}{O:GRP}",
          need=r"\bunder\b"),
    frame("branch-in-place-appos", "part_of",
          r"{O:GRP}" + POSS + r"\s+(?:\w+\s+)?(?P<t>branch|affiliate|franchise|wing|province)\s+in\s+{THE}«[LS]\d+»\s*,\s*"
          r"{THE}{S:GRP}\s*,", need=r"\b(?:branch|affiliate|franchise|wing|province)\b"),
    frame("remained-loyal", "allegiance_to",
          r"{S:ACT}\s*,?\s*(?:which|who|that)?\s*(?:remained|remains|stayed|stays|is|was|were|are)\s+(?:still\s+)?"
          r"(?P<t>loyal)\s+to\s+{THE}{O:ACT}", need=r"\bloyal\b"),
    frame("predecessor-of-appos", "successor_of",
          r"{O:GRP}\s*,\s*(?:the\s+|a\s+|an\s+)?(?:direct\s+|immediate\s+)?(?P<t>predecessor|forerunner|precursor)\s+(?:of|to)\s+"
          r"{THE}{S:GRP}\s*,", need=r"\b(?:predecessor|forerunner|precursor)\b"),
    frame("appos-group-leader", "leader_of",
          r"{S:PER}\s*,\s*{O:GRP}(?:['’]s?)\s+(?:new\s+|then\s+|current\s+|former\s+|longtime\s+|self-styled\s+)?(?P<t>"
          + LEADER + r")\s*,", need=r"['’]s?\s+\S*\s*(?:" + LEADER + r")\b"),
    frame("appos-group-member", "member_of",
          r"{S:PER}\s*,\s*(?:an?\s+|one\s+of\s+)?{O:GRP}(?:['’]s?)?\s+(?:\w+\s+)?(?P<t>" + MEMBER + r")\b"
          r"(?:[^,«»;()]|«[LS]\d+»){0,40}?,",
          need=r"\b(?:" + MEMBER + r")\b"),
    # "X remained (is still) Y's affiliate in P", "X was a vehicle through which Y recruited ..."
    frame("pred-possessive-branch", "part_of",
          r"{S:GRP}\s*,?\s*(?:(?:which|that)\s+)?(?:remained|remains|stayed|stays|is|was|are|were|has\s+been|had\s+been|"
          r"became|becomes|continued\s+to\s+be|continues\s+to\s+be)\s+(?:still\s+|now\s+|effectively\s+|also\s+|"
          r"formally\s+|officially\s+|de\s+facto\s+)?(?:the\s+)?{O:GRP}" + POSS + r"\s+"
          r"(?!(?:[\w\-]+\s+){0,2}?(?:rival|former|ex-|one-time|erstwhile|breakaway|splinter|dissident|competing|opposing|"
          r"enemy|renegade)\b){W2}(?:«[LS]\d+»\s+)?(?P<t>" + BRANCH + r")\b", person="member_of",
          need=r"\b(?:" + BRANCH + r")\b"),
    frame("appos-possessive-branch", "part_of",
          r"{S:GRP}\s*,\s*(?:the\s+)?{O:GRP}(?:['’]s?)\s+"
          r"(?!(?:[\w\-]+\s+){0,2}?(?:rival|former|ex-|one-time|erstwhile|breakaway|splinter|dissident|competing|opposing|"
          r"enemy|renegade)\b){W2}(?:«[LS]\d+»\s+)?(?P<t>" + BRANCH + r")(?:\s+(?:in|for|across)\s+(?:the\s+)?(?:«[LS]\d+»|[\w\-]+))?"
          r"\s*(?:,|\.?$)", need=r"\b(?:" + BRANCH + r")\b"),
    frame("vehicle-through-which", "part_of",
          r"{S:GRP}\s*,?\s*(?:(?:which|that)\s+)?(?:remained|remains|is|was|are|were|has\s+been|had\s+been|became|"
          r"served\s+as|serves\s+as|acted\s+as|acts\s+as)\s+(?:still\s+)?(?:an?|the|one)\s+(?:\w+\s+){0,2}?"
          r"(?P<t>(?:vehicles?|conduits?|instruments?|fronts?)\s+(?:through|by\s+which|via)\s*(?:which|whom)?)\s+"
          r"{THE}{O:GRP}", need=r"\b(?:vehicle|conduit|instrument|front)"),
    # a fronted nominal whose effect falls on the other side: "Clashes with X left Y weakened", "Fighting with X cost Y ..."
    frame("fronted-clashes-with", "opposes",
          r"^\s*(?:[^«»;,]{0,40},\s*)?(?:(?:years|months|weeks|days|rounds?|waves?|bouts?)\s+of\s+)?(?:the\s+)?"
          r"(?:(?:heavy|fierce|intense|bloody|bitter|renewed|repeated|continued|constant|ongoing|protracted|recent)\s+)?"
          r"(?P<t>clashes|fighting|battles?|war|warfare|conflict|infighting|confrontations?|skirmishes|hostilities)\s+"
          r"with\s+{THE}{O:ACT}\s+(?:had\s+|has\s+|have\s+)?(?:left|leaves|cost|costs|weakened|weakens|drained|depleted|"
          r"exhausted|sapped|devastated|decimated|bled|wore\s+down)\s+{THE}{S:ACT}", need=r"\bwith\b"),
    frame("premod-splinter", "split_from",
          r"{O:GRP}" + POSS + r"\s+(?P<t>splinter(?:\s+(?:group|faction|cell|movement))?|offshoot|breakaway\s+(?:group|faction)|"
          r"spin-?off)\s*,?\s*{THE}{S:GRP}", need=r"\b(?:splinter|offshoot|breakaway|spin-?off)\b", nominal=True),
]

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
