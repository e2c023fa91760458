"""The curated knowledge base: names, aliases and types of groups, people, places and bodies.

Entries are read from YAML files (a list of entries, or a mapping with an `entries` list), each like
``{id, name, type, kind, aliases: [...], acronym_only_when_defined: [...], case_sensitive: [...],
attributes: {...}}``. The KB holds names, never ties.
"""
from __future__ import annotations

import functools
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from ..errors import ConfigError
from ..model import EntityType
from .fold import fold

DEFAULT_DIR = Path(__file__).resolve().parent.parent / "data" / "kb"


@dataclass(frozen=True)
class KBEntry:
    id: str
    name: str
    type: EntityType
    kind: str = ""
    aliases: tuple[str, ...] = ()
    defined_only: tuple[str, ...] = ()  # acronyms matched only once the document defines them
    case_sensitive: frozenset[str] = frozenset()
    attributes: dict = field(default_factory=dict, hash=False, compare=False)

    @property
    def names(self) -> list[str]:
        return list(dict.fromkeys([self.name, *self.aliases]))

    def is_case_sensitive(self, alias: str) -> bool:
        """Short all-capital names (IS, JN, PYD) match only as written, never as ordinary words."""
        if alias in self.case_sensitive:
            return True
        letters = [c for c in alias if c.isalpha()]
        return len(alias) <= 6 and bool(letters) and all(c.isupper() for c in letters)


@dataclass
class KnowledgeBase:
    entries: dict[str, KBEntry]

    def __len__(self) -> int:
        return len(self.entries)

    def get(self, kb_id: str) -> KBEntry | None:
        return self.entries.get(kb_id)

    def by_folded_name(self) -> dict[str, list[str]]:
        """Folded alias -> ids of the entries that carry it (all spellings of the article folded)."""
        out: dict[str, list[str]] = {}
        for e in self.entries.values():
            for n in [*e.names, *e.defined_only]:
                for key in {fold(n), fold(n, all_articles=True)}:
                    if key and e.id not in out.setdefault(key, []):
                        out[key].append(e.id)
        return out


def _as_list(value) -> list[str]:
    if value is None:
        return []
    if isinstance(value, str):
        return [value]
    return [str(v) for v in value if v]


def _entry(raw: dict, where: str) -> KBEntry:
    try:
        etype = EntityType(str(raw["type"]).upper())
        return KBEntry(
            id=str(raw["id"]), name=str(raw["name"]), type=etype, kind=str(raw.get("kind") or ""),
            aliases=tuple(_as_list(raw.get("aliases"))),
            defined_only=tuple(_as_list(raw.get("acronym_only_when_defined"))),
            case_sensitive=frozenset(_as_list(raw.get("case_sensitive"))),
            attributes=dict(raw.get("attributes") or {}),
        )
    except (KeyError, ValueError, TypeError) as exc:
        raise ConfigError(f"{where}: bad knowledge-base entry {raw!r}: {exc}") from None


def load_kb(directory: str | Path | None = None) -> KnowledgeBase:
    """Every entry of every *.yaml file in `directory` (the packaged KB by default)."""
    directory = Path(directory) if directory else DEFAULT_DIR
    entries: dict[str, KBEntry] = {}
    for path in sorted(directory.glob("*.y*ml")):
        with open(path, encoding="utf-8") as fh:
            data = yaml.load(fh, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader)) or []
        if isinstance(data, dict):
            data = data.get("entries") or [v for k, v in data.items() if isinstance(v, list) for v in v]
        for i, raw in enumerate(data):
            if not isinstance(raw, dict):
                raise ConfigError(f"{path}: entry {i} is not a mapping")
            e = _entry(raw, f"{path}#{i}")
            if e.id in entries:
                raise ConfigError(f"{path}: duplicate knowledge-base id {e.id!r}")
            entries[e.id] = e
    return KnowledgeBase(entries)


@functools.lru_cache(maxsize=4)
def default_kb() -> KnowledgeBase:
    return load_kb()
