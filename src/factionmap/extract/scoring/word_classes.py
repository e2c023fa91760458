"""Word classes of a language pack (`data/lang/<lang>/word_classes.yaml`): a word's classes are
features beside the word itself, so one wording carries over to its synonyms."""
from __future__ import annotations

import functools
from pathlib import Path

import yaml

from ...errors import ConfigError

LANG_DIR = Path(__file__).resolve().parents[2] / "data" / "lang"


class WordClasses:
    def __init__(self, classes: dict[str, list[str]]):
        self.exact: dict[str, list[str]] = {}
        self.prefixes: list[tuple[str, str]] = []
        for name, words in classes.items():
            for w in words:
                w = str(w).lower()
                if w.endswith("*") and len(w) > 1:
                    self.prefixes.append((w[:-1], name))
                else:
                    self.exact.setdefault(w, []).append(name)
        self.prefixes.sort(key=lambda p: -len(p[0]))
        # the prefixes by their first characters (as many as the shortest prefix has), each list in the order
        # above: a word is tried only against the prefixes that begin as it does
        self._lead = min((len(p) for p, _ in self.prefixes), default=1)
        self._by_lead: dict[str, list[tuple[str, str]]] = {}
        for p, name in self.prefixes:
            self._by_lead.setdefault(p[:self._lead], []).append((p, name))
        self._cache: dict[str, tuple[str, ...]] = {}

    def __call__(self, word: str) -> tuple[str, ...]:
        got = self._cache.get(word)
        if got is None:
            out = list(self.exact.get(word, ()))
            for p, name in self._by_lead.get(word[:self._lead], ()):
                if word.startswith(p) and name not in out:
                    out.append(name)
            got = self._cache[word] = tuple(out)
        return got


@functools.lru_cache(maxsize=8)
def word_classes(lang: str = "en") -> WordClasses:
    path = LANG_DIR / lang / "word_classes.yaml"
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except FileNotFoundError:
        raise ConfigError(f"no word classes for language {lang!r} ({path} is missing)") from None
    if not isinstance(data, dict) or not all(isinstance(v, list) for v in data.values()):
        raise ConfigError(f"{path}: expected a mapping of class name -> list of words")
    return WordClasses(data)
