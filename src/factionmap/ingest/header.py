"""The head of a plain-text document: title line, by-line, revision/publication notes, infobox lines.

Plain text saved from web pages and encyclopedias usually opens with a title, a "By <author>" line
(perhaps with a date or an affiliation), notes such as "From Wikipedia, the free encyclopedia",
"This revision was last edited on …", "Published: …", and, in encyclopedia copies, infobox rows
("Allegiance | Islamic State |", "- Leaders: …"). `read_header` reads them and says where the prose
begins; it never changes the text.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..model import InfoboxField, SourceKind
from .lines import Line, infobox_row, is_separator_row, split_lines
from .metadata import normalize_date

_DATE_WORDS = r"(\d{1,2}\s+[A-Z][a-z]+\s+\d{4}|[A-Z][a-z]+\s+\d{1,2},\s+\d{4}|\d{4}-\d{2}-\d{2})"
_FROM_WIKIPEDIA = re.compile(r"^From (Wikipedia), the free encyclopedia\s*$", re.I)
_OLD_REVISION = re.compile(r"^This is an old revision of this page.*?\bat (?:\d{1,2}:\d{2}, )?" + _DATE_WORDS)
_LAST_EDITED = re.compile(r"^This (?:page|revision) was last (?:edited|modified) on " + _DATE_WORDS)
_REVISION_AS_OF = re.compile(r"^Revision as of (?:\d{1,2}:\d{2}, )?" + _DATE_WORDS)
_DIFF_TAIL = re.compile(r"\(diff\)\s*([^()|]+?)\s*(?:\|\s*)*$")
_NOTE = re.compile(r"^(?P<key>Published|First published|Posted|Date|Dated|Updated|Last updated|Retrieved|"
                   r"Author|Publisher|Source|Title)\s*(?:on\b|:)\s*(?P<rest>.+)$", re.I)
_BYLINE = re.compile(r"^by\s+(?P<rest>\S.*)$", re.I)
_QUOTED_TITLE_BY = re.compile(r"^[“\"‘'](?P<title>.+?)[”\"’']\s*,?\s+by\s+(?P<rest>.+)$", re.I)
_WIKI_TITLE = re.compile(r"^=\s*(?P<title>[^=].*?)\s*=$")
_MD_TITLE = re.compile(r"^#\s+(?P<title>.+?)\s*#*$")
_PARTICLES = {"al", "al-", "el", "el-", "de", "da", "del", "der", "den", "van", "von", "bin", "ibn", "bint",
              "abu", "and", "&", "la", "le", "du", "di", "y", "dos", "das", "ter", "ul", "ud"}
_MONTHS = {"january", "february", "march", "april", "may", "june", "july", "august", "september",
           "october", "november", "december"}
_NAME_TOKEN = re.compile(r"^([a-z]{1,3}-)?[A-ZÀ-ÖØ-ÞĀ-ſ][\w.'’-]*$")  # "Al-Tamimi", "al-Tamimi"
_MAX_HEADER_LINES = 60
_MAX_HEADER_LINE = 2000  # a longer line is prose: the header ends before it


_URL = re.compile(r"https?://[^\s;]+")
# "Title: Hamas (Wikipedia)": a trailing bracket of one to three capitalised words names the publisher
_TITLE_PUBLISHER = re.compile(r"^(?P<title>.+?)\s*\((?P<pub>[A-Z][\w&.'’-]*(?:\s+[A-Z][\w&.'’-]*){0,2})\)\s*$")


def _title_and_publisher(rest: str) -> tuple[str, str | None]:
    m = _TITLE_PUBLISHER.match(rest)
    if m and not any(ch.isdigit() for ch in m.group("pub")):
        title = re.sub(r"\s*\[[^\]]*\]\s*$", "", m.group("title")).strip()  # "[descriptive title; ...]"
        return title or rest, m.group("pub")
    return rest, None


@dataclass
class Header:
    url: str | None = None
    title: str | None = None
    author: str | None = None
    published: str | None = None
    publisher: str | None = None
    source_kind: SourceKind | None = None
    infobox: list[InfoboxField] = field(default_factory=list)
    body_start: int = 0  # offset where the prose begins (the header's lines come before it)


def read_header(text: str) -> Header:
    """Read the metadata that the first lines of `text` give (see the module docstring)."""
    head = Header()
    lines = split_lines(text)
    seen_title_line = False
    for pos, line in enumerate(lines[:_MAX_HEADER_LINES]):
        if line.blank:
            continue
        if len(line.text) > _MAX_HEADER_LINE:
            head.body_start = line.start
            break
        if _note(head, line) or _byline(head, line):
            continue
        if not seen_title_line and _title(head, line, lines, pos):
            seen_title_line = True
            continue
        if head.title and _norm(line.stripped) == _norm(head.title):
            continue  # the title repeated (a page heading, an infobox caption)
        if _infobox(head, line, lines, pos):
            continue
        head.body_start = line.start
        break
    else:
        head.body_start = lines[-1].end if lines else 0
    if head.source_kind is None and len(head.infobox) >= 3 and not head.author:
        head.source_kind = SourceKind.ENCYCLOPEDIA
    return head


def is_note_line(line: str) -> bool:
    """A metadata line of a document's head ("Title: ...", "Source: ...", "Date: ...", "By ...", a
    revision note): about the document, never part of what it states."""
    s = line.strip()
    by = _BYLINE.match(s)
    if by:
        return parse_byline(by.group("rest"))[0] is not None
    return bool(_NOTE.match(s) or _FROM_WIKIPEDIA.match(s) or _OLD_REVISION.match(s)
                or _LAST_EDITED.match(s) or _REVISION_AS_OF.match(s))


def parse_byline(rest: str) -> tuple[str | None, str | None]:
    """("Jane Doe | 3 March 2016") -> ("Jane Doe", "2016-03-03"); affiliations are dropped.

    Returns (None, None) when the words after "By" are not a person's or organisation's name.
    """
    parts = [p.strip() for p in re.split(r"\s+[|·—–-]\s+|\s*;\s*", rest.strip()) if p.strip()]
    if not parts:
        return None, None
    name, extra = parts[0], parts[1:]
    on = re.match(r"^(?P<name>.+?)\s+on\s+(?P<date>.+)$", name)
    if on and normalize_date(on.group("date")):
        name, extra = on.group("name"), [on.group("date"), *extra]
    if "," in name:
        first, remainder = (s.strip() for s in name.split(",", 1))
        name, extra = first, [remainder, *extra]
    if not _is_name(name):
        return None, None
    published = next((iso for iso in map(normalize_date, extra) if iso), None)
    return name, published


def _is_name(words: str) -> bool:
    tokens = words.split()
    if not 1 <= len(tokens) <= 8 or re.search(r"\d", words) or tokens[0].lower() in _MONTHS | {"the"}:
        return False
    named = [t for t in tokens if t.lower() not in _PARTICLES]
    return bool(named) and all(_NAME_TOKEN.match(t) for t in named)


def _note(head: Header, line: Line) -> bool:
    s = line.stripped
    if _FROM_WIKIPEDIA.match(s):
        head.publisher = head.publisher or "Wikipedia"
        head.source_kind = SourceKind.ENCYCLOPEDIA
        return True
    for pattern in (_OLD_REVISION, _LAST_EDITED, _REVISION_AS_OF):
        match = pattern.match(s)
        if match:
            head.published = head.published or normalize_date(match.group(1))
            head.source_kind = SourceKind.ENCYCLOPEDIA
            tail = _DIFF_TAIL.search(s) if pattern is _REVISION_AS_OF else None
            if tail and not head.title:
                head.title = tail.group(1).strip()  # the page's name, glued after the revision links
            return True
    match = _NOTE.match(s)
    if not match:
        return False
    key, rest = match.group("key").lower(), match.group("rest").strip()
    if key == "source" and len(s) <= 4000:  # "Source: <url>; how the text was made ..." may be long
        url = _URL.search(rest)
        if url:
            head.url = head.url or url.group(0).rstrip(".,;)")
        if not url and len(rest) <= 80 and ";" not in rest:
            head.publisher = head.publisher or rest
        return True
    if len(s) > 200:
        return False
    if key in ("author",):
        name, _ = parse_byline(rest)
        head.author = head.author or name
        return name is not None
    if key == "publisher":
        head.publisher = head.publisher or rest
        return True
    if key == "title":
        title, publisher = _title_and_publisher(rest)
        head.title = head.title or title
        head.publisher = head.publisher or publisher
        return True
    if key == "retrieved":
        return normalize_date(rest) is not None
    date_part, _, by = rest.partition(" by ")
    iso = normalize_date(date_part) or normalize_date(re.sub(r"\s*\([^()]*\)\s*$", "", date_part))
    if iso is None:
        return False
    head.published = head.published or iso  # the first date given wins ("Published" precedes "Updated")
    if by:
        name, _ = parse_byline(by)
        head.author = head.author or name
    return True


def _byline(head: Header, line: Line) -> bool:
    match = _BYLINE.match(line.stripped)
    if not match or len(line.stripped) > 160:
        return False
    name, published = parse_byline(match.group("rest"))
    if name is None:
        return False
    head.author = name
    head.published = head.published or published
    return True


def _title(head: Header, line: Line, lines: list[Line], pos: int) -> bool:
    s = line.stripped
    for pattern in (_WIKI_TITLE, _MD_TITLE):
        match = pattern.match(s)
        if match:
            head.title = head.title or match.group("title")
            return True
    quoted = _QUOTED_TITLE_BY.match(s)
    if quoted:
        name, _ = parse_byline(quoted.group("rest"))
        if name:
            head.title = head.title or quoted.group("title").strip()
            head.author = head.author or name
            return True
    if len(s) > 200 or len(s.split()) > 30 or re.search(r"[.,;:]$", s.rstrip("”\"’'")) or infobox_row(line, plain=False):
        return False
    following = _next_filled(lines, pos)
    gap = following is not None and following.index > line.index + 1
    if following is None or gap or _is_meta_line(following):
        head.title = head.title or s
        return True
    return False


def _is_meta_line(line: Line) -> bool:
    s = line.stripped
    notes = (_FROM_WIKIPEDIA, _OLD_REVISION, _LAST_EDITED, _REVISION_AS_OF, _NOTE)
    return bool(_BYLINE.match(s) and parse_byline(s[3:])[0]) or any(p.match(s) for p in notes) \
        or infobox_row(line) is not None


def _infobox(head: Header, line: Line, lines: list[Line], pos: int) -> bool:
    if is_separator_row(line):
        return True
    row = infobox_row(line)
    if row is None:
        return False
    shape, found = row
    if shape == "plain" and not head.infobox:
        following = _next_filled(lines, pos)
        if following is None or infobox_row(following) is None:
            return False  # a lone "Name: value" line is more likely a sentence or a subtitle
    if found is not None:
        head.infobox.append(found)
    return True


def _next_filled(lines: list[Line], pos: int) -> Line | None:
    """The first non-blank line after `pos` (without copying the rest of the lines)."""
    return next((lines[i] for i in range(pos + 1, len(lines)) if not lines[i].blank), None)


def _norm(s: str) -> str:
    return re.sub(r"[\W_]+", " ", s).strip().lower()
