"""Relations stated in running sentences: the frames of `triggers` matched over masked sentences."""
from __future__ import annotations

import re

from ... import entity_kinds
from ... import relations as vocab
from ..regex_words import WordFinder, word_text
from ..state import Annotated, Span
from ..triggers import BRANCH, DEFECTED_WHERE, DEFECTOR, FRAMES, GUARDS, LEADER, LEADER_STRUCK, MEMBER, Frame
from .candidate import Candidate
from .infobox import infobox_relations
from .mask import _LIST_LEFT, _LIST_RIGHT, MARK, Masked, expand_loose, mask
from .mask import expand_right as _expand_right_places
from .syntax import clause_agrees

# a subject that is only a part of a group ("members of X") is not the group
_POSSESSOR = re.compile(r"['’]s\s+(?:[\w\-]+\s+){0,2}?«(\w)(\d+)»")
_HEADED_BY = re.compile(r"\s+(?:" + LEADER + "|" + MEMBER + r")\s*,?\s*«P(\d+)»", re.I)
_PARTITIVE = re.compile(r"(?i)\b(?:members|fighters|commanders|some|many|most|remnants|defectors|supporters|those|"
                        r"leaders|elements|officials|parts|one|several|few)\s+(?:of|from)\s+(?:the\s+)?$")
_PARTITIVE_OK = vocab.PARTITIVE_OK  # relations a partitive may state (relations.py)
# "an ex-X grouping": X names what the group was, not what it is
_FORMER = re.compile(r"(?i)\b(?:ex-|former\s+|erstwhile\s+|one-time\s+)(?:«\w\d+»\s*/\s*)*$")
_BRANCH_OF = re.compile(r"(?i)\b(?:" + BRANCH + r"|provincial\s+area)\s+(?:of|within)\s+(?:the\s+)?(?:[\w\-]+\s+){0,3}?$")
_RELATIVE = re.compile(r"\s*,?\s*(?:that|which)\s+(?:is|was|are|were)\b|\s*,?\s*(?:located|based|active|operating)\b")
_PLEDGED_TO = re.compile(r"(?i)\b(?:allegiance|bay['’]?ah|loyalty|pledges?|oaths?)\s+(?:\w+\s+)?to\s+(?:the\s+)?$")
_PEOPLE_BEFORE = re.compile(r"(?i)\b(?:militants|fighters|members|men|people|gunmen|supporters|individuals|cells?|"
                            r"operatives|suspects|youths?|recruits|volunteers)\s*,?\s*$")
# the place a place lies in: "the North Caucasus region of Russia", "al-Hawl in Hasakah province"
_WITHIN = re.compile(r"(?:\s+(?:region|republic|province|governorate|district|part|parts|area|countryside|outskirts)\s+of"
                     r"|\s*,?\s+in)\s+(?:the\s+)?(?:(?:north|south|east|west|central|northern|southern|eastern|western|"
                     r"north-?eastern|north-?western|south-?eastern|south-?western)\s+)?«([LS])(\d+)»")
_PLACE_PAIR = re.compile(r"\s*(?:,\s*(?:and\s+)?|and\s+)«[LS](\d+)»\s*\(\s*«G(\d+)»\s*\)")


# a mention followed by "'s": a possessor ("X's branches merged ..."), not the clause's subject
_POSSESSIVE_AFTER = re.compile(r"['’]s?\s")
_POSS_PERSON = re.compile(r"['’]s?\s+(?:\w+\s+)?(?:" + LEADER + "|" + MEMBER + r")\s*,?\s*«P(\d+)»", re.I)
# "X's commanders (leaders, shura council ...)": the body that speaks for the whole group
_POSS_BODY = re.compile(r"(?i)['’]s?\s+(?:(?:senior|top|main|remaining|local|field)\s+)?(?:commanders|leaders|"
                        r"leadership|members|emirs|shura\s+council|(?:governing|leadership)\s+council)\s")
