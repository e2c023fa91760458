"""Sparse features of a candidate pair, as strings: the model's only view of the text.

Each sentence is tokenised once; its mentions become kind markers (<G> a group or body, <S> a
state, <P> a person, <L> a place); a state named with a person's office ("the Syrian President") is
its marker followed by the office's words. A pair's features, in page order (A before B):

    K:  kinds of A and B          SRC: how each was found (name, ner, coref)
    BW: words between (bag)       BB: bigrams between    BS: the whole between, when short
    BF/BL: first/last word between, also with the kinds (KBF/KBL); KBLN: the last word before a closing
           article ("by the <G>"); KNA/KNB: the classes of the classed content word nearest A / nearest B
    L1/L2/LW: words before A      R1/R2/RW: words after B     A1: the word right after A
    GAP, NM: distance and mentions between     SW: other words of the sentence
    IF: the infobox field         FR/FRR: a frame's relation/rule joining the two, with direction
    OFC/OFCT/OFCW: a head of state named by a bare title and a state the document implies (`offices`)
    FK/FKA/FKB: the knowledge base's finer kinds of A and B (an international body, armed forces, a
                coalition, a city ...; a no-actor kind from `non_actors`; "-" when none is known)
    DS: which end is the document's subject
    LST/CGAP/CBS/CBL/CKBL/CKBC/CBLW: when an end stands in a list of mentions of its kind (or A's other
                names in brackets after it), the words between the two lists (`_list_features`)
    SL/SLL*/SLR*: when A and B are two items of one list, the words around the whole list: before it
                ("clashes between", "a war against") and after it ("... attacked <G>", "on one side")
                (`_same_list_features`)
"""
from __future__ import annotations

import functools
import re
from bisect import bisect_left
from collections import Counter

from ...model import EntityType
from ..demonyms import office_start
from ..state import Annotated, Span
from ..lists import headings
from ..non_actors import MEDIA, NON_ACTOR_KINDS, PLACE_KINDS, PLACELESS_KINDS
from .offices import office_features
from .pairs import Pair
from .word_classes import word_classes

_TOKEN = re.compile(r"\w+(?:['’]\w+)*|[^\w\s]")
_YEAR = re.compile(r"^(?:1[89]|20)\d\d$")
_NUM = re.compile(r"^\d[\d,.]*$")
_STOPLIKE = frozenset({"the", "a", "an"})
_FUNCTION_WORDS = frozenset("""of in on at to for from by with as and or but the a an its their his her which who
that this these those is was are were be been has had have it he she they also then""".split())
_SRC = {"gazetteer": "name", "pattern": "name", "doc": "name", "acronym": "name", "demonym": "demonym",
        "ner": "ner", "coref": "coref", "list": "list"}


def kind(ann: Annotated, span: Span) -> str:
    """The mention's kind for the type rule (`model.allowed`): G group or body, S state, P person, L place,
    M news outlet, C no actor with a place of its own (a think tank, a monitoring group, a coalition of
    states: `non_actors.PLACELESS_KINDS`), N no actor at all (an event, a common noun: `non_actors`); a
    facility is a place."""
    if ann.is_state(span.key):
        return "S"
    fine = ann.kinds.get(span.key, "")
    if fine in NON_ACTOR_KINDS:
        return "N"
    if fine == MEDIA:
        return "M"
    if fine in PLACELESS_KINDS:
        return "C"
    if fine in PLACE_KINDS:
        return "L"
    return {EntityType.PERSON: "P", EntityType.PLACE: "L"}.get(ann.type_of(span.key), "G")


@functools.lru_cache(maxsize=65536)
def _norm(tok: str) -> str:
    t = tok.lower().replace("’", "'")
    if _YEAR.match(t):
        return "<year>"
    if _NUM.match(t):
        return "<num>"
    return t


@functools.lru_cache(maxsize=65536)
def _stem(w: str) -> str:
    for suf in ("ations", "ation", "ings", "ing", "ies", "ied", "ed", "es", "s"):
        if len(w) > len(suf) + 3 and w.endswith(suf):
            return w[: -len(suf)]
    return w


