"""The valid time of a tie, from the dates of its sentence and of the document around it.

- a range right after a person's name ("P (2015–2016)") dates that person's tie;
- a tie stated by a verb takes the date nearest its trigger within the trigger's clause: a range gives
  start and end, "until X" an end, anything else a start. A tie stated by a noun phrase ("IS leader X",
  "X and other IS militants", "an ex-Y grouping") takes no date from its sentence: that date belongs to
  the sentence's event, not to the tie;
- a group's founding date ("Active: 2015-06-23", "Dates of operation: July 2019–present", "The group was
  established in July 2019", "announced the formation of X on 23 June 2015", "the X umbrella that was
  announced on 10 September") starts the group's belonging ties (part_of, allegiance_to) stated in its
  infobox, in the document's lede or in the founding paragraph, and the part_of ties of the members
  that the founding paragraph names, when they have no date of their own;
- a leader's tie ends when the document says the leader was killed or died on a date (a year-precise
  end is refined by a death date within that year).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from ...model import FuzzyDate
from ..state import Annotated
from .date_cues import carried, lost_place, until_before

_DEATH = re.compile(r"(?i)\b(?:killed|died|death\s+of|death|was\s+slain|assassinated|executed)\b")
# ties read from a noun phrase: the sentence's date is not theirs
_NOMINAL_RULES = ("premod", "possessive", "place-possessive", "linked", "and-other", "members-list",
                  "leader-of-appos", "group-in-place", "group-of-place", "ex-group", "of-coalition",
                  "denial-of-claim", "absence")
_CLAUSE = re.compile(r"[;:()\[\]]|\s[-–—]\s|,\s*(?:while|whereas|but|although|which|who)\b|\b(?:but|however)\b")
_FOUNDING_FIELD = re.compile(r"(?i)^(?:dates?\s+of\s+operations?|active|years?\s+active|dates?\s+active|active\s+since|"
                             r"founded|foundation|formation|formed|established|establishment|creation|founding|"
                             r"date\s+founded|founded\s+in|inception)$")
_FOUNDED_VERB = re.compile(
    r"(?i)\b(?:was|were|had\s+been|has\s+been|is|being)\s+(?:\w+\s+)?(?:officially\s+|formally\s+|first\s+)?"
    r"(?P<v>established|formed|founded|created|set\s+up|launched|announced|proclaimed|declared|inaugurated)\b")
_FORMATION_OF = re.compile(
    r"(?i)\b(?:formation|creation|establishment|founding|launch|foundation|inauguration|proclamation)\s+of\s+"
    r"(?:(?:the|a|an|its|their)\s+)?(?P<rest>[^.;]{0,160})")
_FORMATION_POSS = re.compile(r"(?i)['’]s?\s+(?:formation|creation|establishment|founding|launch|foundation)\b")
_NAMED = re.compile(r"(?i)\b(?:under\s+the\s+name\s+(?:of\s+)?|called\s+|named\s+|known\s+as\s+)$")
_BELONGING = ("part_of", "allegiance_to")
_PERSONAL = ("leader_of", "member_of")  # a person's ties that the person's death ends
_EVENTS = ("split_from", "successor_of", "defected_to")  # a moment, not a span: nothing ends them
_ASIDES = re.compile(r"\([^()]*\)|\[[^\[\]]*\]")
_OPEN = re.compile(r"\s*\(")
_WORDS_BEFORE = re.compile(r"\w{4,}")  # "(captured in 2015)": the bracket tells an event, not the tie's time
_WHEN = re.compile(r"(?i)\s*,?\s*(?:when|at\s+which\s+point|as)\b")


def _in(ann: Annotated, a: int, b: int) -> list:
    return [d for d in ann.dates if a <= d.start and d.end <= b]


def _nominal(c) -> bool:
    return c.nominal or c.rule.startswith(_NOMINAL_RULES) or c.rule.startswith("infobox:")


def bracketed(ann: Annotated, side, stop: int):
    """The date in the bracket right after a mention ("Islamic State (from 2014)", "X (2007–2013)"),
    if any: it dates that mention's tie, whatever else the line or sentence says."""
    m = _OPEN.match(ann.text, side.end, stop)
    if m is None:
        return None
    close = ann.text.find(")", m.end(), stop)
    if close < 0:
        return None
    ds = _in(ann, m.end(), close)
    return ds[0] if len(ds) == 1 and not _WORDS_BEFORE.search(ann.text, m.end(), ds[0].start) else None