# "allegiance to IS's leader B", "to al-Qaeda emir B": the group names whose leader B is
_POSS_LEADER = re.compile(r"(?:['’]s?)?\s+(?:\w+\s+)?(?:" + LEADER + r")\s*,?\s*«P(\d+)»", re.I)
# a place after a locative preposition is where something happens, not who acts or is acted on
_LOCATIVE_BEFORE = re.compile(r"(?i)\b(?:in|inside|within|across|throughout|into|near|at|from)\s+(?:the\s+)?$")
_LOCATIVE_BETWEEN = re.compile(r"(?i)\b(?:in|inside|within|across|throughout|into|near)\b")
# a trigger that is a noun ("conflict with", "war on") right after a comma: a new list item, not a predicate
_NOMINAL_TRIGGER = re.compile(r"(?i)(?:conflict|war|rival|enem|hostil|against|campaign|stand|offensive|raid|airstrike|"
                              r"operation|infighting|alliance|cooperation|coordination|truce|partnership|part\b|"
                              r"successor|incarnation|rebrand|continuation|new\s+name|defection|secession|split|"
                              r"breakaway|schism|offshoot|splinter)")
_PLACED_ITEM = re.compile(r"«G\d+»\s+in\s+(?:the\s+)?«[LS]\d+»\s*,")  # a list whose members carry their own places
_AND_GAP = re.compile(r"(?i)\s*,?\s*(?:and|but|then)\b")
_CONJ = re.compile(r"(?i)^\s*(?:(?:and|or)\b|&|/|as\s+well\s+as|along\s+with)")
_OPEN_END = re.compile(r"(?i)\s*,?\s*(?:and|or|as\s+well\s+as|along\s+with)\s+(?!«)(?:(?:the|its|their|other|several|some|many|various|\w+)\s+)")
_COMMA_CONJ = re.compile(r"(?i)^\s*,\s*(?:and|or)\b")


def _link(text: str) -> str:
    """The kind of list link: 'conj' ("and", "or", "/"), 'comma-conj' (", and"), 'comma' (",")."""
    if _COMMA_CONJ.match(text):
        return "comma-conj"
    if _CONJ.match(text):
        return "conj"
    return "comma"


def expand_right(m: Masked, end: int, kinds: str) -> list[int]:
    """The mentions listed after the one ending at `end` ("A, B and C"); a chain of commas that no "and"
    closes ("A, B took ...") or a lone ", and" ("A, and B took ...") is not a list but a clause boundary."""
    out, links, pos = [], [], end
    while True:
        hit = _LIST_RIGHT.match(m.text, pos)
        if not hit or hit.group(1) not in kinds:
            break
        out.append(int(hit.group(2)))
        links.append(_link(m.text[pos:hit.start(1) - 1]))
        pos = hit.end()
    keep = 0
    if links and _OPEN_END.match(m.text, pos):
        links[-1] = "conj"  # "A, B and other groups": the list closes on a member that is not a mention
    for k, ln in enumerate(links):
        if ln == "conj" or (ln == "comma-conj" and k > 0):
            keep = k + 1
            break
        if ln == "comma-conj":
            break
    return out[:keep]


def expand_left(m: Masked, start: int, kinds: str) -> list[int]:
    """The mentions listed before the one starting at `start`: the nearest link must be "and"/"or" (or
    ", and" closing a list of three or more); "A, B pledged" is an aside or a clause boundary, not a list."""
    out, links, pos = [], [], start
    while True:
        hit = _LIST_LEFT.search(m.text, max(0, pos - 40), pos)
        if not hit or hit.group(1) not in kinds:
            break
        out.append(int(hit.group(2)))
        links.append(_link(m.text[hit.end(2) + 1:pos]))
        pos = hit.start()
    if not links:
        return []
    if links[0] == "conj":
        return out
    if links[0] == "comma-conj" and len(links) > 1 and links[1] == "comma":
        return out
    return []


def _kinds(frame: Frame, side: str) -> str:
    """The mention kinds the frame's subject ("s") or object ("o") may be: the frame says (its slots)."""
    return frame.subject_kinds if side == "s" else frame.object_kinds


# The guards that veto a frame's match, by the names frames give them (triggers.GUARDS says what each does):
# each gets the masked sentence, the match and the words before its subject.
_VETOES = {
    # "X is a branch of Y, which is active in Z": X is (frame branch-located)
    "not-branch-relative": lambda text, hit, before: bool(_BRANCH_OF.search(before) and _RELATIVE.match(text, hit.end("s"))),
    # "pledges of allegiance to X in Y": the pledges were made in Y
    "not-after-pledge": lambda text, hit, before: bool(_PLEDGED_TO.search(before)),
}
_READINGS = {"own-places", "place-pairs", "place-pairs-as-subjects"}  # guards that change what is read (above)
assert set(_VETOES) | _READINGS == set(GUARDS), "every guard a frame may name has its code here"


