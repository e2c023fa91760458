"""Who is asking, and may they: the login gate, sessions in cookies, CSRF tokens and role checks.

- Once the store has a user, every page and JSON twin needs a login (pages redirect to /login, the
  API answers 401); only /login, the stylesheets and scripts stay open. A write without a login is
  refused with 403, like a write by a role too low or without the CSRF token.
- Without users the app reads as before; edits need `--allow-edits` (the person at this machine),
  uploads `--allow-upload`.
- The session cookie (fm_session) is signed, HttpOnly and SameSite=Lax (Secure over HTTPS); the
  CSRF token of a session is sent in every form (csrf_token) and API write (header X-CSRF-Token).
- Failed logins are limited per user name and per client (sessions.LoginLimiter): then 429.
"""
from __future__ import annotations

from fastapi import HTTPException, Request
from starlette.middleware.base import BaseHTTPMiddleware

from ..accounts import sessions, users
from ..accounts.roles import ACTIONS, Actor, allows
from ..review import local_actor

OPEN_PATHS = ("/login", "/api/login", "/api/session", "/favicon.ico")
READ_METHODS = ("GET", "HEAD", "OPTIONS")
CSRF_HEADER = "x-csrf-token"
CSRF_FIELD = "csrf_token"


class LoginRequired(Exception):
    """Raised by the gate for a read without a login when the store has users."""


def _key(request: Request) -> bytes:
    state = request.app.state
    if getattr(state, "signing_key", None) is None:
        state.signing_key = sessions.signing_key(state.store.engine)
    return state.signing_key


def gate(request: Request) -> None:
    """App-wide dependency: who is asking; reads need a login once the store has users."""
    state = request.app.state
    key = _key(request)
    token = sessions.unsign(key, request.cookies.get(sessions.COOKIE))
    with state.store.engine.connect() as conn:
        has_users = users.any_active(conn)
        user = sessions.user_of(conn, token) if has_users else None
    if token is None and (has_users or state.allow_edits or state.allow_upload):
        token = sessions.new_token()
        request.state.new_session = token
    request.state.user = user
    request.state.has_users = has_users
    request.state.session_token = token
    request.state.csrf = sessions.csrf_token(key, token) if token else None
    if has_users and user is None and request.method in READ_METHODS and request.url.path not in OPEN_PATHS:
        raise LoginRequired()


def actor(request: Request) -> Actor | None:
    """Who would act: the logged-in user; without users, the local person when edits are allowed."""
    if getattr(request.state, "has_users", False):
        user = request.state.user
        return Actor(user.name, user.role) if user else None
    if request.app.state.allow_edits:
        return local_actor("web")
    return None


def can(request: Request) -> dict[str, bool]:
    """What the person asking may do, for pages to show or hide their forms (the server checks anyway)."""
    who = actor(request)
    out = {action: bool(who) and allows(who.role, action) for action in ACTIONS}
    out["read"] = True
    if who is not None and who.local:
        out["users"] = False  # users are added from the command line first
    out["upload"] = out["upload"] if request.state.has_users else bool(request.app.state.allow_upload)
    return out


async def csrf_given(request: Request) -> str | None:
    given = request.headers.get(CSRF_HEADER)
    if given:
        return given
    kind = request.headers.get("content-type", "")
    if kind.startswith(("application/x-www-form-urlencoded", "multipart/form-data")):
        return (await request.form()).get(CSRF_FIELD)
    return None


async def check_csrf(request: Request) -> None:
    check_csrf_value(request, await csrf_given(request))


def check_csrf_value(request: Request, given: str | None) -> None:
    """The CSRF check on a token already read (an upload reads its form as a stream, not with form())."""
    if not sessions.csrf_ok(_key(request), request.state.session_token, given):
        raise HTTPException(403, "missing or wrong CSRF token: reload the page and try again")


def require(action: str):
    """A dependency for a write: the CSRF token checks out and the person's role allows `action`."""

    async def dependency(request: Request) -> Actor:
        await check_csrf(request)
        who = actor(request)
        if who is None:
            if request.state.has_users:
                raise HTTPException(403, "log in first")
            raise HTTPException(403, "editing is off: start the server with --allow-edits, or add users "
                                     "(factionmap users add NAME --role admin)")
        if action == "users" and who.local:
            raise HTTPException(403, "add the first user from the command line: factionmap users add NAME --role admin")
        if not allows(who.role, action):
            raise HTTPException(403, f"{who.name} ({who.role}) may not do this: it needs the role {ACTIONS[action]}")
        return who

    dependency.__name__ = f"require_{action}"
    return dependency


def check_upload_allowed(request: Request) -> None:
    """Uploads: by an admin once the store has users; without users, with --allow-upload."""
    if getattr(request.state, "has_users", False):
        if not can(request)["upload"]:
            raise HTTPException(403, "adding documents needs the role admin")
    elif not getattr(request.app.state, "allow_upload", False):
        raise HTTPException(404, "uploads are off; start the server with `factionmap serve --allow-upload`")
    site = request.headers.get("sec-fetch-site")
    origin = request.headers.get("origin")
    # the pages send no referrer, so a browser's form post says "Origin: null"; its Sec-Fetch-Site tells
    same_site = site in ("same-origin", "none") and origin in (None, "null") or \
        site in (None, "same-origin", "none") and origin not in (None, "null") and \
        origin.split("://", 1)[-1] == request.headers.get("host")
    if site not in (None, "same-origin", "none") or origin is not None and not same_site:
        raise HTTPException(403, "uploads are accepted only from this server's own pages")


def require_upload():
    """Uploads: an admin once the store has users; without users, --allow-upload. Always a CSRF token."""

    async def dependency(request: Request) -> None:
        if not request.state.has_users:
            check_upload_allowed(request)
            await check_csrf(request)
            return None
        return await require("upload")(request)

    return dependency


def set_session_cookie(request: Request, response, token: str) -> None:
    response.set_cookie(sessions.COOKIE, sessions.sign(_key(request), token), httponly=True, samesite="lax",
                        secure=request.url.scheme == "https", path="/",
                        max_age=int(sessions.LIFETIME.total_seconds()))


class SessionCookie(BaseHTTPMiddleware):
    """Give a browser its (anonymous) session cookie the first time the gate made one."""

    async def dispatch(self, request, call_next):
        response = await call_next(request)
        token = getattr(request.state, "new_session", None)
        if token and sessions.COOKIE not in _set_cookies(response):
            set_session_cookie(request, response, token)
        return response


def _set_cookies(response) -> str:
    return " ".join(v.decode("latin-1") for k, v in response.raw_headers if k.lower() == b"set-cookie")


def safe_next(value: str | None) -> str:
    """Where to go after a form: only a path of this app."""
    if value and value.startswith("/") and not value.startswith("//") and "\\" not in value:
        return value
    return "/"


def client_key(request: Request) -> str:
    return f"client:{request.client.host if request.client else 'unknown'}"


def require_read_users():
    """Reading the list of users: admins only (a GET, so no CSRF token)."""

    def dependency(request: Request) -> Actor:
        who = actor(request)
        if who is None or who.local or not allows(who.role, "users"):
            raise HTTPException(403, "only an admin sees the users (add the first one with `factionmap users add`)")
        return who

    return dependency
