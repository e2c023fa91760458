"""The curated knowledge base: names, aliases and types of groups, people, places and bodies.

Entries are read from YAML files (a list of entries, or a mapping with an `entries` list), each like
``{id, name, type, kind, aliases: [...], acronym_only_when_defined: [...], case_sensitive: [...],
attributes: {...}, external_ids: {wikidata: Q..}}``. The KB holds names, never ties.

The packaged entries are extended by the user's own folder (`user_kb_dir()`, filled by `factionmap kb
import`): new entries, and entries with `extends: <id>` that add names and external ids to one already known.
"""
from __future__ import annotations

import functools
import os
from dataclasses import dataclass, field, replace
from pathlib import Path

import yaml

from ..errors import ConfigError
from ..model import EntityType
from ..places import gazetteer
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
    external_ids: dict = field(default_factory=dict, hash=False, compare=False)  # scheme -> id (wikidata: Q..)

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
    # entries from a gazetteer (places.gazetteer): their names yield to a longer capitalised name around
    # them ("Santos" in "Juan Manuel Santos", "Ulster" in "Ulster Defence Association")
    weak: frozenset[str] = frozenset()

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
    ext = raw.get("external_ids") or {}
    if not isinstance(ext, dict):
        raise ConfigError(f"{where}: external_ids must be a mapping such as {{wikidata: Q1234}}, not {ext!r}")
    try:
        etype = EntityType(str(raw["type"]).upper())
        return KBEntry(
            id=str(raw["id"]), name=str(raw["name"]), type=etype, kind=str(raw.get("kind") or ""),
            aliases=tuple(_as_list(raw.get("aliases"))),
            defined_only=tuple(_as_list(raw.get("acronym_only_when_defined"))),
            case_sensitive=frozenset(_as_list(raw.get("case_sensitive"))),
            attributes=dict(raw.get("attributes") or {}),
            external_ids={str(k): str(v) for k, v in ext.items() if v},
        )
    except (KeyError, ValueError, TypeError) as exc:
        raise ConfigError(f"{where}: bad knowledge-base entry {raw!r}: {exc}") from None


def user_kb_dir() -> Path:
    """The user's own knowledge-base folder: $FACTIONMAP_KB_DIR, else $XDG_DATA_HOME/factionmap/kb
    (~/.local/share/factionmap/kb)."""
    if os.environ.get("FACTIONMAP_KB_DIR"):
        return Path(os.environ["FACTIONMAP_KB_DIR"])
    data = os.environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
    return Path(data) / "factionmap" / "kb"


def kb_files(directory: str | Path) -> list[Path]:
    return sorted(Path(directory).glob("*.y*ml"))


def _read(path: Path) -> list:
    try:
        with open(path, encoding="utf-8") as fh:
            data = yaml.load(fh, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader)) or []
    except yaml.YAMLError as exc:
        raise ConfigError(f"{path}: not valid YAML: {exc}") from None
    if isinstance(data, dict):
        data = data.get("entries") or [v for k, v in data.items() if isinstance(v, list) for v in v]
    if not isinstance(data, list):
        raise ConfigError(f"{path}: expected a list of entries")
    return data


def _extend(entry: KBEntry, raw: dict, where: str) -> KBEntry:
    """An entry extended by a user's `extends:` entry: more names and external ids, nothing else."""
    ext = raw.get("external_ids") or {}
    if not isinstance(ext, dict):
        raise ConfigError(f"{where}: external_ids must be a mapping such as {{wikidata: Q1234}}")
    names = [str(raw["name"])] if raw.get("name") else []
    aliases = tuple(dict.fromkeys([*entry.aliases, *names, *_as_list(raw.get("aliases"))]))
    return replace(entry, aliases=tuple(a for a in aliases if a != entry.name),
                   external_ids={**entry.external_ids, **{str(k): str(v) for k, v in ext.items() if v}})


