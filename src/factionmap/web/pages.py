"""A page rendered on the server: its template, with what every page knows (who is logged in, what
they may do, the CSRF token for its forms)."""
from __future__ import annotations

from fastapi import Request
from fastapi.responses import HTMLResponse
from fastapi.templating import Jinja2Templates

from . import auth
from .assets import STATIC

TEMPLATES = Jinja2Templates(directory=str(STATIC.parent / "templates"))


def context(request: Request) -> dict:
    """What every page knows: who is logged in, what they may do, the CSRF token for its forms."""

    if not hasattr(request.state, "has_users"):  # an error before the gate ran
        return {"user": None, "csrf_token": None, "can": {"read": True}, "allow_upload": False, "has_users": False}
    can = auth.can(request)
    return {"user": request.state.user, "csrf_token": request.state.csrf, "can": can, "allow_upload": can["upload"],
            "has_users": request.state.has_users, "current_path": request.url.path}


def page(request: Request, name: str, json_href: str, status_code: int = 200, **values) -> HTMLResponse:
    values |= {"json_href": json_href} | context(request)
    return TEMPLATES.TemplateResponse(request, name, values, status_code=status_code)
