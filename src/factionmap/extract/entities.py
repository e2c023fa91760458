"""Stage `mentions`: KB names, name shapes, acronym definitions and script names, as entities.

Every name the document teaches (a group found by its shape, an acronym it defines, an Arabic-script
name beside a Latin one, a name the NER found) becomes an alias of its entity and is matched again
over the whole document by a per-document automaton.
"""
from __future__ import annotations

import re

from ..entity_kinds import kind_for
from ..lang.fold import article_pattern
from ..model import EntityType
from .fold import fold, fold_with_map
from .kb import KnowledgeBase
from .lists import add_item_names
from .mentions import Gazetteer, Match, Name, longest_first
from .demonyms import DEMONYMS
from .non_actors import mark_non_actors
from .name_grammar import COMPASS_PREFIX as _COMPASS
from .name_grammar import (GRAMMAR, GROUP_TAIL, Found, acronym_after, compass_before, find_names, is_compass_part,
                           script_names_after)
from .state import Annotated, Span

_TAIL_WORD = re.compile(rf"\s+(?:{GROUP_TAIL})$")
_KUNYA_START = re.compile(r"^(?:Abu|Abou|Umm|Abd|Abdul|Abdel)\b")
_ARABIC_LETTER = re.compile("[\u0600-\u06ff]")  # a name in Arabic script (the block U+0600 to U+06FF)
_ARTICLE_START = re.compile("^" + article_pattern() + r"[-\u2010]")  # "az-Zarqawi" -> "Zarqawi"
_STOP_NAMES = {"the", "this", "that", "state", "group", "front", "army", "party"}
_SAME_NAME_HEADS = frozenset(GRAMMAR["same_name_heads"])
_OFFSHOOT_HEADS = frozenset(GRAMMAR["offshoot_heads"])

_ORGANS = (r"(?:(?:government|regime|state|army|military|armed|security|special|police|ground|air|naval|federal|"
           r"national|border|intelligence|counter-?terrorism|elite)\s+){0,2}"
           r"(?:forces|troops|soldiers|army|military|police|policemen|security\s+personnel|security\s+services|"
           r"servicemen|air\s*strikes|warplanes|jets|drones|aircraft|artillery|gendarmerie|navy|air\s+force|"
           r"government|authorities|intelligence|special\s+forces|personnel|(?:prime\s+|foreign\s+|interior\s+|"
           r"defen[cs]e\s+)?minist(?:er|ry)|president|presidency|officials|intervention|embassy|consulate|"
           r"ambassador|diplomats?|regime|parliament|navy|coast\s+guard|marines|invasion|occupation)\b")
_DEMONYM = re.compile(r"\b(" + "|".join(sorted(DEMONYMS, key=len, reverse=True)) + r")\s+(?i:" + _ORGANS + ")")
# a state named by its people's adjective before a hyphened backing or leading word: "Turkish-backed rebels",
# "an Iranian-led offensive" (the mention is the adjective alone, as "X-backed" is for a named group)
_DEMONYM_PREFIX = re.compile(r"\b(" + "|".join(sorted(DEMONYMS, key=len, reverse=True)) + r")(?=[\-\u2010\u2011]"
                             r"(?:backed|led|supported|sponsored|funded|armed|trained|allied|aligned)\b)")



_REGION_WORD = re.compile(r"(?i)[\s\u00a0]+(?:province|governorate|region|district|wilayah?|muhafazah?)$")
# "the Aleppo and Idlib Governorates", "Raqqa, Hama and Idlib provinces": the places before a plural region word
_LIST_GAP = re.compile(r"^\s*(?:,\s*(?:and\s+)?|and\s+|&\s*)$")
_PLURAL_REGION = re.compile(r"(?i)[\s\u00a0]+(governorates|provinces|regions|districts)\b")
_CITY_SAID = re.compile(r"(?i)\b(?:city|town)\s+of\s+\S+|\S\s+(?:city|town)\b")

