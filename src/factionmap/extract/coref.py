"""Stage `resolve`: what the document is about, and the words that point back at an entity.

- the subject: the entity named by the title (or the first heading / infobox title line), when the
  title is that name (optionally followed by ":" and a subtitle);
- "the group", "the organization", "this group" -> the subject of an encyclopedia-style page, else
  the group named last; "the province" -> the last province named (or the subject);
- "the Emirate", "the Front" ... (and in lower case "the emirate", "the front", "the brotherhood",
  "the party" ..., never "the front line") -> the last entity whose name ends with that word;
- "they", "their" opening a sentence (or the clause after ", and", or after a short lead: "In 1975 they",
  "When they ...") -> the group the sentence before (in the paragraph) is about, or the one before that
  when the sentence between names no group; never a person's, nor when a group or person stands before
  it in its sentence; on a page about one group, when no sentence before stands for it and its
  paragraph named the page's subject before it (and no other group, at most one person), the subject;
- a report without an infobox: "the group" -> the document's focus (`document_focus`: its subject, else
  the group it names most, clearly) when that group was named in the last 1,500 characters;
- "it", "its" -> the group that is the subject of the sentence, else of the sentence before (the group
  that sentence brings into being when it does: "... merged to form X. Its leader ..."); "it is
  considered a ..." points back, "it is a matter of ..." does not;
- "he", "his", "him" -> the person named last (a "He" opening a sentence after a long quote: the person
  the "he" before the quote stood for); "the latter" / "the former" -> the second / first of the
  last two names of a kind;
- on an encyclopedia-style page "the group" is the page's subject, unless the sentence before it in the
  same paragraph is about another group ("On 3 May, X announced ... . The group said ...");
- "the city", "the town", "the village", "the district", "the region" -> the last place of that kind
  (by its KB kind, or as the text introduced it: "the town of X", "X city"), never when the last two
  places that fit are named side by side (ambiguous);
- "the emir", "the wali" (not "... of X") -> the person named last in the paragraph;
- "..., and (in 2015) the group / it ..." -> the group that is the subject of the clause before ", and"
  (not its last or possessive mention; "G's spokesman P accepted the pledge of H, and the group" -> H);
  "A declared that the group ..." -> the group the paragraph is about, not the speaker;
- "the two (groups)", "both groups" -> the last two groups (recorded in `ann.pairs`; the relations
  stage gives each of them the tie).
Pronouns and place words inside quoted speech are not resolved (the speaker's "he" is not the author's).
"""
from __future__ import annotations

import re

from ..lang.lexicon import speech_verbs
from ..model import EntityType
from .state import Annotated, Span

_GROUP_NP = re.compile(r"\b(?:[Tt]he|[Tt]his|[Tt]hat)\s+(?:(?:militant|jihadi|jihadist|rebel|armed|terrorist|"
                       r"extremist|local|new|same)\s+)?(?:group|organi[sz]ation|movement|faction)\b(?!\s*[’']s\s+\w+\s+of)")
_PROVINCE_NP = re.compile(r"\b[Tt]he\s+(?:province|wilayah?|vilayat)\b")
_HEAD_NP = re.compile(r"\b[Tt]he\s+(Emirate|Front|Movement|Brigades?|Army|Coalition|Party|Caliphate|Units|"
                      r"[Dd]epartment|[Mm]inistry|[Aa]gency|[Cc]ommission|emirate|front|brotherhood|Brotherhood|"
                      r"league|League|party|caliphate|coalition)\b(?!\s+(?:of|for|lines?|page|row|runners?)\b|"
                      r"\s*[\-\u2010])")
_IT = re.compile(r"\b(?:[Ii]ts|[Ii]t)\b(?!\s+(?:is|was|has\s+been|would|seems|appears|remains)\s+(?:not\s+)?"
                 r"(?:\w+\s+)?(?:that|to|likely|unclear|clear|possible|important|notable|interesting|worth|true|"
                 r"difficult|hard|easy|also|an?\s+(?:[\w\-]+\s+){0,2}(?:matter|question|fact|pity|shame|surprise|sign|"
                 r"wonder|truth|mistake|coincidence|possibility|certainty|attempt|irony|paradox|clich\w*)\b))")
_HE = re.compile(r"\b(?:[Hh]e|[Hh]is|him)\b")
_THEY = re.compile(r"\b(?:[Tt]hey|[Tt]heir)\b")
_ANAPHORS = (_GROUP_NP, _HEAD_NP, _IT, _HE, _THEY)


def has_anaphor(text: str) -> bool:
    """Whether `text` holds a pronoun or a group noun phrase this stage may resolve to an entity named
    elsewhere ("he", "its", "the group"): a sentence naming one person or group and such a word names two."""
    return any(rx.search(text) for rx in _ANAPHORS)


