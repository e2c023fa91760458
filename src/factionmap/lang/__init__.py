"""Language packs: the data one language is read with (its vocabulary, word classes, frames), under
`data/lang/<code>/`. A document is read with the pack of its `language`; a language with no pack is
not read at all (`pack_for` returns None), never read as English.
"""
from __future__ import annotations

import functools
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from ..errors import ConfigError, NoLanguagePack

LANG_DIR = Path(__file__).resolve().parents[1] / "data" / "lang"
DEFAULT = "en"


@dataclass(frozen=True)
class LanguagePack:
    code: str
    path: Path

    def data(self, name: str) -> Any:
        """The pack's `name`.yaml, parsed (cached)."""
        return _load(self.path / f"{name}.yaml")

    def words(self, name: str, key: str) -> tuple[str, ...]:
        """A list of words from the pack's `name`.yaml ("vocabulary", "arabic_article")."""
        data = self.data(name)
        words = data.get(key) if isinstance(data, dict) else None
        if not isinstance(words, list) or not all(isinstance(w, str) for w in words):
            raise ConfigError(f"{self.path / (name + '.yaml')}: {key!r} must be a list of words")
        return tuple(words)


@functools.lru_cache(maxsize=64)
def _load(path: Path) -> Any:
    try:
        return yaml.safe_load(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ConfigError(f"language data missing: {path}") from None
    except yaml.YAMLError as e:
        raise ConfigError(f"{path}: not valid YAML ({e})") from None


def _base(language: str | None) -> str:
    """'en-GB' -> 'en'; '' or None -> the default."""
    code = (language or DEFAULT).strip().lower().replace("_", "-")
    return code.split("-", 1)[0] or DEFAULT


def available() -> list[str]:
    """The codes of the languages that have a pack."""
    return sorted(p.name for p in LANG_DIR.iterdir() if p.is_dir() and (p / "vocabulary.yaml").is_file())


def pack_for(language: str | None) -> LanguagePack | None:
    """The pack a document in `language` (a code such as "en-GB", or a name the pack lists) is read
    with, or None when there is none."""
    code = _base(language)
    if (LANG_DIR / code / "vocabulary.yaml").is_file():
        return LanguagePack(code, LANG_DIR / code)
    for other in available():
        pack = LanguagePack(other, LANG_DIR / other)
        names = pack.data("vocabulary").get("language_names") or []
        if (language or "").strip().lower() in {str(n).lower() for n in names}:
            return pack
    return None


def require_pack(doc: object) -> LanguagePack:
    """The pack `doc` (a Document) is read with; NoLanguagePack when its language has none: a
    document is never read with another language's pack."""
    language = getattr(doc, "language", None)
    pack = pack_for(language)
    if pack is None:
        where = getattr(doc, "path", None) or str(getattr(doc, "id", ""))[:12]
        raise NoLanguagePack(f"{where}: written in {language!r}, which factionmap has no language pack for "
                             f"(it has: {', '.join(available())}); stored, not extracted")
    return pack


def english() -> LanguagePack:
    pack = pack_for("en")
    if pack is None:  # pragma: no cover - the package ships it
        raise ConfigError(f"the English language pack is missing from {LANG_DIR}")
    return pack
