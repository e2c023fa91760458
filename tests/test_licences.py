"""factionmap is Apache-2.0: every installed dependency's licence must allow that.

Permissive licences and weak copyleft used as an unmodified library (MPL, LGPL) are compatible;
strong copyleft (GPL or AGPL as the only choice) or an unknown licence fails this test.
"""
from __future__ import annotations

import re
from importlib.metadata import distributions

ALLOWED = re.compile(
    r"\b(MIT|BSD|Apache|ISC|PSF|Python Software Foundation|MPL|Mozilla Public|LGPL|Lesser General|"
    r"CNRI|Zlib|CC0|0BSD|Public.Domain|Unlicense|HPND|MIT-CMU|AFL)", re.I,
)
STRONG_COPYLEFT_ONLY = re.compile(r"^\s*(A?GPL|GNU (Affero )?General Public)", re.I)


def licence_of(dist) -> str:
    meta = dist.metadata
    text = meta.get("License-Expression") or ""
    classifiers = [c.split("::")[-1].strip() for c in meta.get_all("Classifier") or [] if c.startswith("License")]
    if not text or text.upper() == "UNKNOWN" or len(text) > 200:
        text = " OR ".join(classifiers) or (meta.get("License") or "")[:200]
    return text


def test_every_dependency_allows_apache_2():
    bad = []
    for dist in distributions():
        name = dist.metadata["Name"]
        if name.lower() == "factionmap":
            continue
        text = licence_of(dist)
        if not ALLOWED.search(text) or STRONG_COPYLEFT_ONLY.search(text) and " OR " not in text.upper():
            bad.append(f"{name}: {text!r}")
    assert bad == [], "dependencies whose licence does not allow Apache-2.0 use:\n" + "\n".join(bad)


def test_the_checker_rejects_gpl_only():
    assert STRONG_COPYLEFT_ONLY.search("GPL-3.0-only")
    assert not ALLOWED.search("Proprietary")
