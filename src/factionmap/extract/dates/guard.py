"""A faster regex with the same matches: a lookahead on the characters a match can start with.

Python's `re` tries a pattern at every position of the text; a pattern that opens with a lookbehind,
a word boundary or a long alternation (a month name, a Hijri month, a fuzzy word) costs a full attempt
at each one. `guarded(pattern)` puts in front a lookahead on the set of characters any match can
start with, so most positions fail on one character test. The lookahead is zero-width and lets
through every character a match can start with, so the matches (and their groups) are exactly the
original pattern's.

The set is read from the pattern's source by the small reader below (public means only: no use of
`re`'s private parser). It knows the syntax the date rules are written in: literals and escapes,
character classes, groups (capturing, named, non-capturing, scoped flags, atomic), lookarounds,
alternation and quantifiers. When the set cannot be told (the pattern can match the empty string,
starts with any character, a negated class or a backreference, or uses a construct not handled
here), the pattern is returned as it was: slower, never different.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

_CATEGORIES = frozenset("dDsSwW")  # \d \D \s \S \w \W: kept as they are written
_ESCAPES = {"a": 7, "f": 12, "n": 10, "r": 13, "t": 9, "v": 11, "\\": 92}
_HEX = {"x": 2, "u": 4, "U": 8}
_OCT = "01234567"
_QUANTIFIER = re.compile(r"\{(\d*)(,\d*)?\}")
_FLAGS = re.compile(r"\?([aiLmsux]*)(?:-([imsx]*))?([:)])")


class _Unknown(Exception):
    """The first characters cannot be told (any character, or a construct not handled)."""


# The pattern read as a tree: what a match can start with is all the guard needs from it.

@dataclass
class _Chars:
    """One character from a set: class items in lookahead syntax ("\\U00000041", "a-z" ranges, "\\d")."""
    items: list[str]


@dataclass
class _ZeroWidth:
    """A lookaround, a boundary, an anchor, a comment, global flags: consumes nothing."""


@dataclass
class _Opaque:
    """A construct whose first characters are not told (".", a negated class, a backreference)."""


@dataclass
class _Group:
    alternatives: list[list[_Node]]
    icase: bool | None = None  # a scoped (?i:...) or (?-i:...); None: as around it


@dataclass
class _Repeat:
    node: _Node
    least: int


_Node = _Chars | _ZeroWidth | _Opaque | _Group | _Repeat


def _char(code: int) -> str:
    return f"\\U{code:08x}"


@dataclass
class _Reader:
    src: str
    i: int = 0
    _chars: list[str] = field(default_factory=list)

    def more(self) -> bool:
        return self.i < len(self.src)

    def peek(self) -> str:
        return self.src[self.i] if self.i < len(self.src) else ""

    def take(self) -> str:
        if self.i >= len(self.src):
            raise _Unknown
        c = self.src[self.i]
        self.i += 1
        return c

    def alternatives(self) -> list[list[_Node]]:
        alts: list[list[_Node]] = [[]]
        while self.more() and self.peek() != ")":
            if self.peek() == "|":
                self.i += 1
                alts.append([])
                continue
            alts[-1].append(self.quantified(self.atom()))
        return alts

    def quantified(self, node: _Node) -> _Node:
        c = self.peek()
        if c in ("?", "*", "+"):
            self.i += 1
            least = 1 if c == "+" else 0
        elif c == "{" and (m := _QUANTIFIER.match(self.src, self.i)) and m.group() != "{}":
            self.i = m.end()
            least = int(m.group(1) or 0)
        else:
            return node
        if self.peek() in ("?", "+"):  # lazy or possessive: the same first characters
            self.i += 1
        if self.peek() in ("?", "*", "+"):
            raise _Unknown  # a repeat of a repeat is not valid Python syntax
        return _Repeat(node, least)

    def group_end(self) -> None:
        if self.take() != ")":
            raise _Unknown

    def atom(self) -> _Node:
        c = self.take()
        if c == "(":
            return self.group()
        if c == "[":
            return self.char_class()
        if c == "\\":
            return self.escape()
        if c == ".":
            return _Opaque()
        if c in "^$":
            return _ZeroWidth()
        if c in "*+?)":
            raise _Unknown  # nothing to repeat / unbalanced: not a pattern `re` compiled
        return _Chars([_char(ord(c))])

    def group(self) -> _Node:
        if self.peek() != "?":
            return self._group_body(None)
        src, i = self.src, self.i
        if src.startswith(("?:", "?>"), i):
            self.i += 2
            return self._group_body(None)
        if src.startswith("?P<", i):
            close = src.find(">", i)
            if close < 0:
                raise _Unknown
            self.i = close + 1
            return self._group_body(None)
        if src.startswith(("?=", "?!", "?<=", "?<!"), i):
            self.i += 3 if src.startswith("?<", i) else 2
            self.alternatives()
            self.group_end()
            return _ZeroWidth()
        if src.startswith("?#", i):
            close = src.find(")", i)
            if close < 0:
                raise _Unknown
            self.i = close + 1
            return _ZeroWidth()
        if src.startswith(("?P=", "?("), i):  # a backreference, a conditional on a group
            close = src.find(")", i)
            if close < 0:
                raise _Unknown
            self.i = close + 1
            if src.startswith("?(", i):
                self.alternatives()
                self.group_end()
            return _Opaque()
        m = _FLAGS.match(src, i)
        if m is None:
            raise _Unknown
        on, off, end = m.group(1), m.group(2) or "", m.group(3)
        if set(on) & set("aLu"):
            raise _Unknown  # the meaning of \w, \d, \s changes inside
        self.i = m.end()
        if end == ")":  # global flags: `re` read them into the pattern's flags
            return _ZeroWidth()
        icase = True if "i" in on else False if "i" in off else None
        return self._group_body(icase)

    def _group_body(self, icase: bool | None) -> _Group:
        alts = self.alternatives()
        self.group_end()
        return _Group(alts, icase)

    def _hex(self, digits: int) -> int:
        text = self.src[self.i:self.i + digits]
        if len(text) != digits or not all(c in "0123456789abcdefABCDEF" for c in text):
            raise _Unknown
        self.i += digits
        return int(text, 16)

    def _named(self) -> int:
        if self.peek() != "{":
            raise _Unknown
        close = self.src.find("}", self.i)
        if close < 0:
            raise _Unknown
        name, self.i = self.src[self.i + 1:close], close + 1
        try:
            return ord(unicodedata.lookup(name))
        except KeyError:
            raise _Unknown from None

    def _octal(self, first: str) -> int:
        digits = first
        while len(digits) < 3 and self.peek() in _OCT and self.peek():
            digits += self.take()
        return int(digits, 8)

    def _literal_escape(self, c: str) -> int:
        """The code of an escaped character that stands for itself or for one code point."""
        if c in _HEX:
            return self._hex(_HEX[c])
        if c == "N":
            return self._named()
        if c in _ESCAPES:
            return _ESCAPES[c]
        if c.isascii() and c.isalnum():
            raise _Unknown
        return ord(c)

    def escape(self) -> _Node:
        c = self.take()
        if c in "AZbB":
            return _ZeroWidth()
        if c in _CATEGORIES:
            return _Chars(["\\" + c])
        if c == "0":
            return _Chars([_char(self._octal(c))])
        if c.isdigit():  # an octal escape of three digits, else a backreference
            rest = self.src[self.i:self.i + 2]
            if c in _OCT and len(rest) == 2 and all(d in _OCT for d in rest):
                self.i += 2
                return _Chars([_char(int(c + rest, 8))])
            while self.peek().isdigit() and self.peek().isascii():
                self.i += 1
            return _Opaque()
        return _Chars([_char(self._literal_escape(c))])

    def _class_member(self, c: str) -> tuple[str, int | None]:
        """A class member: its lookahead syntax and its code (None for a category such as \\d)."""
        if c != "\\":
            return _char(ord(c)), ord(c)
        e = self.take()
        if e in _CATEGORIES:
            return "\\" + e, None
        if e == "b":
            code = 8
        elif e in _OCT:
            code = self._octal(e)
        else:
            code = self._literal_escape(e)
        return _char(code), code

    def char_class(self) -> _Node:
        negate = self.peek() == "^"
        if negate:
            self.i += 1
        items: list[str] = []
        while True:
            c = self.take()
            if c == "]" and items:
                break
            first, lo = self._class_member(c)
            if self.peek() == "-":
                self.i += 1
                c2 = self.take()
                if c2 == "]":
                    items += [first, _char(ord("-"))]
                    break
                second, hi = self._class_member(c2)
                if lo is None or hi is None or hi < lo:
                    raise _Unknown
                items.append(f"{first}-{second}")
            else:
                items.append(first)
        return _Opaque() if negate else _Chars(items)


def _first(seq: list[_Node], icase: bool, cs: list[str], ci: list[str]) -> bool:
    """Adds to `cs` (case-sensitive) and `ci` (case-insensitive) the class items a match of the
    sequence can start with; returns whether the sequence can match the empty string."""
    for node in seq:
        if isinstance(node, _ZeroWidth):
            continue
        if isinstance(node, _Chars):
            (ci if icase else cs).extend(node.items)
            return False
        if isinstance(node, _Group):
            sub_icase = icase if node.icase is None else node.icase
            nullable = False
            for alt in node.alternatives:
                nullable |= _first(alt, sub_icase, cs, ci)
            if not nullable:
                return False
            continue
        if isinstance(node, _Repeat):
            if not _first([node.node], icase, cs, ci) and node.least > 0:
                return False
            continue
        raise _Unknown  # any character, a negated class, a backreference
    return True


def parse(source: str) -> list[list[_Node]]:
    """The pattern's alternatives, read from its source (_Unknown when a construct is not handled)."""
    reader = _Reader(source)
    alts = reader.alternatives()
    if reader.more():  # an unbalanced ")"
        raise _Unknown
    return alts