_PLACE_NP = re.compile(r"\b[Tt]he\s+(city|town|village|district|region|settlement|locality)\b"
                       r"(?!\s+(?:of|council|centre|center|hall|authorities|level|administration)\b|[\-\u2010])")
# (not "the commander", "the spokesman": as often a new, unnamed person as the one named before)
_TITLE_NP = re.compile(r"\b[Tt]he\s+(?:(?:new|former|late|then)\s+)?(emir|amir|wali)\b"
                       r"(?!\s+(?:of|for|in)\b|\s*['’]s|[\-\u2010])")
_PAIR_NP = re.compile(r"\b(?:[Tt]he\s+two|[Tt]hese\s+two|[Tt]hose\s+two|[Bb]oth)\s+(?:(?:militant|jihadi|jihadist|rebel|"
                      r"armed|rival)\s+)?(groups|organi[sz]ations|movements|factions|militias)\b"
                      r"|\b[Tt]he\s+two\b(?=\s+(?:have|had|appear|appeared|seem|seemed|are|were|later|then|also|"
                      r"reportedly|allegedly|eventually|soon|jointly|worked|fought|clashed|cooperated|co-operated|"
                      r"coordinated|allied|merged|agreed|signed|formed)\b)")
_PLACE_KINDS = {"city": {"city"}, "town": {"town", "city", "village"}, "village": {"village", "town"},
                "settlement": {"village", "town"}, "locality": {"village", "town", "city"},
                "district": {"district"}, "region": {"region", "admin_region"}}
_QUOTED = re.compile(r"“[^”]*”|\"[^\"\n]*\"")
_LEAD = re.compile(r"(?i)^(?:(?:[^,.;:]{0,40},\s*){0,2})?(?:the)?$")
_LATTER = re.compile(r"\b[Tt]he\s+(latter|former)\b")
_PROVINCE_NAME = re.compile(r"(?i)province|wilaya|vilayat|velayat")


def find_subject(ann: Annotated) -> str | None:
    """The entity the document is about, when its title (or first heading) is that entity's name."""
    text = ann.text
    lines = []
    if ann.doc.title:
        a = text.find(ann.doc.title)
        if a >= 0:
            lines.append((a, a + len(ann.doc.title)))
    for s in ann.sentences[:12]:
        if s.kind in ("heading", "infobox"):
            lines.append((s.start, s.end))
    for a, b in lines:
        spans = [s for s in ann.spans_in(a, b) if s.type is EntityType.ORG]
        if not spans:
            continue
        first = spans[0]
        head = text[a:first.start].strip(" =#|\u2022-").lower()
        tail = text[first.end:b].strip(" =#|")
        if head in ("", "the") and (tail == "" or tail.startswith(":") or tail.startswith("|")):
            return first.key
    return _lede_subject(ann)


_LEDE = re.compile(r"^\s*(?:\([^()]*\)\s*|,[^,]*,\s*)?(?:is|was|are|were)\s+(?:an?|the|one)\b")


def _lede_subject(ann: Annotated) -> str | None:
    """An encyclopedia page's first sentence names its subject first: "X (X-1, Arabic: ...) is a ..."."""
    text = ann.text
    for s in ann.sentences:
        if s.kind != "text":
            continue
        spans = [sp for sp in ann.spans_in(s.start, s.end) if sp.type is EntityType.ORG]
        if not spans or text[s.start:spans[0].start].strip().lower() not in ("", "the"):
            continue
        first = spans[0]
        rest = text[first.end:s.end]
        if rest.startswith(" ("):
            depth, k = 0, 0
            for k, ch in enumerate(rest):  # noqa: B007 (k is read after the loop)
                depth += ch == "("
                depth -= ch == ")"
                if depth == 0 and ch == ")":
                    break
            rest = rest[k + 1:]
        if _LEDE.match(rest):
            return first.key
    return None


def document_focus(ann: Annotated) -> str | None:
    """The group the document is about: its subject, else the group its names mention most often, when
    it is named at least three times and half again as often as any other group."""
    if ann.subject is not None:
        return ann.subject
    counts: dict[str, int] = {}
    for s in ann.spans:
        if s.source != "coref" and _group(ann, s):
            counts[s.key] = counts.get(s.key, 0) + 1
    ranked = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
    if not ranked or ranked[0][1] < 3 or (len(ranked) > 1 and ranked[0][1] < 1.5 * ranked[1][1]):
        return None
    return ranked[0][0]


def _named_since(ann: Annotated, key: str, before: int, window: int) -> bool:
    return any(s.key == key and s.source != "coref" for s in ann.spans_in(max(0, before - window), before))


