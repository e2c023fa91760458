"""A store made by an earlier version is upgraded when opened for reading (serve, show ...)."""
from __future__ import annotations

from factionmap.store import Store, migrate


def test_opening_an_older_store_upgrades_it(tmp_path):
    from alembic import command

    path = tmp_path / "old.db"
    Store(path).close()
    store = Store(path)
    with store.engine.begin() as conn:
        cfg = migrate.alembic_config(conn)
        command.downgrade(cfg, "0003")  # as the first release with confidences left it
        assert migrate.current_revision(conn) == "0003"
    store.close()
    again = Store(path, create=False)
    with again.engine.connect() as conn:
        assert migrate.current_revision(conn) == migrate.head_revision()
    from factionmap.accounts import users

    with again.engine.connect() as conn:
        assert users.any_active(conn) is False  # the table `serve` reads exists now
