"""Response headers for untrusted content, and the Host check that keeps a local server local.

Every response carries a strict Content Security Policy (scripts and styles only from this server's
own /static/, no inline code, no plugins, no framing) and the other security headers: normal pages,
errors, and a 500 from a bug alike, since the middleware wraps everything the app sends.

A server started by `factionmap serve` answers only requests whose Host names it: exactly the loopback
names (127.0.0.1, localhost, [::1]), the address it was told to listen on, and the names given with
--allowed-host. A Host that merely starts like one ("127.evil.example", "127.0.0.1.nip.io",
"localhost.evil.example") is refused, so a web page elsewhere cannot reach the store by DNS rebinding.
"""
from __future__ import annotations

import ipaddress
import logging
import re
from typing import Iterable

from starlette.types import ASGIApp, Message, Receive, Scope, Send

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
LOOPBACK_NAMES = frozenset({"127.0.0.1", "localhost", "::1"})
ANY_HOST = "*"
_NAME = re.compile(r"^(?P<name>[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*)"
                   r"(?::(?P<port>[0-9]{1,5}))?$")
_BRACKETED = re.compile(r"^\[(?P<name>[0-9a-f:.]{2,45})\](?::(?P<port>[0-9]{1,5}))?$")
log = logging.getLogger("factionmap.web")


def is_loopback(host: str) -> bool:
    """Whether an address to listen on is a loopback one (127.0.0.0/8, ::1, localhost)."""
    name = host.strip("[]").lower()
    if name == "localhost":
        return True
    try:
        return ipaddress.ip_address(name).is_loopback
    except ValueError:
        return False


def host_name(header: str) -> str | None:
    """The name in a Host header ('localhost:8765' -> 'localhost', '[::1]:80' -> '::1'), lower case;
    None when the header is not a well-formed host[:port]."""
    value = header.strip().lower()
    m = _BRACKETED.match(value) or _NAME.match(value)
    if not m or (m.group("port") and int(m.group("port")) > 65535):
        return None
    name = m.group("name")
    if m.re is _BRACKETED:
        try:
            return str(ipaddress.IPv6Address(name))
        except ValueError:
            return None
    return name


def allowed_hosts(bind_host: str | None, extra: Iterable[str] = ()) -> frozenset[str] | None:
    """The Host names a server bound to `bind_host` answers: loopback names, its own address, `extra`.

    None (any Host) only when `extra` holds "*".
    """
    names = set(LOOPBACK_NAMES)
    for given in [bind_host or "", *extra]:
        given = given.strip().lower()
        if given == ANY_HOST:
            return None
        if given and given not in ("0.0.0.0", "::"):  # a wildcard address is no name a client uses
            names.add(host_name(f"[{given}]" if ":" in given and not given.startswith("[") else given) or given)
    return frozenset(names)


class SecurityHeaders:
    """ASGI middleware: the Host check, then the security headers on every response (500s included)."""

    def __init__(self, app: ASGIApp, allowed_hosts: frozenset[str] | None = None):
        self.app = app
        self.allowed_hosts = allowed_hosts  # None: any Host

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        path = scope.get("path", "")
        csp = API_CSP if path.startswith("/api/") or path == "/openapi.json" else CSP
        extra = [(b"content-security-policy", csp.encode())] + [(k.lower().encode(), v.encode())
                                                                for k, v in HEADERS.items()]
        if self.allowed_hosts is not None:
            header = dict(scope.get("headers") or []).get(b"host", b"").decode("latin-1")
            name = host_name(header)
            if name is None or name not in self.allowed_hosts:
                await _plain(send, 400, "This server does not answer for that Host name.", extra)
                return
        started = False

        async def send_with_headers(message: Message) -> None:
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
                have = {k.lower() for k, _ in message.get("headers", [])}
                message = {**message, "headers": [*message.get("headers", []),
                                                  *((k, v) for k, v in extra if k not in have)]}
            await send(message)

        try:
            await self.app(scope, receive, send_with_headers)
        except Exception:  # noqa: BLE001 - a bug: logged, answered with a plain 500 that keeps the headers
            log.exception("error answering %s %s", scope.get("method"), path)
            if started:
                raise
            await _plain(send, 500, "Internal error: the server could not answer this request.", extra)


async def _plain(send: Send, status: int, text: str, headers: list[tuple[bytes, bytes]]) -> None:
    body = text.encode()
    await send({"type": "http.response.start", "status": status,
                "headers": [(b"content-type", b"text/plain; charset=utf-8"),
                            (b"content-length", str(len(body)).encode()), *headers]})
    await send({"type": "http.response.body", "body": body})
