"""Response headers for untrusted content, and the Host check that keeps a local server local.

Every response carries a strict Content Security Policy: scripts and styles only from this server's
own /static/, no inline code, no plugins, no framing. A server bound to a loopback address answers
only requests whose Host is a loopback name, so a web page elsewhere cannot reach it by DNS rebinding.
"""
from __future__ import annotations

from starlette.middleware.base import BaseHTTPMiddleware
from starlette.requests import Request
from starlette.responses import PlainTextResponse, Response

CSP = "; ".join([
    "default-src 'none'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' data:",
    "connect-src 'self'",
    "font-src 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    "base-uri 'none'",
])
API_CSP = "default-src 'none'; frame-ancestors 'none'"

HEADERS = {
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "no-referrer",
    "Cross-Origin-Opener-Policy": "same-origin",
    "Cross-Origin-Resource-Policy": "same-origin",
    "Permissions-Policy": "camera=(), microphone=(), geolocation=()",
}
LOOPBACK_NAMES = ("127.0.0.1", "localhost", "[::1]", "::1")


def is_loopback(host: str) -> bool:
    return host in LOOPBACK_NAMES or host.startswith("127.")


def _host_name(host_header: str) -> str:
    if host_header.startswith("["):
        return host_header.split("]")[0] + "]"
    return host_header.rsplit(":", 1)[0] if host_header.count(":") == 1 else host_header


class SecurityHeaders(BaseHTTPMiddleware):
    def __init__(self, app, allowed_hosts: list[str] | None = None):
        super().__init__(app)
        self.allowed_hosts = allowed_hosts  # None: any Host

    async def dispatch(self, request: Request, call_next) -> Response:
        if self.allowed_hosts is not None:
            host = _host_name(request.headers.get("host", ""))
            if host not in self.allowed_hosts and not (host.startswith("127.") and "127.0.0.1" in self.allowed_hosts):
                return PlainTextResponse(f"Host {host!r} is not served here", status_code=400)
        response = await call_next(request)
        is_api = request.url.path.startswith("/api/") or request.url.path == "/openapi.json"
        response.headers["Content-Security-Policy"] = API_CSP if is_api else CSP
        for name, value in HEADERS.items():
            response.headers.setdefault(name, value)
        return response