def _ok(ann: Annotated, relation: str, s: Span, o: Span) -> bool:
    if s.key == o.key:
        return False
    return entity_kinds.allows(vocab.get(relation), ann.type_of(s.key), ann.kind_of(s.key),
                               ann.type_of(o.key), ann.kind_of(o.key))


def _masked(ann: Annotated, index: int, cache: dict | None = None) -> Masked | None:
    if cache is not None and index in cache:
        return cache[index]
    spans = ann.sentence_spans(index)
    sent = ann.sentences[index]
    m = mask(ann, sent.start, sent.end, spans) if len(spans) >= 2 else None
    if cache is not None:
        cache[index] = m
    return m


def _possible(fr: Frame, present: set[str]) -> bool:
    """Whether the sentence holds mentions of the kinds the frame's subject and object need."""
    kinds = _FRAME_KINDS.get(fr.name)
    if kinds is None:  # a frame not in FRAMES (one being tried out)
        kinds = _FRAME_KINDS[fr.name] = (set(_kinds(fr, "s")), set(_kinds(fr, "o")))
    s_kinds, o_kinds = kinds
    return bool(present & s_kinds) and bool(present & o_kinds)


_WORDS = WordFinder(w for f in FRAMES for w in f.words or ())  # the words the frames' patterns need
_COVERED: dict[frozenset[str], bool] = {}  # a frame's words -> whether _WORDS looks for all of them


class _Keys:
    """What the frames' pre-checks read in a masked sentence: the kinds of mention it holds, its text as
    the frames' words are looked for (regex_words.word_text), and which of _WORDS it holds."""

    __slots__ = ("present", "low", "found")

    def __init__(self, m: Masked):
        self.present = set(re.findall(r"«(\w)\d+»", m.text))
        self.low = word_text(m.text)
        self.found = _WORDS.found(self.low)

    def has_word(self, words: frozenset[str]) -> bool:
        """Whether the sentence holds one of `words`."""
        covered = _COVERED.get(words)
        if covered is None:
            covered = _COVERED[words] = words <= _WORDS.words
        return not words.isdisjoint(self.found) if covered else any(w in self.low for w in words)


_BY_KINDS: dict[tuple[int, frozenset[str]], list[Frame]] = {}  # (FRAMES or _PARSE_FRAMES, kinds) -> the possible


def _possible_frames(frames: list[Frame], present: set[str]) -> list[Frame]:
    """The frames, in order, whose subject and object kinds a sentence holding mentions of `present` has."""
    if frames is not FRAMES and frames is not _PARSE_FRAMES:  # a list being tried out: not kept
        return [fr for fr in frames if _possible(fr, present)]
    key = (id(frames), frozenset(present))
    got = _BY_KINDS.get(key)
    if got is None:
        got = _BY_KINDS[key] = [fr for fr in frames if _possible(fr, present)]
    return got


def _keys(m: Masked) -> _Keys:
    """The sentence's `_Keys`, read once (the clause pre-check and the frames both ask)."""
    if m.frame_keys is None:
        m.frame_keys = _Keys(m)
    return m.frame_keys  # type: ignore[return-value]


def _worth_search(fr: Frame, text: str, keys: _Keys) -> bool:
    """Whether frame `fr`, of kinds the sentence holds (`_possible_frames`), may match the masked sentence
    `text`: it holds one of the words the pattern cannot match without, and what the frame's own pre-check
    asks for."""
    return (fr.words is None or keys.has_word(fr.words)) and (fr.need is None or fr.need.search(text) is not None)


def match_sentence(ann: Annotated, index: int, frames=FRAMES, cache: dict | None = None) -> list[Candidate]:
    m = _masked(ann, index, cache)
    if m is None:
        return []
    keys = _keys(m)
    out: list[Candidate] = []
    first = getattr(m, "first_hits", {})
    for fr in _possible_frames(frames, keys.present):
        if not _worth_search(fr, m.text, keys):
            continue
        pos = 0
        while True:
            hit = first.pop(fr.name) if pos == 0 and fr.name in first else fr.pattern.search(m.text, pos)
            if not hit:
                break
            pos = hit.start() + 1
            out.extend(_candidates(ann, m, fr, hit, index))
    return out


