"""The fast paths of the extractor give exactly what the plain ones give."""
from __future__ import annotations

import random
import re
import unicodedata

import pytest

from factionmap.lang import fold as fold_mod
from factionmap.extract.dates.guard import guarded, start_class
from factionmap.extract.dates.rules import RULES
from factionmap.extract.mentions import _in_capitals
from factionmap.extract.ner import LazyDoc, Parser, _ruler_tags_spaces_only, load_nlp
from factionmap.extract.segment import segment
from factionmap.extract.state import Annotated
from factionmap.model import Document

TEXT = (
    "On 23 June 2015 the group, then known as Jabhat al-Nusra (JN), pledged allegiance to al-Qa’ida; "
    "four months later, in late October 2015, it split from ISIS's Wilayat Sinai. Between May and July "
    "2014 Ansar al-Sharia fought the army in Derna. In the early 1990s, on 29 Shawwal 1435 AH, and "
    "again from 2–3 March 2024 until the present, AQAP's emir Qasim al-Raymi spoke. The following day "
    "it met that same month in Sana'a — 2015–16, 9/17/2014, 2019-06-01, mid-2014, May of this year.\n"
    "Subsequently ISIS-K and IS-CP (Islamic State – Central Africa Province) fought al-Shabaab."
)


def _fuzz(seed: int, n: int) -> list[str]:
    rng = random.Random(seed)
    pieces = list("aAlLsShHdDtTnNrRzZuUeE -\u2010\u2013\u2014'\u2019\u02bf_.,/()\"\n\t 0123456789\u00e9\u00c9\u0130\u00df\ufb01"
                  "\u2018`\u02be\u017f\u212a") + ["al-", "Al-", "el ", "as-", "'s", "ash-", "ud-", "June ", "2015",
                                                  "AH ", "the ", "early ", "Shawwal ", "following ", "day"]
    return ["".join(rng.choice(pieces) for _ in range(rng.randint(0, 30))) for _ in range(n)]


# --- date rules: the guarded regexes -------------------------------------------------------------

def _plain_rules() -> dict[str, re.Pattern]:
    """The date rules compiled again without the guard."""
    import importlib.util
    import sys

    from factionmap.extract.dates import guard, rules

    spec = importlib.util.spec_from_file_location("factionmap.extract.dates._plain_rules", rules.__file__)
    module = importlib.util.module_from_spec(spec)
    saved = guard.guarded
    guard.guarded = lambda rx: rx
    sys.modules[spec.name] = module
    try:
        spec.loader.exec_module(module)
    finally:
        guard.guarded = saved
        del sys.modules[spec.name]
    return {name: rx for name, rx, _ in module.RULES}


PLAIN = _plain_rules()


@pytest.mark.parametrize("name,rx", [(name, rx) for name, rx, _ in RULES])
def test_guarded_date_rules_match_as_the_plain_ones(name, rx):
    plain = PLAIN[name]
    assert plain.pattern != rx.pattern  # every rule is guarded
    texts = [TEXT, TEXT.upper(), TEXT.lower()] + _fuzz(hash(name) % 1000, 400)
    for text in texts:
        assert [(m.span(), m.groupdict()) for m in rx.finditer(text)] == \
            [(m.span(), m.groupdict()) for m in plain.finditer(text)], (name, text)


def test_guard_start_classes():
    assert start_class(re.compile(r"(?<!\d)\d+")) == "[\\d]"
    assert re.fullmatch(start_class(re.compile(r"\b(?i:may)\b")), "M")
    assert start_class(re.compile(r"x?")) is None  # may match the empty string anywhere
    assert start_class(re.compile(r".x")) is None  # any character
    assert start_class(re.compile(r"[^a]x")) is None
    rx = re.compile(r"(?P<a>(?i:ab)|c)(?P=a)")
    assert guarded(rx).groupindex == rx.groupindex
    for text in ["abab", "ABAB", "cc", "xabAB", "ac"]:
        assert [m.span() for m in guarded(rx).finditer(text)] == [m.span() for m in rx.finditer(text)]


def test_guard_keeps_case_insensitive_equivalents():
    rx = re.compile(r"(?i:subsequently|kin)")
    for text in ["\u017fubsequently", "\u212ain", "SUBSEQUENTLY", "Kin"]:
        assert [m.span() for m in guarded(rx).finditer(text)] == [m.span() for m in rx.finditer(text)]


# --- folding -----------------------------------------------------------------------------------

