"""Ingest from the browser (behind --allow-upload): the same readers, budget and errors as the CLI.

The body is read as it streams in (web/multipart.py): a file over MAX_BYTES, a body over MAX_TOTAL or
more than MAX_FILES files stops it with a 413 before more reaches the disk. The files then wait in the
bounded upload queue (web/jobs.py), which reads and extracts them in the background within the
upload budget; the answer is a job whose page shows its progress. Each document keeps the client's
file name (its last part, printable) as its path; no part of a request names a path on this machine.
"""
from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

from fastapi import HTTPException, Request
from starlette.concurrency import run_in_threadpool

from .auth import CSRF_FIELD, CSRF_HEADER, check_csrf_value, check_upload_allowed
from .jobs import Job, UploadQueue, wait
from .multipart import read_form, safe_name  # noqa: F401 - safe_name is part of this module's surface

MAX_BYTES = 20 * 1024 * 1024  # per file
MAX_TOTAL = 64 * 1024 * 1024  # per request
MAX_FILES = 50
MAX_TEXT = 5 * 1024 * 1024  # pasted text, and any other form field
WAIT_SECONDS = 300  # the longest a ?wait=true request waits for its job

OPENAPI_BODY = {"requestBody": {"required": True, "content": {"multipart/form-data": {"schema": {
    "type": "object", "properties": {
        "files": {"type": "array", "items": {"type": "string", "format": "binary"}},
        "text": {"type": "string", "description": "pasted text, read as a plain-text document"},
        "title": {"type": "string", "description": "the pasted text's title"}}}}}}}


def queue_of(request: Request) -> UploadQueue:
    state = request.app.state
    if getattr(state, "uploads", None) is None:
        state.uploads = UploadQueue(state.store, max_file=MAX_BYTES, after=getattr(state, "warm_map", None))
    return state.uploads


async def receive(request: Request) -> Job:
    """Read the upload as it streams in and queue it; the job to follow."""
    check_upload_allowed(request)
    header_token = request.headers.get(CSRF_HEADER)
    is_form = request.headers.get("content-type", "").startswith(("multipart/form-data",
                                                                  "application/x-www-form-urlencoded"))
    if header_token or not is_form:  # the token comes in a header (checked before reading) or in the form
        check_csrf_value(request, header_token)
    folder = tempfile.mkdtemp(prefix="factionmap-upload-")
    try:
        form = await read_form(request.headers, request.stream(), Path(folder),
                               max_file=MAX_BYTES, max_total=MAX_TOTAL, max_files=MAX_FILES, max_field=MAX_TEXT)
        if not header_token:
            check_csrf_value(request, form.fields.get(CSRF_FIELD))
        text, title = form.fields.get("text", ""), form.fields.get("title", "")
        if not form.files and not text.strip():
            raise HTTPException(422, "nothing to ingest: choose files or paste text")
        job = queue_of(request).submit(folder, form.files, text, title[:500])
    except BaseException:
        shutil.rmtree(folder, ignore_errors=True)
        raise
    if job is None:
        shutil.rmtree(folder, ignore_errors=True)
        raise HTTPException(503, "the upload queue is full; try again in a minute", headers={"Retry-After": "60"})
    return job


def job_of(request: Request, job_id: str) -> Job:
    check_upload_allowed(request)
    job = queue_of(request).get(job_id)
    if job is None:
        raise HTTPException(404, "no such upload (uploads are kept while the server runs)")
    return job


async def finished(job: Job) -> Job:
    return await run_in_threadpool(wait, job, WAIT_SECONDS)