def _marker_start(m: Masked, index: int) -> int:
    hit = re.search(rf"«\w{index}»", m.text)
    return hit.start() if hit else 0


def kind_of(m: Masked, index: int) -> str:
    hit = re.search(rf"«(\w){index}»", m.text)
    return hit.group(1) if hit else "G"


def _marker_end(m: Masked, index: int) -> int | None:
    hit = re.search(rf"«\w{index}»", m.text)
    return hit.end() if hit else None


def _candidates(ann: Annotated, m: Masked, fr: Frame, hit: re.Match, index: int) -> list[Candidate]:
    s_hit, o_hit = MARK.match(hit.group("s")), MARK.match(hit.group("o"))
    s_first = int(s_hit.group(2))
    person = _HEADED_BY.match(m.text, hit.end("s"))
    if person and not fr.swap and fr.relation in (
            "allegiance_to", "defected_to", "designated_by", "opposes", "ally_of"):
        s_first = int(person.group(1))  # "IS leader X pledged ...": the person does it
    body = False
    lead = _GAP_FRAMES.get(fr.name)  # the mention that is the clause's subject, words before the trigger
    if lead is not None and _POSSESSIVE_AFTER.match(m.text, hit.end(lead)):
        # "X's branches merged under ...", "X's merger, joining Y": X only owns the subject
        owner = _POSS_PERSON.match(m.text, hit.end(lead))
        if owner and lead == "s" and not fr.swap and fr.relation in (
                "allegiance_to", "defected_to", "designated_by", "opposes", "ally_of"):
            s_first = int(owner.group(1))
        elif fr.relation == "allegiance_to" and lead == "s" and not fr.swap and \
                _POSS_BODY.match(m.text, hit.end(lead)):
            body = True  # "X's commanders gave bay'ah to P": the group's leadership pledges for the group
        elif fr.relation not in _PARTITIVE_OK:
            return []
    gap = m.text[hit.end("s"):hit.start("t")] if hit.start("s") < hit.start("t") else ""
    if lead == "s" and gap.rstrip().endswith(",") and _NOMINAL_TRIGGER.match(hit.group("t") or ""):
        return []  # "X members, conflict with Y": a list of topics, no predicate joins X to the trigger
    # "A in P1, B and C in P2": a place after a name attaches to the nearest name only
    own_places = "own-places" in fr.guards and _PLACED_ITEM.search(m.text, 0, hit.start("s"))
    subjects = [s_first] + ([] if own_places else expand_left(m, hit.start("s"), _kinds(fr, "s")))
    o_first = int(o_hit.group(2))
    owner = _POSSESSOR.match(m.text, hit.end("o"))
    if owner and o_hit.group(1) in "LS" and fr.relation not in ("operates_in", "designated_by", "opposes") \
            and int(owner.group(2)) != s_first:  # (not "Canada's Foreign Minister X": the frame's own subject)
        o_first = int(owner.group(2))  # "allegiance to Syria's al-Qaeda affiliate": not Syria
    chief = _POSS_LEADER.match(m.text, hit.end("o"))
    if chief and fr.relation == "allegiance_to" and not fr.swap and hit.start("o") > hit.start("s"):
        o_first = int(chief.group(1))  # "allegiance to IS's leader B": the oath is to B
    # places may be written "city, country": a comma chain of places is a list of its own
    right = expand_loose if fr.lists else _expand_right_places if fr.relation == "operates_in" else expand_right
    objects = [o_first] + right(m, hit.end("o"), _kinds(fr, "o"))
    if hit.start("s") > hit.end("o") and not fr.nominal:  # "the groups in X are A, B and C": a list too
        subjects += right(m, hit.end("s"), _kinds(fr, "s"))
    if fr.relation == "operates_in" and not fr.swap:
        for oi in list(objects):
            pos = _marker_end(m, oi)
            while pos is not None:
                w = _WITHIN.match(m.text, pos)
                if not w:
                    break
                objects.append(int(w.group(2)))
                pos = w.end()
    before = m.text[max(0, hit.start("s") - 60):hit.start("s")]
    if _FORMER.search(before) and fr.relation != "split_from":
        return []
    if any(_VETOES[g](m.text, hit, before) for g in fr.guards if g in _VETOES):
        return []
    gap = m.text[hit.end("s"):hit.start("t")]
    if fr.clause and len(gap.split()) >= 2 and _PEOPLE_BEFORE.search(gap):
        return []  # "X detained two men affiliated with Y": the men are, not X ("X fighters attacked": X did)
    # a place after "in", "inside", "from": where it happened, not an actor ("X's branch in «S» and a rival of Y")
    subjects = [i for i in subjects if m.spans[i].type.value == "PERSON" or (kind_of(m, i) not in "LS") or
                not _LOCATIVE_BEFORE.search(m.text[max(0, _marker_start(m, i) - 20):_marker_start(m, i)])]
    if fr.relation != "operates_in" and hit.start("o") > hit.end("t") >= 0:
        between = m.text[hit.end("t"):hit.start("o")]
        if kind_of(m, o_first) in "LS" and _LOCATIVE_BETWEEN.search(between):
            objects = [i for i in objects if kind_of(m, i) not in "LS"]  # "attacks inside «S»"
    if not subjects or not objects:
        return []
    parties = _one_list(m, hit, fr) if fr.relation in _MUTUAL else []
    if fr.relation in _MUTUAL and _COMMA_AND_ONLY.match(m.text, hit.end("s"), hit.start("o")) and len(parties) < 3:
        return []  # "A, and B signed ...": a clause boundary unless it closes a list of three or more
    if fr.swap:
        subjects, objects = objects, subjects
    partitive = _PARTITIVE.search(m.text[max(0, hit.start("s") - 40):hit.start("s")])
    trigger = m.doc_span(hit.start("t"), hit.end("t")) if hit.group("t") else m.doc_span(hit.start(), hit.end())
    parsed = ann.parsed.get(index)
    close = len(m.text[hit.end("s"):hit.start("t")].split()) <= 2  # "X later pledged": no parse needed
    if _AND_GAP.match(gap):
        close = False
    if body and _POSS_BODY.match(gap) and _POSS_BODY.match(gap).end() == len(gap.rstrip()) + 1:
        close = True  # "X's senior commanders pledged": the possessed body is the whole subject  # "... from X and pledged": X may end the clause before; the parse decides
    if fr.clause and parsed is not None and not fr.swap and not close:
        sent_start = ann.sentences[index].start
        if not clause_agrees(parsed, m.spans[s_first].start - sent_start, m.spans[s_first].end - sent_start,
                             trigger[0] - sent_start):
            return []
    if lead == "o" and parsed is not None and hit.start("o") < hit.start("t"):
        # a frame that opens with its object and a gap ("X ... took the name Y", "X, ... led by P"): the same check
        o_gap = m.text[hit.end("o"):hit.start("t")]
        # (words, then a comma: "X, which had courted Y for years, became Z" — Y's clause may end there)
        if len(o_gap.split()) > 2 or (o_gap.rstrip().endswith(",") and o_gap.strip(" ,")) or _AND_GAP.match(o_gap):
            sent_start = ann.sentences[index].start
            o_span = m.spans[o_first]
            if not clause_agrees(parsed, o_span.start - sent_start, o_span.end - sent_start, trigger[0] - sent_start):
                return []
    out = []
    pairs = []
    if {"place-pairs", "place-pairs-as-subjects"} & set(fr.guards):  # "branches in A (X) and B (Y)": each pair
        pos = hit.end()
        while (more := _PLACE_PAIR.match(m.text, pos)):
            pairs.append((int(more.group(2)), int(more.group(1))))
            pos = more.end()
        if "place-pairs-as-subjects" in fr.guards:
            subjects += [g for g, _ in pairs]
            pairs = []
    read = {(si, oi) for si in subjects for oi in objects}
    pairs += [(a, b) for k, a in enumerate(parties) for b in parties[k + 1:]
              if (a, b) not in read and (b, a) not in read]
    for si, oi in pairs:
        s, o = m.spans[si], m.spans[oi]
        if _ok(ann, fr.relation, s, o):
            out.append(Candidate(s, fr.relation, o, index, trigger, fr.name, fr.stance, fr.nominal))
    for si in subjects:
        for oi in objects:
            s, o = m.spans[si], m.spans[oi]
            rel = fr.relation
            if fr.person and ann.type_of(s.key).value == "PERSON":
                rel = fr.person
            if partitive and not fr.swap and rel not in _PARTITIVE_OK:
                continue
            if _ok(ann, rel, s, o):
                out.append(Candidate(s, rel, o, index, trigger, fr.name, fr.stance, fr.nominal))
    return out


