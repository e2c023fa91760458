"""Who acts from the command line. A store without users: the person at this machine. A store with
users: `--as NAME` (or $FACTIONMAP_USER) and that user's password ($FACTIONMAP_PASSWORD, or asked
for), checked like a web login, and the same role checks as the web app."""
from __future__ import annotations

import os
import sys
from typing import Callable

import click


def as_option(func: Callable) -> Callable:
    return click.option("--as", "as_user", metavar="NAME", default=lambda: os.environ.get("FACTIONMAP_USER"),
                        help="Act as this user (needed once the store has users; password from "
                             "$FACTIONMAP_PASSWORD or asked for).")(func)


def read_secret(prompt: str, from_stdin: bool = False, env: str | None = None) -> str:
    """A password: from standard input's first line, an environment variable, or typed unseen."""
    if from_stdin:
        line = sys.stdin.readline()
        return line[:-1] if line.endswith("\n") else line
    if env and os.environ.get(env):
        return os.environ[env]
    return click.prompt(prompt, hide_input=True)


def editor(db: str, as_user: str | None):
    from ..accounts import users
    from ..review import Editor, actor_for, local_actor
    from .common import open_store

    store = open_store(db)
    with store.engine.connect() as conn:
        has_users = users.any_active(conn)
    if not has_users:
        return Editor(store, local_actor())
    password = read_secret(f"Password for {as_user}", env="FACTIONMAP_PASSWORD") if as_user else None
    return Editor(store, actor_for(store, as_user, password))