def load_kb(directory: str | Path | None = None, *more: str | Path, skip: set[Path] = frozenset()) -> KnowledgeBase:
    """Every entry of every *.yaml file in `directory` (the packaged KB by default), then in each of
    `more` (a user's folders), where `extends: <id>` adds names and external ids to a known entry."""
    directory = Path(directory) if directory else DEFAULT_DIR
    entries: dict[str, KBEntry] = {}
    for folder in (directory, *more):
        for path in kb_files(folder):
            if path in skip:
                continue
            for i, raw in enumerate(_read(path)):
                if not isinstance(raw, dict):
                    raise ConfigError(f"{path}: entry {i} is not a mapping")
                if raw.get("extends"):
                    target = str(raw["extends"])
                    if target not in entries:
                        raise ConfigError(f"{path}#{i}: extends {target!r}, which no knowledge-base entry is")
                    entries[target] = _extend(entries[target], raw, f"{path}#{i}")
                    continue
                e = _entry(raw, f"{path}#{i}")
                if e.id in entries:
                    raise ConfigError(f"{path}: duplicate knowledge-base id {e.id!r}")
                entries[e.id] = e
    return KnowledgeBase(entries)


def with_gazetteer(kb: KnowledgeBase) -> KnowledgeBase:
    """The knowledge base `kb` with the gazetteer's places: new names as new entries, coordinates and ISO
    names for the entries it has. Returns a new KnowledgeBase; `kb` is left as it was."""
    entries = dict(kb.entries)
    taken = kb.by_folded_name()
    states = {str(e.attributes.get("country")): e.id for e in entries.values()
              if e.type is EntityType.PLACE and e.kind == "state" and e.attributes.get("country")}
    for raw in gazetteer.entries():
        names = [raw["name"], *raw["aliases"]]
        if raw["kind"] == "state" and raw["attributes"].get("country") in states:
            eid = states[raw["attributes"]["country"]]
            have = entries[eid]
            more = tuple(n for n in names if fold(n) not in taken)
            attrs = {**{k: v for k, v in raw["attributes"].items() if k in ("lat", "lon")}, **have.attributes}
            entries[eid] = replace(have, aliases=have.aliases + more, attributes=attrs)
            for n in more:
                taken.setdefault(fold(n), [eid])
            continue
        owners = [i for n in names for i in taken.get(fold(n), [])]
        if owners:
            same = entries.get(owners[0])
            if same is not None and same.type is EntityType.PLACE and "lat" not in same.attributes \
                    and fold(same.name) == fold(raw["name"]) and "lat" in raw["attributes"]:
                entries[same.id] = replace(same, attributes={**same.attributes, "lat": raw["attributes"]["lat"],
                                                            "lon": raw["attributes"]["lon"]})
            names = [n for n in names if fold(n) not in taken]
            if fold(raw["name"]) in taken or not names:
                continue
        if raw["id"] in entries:
            continue
        entries[raw["id"]] = KBEntry(id=raw["id"], name=names[0], type=EntityType.PLACE, kind=raw["kind"],
                                     aliases=tuple(names[1:]), case_sensitive=frozenset(names),
                                     attributes=dict(raw["attributes"]))
        for n in names:
            taken.setdefault(fold(n), [raw["id"]])
    return KnowledgeBase(entries, weak=kb.weak | frozenset(e for e in entries if e not in kb.entries))


def kb_folders(kb_dir: str | Path | None = None) -> list[Path]:
    """The folders a knowledge base is read from: `kb_dir` or the packaged one, then the user's (if any)."""
    user = user_kb_dir()
    return [Path(kb_dir) if kb_dir else DEFAULT_DIR, *([user] if user.is_dir() else [])]


def kb_stamp(folders) -> tuple[tuple[str, int, int], ...]:
    """What the files of `folders` are now (path, modification time, size): a cache of anything
    read from them is stale once this changes (`factionmap kb import` run while a server is up)."""
    out = []
    for folder in folders:
        for path in kb_files(folder):
            st = path.stat()
            out.append((str(path), st.st_mtime_ns, st.st_size))
    return tuple(out)


@functools.lru_cache(maxsize=4)
def _default_kb(folders: tuple[Path, ...], stamp: tuple = ()) -> KnowledgeBase:
    return with_gazetteer(load_kb(*folders))


def default_kb() -> KnowledgeBase:
    """The packaged knowledge base with the user's own entries, and the places of the maintained
    gazetteers it does not name (`places.gazetteer`); read again only when a file of its folders changes."""
    folders = tuple(kb_folders())
    return _default_kb(folders, kb_stamp(folders))