# relations whose frames, reading two items of one list ("A, B and C worked together", "an alliance of A, B
# and C"), state the tie between every two items of that list
_MUTUAL = frozenset({"ally_of"})
_COMMA_AND_ONLY = re.compile(r"\s*(?:\(«\w+»\)\s*)?,\s*and\s+(?:the\s+)?$")


def _one_list(m: Masked, hit: re.Match, fr: Frame) -> list[int]:
    """The items, in page order, of the list that a frame's subject and object both stand in, the subject
    first ("A, B and C formed an alliance", "an alliance of A, B and C"); [] when they are not items of one list."""
    if hit.start("s") > hit.start("o"):
        return []
    s, o = int(MARK.match(hit.group("s")).group(2)), int(MARK.match(hit.group("o")).group(2))
    after_s = expand_right(m, hit.end("s"), _kinds(fr, "o"))
    before_o = expand_left(m, hit.start("o"), _kinds(fr, "s"))
    if o not in after_s and s not in before_o:
        return []
    return sorted({s, o, *after_s, *before_o})


_CLAUSE_FRAMES = [f for f in FRAMES if f.clause and not f.swap]  # swapped frames skip the parse check
_GAP_EXP = r"[^«»;:()\[\]]{0,70}?"


def _lead(f: Frame) -> str | None:
    """"s" or "o" when the frame opens with that mention and a gap of words before the trigger."""
    return f.lead


