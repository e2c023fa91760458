"""The language pack's lexicon of speech verbs and hedges, as regex alternations for the stages that
look for them (stance, coreference, discourse). One list each, in `data/lang/<code>/vocabulary.yaml`;
each function reads the pack it is given (the document's, `Annotated.pack`), the English one when none is."""
from __future__ import annotations

import functools
import re

from ..errors import ConfigError
from . import LanguagePack, english


def words_pattern(words: list[str] | tuple[str, ...]) -> str:
    """'thought to' -> 'thought\\s+to', 'speculat*' -> 'speculat\\w*'; longest first."""
    out = []
    for w in sorted(set(words), key=lambda w: (-len(w), w)):
        body = r"\s+".join(re.escape(part) for part in w.rstrip("*").split())
        out.append(body + (r"\w*" if w.endswith("*") else ""))
    return "(?:" + "|".join(out) + ")"


@functools.lru_cache(maxsize=32)
def _verbs(pack: LanguagePack, kinds: tuple[str, ...], after: bool = False) -> tuple[tuple[str, bool], ...]:
    table = pack.data("vocabulary").get("speech_verbs")
    if not isinstance(table, dict):
        raise ConfigError(f"{pack.path}/vocabulary.yaml: 'speech_verbs' must map each verb to its kind and forms")
    out = []
    for lemma, entry in table.items():
        if not isinstance(entry, dict) or not isinstance(entry.get("forms"), list):
            raise ConfigError(f"{pack.path}/vocabulary.yaml: speech verb {lemma!r} needs 'kind' and 'forms'")
        if entry.get("kind") in kinds and (entry.get("after") or not after):
            out.extend((str(f), bool(entry.get("object"))) for f in entry["forms"])
    return tuple(out)


def speech_verbs(*kinds: str, listener: str = "", pack: LanguagePack | None = None) -> str:
    """The forms of the speech verbs of these kinds as one alternation; a verb that takes a listener
    ("told reporters") is followed by `listener` (a pattern for the listener), when given."""
    verbs = _verbs(pack or english(), kinds or ("speech",))
    plain = [f for f, obj in verbs if not (obj and listener)]
    with_object = [f for f, obj in verbs if obj and listener]
    alts = [words_pattern(plain)] + [words_pattern(with_object) + listener] * bool(with_object)
    return "(?:" + "|".join(alts) + ")"


def attribution_verbs(pack: LanguagePack | None = None) -> str:
    """The verbs that close an attribution after what they report (", sources said")."""
    kinds = ("speech", "announce", "deny", "belief")
    return words_pattern([f for f, _ in _verbs(pack or english(), kinds, after=True)])


def hedges(pack: LanguagePack | None = None) -> str:
    return words_pattern((pack or english()).words("vocabulary", "hedges"))