# words capitalised at a sentence's start that begin no name
_FUNCTION = frozenset("""a an the in on at of for from to by with and or near after before during since as but while
when where this that these those its his her their both each all some many most other into across against under over
about between among within without outside inside around along""".split())
_CAP_AFTER = re.compile(r"[ \u00a0]+([A-Z\u00c0-\u00de][\w'\u2019-]*)")
_CAP_BEFORE = re.compile(r"(?<![\w.])([A-Z\u00c0-\u00de][\w'\u2019.-]*)[ \u00a0]+$")

# "the Islamic State's West Africa province": a group's province is its branch, not a place
_PROVINCE_HEAD = re.compile(r"[\s\u00a0](?:province|wilayah?|vilayat)$")
_OWNER = re.compile(r"['\u2019]s?[\s\u00a0]+$")


def _owned_province(text: str, m: Match, org_ends: set[int]) -> bool:
    if m.name.key or m.name.type is not EntityType.PLACE or not _PROVINCE_HEAD.search(text[m.start:m.end]):
        return False
    own = _OWNER.search(text, max(0, m.start - 4), m.start)
    return own is not None and own.start() in org_ends

# "formerly known as" is not here: a renaming is a tie (successor_of) between two entities
_KNOWN_AS = re.compile(
    r"\s*(?:,|\()\s*(?:(?:also|better|more\s+commonly|commonly|popularly|widely|locally|"
    r"sometimes|often|simply|now)\s+)?(?:known\s+(?:simply\s+)?as|called|referred\s+to\s+as|nicknamed|dubbed|"
    r"alias|a\.k\.a\.?|aka|whose\s+real\s+name\s+(?:is|was)|born|n[ée]e|nom\s+de\s+guerre)\s*:?\s+(?:the\s+)?[\"“‘']?")
_NAME_AFTER = re.compile(r"(?:[A-Z][\w'’.-]*|al-\w+|bin|ibn|de|la)(?:\s+(?:[A-Z][\w'’.-]*|al-\w+|bin|ibn|de|la|of|the))*"
                         r"(?<![\s,])")


