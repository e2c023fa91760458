"""A state at home (docs/annotation.md, "Rulings"): a state, and the forces and bodies that act for it
(its army, police, security or intelligence service, its government), get no `operates_in` for a place
inside the state's own territory; abroad they do.

- a place's country: the ISO code its knowledge-base or gazetteer entry carries (`attributes.country`);
- an actor's country: a state's own code; a government body of the knowledge base (an army, an agency, a
  government: `EntityKind.GOVERNMENT_BODY`) by the state its name names ("Ostland Armed Forces", "Government
  of Ostland") or by its people's adjective ("Ostlandic Army"); a name the knowledge base does not know
  only when it is nothing but the adjective or the state's name and an organ ("Ostlandic police"). A
  name that only begins so ("Ostlandic Democratic Forces", "Free Ostland Army") names a faction: no country.

State names are pycountry's (its names, common and official names) and the knowledge base's states'
(names and aliases, with their `country`); the adjectives are `demonyms.DEMONYMS`.
"""
from __future__ import annotations

import functools
import re

from ...lang.fold import fold
from ...model import EntityKind, EntityType
from ..demonyms import DEMONYMS
from ..state import Annotated

_WORD = re.compile(r"[^\W\d_][\w'\u2019.-]*")
# the organs a bare "<adjective or state> <organ>" name may end with
_ORGANS = ("army", "armed forces", "military", "government", "police", "security forces", "forces", "troops",
           "air force", "navy", "authorities", "intelligence service", "security services", "regime")
_ORGAN = re.compile(r"(?i)^(?:the\s+)?(?P<who>.+?)\s+(?:" + "|".join(o.replace(" ", r"\s+") for o in _ORGANS) + r")$")


@functools.lru_cache(maxsize=1)
def _state_codes() -> dict[str, str]:
    """Folded state name or people's adjective -> ISO 3166-1 alpha-2 code."""
    import pycountry

    from ..kb import default_kb

    out: dict[str, str] = {}
    for c in pycountry.countries:
        for n in (c.name, getattr(c, "common_name", None), getattr(c, "official_name", None)):
            if n:
                out.setdefault(fold(n.split(",")[0].strip()), c.alpha_2)
    for e in default_kb().entries.values():
        code = e.attributes.get("country")
        if e.type is EntityType.PLACE and e.kind == "state" and code:
            for n in e.names:
                out.setdefault(fold(n), str(code))
    for adjective, state in DEMONYMS.items():
        code = out.get(fold(state))
        if code:
            out.setdefault(fold(adjective), code)
    return out


def country_in_name(name: str) -> str | None:
    """The code of the state a name names, by the state's name or its people's adjective anywhere in it
    (the longest run of words that is one): "Ostland Armed Forces", "Armed Forces of Ostland"."""
    words = [fold(w) for w in _WORD.findall(name)]
    codes = _state_codes()
    for n in range(min(len(words), 6), 0, -1):
        for i in range(len(words) - n + 1):
            code = codes.get(" ".join(words[i:i + n]))
            if code:
                return code
    return None


def _bare_organ(name: str) -> str | None:
    """The code of a name that is a state's adjective or name and an organ and nothing else ("Ostlandic
    police", "the Ostland government")."""
    m = _ORGAN.match(" ".join(name.split()))
    return _state_codes().get(fold(m.group("who"))) if m else None


def actor_country(ann: Annotated, key: str) -> str | None:
    """The state an entity is or acts for (its ISO code), or None when it is no state's organ."""
    ent = ann.entities.get(key)
    if ent is None:
        return None
    if ann.is_state(key):
        code = ent.attributes.get("country")
        return str(code) if code else country_in_name(ent.name)
    if ent.type is not EntityType.ORG:
        return None
    if ent.kb_id:
        if ent.kind is not EntityKind.GOVERNMENT_BODY:
            return None
        code = ent.attributes.get("country")
        return str(code) if code else country_in_name(ent.name)
    return _bare_organ(ent.name)


def place_country(ann: Annotated, key: str) -> str | None:
    ent = ann.entities.get(key)
    if ent is None or ent.type is not EntityType.PLACE:
        return None
    code = ent.attributes.get("country")
    return str(code) if code else None


def at_home(ann: Annotated, subject: str, relation: str, obj: str) -> bool:
    """Whether `subject operates_in obj` is a state's (or its organ's) presence inside its own country."""
    if relation != "operates_in":
        return False
    home = actor_country(ann, subject)
    return home is not None and home == place_country(ann, obj)


__all__ = ["actor_country", "at_home", "country_in_name", "place_country"]
