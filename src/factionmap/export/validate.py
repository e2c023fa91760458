"""Check a STIX bundle with stix2-validator (3.2.0), as the tests and bench/validate_stix.py do.

Two modes:
- default: every check of the validator; errors must be none, warnings are counted by code;
- strict: warnings are errors, custom object types are refused, every reference must resolve,
  and only the two checks factionmap knowingly departs from are turned off: `uuid-check` (103:
  factionmap's ids are UUIDv5, deterministic, where STIX recommends v4), `relationship-types`
  (202: relation types STIX does not suggest, e.g. allegiance-to) and `region` (223: a place whose
  country factionmap does not know is exported with region "unknown", outside region-ov, because
  STIX requires a location to have a region, a country or coordinates). Custom *properties* stay
  allowed (strict_properties would refuse the documented x_factionmap_* ones).
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from stix2validator import ValidationOptions, validate_string

DOCUMENTED_WARNINGS = {"103": "uuid-check: ids are UUIDv5 (deterministic), STIX suggests v4",
                       "202": "relationship-types: a relation type STIX does not suggest for these objects",
                       "302": "extref-hashes: a URL without a hash (documents synthesized by an import)",
                       "223": "region: a location whose country factionmap does not know (region 'unknown')"}
_CODE = re.compile(r"\{(\d+)\}")


@dataclass
class Validation:
    valid: bool
    errors: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    @property
    def warning_codes(self) -> Counter:
        return Counter((_CODE.search(w).group(1) if _CODE.search(w) else "?") for w in self.warnings)


def validate(text: str, *, strict: bool = False) -> Validation:
    if strict:
        options = ValidationOptions(version="2.1", strict=True, strict_types=True, enforce_refs=True,
                                    disabled="uuid-check,relationship-types,region")
    else:
        options = ValidationOptions(version="2.1", enforce_refs=True)
    result = validate_string(text, options)
    return Validation(bool(result.is_valid), [str(e) for e in result.errors], list(result.warnings or []))
