"""A faster regex with the same matches: a lookahead on the characters a match can start with.

Python's `re` tries a pattern at every position of the text; a pattern that opens with a lookbehind,
a word boundary or a long alternation (a month name, a Hijri month, a fuzzy word) costs a full attempt
at each one. `guarded(pattern)` puts in front a lookahead on the set of characters any match can
start with, computed from the parsed pattern, so most positions fail on one character test. The
lookahead is zero-width and lets through every character a match can start with, so the matches (and
their groups) are exactly the original pattern's. When the set cannot be computed (the pattern can
match the empty string, starts with any character, or uses a construct not handled here), the
pattern is returned as it was.
"""
from __future__ import annotations

import re

try:  # Python >= 3.11
    from re import _constants as _c
    from re import _parser as _p
except ImportError:  # pragma: no cover - Python < 3.11
    import sre_constants as _c  # type: ignore[no-redef]
    import sre_parse as _p  # type: ignore[no-redef]

_CATEGORIES = {
    _c.CATEGORY_DIGIT: r"\d", _c.CATEGORY_NOT_DIGIT: r"\D", _c.CATEGORY_SPACE: r"\s",
    _c.CATEGORY_NOT_SPACE: r"\S", _c.CATEGORY_WORD: r"\w", _c.CATEGORY_NOT_WORD: r"\W",
}
_ZERO_WIDTH = (_c.AT, _c.ASSERT, _c.ASSERT_NOT)


class _Unknown(Exception):
    """The first characters cannot be told (any character, or a construct not handled)."""


def _char(code: int) -> str:
    return f"\\U{code:08x}"


def _class_items(items: list, out: list[str]) -> None:
    for op, av in items:
        if op is _c.LITERAL:
            out.append(_char(av))
        elif op is _c.RANGE:
            out.append(_char(av[0]) + "-" + _char(av[1]))
        elif op is _c.CATEGORY and av in _CATEGORIES:
            out.append(_CATEGORIES[av])
        else:  # NEGATE, a line-break category ...
            raise _Unknown


def _first(seq, icase: bool, cs: list[str], ci: list[str]) -> bool:
    """Adds to `cs` (case-sensitive) and `ci` (case-insensitive) the class items a match of the
    sequence can start with; returns whether the sequence can match the empty string."""
    for op, av in seq:
        if op in _ZERO_WIDTH:
            continue
        if op is _c.LITERAL:
            (ci if icase else cs).append(_char(av))
            return False
        if op is _c.IN:
            _class_items(av, ci if icase else cs)
            return False
        if op is _c.SUBPATTERN:
            _group, add, drop, sub = av
            sub_icase = (icase or bool(add & _c.SRE_FLAG_IGNORECASE)) and not drop & _c.SRE_FLAG_IGNORECASE
            if not _first(sub, sub_icase, cs, ci):
                return False
            continue
        if op is _c.BRANCH:
            nullable = False
            for alt in av[1]:
                nullable |= _first(alt, icase, cs, ci)
            if not nullable:
                return False
            continue
        if op in (_c.MAX_REPEAT, _c.MIN_REPEAT, getattr(_c, "POSSESSIVE_REPEAT", None)):
            lo, _hi, sub = av
            if not _first(sub, icase, cs, ci) and lo > 0:
                return False
            continue
        if op is getattr(_c, "ATOMIC_GROUP", None):
            if not _first(av, icase, cs, ci):
                return False
            continue
        raise _Unknown  # ANY, NOT_LITERAL, GROUPREF, GROUPREF_EXISTS ...
    return True


def start_class(pattern: re.Pattern) -> str | None:
    """A lookahead source matching every character a match of `pattern` can start with, or None."""
    if not isinstance(pattern.pattern, str) or pattern.flags & (re.VERBOSE | re.LOCALE):
        return None
    try:
        tree = _p.parse(pattern.pattern, pattern.flags)
        cs: list[str] = []
        ci: list[str] = []
        if _first(tree.data, bool(tree.state.flags & _c.SRE_FLAG_IGNORECASE), cs, ci):
            return None  # can match the empty string: it may start anywhere
    except (_Unknown, re.error, RecursionError, TypeError, ValueError):
        return None
    parts = ([f"[{''.join(dict.fromkeys(cs))}]"] if cs else []) + \
        ([f"(?i:[{''.join(dict.fromkeys(ci))}])"] if ci else [])
    return "|".join(parts) or None


def guarded(pattern: re.Pattern) -> re.Pattern:
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

