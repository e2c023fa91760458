"""MediaWiki wikitext (.wiki, .wikitext, .mediawiki), parsed with mwparserfromhell.

The produced plain text starts with the page title (the infobox's `name`, else the lead's first bold
term) and the infobox's parameters rendered as lines "Allegiance: Islamic State", so each
`InfoboxField` points at real text; then the lead and every section under its heading. Links become
their words, references, comments, files, categories and most templates are dropped; list items
become "- item".
"""
from __future__ import annotations

import re

import mwparserfromhell
from mwparserfromhell.nodes import Comment, ExternalLink, HTMLEntity, Heading, Tag, Template, Text, Wikilink

from ..errors import IngestError
from .logs import log
from ..model import Document, InfoboxField, SourceKind
from .detect import decode
from .sections import sections_from_headings

_SKIP_PARAMS = {"name", "image", "image_size", "imagesize", "image_upright", "alt", "caption", "logo",
                "logo_size", "flag", "flag_size", "flag_caption", "flag_alt", "native_name_lang", "colorbar",
                "module", "embed", "map", "map_caption", "website", "footnotes", "notes"}
_LIST_TEMPLATES = {"plainlist", "plain list", "ubl", "unbulleted list", "ubil", "flatlist", "hlist",
                   "bulleted list", "collapsible list", "indented plainlist", "bulletedlist", "unbulletedlist"}
_FLAG_TEMPLATES = {"flag", "flagcountry", "flagu", "flag country", "flag icon link"}
_WRAPPERS = {"small", "nowrap", "nobold", "noitalic", "big", "resize", "abbr"}
_DATE_TEMPLATES = {"start date", "end date", "start date and age", "end date and age", "death date", "birth date"}
_DROPPED_LINKS = re.compile(r"^\s*:?\s*(file|image|category|media)\s*:", re.I)


def read_wikitext(data: bytes, path: str) -> list[Document]:
    """One Document from the bytes of a wikitext page."""
    code = mwparserfromhell.parse(defuse(decode(data, path), path))
    box = next((t for t in code.filter_templates() if _name(t).startswith("infobox")), None)
    fields: list[tuple[str, str]] = []
    title = None
    if box is not None:
        for param in box.params:
            key = str(param.name).strip()
            value = _tidy(render(param.value.nodes, inline=True))
            if key.lower() in ("name", "title") and value:
                title = title or value
            if key.isdigit() or key.lower() in _SKIP_PARAMS or not value:
                continue
            fields.append((key[:1].upper() + key[1:].replace("_", " "), value))
        code.remove(box)
    if title is None:
        bold = re.search(r"'''(.+?)'''", str(code))
        title = _tidy(render(mwparserfromhell.parse(bold.group(1)).nodes, inline=True)) if bold else None
    return [_assemble(path, title, fields, code)]


# mwparserfromhell backtracks over every construct left open, so its time grows with the square of
# their number; a page with more than a few unclosed ones is broken markup, whose openers are read as text.
_UNCLOSED_LIMIT = 20
_PAIRS = (("{{", "}}", "{ {", "templates"), ("{|", "|}", "{ |", "tables"), ("[", "]", "( ", "brackets"),
          ("<ref", "</ref", "&lt;ref", "references"))


def defuse(text: str, path: str) -> str:
    """`text` with the openers of constructs left open many times over made plain text (said in a warning)."""
    for opener, closer, plain, what in _PAIRS:
        unclosed = text.count(opener) - text.count(closer)
        if unclosed > _UNCLOSED_LIMIT * (10 if opener == "[" else 1):
            text = text.replace(opener, plain)
            log.warning("%s: %d %s opened and never closed; their markup is read as text", path, unclosed, what)
    return text


def _assemble(path: str, title: str | None, fields: list[tuple[str, str]], code) -> Document:
    parts: list[str] = []
    offset = 0
    infobox: list[InfoboxField] = []
    heads: list[tuple[int, int, str, int]] = []

    def add(chunk: str) -> int:
        nonlocal offset
        at = offset
        parts.append(chunk)
        offset += len(chunk)
        return at

    if title:
        add(title + "\n")
    for name, value in fields:
        at = add(f"{name}: {value}\n") + len(name) + 2
        infobox.append(InfoboxField(name=name, value=value, start=at, end=at + len(value)))
    for section in code.get_sections(flat=True, include_lead=True):
        nodes = list(section.nodes)
        heading = nodes.pop(0) if nodes and isinstance(nodes[0], Heading) else None
        body = _tidy_block(render(nodes, inline=False))
        if heading is not None:
            name = _tidy(render(heading.title.nodes, inline=True))
            at = add(("\n" if parts else "") + name + "\n\n") + (1 if parts else 0)
            heads.append((at, at + len(name), name, heading.level))
        elif parts and body:
            add("\n")
        if body:
            add(body + "\n")
    text = "".join(parts)
    if not text.strip():
        raise IngestError(path, "no text in the wikitext page")
    return Document(text=text, title=title, path=path, format="wikitext", source_kind=SourceKind.ENCYCLOPEDIA,
                    sections=sections_from_headings(text, heads), infobox=infobox)


