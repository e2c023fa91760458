"""The FastAPI app: pages and their JSON twins over one store, behind strict security headers."""
from __future__ import annotations

from pathlib import Path
from typing import Iterable

from fastapi import FastAPI, HTTPException, Request
from fastapi.encoders import jsonable_encoder
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from fastapi.staticfiles import StaticFiles

from .. import __version__
from ..errors import FactionmapError, NotFound, StoreError
from ..store import Store
from .assets import STATIC, check_vendor
from .cache import AnswerCache
from .security import SecurityHeaders, allowed_hosts as hosts_for


def create_app(store: Store | str | Path, *, allow_upload: bool = False, bind_host: str | None = None,
               allowed_hosts: Iterable[str] = (), check_assets: bool = True, cache: bool = True) -> FastAPI:
    """The web app over `store` (a Store, or a path/URL opened without creating anything).

    With `bind_host` (the address `serve` listens on) or `allowed_hosts`, a request must name one of
    them or a loopback name in its Host header (no DNS rebinding; "*" in `allowed_hosts` lifts the
    check). GET answers are cached per store version (see web/cache.py) unless `cache` is False.
    """
    if check_assets:
        check_vendor()
    if not isinstance(store, Store):
        store = Store(store, create=False)
    app = FastAPI(title="factionmap", version=__version__, openapi_url="/api/openapi.json",
                  docs_url=None, redoc_url=None)
    app.state.store = store
    app.state.allow_upload = allow_upload
    allowed_hosts = list(allowed_hosts)
    allowed = hosts_for(bind_host, allowed_hosts) if bind_host or allowed_hosts else None
    if cache:
        app.add_middleware(AnswerCache, store=store)
    app.add_middleware(SecurityHeaders, allowed_hosts=allowed)  # outermost: every answer gets the headers
    app.mount("/static", StaticFiles(directory=str(STATIC), follow_symlink=False), name="static")

    from .routes_api import router as api_router
    from .routes_pages import TEMPLATES, router as page_router

    @app.get("/favicon.ico", include_in_schema=False)
    def favicon() -> Response:
        return Response((STATIC / "favicon.svg").read_bytes(), media_type="image/svg+xml")

    app.include_router(api_router)
    app.include_router(page_router)

    def wants_json(request: Request) -> bool:
        return request.url.path.startswith("/api/")

    def error(request: Request, status: int, message: str) -> Response:
        if wants_json(request):
            return JSONResponse({"detail": message}, status_code=status)
        return TEMPLATES.TemplateResponse(request, "error.html", {"status": status, "message": message,
                                          "json_href": None, "allow_upload": allow_upload}, status_code=status)

    @app.exception_handler(HTTPException)
    async def http_error(request: Request, exc: HTTPException) -> Response:
        return error(request, exc.status_code, str(exc.detail))

    @app.exception_handler(404)
    async def not_found(request: Request, exc) -> Response:
        return error(request, 404, str(getattr(exc, "detail", "")) or "not found")

    @app.exception_handler(RequestValidationError)
    async def bad_request(request: Request, exc: RequestValidationError) -> Response:
        if wants_json(request):
            return JSONResponse({"detail": jsonable_encoder(exc.errors())}, status_code=422)
        return error(request, 422, "; ".join(f"{'.'.join(map(str, e['loc']))}: {e['msg']}" for e in exc.errors()))

    @app.exception_handler(NotFound)
    async def missing(request: Request, exc: NotFound) -> Response:
        return error(request, 404, str(exc))

    @app.exception_handler(StoreError)
    async def store_failed(request: Request, exc: StoreError) -> Response:
        return error(request, 503, "the store could not answer; try again")

    @app.exception_handler(FactionmapError)
    async def failed(request: Request, exc: FactionmapError) -> Response:
        return error(request, 400, str(exc))

    return app


def app_from_env() -> FastAPI:
    """The app `serve --workers N` starts in each worker process, configured by the parent's
    environment ($FACTIONMAP_SERVE, JSON: db, allow_upload, bind_host, allowed_hosts)."""
    import json
    import os

    config = json.loads(os.environ["FACTIONMAP_SERVE"])
    return create_app(Store(config["db"], create=False), allow_upload=config["allow_upload"],
                      bind_host=config["bind_host"], allowed_hosts=config["allowed_hosts"])