class SentenceView:
    """A sentence's tokens with its mentions folded into single kind markers."""

    __slots__ = ("tokens", "starts", "ends", "marker_of", "classes", "class_counts", "markers")

    def __init__(self, ann: Annotated, i: int, wc=None):
        sent = ann.sentences[i]
        text = ann.text
        spans = ann.sentence_spans(i)
        toks: list[str] = []
        starts: list[int] = []
        ends: list[int] = []
        self.marker_of: dict[tuple[int, int], int] = {}
        k = 0
        pos = sent.start
        for sp in spans + [None]:
            stop = sp.start if sp is not None else sent.end
            if stop < pos:  # overlapping spans: keep the first
                continue
            for m in _TOKEN.finditer(text, pos, stop):
                toks.append(_norm(m.group()))
                starts.append(m.start())
                ends.append(m.end())
            if sp is None:
                break
            self.marker_of[(sp.start, sp.end)] = len(toks)
            toks.append("<" + kind(ann, sp) + ">")
            starts.append(sp.start)
            ends.append(sp.end)
            pos = sp.end
            office = office_start(text, sp.start, sp.end) if sp.source == "demonym" else None
            for m in _TOKEN.finditer(text, sp.end if office is None else office, sp.end):  # "Syrian President": the state, then the office
                toks.append(_norm(m.group()))
                starts.append(m.start())
                ends.append(m.end())
            k += 1
        self.tokens, self.starts, self.ends = toks, starts, ends
        self.classes = [wc(t) if wc is not None else () for t in toks]
        self.class_counts = Counter(c for cs in self.classes for c in cs)
        # where the kind markers stand (every pair of the sentence reads them)
        self.markers = [k for k, t in enumerate(toks) if len(t) == 3 and t[0] == "<" and t[2] == ">"]

    def index(self, span: Span) -> int | None:
        i = self.marker_of.get((span.start, span.end))
        if i is not None:
            return i
        j = bisect_left(self.starts, span.start)
        if span.start == span.end:
            return j - 1  # an empty mention (a subject the frames carry: "Based in P."): before the token there
        return j if j < len(self.starts) and self.starts[j] < span.end else None