_PLURAL_LEAD = re.compile(r"(?i)^(?:(?:[^,.;:]{0,40},\s*)?(?:and|but|then|later|also|soon)?\s*|"
                          r"(?:in|on|by|from|after|during|since|until)\s+(?:[\w\-]+\s+){0,3}\d{4}|"
                          r"(?:when|after|before|once|as|while|although|though|until|since)|"
                          r"(?:when|after|before|once|as|while|although|though|until|since)\s+they\s[^,.;:]{0,60},)$")


def _plural_subject(ann: Annotated, si: int, a: int) -> str | None:
    """The group "they" / "their" opening a sentence (or its clause after ", and") stands for: the group
    the sentence before in the paragraph is about, or the group that is the subject of the clause before
    ", and"; never a group named in its own sentence before it (that would be "it"), nor a person's."""
    sent = ann.sentences[si]
    target = _and_clause_subject(ann, sent.start, a)
    if target:
        return target
    if not _PLURAL_LEAD.match(ann.text[sent.start:a].strip(" -*\u2022")):
        return None
    if any(s.end <= a and s.type is not EntityType.PLACE and s.source != "coref" for s in ann.spans_in(sent.start, a)):
        return None
    # the sentence before in the paragraph; past one that names no group ("By 1982, income allowed them
    # to ...") to the one before it
    for j in (si - 1, si - 2):
        if j < 0 or ann.sentences[j].paragraph != sent.paragraph:
            break
        t = topic(ann, j)
        if t is not None:
            return t if not ann.is_state(t) else None
        groups = {sp.key for sp in ann.sentence_spans(j) if _group(ann, sp)}
        if groups:
            return _page_subject_alone(ann, si) if groups == {ann.subject} else None
    return _page_subject_alone(ann, si)


def _group_page(ann: Annotated) -> str | None:
    """The group a page is about: its subject (`find_subject`: the title, a heading or the lede names
    it) when that is a group, not a state nor a person."""
    s = ann.subject
    return s if s is not None and ann.type_of(s) is EntityType.ORG and not ann.is_state(s) else None


def _page_subject_alone(ann: Annotated, si: int) -> str | None:
    """The subject of a page about one group, for a "they" no sentence before stands for, when its
    paragraph names the subject before sentence `si`, and no other group and at most one person:
    "X ... . In 1975 they sent ..." on the page of X. None on other documents (a report's "they" is as
    often its sources), nor when the paragraph opens with it."""
    if _group_page(ann) is None:
        return None
    lo = _paragraph_start(ann, si)
    before = [sp for sp in ann.spans_in(lo, ann.sentences[si].start) if sp.source != "coref"]
    if not any(sp.key == ann.subject for sp in before):
        return None  # a paragraph's opening "they" (or one after people or volunteers no name stands for)
    if any(_group(ann, sp) and sp.key != ann.subject for sp in before):
        return None
    if len({sp.key for sp in before if sp.type is EntityType.PERSON}) > 1:
        return None
    return ann.subject


def _last(ann: Annotated, before: int, pred, window: int = 1500) -> Span | None:
    for s in reversed(ann.spans_in(max(0, before - window), before)):
        if s.end <= before and s.source != "coref" and pred(s):
            return s
    return None


def _group(ann: Annotated, s: Span) -> bool:
    return s.type is EntityType.ORG and not ann.is_state(s.key)


