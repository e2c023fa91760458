"""`factionmap kb import FILE`: knowledge-base entries from a Wikidata export or a plain list.

Read (the format is told by the file's content, not only its suffix):
- a Wikidata export in JSON: entity documents (``{"entities": {"Q1": {...}}}``, a list of them, or one
  a line), or a query service answer (``{"results": {"bindings": [...]}}``): labels and aliases in every
  language the file has, and the QID;
- a CSV file: a Wikidata query's (columns `item` with the QID or its URL, `itemLabel`, `itemAltLabel`
  ...) or a plain list (columns `name`, `aliases`, `type`, `kind`, `wikidata`), aliases split at `|`
  (and at ", " in a query's `...AltLabel` columns);
- a plain YAML list of entries (`name`, `aliases`, `type`, `kind`, `wikidata` or `external_ids`).

Names only, never ties: any other field is ignored. An item whose name is already a knowledge-base
entry's (same type) extends that entry (`extends: <id>`: its names and QID); the others become new
entries. The result is written to a YAML file in the user's knowledge-base folder, atomically; a bad
file raises `KBImportError` saying what and where, and nothing is written.
"""
from __future__ import annotations

import csv
import io
import json
import re
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from ..entity_kinds import kind_for
from ..errors import ConfigError
from ..model import EntityType
from .fold import fold
from .kb import KnowledgeBase, kb_files, load_kb, user_kb_dir

QID = re.compile(r"(?:https?://(?:www\.)?wikidata\.org/(?:entity|wiki)/)?(Q[1-9]\d*)")
_SLUG = re.compile(r"[^a-z0-9]+")
MAX_NAME = 300


class KBImportError(ConfigError):
    """A file `kb import` cannot read: says which file, where in it, and what is wrong."""


@dataclass
class Item:
    name: str
    where: str  # "line 4", "item 2 (Q42)"
    aliases: list[str] = field(default_factory=list)
    type: str | None = None
    kind: str | None = None
    qid: str | None = None


def _qid(value, where: str, path: Path) -> str | None:
    if value in (None, ""):
        return None
    m = QID.fullmatch(str(value).strip())
    if not m:
        raise KBImportError(f"{path}: {where}: {value!r} is not a Wikidata id (Q followed by digits)")
    return m.group(1)


def _clean(names, where: str, path: Path) -> list[str]:
    out: list[str] = []
    for n in names:
        if not isinstance(n, (str, int, float)):
            raise KBImportError(f"{path}: {where}: a name must be text, not {type(n).__name__}")
        n = " ".join(str(n).split())
        if len(n) > MAX_NAME:
            raise KBImportError(f"{path}: {where}: a name longer than {MAX_NAME} characters")
        if n and n not in out:
            out.append(n)
    return out


# -- Wikidata JSON ------------------------------------------------------------------------------------

def _entity_document(obj: dict, where: str, path: Path, lang: str) -> Item:
    qid = _qid(obj.get("id") or obj.get("title"), where, path)
    where = f"{where} ({qid})" if qid else where
    labels = obj.get("labels") or {}
    if not isinstance(labels, dict):
        raise KBImportError(f"{path}: {where}: labels must be a mapping of language to label")
    values = {k: (v.get("value") if isinstance(v, dict) else v) for k, v in labels.items()}
    names = _clean([values[lang]] if values.get(lang) else [], where, path) + _clean(values.values(), where, path)
    aliases_raw = obj.get("aliases") or {}
    if not isinstance(aliases_raw, dict):
        raise KBImportError(f"{path}: {where}: aliases must be a mapping of language to a list of aliases")
    for vals in aliases_raw.values():
        names += _clean([v.get("value") if isinstance(v, dict) else v for v in (vals if isinstance(vals, list) else [vals])],
                        where, path)
    names = list(dict.fromkeys(names))
    if not names:
        raise KBImportError(f"{path}: {where}: no label in any language")
    return Item(names[0], where, names[1:], qid=qid)


def _bindings(rows: list, path: Path) -> list[Item]:
    items: dict[str, Item] = {}
    for i, row in enumerate(rows, 1):
        where = f"result {i}"
        if not isinstance(row, dict):
            raise KBImportError(f"{path}: {where}: not an object")
        flat = {k: (v.get("value") if isinstance(v, dict) else v) for k, v in row.items()}
        items_of(flat, where, path, items)
    return list(items.values())


