"""JSON read with guards: a nesting depth limit (no RecursionError from a hostile file) and lone
surrogate escapes ("\\ud800") replaced, so every string read can be stored and printed.

    loads(text) -> the value, or JsonTooDeep / json.JSONDecodeError (both ValueErrors)
"""
from __future__ import annotations

import json
import re
from typing import Any

MAX_DEPTH = 100
_STRING = re.compile(r'"(?:[^"\\]|\\.)*"', re.S)
_BRACKET = re.compile(r"[\[\]{}]")
_SURROGATE_ESCAPE = re.compile(r"\\u[dD][89a-fA-F]", re.I)
_LONE_SURROGATE = re.compile("[\ud800-\udfff]")


class JsonTooDeep(ValueError):
    """JSON nested deeper than the limit."""

    def __init__(self, limit: int):
        self.limit = limit
        super().__init__(f"JSON nested more than {limit} levels deep")


def depth(text: str) -> int:
    """How deeply arrays and objects nest in a JSON text (strings do not count), in linear time."""
    if text.count("[") + text.count("{") <= 1:
        return int("[" in text or "{" in text)
    deepest = level = 0
    for bracket in _BRACKET.findall(_STRING.sub("", text)):
        if bracket in "[{":
            level += 1
            deepest = max(deepest, level)
        else:
            level -= 1
    return deepest


def loads(text: str | bytes, *, max_depth: int = MAX_DEPTH) -> Any:
    """`json.loads` that refuses nesting deeper than `max_depth` before parsing."""
    if isinstance(text, bytes):
        text = text.decode("utf-8-sig")
    if text.count("[") + text.count("{") > max_depth and depth(text) > max_depth:
        raise JsonTooDeep(max_depth)
    value = json.loads(text)
    return clean_surrogates(value) if _SURROGATE_ESCAPE.search(text) else value


def clean_surrogates(value: Any) -> Any:
    """Lone UTF-16 surrogates in strings (and keys) replaced by U+FFFD."""
    if isinstance(value, str):
        return _LONE_SURROGATE.sub("\ufffd", value)
    if isinstance(value, list):
        return [clean_surrogates(v) for v in value]
    if isinstance(value, dict):
        return {clean_surrogates(k): clean_surrogates(v) for k, v in value.items()}
    return value


def object_depth(value: Any) -> int:
    """The nesting depth of a parsed JSON value, without recursion."""
    deepest, stack = 0, [(value, 1)]
    while stack:
        item, level = stack.pop()
        if isinstance(item, dict):
            item = list(item.values())
        if isinstance(item, list):
            deepest = max(deepest, level)
            stack.extend((v, level + 1) for v in item if isinstance(v, (list, dict)))
    return deepest
