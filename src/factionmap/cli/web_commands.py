"""`factionmap serve`: the web app over a store, on 127.0.0.1 unless told otherwise."""
from __future__ import annotations

import click

from .common import db_option, fail_cleanly, min_confidence_option


@click.command()
@db_option
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Address to listen on. Anything but a loopback address exposes the store to the network.")
@click.option("--port", default=8765, show_default=True, type=click.IntRange(0, 65535), help="Port (0: any free one).")
@click.option("--allow-upload", is_flag=True, help="Let the browser add documents (upload files or paste text).")
@click.option("--allow-edits", is_flag=True,
              help="In a store without users: let the browser review ties and edit entities (loopback only).")
@click.option("--allowed-host", "allowed", multiple=True, metavar="NAME",
              help="Also answer requests whose Host is NAME (e.g. this machine's name on a network); "
                   "repeatable. Only loopback names and the --host address are answered otherwise.")
@click.option("--workers", default=1, show_default=True, type=click.IntRange(1, 64),
              help="Server processes answering in parallel (each keeps its own answer cache).")
@fail_cleanly
@min_confidence_option
def serve(db: str, host: str, port: int, allow_upload: bool, allow_edits: bool, allowed: tuple[str, ...],
          workers: int, min_confidence: float | None) -> None:
    """Serve the map, profiles, documents and contested claims of a store in the browser.

    Example: factionmap serve --db map.db   (then open the URL it prints)
    """
    import json
    import os
    import socket

    import uvicorn

    from ..store import Store
    from ..web import create_app
    from ..web.security import is_loopback

    store = Store(db, create=False)
    from ..accounts import users

    with store.engine.connect() as conn:
        has_users = users.any_active(conn)
    if allow_edits and not has_users and not is_loopback(host):
        raise click.ClickException("--allow-edits without users would let anyone on the network edit the store; "
                                   "add users first (factionmap users add NAME --role admin) or listen on 127.0.0.1")
    if workers > 1 and allow_upload:
        raise click.ClickException("--allow-upload needs --workers 1 (the upload queue lives in one process)")
    app = create_app(store, allow_upload=allow_upload, allow_edits=allow_edits, bind_host=host, allowed_hosts=allowed,
                     min_confidence=min_confidence, warm_map=True)
    # IPPROTO_TCP named explicitly: asyncio turns Nagle's algorithm off only on sockets that say they are
    # TCP, and with it on, a small answer written after its headers waits ~40 ms for the client's ACK
    sock = socket.socket(socket.AF_INET6 if ":" in host else socket.AF_INET, socket.SOCK_STREAM, socket.IPPROTO_TCP)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
    try:
        sock.bind((host, port))
        sock.listen(2048)  # connections made right after the URL is printed wait for the server
    except OSError as exc:
        raise click.ClickException(f"cannot listen on {host}:{port}: {exc.strerror or exc}; try --port 0") from None
    bound = sock.getsockname()[1]
    shown = f"[{host}]" if ":" in host else host
    click.echo(f"factionmap: serving {app.state.store.shown} at http://{shown}:{bound}/  (Ctrl+C to stop)")
    if not is_loopback(host) and not has_users:
        click.secho(f"warning: listening on {host}: anyone who can reach this machine can read the store", fg="yellow",
                    err=True)
    if has_users:
        click.echo("this store has users: everyone logs in")
    elif allow_edits:
        click.echo("edits are on: anyone using this machine's browser can review ties and edit entities")
    if allow_upload:
        click.echo("uploads are on: /upload adds documents to the store")
    if workers == 1:
        config = uvicorn.Config(app, log_level="warning", access_log=False)
        uvicorn.Server(config).run(sockets=[sock])
        return
    os.environ["FACTIONMAP_SERVE"] = json.dumps({"db": db, "allow_edits": allow_edits, "bind_host": host,
                                                 "allowed_hosts": list(allowed), "min_confidence": min_confidence})
    click.echo(f"{workers} worker processes")
    uvicorn.run("factionmap.web.app:app_from_env", factory=True, workers=workers, fd=sock.fileno(),
                log_level="warning", access_log=False)