def items_of(flat: dict, where: str, path: Path, items: dict[str, Item]) -> None:
    """One row of a Wikidata query (JSON binding or CSV): item, itemLabel, itemAltLabel / aliases ..."""
    key = next((k for k in ("item", "qid", "id", "wikidata") if flat.get(k)), None)
    qid = _qid(flat[key], where, path) if key else None
    label = next((flat[k] for k in flat if k.lower().endswith("label") and not k.lower().endswith("altlabel")
                  and flat[k]), None) or flat.get("name")
    alt = [v for k, v in flat.items() if v and (k.lower().endswith("altlabel") or k.lower() in ("alias", "aliases"))]
    aliases = [a for v in alt for a in re.split(r"\s*\|\s*|,\s+", str(v))]
    if not label and qid is None:
        raise KBImportError(f"{path}: {where}: neither a label nor a Wikidata item")
    names = _clean([label] if label else [], where, path) + _clean(aliases, where, path)
    if qid and label and QID.fullmatch(str(label)):  # the service gives the QID as label when it has none
        names = names[1:]
    if not names:
        raise KBImportError(f"{path}: {where}: no name (label or alias) for {qid}")
    item = items.get(qid or f"row:{where}")
    if item is None:
        item = items[qid or f"row:{where}"] = Item(names[0], where, qid=qid)
    item.aliases = list(dict.fromkeys([*item.aliases, *[n for n in names if n != item.name]]))
    item.type = item.type or flat.get("type") or None
    item.kind = item.kind or flat.get("kind") or None


def _json(text: str, path: Path, lang: str) -> list[Item]:
    try:
        data = json.loads(text)
    except json.JSONDecodeError as first:
        data = []
        for line in text.splitlines():  # one entity a line (a dump's lines end in ",")
            line = line.strip().rstrip(",")
            if line in ("", "[", "]"):
                continue
            try:
                data.append(json.loads(line))
            except json.JSONDecodeError:
                raise KBImportError(f"{path}: not JSON: {first.msg} at line {first.lineno} column {first.colno}") from None
    if isinstance(data, dict) and isinstance(data.get("results"), dict):
        rows = data["results"].get("bindings")
        if not isinstance(rows, list):
            raise KBImportError(f"{path}: results.bindings must be a list")
        return _bindings(rows, path)
    if isinstance(data, dict) and isinstance(data.get("entities"), dict):
        data = list(data["entities"].values())
    if isinstance(data, dict):
        data = [data]
    if not isinstance(data, list):
        raise KBImportError(f"{path}: expected Wikidata entities (a list, or {{\"entities\": ...}})")
    out = []
    for i, obj in enumerate(data, 1):
        if not isinstance(obj, dict):
            raise KBImportError(f"{path}: item {i}: not an object")
        if "labels" in obj or "aliases" in obj and isinstance(obj.get("aliases"), dict):
            out.append(_entity_document(obj, f"item {i}", path, lang))
        else:  # a query's answer saved as a plain list of rows
            found: dict[str, Item] = {}
            items_of({k: (v.get("value") if isinstance(v, dict) else v) for k, v in obj.items()}, f"item {i}", path, found)
            out += found.values()
    return out


# -- CSV and YAML -------------------------------------------------------------------------------------

def _csv(text: str, path: Path) -> list[Item]:
    reader = csv.DictReader(io.StringIO(text), delimiter="\t" if path.suffix.lower() == ".tsv" else ",")
    if not reader.fieldnames or not any(f and (f.lower() in ("name", "item", "qid", "id") or f.lower().endswith("label"))
                                        for f in reader.fieldnames):
        raise KBImportError(f"{path}: line 1: expected a header with a name or item column "
                            "(name, aliases, type, kind, wikidata; or a Wikidata query's item, itemLabel)")
    items: dict[str, Item] = {}
    for row in reader:
        where = f"line {reader.line_num}"
        if None in row:
            raise KBImportError(f"{path}: {where}: more fields than the header has")
        flat = {(k or "").strip(): (v or "").strip() for k, v in row.items()}
        if not any(flat.values()):
            continue
        items_of(flat, where, path, items)
    return list(items.values())


def _yaml(text: str, path: Path) -> list[Item]:
    try:
        data = yaml.safe_load(text) or []
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        at = f"line {mark.line + 1} column {mark.column + 1}: " if mark else ""
        raise KBImportError(f"{path}: {at}not valid YAML ({getattr(exc, 'problem', None) or exc})") from None
    if isinstance(data, dict):
        data = data.get("entries") or data.get("items") or []
    if not isinstance(data, list):
        raise KBImportError(f"{path}: expected a list of entries")
    out = []
    for i, raw in enumerate(data, 1):
        where = f"entry {i}"
        if isinstance(raw, str):
            raw = {"name": raw}
        if not isinstance(raw, dict) or not raw.get("name"):
            raise KBImportError(f"{path}: {where}: needs a name")
        ext = raw.get("external_ids") or {}
        if not isinstance(ext, dict):
            raise KBImportError(f"{path}: {where}: external_ids must be a mapping such as {{wikidata: Q1234}}")
        aliases = raw.get("aliases") or []
        aliases = [aliases] if isinstance(aliases, str) else aliases
        if not isinstance(aliases, list):
            raise KBImportError(f"{path}: {where}: aliases must be a list")
        names = _clean([raw["name"], *aliases], where, path)
        out.append(Item(names[0], where, names[1:], type=raw.get("type"), kind=raw.get("kind"),
                        qid=_qid(raw.get("wikidata") or ext.get("wikidata"), where, path)))
    return out