def resolve(ann: Annotated) -> Annotated:
    ann.subject = ann.subject or find_subject(ann)
    encyclopedic = ann.subject is not None and bool(ann.infobox)
    focus = document_focus(ann)
    text = ann.text
    for si, sent in enumerate(ann.sentences):
        if sent.kind not in ("text", "list"):
            continue
        body = text[sent.start:sent.end]
        quoted = [(sent.start + q.start(), sent.start + q.end()) for q in _QUOTED.finditer(body)]

        def in_quote(a: int) -> bool:
            return any(x < a < y for x, y in quoted)  # noqa: B023 (called at once)
        for m in _PAIR_NP.finditer(body):
            a, b = sent.start + m.start(), sent.start + m.end()
            pair = None if in_quote(a) else _pair(ann, si, a)
            if pair and ann.add_span(Span(a, b, pair[0], ann.type_of(pair[0]), "coref")):
                ann.pairs[(a, b)] = pair
        for m in _HEAD_NP.finditer(body):
            a, b = sent.start + m.start(), sent.start + m.end()
            word = m.group(1).lower()
            last = _last(ann, a, lambda s: ann.entities[s.key].name.lower().endswith(word), window=4000)  # noqa: B023 (called at once)
            if last:
                ann.add_span(Span(a, b, last.key, last.type, "coref"))
        for m in _GROUP_NP.finditer(body):
            a, b = sent.start + m.start(), sent.start + m.end()
            target = (_previous_topic(ann, si) or ann.subject) if encyclopedic else None
            if target is None and _LEAD.match(text[sent.start:a].strip(" -*\u2022")) and si > 0 and \
                    ann.sentences[si - 1].paragraph == sent.paragraph:
                target = topic(ann, si - 1)  # "X is ... as Y took Z. The group said": X, the sentence's subject
            if target is None and focus is not None and _named_since(ann, focus, a, 1500):
                target = focus  # a news report's "the group" is the group it is about
            if target is None:
                last = _last(ann, a, lambda s: _group(ann, s))
                target = last.key if last else ann.subject
            target = _and_clause_subject(ann, sent.start, a) or _reported_topic(ann, si, a) or target
            if target:
                ann.add_span(Span(a, b, target, ann.type_of(target), "coref"))
        for m in _PROVINCE_NP.finditer(body):
            a, b = sent.start + m.start(), sent.start + m.end()
            last = _last(ann, a, lambda s: bool(_PROVINCE_NAME.search(ann.entities[s.key].name)))
            target = last.key if last else (ann.subject if encyclopedic else None)
            if target:
                ann.add_span(Span(a, b, target, ann.type_of(target), "coref"))
        for m in _IT.finditer(body):
            a, b = sent.start + m.start(), sent.start + m.end()
            if in_quote(a):
                continue
            target = _and_clause_subject(ann, sent.start, a) or _sentence_subject(ann, si, a)
            if target:
                ann.add_span(Span(a, b, target, ann.type_of(target), "coref"))
        for m in _THEY.finditer(body):
            a, b = sent.start + m.start(), sent.start + m.end()
            target = None if in_quote(a) else _plural_subject(ann, si, a)
            if target:
                ann.add_span(Span(a, b, target, ann.type_of(target), "coref"))
        for m in _PLACE_NP.finditer(body):
            a, b = sent.start + m.start(), sent.start + m.end()
            target = None if in_quote(a) else _place(ann, a, m.group(1))
            if target:
                ann.add_span(Span(a, b, target, ann.type_of(target), "coref"))
        for m in _TITLE_NP.finditer(body):
            a, b = sent.start + m.start(), sent.start + m.end()
            para = _paragraph_start(ann, si)
            last = None if in_quote(a) else _last(ann, a, lambda s: s.type is EntityType.PERSON and s.start >= para,  # noqa: B023 (called at once)
                                                   window=800)
            if last:
                ann.add_span(Span(a, b, last.key, last.type, "coref"))
        for m in _HE.finditer(body):
            a, b = sent.start + m.start(), sent.start + m.end()
            if in_quote(a):
                continue
            last = _last(ann, a, lambda s: s.type is EntityType.PERSON, window=400)
            target = last.key if last else _he_chain(ann, si, a)
            if target:
                ann.add_span(Span(a, b, target, ann.type_of(target), "coref"))
        for m in _LATTER.finditer(body):
            a, b = sent.start + m.start(), sent.start + m.end()
            prev = [s for s in ann.spans_in(max(0, a - 300), a) if s.source != "coref" and s.type is not EntityType.PLACE]
            if len(prev) >= 2:
                pick = prev[-1] if m.group(1) == "latter" else prev[-2]
                ann.add_span(Span(a, b, pick.key, pick.type, "coref"))
        for m in _PLACE_PAIR_NP.finditer(body):
            a, b = sent.start + m.start(), sent.start + m.end()
            pair = None if in_quote(a) else _place_pair(ann, si, a, m.group(1).lower())
            if pair and ann.add_span(Span(a, b, pair[0], ann.type_of(pair[0]), "coref")):
                ann.pairs[(a, b)] = pair
    _branches(ann)
    _unnamed_parts(ann, focus)
    _speakers(ann)
    return ann


# a group's part left unnamed, opening its sentence as the subject: "Y's affiliate in Z is ...", "The Z-based
# Y affiliate has ..." (a name after it, "Y's affiliate X", is the frames')
_PART_LEAD = re.compile(r"(?i)^(?:the\s+|an?\s+)?(?:[\w\-’']+\s+){0,3}$")
_PART_AFTER = re.compile(r"(?:['’]s?\s+(?:other\s+)?|\s+)(affiliate|branch|franchise|offshoot)\b")
_PART_VERB = re.compile(r"\s+(?!(?:of|in|and|or|for|to|that|which|who)\b)[a-z]+\b")