class Featurizer:
    """Features of pairs, with the sentence views of one document cached."""

    def __init__(self, ann: Annotated, syntax: bool = False):
        self.ann = ann
        self.headings = headings(ann)
        self.wc = word_classes(getattr(ann.doc, "language", None) or "en")
        self.syntax = syntax and ann.parse is not None
        self._views: dict[int, SentenceView] = {}
        self._headings: dict[str, tuple[list[str], list[str]]] = {}

    def _heading(self, i: int) -> tuple[list[str], list[str]]:
        """The classes and stems of the words of the heading above sentence i."""
        heading = self.headings[i]
        got = self._headings.get(heading)
        if got is None:
            hwords = [t for t in _TOKEN.findall(heading.lower()) if t.isalpha()]
            got = self._headings[heading] = (sorted({c for t in hwords for c in self.wc(t)}),
                                             [_stem(t) for t in hwords])
        return got

    def parsed(self, i: int):
        if i not in self.ann.parsed:
            self.ann.parse([i])
        return self.ann.parsed.get(i)

    def view(self, i: int) -> SentenceView:
        v = self._views.get(i)
        if v is None:
            v = self._views[i] = SentenceView(self.ann, i, self.wc)
        return v

    def __call__(self, pair: Pair) -> list[str]:
        ann = self.ann
        a, b = pair.a, pair.b
        ka, kb = kind(ann, a), kind(ann, b)
        f = [f"K:{ka}{kb}", f"KA:{ka}", f"KB:{kb}",
             f"SRC:{_SRC.get(a.source, 'other')}|{_SRC.get(b.source, 'other')}", f"VIA:{pair.via}"]
        fa, fb = ann.kinds.get(a.key) or "-", ann.kinds.get(b.key) or "-"
        f += [f"FK:{fa}|{fb}", f"FKA:{fa}", f"FKB:{fb}"]
        hclasses, hstems = self._heading(pair.sentence)
        f += [f"HC:{c}" for c in hclasses] + [f"HW:{t}" for t in hstems]
        if pair.via == "list":
            f += [f"LHC:{c}|{ka}{kb}" for c in hclasses] + [f"LHW:{t}|{ka}{kb}" for t in hstems]
        if pair.via == "list":
            f.append(f"LD:{min(pair.depth, 3)}")
        if pair.via == "office":
            f += office_features(ann, a, b)
        sent = ann.sentences[pair.sentence]
        if sent.kind == "infobox":
            f.append("SK:infobox")
            fld = _field(ann, pair.sentence)
            if fld:
                f += [f"IF:{fld}", f"IFK:{fld}|{ka}{kb}"]
        elif sent.kind == "list":
            f.append("SK:list")
        if ann.subject is not None:
            if a.key == ann.subject:
                f.append("DS:a")
            if b.key == ann.subject:
                f.append("DS:b")
        same = ann.sentence_at(a.start) == ann.sentence_at(b.start)
        if same and a.end <= b.start:
            f += self._text_features(pair, ka, kb)
        else:
            f.append("XSENT" if not same else "OVERLAP")
        for c in pair.frames:
            d = "=" if c.relation in ("ally_of", "opposes") else (">" if c.subject.start == a.start and c.subject.key == a.key else "<")
            f += [f"FR:{c.relation}{d}", f"FRR:{c.rule}{d}"]
            if c.stance:
                f.append(f"FRS:{c.stance}")
        return f

    def _text_features(self, pair: Pair, ka: str, kb: str) -> list[str]:
        v = self.view(pair.sentence)
        ia, ib = v.index(pair.a), v.index(pair.b)
        if ia is None or ib is None or ib <= ia:
            return ["NOVIEW"]
        toks = v.tokens
        between = toks[ia + 1: ib]
        f: list[str] = []
        n = len(between)
        f.append("GAP:" + ("0" if n == 0 else "1" if n == 1 else "2-3" if n <= 3 else "4-6" if n <= 6
                           else "7-10" if n <= 10 else "11-20" if n <= 20 else "21+"))
        nm = sum(1 for t in between if t.startswith("<") and t.endswith(">") and len(t) == 3)
        f.append(f"NM:{min(nm, 3)}")
        if n <= 6:
            f.append("BS:" + "_".join(between))
        content = [t for t in between if t not in _STOPLIKE]
        if between:
            f += [f"BF:{between[0]}", f"BL:{between[-1]}", f"KBF:{ka}{kb}:{between[0]}", f"KBL:{ka}{kb}:{between[-1]}"]
            if content and content[-1] != between[-1]:  # "by the <G>", "of the <L>": the word before the article
                f.append(f"KBLN:{ka}{kb}:{content[-1]}")
        cls = v.classes
        bclasses = {c for cs in cls[ia + 1: ib] for c in cs}
        for c in bclasses:
            f += [f"BC:{c}", f"KBC:{ka}{kb}:{c}"]
        if n <= 4:
            f += [f"BCS:{c}" for c in bclasses]
        for cs in cls[max(0, ia - 3): max(0, ia)]:
            f += [f"LC:{c}" for c in cs]
        for cs in cls[ib + 1: ib + 4]:
            f += [f"RC:{c}" for c in cs]
        markers = v.markers
        ta, tb = f"<{ka}>", f"<{kb}>"
        same_a = sum(1 for k in markers if ia < k < ib and toks[k] == ta)
        same_b = sum(1 for k in markers if ia < k < ib and toks[k] == tb)
        f += [f"SBA:{min(same_a, 2)}", f"SBB:{min(same_b, 2)}"]
        first = next((k for k in markers if toks[k] == ta), None)
        if first == ia:
            f.append(f"FIRSTA:{ka}")
        if not any(k < ia for k in markers):
            f.append("A0")
        f.append(f"COMMA:{min(between.count(','), 3)}")
        if "(" in between or ")" in between:
            f.append("PAREN")
        if "and" in between:
            f.append("AND")
        words = [t for t in content if t.isalpha() and t not in _FUNCTION_WORDS]
        f += _nearest_class_features(between, cls[ia + 1: ib], ka, kb)
        if words:
            f += [f"BFW:{_stem(words[0])}", f"BLW:{_stem(words[-1])}"]
            if len(words) > 1:
                f.append(f"BLW2:{_stem(words[-2])}_{_stem(words[-1])}")
        shape = [t if t.startswith("<") else t for t in between if t.startswith("<") or t in (",", "and", "or", "(", ")")]
        if shape and len(shape) <= 8:
            f.append("MS:" + "".join(shape))
        for t in set(content):
            f.append(f"BW:{t}")
            st = _stem(t)
            f.append(f"BST:{st}")
            if n <= 12:
                f.append(f"KBW:{ka}{kb}:{st}")
        for x, y in zip(between, between[1:]):
            f.append(f"BB:{x}_{y}")
        left = toks[max(0, ia - 4): max(0, ia)]
        right = toks[ib + 1: ib + 5]
        if left:
            f.append(f"L1:{left[-1]}")
            if len(left) > 1:
                f.append(f"L2:{left[-2]}_{left[-1]}")
        else:
            f.append("L1:<start>")
        for t in set(left):
            f.append(f"LW:{_stem(t)}")
        if right:
            f.append(f"R1:{right[0]}")
            if len(right) > 1:
                f.append(f"R2:{right[0]}_{right[1]}")
        else:
            f.append("R1:<end>")
        for t in set(right):
            f.append(f"RW:{_stem(t)}")
        if ia + 1 < len(toks):
            f.append(f"A1:{toks[ia + 1]}")
        f += _list_features(toks, cls, ia, ib, ka, kb)
        f += _same_list_features(toks, cls, ia, ib, ka, kb)
        if self.syntax:
            sdoc = self.parsed(pair.sentence)
            if sdoc is not None:
                f += dependency_features(sdoc, self.ann.sentences[pair.sentence].start, pair.a, pair.b)
        inside = Counter(c for cs in cls[max(0, ia - 4): ib + 5] for c in cs)
        f += [f"SC:{c}" for c, n in v.class_counts.items() if n > inside.get(c, 0)]
        return f