def read_items(path: str | Path, lang: str = "en") -> list[Item]:
    """The items of a Wikidata export or a plain list; the format is told by the content."""
    path = Path(path)
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise KBImportError(f"{path}: cannot read it ({exc.strerror or exc})") from None
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise KBImportError(f"{path}: not UTF-8 text (byte {exc.start})") from None
    head = text.lstrip()[:1]
    if head in ("{", "["):
        items = _json(text, path, lang)
    elif path.suffix.lower() in (".csv", ".tsv") or (path.suffix.lower() not in (".yaml", ".yml") and "," in
                                                      text.split("\n", 1)[0] and ":" not in text.split("\n", 1)[0]):
        items = _csv(text, path)
    else:
        items = _yaml(text, path)
    if not items:
        raise KBImportError(f"{path}: holds no items")
    return items


# -- entries --------------------------------------------------------------------------------------------

def _type(item: Item, default: str | None, path: Path) -> EntityType:
    value = (item.type or default or "").strip().upper()
    try:
        return EntityType(value)
    except ValueError:
        what = f"type {value!r}" if value else "no type"
        raise KBImportError(f"{path}: {item.where}: {what}; give ORG, PERSON or PLACE (a type column, or --type)") from None


def slug(text: str) -> str:
    return _SLUG.sub("-", fold(text, all_articles=True).lower()).strip("-")[:60] or "entry"


def to_entries(items: list[Item], kb: KnowledgeBase, path: Path, default_type: str | None = None,
               default_kind: str | None = None) -> list[dict]:
    """KB entries (dicts as the YAML holds them): new ones, or `extends:` of an entry of the same name."""
    by_name = kb.by_folded_name()
    by_qid = {e.external_ids["wikidata"]: e.id for e in kb.entries.values() if e.external_ids.get("wikidata")}
    out: dict[str, dict] = {}
    for item in items:
        etype = _type(item, default_type, path)
        kind = (item.kind or default_kind or "").strip()
        ext = {"wikidata": item.qid} if item.qid else {}
        same = [by_qid[item.qid]] if item.qid in by_qid else [
            i for n in [item.name, *item.aliases] for i in by_name.get(fold(n), []) if kb.get(i).type is etype]
        if same:
            entry = out.setdefault(f"extends:{same[0]}", {"extends": same[0], "aliases": []})
            entry["aliases"] = list(dict.fromkeys([*entry["aliases"], item.name, *item.aliases]))
            if ext:
                entry["external_ids"] = ext
            continue
        fine = kind or {"PERSON": "person", "PLACE": "region", "ORG": "armed_group"}[etype.value]
        if kind and not _kind_fits(etype, kind):
            raise KBImportError(f"{path}: {item.where}: kind {kind!r} is not a kind of {etype.value}")
        base = f"wd-{item.qid.lower()}" if item.qid else slug(item.name)
        eid, n = base, 2
        while eid in out or kb.get(eid):
            eid, n = f"{base}-{n}", n + 1
        entry = {"id": eid, "name": item.name, "type": etype.value, "kind": fine, "aliases": item.aliases}
        if ext:
            entry["external_ids"] = ext
        out[eid] = entry
    return list(out.values())


def _kind_fits(etype: EntityType, kind: str) -> bool:
    """A kind the knowledge base knows (data/kb/README.md) or an EntityKind, and one of this type."""
    from ..entity_kinds import FINE_KINDS
    from ..model import EntityKind

    coarse = FINE_KINDS.get(kind) or next((k for k in EntityKind if k.value == kind), None)
    return coarse is not None and kind_for(etype, kind) is coarse


def import_file(path: str | Path, kb: KnowledgeBase | None = None, *, into: str | Path | None = None, default_type: str | None = None,
                default_kind: str | None = None, lang: str = "en") -> tuple[Path, list[dict]]:
    """Read `path`, write its entries to `<into>/<file name>.yaml` (the user's KB folder by default),
    replacing what an earlier import of the same file wrote; returns the file and the entries."""
    path = Path(path)
    folder = Path(into) if into else user_kb_dir()
    target = folder / f"{slug(path.stem)}.yaml"
    items = read_items(path, lang)
    if kb is None:  # the packaged entries and the user's, but not what an earlier import of this file wrote
        kb = load_kb(None, folder, skip={target}) if folder.is_dir() else load_kb()
    entries = to_entries(items, kb, path, default_type, default_kind)
    if target.exists() and target not in kb_files(folder):  # pragma: no cover - a folder named like a file
        raise KBImportError(f"{target}: exists and is not a knowledge-base file")
    folder.mkdir(parents=True, exist_ok=True)
    head = (f"# imported by `factionmap kb import` from {path.name}: names, aliases and external ids only\n")
    body = yaml.safe_dump(entries, allow_unicode=True, sort_keys=False, width=110)
    tmp = target.with_name(f".{target.name}.tmp")
    tmp.write_text(head + body, encoding="utf-8")
    tmp.replace(target)
    return target, entries


__all__ = ["Item", "KBImportError", "import_file", "read_items", "to_entries"]