def render(nodes, *, inline: bool) -> str:
    """Plain text for wikitext nodes; `inline` renders line breaks and list items as ", "."""
    out: list[str] = []
    for node in nodes:
        if isinstance(node, Text):
            out.append(str(node.value))
        elif isinstance(node, Wikilink):
            if not _DROPPED_LINKS.match(str(node.title)):
                out.append(render((node.text or node.title).nodes, inline=inline))
        elif isinstance(node, ExternalLink):
            out.append(render(node.title.nodes, inline=inline) if node.title else "")
        elif isinstance(node, HTMLEntity):
            out.append(node.normalize())
        elif isinstance(node, Template):
            out.append(_template(node, inline))
        elif isinstance(node, Tag):
            out.append(_tag(node, inline))
        elif isinstance(node, (Comment, Heading)):
            continue
    return "".join(out)


def _template(node: Template, inline: bool) -> str:
    name = _name(node)
    positional = [p.value for p in node.params if not p.showkey]
    if name in _LIST_TEMPLATES:
        items = [_tidy(render(v.nodes, inline=True)) for v in positional]
        return ", ".join(i for i in items if i)
    if name in _FLAG_TEMPLATES | _WRAPPERS and positional:
        return render(positional[0].nodes, inline=inline)
    if name == "lang" and len(positional) > 1:
        return render(positional[1].nodes, inline=inline)
    if name in _DATE_TEMPLATES:
        numbers = [str(v).strip() for v in positional if str(v).strip().isdigit()][:3]
        return "-".join(n.zfill(2) if i else n for i, n in enumerate(numbers))
    if name in ("circa", "c."):
        return "c. " + (str(positional[0]).strip() if positional else "")
    return ""


def _tag(node: Tag, inline: bool) -> str:
    tag = str(node.tag).lower()
    if tag in ("ref", "references", "gallery", "math", "score", "templatestyles"):
        return ""
    if tag == "br":
        return ", " if inline else "\n"
    if tag in ("li", "dt", "dd") and node.wiki_markup:
        return ", " if inline else "- "
    if tag == "table" and node.contents:
        return _table(node)
    return render(node.contents.nodes, inline=inline) if node.contents else ""


def _table(node: Tag) -> str:
    """A wikitable as lines "cell | cell |" (cells before the first row marker form the first row)."""
    rows: list[list[str]] = [[]]
    for child in node.contents.nodes:
        if not isinstance(child, Tag):
            continue
        if str(child.tag).lower() == "tr":
            cells = [c for c in child.contents.nodes if isinstance(c, Tag) and str(c.tag).lower() in ("td", "th")]
            rows.append([_tidy(render(c.contents.nodes, inline=True)) for c in cells if c.contents])
        elif str(child.tag).lower() in ("td", "th") and child.contents:
            rows[0].append(_tidy(render(child.contents.nodes, inline=True)))
    lines = [" | ".join(cells) + " |" for cells in rows if any(cells)]
    return "\n" + "\n".join(lines) + "\n"


def _name(template: Template) -> str:
    return re.sub(r"\s+", " ", str(template.name).replace("_", " ")).strip().lower()


def _tidy(value: str) -> str:
    """One line: whitespace collapsed, empty list slots and stray separators removed."""
    value = re.sub(r"\s+", " ", value.replace("\n*", ", ").replace("\n", ", "))
    value = re.sub(r"(\s*,\s*)+", ", ", value)
    value = re.sub(r"\s+([,.;:)])", r"\1", value)
    return value.strip(" ,;*|")


def _tidy_block(text: str) -> str:
    lines = [re.sub(r"[ \t]+", " ", ln).strip() for ln in text.splitlines()]
    lines = [re.sub(r"\s+([,.;:])", r"\1", ln) for ln in lines]
    out = re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()
    return re.sub(r"^- *$\n?", "", out, flags=re.M)
