"""The FastAPI app: pages and their JSON twins over one store, behind strict security headers."""
from __future__ import annotations

import threading
from pathlib import Path

from fastapi import FastAPI, HTTPException, Request
from fastapi.encoders import jsonable_encoder
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from fastapi.staticfiles import StaticFiles

from .. import __version__
from ..errors import FactionmapError, NotFound
from ..graph import kinds
from ..store import Store
from .assets import STATIC, check_vendor
from .security import SecurityHeaders, is_loopback


def create_app(store: Store | str | Path, *, allow_upload: bool = False, bind_host: str | None = None,
               check_assets: bool = True) -> FastAPI:
    """The web app over `store` (a Store, or a path/URL opened without creating anything).

    With `bind_host` a loopback address, requests must name a loopback Host (no DNS rebinding).
    """
    if check_assets:
        check_vendor()
    # the knowledge base (node kinds) is read in the background, not by the first map request
    threading.Thread(target=kinds.warm, name="factionmap-warm-kb", daemon=True).start()
    if not isinstance(store, Store):
        store = Store(store, create=False)
    app = FastAPI(title="factionmap", version=__version__, openapi_url="/api/openapi.json",
                  docs_url=None, redoc_url=None)
    app.state.store = store
    app.state.allow_upload = allow_upload
    allowed = ["127.0.0.1", "localhost", "[::1]", "::1"] if bind_host and is_loopback(bind_host) else None
    app.add_middleware(SecurityHeaders, allowed_hosts=allowed)
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
        message = "; ".join(f"{e['loc'][-1]}: {e['msg']}" for e in exc.errors())
        if wants_json(request):
            return JSONResponse({"detail": message, "errors": jsonable_encoder(exc.errors())}, status_code=400)
        return error(request, 400, message)

    @app.exception_handler(NotFound)
    async def missing(request: Request, exc: NotFound) -> Response:
        return error(request, 404, str(exc))

    @app.exception_handler(FactionmapError)
    async def failed(request: Request, exc: FactionmapError) -> Response:
        return error(request, 400, str(exc))

    return app
