"""Names the knowledge base does not know, found by their shape.

- group names that begin with a word groups name themselves by (Jamaat, Jaysh, Liwa, Kata'ib,
  Harakat, Jabhat, Saraya, Ansar ... and Wilayat/Vilayat for provinces), or end with one
  (X Brigades, X Front, X Units, X Party), read on over "of"/"for" ("Popular Front for the Liberation
  of X", never "X Brigade of the Y Army"), an owner's possessive before them set aside ("X's Y Brigade"),
  and "Islamic State – X Province";
- groups named by a date ("2 June Movement", "March 14 Alliance");
- quoted names right after a word like "group", "initiative" or "coalition";
- units named by a number ("13th Division", "5th Infantry Brigade", "Brigade 103");
- a name and a lower-case word that makes it a group's or a government's ("Gulf cartel", "Tobruk
  government", "Haqqani family", "FARC dissidents"; `head_noun_names`, checked against the knowledge
  base by `entities`);
- kunyas (Abu X al-Y, Abd al-X, Abdul X Y) as people; "X province", "X district" as places;
- acronym definitions right after a name: "Name (ACR)", "Name [ACR]" (initials through possessives,
  hyphened words and the Arabic article);
- a compass word before a known place ("northern Mexico", "central and southern Iraq": `compass_before`,
  read with the place by `entities`);
- names in Arabic script given beside a Latin one ("Name (Arabic: ...)" or "Arabic: ..." lines).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import yaml

from ..model import EntityType
from ..errors import ConfigError
from ..lang import english
from ..lang.fold import article_pattern
from ..namefold import COMPASS_POINTS

# Every repetition below is bounded: a name has at most MAX_WORDS words (of at most MAX_PARTS hyphened
# parts each), so a long run of capitalised words ("By Jane By Jane ...", "Al-Al-Al-...") costs each
# pattern a bounded look at each word, linear time in all, not a scan to the run's end from every word.
MAX_WORDS = 10
MAX_PARTS = 5
Q = "'\u2019\u2018\u02bf\u02bc`"
ART = article_pattern() + r"[-\u2010\u2011]"  # the language pack's spellings of the Arabic article
WORD = rf"(?:{ART})?[{Q}]?[A-Z][\w{Q}]*(?:-[A-Z][\w{Q}]*){{0,{MAX_PARTS}}}"
SP = r"[ \t\u00a0]+"
GRAMMAR_FILE = Path(__file__).resolve().parent.parent / "data" / "lang" / "en" / "group_names.yaml"


def _alternation(words) -> str:
    """Words as a regex alternation, each apostrophe optional and written any of the ways it is."""
    return "|".join(re.escape(str(w)).replace("'", "['\u2019\u02bf]?").replace("\\ ", " ") for w in words)


def load_grammar(path: Path = GRAMMAR_FILE) -> dict:
    try:
        with open(path, encoding="utf-8") as fh:
            data = yaml.safe_load(fh) or {}
    except (OSError, yaml.YAMLError) as exc:
        raise ConfigError(f"{path}: cannot read the group-name grammar: {exc}") from None
    missing = [k for k in ("heads", "links", "tails", "inner", "leading", "leading_links", "not_first",
                                 "numbered_tails", "numbered_heads", "same_name_heads", "owner_heads", "offshoot_heads",
                                 "not_owner", "dated_tails", "name_possessives") if not data.get(k)]
    if missing:
        raise ConfigError(f"{path}: the group-name grammar needs {', '.join(missing)}")
    for key, words in data.items():
        bad = [w for w in words if not isinstance(w, str)] if isinstance(words, list) else [words]
        if bad:  # YAML reads a bare on/no/yes as a truth value: quote it
            raise ConfigError(f"{path}: {key}: {bad[0]!r} is not a word (quote it)")
    return data


GRAMMAR = load_grammar()
GROUP_HEAD = _alternation(GRAMMAR["heads"])
GROUP_TAIL = _alternation(GRAMMAR["tails"])
LINK = "(?:" + _alternation(GRAMMAR["links"]).replace(" ", "[ ]") + ")"
TAIL = rf"(?:{SP}(?:{LINK}(?:{SP}|[-\u2010]))?{WORD})"  # "wal-Ansar", "lil-Da'wa" as well as "wa al-Ansar"
_INNER = "|".join(_alternation([w]).replace(" ", SP) + SP for w in GRAMMAR["inner"])
_MONTH = "(?:" + "|".join(re.escape(m) for m in english().words("vocabulary", "month_names")) + ")"
_HEADED = re.compile(rf"\b(?:{GROUP_HEAD})(?:{TAIL}){{1,{MAX_WORDS}}}")
_TAILED = re.compile(
    # not inside a hyphenated word ("anti-Islamic Freedom Party"), but after "ex-" ("an ex-Sun Brigade grouping")
    rf"(?:(?<![\u2010-])|(?<=\b[Ee]x[\u2010-]))\b(?!(?:{_alternation(GRAMMAR['not_first'])}|{GROUP_HEAD}|{_MONTH})\s)"
    rf"{WORD}(?:{SP}(?:{_INNER})?{WORD}){{0,{MAX_WORDS}}}{SP}(?:{GROUP_TAIL})\b"
)
# a capitalised word or a number right before a leading tail word: the name began earlier
_NAME_BEFORE = re.compile(rf"(?:\b(?!(?:{_alternation(GRAMMAR['not_first'])})\b)[A-Z][\w{Q}-]*|\d\w*)[{Q}s]*{SP}$")
_LEAD_LINK = ("(?:" + "|".join(re.escape(w) for w in GRAMMAR["leading_links"]) + "|(?:"
              + "|".join(re.escape(w) for w in GRAMMAR.get("leading_and") or ["and"])
              + rf")(?!{SP}(?:the|al|an?|{_alternation(GRAMMAR['leading'])})\b))")
# "Army of the South-East", "Front for the Liberation of the Azawad": a tail word first, then "of"/"for",
# then capitalised words joined by small words, ending on a capitalised word
_LEADING = re.compile(
    rf"\b(?:{_alternation(GRAMMAR['leading'])}){SP}(?:of|for){SP}(?:the{SP})?{WORD}"
    rf"(?:(?:{SP}{_LEAD_LINK}){{0,2}}{SP}{WORD}){{0,{MAX_WORDS}}}"
)
_PROVINCE = re.compile(
    rf"\b(?:Islamic State|IS|ISIS|ISIL)[ ]*[\u2013\u2014-][ ]*{WORD}(?:{SP}{WORD}){{0,{MAX_WORDS}}}?{SP}Province\b"
    rf"|\b(?:Islamic State|IS|ISIS|ISIL)[\u2019']s?{SP}{WORD}(?:{SP}{WORD}){{0,{MAX_WORDS}}}?{SP}Province\b"
)
# a group named by a date: "the 2 June Movement", "the March 14 Alliance", "the 26th of July Movement" (the
# language pack's month names, written with a capital; a day of one or two digits, never a year)
_DAY = r"\d{1,2}(?:st|nd|rd|th)?"
_DATED = re.compile(
    rf"(?<![\w,.])(?:{_DAY}(?:{SP}of)?{SP}{_MONTH}|{_MONTH}{SP}{_DAY})(?![\w,])"
    rf"{SP}(?:{_alternation(GRAMMAR['dated_tails'])})\b"
)
# units named by a number: "13th Division", "10th Mechanised Infantry Brigade", "43rd Front", "Brigade 103"
_NUMBERED = re.compile(
    rf"\b\d{{1,3}}(?:st|nd|rd|th){SP}(?:{WORD}{SP}){{0,3}}(?:{_alternation(GRAMMAR['numbered_tails'])})\b"
    rf"|\b(?:{_alternation(GRAMMAR['numbered_heads'])}){SP}\d{{1,3}}\b(?![.,:/\u2010-]?\d)"
)
# a name and a lower-case word that makes it a group's or a government's: "Gulf cartel", "Tobruk government"
_OWNER_WORD = rf"(?:{ART})?[{Q}]?[A-Z][\w{Q}]*(?:[-\u2010][\w{Q}]+){{0,{MAX_PARTS}}}"
_HEAD_NOUN = re.compile(
    rf"(?<![\w{Q}\u2010-])(?P<name>{_OWNER_WORD}(?:{SP}{_OWNER_WORD}){{0,3}}){SP}"
    rf"(?P<head>{_alternation(GRAMMAR['same_name_heads'] + GRAMMAR['owner_heads'] + GRAMMAR['offshoot_heads']).replace(' ', SP)})\b(?![\u2010-])"
)
_NOT_OWNER = frozenset(GRAMMAR["not_owner"])
_NOT_FIRST = frozenset(GRAMMAR["not_first"]) | {"Another", "Each", "Every", "Such"}
_ADJECTIVE = re.compile(r"(?:ian|ean|ese|ish|ist|ic)$|[-\u2010][a-z]{3,}$")  # "Ukrainian", "Islamist", "US-backed"
_POSSESSED = re.compile(rf"[{Q}]s?$")


def head_noun_names(text: str, start: int = 0, end: int | None = None) -> list[Found]:
    """"Gulf cartel", "Samoud militia", "Tobruk government", "Haqqani family": capitalised words and a
    lower-case word of the grammar's `same_name_heads` or `owner_heads` after them, read as one group's
    name. An owner before it is no part of it ("the council's Samoud militia": "Samoud militia"); words
    that describe rather than name ("Sunni militia", "US-backed government") make no name."""
    end = len(text) if end is None else end
    out: list[Found] = []
    for m in _HEAD_NOUN.finditer(text, start, end):
        words = list(re.finditer(r"\S+", m.group("name")))
        cut = max((i + 1 for i, w in enumerate(words) if _POSSESSED.search(w.group(0))), default=0)
        while cut < len(words) and words[cut].group(0) in _NOT_FIRST:
            cut += 1
        words = words[cut:]
        if not words or any(w.group(0).strip(Q) in _NOT_OWNER | _NOT_FIRST or _ADJECTIVE.search(w.group(0))
                            or _POSSESSED.search(w.group(0)) for w in words):
            continue
        a = m.start("name") + words[0].start()
        out.append(Found(a, m.end(), EntityType.ORG, "head_noun", owner_end=m.start("name") + words[-1].end()))
    return out


_NUMBER_AFTER = re.compile(rf"(?:{WORD}{SP}){{0,{MAX_WORDS}}}?(?:{_alternation(GRAMMAR['numbered_heads'])}){SP}\d{{1,3}}\b")
_QUOTED = re.compile(
    r"\b(?:group|faction|coalition|initiative|operations room|brigade|battalion|movement|front|alliance|militia)"
    r"\s+[“‘\"']((?:The\s+)?[A-Z][^”’\"'\n]{2,48}?)[.,]?[”’\"']"
)
# "Abdul X Y": after "Abdul"/"Abdel" and a name, a plain family name or two belong to the person too; after
# "Abu X" one plain name does ("Abu X Y" where no name runs on: "Abu X al-Y" is read below, and "Abu X Y Base"
# or "Abu X Y Force" is no person)
# (never a month's or a weekday's name: "Abdel X Y Tuesday" is news style for "on Tuesday")
_WEEKDAY = "(?:" + "|".join(re.escape(d) for d in english().words("vocabulary", "weekday_names")) + ")"
_PLAIN_NAME = (rf"(?:{SP}(?!(?:{_alternation(GRAMMAR['not_first'])}|{GROUP_TAIL}|{GROUP_HEAD}|Groups?|Network|Forces"
               rf"|{_MONTH}|{_WEEKDAY})\b)"
               rf"[A-Z][a-z][\w{Q}]+\b(?![{Q}-]))")
# a people's or creed's word is no family name: "the Abu X Salafi groups"
_NOT_PEOPLE = rf"(?!(?i:{_alternation(english().words('non_actors', 'peoples'))})\b)"
_KUNYA = re.compile(
    rf"\b(?:Abdul|Abdel){SP}[A-Z][a-z][\w{Q}]+{_PLAIN_NAME}{{1,2}}(?:{SP}(?:{ART})[\w{Q}]+)?"
    rf"|\b(?:Abu|Abou|Umm){SP}[A-Z][a-z][\w{Q}]+(?={SP}{_NOT_PEOPLE}){_PLAIN_NAME}(?!{SP}(?:{ART}|(?:al|el){SP})?[A-Z])"
    rf"|\b(?:Abu|Abou|Umm|Abd|Abdul|Abdel){SP}(?:{ART}|al{SP})?[A-Z][\w{Q}]+(?:{SP}(?:{ART})[\w{Q}]+|{SP}(?:al|el){SP}[A-Z][\w{Q}]+){{0,{MAX_WORDS}}}"
)
_COMPASS = "(?:" + "|".join([p[:5] + "-?" + p[5:] if len(p) > 5 else p for p in COMPASS_POINTS]
                             + [p + "ern" for p in COMPASS_POINTS if len(p) <= 5]) + ")(?:ern)?"
COMPASS_PREFIX = re.compile(rf"(?i)^{_COMPASS}[\s\u00a0]+")  # "north-east Hasakah province" -> "Hasakah province"
_COMPASS_WORD = re.compile(rf"(?i){_COMPASS}|central")
_WORD_BEFORE = re.compile(r"(?<![\w\u2010-])([A-Za-z][A-Za-z\u2010-]*)[ \t\u00a0]+$")
_AND_BEFORE = re.compile(r"(?<![\w\u2010-])([A-Za-z][A-Za-z\u2010-]*)(?:,?[ \t\u00a0]+(?:and|or)|,)[ \t\u00a0]+$")


def is_compass_part(word: str) -> bool:
    """A word that, right before a place's name, points at part of that place: "northern", "north-east",
    "central", "south" ("northern Mexico", "central Iraq", "south Lebanon"). Written with a capital, only the
    "-ern" forms ("Eastern Cambodia"): "South Sudan", "North Korea" and "Central America" are names of their own."""
    if not _COMPASS_WORD.fullmatch(word):
        return False
    return word[0].islower() or word.lower().endswith("ern")


def compass_before(text: str, start: int) -> tuple[int, int | None]:
    """Where a place's name beginning at `start` begins once the compass word before it is read with it
    ("northern Mexico"), and where the compass word coordinated with that one begins ("northern" in "northern
    and central Iraq"), or None. (start, None) when no compass word comes right before."""
    m = _WORD_BEFORE.search(text, max(0, start - 24), start)
    if not m or not is_compass_part(m.group(1)):
        return start, None
    pair = _AND_BEFORE.search(text, max(0, m.start() - 24), m.start())
    return m.start(1), pair.start(1) if pair and is_compass_part(pair.group(1)) else None
_PLACE = re.compile(
    rf"\b(?:{_COMPASS}{SP})?"
    rf"{WORD}(?:{SP}{WORD})?{SP}(?:province|governorate|district|region|countryside|area|village|suburb|oblast|raion|"
    rf"canton|Oblast|Raion|Governorate|Canton|District)\b"
)
# "Tell Abyad", "Kafr Nabl", "Jisr al-Shughur": a place word of Arabic names and the name's words; "Tishrin Dam"
_PLACE_HEADED = re.compile(
    rf"\b(?:{_alternation(GRAMMAR.get('place_heads') or [])}){SP}{WORD}(?:{SP}{WORD})?(?=[\s,.;:)]|$)"
    rf"|\b{WORD}(?:{SP}{WORD})?{SP}(?:{_alternation(GRAMMAR.get('place_tails') or []).replace(' ', SP)})\b"
)
# "the village of Heish", "the town of Tessalit": the name after "of" is a place; after a plural ("the
# villages of A, B and C") so is each name of the list (`_PLACE_LIST`)
_PLACE_OF = re.compile(
    rf"\b(?:village|town|city|cities|district|province|governorate|region|neighbou?rhood|suburb|municipality|county|"
    rf"valley|island|port|hamlet|settlement|camp)(?P<plural>s)?{SP}(?:of|called|named){SP}"
    rf"(?P<name>{WORD}(?:{SP}{WORD}){{0,2}})"
)
_PLACE_LIST = re.compile(rf",?{SP}(?:and{SP})?|,{SP}?")
_PLACE_NAME = re.compile(rf"{WORD}(?:{SP}{WORD}){{0,2}}")
_NOT_PLACE = re.compile(r"^(?:The|This|That|Each|Every|Its|His|Their|Our|A|An)\b")
# a people's adjective before "province" names no place: "the West African province of X" (a branch),
# "the Syrian province of Idlib" (the place is the name after "of")
_DEMONYM_PROVINCE = re.compile(r"(?:ian|ean|can|ese|ish|Afghan|Iraqi|Yemeni|Somali|Saudi|Pakistani|Arab)"
                               r"[\s\u00a0]+(?:province|wilayah?|vilayat|village|suburb)$")
ACRONYM = re.compile(r"\s*[(\[]\s*([A-Z][A-Za-z0-9]*(?:[-/][A-Z0-9]+)*)\s*(?:[,;)\]]|\s+or\b)")
ARABIC = re.compile(r"[\u0600-\u06FF][\u0600-\u06FF\s\u2013\u2014-]*[\u0600-\u06FF]")
_SCRIPT_LABEL = re.compile(r"(?:Arabic|Persian|Urdu|Pashto)\s*:\s*")


@dataclass(frozen=True)
class Found:
    start: int
    end: int
    type: EntityType
    source: str
    owner_end: int | None = None  # a name read with a lower-case word after it: where the name alone ends

    def owner(self, doc: str) -> str:
        """The name before the lower-case word ("Tobruk" of "Tobruk government"), or the whole text."""
        return doc[self.start:self.owner_end if self.owner_end is not None else self.end]

    def text(self, doc: str) -> str:
        return doc[self.start:self.end]


_POSSESSIVE = re.compile(r"[\u2019']s\b")
_SUFFIX = re.compile(r"\s+(?:area|region|countryside|village|suburb)$")


def _trim(text: str, start: int, end: int, possessive: bool = True) -> tuple[int, int]:
    s = text[start:end]
    if s.startswith("The "):
        start += 4
        s = s[4:]
    m = _POSSESSIVE.search(s) if possessive else None
    if m:
        end = start + m.start()
    m = _SUFFIX.search(text[start:end])
    if m:
        end = start + m.start()
    while end > start and text[end - 1] in ",.;:-\u2019'":
        end -= 1
    return start, end


def find_names(text: str, start: int = 0, end: int | None = None) -> list[Found]:
    """Group, person and place names in text[start:end] found by their shape."""
    end = len(text) if end is None else end
    out: list[Found] = []
    tailed: dict[int, int] = {}  # where a name ending with a tail word ends -> where it begins
    for rx, etype, src in ((_PROVINCE, EntityType.ORG, "pattern"), (_HEADED, EntityType.ORG, "pattern"),
                           (_TAILED, EntityType.ORG, "pattern"), (_LEADING, EntityType.ORG, "pattern"),
                           (_NUMBERED, EntityType.ORG, "pattern"), (_DATED, EntityType.ORG, "pattern"),
                           (_KUNYA, EntityType.PERSON, "pattern"), (_PLACE, EntityType.PLACE, "pattern"),
                           (_PLACE_HEADED, EntityType.PLACE, "pattern")):
        for m in rx.finditer(text, start, end):
            before = _NAME_BEFORE.search(text, max(0, m.start() - 40), m.start()) if rx is _LEADING else None
            if before and not _owner_before(before.group(0)):
                begin = _continued(text, m, tailed)
                if begin is None:
                    continue  # "Mountain Hawks Brigade of the Free Idlib Army": the name began before
                a, b = _trim(text, begin, m.end(), possessive=False)
                out.append(Found(a, b, etype, src))
                continue
            if etype is EntityType.PLACE and (_NOT_PLACE.match(m.group(0)) or _DEMONYM_PROVINCE.search(m.group(0))):
                continue
            if rx is _TAILED and _NUMBER_AFTER.match(text, m.start(), end):
                continue  # "the GNA's Brigade 103": the unit's name is its word and number
            a, b = _trim(text, m.start(), m.end(), possessive=rx is not _TAILED)
            if rx is _TAILED:
                a = _after_owner(text, a, b)
                if a is None:
                    continue
                tailed[m.end()] = a
            if b - a >= 4:
                out.append(Found(a, b, etype, src))
    for m in _PLACE_OF.finditer(text, start, end):
        if not _NOT_PLACE.match(m.group("name")):
            a, b = _trim(text, m.start("name"), m.end("name"))
            if b - a >= 3:
                out.append(Found(a, b, EntityType.PLACE, "pattern"))
            if m.group("plural") or m.group(0).split()[0] == "cities":
                out += _place_list(text, m.end("name"), end)
    out += acronym_expansions(text, start, end)
    out += head_noun_names(text, start, end)
    for m in _QUOTED.finditer(text, start, end):
        a, b = _trim(text, m.start(1), m.end(1))
        out.append(Found(a, b, EntityType.ORG, "quoted"))
    return out


def _place_list(text: str, pos: int, end: int) -> list[Found]:
    """The names that go on the list a plural place word began ("the villages of A, B, and C"): each is a
    place, up to the first word that is no name or separator."""
    out: list[Found] = []
    for _ in range(MAX_WORDS * 3):
        sep = _PLACE_LIST.match(text, pos, end)
        name = _PLACE_NAME.match(text, sep.end(), end) if sep else None
        if name is None or _NOT_PLACE.match(name.group(0)):
            break
        a, b = _trim(text, name.start(), name.end())
        if b - a >= 3:
            out.append(Found(a, b, EntityType.PLACE, "pattern"))
        pos = name.end()
    return out


_OWNER_WORD_END = re.compile(rf"[\w{Q}-]+[{Q}]s?(?=[ \t\u00a0])")
_NAME_POSSESSIVES = frozenset(w.lower().replace("\u2019", "'") for w in GRAMMAR["name_possessives"])


def _after_owner(text: str, a: int, b: int) -> int | None:
    """Where a name ending with a tail word begins once an owner before it is set aside ("X's Y Brigade",
    "Abu X's Y Council", "New York's World Trade Centre": the name is "Y Brigade"); a possessive that is part
    of names ("People's", "Women's": the grammar's `name_possessives`) stays. None when what remains is
    one word ("X University's Center")."""
    for m in _OWNER_WORD_END.finditer(text, a, b):
        if m.group(0).lower().replace("\u2019", "'") not in _NAME_POSSESSIVES:
            a = m.end() + 1
    while a < b and text[a] in " \t\u00a0":
        a += 1
    return a if " " in text[a:b].strip() else None


def _owner_before(word: str) -> bool:
    """A possessive that marks an owner ("the X Army's Army of Victory"), not one that is part of a name."""
    w = word.strip().lower().replace("\u2019", "'")
    return bool(_POSSESSED.search(w)) and w not in _NAME_POSSESSIVES


_ENDS_IN_TAIL = re.compile(rf"\b(?:{GROUP_TAIL})$")


def _continued(text: str, m: re.Match, tailed: dict[int, int]) -> int | None:
    """Where a name begins that a leading tail word's match `m` ("Front for the Liberation of X") continues:
    the name ending with that word ("Popular Front") read on over "of"/"for" ("Popular Front for the
    Liberation of X", "Communist Party of X"). None when no such name ends there, or when what follows
    "of" is a group's own name, ending with a tail word ("Mountain Hawks Brigade of the Free Idlib Army": a
    unit and the group it belongs to)."""
    word_end = m.start() + len(m.group(0).split()[0])
    begin = tailed.get(word_end)
    if begin is None or _ENDS_IN_TAIL.search(m.group(0)):
        return None
    return begin


_ACR_DEF = re.compile(r"[ \u00a0]?[(\[]([A-Z][A-Za-z0-9]*(?:-[A-Z0-9]+)*)[)\]]")
_ACR_WORD = re.compile(rf"[{Q}]?[A-Z\u00c0-\u00de][\w{Q}]*(?:-[\w{Q}]+)*|\S+")
_ACR_ARTICLE = re.compile(ART)
_DASH = frozenset("-\u2010\u2013\u2014")


def _initials(word: str) -> list[str]:
    """The capitals a word may give an acronym, each way it may give them: its first letter, or the first
    letter of each hyphened part ("Anti-Aggression" A or AA, "Inter-Services" I or IS); after the Arabic
    article, the letter that follows it ("al-Sham" S, "Al-Qaeda" A or AQ)."""
    bare = word.lstrip(Q)
    art = _ACR_ARTICLE.match(bare)
    if art and bare[art.end():][:1].isupper():
        parts = [bare[art.end():]]
        whole = [bare[0]] if bare[0].isupper() else []
    else:
        parts, whole = [bare], [bare[0]] if bare[:1].isupper() else []
    split = [p.lstrip(Q) for p in re.split(r"[-\u2010]", parts[0]) if p.lstrip(Q)]
    out = [[p[0] for p in split]] if len(split) > 1 and all(p[0].isupper() for p in split) else []
    if art and parts[0][:1].isupper():
        out.append([parts[0][0]])
    return [o for o in ([whole] if whole else []) + out if o]


def acronym_expansions(text: str, start: int = 0, end: int | None = None) -> list[Found]:
    """"Jewish Defense League (JDL)", "House of Representatives (HoR)": the capitalised words right before
    an acronym in brackets whose initials spell it (small joining words and dashes skipped) are a name, read
    whole. A hyphened word may give the initials of its parts ("Global Anti-Aggression Campaign (GAAC)"), a word
    after the Arabic article the letter after it ("Hayat Tahrir al-Sham (HTS)")."""
    end = len(text) if end is None else end
    out: list[Found] = []
    small = set(GRAMMAR.get("acronym_skips") or ())
    for m in _ACR_DEF.finditer(text, start, end):
        letters = [c for c in m.group(1) if c.isupper()]
        if not 2 <= len(letters) <= 8:
            continue
        words = list(_ACR_WORD.finditer(text, max(start, m.start() - 160), m.start()))
        need, i, first = list(letters), len(words) - 1, None
        while i >= 0 and need:
            w = words[i].group(0)
            options = _initials(w)
            if options:
                fit = next((o for o in sorted(options, key=len, reverse=True)
                            if len(o) <= len(need) and need[-len(o):] == o), None)
                if fit is None:
                    break
                del need[-len(fit):]
                first = words[i]
            elif w in _DASH:
                pass
            elif w.lower().strip(",") not in small or "," in w:
                break
            i -= 1
        if need or first is None:
            continue
        a, b = _trim(text, first.start(), words[-1].end(), possessive=False)
        if b - a >= 4 and not text[first.start():m.start()].count("\n"):
            out.append(Found(a, b, EntityType.ORG, "pattern"))
    return out


def acronym_after(text: str, end: int) -> tuple[str, int, int] | None:
    """An acronym defined right after a name ending at `end`: (acronym, start, end) or None."""
    m = ACRONYM.match(text, end)
    if not m:
        return None
    acr = m.group(1)
    caps = sum(c.isupper() for c in acr)
    if caps < 2 or len(acr) > 12 or acr.isdigit():
        return None
    return acr, m.start(1), m.end(1)


def script_names_after(text: str, end: int, limit: int = 300) -> list[tuple[int, int]]:
    """Arabic-script names inside the bracket (or on the line) that follows a name ending at `end`."""
    window = text[end:end + limit]
    stop = len(window)
    for closer in (")", "\n"):
        k = window.find(closer)
        if k != -1:
            stop = min(stop, k)
    if window.lstrip()[:1] not in "([,|" and not _SCRIPT_LABEL.match(window.lstrip(" (|")):
        return []
    return [(end + m.start(), end + m.end()) for m in ARABIC.finditer(window[:stop])]
