"""Read and check a STIX 2.1 bundle before anything is imported.

The file is read as a stream (ijson): objects are checked one by one as they come, with a progress
callback on the bytes read, so a 100 MB bundle is never held twice. A UTF-8 byte-order mark is
allowed. An object that appears twice (the same id) is kept in its latest version by `modified`.

Every problem raises ImportFormatError naming the file and the object: not JSON, not a bundle, a
spec version other than 2.1, an object without type or id, nested too deeply, an unknown object type
(a type outside STIX 2.1 that no extension definition declares), an object the `stix2` library
rejects, or a reference (source_ref, target_ref, object_refs, created_by_ref, a citation's
report_ref) to an object the bundle does not hold. The object types factionmap imports (groups,
people, places, relationships, reports) are checked by their required properties here, which is
what `stix2` checks of them, in a fraction of its time; others go through `stix2.parse`.
"""
from __future__ import annotations

import re
from pathlib import Path
from typing import Any, Callable, Iterator

import ijson
from ijson.common import ObjectBuilder

import stix2
import stix2.exceptions
import stix2.registry

from .. import jsonsafe
from ..errors import ImportFormatError, first_line

Progress = Callable[[int, int], None]  # (bytes read, bytes in all)
MAX_DEPTH = 64
_BOM = b"\xef\xbb\xbf"
_TIMESTAMP = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$")
_QUICK = {  # type -> properties it must have (besides type, id, spec_version), for the quick check
    "relationship": ("relationship_type", "source_ref", "target_ref"),
    "intrusion-set": ("name",), "threat-actor": ("name",), "identity": ("name",), "location": (),
    "report": ("name", "published", "object_refs"),
}
_LISTS = ("aliases", "object_refs", "external_references", "threat_actor_types", "report_types", "goals",
          "roles", "sectors", "x_factionmap_citations")

ID_RE = re.compile(r"^[a-z][a-z0-9-]+--[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$")
_MAPS = stix2.registry.STIX2_OBJ_MAPS["2.1"]
STIX_TYPES = frozenset(_MAPS["objects"]) | frozenset(_MAPS["observables"])
NEW_TYPE_EXTENSIONS = frozenset({"new-sdo", "new-sco", "new-sro"})
SCO_TYPES = frozenset(_MAPS["observables"])


def load_bundle(path: str | Path, progress: Progress | None = None) -> dict[str, dict[str, Any]]:
    """The bundle's objects by id, in file order, once every check has passed (read as a stream)."""
    where = str(path)
    try:
        fh = open(path, "rb")
    except FileNotFoundError:
        raise ImportFormatError(f"{where}: no such file") from None
    except OSError as exc:
        raise ImportFormatError(f"{where}: cannot read the file ({exc.strerror or exc})") from None
    with fh:
        total = Path(path).stat().st_size
        if fh.read(3) != _BOM:
            fh.seek(0)
        top: dict[str, Any] = {}
        by_id: dict[str, dict[str, Any]] = {}
        try:
            for i, obj in enumerate(_stream(fh, top)):
                _check_object(obj, i, where)
                _keep_latest(by_id, obj)
                if progress and i % 1000 == 0:
                    progress(fh.tell(), total)
        except jsonsafe.JsonTooDeep as exc:
            raise ImportFormatError(f"{where}: object #{len(by_id)}: {exc}") from None
        except (ijson.JSONError, UnicodeDecodeError, ValueError) as exc:
            raise ImportFormatError(f"{where}: not JSON ({first_line(exc)})") from None
        if progress:
            progress(total, total)
    if top.get("type") != "bundle":
        raise ImportFormatError(f"{where}: not a STIX bundle (the top level needs \"type\": \"bundle\")")
    bundle_id = top.get("id", "bundle")
    if "spec_version" in top:  # STIX 2.0 bundles carried one; 2.1 bundles do not
        raise ImportFormatError(f"{where}: {bundle_id} is STIX {top['spec_version']}; factionmap imports STIX 2.1")
    if top.get("objects") == "not a list":
        raise ImportFormatError(f"{where}: {bundle_id}: \"objects\" is not a list")
    for obj in by_id.values():
        _check_refs(obj, by_id, where)
    return by_id


def _stream(fh, top: dict[str, Any]) -> Iterator[Any]:
    """The items of the top-level "objects" array, one at a time; the other top-level scalars go to `top`."""
    builder: ObjectBuilder | None = None
    depth = 0
    for prefix, event, value in ijson.parse(fh, use_float=True):
        if builder is not None:
            builder.event(event, value)
            depth += event in ("start_map", "start_array")
            depth -= event in ("end_map", "end_array")
            if depth > MAX_DEPTH:
                raise jsonsafe.JsonTooDeep(MAX_DEPTH)
            if depth == 0:
                yield builder.value
                builder = None
        elif prefix == "objects.item":
            if event in ("start_map", "start_array"):
                builder, depth = ObjectBuilder(), 1
                builder.event(event, value)
            else:
                yield value
        elif prefix == "objects" and event not in ("start_array", "end_array"):
            top["objects"] = "not a list"
        elif "." not in prefix and prefix and event in ("string", "number", "boolean", "null"):
            top.setdefault(prefix, value)
        elif prefix == "" and event not in ("start_map", "end_map", "map_key"):
            top["type"] = None  # the top level is not an object