def dates_for(ann: Annotated, c) -> tuple[FuzzyDate | None, FuzzyDate | None]:
    sent = ann.sentences[c.sentence]
    start = end = None
    for side in (c.subject, c.object):
        got = bracketed(ann, side, sent.end)
        if got is not None and (got.until or got.bound or sent.kind == "infobox"):
            start, end = got.valid_from, got.valid_until
            break
        if ann.type_of(side.key).value == "PERSON":
            after = [d for d in _in(ann, side.end, min(sent.end, side.end + 20)) if d.until or d.bound]
            if after:
                start, end = after[0].valid_from, after[0].valid_until
                break
    else:
        if sent.kind != "infobox" and (not _nominal(c) or lost_place(ann, c)):  # "took P from A": A's end
            best = _clause_date(ann, c, sent)
            if best is not None:
                start, end = best.valid_from, best.valid_until
                ends = best.bound == "end" or c.relation not in _EVENTS and until_before(ann, best, sent.start)
                if ends and _WHEN.match(ann.text, best.end, c.trigger[0]):
                    start, end = best.date, None  # "until late 2013, when he pledged": the pledge's date
                elif ends:
                    start, end = None, best.date
    if c.stance == "denied" or c.rule in ("denial-of-claim", "absence"):
        return None, None
    if start is None and end is None:
        start = _founding_start(ann, c)
    elif lost_place(ann, c):
        start, end = None, end or start
    if c.relation in _PERSONAL:
        death = _death(ann, c)
        if death is not None and (start is None or death.latest >= start.earliest) and (
                end is None or (len(end.iso) < len(death.iso) and end.earliest <= death.earliest <= end.latest)):
            end = death
    return start, end


def carried_dates(ann: Annotated, c) -> tuple[FuzzyDate | None, FuzzyDate | None]:
    """(start, end) from the date the candidate's paragraph carries to its undated sentence (see
    `date_cues.carried`): for a tie no sentence dates. Noun-phrase ties and denials take none."""
    if c.stance == "denied" or _nominal(c) and not lost_place(ann, c):
        return None, None
    date = carried(ann, c)
    if date is None:
        return None, None
    return (None, date) if lost_place(ann, c) else (date, None)


def _clause_date(ann: Annotated, c, sent):
    """The date nearest the trigger with no clause break between them."""
    t0, t1 = c.trigger
    text = ann.text
    found = []
    for d in _in(ann, sent.start, sent.end):
        a, b = (d.end, t0) if d.end <= t0 else (t1, d.start)
        if a < b and _CLAUSE.search(_ASIDES.sub(" ", text[a:b])):  # a closed "(...)" is no break
            continue
        found.append(d)
    if not found:
        return None
    return min(found, key=lambda d: abs(d.start - c.trigger[0]))


def _death(ann: Annotated, c) -> FuzzyDate | None:
    """The date of the person's death, when a sentence names the person, a death word and a date."""
    key = c.subject.key
    for i, s in enumerate(ann.sentences):
        if s.kind not in ("text", "list"):
            continue
        body = ann.text[s.start:s.end]
        m = _DEATH.search(body)
        if not m:
            continue
        people = [sp for sp in ann.sentence_spans(i) if ann.type_of(sp.key).value == "PERSON"]
        w = s.start + m.start()
        # the one who died: the person named last before the death words, else first after them
        before = [sp for sp in people if sp.end <= w]
        later = [sp for sp in people if sp.start >= w and sp.start - w <= 60]
        dead = before[-1] if before else (later[0] if later else None)
        if dead is None or dead.key != key:
            continue
        ds = [d for d in _in(ann, s.start, s.end) if d.kind != "relative" and not d.until and not d.bound]
        if not ds:
            continue
        w = s.start + m.start()
        after = [d for d in ds if 0 <= d.start - w <= 80]
        return (after[0] if after else min(ds, key=lambda d: abs(d.start - w))).date
    return None


# founding dates --------------------------------------------------------------------------------------------