def start_class(pattern: re.Pattern[str]) -> str | None:
    """A lookahead source matching every character a match of `pattern` can start with, or None."""
    if not isinstance(pattern.pattern, str) or pattern.flags & (re.VERBOSE | re.LOCALE):
        return None
    try:
        cs: list[str] = []
        ci: list[str] = []
        if _first([_Group(parse(pattern.pattern))], bool(pattern.flags & re.IGNORECASE), cs, ci):
            return None  # can match the empty string: it may start anywhere
    except (_Unknown, RecursionError):
        return None
    parts = ([f"[{''.join(dict.fromkeys(cs))}]"] if cs else []) + \
        ([f"(?i:[{''.join(dict.fromkeys(ci))}])"] if ci else [])
    return "|".join(parts) or None


def guarded(pattern: re.Pattern[str]) -> re.Pattern[str]:
    """`pattern` with a lookahead on its possible first characters (the same matches, found faster)."""
    first = start_class(pattern)
    if first is None:
        return pattern
    try:
        fast = re.compile(f"(?={first})(?:{pattern.pattern})", pattern.flags)
    except re.error:  # e.g. global inline flags that must open the pattern
        return pattern
    if fast.groupindex != pattern.groupindex or fast.groups != pattern.groups:
        return pattern
    return fast
