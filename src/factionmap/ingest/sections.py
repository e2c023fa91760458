"""Sections of a plain text: `== Heading ==`, `# Heading`, and short title-like lines above prose.

A section's offsets cover its body (the text under the heading, up to the next heading of the same
or a higher level), trimmed of surrounding whitespace.
"""
from __future__ import annotations

import re

from ..model import Section
from .lines import Line, split_lines

_WIKI = re.compile(r"^(?P<marks>={1,6})\s*(?P<title>[^=].*?)\s*(?P=marks)\s*$")
_MARKDOWN = re.compile(r"^(?P<marks>#{1,6})\s+(?P<title>.+?)\s*#*\s*$")
MAX_HEADING = 300  # longer lines are prose: no heading pattern looks at them (linear time on long lines)
KNOWN_HEADINGS = {"references", "notes", "see also", "external links", "further reading", "sources",
                  "bibliography", "footnotes", "citations"}
_PLAIN_LEVEL = 2


def heading_of(line: Line, prev: Line | None, following: Line | None) -> tuple[str, int] | None:
    """(title, level) when `line` is a heading; `prev`/`following` are the neighbouring lines."""
    s = line.stripped
    if len(s) > MAX_HEADING:
        return None
    for pattern in (_WIKI, _MARKDOWN):
        match = pattern.match(s)
        if match:
            return match.group("title"), len(match.group("marks"))
    if _plain_heading(s, prev, following):
        return s, _PLAIN_LEVEL
    return None


def _plain_heading(s: str, prev: Line | None, following: Line | None) -> bool:
    if not 2 <= len(s) <= 80 or len(s.split()) > 12 or "_" in s or " | " in s:
        return False
    if not re.match(r"[A-Z0-9“\"‘'(\[]", s) or not re.search(r"[^\W\d_]{3,}", s):
        return False
    if sum(c.isdigit() for c in s) > 0.3 * len(s):
        return False
    if re.search(r"[.,;:]$", s.rstrip("”\"’'")):
        return False
    if prev is not None and not prev.blank and not re.search(r"[.!?][”\"’')\]]?$", prev.stripped):
        return False
    if following is None or following.blank:
        return False
    return len(following.stripped) >= 120 or s.lower() in KNOWN_HEADINGS


def find_sections(text: str, start: int = 0) -> list[Section]:
    """The sections of `text`, looking for headings from offset `start` on (the header is above it)."""
    lines = split_lines(text)
    heads: list[tuple[Line, str, int]] = []
    following: Line | None = None  # the next non-blank line, walking backwards
    after: list[Line | None] = [None] * len(lines)
    for pos in range(len(lines) - 1, -1, -1):
        after[pos] = following
        if not lines[pos].blank:
            following = lines[pos]
    for pos, line in enumerate(lines):
        if line.start < start or line.blank:
            continue
        prev = lines[pos - 1] if pos and lines[pos - 1].start >= start else None
        found = heading_of(line, prev, after[pos])
        if found:
            heads.append((line, found[0], found[1]))
    return sections_from_headings(text, [(ln.start, ln.end, title, level) for ln, title, level in heads])


def sections_from_headings(text: str, heads: list[tuple[int, int, str, int]]) -> list[Section]:
    """Sections from headings given as (line start, line end, title, level), in text order."""
    stops = [len(text)] * len(heads)
    open_heads: list[int] = []  # headings whose section is still running, levels rising
    for i, (line_start, _, _, level) in enumerate(heads):
        while open_heads and heads[open_heads[-1]][3] >= level:
            stops[open_heads.pop()] = line_start
        open_heads.append(i)
    out: list[Section] = []
    for (_, line_end, title, level), stop in zip(heads, stops):
        body_start, body_end = trim(text, line_end, stop)
        out.append(Section(title=title, level=level, start=body_start, end=body_end))
    return out


def trim(text: str, start: int, end: int) -> tuple[int, int]:
    """Offsets of text[start:end] without its leading and trailing whitespace."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end