@dataclass
class Founding:
    date: FuzzyDate | None = None
    paragraphs: set[int] = field(default_factory=set)
    infobox: bool = False


_CACHE: list = [None, None]


def foundings(ann: Annotated) -> dict[str, Founding]:
    """Each group's founding: its date (the most precise the document gives) and where it is told."""
    if _CACHE[0] is ann:
        return _CACHE[1]
    out: dict[str, Founding] = {}

    def note(key: str, date: FuzzyDate | None, paragraph: int | None) -> None:
        f = out.setdefault(key, Founding())
        if paragraph is None:
            f.infobox = True
        else:
            f.paragraphs.add(paragraph)
        if date is not None and (f.date is None or len(date.iso) > len(f.date.iso) and
                                 f.date.earliest <= date.earliest <= f.date.latest):
            f.date = date

    if ann.subject is not None:
        for fld in ann.infobox:
            if _FOUNDING_FIELD.match(fld.name.strip().rstrip(":")):
                ds = [d for d in _in(ann, fld.start, fld.end + 1) if d.valid_from is not None]
                if ds:
                    note(ann.subject, ds[0].valid_from, None)
    for i, s in enumerate(ann.sentences):
        if s.kind not in ("text", "list"):
            continue
        spans = [sp for sp in ann.sentence_spans(i) if ann.type_of(sp.key).value == "ORG"]
        if not spans:
            continue
        for key, at in _founded_here(ann, s, spans):
            ds = [d for d in _in(ann, s.start, s.end) if d.kind != "relative" or d.date.iso[:4].isdigit()]
            ds = [d for d in ds if not d.until and d.bound != "end"]
            date = min(ds, key=lambda d: abs(d.start - at)).date if ds else None
            note(key, date, s.paragraph)
    _CACHE[0], _CACHE[1] = ann, out
    return out


def _founded_here(ann: Annotated, s, spans) -> list[tuple[str, int]]:
    """(group key, offset of the founding words) for each group this sentence says was founded."""
    text = ann.text
    out = []
    for m in _FOUNDED_VERB.finditer(text, s.start, s.end):
        before = [sp for sp in spans if sp.end <= m.start() and m.start() - sp.end <= 45]
        if before:
            sp = before[-1]
            gap = text[sp.end:m.start()]
            between = [o for o in ann.spans_in(sp.end, m.start()) if o is not sp]
            if not re.search(r"[;:()]", gap) and not between:
                out.append((sp.key, m.start()))
    for m in _FORMATION_OF.finditer(text, s.start, s.end):
        rest_at = m.start("rest")
        after = [sp for sp in spans if sp.start >= rest_at and sp.start < m.end("rest")]
        if not after:
            continue
        first = after[0]
        lead = text[rest_at:first.start]
        if len(lead.strip(" ‘’'\"“”")) <= 3 or _NAMED.search(lead.rstrip(" ‘’'\"“”") + " "):
            out.append((first.key, m.start()))
    for m in _FORMATION_POSS.finditer(text, s.start, s.end):
        owner = [sp for sp in ann.spans_in(s.start, m.start() + 1) if m.start() - sp.end <= 1]
        if owner and ann.type_of(owner[-1].key).value == "ORG":
            out.append((owner[-1].key, m.start()))
    return out


def _lede(ann: Annotated) -> int | None:
    """The first paragraph of running text that names the document's subject."""
    if ann.subject is None:
        return None
    return next((s.paragraph for i, s in enumerate(ann.sentences) if s.kind == "text"
                 and any(sp.key == ann.subject for sp in ann.sentence_spans(i))), None)


def _founding_start(ann: Annotated, c) -> FuzzyDate | None:
    if c.relation not in _BELONGING:
        return None
    sent = ann.sentences[c.sentence]
    found = foundings(ann)
    own = found.get(c.subject.key)
    if own is not None and own.date is not None:
        if sent.kind == "infobox" or sent.paragraph in own.paragraphs or sent.paragraph == _lede(ann):
            return own.date
    if c.relation == "part_of":
        group = found.get(c.object.key)
        if group is not None and group.date is not None and group.paragraphs:
            named = any(sp.key == c.subject.key for i, s in enumerate(ann.sentences)
                        if s.paragraph in group.paragraphs for sp in ann.sentence_spans(i))
            if named:
                return group.date
    return None
