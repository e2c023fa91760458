"""Markdown (.md): YAML front matter to metadata, headings to sections, markup stripped to plain text.

The stored text is the stripped, readable text (headings without `#`, links reduced to their words,
emphasis and code marks removed, fences and link definitions dropped); every offset refers to it.
Front matter keys are those of `metadata.KEYS` (plus `date`, `authors`); other keys (tags, layout…)
are ignored, but a known key with a bad value is an error.
"""
from __future__ import annotations

import re

import yaml

from ..errors import IngestError
from ..model import Document
from .detect import decode
from .header import read_header
from .metadata import apply, kind_for_publisher, validate
from .sections import MAX_HEADING, sections_from_headings

_FRONT = re.compile(r"\A---[ \t]*\r?\n(?P<yaml>.*?)(?:\r?\n)?(?:---|\.\.\.)[ \t]*(?:\r?\n|\Z)", re.S)
_ATX = re.compile(r"^ {0,3}(?P<marks>#{1,6})\s+(?P<title>.*?)\s*#*\s*$")
_SETEXT = re.compile(r"^ {0,3}(=+|-+)\s*$")
_RULE = re.compile(r"^ {0,3}([-*_])(\s*\1){2,}\s*$")
_FENCE = re.compile(r"^ {0,3}(```|~~~)")
_LINK_DEF = re.compile(r"^ {0,3}\[[^\]]+\]:\s+\S+")
_BULLET = re.compile(r"^(?P<indent>\s*)[-*+]\s+")
_QUOTE = re.compile(r"^\s*(>\s?)+")
_TABLE_RULE = re.compile(r"^\s*\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?\s*$")
# Every pattern bounds how far it looks for its closing mark, so a line of unclosed marks ("**a **a
# **a ...", "[[[[", "<a<a<a") costs linear time, not quadratic.
_SPAN = 500  # the longest emphasis, link text, tag or code span read as markup
_INLINE = [
    (re.compile(r"!\[([^\]\[]{0,%d})\]\([^)(]{0,%d}\)" % (_SPAN, _SPAN)), r"\1"),
    (re.compile(r"\[\^[^\]\[]{1,%d}\]" % _SPAN), ""),
    (re.compile(r"\[([^\]\[]{1,%d})\]\([^)(]{0,%d}\)" % (_SPAN, _SPAN)), r"\1"),
    (re.compile(r"\[([^\]\[]{1,%d})\]\[[^\]\[]{0,%d}\]" % (_SPAN, _SPAN)), r"\1"),
    (re.compile(r"<(https?://[^>< ]{1,%d})>" % (_SPAN * 4)), r"\1"),
    (re.compile(r"</?[A-Za-z][^><]{0,%d}>" % _SPAN), ""),
    (re.compile(r"(`+)([^`]{1,%d}?)\1(?!`)" % (_SPAN * 4)), r"\2"),
    (re.compile(r"(\*\*|__)(?=\S)(.{1,%d}?)(?<=\S)\1" % _SPAN), r"\2"),
    (re.compile(r"(?<![\w*])\*(?=\S)(.{1,%d}?)(?<=\S)\*(?![\w*])" % _SPAN), r"\1"),
    (re.compile(r"(?<!\w)_(?=\S)(.{1,%d}?)(?<=\S)_(?!\w)" % _SPAN), r"\1"),
    (re.compile(r"~~(.{1,%d}?)~~" % _SPAN), r"\1"),
    (re.compile(r"\\([\\`*_{}\[\]()#+\-.!|>])"), r"\1"),
]


def read_markdown(data: bytes, path: str) -> list[Document]:
    """One Document from the bytes of a Markdown file."""
    source = decode(data, path)
    meta, body = front_matter(source, path)
    text, heads = strip_markdown(body)
    if not text.strip():
        raise IngestError(path, "no text after the front matter")
    head = read_header(text)
    first_h1 = next((title for _, _, title, level in heads if level == 1), None)
    doc = Document(text=text, title=first_h1 or head.title, author=head.author, published=head.published,
                   publisher=head.publisher, source_kind=head.source_kind, path=path, format="md",
                   sections=sections_from_headings(text, heads), infobox=head.infobox)
    apply(doc, meta)
    doc.source_kind = doc.source_kind or kind_for_publisher(doc.publisher)
    return [doc]


def front_matter(source: str, path: str) -> tuple[dict[str, str], str]:
    """Split YAML front matter (validated metadata) from the Markdown body."""
    match = _FRONT.match(source)
    if not match:
        return {}, source
    try:
        raw = yaml.safe_load(match.group("yaml")) or {}
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f"front matter line {mark.line + 2}" if mark is not None else "front matter"
        problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        raise IngestError(path, f"{where}: invalid YAML ({problem})") from None
    if not isinstance(raw, dict):
        raise IngestError(path, "front matter must be a YAML mapping of key: value")
    return validate(raw, f"{path} (front matter)", strict=False, drop_bad_values=True), source[match.end():]


def strip_markdown(body: str) -> tuple[str, list[tuple[int, int, str, int]]]:
    """Plain text from Markdown, and its headings as (line start, line end, title, level)."""
    out: list[str] = []
    heads: list[tuple[int, int, str, int]] = []
    offset = 0
    in_fence = False
    lines = body.splitlines()

    def emit(line: str, level: int = 0) -> None:
        nonlocal offset
        if level:
            heads.append((offset, offset + len(line), line, level))
        out.append(line)
        offset += len(line) + 1

    for i, raw in enumerate(lines):
        if _FENCE.match(raw):
            in_fence = not in_fence
            continue
        if in_fence:
            emit(raw)
            continue
        following = lines[i + 1] if i + 1 < len(lines) else ""
        atx = _ATX.match(raw) if len(raw) <= MAX_HEADING else None
        if atx:
            emit(inline(atx.group("title")), len(atx.group("marks")))
        elif raw.strip() and len(raw) <= MAX_HEADING and _SETEXT.match(following) and not _RULE.match(raw) and not _BULLET.match(raw) \
                and (i == 0 or not lines[i - 1].strip()):
            emit(inline(raw.strip()), 1 if following.strip().startswith("=") else 2)
        elif _SETEXT.match(raw) and i and heads and heads[-1][2] == inline(lines[i - 1].strip()):
            continue  # the underline of a setext heading
        elif _RULE.match(raw) or _LINK_DEF.match(raw) or _TABLE_RULE.match(raw) and "-" in raw:
            emit("")
        else:
            line = _QUOTE.sub("", raw)
            line = _BULLET.sub(lambda m: m.group("indent") + "- ", line)
            emit(inline(line.rstrip()))
    return "\n".join(out), heads


def inline(text: str) -> str:
    """Inline Markdown markup removed: links and images to their words, emphasis and code marks off."""
    text = _drop_comments(text)
    for pattern, repl in _INLINE:
        text = pattern.sub(repl, text)
    return text


def _drop_comments(text: str) -> str:
    """HTML comments removed (found by str.find: an unclosed "<!--" costs one scan, not one per mark)."""
    out, i = [], 0
    while (a := text.find("<!--", i)) >= 0 and (b := text.find("-->", a + 4)) >= 0:
        out.append(text[i:a])
        i = b + 3
    return "".join(out) + text[i:] if out else text