_GAP_FRAMES = {f.name: lead for f in FRAMES if (lead := _lead(f)) is not None}
# frames whose words before the trigger the parse must vouch for: a subject (or an object) that opens the
# frame and stands some words before the trigger
_PARSE_FRAMES = _CLAUSE_FRAMES + [f for f in FRAMES if _GAP_FRAMES.get(f.name) == "o" and not f.swap]
_FRAME_KINDS = {f.name: (set(_kinds(f, "s")), set(_kinds(f, "o"))) for f in FRAMES}


def lexical_relations(ann: Annotated) -> list[Candidate]:
    """Every frame over every sentence; sentences where a clause frame fires are parsed first."""
    wanted = [i for i, s in enumerate(ann.sentences) if s.kind in ("text", "list")]
    cache: dict[int, Masked | None] = {}
    if ann.parse is not None:
        need = [i for i in wanted if i not in ann.parsed and _clause_hit(ann, i, cache)]
        if need:
            ann.parse(need)
    out: list[Candidate] = []
    for i in wanted:
        out.extend(match_sentence(ann, i, cache=cache))
    out += name_relations(ann)
    leaders = _leaders(ann, out)
    return out + struck_leaders(ann, out, leaders) + defectors(ann, cache, leaders)


def _leaders(ann: Annotated, cands: list[Candidate]) -> dict[str, list[str]]:
    """person key -> the groups the document says they lead, innermost first (a branch before its parent)."""
    lead: dict[str, list[str]] = {}
    parts = {(c.subject.key, c.object.key) for c in cands if c.relation == "part_of"}
    for c in cands + infobox_relations(ann):
        if c.relation == "leader_of" and c.object.key not in lead.setdefault(c.subject.key, []):
            lead[c.subject.key].append(c.object.key)
    for p, groups in lead.items():
        inner = [g for g in groups if not any((h, g) in parts for h in groups if h != g)]
        lead[p] = [g for g in inner if not any((g, h) in parts for h in inner if h != g)] or inner or groups
    return lead


def struck_leaders(ann: Annotated, cands: list[Candidate], leaders: dict[str, list[str]]) -> list[Candidate]:
    """"X killed (captured, arrested ...) P", P the leader of G: X is against G too."""
    out = []
    for c in cands:
        if c.relation != "opposes" or c.object.type.value != "PERSON" or c.object.key not in leaders:
            continue
        if not LEADER_STRUCK.match(ann.text[c.trigger[0]:c.trigger[1]].strip()):
            continue
        for g in leaders[c.object.key][:1]:
            if g != c.subject.key:
                obj = Span(c.object.start, c.object.end, g, ann.type_of(g), "inferred")
                out.append(Candidate(c.subject, "opposes", obj, c.sentence, c.trigger, "struck-leader", c.stance))
    return out


