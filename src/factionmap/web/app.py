"""The FastAPI app: pages and their JSON twins over one store, behind strict security headers."""
from __future__ import annotations

import threading
from pathlib import Path
from typing import Callable, Iterable

from urllib.parse import urlencode

from fastapi import Depends, FastAPI, HTTPException, Request
from fastapi.encoders import jsonable_encoder
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, RedirectResponse, Response
from fastapi.staticfiles import StaticFiles

from .. import __version__
from ..accounts.sessions import LoginLimiter
from ..errors import FactionmapError, NotFound, PermissionDenied, ReviewConflict, StoreError
from ..graph import kinds
from ..store import Store
from .assets import STATIC, check_vendor
from . import auth
from .cache import AnswerCache
from .security import SecurityHeaders, allowed_hosts as hosts_for


def create_app(store: Store | str | Path, *, allow_upload: bool = False, allow_edits: bool = False,
               bind_host: str | None = None, allowed_hosts: Iterable[str] = (), check_assets: bool = True,
               min_confidence: float | None = None, cache: bool = True, warm_map: bool = False) -> FastAPI:
    """The web app over `store` (a Store, or a path/URL opened without creating anything).

    With `bind_host` (the address `serve` listens on) or `allowed_hosts`, a request must name one of
    them or a loopback name in its Host header (no DNS rebinding; "*" in `allowed_hosts` lifts the
    check). Once the store has users, everything needs a login (web/auth.py); without users the app
    reads, and edits need `allow_edits`. GET answers without credentials are cached per store version
    (web/cache.py) unless `cache` is False. With `warm_map` (what `serve` does) the whole map is laid out
    in the background as the app starts and after each upload that changed the store
    (`app.state.warm_map()`), instead of during the first visitor's request.
    """
    if check_assets:
        check_vendor()
    # the knowledge base (node kinds) is read in the background, not by the first map request
    threading.Thread(target=kinds.warm, name="factionmap-warm-kb", daemon=True).start()
    if not isinstance(store, Store):
        store = Store(store, create=False)
    app = FastAPI(title="factionmap", version=__version__, openapi_url=None,
                  docs_url=None, redoc_url=None, dependencies=[Depends(auth.gate)])
    app.state.store = store
    app.state.allow_upload = allow_upload
    app.state.allow_edits = allow_edits
    app.state.min_confidence = min_confidence  # ties none of whose assertions reaches it are not shown
    app.state.signing_key = None
    app.state.warm_map = _map_warmer(store, min_confidence) if warm_map else (lambda: None)
    app.state.warm_map()
    app.state.login_limiter = LoginLimiter()
    allowed_hosts = list(allowed_hosts)
    allowed = hosts_for(bind_host, allowed_hosts) if bind_host or allowed_hosts else None
    app.add_middleware(auth.SessionCookie)
    if cache:  # keeps only answers made for no session (see web/cache.py), so outside the cookie middleware
        app.add_middleware(AnswerCache, store=store)
    app.add_middleware(SecurityHeaders, allowed_hosts=allowed)  # outermost: every answer gets the headers
    app.mount("/static", StaticFiles(directory=str(STATIC), follow_symlink=False), name="static")

    from . import routes_auth, routes_edit, routes_review
    from .routes_api import router as api_router
    from .pages import TEMPLATES
    from .routes_pages import router as page_router

    @app.get("/api/openapi.json", include_in_schema=False)
    def openapi_schema() -> JSONResponse:  # behind the login gate like everything else
        return JSONResponse(app.openapi())

    @app.get("/favicon.ico", include_in_schema=False)
    def favicon() -> Response:
        return Response((STATIC / "favicon.svg").read_bytes(), media_type="image/svg+xml")

    app.include_router(routes_auth.api)
    app.include_router(routes_review.api)
    app.include_router(routes_edit.api)
    app.include_router(api_router)
    app.include_router(routes_auth.pages)
    app.include_router(routes_review.pages)
    app.include_router(routes_edit.pages)
    app.include_router(page_router)

    def wants_json(request: Request) -> bool:
        return request.url.path.startswith("/api/")

    def error(request: Request, status: int, message: str, headers: dict | None = None) -> Response:
        if wants_json(request):
            return JSONResponse({"detail": message}, status_code=status, headers=headers)
        from .pages import context

        return TEMPLATES.TemplateResponse(request, "error.html", context(request) | {
            "status": status, "message": message, "json_href": None}, status_code=status, headers=headers)

    @app.exception_handler(auth.LoginRequired)
    async def login_required(request: Request, exc: auth.LoginRequired) -> Response:
        if wants_json(request):
            return JSONResponse({"detail": "log in first: POST /api/login"}, status_code=401)
        target = request.url.path + (f"?{request.url.query}" if request.url.query else "")
        return RedirectResponse(f"/login?{urlencode({'next': target})}", status_code=303)

    @app.exception_handler(PermissionDenied)
    async def denied(request: Request, exc: PermissionDenied) -> Response:
        return error(request, 403, str(exc))

    @app.exception_handler(ReviewConflict)
    async def conflict(request: Request, exc: ReviewConflict) -> Response:
        if wants_json(request):
            from .serialize import review as review_json

            current = review_json(exc.current) if exc.current is not None else None
            return JSONResponse({"detail": str(exc), "current": current}, status_code=409)
        return error(request, 409, str(exc))

    @app.exception_handler(HTTPException)
    async def http_error(request: Request, exc: HTTPException) -> Response:
        return error(request, exc.status_code, str(exc.detail), getattr(exc, "headers", None))

    @app.exception_handler(404)
    async def not_found(request: Request, exc) -> Response:
        return error(request, 404, str(getattr(exc, "detail", "")) or "not found")

    @app.exception_handler(RequestValidationError)
    async def bad_request(request: Request, exc: RequestValidationError) -> Response:
        message = "; ".join(f"{e['loc'][-1]}: {e['msg']}" for e in exc.errors())
        if wants_json(request):
            return JSONResponse({"detail": message, "errors": jsonable_encoder(exc.errors())}, status_code=400)
        return error(request, 400, message)

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


def _map_warmer(store: Store, min_confidence: float | None) -> Callable[[], None]:
    """A function that lays the store's whole map out in a background thread (web/maplayout.py)."""
    def warm() -> None:
        from ..graph import Graph
        from . import maplayout
        from .mapdata import opening_ties

        graph = Graph(store, min_confidence=min_confidence)
        threading.Thread(target=maplayout.warm, args=(graph, opening_ties), name="factionmap-warm-map",
                         daemon=True).start()
    return warm


def app_from_env() -> FastAPI:
    """The app `serve --workers N` starts in each worker process, configured by the parent's
    environment ($FACTIONMAP_SERVE, JSON: db, allow_edits, bind_host, allowed_hosts, min_confidence)."""
    import json
    import os

    config = json.loads(os.environ["FACTIONMAP_SERVE"])
    return create_app(Store(config["db"], create=False), allow_edits=config["allow_edits"],
                      bind_host=config["bind_host"], allowed_hosts=config["allowed_hosts"],
                      min_confidence=config["min_confidence"], warm_map=True)