def _nearest_class_features(between: list[str], cls: list[tuple[str, ...]], ka: str, kb: str) -> list[str]:
    """The classes of the content word nearest to B and of the one nearest to A among those between
    that have a class, with the kinds: the word that governs B is mostly the nearest one ("A fought
    alongside B": ally; "A, backed by C, attacked B": oppose), where the bag of classes between (`BC`)
    holds both."""
    marked = [k for k, t in enumerate(between) if cls[k] and t.isalpha() and t not in _FUNCTION_WORDS]
    if not marked:
        return []
    last, first = marked[-1], marked[0]
    return [f"KNB:{ka}{kb}:{c}" for c in cls[last]] + [f"KNA:{ka}{kb}:{c}" for c in cls[first]]


def _field(ann: Annotated, i: int) -> str:
    sent = ann.sentences[i]
    for fld in ann.infobox:
        if sent.start <= fld.start < sent.end or fld.start <= sent.start < fld.end:
            return fld.name.strip().lower()[:30]
    line = ann.text[sent.start:sent.end]
    head = re.split(r"[:|]", line, maxsplit=1)[0].strip().lower()
    return head[:30] if 0 < len(head) <= 30 else ""


def _head(sdoc, a: int, b: int):
    """The syntactic head of the characters [a, b) of a sentence's parse (None if no token is there)."""
    toks = [t for t in sdoc if t.idx < b and a < t.idx + len(t.text)]
    if not toks:
        return None
    inside = set(t.i for t in toks)
    for t in toks:
        if t.head.i not in inside or t.head.i == t.i:
            return t
    return toks[0]


def _ancestors(tok) -> list:
    out = [tok]
    while out[-1].head.i != out[-1].i and len(out) < 40:
        out.append(out[-1].head)
    return out


