"""Reading a file's bytes safely: regular files only, never more than a size limit.

A FIFO, a device (a symlink to /dev/zero), a socket or a symlink loop is refused with a one-line
reason instead of blocking or filling memory; so is a file larger than the limit. The limit is
`DEFAULT_MAX_BYTES` unless given (the CLI's --max-file-size, or $FACTIONMAP_MAX_FILE_SIZE).
"""
from __future__ import annotations

import errno
import os
import re
import stat

from ..errors import IngestError

DEFAULT_MAX_BYTES = 256 * 1024 * 1024
ENV_MAX = "FACTIONMAP_MAX_FILE_SIZE"
_SIZE = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*([kmg]?)i?b?\s*$", re.I)
_UNITS = {"": 1, "k": 1024, "m": 1024 ** 2, "g": 1024 ** 3}
_KINDS = ((stat.S_ISFIFO, "a FIFO (named pipe)"), (stat.S_ISCHR, "a character device"),
          (stat.S_ISBLK, "a block device"), (stat.S_ISSOCK, "a socket"), (stat.S_ISDIR, "a folder"))


def parse_size(text: str) -> int:
    """'256M', '1.5 GB', '800k', '1000' -> bytes; ValueError for anything else."""
    m = _SIZE.match(str(text))
    if not m:
        raise ValueError(f"{text!r} is not a size (e.g. 100M, 2G, 500k)")
    return int(float(m.group(1)) * _UNITS[m.group(2).lower()])


def default_max_bytes() -> int:
    value = os.environ.get(ENV_MAX)
    if not value:
        return DEFAULT_MAX_BYTES
    try:
        return parse_size(value)
    except ValueError as exc:
        raise IngestError(f"${ENV_MAX}", str(exc)) from None


def human(size: int) -> str:
    for unit, factor in (("GB", 1024 ** 3), ("MB", 1024 ** 2), ("KB", 1024)):
        if size >= factor:
            return f"{size / factor:.1f} {unit}"
    return f"{size} bytes"


def kind_of(mode: int) -> str | None:
    """What a non-regular file is ('a FIFO (named pipe)' ...); None for a regular file."""
    if stat.S_ISREG(mode):
        return None
    return next((name for test, name in _KINDS if test(mode)), "not a regular file")


def read_limited(path: str, max_bytes: int | None = None) -> bytes:
    """The bytes of the regular file at `path`, or an IngestError saying why they cannot be read."""
    limit = default_max_bytes() if max_bytes is None else max_bytes
    try:
        info = os.stat(path)
        kind = kind_of(info.st_mode)
        if kind == "a folder":
            raise IngestError(path, "is a folder; use iter_documents() to read a folder")
        if kind:
            raise IngestError(path, f"is {kind}, not a regular file; only regular files are read")
        _check_size(path, info.st_size, limit)
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0))
    except FileNotFoundError:
        raise IngestError(path, "no such file (or a broken symbolic link)") from None
    except OSError as exc:
        raise IngestError(path, _why(exc)) from None
    try:
        info = os.fstat(fd)  # what was opened, in case the path changed since the check
        kind = kind_of(info.st_mode)
        if kind:
            raise IngestError(path, f"is {kind}, not a regular file; only regular files are read")
        chunks, size = [], 0
        while size <= limit:
            chunk = os.read(fd, min(1 << 20, limit + 1 - size))
            if not chunk:
                break
            chunks.append(chunk)
            size += len(chunk)
        _check_size(path, size, limit)
        return b"".join(chunks)
    except OSError as exc:
        raise IngestError(path, _why(exc)) from None
    finally:
        os.close(fd)


def _check_size(path: str, size: int, limit: int) -> None:
    if size > limit:
        raise IngestError(path, f"is {human(size)}, over the size limit of {human(limit)} "
                                f"(raise it with --max-file-size or ${ENV_MAX})")


def _why(exc: OSError) -> str:
    if exc.errno == errno.ELOOP:
        return "a symbolic link loop; nothing to read"
    if exc.errno in (errno.EACCES, errno.EPERM):
        return "permission denied; the file cannot be read"
    return f"cannot read the file ({exc.strerror or type(exc).__name__})"
