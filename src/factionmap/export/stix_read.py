"""Read and check a STIX 2.1 bundle before anything is imported.

Every problem raises ImportFormatError naming the file and the object: not JSON, not a bundle, a
spec version other than 2.1, an object without type or id, an unknown object type (a type outside
STIX 2.1 that no extension definition declares), an object the `stix2` library rejects, or a
reference (source_ref, target_ref, object_refs, created_by_ref, a citation's report_ref) to an
object the bundle does not hold.
"""
from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import stix2
import stix2.exceptions
import stix2.registry

from ..errors import ImportFormatError

ID_RE = re.compile(r"^[a-z][a-z0-9-]+--[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$")
_MAPS = stix2.registry.STIX2_OBJ_MAPS["2.1"]
STIX_TYPES = frozenset(_MAPS["objects"]) | frozenset(_MAPS["observables"])
NEW_TYPE_EXTENSIONS = frozenset({"new-sdo", "new-sco", "new-sro"})
SCO_TYPES = frozenset(_MAPS["observables"])


def load_bundle(path: str | Path) -> dict[str, dict[str, Any]]:
    """The bundle's objects by id, in file order, once every check has passed."""
    where = str(path)
    try:
        with open(path, encoding="utf-8") as fh:
            data = json.load(fh)
    except FileNotFoundError:
        raise ImportFormatError(f"{where}: no such file") from None
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        raise ImportFormatError(f"{where}: not JSON ({exc})") from None
    return check_bundle(data, where)


def check_bundle(data: Any, where: str = "<bundle>") -> dict[str, dict[str, Any]]:
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
        by_id[obj["id"]] = obj
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
    try:
        stix2.parse(obj, allow_custom=True, version="2.1")
    except (stix2.exceptions.STIXError, ValueError, TypeError) as exc:
        raise ImportFormatError(f"{where}: {oid} is not valid STIX 2.1: {exc}") from None


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
