"""Names the knowledge base does not know, found by their shape.

- group names that begin with a word groups name themselves by (Jamaat, Jaysh, Liwa, Kata'ib,
  Harakat, Jabhat, Saraya, Ansar ... and Wilayat/Vilayat for provinces), or end with one
  (X Brigades, X Front, X Units, X Party), and "Islamic State – X Province";
- quoted names right after a word like "group", "initiative" or "coalition";
- kunyas (Abu X al-Y, Abd al-X) as people; "X province", "X district" as places;
- acronym definitions right after a name: "Name (ACR)", "Name [ACR]";
- names in Arabic script given beside a Latin one ("Name (Arabic: ...)" or "Arabic: ..." lines).
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from ..model import EntityType
from ..lang.fold import article_pattern
from ..names import COMPASS_POINTS

# Every repetition below is bounded: a name has at most MAX_WORDS words (of at most MAX_PARTS hyphened
# parts each), so a long run of capitalised words ("By Jane By Jane ...", "Al-Al-Al-...") costs each
# pattern a bounded look at each word, linear time in all, not a scan to the run's end from every word.
MAX_WORDS = 10
MAX_PARTS = 5
Q = "'\u2019\u2018\u02bf\u02bc`"
ART = article_pattern() + r"[-\u2010\u2011]"  # the language pack's spellings of the Arabic article
WORD = rf"(?:{ART})?[{Q}]?[A-Z][\w{Q}]*(?:-[A-Z][\w{Q}]*){{0,{MAX_PARTS}}}"
SP = r"[ \t\u00a0]+"
LINK = r"(?:wa|wal|fi|fee|li|lil|bin|ibn|bint|min|al|ul|in[ ]Bilad|wa[ ]al)"
TAIL = rf"(?:{SP}(?:{LINK}{SP})?{WORD})"
GROUP_HEAD = (
    r"Jama['’ʿ]?at|Jamaat|Jamaa|Jamaah|Jaysh|Jaish|Jeish|Liwa['’]?|Liwaa|Alwiya|Alwiyat|Kata['’]?ib|Katibat|Katiba|"
    r"Kateeba|Harakat|Harakat|Haraka|Jabhat|Jabha|Saraya|Ansar|Ahrar|Hay['’]?at|Tahrir|Firqat|Fawj|Junud|Jund|"
    r"Tanzim|Usbat|Hizb|Lashkar|Tehrik|Tehreek|Muqawama|Quwat|Majlis|Wilayat|Vilayat|Wilayah|Wilaya|Velayat|"
    r"Imarat|Emirate of|Mujahideen|Mujahidin"
)
GROUP_TAIL = (
    r"Brigades?|Battalions?|Front|Army|Units|Unit|Movement|Party|Emirate|Militia|Council|Coalition|"
    r"Organi[sz]ation|Division|Regiment|Legion|Corps|Media|Foundation|Shura"
)
_HEADED = re.compile(rf"\b(?:{GROUP_HEAD})(?:{TAIL}){{1,{MAX_WORDS}}}")
_TAILED = re.compile(
    rf"\b(?!(?:The|A|An|In|On|For|By|With|This|That|These|Its|His|Their|Two|Three|Four|Five|Six|Seven|Eight|Nine|Ten|"
    rf"Several|Some|Many|Both|All|Most|Other|Former|Suspected|Alleged|{GROUP_HEAD})\s)"
    rf"{WORD}(?:{SP}(?:of{SP}|for{SP}the{SP}|wa{SP})?{WORD}){{0,{MAX_WORDS}}}{SP}(?:{GROUP_TAIL})\b"
)
_PROVINCE = re.compile(
    rf"\b(?:Islamic State|IS|ISIS|ISIL)[ ]*[\u2013\u2014-][ ]*{WORD}(?:{SP}{WORD}){{0,{MAX_WORDS}}}?{SP}Province\b"
    rf"|\b(?:Islamic State|IS|ISIS|ISIL)[\u2019']s?{SP}{WORD}(?:{SP}{WORD}){{0,{MAX_WORDS}}}?{SP}Province\b"
)
_QUOTED = re.compile(
    r"\b(?:group|faction|coalition|initiative|operations room|brigade|battalion|movement|front|alliance|militia)"
    r"\s+[“‘\"']((?:The\s+)?[A-Z][^”’\"'\n]{2,48}?)[.,]?[”’\"']"
)
_KUNYA = re.compile(
    rf"\b(?:Abu|Abou|Umm|Abd|Abdul|Abdel){SP}(?:{ART}|al{SP})?[A-Z][\w{Q}]+(?:{SP}(?:{ART})[\w{Q}]+|{SP}(?:al|el){SP}[A-Z][\w{Q}]+){{0,{MAX_WORDS}}}"
)
_COMPASS = "(?:" + "|".join([p[:5] + "-?" + p[5:] if len(p) > 5 else p for p in COMPASS_POINTS]
                             + [p + "ern" for p in COMPASS_POINTS if len(p) <= 5]) + ")(?:ern)?"
COMPASS_PREFIX = re.compile(rf"(?i)^{_COMPASS}[\s\u00a0]+")  # "north-east Hasakah province" -> "Hasakah province"
_PLACE = re.compile(
    rf"\b(?:{_COMPASS}{SP})?"
    rf"{WORD}(?:{SP}{WORD})?{SP}(?:province|governorate|district|region|countryside|area)\b"
)
# "the village of Heish", "the town of Tessalit": the name after "of" is a place
_PLACE_OF = re.compile(
    rf"\b(?:village|town|city|district|province|governorate|region|neighbou?rhood|suburb|municipality|county|"
    rf"valley|island|port|hamlet|settlement|camp)s?{SP}(?:of|called|named){SP}(?P<name>{WORD}(?:{SP}{WORD}){{0,2}})"
)
_NOT_PLACE = re.compile(r"^(?:The|This|That|Each|Every|Its|His|Their|Our|A|An)\b")
# a people's adjective before "province" names no place: "the West African province of X" (a branch),
# "the Syrian province of Idlib" (the place is the name after "of")
_DEMONYM_PROVINCE = re.compile(r"(?:ian|ean|can|ese|ish|Afghan|Iraqi|Yemeni|Somali|Saudi|Pakistani|Arab)"
                               r"[\s\u00a0]+(?:province|wilayah?|vilayat)$")
ACRONYM = re.compile(r"\s*[(\[]\s*([A-Z][A-Za-z0-9]*(?:[-/][A-Z0-9]+)*)\s*(?:[,;)\]]|\s+or\b)")
ARABIC = re.compile(r"[\u0600-\u06FF][\u0600-\u06FF\s\u2013\u2014-]*[\u0600-\u06FF]")
_SCRIPT_LABEL = re.compile(r"(?:Arabic|Persian|Urdu|Pashto)\s*:\s*")


@dataclass(frozen=True)
class Found:
    start: int
    end: int
    type: EntityType
    source: str

    def text(self, doc: str) -> str:
        return doc[self.start:self.end]


_POSSESSIVE = re.compile(r"[\u2019']s\b")
_SUFFIX = re.compile(r"\s+(?:area|region|countryside)$")


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
    for rx, etype, src in ((_PROVINCE, EntityType.ORG, "pattern"), (_HEADED, EntityType.ORG, "pattern"),
                           (_TAILED, EntityType.ORG, "pattern"), (_KUNYA, EntityType.PERSON, "pattern"),
                           (_PLACE, EntityType.PLACE, "pattern")):
        for m in rx.finditer(text, start, end):
            if etype is EntityType.PLACE and (_NOT_PLACE.match(m.group(0)) or _DEMONYM_PROVINCE.search(m.group(0))):
                continue
            a, b = _trim(text, m.start(), m.end(), possessive=rx is not _TAILED)
            if b - a >= 4:
                out.append(Found(a, b, etype, src))
    for m in _PLACE_OF.finditer(text, start, end):
        if not _NOT_PLACE.match(m.group("name")):
            a, b = _trim(text, m.start("name"), m.end("name"))
            if b - a >= 3:
                out.append(Found(a, b, EntityType.PLACE, "pattern"))
    for m in _QUOTED.finditer(text, start, end):
        a, b = _trim(text, m.start(1), m.end(1))
        out.append(Found(a, b, EntityType.ORG, "quoted"))
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