def _fold_reference(text: str, hyphen_articles_only: bool = True) -> tuple[str, list[int]]:
    """fold_with_map written plainly, one character at a time."""
    articles = {m.start(): m for m in fold_mod._ARTICLE.finditer(text)
                if text[m.end(1)] != " "
                or not (hyphen_articles_only or m.group(1).lower() in fold_mod._NOT_SPACED)}
    out: list[str] = []
    idx: list[int] = []
    i, n, space = 0, len(text), True
    while i < n:
        m = articles.get(i)
        if m is not None:
            if not space:
                out.append(" ")
                idx.append(i)
            width = len(m.group(1)) - 1
            out.extend("al ")
            idx.extend((i, i + min(1, width), i + min(2, width)))
            space, i = True, m.end()
            continue
        c = text[i]
        if c in fold_mod.APOSTROPHES:
            f = " " if fold_mod._possessive(text, i, n) else ""
        elif c in fold_mod.SEPARATORS or c.isspace():
            f = " "
        else:
            f = "".join(x for x in unicodedata.normalize("NFKD", c) if not unicodedata.combining(x)).casefold()
        for ch in f:
            if ch == " ":
                if space:
                    continue
                space = True
            else:
                space = False
            out.append(ch)
            idx.append(i)
        i += 1
    return "".join(out), idx


def test_fold_with_map_matches_the_plain_fold():
    for text in [TEXT, "al-Qa’ida's ISIS", "Ad-Dawla al-Islamiyya", "ash-Shabaab", "Ḥayʼat Taḥrīr al-Shām"] \
            + _fuzz(3, 3000):
        for articles_only in (True, False):
            assert fold_mod.fold_with_map(text, articles_only) == _fold_reference(text, articles_only), text


# --- mentions ----------------------------------------------------------------------------------

@pytest.mark.parametrize("text,start,end,expected", [
    ("NEWS: IS CLAIMS ATTACK", 6, 8, True),
    ("News: IS claims attack", 6, 8, False),
    ("IS CLAIMS", 0, 2, False),  # no word before
    ("NEWS IS", 5, 7, False),  # no word after
    ("NEWS: IS -- ATTACK", 6, 8, False),  # the word after holds no letter
    ("AB IS CLAIMS", 3, 5, False),  # the word before is too short
])
def test_in_capitals(text, start, end, expected):
    assert _in_capitals(text, start, end) is expected


# --- spaCy: the late attribute ruler, the parse without NER, the lazy Doc -----------------------

@pytest.fixture(scope="module")
def nlp():
    return load_nlp()


def _signature(doc) -> list[tuple]:
    return [(t.i, t.idx, t.tag_, t.pos_, t.dep_, t.head.i, t.is_sent_start) for t in doc]


def test_lazy_doc_forwards_to_the_doc():
    calls = []

    class Fake:
        ents = ("E",)

        def __iter__(self):
            return iter([1, 2])

        def __len__(self):
            return 2

        def __getitem__(self, i):
            return [1, 2][i]

    lazy = LazyDoc(lambda: calls.append(1) or Fake())
    assert calls == []
    assert list(lazy) == [1, 2] and len(lazy) == 2 and lazy[1] == 2 and lazy.ents == ("E",)
    assert calls == [1]  # finished once


def test_ruler_retags_only_whitespace(nlp):
    if "attribute_ruler" in nlp.pipe_names:
        assert _ruler_tags_spaces_only(nlp.get_pipe("attribute_ruler")) in (True, False)


def test_parser_docs_equal_the_full_pipeline(nlp, kb):
    from factionmap.extract.entities import EntityFinder

    text = ("Abu Bakr al-Baghdadi, the leader of the Islamic State, said on Tuesday that the group "
            "had fought  the Syrian Democratic Forces near Raqqa.\n\nThe Nusra Front, which later "
            "joined Hay'at Tahrir al-Sham, was founded by Abu Mohammad al-Julani in northern Syria.")
    ann = segment(Annotated(Document(text=text)))
    parser = Parser(EntityFinder(kb), nlp)
    indices = list(range(len(ann.sentences)))
    parser.parse(ann, indices)
    for i in indices:
        s = ann.sentences[i]
        full = nlp(text[s.start:s.end])
        assert isinstance(ann.parsed[i], LazyDoc)
        assert _signature(ann.parsed[i]) == _signature(full)
    # stage 1: tagger, parser and NER in a batch, the ruler late
    ruler, skip, _ = parser._components()
    texts = [text[s.start:s.end] for s in ann.sentences]
    for sdoc, full in zip(nlp.pipe(texts, disable=skip), nlp.pipe(texts)):
        assert [(e.start, e.end, e.label_) for e in sdoc.ents] == [(e.start, e.end, e.label_) for e in full.ents]
        assert [t.tag_ for t in sdoc if not t.is_space] == [t.tag_ for t in full if not t.is_space]
        done = ruler(sdoc) if ruler is not None else sdoc
        assert _signature(done) == _signature(full)