def dependency_features(sdoc, base: int, a: Span, b: Span) -> list[str]:
    """The shortest dependency path between the two mentions' heads, its length and turning word."""
    ha, hb = _head(sdoc, a.start - base, a.end - base), _head(sdoc, b.start - base, b.end - base)
    if ha is None or hb is None or ha.i == hb.i:
        return ["DP:none"]
    up_a, up_b = _ancestors(ha), _ancestors(hb)
    ids_b = {t.i: k for k, t in enumerate(up_b)}
    k_a = next((k for k, t in enumerate(up_a) if t.i in ids_b), None)
    if k_a is None:
        return ["DP:disconnected"]
    lca = up_a[k_a]
    k_b = ids_b[lca.i]
    left = [f"{t.dep_}" for t in up_a[:k_a]]
    right = [f"{t.dep_}" for t in up_b[:k_b]][::-1]
    mid = [_stem(t.lower_) for t in up_a[1:k_a]] + \
          [_stem(t.lower_) for t in up_b[1:k_b]]
    lca_word = _stem(lca.lower_)
    n = k_a + k_b
    f = [f"DL:{min(n, 8)}", f"DLCA:{lca_word}", f"DLCAP:{lca.pos_}",
         "DP:" + "<".join(left) + "^" + ">".join(right)]
    if n <= 6:
        f.append("DPW:" + "<".join(left) + f"^{lca_word}^" + ">".join(right))
    for w in mid:
        f.append(f"DW:{w}")
    f.append(f"DA:{ha.dep_}|{hb.dep_}")
    return f


_LIST_SEPARATORS = (",", "and", "or", "/")
_PLACE_MARKERS = ("<L>", "<S>")


def _run_edge(toks: list[str], i: int, step: int, stop: int, same: tuple[str, ...] | None = None) -> int:
    """The far end of the list of mentions of i's kind that i stands in, walking by `step` (-1 back to
    the list's first item, +1 on to its last) and never reaching `stop`: "<L> , <L> , and <L>", "<G> and
    the <G>". Places and states make one list ("in <L> , <S>"), unless `same` names the markers that do.
    An item's other name in brackets right after it ("<G> ( <G> ) and <G>": an acronym) stays in its item."""
    if same is None:
        same = _PLACE_MARKERS if toks[i] in _PLACE_MARKERS else (toks[i],)
    k = i
    while True:
        base = k
        if step > 0 and _bracketed(toks, k + 1, same) and (stop < 0 or k + 3 < stop):
            base = k + 3
        j = base + step
        while 0 <= j < len(toks) and j != stop and (toks[j] in _LIST_SEPARATORS or toks[j] == "the"):
            j += step
        if step < 0 and j - 3 > stop and _bracketed(toks, j - 2, same):
            j -= 3  # back past the aside to the item it names again
        skipped = [t for t in toks[min(j, base) + 1: max(j, base)] if t not in ("(", ")") and t not in same]
        if not any(t in _LIST_SEPARATORS for t in skipped) or len(skipped) > 3 \
                or not (0 <= j < len(toks)) or j == stop or toks[j] not in same:
            return k
        k = j


def _bracketed(toks: list[str], i: int, same: tuple[str, ...]) -> bool:
    """Whether toks[i:i + 3] is a mention of the list's kind in brackets: "( <G> )"."""
    return 0 <= i and i + 2 < len(toks) and toks[i] == "(" and toks[i + 1] in same and toks[i + 2] == ")"


def _aside_end(toks: list[str], i: int, stop: int) -> int:
    """The closing bracket of an aside right after mention i that only names it again or with its kind
    ("<G> ( <G> )", "<G> ( <G> ( <G> ) )": an acronym, a translation), else i."""
    if i + 1 >= stop or toks[i + 1] != "(":
        return i
    depth, k = 0, i + 1
    while k < stop and k <= i + 8:
        t = toks[k]
        depth += (t == "(") - (t == ")")
        if depth == 0:
            return k
        if t not in ("(", ")", toks[i]) and t not in _LIST_SEPARATORS:
            return i
        k += 1
    return i