def _keep_latest(by_id: dict[str, dict[str, Any]], obj: dict[str, Any]) -> None:
    """The same id twice: the version with the latest `modified` stays (the first, when equal)."""
    old = by_id.get(obj["id"])
    if old is None or str(obj.get("modified") or "") > str(old.get("modified") or ""):
        by_id[obj["id"]] = obj


def check_bundle(data: Any, where: str = "<bundle>") -> dict[str, dict[str, Any]]:
    """The same checks on a bundle already parsed (a dict)."""
    if not isinstance(data, dict) or data.get("type") != "bundle":
        raise ImportFormatError(f"{where}: not a STIX bundle (the top level needs \"type\": \"bundle\")")
    bundle_id = data.get("id", "bundle")
    if "spec_version" in data:  # STIX 2.0 bundles carried one; 2.1 bundles do not
        raise ImportFormatError(f"{where}: {bundle_id} is STIX {data['spec_version']}; factionmap imports STIX 2.1")
    objects = data.get("objects") or []
    if not isinstance(objects, list):
        raise ImportFormatError(f"{where}: {bundle_id}: \"objects\" is not a list")
    by_id: dict[str, dict[str, Any]] = {}
    for i, obj in enumerate(objects):
        _check_object(obj, i, where)
        _keep_latest(by_id, obj)
    for obj in by_id.values():
        _check_refs(obj, by_id, where)
    return by_id


def _check_object(obj: Any, index: int, where: str) -> None:
    if not isinstance(obj, dict) or not obj.get("type") or not obj.get("id"):
        raise ImportFormatError(f"{where}: object #{index} has no type or id")
    oid, otype = obj["id"], obj["type"]
    if not isinstance(oid, str) or not ID_RE.match(oid) or oid.split("--")[0] != otype:
        raise ImportFormatError(f"{where}: object #{index} ({otype}) has a malformed id {oid!r}")
    version = obj.get("spec_version")
    if version is None and otype not in SCO_TYPES:
        raise ImportFormatError(f"{where}: {oid} has no spec_version (STIX 2.0?); factionmap imports STIX 2.1")
    if version is not None and version != "2.1":
        raise ImportFormatError(f"{where}: {oid} is STIX {version}; factionmap imports STIX 2.1")
    if otype not in STIX_TYPES:
        declared = {e.get("extension_type") for e in (obj.get("extensions") or {}).values() if isinstance(e, dict)}
        if not declared & NEW_TYPE_EXTENSIONS:
            raise ImportFormatError(f"{where}: {oid} has the unknown type {otype!r} (neither STIX 2.1 nor "
                                    "declared by an extension definition)")
        return  # a documented custom type: kept out of the store, not checked further
    for key in ("name", "relationship_type", "description", "identity_class"):
        if key in obj and not isinstance(obj[key], str):
            raise ImportFormatError(f"{where}: {oid} is not valid STIX 2.1: {key} must be a string, "
                                    f"not {type(obj[key]).__name__}")
    if _quick_ok(obj):
        return
    try:
        stix2.parse(obj, allow_custom=True, version="2.1")
    except (stix2.exceptions.STIXError, ValueError, TypeError, RecursionError) as exc:
        raise ImportFormatError(f"{where}: {oid} is not valid STIX 2.1: {first_line(exc)}") from None


def _quick_ok(obj: dict[str, Any]) -> bool:
    """Whether an object of a type factionmap imports has what STIX 2.1 requires of it (else `stix2`
    is asked, and says what is wrong)."""
    needed = _QUICK.get(obj["type"])
    if needed is None or obj.get("spec_version") != "2.1":
        return False
    if not all(isinstance(obj.get(k), str) and _TIMESTAMP.match(obj[k]) for k in ("created", "modified")):
        return False
    if any(obj.get(k) in (None, "", []) for k in needed):
        return False
    if any(k in obj and not isinstance(obj[k], list) for k in _LISTS if k != "aliases"):
        return False
    if obj["type"] == "relationship" and not all(
            isinstance(obj[k], str) and ID_RE.match(obj[k]) for k in ("source_ref", "target_ref")):
        return False
    if obj["type"] == "location" and not any(k in obj for k in ("region", "country", "latitude")):
        return False
    return jsonsafe.object_depth(obj) <= MAX_DEPTH


def _refs(obj: dict[str, Any]) -> list[tuple[str, Any]]:
    out = [(k, obj.get(k)) for k in ("source_ref", "target_ref", "created_by_ref") if obj.get(k)]
    out += [("object_refs", r) for r in obj.get("object_refs") or []]
    out += [("x_factionmap_citations.report_ref", c.get("report_ref"))
            for c in obj.get("x_factionmap_citations") or [] if isinstance(c, dict) and c.get("report_ref")]
    return out


def _check_refs(obj: dict[str, Any], by_id: dict[str, dict[str, Any]], where: str) -> None:
    for prop, ref in _refs(obj):
        if ref not in by_id:
            raise ImportFormatError(f"{where}: {obj['id']} {prop} points at {ref}, which the bundle does not hold")
