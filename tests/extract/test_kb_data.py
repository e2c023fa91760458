"""Checks on the curated knowledge base (src/factionmap/data/kb/*.yaml).

The knowledge base holds names, aliases and types only -- never ties. These tests guard its shape:
unique ids, allowed types and kinds, no alias claimed by two entries (unless both allow it), no field
that could encode a relation, sane coordinates, and ambiguous short aliases flagged.
"""
from __future__ import annotations

import re
import unicodedata
from collections import defaultdict
from pathlib import Path

import pytest
import yaml

KB_DIR = Path(__file__).resolve().parents[2] / "src" / "factionmap" / "data" / "kb"
KB_FILES = ("groups.yaml", "people.yaml", "places.yaml", "bodies.yaml")

ENTRY_KEYS = {"id", "name", "type", "kind", "aliases", "case_sensitive", "acronym_only_when_defined",
              "shared_aliases", "attributes"}
REQUIRED_KEYS = {"id", "name", "type", "kind", "aliases"}
ATTRIBUTE_KEYS = {"lat", "lon", "country"}
KINDS = {
    "ORG": {"armed_group", "armed_wing", "province", "front", "coalition", "state_coalition", "operations_room", "militia", "party",
            "political_movement", "political_body", "media_outlet", "government", "state_agency", "armed_forces",
            "armed_forces_unit", "military_operation", "international_body", "monitoring_group",
            "private_military_company"},
    "PERSON": {"person"},
    "PLACE": {"state", "region", "admin_region", "district", "city", "town", "village", "landmark"},
}
FILE_TYPES = {"groups.yaml": {"ORG"}, "people.yaml": {"PERSON"}, "places.yaml": {"PLACE"}, "bodies.yaml": {"ORG"}}

# Keys that would make the knowledge base state a tie. The whitelist above already rejects them; this
# list is searched recursively as well, so a relation cannot hide inside `attributes` either.
RELATION_KEYS = {
    "parent", "parents", "parent_org", "allegiance", "allegiance_to", "pledged_to", "leader", "leaders",
    "leader_of", "led_by", "part_of", "member_of", "members", "affiliate", "affiliates", "affiliated_with",
    "branch_of", "province_of", "wing_of", "ally", "allies", "ally_of", "opponent", "opponents", "opposes",
    "enemies", "predecessor", "predecessors", "successor", "successor_of", "split_from", "merged_into",
    "defected_to", "designated_by", "designations", "operates_in", "founded_by", "founder", "relations",
    "ties", "relationships", "sponsor", "sponsors", "backed_by",
}

# Ordinary English words that must never be matched as names unless flagged (case-sensitive or
# defined-acronym only).
COMMON_WORDS = {
    "is", "us", "it", "an", "as", "at", "on", "in", "or", "no", "and", "the", "army", "front", "state",
    "group", "base", "the base", "coalition", "regime", "government", "forces", "brigade", "movement",
    "party", "council", "union", "islamic", "emirate", "caliphate", "province", "militants", "rebels",
    "security forces", "jihadists", "mujahideen", "organization", "organisation", "network", "legion",
    "jihad", "dawn", "storm", "tigers", "sham", "wilayat", "vilayat", "wilayah",
}

SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
ISO2 = re.compile(r"^[A-Z]{2}$")
DOTTED = re.compile(r"^(?:[A-Z]\.){2,}$")
ARTICLE = re.compile(r"(?<![^\s])(?:al|el|ad|adh|an|ar|as|ash|at|ath|az|ul)\s+")


def normalise(name: str) -> str:
    """Fold a name the way the scorer does: case, diacritics, hyphens, apostrophes, the Arabic article."""
    text = unicodedata.normalize("NFKD", name)
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    text = text.casefold()
    text = re.sub(r"['’‘`ʼʻ′]", "", text)
    text = re.sub(r"[-‐‑‒–—_/.,()]", " ", text)
    text = ARTICLE.sub("al ", text)
    return " ".join(text.split())


