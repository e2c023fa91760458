"""Lines of a text with their offsets, and infobox-style lines ("Name | value |", "- Name: value").

Everything here reads the text and never changes it: a line knows where it starts and ends, and an
`InfoboxField` found in it points at its value inside the text.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from ..model import InfoboxField


@dataclass(frozen=True)
class Line:
    text: str  # the line without its line break
    start: int  # offset of its first character in the whole text
    index: int  # 0-based line number

    @property
    def end(self) -> int:
        return self.start + len(self.text)

    @property
    def stripped(self) -> str:
        return self.text.strip()

    @property
    def blank(self) -> bool:
        return not self.text.strip()


def split_lines(text: str) -> list[Line]:
    """The lines of `text` with their offsets (\\n, \\r\\n and \\r all end a line)."""
    out: list[Line] = []
    for index, match in enumerate(re.finditer(r"[^\r\n]*(?:\r\n|\r|\n)|[^\r\n]+$", text)):
        body = match.group().rstrip("\r\n")
        out.append(Line(body, match.start(), index))
    return out


_SEPARATOR_ROW = re.compile(r"^\s*\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?\s*$")
_PIPE_ROW = re.compile(r"^\s*(?P<name>[^|\n]{1,60}?)\s*\|\s*(?P<value>[^|\n]*?)\s*\|\s*$")
_BULLET = re.compile(r"^\s*[-*•]\s+(?P<name>[A-Z][\w ()/'’&-]{0,39}?)\s*:\s*(?P<value>.*)$")
_PROSE = re.compile(r"\S{2,}[.!?]\s+[A-Z].{40,}|^.{150,}[.!?]\s*$")
_PLAIN = re.compile(r"^(?P<name>[A-Z][\w ()/'’&-]{0,39}?)\s*:\s+(?P<value>\S.*)$")
_NOISE_LEFT = re.compile(r"^(?:[\s,;|·]+|\d+px\b)+")
_NOISE_RIGHT = re.compile(r"[\s,;|·]+$")


def is_separator_row(line: Line) -> bool:
    """A Markdown-style table rule such as `---|---|`."""
    return bool(_SEPARATOR_ROW.match(line.text))


def infobox_row(line: Line, *, plain: bool = True) -> tuple[str, InfoboxField | None] | None:
    """Read an infobox-style line. None when the line is not one.

    Returns the row's shape ("pipe", "bullet", "plain") and the field, which is None for a row
    whose value is empty once image sizes and stray separators are trimmed (e.g. "Flag: 150px").
    `plain` allows the riskier unbulleted "Name: value" shape.
    """
    for shape, pattern, max_words in (("pipe", _PIPE_ROW, 6), ("bullet", _BULLET, 6), ("plain", _PLAIN, 4)):
        if shape == "plain" and not plain:
            continue
        match = pattern.match(line.text)
        if not match:
            continue
        name = match.group("name").strip()
        if shape == "pipe" and not match.group("value").strip():
            return shape, None  # a caption row such as "Arabic: … | |"
        if len(name.split()) > max_words or (shape == "pipe" and ":" in name):
            continue
        if shape == "plain" and _PROSE.search(match.group("value")):
            continue  # "X (Arabic: ...) is a ... . It has ...": a paragraph, not a field
        return shape, _field(name, line.start + match.start("value"), line.start + match.end("value"), line.text,
                             line.start)
    return None


def _field(name: str, start: int, end: int, text: str, base: int) -> InfoboxField | None:
    value = text[start - base:end - base]
    left = _NOISE_LEFT.match(value)
    if left:
        start += left.end()
        value = value[left.end():]
    right = _NOISE_RIGHT.search(value)
    if right:
        end -= len(value) - right.start()
        value = value[:right.start()]
    if not value:
        return None
    return InfoboxField(name=name, value=value, start=start, end=end)
