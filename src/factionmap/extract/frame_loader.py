"""Frames as data: a language pack's `frames.yaml` read, checked and compiled.

A frame is one wording of a tie: a regular expression over a *masked* sentence, where each mention is
written «Xn» (n its index in the sentence; X its kind: G a group or body, S a state, P a person, L a
place, M a mention used as a modifier, "«M3»-led"). The file holds

    patterns:   shared sub-patterns by NAME ({GAP}, {W3}, {THE}, {BRANCH} ...), each a regex (or a
                list of pieces joined), expanded wherever a pattern writes {NAME} (they may use others)
    frames:     the frames, in the order they are tried, each a mapping:
      name        unique; the rule name evidence carries
      relation    the relation it states (factionmap.relations)
      subject     which mentions may stand in its {S} slot: a KINDS key (ACT: a group, state or person)
      object      the same for {O}
      pattern     the regex (or a list of pieces joined): {S} and {O} once each, (?P<t>...) the trigger
      direction   as-written (default) or reversed: the {S} slot holds the tie's object ("X absorbed Y")
      person      the relation instead when the subject is a person (part_of -> member_of)
      stance      a fixed stance (denied: "X has no quarrel with Y")
      flags       clause (the parse must agree that the subject governs the trigger), nominal (a noun
                  phrase, "Y's branch X": never negated, takes no date), lists (the object may open a
                  loose list)
      guards      named checks and readings (GUARDS; extract.ties.lexical holds their code)
      need        a cheap pre-check: a sentence this does not match cannot match the pattern
      examples    at least one: {text, tie: [subject, relation, object]} that the frame must read
      traps       {text} the frame must read nothing from, or {text, not: [subject, relation, object]}
                  a tie it must not read from it

Examples and traps are sentences written for factionmap (never taken from the evaluation documents);
tests/extract/test_frame_examples.py reads each with the tests' knowledge base (tests/fixtures/kb) and
the group-name grammar, so invented names such as "the Desert Front" are names too.

A malformed file is refused with an error that names the frame and the field.
"""
from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from .. import relations as vocab
from ..errors import ConfigError
from ..lang import english
from .regex_words import required_words

#: The mention kinds a slot may take, by the name a frame gives: letters of the mask (ties.mask.kind).
KINDS = {"STA": "S", "ORG": "GS", "GRP": "G", "ACT": "GSP", "PER": "P", "PLC": "LS", "ANY": "GSPL", "MOD": "M"}

#: What each guard a frame may name does (extract.ties.lexical holds their code, by these names).
GUARDS = {
    "not-after-pledge": 'drop the match after "allegiance to ... in": the pledges were made in the place',
    "not-branch-relative": 'drop "X is a branch of Y, which is active in Z": Y is, not X',
    "own-places": '"A in P1, B and C in P2": a place after a name attaches to the nearest name only',
    "place-pairs": '"branches in A (X) and B (Y)": each place with the group after it',
    "place-pairs-as-subjects": '"branches in A (X) and B (Y)": each group after a place is a subject too',
}
FLAGS = ("clause", "nominal", "lists")
DIRECTIONS = ("as-written", "reversed")
STANCES = ("asserted", "reported", "denied")
REQUIRED = ("name", "relation", "subject", "object", "pattern", "examples")
OPTIONAL = ("direction", "person", "stance", "flags", "guards", "need", "traps")
_REF = re.compile(r"\{([A-Z][A-Z0-9_]*)\}")
_SLOT = re.compile(r"\{([SO])\}")


@dataclass(frozen=True)
class Example:
    """A sentence a frame must read `tie` from; as a trap (`trap`), one it must not read `tie` (or, with
    no tie, anything) from."""

    text: str
    tie: tuple[str, str, str] | None = None


@dataclass(frozen=True)
class Frame:
    name: str
    relation: str
    pattern: re.Pattern
    swap: bool = False  # direction: reversed
    person: str | None = None  # relation to use instead when the subject is a person
    stance: str | None = None
    clause: bool = False  # subject and trigger may be words apart: the parse must agree
    nominal: bool = False  # a noun phrase ("IS leader X"): never negated
    lists: bool = False  # the object (or subject) may open a loose list: asides and "of the X coalition" skipped
    need: re.Pattern | None = None  # the cheap pre-check: a sentence without these words cannot match
    guards: tuple[str, ...] = ()  # named checks and readings (GUARDS), never inferred from the frame's name
    subject_kinds: str = KINDS["ANY"]  # the mention kinds the subject may be ("GSP"), from its `subject`
    object_kinds: str = KINDS["ANY"]
    # "s" or "o": the frame opens with that mention and a gap of words before the trigger ({S}{GAP}...)
    lead: str | None = None
    # words one of which any sentence the pattern matches holds (regex_words), read from the pattern
    words: frozenset[str] | None = field(default=None, compare=False)
    examples: tuple[Example, ...] = field(default=(), compare=False)
    traps: tuple[Example, ...] = field(default=(), compare=False)


class FrameFileError(ConfigError):
    """frames.yaml is malformed: the message names the file, the frame and the field."""