def load(name: str) -> list[dict]:
    with open(KB_DIR / name, encoding="utf-8") as f:
        data = yaml.safe_load(f)
    assert isinstance(data, list), f"{name} must hold a YAML list of entries"
    return data


@pytest.fixture(scope="module")
def entries() -> list[tuple[str, dict]]:
    return [(name, entry) for name in KB_FILES for entry in load(name)]


def all_names(entry: dict) -> list[str]:
    return [entry["name"], *entry.get("aliases", [])]


def test_files_exist_and_readme_documents_every_field():
    readme = (KB_DIR / "README.md").read_text(encoding="utf-8")
    for name in KB_FILES:
        assert (KB_DIR / name).is_file(), name
    for key in ENTRY_KEYS | ATTRIBUTE_KEYS:
        assert f"`{key}`" in readme, f"README.md does not document `{key}`"
    assert "Apache-2.0" in readme
    assert "no ties" in readme.lower()


def test_size(entries):
    assert 250 <= len(entries) <= 1000


def test_entry_shape(entries):
    for fname, e in entries:
        assert isinstance(e, dict), (fname, e)
        keys = set(e)
        assert REQUIRED_KEYS <= keys, (fname, e.get("id"), REQUIRED_KEYS - keys)
        assert keys <= ENTRY_KEYS, (fname, e["id"], keys - ENTRY_KEYS)
        assert SLUG.match(e["id"]), e["id"]
        assert isinstance(e["name"], str) and e["name"].strip() == e["name"] and e["name"], e["id"]
        assert e["type"] in FILE_TYPES[fname], (fname, e["id"], e["type"])
        assert e["kind"] in KINDS[e["type"]], (e["id"], e["kind"])
        assert isinstance(e["aliases"], list), e["id"]
        for alias in e["aliases"]:
            assert isinstance(alias, str) and alias and alias.strip() == alias, (e["id"], alias)
        exact = all_names(e)
        assert len(exact) == len(set(exact)), (e["id"], [a for a in exact if exact.count(a) > 1])
        for flag in ("case_sensitive", "acronym_only_when_defined", "shared_aliases"):
            values = e.get(flag, [])
            assert isinstance(values, list), (e["id"], flag)
            for v in values:
                assert v in exact, f"{e['id']}: {flag} value {v!r} is not its name or one of its aliases"


def test_ids_unique_across_files(entries):
    seen: dict[str, str] = {}
    for fname, e in entries:
        assert e["id"] not in seen, f"id {e['id']!r} in both {seen[e['id']]} and {fname}"
        seen[e["id"]] = fname


def test_no_field_encodes_a_relation(entries):
    def walk(node, path):
        if isinstance(node, dict):
            for key, value in node.items():
                assert str(key).lower() not in RELATION_KEYS, f"{path}: key {key!r} encodes a relation"
                walk(value, f"{path}.{key}")
        elif isinstance(node, list):
            for item in node:
                walk(item, path)

    for fname, e in entries:
        walk(e, f"{fname}:{e['id']}")
        for key in e.get("attributes") or {}:
            assert key in ATTRIBUTE_KEYS, (e["id"], key)


def test_no_alias_shared_between_entries_without_allowance(entries):
    owners: dict[str, set[str]] = defaultdict(set)
    shared: dict[str, set[str]] = {}
    for _, e in entries:
        shared[e["id"]] = {normalise(a) for a in e.get("shared_aliases", [])}
        for n in all_names(e):
            owners[normalise(n)].add(e["id"])
    clashes = []
    for key, ids in owners.items():
        if len(ids) > 1 and not all(key in shared[i] for i in ids):
            clashes.append((key, sorted(ids)))
    assert not clashes, f"aliases claimed by several entries: {clashes}"


