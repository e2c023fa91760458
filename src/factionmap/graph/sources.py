"""Source reliability: which publishers and authors are graded A-F, from a YAML configuration file.

```yaml
# factionmap.yaml
sources:
  Wikipedia: C
  "Aymenn Jawad Al-Tamimi": B
```

Grades live in the store (table source_grades) so that every tie is graded the same way whoever
aggregates it; `sync` writes a configuration into the store and says whether anything changed.
Grades set in the app (table source_grade_edits, `set_edit`) win over the configuration's and are
left alone by `sync`.
An author's grade, when given, wins over the publisher's; an ungraded source is F (cannot be judged).
"""
from __future__ import annotations

import os
from pathlib import Path
from typing import Any, Callable, Mapping

import yaml
from sqlalchemy import delete, insert, select
from sqlalchemy.engine import Connection

from ..errors import ConfigError
from ..namefold import fold
from ..store import schema as t
from .grading import DEFAULT_RELIABILITY, RELIABILITY

CONFIG_NAMES = ("factionmap.yaml", "factionmap.yml")


def find_config(path: str | Path | None = None) -> Path | None:
    """The configuration file: the one given, $FACTIONMAP_CONFIG, or ./factionmap.yaml if present."""
    if path:
        return Path(path)
    env = os.environ.get("FACTIONMAP_CONFIG")
    if env:
        return Path(env)
    for name in CONFIG_NAMES:
        if Path(name).is_file():
            return Path(name)
    return None


def load(path: str | Path) -> dict[str, str]:
    """The source -> reliability mapping of a configuration file; ConfigError says what is wrong."""
    try:
        raw = yaml.safe_load(Path(path).read_text(encoding="utf-8")) or {}
    except (OSError, yaml.YAMLError) as exc:
        raise ConfigError(f"{path}: cannot read the configuration ({exc})") from None
    mapping = raw.get("sources", raw) if isinstance(raw, dict) else None
    if not isinstance(mapping, dict):
        raise ConfigError(f"{path}: expected `sources:` mapping publisher or author names to grades A-F")
    return validate(mapping, str(path))


def validate(mapping: Mapping[str, Any], where: str = "sources") -> dict[str, str]:
    out = {}
    for name, letter in mapping.items():
        letter = str(letter).strip().upper()
        if letter not in RELIABILITY or len(letter) != 1:
            raise ConfigError(f"{where}: source {name!r} has grade {letter!r}; expected one of A, B, C, D, E, F")
        out[str(name)] = letter
    return out


def stored(conn: Connection) -> dict[str, str]:
    """Folded source name -> reliability letter, as the store holds them (grades set in the app win)."""
    out = {r[0]: r[1] for r in conn.execute(select(t.source_grades.c.name, t.source_grades.c.reliability))}
    out.update({r[0]: r[1] for r in conn.execute(select(t.source_grade_edits.c.name,
                                                        t.source_grade_edits.c.reliability))})
    return out


def configured(conn: Connection) -> dict[str, str]:
    """Folded source name -> reliability letter, from the configuration file alone."""
    return {r[0]: r[1] for r in conn.execute(select(t.source_grades.c.name, t.source_grades.c.reliability))}


def edited(conn: Connection) -> dict[str, tuple[str, str]]:
    """Grades set in the app: folded name -> (name as written, letter)."""
    return {r[0]: (r[1], r[2]) for r in conn.execute(
        select(t.source_grade_edits.c.name, t.source_grade_edits.c.label, t.source_grade_edits.c.reliability))}


def listing(conn: Connection) -> list[dict[str, Any]]:
    """Every graded source: name as written, letter, and where the grade comes from."""
    configured = {r[0]: (r[1], r[2]) for r in conn.execute(
        select(t.source_grades.c.name, t.source_grades.c.label, t.source_grades.c.reliability))}
    mine = edited(conn)
    out = []
    for key in sorted(configured.keys() | mine.keys()):
        label, letter = mine.get(key) or configured[key]
        out.append({"name": label, "reliability": letter,
                    "origin": "app" if key in mine else "configuration",
                    "configured": configured.get(key, (None, None))[1]})
    return out


def set_edit(conn: Connection, name: str, letter: str | None) -> tuple[str | None, str | None]:
    """Grade one source in the app (None: back to the configuration); returns (before, after)."""
    key = fold(name)
    if not key:
        raise ConfigError(f"source {name!r}: give a publisher or author name")
    before = stored(conn).get(key)
    conn.execute(delete(t.source_grade_edits).where(t.source_grade_edits.c.name == key))
    if letter is not None:
        letter = validate({name: letter})[name]
        conn.execute(insert(t.source_grade_edits).values(name=key, label=name.strip(), reliability=letter))
    return before, stored(conn).get(key)


def sync(conn: Connection, mapping: Mapping[str, str]) -> bool:
    """Make the store's grades these; returns whether they changed (ties then need grading again)."""
    wanted = {fold(k): (k, v) for k, v in validate(mapping).items() if fold(k)}
    if {k: v for k, (_l, v) in wanted.items()} == configured(conn):
        return False
    conn.execute(delete(t.source_grades))
    if wanted:
        conn.execute(insert(t.source_grades),
                     [{"name": k, "label": label, "reliability": v} for k, (label, v) in wanted.items()])
    return True


def rater(grades: Mapping[str, str]) -> Callable[[Mapping[str, Any]], str]:
    """A function row -> reliability letter, from a row's author and publisher."""
    cache: dict[tuple[Any, ...], str] = {}

    def reliability_of(row: Mapping[str, Any]) -> str:
        key = (row["author"], row["publisher"])
        if key not in cache:
            letter = DEFAULT_RELIABILITY
            for name in (row["publisher"], row["author"]):  # the author, more specific, wins
                if name and fold(name) in grades:
                    letter = grades[fold(name)]
            cache[key] = letter
        return cache[key]

    return reliability_of
