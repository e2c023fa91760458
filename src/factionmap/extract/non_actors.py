"""Names that name no actor: events, facilities, news outlets, and common nouns written with a capital.

The mention stays (its words are nobody else's name, and coreference still reads it), but its entity
is given a kind (`Annotated.kinds`) that the relation scorer's type rule (`scoring.model.allowed`)
never offers as the end of a tie it cannot hold: an event ("the Lebanese Civil War", "the Second
Intifada") holds none; a facility ("the X Museum", "X House", "Camp X"), even one the NER took for an
organization, is a place (where a group operates, never a group); a news outlet ("... told the
Guardian") holds only the ties of a group's media wing. A name of nothing but generic words ("Front",
"Infantry Brigade", "Sheikh") names nothing: no tie either. An organisation that is no armed actor
(a think tank, a monitoring group, a foundation: "the X Institute", "the Center for X") holds any tie but a
place to operate in: the annotation guide keeps `operates_in` for actors (so do the knowledge base's military
operations and coalitions of states: `PLACELESS_KINDS`). Only entities the knowledge base does not
know are classified (its entries carry their own kinds); the words are the language pack's
(`data/lang/<code>/non_actors.yaml`) and the group-name grammar's tail words.
"""
from __future__ import annotations

import functools
import re

from ..entity_kinds import kind_for
from ..errors import ConfigError, NoLanguagePack
from ..lang import LanguagePack
from ..model import EntityType
from .demonyms import DEMONYMS
from .state import Annotated

EVENT, FACILITY, MEDIA, NO_NAME = "event", "facility", "media_outlet", "no_name"
CIVIL = "civil_organization"
#: kinds whose entities are no actor with a presence of its own: never the subject of `operates_in`
#: (docs/annotation.md: it is for actors). Names classified here by their head noun (CIVIL: a think tank, a
#: foundation), and the knowledge base's monitoring groups, military operations and coalitions of states
#: (the gold of the training data gives these opponents and allies, never a place).
PLACELESS_KINDS = frozenset({CIVIL, "monitoring_group", "military_operation", "state_coalition"})
#: kinds whose entities are never a tie's end (`scoring.model.allowed` reads them as "N")
NON_ACTOR_KINDS = frozenset({EVENT, NO_NAME})
#: kinds whose entities are places, whatever their type: a facility is where a group operates, never a group
PLACE_KINDS = frozenset({FACILITY})

_WORD = re.compile(r"[^\W\d_][\w'\u2019-]*")
_CUT = re.compile(r"\s(?:of|in|for|against|on|at)\s")  # "the Battle of X": the head is the word before
_NUMBER_BEFORE = re.compile(r"\b\d+(?:st|nd|rd|th)?[ \u00a0]+$")  # "the 5th Infantry Brigade"
# a news report's dateline opens its first paragraph with the outlet: "(Outlet) -- ", "PLACE (Outlet) - "
_DATELINE_BEFORE = re.compile(r"(?:^|\n)[ \t]*(?:[A-Z][\w'\u2019.,]*(?:[ \t]+[\w'\u2019.,]+){0,4}[ \t]+)?\($")
_DATELINE_AFTER = re.compile(r"\)[ \t]*(?:--|\u2014|\u2013|-)[ \t]")


@functools.lru_cache(maxsize=8)
def _words(pack: LanguagePack) -> dict[str, frozenset[str]] | None:
    try:
        pack.data("non_actors")
    except ConfigError:  # a language pack without the file: nothing is classified
        return None
    from .name_grammar import GRAMMAR

    out = {k: frozenset(w.lower() for w in pack.words("non_actors", k))
           for k in ("event_heads", "facility_heads", "facility_first", "civil_heads", "listener_verbs",
                     "generic_words", "peoples")}
    grammar = {w.lower() for k in ("tails", "leading") for w in GRAMMAR.get(k) or []}
    out["generic_words"] = out["generic_words"] | grammar
    return out