def test_shared_aliases_really_are_shared(entries):
    owners: dict[str, set[str]] = defaultdict(set)
    for _, e in entries:
        for n in all_names(e):
            owners[normalise(n)].add(e["id"])
    for _, e in entries:
        for a in e.get("shared_aliases", []):
            assert len(owners[normalise(a)]) > 1, f"{e['id']}: shared alias {a!r} is not shared; drop the allowance"


def test_ambiguous_short_or_common_aliases_are_flagged(entries):
    for _, e in entries:
        flagged = set(e.get("case_sensitive", [])) | set(e.get("acronym_only_when_defined", []))
        for n in all_names(e):
            if not n.isascii():
                continue
            if DOTTED.match(n):  # U.S., U.K., E.U.: the dots make them unambiguous
                continue
            letters = re.sub(r"[^A-Za-z]", "", n)
            short = len(letters) <= 3
            acronym = n.isupper() and len(letters) <= 5 and " " not in n
            common = normalise(n) in COMMON_WORDS
            if short or acronym or common:
                assert n in flagged, f"{e['id']}: {n!r} is short/ambiguous; list it in case_sensitive or acronym_only_when_defined"


def test_defined_only_acronyms_are_single_tokens(entries):
    for _, e in entries:
        for a in e.get("acronym_only_when_defined", []):
            assert " " not in a and len(a) <= 8, (e["id"], a)


def test_places_have_valid_coordinates_and_countries(entries):
    states = {e["attributes"]["country"] for _, e in entries if e["type"] == "PLACE" and e["kind"] == "state"}
    for _, e in entries:
        attrs = e.get("attributes")
        if e["type"] != "PLACE":
            assert not attrs, f"{e['id']}: only places carry attributes"
            continue
        assert attrs, f"{e['id']}: a place needs lat/lon"
        lat, lon = attrs.get("lat"), attrs.get("lon")
        assert isinstance(lat, (int, float)) and not isinstance(lat, bool) and -90 <= lat <= 90, (e["id"], lat)
        assert isinstance(lon, (int, float)) and not isinstance(lon, bool) and -180 <= lon <= 180, (e["id"], lon)
        country = attrs.get("country")
        if e["kind"] == "state":
            assert isinstance(country, str) and ISO2.match(country), (e["id"], country)
        if country is not None:
            assert isinstance(country, str) and ISO2.match(country), (e["id"], country)
            assert country in states, f"{e['id']}: country {country!r} has no state entry"
    assert len(states) == len([1 for _, e in entries if e["type"] == "PLACE" and e["kind"] == "state"])


@pytest.mark.parametrize("name", ["Iraq", "Syria", "Russia", "United States", "Turkey", "Azerbaijan", "Georgia",
                                  "Afghanistan", "Nigeria", "Somalia", "Yemen", "Libya", "Egypt", "Mali",
                                  "United Kingdom", "France", "Germany"])
def test_core_states_present(entries, name):
    assert any(e["name"] == name and e["kind"] == "state" for _, e in entries)


@pytest.mark.parametrize("a,b", [
    ("Islamic State", "Islamic State of Iraq"),
    ("Islamic State", "Islamic State – Caucasus Province"),
    ("Jabhat al-Nusra", "Hayat Tahrir al-Sham"),
    ("Caucasus Emirate", "Vilayat Dagestan"),
    ("Ansar al-Islam", "Jamaat Ansar al-Islam"),
])
def test_distinct_groups_stay_distinct(entries, a, b):
    ids = {e["name"]: e["id"] for _, e in entries}
    assert a in ids and b in ids and ids[a] != ids[b]


def test_normalise_folds_like_the_scorer():
    assert normalise("Jama'at al-Tawhid wal-Jihad") == normalise("Jamaat Al Tawhid wal Jihad")
    assert normalise("ad-Dawlah al-Islāmīyah") == normalise("al-Dawlah al-Islamiyah")
    assert normalise("Kobanî") == "kobani"