class EntityFinder:
    def __init__(self, kb: KnowledgeBase, gazetteer: Gazetteer | None = None):
        self.kb = kb
        self.gazetteer = gazetteer or Gazetteer.from_kb(kb)
        self._folded_kb = kb.by_folded_name()

    # entity registry ----------------------------------------------------------------------------
    def kb_entity(self, ann: Annotated, kb_id: str) -> str:
        e = self.kb.get(kb_id)
        ent = ann.entity(kb_id, e.name, e.type, kb_id=kb_id)
        if not ent.aliases:
            for n in e.aliases:
                ann.add_alias(kb_id, n, source="kb")
            ann.kinds[kb_id] = e.kind
            ent.kind = kind_for(e.type, e.kind)
            ent.attributes.update(e.attributes)
            if e.external_ids:  # Wikidata QIDs ...: shown on profiles, exported as STIX external references
                ent.attributes["external_ids"] = dict(e.external_ids)
        return kb_id

    def local_entity(self, ann: Annotated, name: str, etype: EntityType) -> str:
        name = " ".join(name.split())
        f = fold(name)
        ids = self._folded_kb.get(f) or self._folded_kb.get(fold(name, all_articles=True))
        if ids and self.kb.weak:  # a person's name is not the gazetteer's town of that name
            ids = [i for i in ids if i not in self.kb.weak or self.kb.get(i).type is etype]
        if ids:
            return self.kb_entity(ann, ids[0])
        if not ann.folded_names or len(ann.folded_names) < len(ann.entities):
            for key, ent in ann.entities.items():  # names seen before, spelt another way
                for n in ent.names:
                    ann.folded_names.setdefault(fold(n), key)
        if f in ann.folded_names:
            return ann.folded_names[f]
        key = f"{etype.value}:{f}"
        ann.entity(key, name, etype)
        ann.folded_names[f] = key
        whole = _COMPASS.sub("", name) if etype is EntityType.PLACE else name
        kb_ids = self._folded_kb.get(fold(whole)) if whole != name else None
        if kb_ids and self.kb.get(kb_ids[0]).type is EntityType.PLACE:  # "north-east Hasakah province"
            return self.kb_entity(ann, kb_ids[0])
        if whole != name and len(whole) >= 4:  # "north-east X province" is also called "X province"
            ann.add_alias(key, whole, source="text")
        return key

    # the stage ----------------------------------------------------------------------------------
    def __call__(self, ann: Annotated) -> Annotated:
        text = ann.text
        folded = fold_with_map(text)
        ann._folded = folded  # the parse stage's rematch reuses it (folding a long text is not cheap)
        cands, parts = self._gazetteer_matches(text, folded)
        same_name: dict[tuple[int, int], str] = {}  # "Zetas cartel": "Zetas" is the cartel's name too
        for f in find_names(text):
            if f.source == "head_noun":
                owner = self._owner(text, f)
                if owner is None:
                    continue
                if owner and text[f.end - len(f.text(text).split()[-1]):f.end] in _SAME_NAME_HEADS:
                    same_name[(f.start, f.end)] = owner
            cands.append(Match(f.start, f.end, Name(text[f.start:f.end], "", f.type)))
        chosen = longest_first(cands)
        orgs = {m.end for m in chosen if m.name.type is EntityType.ORG}
        chosen = [m for m in chosen if not _owned_province(text, m, orgs)]
        for m in chosen:
            key = self.kb_entity(ann, m.name.key) if m.name.key else \
                self.local_entity(ann, text[m.start:m.end], m.name.type)
            ann.add_span(Span(m.start, m.end, key, ann.entities[key].type, "gazetteer" if m.name.key else "pattern"))
            if fold(text[m.start:m.end]) not in {fold(n) for n in ann.entities[key].names}:
                ann.add_alias(key, text[m.start:m.end])
            if (m.start, m.end) in same_name and not m.name.key:
                ann.add_alias(key, same_name[(m.start, m.end)], source="text")
        for key, name in parts:
            if key in ann.entities and fold(name) not in {fold(n) for n in ann.entities[key].names}:
                ann.add_alias(key, name)
        add_item_names(ann, self.local_entity)
        self.known_as(ann)
        defined = self.definitions(ann)
        defined |= {(k, "*") for k in ann.entities if self.kb.get(k)}  # KB entries named otherwise
        self.rematch(ann, folded, defined)
        self.demonyms(ann)
        self.plural_regions(ann)
        self.one_place_per_name(ann)
        return mark_non_actors(ann)

    def _gazetteer_matches(self, text: str, folded) -> tuple[list[Match], list[tuple[str, str]]]:
        """The KB's names in the text (a place's read with the compass word before it: `_compass_parts`), less
        a gazetteer's place names that this document also writes as part of a longer capitalised name
        ("Santos" after "Juan Manuel Santos"): there it names no place. A place read with its compass word
        ("Eastern Cambodia") stays, whatever longer name holds the place's name elsewhere ("Democratic Cambodia")."""
        found, parts = self._compass_parts(text, list(self.gazetteer.find(text, folded)))
        inside = {fold(text[m.start:m.end]) for m in found if self._inside_name(text, m)}
        if not inside:
            return found, parts
        return [m for m in found if m.name.key not in self.kb.weak or fold(text[m.start:m.end]) not in inside], parts

    def _owner(self, text: str, f: Found) -> str | None:
        """Whether a name read with a lower-case word after it ("Tobruk government", "Zetas cartel") is a
        group of its own: None when the name before the word is a group or a state the knowledge base
        knows ("Hamas militia", "Mali government": that group, that state), a people's adjective ("Afghan
        government": the state, by `demonyms`) or a word the document also writes in lower case ("Brigade
        militia"); else the name alone when nothing in the knowledge base bears it ("Zetas"), or "". After
        `offshoot_heads` the name must be a known group's or an acronym ("FARC dissidents", never "Cuban
        dissidents")."""
        owner = f.owner(text)
        if owner.split()[0] in DEMONYMS:
            return None
        ids = self._folded_kb.get(fold(owner)) or []
        if text[f.owner_end or f.end:f.end].strip() in _OFFSHOOT_HEADS:  # "FARC dissidents": a group of a group
            return "" if owner.isupper() or any(self.kb.get(i).type is EntityType.ORG for i in ids) else None
        if any(self.kb.get(i).type is not EntityType.PLACE and self.kb.get(i).type is not EntityType.PERSON
               or self.kb.get(i).kind in ("state", "country") for i in ids):
            return None
        if " " not in owner and re.search(rf"(?<![\w-]){re.escape(owner.lower())}(?![\w-])", text):
            return None
        return "" if ids else owner

    @staticmethod
    def _compass_parts(text: str, matches: list[Match]) -> tuple[list[Match], list[tuple[str, str]]]:
        """A known place's name with the compass word before it ("northern Mexico", "central Iraq") is read
        whole, as that place's mention whose text becomes its alias (as "north-east Hasakah province" is
        Hasakah province's). A compass word coordinated with it ("northern" in "northern and central Iraq")
        names a part too: returned as (place key, "northern Iraq") to add as an alias."""
        out: list[Match] = []
        parts: list[tuple[str, str]] = []
        for m in matches:
            if not m.name.key or m.name.type is not EntityType.PLACE:
                out.append(m)
                continue
            start, pair = compass_before(text, m.start)
            out.append(Match(start, m.end, m.name) if start != m.start else m)
            if pair is not None:
                word = text[pair:].split(None, 1)[0].rstrip(",")
                parts.append((m.name.key, f"{word} {text[m.start:m.end]}"))
        return out, parts

    def _inside_name(self, text: str, m: Match) -> bool:
        """A gazetteer's place name that is part of a longer capitalised name: a person's, a group's."""
        if not self.kb.weak or m.name.key not in self.kb.weak:
            return False
        nxt = _CAP_AFTER.match(text, m.end)
        if nxt and nxt.group(1).lower() not in _FUNCTION:
            return True
        prev = _CAP_BEFORE.search(text, max(0, m.start - 40), m.start)
        return bool(prev and prev.group(1).lower() not in _FUNCTION and not is_compass_part(prev.group(1)))

    def plural_regions(self, ann: Annotated) -> None:
        """"the X and Y Governorates", "X, Y and Z provinces": each place of the list is the province named
        after it (the knowledge base's "X Governorate" or "X province"), not the city, when the KB has one."""
        text = ann.text
        places = [s for s in ann.spans if s.type is EntityType.PLACE and s.source != "coref"]
        for i, last in enumerate(places):
            m = _PLURAL_REGION.match(text, last.end)
            if m is None:
                continue
            run = [last]
            while i - len(run) >= 0 and _LIST_GAP.match(text[places[i - len(run)].end:run[-1].start]):
                run.append(places[i - len(run)])
            if len(run) < 2:
                continue
            word = m.group(1).lower()[:-1]
            for s in run:
                name = text[s.start:s.end]
                words = (word, "governorate", "province") if word in ("governorate", "province") else (word,)
                ids = [k for w in words for k in self._folded_kb.get(fold(f"{name} {w}")) or []
                       if getattr(self.kb.get(k), "type", None) is EntityType.PLACE]
                if ids and ids[0] != s.key:
                    s.key = self.kb_entity(ann, ids[0])
                    ann.add_alias(ids[0], name)

    def one_place_per_name(self, ann: Annotated) -> None:
        """A city and the province named after it ("Idlib", "Idlib province"): in a document that names the
        province and never says "Idlib city" or "the city of Idlib", a bare "Idlib" is the province, so each
        mention stands for one entity and a tie to "Idlib" is one tie."""
        text = ann.text
        present = {s.key for s in ann.spans}
        provinces: dict[str, str] = {}
        for key in present:
            e = self.kb.get(key)
            if e is None or e.type is not EntityType.PLACE or e.kind not in ("admin_region", "region", "district"):
                continue
            for n in e.names:
                base = _REGION_WORD.sub("", n)
                if base != n:
                    provinces.setdefault(fold(base), key)
        if not provinces:
            return
        for s in list(ann.spans):
            city = self.kb.get(s.key)
            if city is None or city.kind not in ("city", "town") or s.source == "coref":
                continue
            prov = next((provinces[fold(n)] for n in city.names if fold(n) in provinces), None)
            if prov is None or str(self.kb.get(prov).attributes.get("country") or "") != \
                    str(city.attributes.get("country") or ""):
                continue
            if any(_CITY_SAID.search(text[max(0, x.start - 12):x.end + 5]) for x in ann.spans if x.key == s.key):
                continue
            s.key = self.kb_entity(ann, prov)
            ann.add_alias(prov, text[s.start:s.end])

    def demonyms(self, ann: Annotated) -> None:
        """"Turkish forces", "Turkish-backed" -> the state Turkey, when the KB knows it as a state (never over another name)."""
        text = ann.text
        for m in [*_DEMONYM.finditer(text), *_DEMONYM_PREFIX.finditer(text)]:
            ids = self._folded_kb.get(fold(DEMONYMS[m.group(1)])) or []
            ids = [i for i in ids if (self.kb.get(i).kind in ("state", "country"))]
            if not ids:
                continue
            key = self.kb_entity(ann, ids[0])
            ann.add_span(Span(m.start(), m.end(), key, ann.entities[key].type, "demonym"))

    def known_as(self, ann: Annotated) -> None:
        """"X, also known as Y", "X (better known as Y)", "X, alias Y", "X, whose real name is Y":
        Y is another name of X. A mention of Y becomes X's; a name no stage found becomes X's alias."""
        text = ann.text
        for s in list(ann.spans):
            m = _KNOWN_AS.match(text, s.end)
            if not m:
                continue
            after = ann.spans_in(m.end(), m.end() + 120)
            nxt = after[0] if after and after[0].start == m.end() else None
            if nxt is not None and nxt.key != s.key and ann.type_of(nxt.key) is ann.type_of(s.key) \
                    and nxt.key in ann.entities and s.key in ann.entities:
                keep, drop = (s.key, nxt.key) if not self.kb.get(nxt.key) or self.kb.get(s.key) else (nxt.key, s.key)
                ann.merge_entities(keep, drop)
            elif nxt is None:
                name = _NAME_AFTER.match(text, m.end())
                if name and s.key in ann.entities:
                    ann.add_alias(s.key, name.group(0), source="text")

    def definitions(self, ann: Annotated) -> set[tuple[str, str]]:
        """Acronyms and script names defined right after a mention; returns (key, acronym) pairs."""
        text = ann.text
        defined: set[tuple[str, str]] = set()
        for s in list(ann.spans):
            if s.type is EntityType.PLACE:
                continue
            acr = acronym_after(text, s.end)
            if acr:
                defined.add((s.key, acr[0]))
                ann.add_alias(s.key, acr[0], source="acronym")
            for a, b in script_names_after(text, s.end):
                ann.add_alias(s.key, text[a:b], source="script")
        return defined

    def doc_names(self, ann: Annotated) -> list[Name]:
        """Names this document taught: every alias of its entities, with short variants."""
        names: list[Name] = []
        persons = [e for e in ann.entities.values() if e.type is EntityType.PERSON]
        last_counts: dict[str, int] = {}
        for e in persons:
            for n in e.names:
                last = n.split()[-1] if len(n.split()) > 1 and not _KUNYA_START.match(n) else ""
                if last:
                    last_counts[last] = last_counts.get(last, 0) + 1
        for e in ann.entities.values():
            for n in e.names:
                if _ARABIC_LETTER.search(n):
                    continue
                cs = len(n) <= 6 and (n.upper() == n or any(c.isupper() for c in n[1:]))  # IS, HaD, IS-CP
                names.append(Name(n, e.key, e.type, cs))
                if e.type is EntityType.ORG and _TAIL_WORD.search(n) and len(n.split()) >= 4:
                    names.append(Name(_TAIL_WORD.sub("", n), e.key, e.type))
                if e.type is EntityType.PERSON and len(n.split()) > 1 and not _KUNYA_START.match(n):
                    last = n.split()[-1]
                    bare = _ARTICLE_START.sub("", last)
                    if last_counts.get(last) == 1 and len(bare) >= 4 and bare.lower() not in _STOP_NAMES:
                        names.append(Name(last, e.key, e.type, True))
                        if bare != last:
                            names.append(Name(bare, e.key, e.type, True))
        return names

    def merge_surnames(self, ann: Annotated) -> None:
        """A person named by the family name alone ("Weber", "bin Laden", "al-Tahir") that no entity of the
        knowledge base carries is the one person of the document whose full name it cuts short
        (`surnames`): its mentions and ties move over; so is a family name alone the NER took for a group or
        a place (an entity only the NER found, and its names matched again). Nothing when two persons share
        the family name."""
        owners: dict[str, set[str]] = {}
        for e in ann.entities.values():
            if e.type is EntityType.PERSON:
                for n in e.names:
                    for short in surnames(n):
                        owners.setdefault(short, set()).add(e.key)
        ner_only = set(ann.entities) - {sp.key for sp in ann.spans if sp.source not in ("ner", "doc")}
        for e in list(ann.entities.values()):
            if self.kb.get(e.key) or any(len(n.split()) > 2 for n in e.names):
                continue
            if e.type is not EntityType.PERSON and e.key not in ner_only:  # the NER's "Weber" group or place
                continue
            shorts = [fold(_ARTICLE_START.sub("", n)) for n in e.names]
            if not all(s in owners for s in shorts):
                continue
            keys = set().union(*(owners[s] for s in shorts)) - {e.key}
            if len(keys) == 1:
                ann.merge_entities(keys.pop(), e.key)

    def rematch(self, ann: Annotated, folded=None, defined=None) -> None:
        """Matches the document's own names (and KB acronyms it defined) over the whole text, persons named
        by their family name alone merged first with the full name (`merge_surnames`)."""
        self.merge_surnames(ann)
        text = ann.text
        folded = folded or getattr(ann, "_folded", None) or fold_with_map(text)
        names = self.doc_names(ann)
        if defined:
            for key, acr in defined:
                if acr != "*":
                    names.append(Name(acr, key, ann.entities[key].type, True))
        for m in Gazetteer(names).find(text, folded):
            ann.add_span(Span(m.start, m.end, m.name.key, m.name.type, "doc"), override=m.name.case_sensitive)
        if defined:
            for m in self.gazetteer.find(text, folded, defined):
                if m.name.defined_only:
                    ann.add_span(Span(m.start, m.end, self.kb_entity(ann, m.name.key), m.name.type, "acronym"))


_PARTICLES = frozenset({"bin", "ibn", "bint", "ben", "al", "el", "de", "del", "la", "van", "von", "abu", "abd", "umm"})


def surnames(name: str) -> set[str]:
    """The folded short forms a person's full name is cut to: its last word, its last two words when the first
    of them is a particle ("bin Laden"), and the first of a double family name ("Suarez" of "Ana Maria
    Suarez Rojas": four capitalised words, no particle), each also without the Arabic article. Nothing for a
    one-word name, a kunya ("Abu X") or a family name shorter than four letters."""
    words = name.split()
    if len(words) < 2 or _KUNYA_START.match(name):
        return set()
    cuts = [words[-1]]
    if len(words) >= 3 and words[-2].lower() in _PARTICLES:
        cuts.append(" ".join(words[-2:]))
    if len(words) == 4 and all(w[:1].isupper() and w.lower() not in _PARTICLES for w in words):
        cuts.append(words[-2])
    out = set()
    for c in cuts:
        bare = _ARTICLE_START.sub("", c)
        if len(bare.replace(" ", "")) >= 4 and bare.lower() not in _STOP_NAMES:
            out.add(fold(bare))
    return out
