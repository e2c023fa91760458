"""`factionmap users ...` (accounts and roles) and `factionmap log` (the audit trail)."""
from __future__ import annotations

import sys

import click

from .acting import as_option, editor, read_secret
from .common import db_option, fail_cleanly, open_store

ROLE = click.Choice(["viewer", "analyst", "admin"])


@click.group()
def users() -> None:
    """Accounts: once a store has a user, the web app asks everyone to log in.

    \b
    Roles: viewer (reads), analyst (also reviews ties, edits entities and documents),
    admin (also manages users, source grades and uploads).
    The first user is added by whoever holds the store; later ones by an admin (--as NAME).
    """


def _new_password(password_stdin: bool) -> str:
    if password_stdin:
        return read_secret("", from_stdin=True)
    return click.prompt("Password for the user", hide_input=True, confirmation_prompt=True)


@users.command("add")
@click.argument("name")
@click.option("--role", type=ROLE, required=True)
@click.option("--password-stdin", is_flag=True, help="Read the new user's password from standard input's first line.")
@db_option
@as_option
@fail_cleanly
def add_user(name, role, password_stdin, db, as_user) -> None:
    """Add a user NAME with a role; the password is asked for (or read with --password-stdin)."""
    ed = editor(db, as_user)
    user = ed.add_user(name, role, _new_password(password_stdin))
    click.echo(f"user {user.name} ({user.role}) added")


@users.command("list")
@db_option
@click.option("--json", "as_json", is_flag=True)
@fail_cleanly
def list_users(db, as_json) -> None:
    """Users, their roles, and whether they are disabled (never their passwords)."""
    import json

    from ..accounts import users as users_mod

    with open_store(db).engine.connect() as conn:
        found = users_mod.listing(conn)
    if as_json:
        return click.echo(json.dumps([u.as_dict() for u in found], indent=2))
    for u in found:
        click.echo(f"{u.name:<24} {u.role:<8} {'disabled ' + u.disabled_at.strftime('%Y-%m-%d') if u.disabled_at else 'active'}")


@users.command("set-role")
@click.argument("name")
@click.argument("role", type=ROLE)
@db_option
@as_option
@fail_cleanly
def set_role(name, role, db, as_user) -> None:
    """Give user NAME another role."""
    user = editor(db, as_user).set_role(name, role)
    click.echo(f"user {user.name} is now {user.role}")


@users.command("passwd")
@click.argument("name")
@click.option("--password-stdin", is_flag=True, help="Read the new password from standard input's first line.")
@db_option
@as_option
@fail_cleanly
def passwd(name, password_stdin, db, as_user) -> None:
    """Set user NAME's password (an admin, or the user themself); their sessions end."""
    ed = editor(db, as_user)
    ed.set_password(name, _new_password(password_stdin))
    click.echo(f"password of {name} changed; their sessions are closed")


@users.command("disable")
@click.argument("name")
@db_option
@as_option
@fail_cleanly
def disable(name, db, as_user) -> None:
    """Disable user NAME (kept, since the audit log names them); their sessions end."""
    editor(db, as_user).set_disabled(name, True)
    click.echo(f"user {name} disabled")


@users.command("enable")
@click.argument("name")
@db_option
@as_option
@fail_cleanly
def enable(name, db, as_user) -> None:
    """Enable a disabled user NAME again."""
    editor(db, as_user).set_disabled(name, False)
    click.echo(f"user {name} enabled")


@click.command("log")
@db_option
@click.option("--tie", "tie_id", type=int, help="Only what was done to this tie.")
@click.option("--entity", "-e", help="Only what was done to this entity (name, alias or id).")
@click.option("--document", "-d", help="Only what was done to this document.")
@click.option("--user", "user", help="Only what was done to this user account.")
@click.option("--actor", help="Only what this person did.")
@click.option("--action", help="Only this action (confirm, reject, correct, add, merge, rename ...).")
@click.option("--limit", type=int, help="At most this many entries.")
@click.option("--format", "-f", "fmt", type=click.Choice(["text", "jsonl", "csv"]), default="text", show_default=True)
@click.option("--output", "-o", metavar="FILE", help="Write here instead of stdout.")
@click.option("--oldest-first", is_flag=True)
@fail_cleanly
def log(db, tie_id, entity, document, user, actor, action, limit, fmt, output, oldest_first) -> None:
    """The audit trail: who changed what, when, before and after, and why (append-only)."""
    from .. import audit
    from ..graph import Graph

    store = open_store(db)
    target_type, ids = None, None
    if tie_id is not None:
        target_type, ids = "tie", [tie_id]
    elif entity:
        target_type, ids = "entity", [Graph(store).entity_id(entity)]
    elif document:
        target_type, ids = "document", [store.document(document).id]
    elif user:
        target_type, ids = "user", [user]
    with store.engine.connect() as conn:
        found = audit.entries(conn, target_type=target_type, target_ids=ids, actor=actor, action=action, limit=limit,
                              newest_first=not oldest_first)
    if fmt == "text":
        text = "".join(f"#{e.id}  {e.at:%Y-%m-%d %H:%M:%S}  {e.actor:<16} {e.action:<14} {e.target_type} "
                       f"{e.target_id}{' (' + e.target_label + ')' if e.target_label else ''}"
                       f"{'  before ' + _short(e.before) if e.before is not None else ''}"
                       f"{'  after ' + _short(e.after) if e.after is not None else ''}"
                       f"{'  why: ' + e.reason if e.reason else ''}\n" for e in found)
    else:
        text = audit.FORMATS[fmt](found)
    if output:
        with open(output, "w", encoding="utf-8", newline="") as fh:
            fh.write(text)
        click.echo(f"{len(found)} entries -> {output}", err=True)
    else:
        sys.stdout.write(text)


def _short(value) -> str:
    import json

    return json.dumps(value, ensure_ascii=False, sort_keys=True)