def _unnamed_parts(ann: Annotated, focus: str | None) -> None:
    """On a document about one group (`document_focus`), a sentence opening with another group's unnamed
    part ("Y's affiliate in Z", "the Z-based Y affiliate") followed by its verb is about that group: the
    part word is read as a mention of it. Never when the part is named (a group follows), nor for the
    focus's own part, nor for a state's."""
    if focus is None or ann.type_of(focus) is not EntityType.ORG or ann.is_state(focus):
        return
    text = ann.text
    for si, sent in enumerate(ann.sentences):
        if sent.kind != "text":
            continue
        spans = [sp for sp in ann.sentence_spans(si) if sp.source != "coref"]
        owner = next((sp for sp in spans if _group(ann, sp)), None)
        if owner is None or owner.key == focus or any(sp.type is EntityType.PERSON and sp.end <= owner.start
                                                      for sp in spans):
            continue
        lead = text[sent.start:owner.start]
        for sp in spans:
            if sp.end <= owner.start:
                lead = lead.replace(text[sp.start:sp.end], "x")
        m = _PART_AFTER.match(text, owner.end, sent.end)
        if m is None or not _PART_LEAD.match(lead.lstrip(" -*\u2022")):
            continue
        end = m.end()
        place = next((sp for sp in spans if sp.start > end and not _group(ann, sp)), None)
        if place is not None and re.fullmatch(r"\s+in\s+(?:the\s+)?", text[end:place.start]):
            end = place.end
        if _PART_VERB.match(text, end, sent.end) is None or any(end <= sp.start < end + 3 for sp in spans):
            continue
        ann.add_span(Span(m.start(1), m.end(1), focus, ann.type_of(focus), "coref"))


# "both cities", "the two towns": the last two places of that kind named side by side ("A and B")
_PLACE_PAIR_NP = re.compile(r"\b(?:[Bb]oth|[Tt]he\s+two|[Tt]hese\s+two|[Tt]hose\s+two)\s+(cities|towns|villages|provinces|"
                            r"districts|regions|countries|states|areas|localities|governorates)\b")
_PAIR_KINDS = {"cities": {"city", "town"}, "towns": {"town", "city", "village"}, "villages": {"village", "town"},
               "provinces": {"admin_region", "region"}, "governorates": {"admin_region", "region"},
               "districts": {"district"}, "regions": {"region", "admin_region"}, "countries": {"state", "country"},
               "states": {"state", "country"}, "areas": None, "localities": {"village", "town", "city"}}


def _place_pair(ann: Annotated, si: int, a: int, word: str) -> tuple[str, str] | None:
    """The two places "both cities" means: the last "A and B" (or "A, B") of places that fit, in this
    sentence or the two before it in the paragraph; never when three are listed."""
    lo = si
    while lo > 0 and si - lo < 2 and ann.sentences[lo - 1].paragraph == ann.sentences[si].paragraph:
        lo -= 1
    kinds = _PAIR_KINDS[word]

    def fits(s: Span) -> bool:
        if s.source == "coref" or not (s.type is EntityType.PLACE or ann.is_state(s.key)):
            return False
        kind = ann.kinds.get(s.key, "")
        if kinds is None or not kind:
            return kinds is None or word not in ("countries", "states")
        return kind in kinds
    places = [s for s in ann.spans_in(ann.sentences[lo].start, a) if s.end <= a and fits(s)]
    text = ann.text
    for k in range(len(places) - 2, -1, -1):
        x, y = places[k], places[k + 1]
        if x.key == y.key or not re.fullmatch(r"\s*(?:,\s*)?(?:and|or)\s+(?:the\s+)?", text[x.end:y.start]):
            continue
        if k > 0 and re.fullmatch(r"\s*,\s*(?:the\s+)?", text[places[k - 1].end:x.start]):
            return None  # "A, B and C": more than two
        return x.key, y.key
    return None


# "the group's Syrian branch", "X's Iraqi wing": the one branch the document names after its parent
# ("X in Bilad al-Sham", "X – Y Province")
_BRANCH_NP = re.compile(r"\s*['’]s?\s+(?:(?:[A-Z][\w\-]+|new|local|regional|foreign|overseas)\s+){1,2}"
                        r"(?:branch|wing|affiliate|chapter|franchise|province|offshoot)\b")


_BRANCH_SEP = re.compile(r"\s+(?:in|fi)\s+(?=[A-Z]|the\s|al-|ash-|bilad)|\s*[–—]\s*|\s+-\s+")


