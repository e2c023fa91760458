"""Logging in and out: the page and form, and their JSON twins."""
from __future__ import annotations

from fastapi import APIRouter, Depends, Form, HTTPException, Request
from fastapi.responses import JSONResponse, RedirectResponse, Response
from pydantic import BaseModel
from starlette.concurrency import run_in_threadpool

from .. import audit
from ..accounts import sessions, users
from . import auth
from .pages import page

api = APIRouter(prefix="/api", tags=["accounts"])
pages = APIRouter(include_in_schema=False)


class LoginIn(BaseModel):
    name: str
    password: str


def _login(request: Request, name: str, password: str):
    """The user, after the rate limit and the password check; a new session token for them."""
    limiter: sessions.LoginLimiter = request.app.state.login_limiter
    keys = (f"name:{(name or '').lower()}", auth.client_key(request))
    wait = limiter.retry_after(*keys)
    if wait:
        raise HTTPException(429, f"too many failed logins: try again in {wait} s", headers={"Retry-After": str(wait)})
    store = request.app.state.store
    with store.transaction() as conn:
        user = users.verify(conn, name, password)
        if user is None:
            limiter.failed(*keys)
            raise HTTPException(401, "wrong user name or password")
        limiter.succeeded(*keys)
        auth_token = request.state.session_token
        sessions.close_session(conn, auth_token)
        token = sessions.open_session(conn, user.id)
        audit.record(conn, user.name, "log in", "user", user.name, label=user.name)
    return user, token


def session_json(request: Request, user=None, token: str | None = None) -> dict:
    user = user if user is not None else request.state.user
    csrf = sessions.csrf_token(auth._key(request), token) if token else request.state.csrf
    return {"user": user.as_dict() if user else None, "csrf_token": csrf, "has_users": request.state.has_users,
            "can": auth.can(request) if token is None else None}


@api.get("/session", summary="Who is logged in, what they may do, and the CSRF token for writes")
def api_session(request: Request) -> dict:
    return session_json(request)


@api.post("/login", summary="Log in (JSON {name, password}; header X-CSRF-Token from /api/session)")
async def api_login(request: Request, body: LoginIn) -> Response:
    await auth.check_csrf(request)
    user, token = await run_in_threadpool(_login, request, body.name, body.password)
    response = JSONResponse(session_json(request, user, token))
    auth.set_session_cookie(request, response, token)
    return response


@api.post("/logout", summary="Log out: the session ends on the server")
async def api_logout(request: Request) -> Response:
    await auth.check_csrf(request)
    token = sessions.new_token()
    with request.app.state.store.transaction() as conn:
        sessions.close_session(conn, request.state.session_token)
    response = JSONResponse({"logged_out": True, "csrf_token": sessions.csrf_token(auth._key(request), token)})
    auth.set_session_cookie(request, response, token)
    return response


@pages.get("/login")
def login_page(request: Request, next: str = "/"):
    return page(request, "login.html", "/api/session", next=auth.safe_next(next), error=None)


@pages.post("/login")
async def login_submit(request: Request, name: str = Form(""), password: str = Form(""), next: str = Form("/")):
    await auth.check_csrf(request)
    try:
        _user, token = await run_in_threadpool(_login, request, name, password)
    except HTTPException as exc:
        return page(request, "login.html", "/api/session", next=auth.safe_next(next), error=str(exc.detail),
                    status_code=exc.status_code)
    response = RedirectResponse(auth.safe_next(next), status_code=303)
    auth.set_session_cookie(request, response, token)
    return response


@pages.post("/logout")
async def logout_submit(request: Request):
    await auth.check_csrf(request)
    with request.app.state.store.transaction() as conn:
        sessions.close_session(conn, request.state.session_token)
    response = RedirectResponse("/login", status_code=303)
    auth.set_session_cookie(request, response, sessions.new_token())
    return response


__all__ = ["api", "pages", "Depends"]
