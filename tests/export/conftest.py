"""Fixtures of the export tests: the small store of fixture_store.py, and an empty one."""
from __future__ import annotations

import pytest

from factionmap.store import Store
from tests.export.fixture_store import build_fixture_store


@pytest.fixture
def store(tmp_path) -> Store:
    s = build_fixture_store(tmp_path / "fixture.db")
    yield s
    s.close()


@pytest.fixture
def empty_store(tmp_path) -> Store:
    s = Store(tmp_path / "empty.db")
    yield s
    s.close()