def expand(src: str, shared: dict[str, str], where: str = "") -> str:
    """`src` with every {NAME} replaced by the shared sub-pattern's text (recursively)."""
    def sub(m: re.Match, seen: tuple[str, ...] = ()) -> str:
        name = m.group(1)
        if name in ("S", "O"):  # the slots: compile_frame writes them
            return m.group(0)
        if name not in shared:
            raise KeyError(name)
        if name in seen:
            raise RecursionError(name)
        return _REF.sub(lambda n: sub(n, seen + (name,)), shared[name])
    try:
        return _REF.sub(sub, src)
    except KeyError as e:
        raise ValueError(f"unknown sub-pattern {{{e.args[0]}}} (known: {', '.join(shared)}){where}") from None
    except RecursionError as e:
        raise ValueError(f"sub-pattern {{{e.args[0]}}} refers to itself{where}") from None


def compile_frame(name: str, relation: str, src: str, shared: dict[str, str], *, subject: str = "ANY",
                  object: str = "ANY", need: str | None = None, **kw: Any) -> Frame:
    """A frame from its pattern `src` ({S}, {O} and {NAME} references to `shared` sub-patterns)."""
    unknown = [g for g in kw.get("guards", ()) if g not in GUARDS]
    if unknown:
        raise ValueError(f"frame {name!r}: unknown guard(s) {', '.join(unknown)} (known: {', '.join(GUARDS)})")
    opening = re.match(r"\{([SO])\}(?:\{APPOS\})?\{GAP\}", src)
    if opening:
        kw.setdefault("lead", opening.group(1).lower())
    kinds = {"S": KINDS[subject], "O": KINDS[object]}
    body = _SLOT.sub(lambda m: f"(?P<{m.group(1).lower()}>«[{kinds[m.group(1)]}]\\d+»)", src)
    pattern = re.compile(expand(body, shared), re.I)
    return Frame(name, relation, pattern, words=required_words(pattern),
                 need=re.compile(expand(need, shared), re.I) if need is not None else None,
                 subject_kinds=kinds["S"], object_kinds=kinds["O"], **kw)


def _text(value: Any) -> str | None:
    """A pattern written as one string or a list of pieces joined."""
    if isinstance(value, str):
        return value
    if isinstance(value, list) and value and all(isinstance(p, str) for p in value):
        return "".join(value)
    return None


def _tie(value: Any) -> tuple[str, str, str] | None:
    if isinstance(value, list) and len(value) == 3 and all(isinstance(v, str) and v for v in value):
        return (value[0], value[1], value[2])
    return None


def parse_frames(data: Any, path: str | Path = "frames.yaml", relations: set[str] | None = None) -> list[Frame]:
    """The frames of a parsed frames file, checked: a FrameFileError naming the frame and field otherwise."""
    if relations is None:
        relations = set(vocab.RELATIONS)

    def fail(msg: str) -> FrameFileError:
        return FrameFileError(f"{path}: {msg}")

    if not isinstance(data, dict) or not isinstance(data.get("frames"), list):
        raise fail("needs a 'frames' list (and a 'patterns' mapping of shared sub-patterns)")
    shared: dict[str, str] = {}
    for key, value in (data.get("patterns") or {}).items():
        text = _text(value)
        if not isinstance(key, str) or not _REF.fullmatch("{" + str(key) + "}") or text is None:
            raise fail(f"patterns: {key!r} must be an UPPER_CASE name with a regex (a string or a list of pieces)")
        shared[key] = text
    for key, text in shared.items():
        try:
            re.compile(expand(text, shared, f" in sub-pattern {key}"))
        except ValueError as e:
            raise fail(f"patterns: {key}: {e}") from None
        except re.error as e:
            raise fail(f"patterns: {key}: not a valid regex ({e})") from None
    frames: list[Frame] = []
    seen: set[str] = set()
    for n, entry in enumerate(data["frames"]):
        label = f"frame #{n + 1}"
        if not isinstance(entry, dict):
            raise fail(f"{label}: must be a mapping")
        if isinstance(entry.get("name"), str):
            label = f"frame {entry['name']!r}"
        missing = [k for k in REQUIRED if entry.get(k) in (None, "", [])]
        if missing:
            raise fail(f"{label}: missing field(s) {', '.join(missing)}")
        extra = [str(k) for k in entry if k not in REQUIRED + OPTIONAL]
        if extra:
            raise fail(f"{label}: unknown field(s) {', '.join(extra)} (known: {', '.join(REQUIRED + OPTIONAL)})")
        name = entry["name"]
        if not isinstance(name, str) or name in seen:
            raise fail(f"{label}: field 'name' must be a string no other frame has")
        seen.add(name)
        frames.append(_entry(entry, label, shared, relations, path))
    return frames