# --- ner: whether the document writes a word in lower case ------------------------------------------

def test_lower_in_matches_the_plain_search():
    """`_lower_in` reads a word of word characters and hyphens from the document's runs of them: the same
    answer as searching the text for the word standing alone."""
    from factionmap.extract.ner import _lower_in

    texts = _fuzz(11, 150) + [TEXT, "the well-known front's fighters, al-front and front_line", ""]
    words = ["front", "Front", "al", "al-", "well", "well-known", "line", "s", "dt", "d'", "’s", "z\u00e9", "\u0130",
             "group's", "-", "Al-Sh"]
    for text in texts:
        ann = Annotated(Document(text=text))
        for word in words + text.split()[:12]:
            plain = re.search(r"(?<![\w-])" + re.escape(word.lower()) + r"(?![\w-])", text) is not None
            assert _lower_in(ann, word) == plain, (text, word)


# --- scorer: the stance reader's trigger of a model candidate -------------------------------------

def test_word_char_is_the_regex_word_class():
    import sys

    from factionmap.extract.scoring.scorer import _word_char

    everything = "".join(chr(u) for u in range(sys.maxunicode + 1) if not 0xD800 <= u <= 0xDFFF)
    assert "".join(re.findall(r"\w", everything)) == "".join(c for c in everything if _word_char(c))


def test_last_word_matches_the_regex():
    from factionmap.extract.scoring.scorer import _LAST_WORD, last_word

    gaps = _fuzz(7, 400) + [" pledged allegiance to the ", " - ", "", " rebels' ", "’s - ", "x", " ' ", "--a--"]
    for gap in gaps:
        text = "«" + gap + "»"
        for start, end in ((1, len(text) - 1), (0, len(text)), (2, len(text) - 2)):
            if start > end:
                continue
            m = _LAST_WORD.search(text, start, end)
            assert last_word(text, start, end) == ((m.start(), m.end()) if m else None), (text, start, end)


# --- word classes, stance and short forms: the ninth round's fast paths ---------------------------

def test_word_classes_by_lead_match_the_scan_over_every_prefix():
    """A word is tried only against the prefixes that begin as it does: the same classes, in the same
    order, as trying every prefix (longest first)."""
    from factionmap.extract.scoring.word_classes import WordClasses, word_classes

    def plain(wc: WordClasses, word: str) -> tuple[str, ...]:
        out = list(wc.exact.get(word, ()))
        for p, name in wc.prefixes:
            if word.startswith(p) and name not in out:
                out.append(name)
        return tuple(out)

    invented = WordClasses({"fight": ["fight*", "clash", "comb*"], "hold": ["hol*", "holding", "ho*"],
                            "short": ["a*", "ab*"], "joint": ["combat*", "hold"]})
    shipped = word_classes("en")
    words = ["fighters", "fight", "fig", "f", "", "combatants", "comb", "holding", "hold", "ho", "h", "a", "ab",
             "abc", "clash", "clashes"] + [w.lower() for w in TEXT.split()] + _fuzz(5, 300)
    for wc in (invented, shipped):
        for word in words + [p for p, _ in wc.prefixes] + [p[:-1] for p, _ in wc.prefixes]:
            assert wc(word) == plain(wc, word), word


def test_modifiers_read_the_last_three_words_as_split_gives_them():
    from factionmap.extract.stance import _STOP

    from factionmap.extract import stance

    def plain(before: str) -> str:
        out: list[str] = []
        for w in reversed(before.split()[-3:]):
            if w.lower().strip(",;:") in _STOP or re.search(r"[,;:.)]$", w):
                break
            out.insert(0, w)
        return " ".join(out) + " "

    for before in _fuzz(13, 400) + [TEXT, "  the alleged ", "three suspected", "", " ", "x\ty\u2003z\nw "]:
        assert stance._modifiers(before) == plain(before), before


def test_short_form_reads_every_name_of_a_group():
    """"the Brigade" after a group whose other name ends in "Brigade" is that group's short form; a person's
    name ending so is not a group's."""
    from factionmap.model import Alias, Entity, EntityType

    ann = Annotated(Document(text="x"))
    ann.entities["g"] = Entity("Northern Hills Front", EntityType.ORG, aliases=[Alias("Lakeside Brigade")], key="g")
    ann.entities["p"] = Entity("Tomas Corvin", EntityType.PERSON, key="p")
    assert Parser._short_form(ann, "Brigade") and Parser._short_form(ann, "front")
    assert not Parser._short_form(ann, "Corvin") and not Parser._short_form(ann, "Hills")