def _branches(ann: Annotated) -> None:
    from .fold import fold
    kids: dict[str, list[str]] = {}
    parents: dict[str, str] = {}
    for key, ent in ann.entities.items():
        if ent.type is EntityType.ORG and not ann.is_state(key):
            for n in ent.names:
                if len(n) > 3:
                    parents.setdefault(fold(n), key)
    for key, ent in ann.entities.items():
        if ent.type is not EntityType.ORG:
            continue
        for n in ent.names:
            head = _BRANCH_SEP.split(n, maxsplit=1)
            other = parents.get(fold(head[0])) if len(head) == 2 else None
            if other and other != key and key not in kids.setdefault(other, []):
                kids[other].append(key)
    if not kids:
        return
    for sp in list(ann.spans):
        if sp.key not in kids or len(kids[sp.key]) != 1 or sp.type is not EntityType.ORG:
            continue
        m = _BRANCH_NP.match(ann.text, sp.end)
        if not m or "\n" in m.group(0):
            continue
        child = kids[sp.key][0]
        ann.add_span(Span(sp.start, m.end(), child, ann.type_of(child), "coref"), override=True)


# first person inside a group's quoted words or statement: "we", "our", "us" -> the speaking group
_WE = re.compile(r"\b(?:[Ww]e|[Oo]ur|us)\b")
_QUOTES_ALL = re.compile(r"“[^”]*”?|\"[^\"\n]*\"|(?<!\w)‘[^‘\n]*?’(?!\w)|(?<!\w)'[^'\n]*?'(?!\w)")
_STATEMENT_BY = re.compile(r"(?i)\b(?:statement|communiqu[eé]|declaration|announcement|message|letter|bulletin)s?\s+"
                           r"(?:issued\s+)?(?:from|by|of)\s+(?:the\s+)?$")
_SPEECH = re.compile(r"(?i)\b(?:" + speech_verbs("speech", "announce") + r"|put\s+it|"
                     r"according\s+to|quote|quoted|interview|statement|spokesm[ae]n|representative|official|member)\b|:\s*$")


def _speakers(ann: Annotated) -> None:
    text = ann.text
    statements = []  # (offset, group key) of "Statement from X"
    for sp in ann.spans:
        if _group(ann, sp) and sp.source != "coref" and _STATEMENT_BY.search(text[max(0, sp.start - 60):sp.start]):
            statements.append((sp.start, sp.key, ann.sentence_at(sp.start)))
    for si, sent in enumerate(ann.sentences):
        if sent.kind not in ("text", "list"):
            continue
        body = text[sent.start:sent.end]
        if not _WE.search(body):
            continue
        quotes = [(sent.start + q.start(), sent.start + q.end()) for q in _QUOTES_ALL.finditer(body)]
        block = _statement_block(ann, si, statements)
        for m in _WE.finditer(body):
            a, b = sent.start + m.start(), sent.start + m.end()
            q = next(((x, y) for x, y in quotes if x < a < y), None)
            target = None
            if q is not None:
                target = _quote_speaker(ann, si, q[0])
            if target is None and block is not None and (q is not None or not quotes):
                target = block
            if target:
                ann.add_span(Span(a, b, target, ann.type_of(target), "coref"))


def _statement_block(ann: Annotated, si: int, statements: list) -> str | None:
    """The group whose statement sentence `si` belongs to: "Statement from X" opening one of the four
    paragraphs before (or this one), with no heading in between."""
    para = ann.sentences[si].paragraph
    best = None
    for _off, key, sj in statements:
        if sj <= si and 0 <= para - ann.sentences[sj].paragraph <= 4 and \
                not any(ann.sentences[k].kind == "heading" for k in range(sj + 1, si + 1)):
            best = key
    return best


def _quote_speaker(ann: Annotated, si: int, q: int) -> str | None:
    """The group that speaks a quote opening at `q`: the last group named before it in its sentence, when
    words of saying (or a colon) lead to the quote; else, when the sentence only announces a quote, the
    group the paragraph (or the one before) is about."""
    sent = ann.sentences[si]
    text = ann.text
    lead = text[sent.start:q]
    here = [s for s in ann.spans_in(sent.start, q) if s.end <= q and _group(ann, s)]
    if here and _SPEECH.search(text[here[-1].start:q]):
        return here[-1].key
    if here or not _SPEECH.search(lead):
        return None
    para = sent.paragraph
    for j in range(si - 1, max(-1, si - 8), -1):
        if para - ann.sentences[j].paragraph > 1:
            break
        t = topic(ann, j)
        if t:
            return t
    return None


# "..., and (in 2015) the group / it ...": a new clause whose subject points back across ", and"
_AND_OPENS = re.compile(r"(?i),\s*and\s+(?:(?:then|later|soon|also|in|on|by|eventually|subsequently|"
                        r"\d{4}|[A-Z][a-z]+|early|late|mid-?\d{4}|the\s+(?:same|following|next)\s+\w+)\s+){0,3}$")
