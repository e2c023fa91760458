"""Ingest from the browser (behind --allow-upload): the same build, validation and errors as the CLI.

Uploaded bytes go to a fresh temporary folder under a name made here (the client's file name only
lends its extension, and a cleaned stem), so no part of a request names a path on this machine.
"""
from __future__ import annotations

import json
import re
import tempfile
from pathlib import Path
from typing import Any

from fastapi import HTTPException, Request, UploadFile
from starlette.concurrency import run_in_threadpool

MAX_BYTES = 20 * 1024 * 1024  # per file
MAX_FILES = 50
_STEM = re.compile(r"[^A-Za-z0-9._-]+")
_SUFFIX = re.compile(r"\.[a-z0-9]{1,10}")


def check_allowed(request: Request) -> None:
    """Uploads: by an admin once the store has users; without users, with --allow-upload."""
    if getattr(request.state, "has_users", False):
        from .auth import can

        if not can(request)["upload"]:
            raise HTTPException(403, "adding documents needs the role admin")
    elif not getattr(request.app.state, "allow_upload", False):
        raise HTTPException(404, "uploads are off; start the server with `factionmap serve --allow-upload`")
    site = request.headers.get("sec-fetch-site")
    origin = request.headers.get("origin")
    if site not in (None, "same-origin", "none") or (origin and origin.split("://", 1)[-1] != request.headers.get("host")):
        raise HTTPException(403, "uploads are accepted only from this server's own pages")


def safe_name(client_name: str | None, index: int) -> str:
    """`../../etc/x.TXT` -> `003-x.txt`: a cleaned stem and a lower-case extension, never a path."""
    base = Path((client_name or "").replace("\\", "/")).name
    suffix = Path(base).suffix.lower()
    if not _SUFFIX.fullmatch(suffix or ""):
        suffix = ""
    stem = _STEM.sub("_", Path(base).stem).strip("._")[:60] or "upload"
    return f"{index:03d}-{stem}{suffix}"


async def _save(upload: UploadFile, dest: Path) -> None:
    size = 0
    with dest.open("wb") as out:
        while chunk := await upload.read(1024 * 1024):
            size += len(chunk)
            if size > MAX_BYTES:
                raise HTTPException(413, f"{upload.filename}: larger than {MAX_BYTES // (1024 * 1024)} MB")
            out.write(chunk)


def _build(store, paths: list[str], names: dict[str, str]) -> dict[str, Any]:
    from ..builder import build

    docs: list[dict[str, Any]] = []
    report = build(store, paths, progress=lambda d: docs.append({"id": d.id, "title": d.title, "href": f"/documents/{d.id}"}))

    def message(exc) -> str:
        text = str(exc)
        for tmp, shown in names.items():
            text = text.replace(tmp, shown)
        return text

    return {
        "added": report.added, "unchanged": report.unchanged, "extracted": report.extracted,
        "assertions": report.assertions, "errors": [message(e) for e in report.errors], "documents": docs,
    }


async def receive(request: Request, files: list[UploadFile], text: str, title: str) -> dict[str, Any]:
    check_allowed(request)
    files = [f for f in files if f.filename]
    if not files and not text.strip():
        raise HTTPException(422, "nothing to ingest: choose files or paste text")
    if len(files) > MAX_FILES:
        raise HTTPException(413, f"at most {MAX_FILES} files at a time")
    with tempfile.TemporaryDirectory(prefix="factionmap-upload-") as tmp:
        folder = Path(tmp)
        paths, names = [], {}
        for i, upload in enumerate(files, 1):
            dest = folder / safe_name(upload.filename, i)
            await _save(upload, dest)
            paths.append(str(dest))
            names[str(dest)] = Path((upload.filename or "").replace("\\", "/")).name or dest.name
        if text.strip():
            dest = folder / "pasted.txt"
            dest.write_text(text, encoding="utf-8")
            if title.strip():
                Path(str(dest) + ".meta.json").write_text(json.dumps({"title": title.strip()}), encoding="utf-8")
            paths.append(str(dest))
            names[str(dest)] = "pasted text"
        names[tmp] = "upload"
        return await run_in_threadpool(_build, request.app.state.store, paths, names)