def _list_features(toks: list[str], cls: list[tuple[str, ...]], ia: int, ib: int, ka: str, kb: str) -> list[str]:
    """When A is one of a list of mentions of its kind and the list goes on towards B, or B is one of a
    list that opens after A ("X took A, B and C"; "X, Y and Z fought in P"), or A's other names stand
    in brackets after it ("X (Y) fought in P"): the words between, as if each end were its list's nearest
    item. Nothing when neither end is in such a list."""
    a_end = _aside_end(toks, ia, ib)
    a_end = _run_edge(toks, a_end, +1, ib)
    b_head = _run_edge(toks, ib, -1, a_end)
    if a_end == ia and b_head == ib:
        return []
    core = toks[a_end + 1: b_head]
    f = ["LST:" + ("a" if a_end > ia else "") + ("b" if b_head < ib else "")]
    n = len(core)
    f.append("CGAP:" + ("0" if n == 0 else "1" if n == 1 else "2-3" if n <= 3 else "4-6" if n <= 6 else "7+"))
    if n <= 6:
        f.append("CBS:" + "_".join(core))
    if core:
        f += [f"CBL:{core[-1]}", f"CKBL:{ka}{kb}:{core[-1]}"]
    for c in {c for cs in cls[a_end + 1: b_head] for c in cs}:
        f.append(f"CKBC:{ka}{kb}:{c}")
    words = [t for t in core if t.isalpha() and t not in _FUNCTION_WORDS]
    if words:
        f.append(f"CBLW:{_stem(words[-1])}")
    return f


_LIST_LEFT_SKIP = frozenset({"the", "both", "a", "an"})
_ACTOR_MARKERS = ("<G>", "<S>")  # groups and states side by side make one list of actors ("<S> and the <G>")


def _same_list_features(toks: list[str], cls: list[tuple[str, ...]], ia: int, ib: int, ka: str, kb: str) -> list[str]:
    """When A and B are two items of one list of actors (groups and states: "<G> , <S> and <G>") or of
    mentions of another kind: the list's size and the words on either side of the whole list, so that a
    pair deep in a list reads what its head and its end read: "clashes between A, B and C" (the sides of
    a fight), "a war against A and B" (one side), "A, B and C attacked D" (coordinated subjects of one
    act). Nothing otherwise."""
    same = _ACTOR_MARKERS if toks[ia] in _ACTOR_MARKERS else _PLACE_MARKERS if toks[ia] in _PLACE_MARKERS \
        else (toks[ia],)
    if toks[ib] not in same:
        return []
    end = _run_edge(toks, ia, +1, len(toks), same)
    if end < ib:
        return []
    head = _run_edge(toks, ia, -1, -1, same)
    size = sum(1 for k in range(head, end + 1) if toks[k] in same and toks[k - 1] != "(")  # (not an acronym)
    f = [f"SL:{ka}{kb}:{min(size, 4)}", "SLEND:" + ("h" if ia == head else "") + ("e" if ib == end else "")]
    k = head - 1
    while k >= 0 and toks[k] in _LIST_LEFT_SKIP:
        k -= 1
    f.append(f"SLL1:{toks[k]}" if k >= 0 else "SLL1:<start>")
    left = [t for t in toks[max(0, k - 3): k + 1] if t.isalpha() and t not in _FUNCTION_WORDS]
    if left:
        f.append(f"SLLW:{ka}{kb}:{_stem(left[-1])}")
    f += [f"SLLC:{c}" for c in {c for cs in cls[max(0, k - 2): k + 1] for c in cs}]
    right = toks[end + 1: end + 5]
    f.append(f"SLR1:{right[0]}" if right else "SLR1:<end>")
    words = [t for t in right if t.isalpha() and t not in _FUNCTION_WORDS]
    if words:
        f.append(f"SLRW:{ka}{kb}:{_stem(words[0])}")
    f += [f"SLRC:{c}" for c in {c for cs in cls[end + 1: end + 4] for c in cs}]
    marker = next((t for t in right if len(t) == 3 and t[0] == "<" and t[2] == ">"), None)
    if marker is not None and words:
        f.append(f"SLRM:{ka}{kb}:{_stem(words[0])}:{marker}")  # "<G> and <G> attacked <G>": a shared object
    return f