_CLAUSE_START = re.compile(r"[;:]|,\s*(?:and|but|while|whereas|as|which|who)\b")
_CLAUSE_LEAD = re.compile(r"(?i)^(?:(?:in|on|by|later|then|eventually|subsequently|also|early|late|soon)\b"
                          r"[^,.;:]{0,30}?\s*,?\s*)?(?:the)?$")


def _and_clause_subject(ann: Annotated, sent_start: int, a: int) -> str | None:
    """The group that is the subject of the clause before ", and" when a group word or pronoun at `a`
    opens the clause after it: "X declared itself part of Y, and in 2015 it joined Z" -> X; "G's
    spokesman P accepted the pledge of H, and the group ..." -> H (G only owns the speaker). None when
    the clause before has no group as its subject."""
    text = ann.text
    hit = _AND_OPENS.search(text, sent_start, a)
    if hit is None or any(sp.start >= hit.end() for sp in ann.spans_in(hit.end(), a) if sp.end <= a):
        return None
    lo = sent_start
    for c in _CLAUSE_START.finditer(text, sent_start, hit.start()):
        lo = c.end()
    spans = [sp for sp in ann.spans_in(lo, hit.start()) if sp.end <= hit.start()]
    first = next((sp for sp in spans if sp.type is not EntityType.PLACE), None)
    if first is None or not _CLAUSE_LEAD.match(text[lo:first.start].strip(" -*\u2022")):
        return None
    if not _group(ann, first):
        return None
    if _TITLE_AFTER.match(text, first.end):  # "G's spokesman P accepted ...": the group the clause brings in
        others = [sp for sp in spans if sp.start > first.end and _group(ann, sp) and sp.key != first.key
                  and not re.match(r"['’]s?\s", text[sp.end:sp.end + 3])]
        return others[-1].key if others else None
    if re.match(r"['’]s?\s", text[first.end:first.end + 3]):
        return None  # "X's branches ...": X only owns the subject
    return first.key


_REPORTS_THAT = re.compile(r"(?i)\b(?:" + speech_verbs("speech", "announce", "deny") + r"|decided|agreed)\s+that\s+$")


def _reported_topic(ann: Annotated, si: int, a: int) -> str | None:
    """"A declared that the group would ...": the group the paragraph is about (before this sentence),
    not the speaker nor the last group named."""
    sent = ann.sentences[si]
    if not _REPORTS_THAT.search(ann.text, sent.start, a):
        return None
    speaker = [sp.key for sp in ann.spans_in(sent.start, a) if sp.end <= a]
    for j in range(si - 1, -1, -1):
        if ann.sentences[j].paragraph != sent.paragraph:
            break
        t = topic(ann, j)
        if t and t not in speaker:
            return t
    return None


def _sentence_subject(ann: Annotated, si: int, before: int) -> str | None:
    """The group a pronoun at `before` most likely means: the first group of its sentence, else the
    first group of the sentence before, else the document's subject."""
    sent = ann.sentences[si]
    here = [s for s in ann.spans_in(sent.start, before) if _group(ann, s)]
    if here:
        return here[-1].key
    for j in range(si - 1, max(-1, si - 3), -1):
        prev = [s for s in ann.sentence_spans(j) if _group(ann, s)]
        if prev:
            made = _new_group(ann, prev) if j == si - 1 else None
            return (made or prev[0]).key
    return ann.subject


# a group the sentence brings into being: "... merged to form X", "X was established in 1950"; the
# next sentence's "it" / "its" is most often about it
_MADE_BEFORE = re.compile(r"(?i)\b(?:to\s+(?:form|found|establish|create)|formed|founded|established|created|"
                          r"set\s+up|(?:formation|creation|founding)\s+of)\s+(?:the\s+|a\s+new\s+)?$")
_MADE_AFTER = re.compile(r"(?i)^[\"”’')\]]*(?:\s*\([^()]*\))?,?\s+(?:was|were|had\s+been|has\s+been)\s+"
                         r"(?:\w+\s+)?(?:formed|founded|established|created|set\s+up)\b")


def _new_group(ann: Annotated, spans: list[Span]) -> Span | None:
    text = ann.text
    for sp in spans:
        if _MADE_BEFORE.search(text[max(0, sp.start - 40):sp.start]) or _MADE_AFTER.match(text[sp.end:sp.end + 200]):
            return sp
    return None