def _entry(entry: dict, label: str, shared: dict[str, str], relations: set[str], path: str | Path) -> Frame:
    """One frame entry, checked field by field."""
    name = entry["name"]

    def bad(fieldname: str, msg: str) -> FrameFileError:
        return FrameFileError(f"{path}: {label}: field {fieldname!r}: {msg}")

    for key in ("relation", "person"):
        if key in entry and entry[key] not in relations:
            raise bad(key, f"unknown relation {entry[key]!r} (known: {', '.join(sorted(relations))})")
    for key in ("subject", "object"):
        if entry[key] not in KINDS:
            raise bad(key, f"unknown kind {entry[key]!r} (known: {', '.join(KINDS)})")
    direction = entry.get("direction", "as-written")
    if direction not in DIRECTIONS:
        raise bad("direction", f"{direction!r} is not one of {', '.join(DIRECTIONS)}")
    if "stance" in entry and entry["stance"] not in STANCES:
        raise bad("stance", f"{entry['stance']!r} is not one of {', '.join(STANCES)}")
    flags = entry.get("flags") or []
    if not isinstance(flags, list) or any(f not in FLAGS for f in flags):
        raise bad("flags", f"{flags!r}: each flag one of {', '.join(FLAGS)}")
    guards = entry.get("guards") or []
    if not isinstance(guards, list) or any(g not in GUARDS for g in guards):
        raise bad("guards", f"unknown guard in {guards!r} (known: {', '.join(GUARDS)})")
    src = _text(entry["pattern"])
    if src is None:
        raise bad("pattern", "must be a regex: a string, or a list of pieces joined")
    for slot in ("S", "O"):
        if src.count("{" + slot + "}") != 1:
            raise bad("pattern", f"must hold the {{{slot}}} slot exactly once")
    if "(?P<t>" not in src:
        raise bad("pattern", "must mark the trigger words with (?P<t>...)")
    need = _text(entry["need"]) if "need" in entry else None
    if "need" in entry and need is None:
        raise bad("need", "must be a regex: a string, or a list of pieces joined")
    try:
        expand(src, shared, "")
    except ValueError as e:
        raise bad("pattern", str(e)) from None
    if need is not None:
        try:
            re.compile(expand(need, shared, ""), re.I)
        except (ValueError, re.error) as e:
            raise bad("need", f"not a valid regex ({e})") from None
    examples, traps = _examples(entry, bad, relations)
    try:
        return compile_frame(
            name, entry["relation"], src, shared, subject=entry["subject"], object=entry["object"], need=need,
            swap=direction == "reversed", person=entry.get("person"), stance=entry.get("stance"),
            clause="clause" in flags, nominal="nominal" in flags, lists="lists" in flags,
            guards=tuple(guards), examples=tuple(examples), traps=tuple(traps))
    except re.error as e:
        raise bad("pattern", f"not a valid regex ({e})") from None


def _examples(entry: dict, bad: Callable[[str, str], FrameFileError], relations: set[str]
              ) -> tuple[list[Example], list[Example]]:
    """A frame entry's examples and traps, checked."""
    examples = []
    if not isinstance(entry.get("examples", []), list) or not isinstance(entry.get("traps", []), list):
        raise bad("examples" if not isinstance(entry.get("examples", []), list) else "traps", "must be a list")
    for k, ex in enumerate(entry.get("examples", [])):
        tie = _tie(ex.get("tie")) if isinstance(ex, dict) else None
        if not isinstance(ex, dict) or not isinstance(ex.get("text"), str) or tie is None or set(ex) - {"text", "tie"}:
            raise bad("examples", f"item {k + 1} must be {{text: a sentence, tie: [subject, relation, object]}}")
        if tie[1] not in relations:
            raise bad("examples", f"item {k + 1}: unknown relation {tie[1]!r}")
        examples.append(Example(ex["text"], tie))
    traps = []
    for k, ex in enumerate(entry.get("traps") or []):
        tie = _tie(ex.get("not")) if isinstance(ex, dict) else None
        if not isinstance(ex, dict) or not isinstance(ex.get("text"), str) or set(ex) - {"text", "not"} or \
                ("not" in ex and tie is None):
            raise bad("traps", f"item {k + 1} must be {{text: a sentence}} or {{text: ..., not: [subject, "
                               "relation, object]}")
        traps.append(Example(ex["text"], tie))
    return examples, traps


def shared_patterns(data: Any) -> dict[str, str]:
    """The file's shared sub-patterns, each expanded (BRANCH, LEADER ... for code that reuses them)."""
    raw = {k: _text(v) or "" for k, v in (data.get("patterns") or {}).items()}
    return {k: expand(v, raw) for k, v in raw.items()}


def load_frames(path: str | Path | None = None) -> list[Frame]:
    """The frames of a frames file (default: the English pack's), checked and compiled."""
    if path is None:
        pack = english()
        return parse_frames(pack.data("frames"), pack.path / "frames.yaml")
    try:
        data = yaml.safe_load(Path(path).read_text(encoding="utf-8"))
    except OSError as e:
        raise FrameFileError(f"{path}: cannot read the frames ({e})") from None
    except yaml.YAMLError as e:
        raise FrameFileError(f"{path}: not valid YAML ({e})") from None
    return parse_frames(data, path)
