"""Lists in a document: the section heading above each sentence, and the names that list items give.

Encyclopedia pages list a coalition's member groups, a group's leaders, allies or opponents as bullet
lines under a heading ("== Member groups ==" then "- Victory Bloc", "  - Elite Division (also part of
...)"). An item that opens with a name no other stage found names an entity of its own; the item's
depth says which item (or the document's subject) it hangs under.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from ..model import EntityType
from .state import Annotated, Span

_BULLET = re.compile(r"(?P<indent>[ \t]*)[-*•]\s+(?:[-*•]\s+)*")
# the item's name: up to the first bracket, colon, dash or comma
_ITEM_NAME = re.compile(r"(?P<name>[^()\[\]:;,–—]+?)\s*(?:$|[(\[:;,–—]| - )")
_NAME_WORD = re.compile(r"^(?:[A-Z0-9][\w'’.\-]*|of|the|and|for|al|al-\w+|el|wa|fi|de|del|la|le|du|des|in|bin|ibn|ul)$")
_PEOPLE = re.compile(r"(?i)\b(?:leaders?|leadership|commanders?|founders?|members|people|persons|spokesm[ae]n|"
                     r"emirs?|chiefs?|heads?|officials|figures|militants)\b")
_GROUPS = re.compile(r"(?i)\b(?:groups?|factions?|members?|brigades?|units?|organi[sz]ations?|parties|allies|"
                     r"opponents|enemies|affiliates|branches|components|blocs?|coalitions?|belligerents|"
                     r"participants|forces|militias|movements|structure|subgroups|wings?)\b")


@dataclass(frozen=True)
class Item:
    sentence: int
    depth: int
    parent: int | None  # the sentence of the item it hangs under (None: directly under the heading)


def headings(ann: Annotated) -> list[str]:
    """For each sentence, the text of the section heading above it ("" before the first)."""
    out, current = [], ""
    for s in ann.sentences:
        if s.kind == "heading":
            current = ann.text[s.start:s.end].strip(" =#\t")
        out.append(current)
    return out


def items(ann: Annotated) -> dict[int, Item]:
    """The list items of the document by sentence index, each with its depth and parent item."""
    out: dict[int, Item] = {}
    stack: list[tuple[int, int]] = []  # (indent width, sentence) of the open items
    text = ann.text
    for i, s in enumerate(ann.sentences):
        if s.kind != "list":
            if s.kind in ("heading", "text"):
                stack = []
            continue
        line_start = text.rfind("\n", 0, s.start) + 1
        m = _BULLET.match(text, line_start)
        if not m or m.end() > s.start + 1 and line_start + len(m.group(0)) > s.end:
            continue
        # how far the item is indented: any indent deeper than the open item's (one space, two, four or
        # a second bullet) hangs the item under it
        width = len(m.group("indent").expandtabs(4)) + 2 * (len(re.findall(r"[-*•]", m.group(0))) - 1)
        while stack and stack[-1][0] >= width:
            stack.pop()
        out[i] = Item(i, len(stack), stack[-1][1] if stack else None)
        stack.append((width, i))
    return out


def item_names(ann: Annotated, heading_of: list[str]) -> list[tuple[int, int, EntityType]]:
    """(start, end, type) of the names list items open with, where no mention covers them yet."""
    found = []
    text = ann.text
    for i, s in enumerate(ann.sentences):
        if s.kind != "list":
            continue
        a = s.start
        while a < s.end and text[a] in "-*• \t":
            a += 1
        m = _ITEM_NAME.match(text, a, s.end)
        if not m:
            continue
        name = m.group("name").strip()
        words = name.split()
        if not 1 <= len(words) <= 8 or not (words[0][:1].isupper() or words[0][:1].isdigit()) \
                or not all(_NAME_WORD.match(w) for w in words):
            continue
        b = a + len(name)
        clash = ann.overlapping(a, b)
        if any(not (a <= sp.start and sp.end <= b and sp.end - sp.start < b - a) for sp in clash):
            continue  # a mention as long (or straddling the name): it stands
        heading = heading_of[i]
        if _PEOPLE.search(heading) and len(words) >= 2:
            found.append((a, b, EntityType.PERSON))
        elif _GROUPS.search(heading):
            found.append((a, b, EntityType.ORG))
    return found


def add_item_names(ann: Annotated, local_entity) -> None:
    """Adds the list items' names as mentions (an entity each, by `local_entity(ann, name, type)`)."""
    for a, b, etype in item_names(ann, headings(ann)):
        key = local_entity(ann, ann.text[a:b], etype)
        ann.add_span(Span(a, b, key, ann.entities[key].type, "list"), override=True)
