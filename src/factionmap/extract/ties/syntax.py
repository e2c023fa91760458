"""Checks on the dependency parse, for frames whose subject stands some words before the trigger.

The subject must govern the trigger's clause: the trigger lies inside the subject's phrase, or the
subject is the subject (or possessor) of a word on the path from the trigger up to its clause's
verb, and that path does not pass through another noun (in "two militants affiliated with IS", the
militants are affiliated, not whoever detained them).
"""
from __future__ import annotations

_SUBJ = {"nsubj", "nsubjpass", "csubj", "poss", "appos", "compound", "agent", "expl"}
_CLAUSE_SUBJ = {"nsubj", "nsubjpass", "csubj", "agent", "expl"}
_NOUNS = {"NOUN", "PROPN", "PRON"}


def _token_at(doc, offset: int):
    for t in doc:
        if t.idx <= offset < t.idx + len(t) or t.idx >= offset:
            return t
    return None


def _roots(doc, start: int, end: int) -> list:
    """The tokens of a name whose heads lie outside it (a misparsed name may have several)."""
    toks = [t for t in doc if start <= t.idx < end]
    return [t for t in toks if not (start <= t.head.idx < end) or t.head == t] or toks[-1:]


def clause_agrees(doc, s_start: int, s_end: int, trig: int) -> bool:
    t = _token_at(doc, trig)
    roots = _roots(doc, s_start, s_end)
    if t is None or not roots:
        return True
    return any(_agrees(t, s) for s in roots)


def _agrees(t, s) -> bool:
    while s.dep_ == "conj" and s.head != s:
        s = s.head
    if t in set(s.subtree):
        return True
    node, steps = t, 0
    while steps < 12:
        if s.head == node:
            return s.dep_ in (_SUBJ if node == t else _CLAUSE_SUBJ)
        if node.head == node:
            return False
        parent = node.head
        if node != t and node.pos_ in _NOUNS and node.dep_ not in ("attr", "ROOT"):
            return False
        node, steps = parent, steps + 1
    return False