def classify(name: str, etype: EntityType, pack: LanguagePack, numbered: bool = False) -> str | None:
    """The non-actor kind of an entity named `name` (EVENT, FACILITY, CIVIL, NO_NAME), or None. `numbered`:
    every mention of it follows a number ("the 5th Infantry Brigade": the name was cut short)."""
    words = _words(pack)
    if words is None:
        return None
    ws = [w.lower() for w in _WORD.findall(name)]
    if ws and ws[0] == "the":
        ws = ws[1:]
    if not ws:
        return None
    if all(w in words["generic_words"] for w in ws) and not any(c.isdigit() for c in name) and \
            (len(ws) == 1 or numbered):  # "Front", "Sheikh"; "[5th] Infantry Brigade", never "Army Council"
        return NO_NAME
    if etype is EntityType.PLACE and len(ws) == 1 and _demonym(name):
        return NO_NAME  # "the Pakistani region": a people's adjective, not a place's name
    if etype is not EntityType.PERSON and len(ws) == 1 and (ws[0] in words["peoples"] or _demonym(name)):
        return NO_NAME  # "Pashtun areas", "Tuareg rebels", "Kuwaiti donors": a people, not an actor
    if etype is EntityType.PERSON:
        return None
    parts = _CUT.split(name, 1)
    head = [w.lower() for w in _WORD.findall(parts[0])][-1:]
    if head and head[0] in words["event_heads"]:
        return EVENT
    # "X House", "Camp X"; never "House of Representatives" nor "Front for the Defence of X Bridge"
    if len(ws) > 1 and ((len(parts) == 1 and ws[-1] in words["facility_heads"]) or ws[0] in words["facility_first"]):
        return FACILITY
    # "the X Institute", "the Center for X", "X Watch": a think tank, a monitoring group, a foundation
    if len(ws) > 1 and head and head[0] in words["civil_heads"] and etype is EntityType.ORG:
        return CIVIL
    return None


def _demonym(name: str) -> bool:
    return name in DEMONYMS



def _listener(pack: LanguagePack) -> re.Pattern | None:
    words = _words(pack)
    if not words or not words["listener_verbs"]:
        return None
    return _listener_rx(tuple(sorted(words["listener_verbs"])))


@functools.lru_cache(maxsize=8)
def _listener_rx(verbs: tuple[str, ...]) -> re.Pattern:
    return re.compile(r"(?i)\b(?:" + "|".join(map(re.escape, verbs)) + r")\s+(?:the\s+)?$")


def _dateline(text: str, start: int, end: int) -> bool:
    return bool(_DATELINE_AFTER.match(text, end) and _DATELINE_BEFORE.search(text, max(0, start - 60), start))


def mark_non_actors(ann: Annotated) -> Annotated:
    """Gives each entity the knowledge base does not know and that names no actor its kind."""
    try:
        pack = ann.pack
    except NoLanguagePack:  # such a document is not read at all
        return ann
    listener = _listener(pack)
    told: set[str] = set()
    if listener is not None:
        text = ann.text
        for s in ann.spans:
            if s.type is EntityType.ORG and s.source != "coref" and (
                    listener.search(text, max(0, s.start - 20), s.start) or _dateline(text, s.start, s.end)):
                told.add(s.key)
    numbered: dict[str, bool] = {}
    for s in ann.spans:
        if s.source != "coref":
            numbered[s.key] = numbered.get(s.key, True) and bool(_NUMBER_BEFORE.search(ann.text, max(0, s.start - 12), s.start))
    for key, ent in ann.entities.items():
        if ent.kb_id or ann.kinds.get(key):
            continue
        kind = classify(ent.name, ent.type, pack, numbered.get(key, False))
        if kind is None and key in told:
            kind = MEDIA
        if kind is not None:
            ann.kinds[key] = kind
            ent.kind = kind_for(ent.type, kind)
    return ann


__all__ = ["CIVIL", "EVENT", "FACILITY", "MEDIA", "NON_ACTOR_KINDS", "NO_NAME", "PLACELESS_KINDS", "PLACE_KINDS",
           "classify", "mark_non_actors"]