def defectors(ann: Annotated, cache: dict, leaders: dict[str, list[str]]) -> list[Candidate]:
    """A person called a defector, with the destination the paragraph's earlier sentences give the defections."""
    out = []
    for i, sent in enumerate(ann.sentences):
        if sent.kind != "text" or "defect" not in ann.text[sent.start:sent.end].lower():
            continue
        m = _masked(ann, i, cache) or _masked_one(ann, i)
        if m is None:
            continue
        for d in DEFECTOR.finditer(m.text):
            person = m.spans[int(d.group("a") or d.group("b") or d.group("c"))]
            where = None
            for j in range(i, max(-1, i - 4), -1):
                if ann.sentences[j].paragraph != sent.paragraph:
                    break
                mj = m if j == i else _masked(ann, j, cache)
                w = DEFECTED_WHERE.search(mj.text) if mj is not None else None
                if w:
                    where = (mj, w)
                    break
            if where is None:
                continue
            mj, w = where
            dest = mj.spans[int(w.group("i"))]
            groups = [dest.key] if w.group("k") == "G" else leaders.get(dest.key, [])[:1]
            trig = m.doc_span(d.start(), d.end())
            for g in groups:
                if g == person.key or ann.type_of(g).value != "ORG":
                    continue
                obj = Span(dest.start, dest.end, g, ann.type_of(g), "inferred")
                out.append(Candidate(person, "defected_to", obj, i, trig, "defector-carried"))
            led = _HEADED_BY.match(mj.text, w.end()) if w.group("k") == "G" else None
            chief = mj.spans[int(led.group(1))] if led else dest if w.group("k") == "P" else None
            if chief is not None and chief.key != person.key:  # "to IS leader B": the pledge went to B
                out.append(Candidate(person, "allegiance_to", chief, i, trig, "defector-carried"))
    return out


def _masked_one(ann: Annotated, index: int) -> Masked | None:
    spans = ann.sentence_spans(index)
    sent = ann.sentences[index]
    return mask(ann, sent.start, sent.end, spans) if spans else None


# a name that holds its parent's: "Islamic State – Sinai Province", "al-Qaeda in the Islamic Maghreb"
_PARENT_NAME = re.compile(
    r"^(?P<p>.+?)\s*(?:[–—\-]\s*|['’]s?\s+)\S.*?\s+(?:Province|Wilayah?|Vilayat|Branch|Division)$"
    r"|^(?P<q>.+?)\s+in\s+the\s+[A-Z]\S*(?:\s+[A-Z]\S*){0,3}$")


def name_relations(ann: Annotated) -> list[Candidate]:
    """part_of ties a name itself states: the parent's name written inside the branch's name."""
    from ..fold import fold
    names: dict[str, str] = {}
    for key, ent in ann.entities.items():
        if ent.type.value == "ORG" and not ann.is_state(key):
            for n in ent.names:
                names.setdefault(fold(n), key)
    out: list[Candidate] = []
    done: set[str] = set()
    for sp in ann.spans:
        if sp.key in done or sp.source == "coref" or sp.type.value != "ORG":
            continue
        hit = _PARENT_NAME.match(" ".join(ann.text[sp.start:sp.end].split()))
        if not hit:
            continue
        parent = names.get(fold(hit.group("p") or hit.group("q")))
        index = ann.sentence_at(sp.start)
        if parent is None or parent == sp.key or ann.sentences[index].kind == "refs":
            continue
        done.add(sp.key)
        end = sp.start + len(hit.group("p") or hit.group("q"))
        obj = Span(sp.start, end, parent, ann.type_of(parent), "name")
        out.append(Candidate(sp, "part_of", obj, index, (sp.start, sp.end), "name-parent", "asserted", True))
    return out


def _clause_hit(ann: Annotated, index: int, cache: dict | None = None) -> bool:
    m = _masked(ann, index, cache)
    if m is None:
        return False
    keys = _keys(m)
    m.first_hits = {}  # each frame's first hit, kept for match_sentence
    for f in _possible_frames(_PARSE_FRAMES, keys.present):
        if _worth_search(f, m.text, keys):
            hit = m.first_hits[f.name] = f.pattern.search(m.text)
            if hit:
                return True
    return False