def _he_chain(ann: Annotated, si: int, a: int) -> str | None:
    """A "He" opening a sentence with no person named in the 400 characters before it (a long quote
    stands between): the person the last "he" / "his" before it (within 1,500 characters) stood for,
    when no other person is named in between ("He said: '...' ... He also renewed ...")."""
    sent = ann.sentences[si]
    if ann.text[sent.start:a].strip(" \"“‘'-*\u2022"):
        return None
    for sp in reversed(ann.spans_in(max(0, a - 1500), a)):
        if sp.end <= a and sp.type is EntityType.PERSON:
            return sp.key if sp.source == "coref" and _HE.fullmatch(ann.text[sp.start:sp.end]) else None
    return None


def _paragraph_start(ann: Annotated, si: int) -> int:
    k = si
    while k > 0 and ann.sentences[k - 1].paragraph == ann.sentences[si].paragraph:
        k -= 1
    return ann.sentences[k].start


def topic(ann: Annotated, j: int) -> str | None:
    """The group sentence `j` is about: a group (named or pointed at) that opens it as its subject,
    after at most a leading phrase ("On 3 May 2019, the X announced ...")."""
    sent = ann.sentences[j]
    if sent.kind not in ("text", "list"):
        return None
    spans = ann.sentence_spans(j)
    if not spans or not _group(ann, spans[0]):
        return None
    if _LEAD.match(ann.text[sent.start:spans[0].start].strip(" -*\u2022")) is None:
        return None
    if re.match(r"['’]s?\s", ann.text[spans[0].end:spans[0].end + 3]):
        return None  # "the X's branch ...": the branch is the subject, not X
    return spans[0].key


def _previous_topic(ann: Annotated, si: int) -> str | None:
    """The group the sentence before (in the same paragraph) is about, if it is another than the page's."""
    if si == 0 or ann.sentences[si - 1].paragraph != ann.sentences[si].paragraph:
        return None
    t = topic(ann, si - 1)
    return t if t != ann.subject else None


def _place_fits(ann: Annotated, s: Span, word: str) -> bool:
    if s.type is not EntityType.PLACE or ann.is_state(s.key):
        return False
    kind = ann.kinds.get(s.key, "")
    if kind:
        return kind in _PLACE_KINDS[word]
    text = ann.text
    before = text[max(0, s.start - 20):s.start].lower()
    after = text[s.end:s.end + 12].lower()
    return bool(re.search(rf"\b{word}\s+of\s+(?:the\s+)?$", before) or re.match(rf"\s+{word}\b", after))


def _place(ann: Annotated, a: int, word: str) -> str | None:
    """The last place of that kind before `a` (within the paragraph or the one before), unless the two
    last ones that fit are different places named side by side."""
    fits = [s for s in ann.spans_in(max(0, a - 1200), a) if s.end <= a and s.source != "coref"
            and _place_fits(ann, s, word)]
    if not fits:
        return None
    last = fits[-1]
    si, ti = ann.sentence_at(a), ann.sentence_at(last.start)
    if ann.sentences[si].paragraph - ann.sentences[ti].paragraph > 1:
        return None
    other = [s for s in fits[:-1] if s.key != last.key]
    if other and ann.sentence_at(other[-1].start) == ti and last.start - other[-1].end < 40:
        return None  # "Mosul and Aleppo ... the city": which one?
    return last.key


_TITLE_AFTER = re.compile(r"(?i)['’]s?\s+(?:\w+\s+)?(?:leader|emir|amir|chief|head|founder|spokesm[ae]n|commander|"
                          r"deputy|caliph|wali)\b")


def _pair(ann: Annotated, si: int, a: int) -> tuple[str, str] | None:
    """The two groups "the two" means: the only two named in this sentence (before it) and the one
    before, else the last "A and B" of them."""
    lo = ann.sentences[max(0, si - 1)].start if si > 0 and ann.sentences[si - 1].paragraph == \
        ann.sentences[si].paragraph else ann.sentences[si].start
    text = ann.text
    # a group named only as a person's ("X's leader P") is not one of the two; a group pointed at ("its") is
    spans = [s for s in ann.spans_in(lo, a) if s.end <= a and _group(ann, s) and (s.start, s.end) not in ann.pairs
             and not _TITLE_AFTER.match(text, s.end)]
    keys: list[str] = []
    for s in spans:
        if s.key not in keys:
            keys.append(s.key)
    if len(keys) == 2:
        return keys[0], keys[1]
    for k in range(len(spans) - 2, -1, -1):
        x, y = spans[k], spans[k + 1]
        if x.key == y.key or not re.fullmatch(r"\s*(?:,\s*)?and\s+(?:the\s+)?", text[x.end:y.start]):
            continue
        if k > 0 and re.fullmatch(r"\s*,\s*(?:the\s+)?", text[spans[k - 1].end:x.start]):
            return None  # "A, B and C": a list of more than two
        return x.key, y.key
    return None
