"""Turn what the user gives as --db (a path or a URL) into a SQLAlchemy engine."""
from __future__ import annotations

from pathlib import Path
from typing import Any

from sqlalchemy import create_engine, event
from sqlalchemy.engine import Engine, make_url
from sqlalchemy.exc import ArgumentError

from ..errors import BadStoreURL
from . import driver

DEFAULT_PATH = "factionmap.db"
BUSY_TIMEOUT_S = 120  # how long a SQLite writer waits for another one before giving up


def to_url(db: str | Path | None) -> str:
    """'factionmap.db' or a Path -> sqlite:///...; a URL is checked and passed through."""
    if db is None:
        db = DEFAULT_PATH
    text = str(db)
    if "://" not in text:
        return f"sqlite:///{Path(text).expanduser()}"
    try:
        url = make_url(text)
    except ArgumentError as exc:
        raise BadStoreURL(f"--db {text!r} is not a database URL ({exc})") from None
    if url.get_backend_name() not in ("sqlite", "postgresql"):
        raise BadStoreURL(f"--db {text!r}: only sqlite:/// and postgresql:// stores are supported")
    if url.get_backend_name() == "postgresql" and (url.drivername == "postgresql"
                                                   or url.get_driver_name() in ("psycopg2", "psycopg")):
        # the driver factionmap installs (SQLAlchemy 2.1 takes a bare postgresql:// for psycopg, 2.0 for psycopg2)
        url = url.set(drivername="postgresql+pg8000")
    return url.render_as_string(hide_password=False)


def make_engine(db: str | Path | None, *, autocommit: bool = False) -> Engine:
    """The store's engine; `autocommit`: one whose connections run each statement on its own, for reads
    (no `BEGIN` and `ROLLBACK` round trips around them; see Store.reader)."""
    url = to_url(db)
    if url.startswith("sqlite:///") and url != "sqlite:///:memory:":
        parent = Path(url[len("sqlite:///"):]).parent
        if not parent.is_dir():
            raise BadStoreURL(f"--db {db!s}: folder {parent} does not exist")
    sqlite = url.startswith("sqlite")
    options: dict[str, Any] = {"isolation_level": "AUTOCOMMIT"} if autocommit else {}
    connect_args: dict[str, Any] = {"timeout": BUSY_TIMEOUT_S} if sqlite else {}
    if autocommit and url.startswith("postgresql+pg8000"):  # the readers' queries are short: never JIT-compiled
        # (a query the planner overestimates spent 7.7 of its 45 ms compiling); sent with the connection's start
        connect_args["startup_params"] = {"jit": "off"}
    engine = create_engine(url, future=True, connect_args=connect_args, **options)
    if engine.dialect.name == "sqlite":
        event.listen(engine, "connect", _sqlite_pragmas)
    elif engine.dialect.name == "postgresql":
        # rows inserted many at a time go as multi-row INSERT ... VALUES statements (pg8000 would send
        # one statement per row): a batch of a build is written in a few round trips, not thousands
        engine.dialect.use_insertmanyvalues_wo_returning = True
        event.listen(engine, "connect", _no_delay)
        driver.install()  # the driver's placeholder conversion kept per statement text
        driver.prepared(engine)  # statements marked driver.PREPARE run prepared
    return engine


def _no_delay(dbapi_connection: Any, _record: object) -> None:
    """Turn Nagle's algorithm off on a PostgreSQL connection over TCP. pg8000 flushes a COPY's data and its
    CopyDone separately, and with Nagle on the second write waits for the server's delayed ACK of the
    first (up to 40 ms on Linux): every COPY of a build's batch paid it (measured: 54 ms a COPY of a few
    rows). pg8000 keeps the socket as `_usock`; a driver without it is left as it is."""
    import socket

    sock = getattr(dbapi_connection, "_usock", None)
    if isinstance(sock, socket.socket) and sock.family in (socket.AF_INET, socket.AF_INET6):
        sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)


def _sqlite_pragmas(dbapi_connection: Any, _record: object) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_S * 1000}")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.close()
