"""Roles and what each may do. Every write is checked here, on the server, whoever asks (web, API, CLI)."""
from __future__ import annotations

from dataclasses import dataclass

from ..errors import PermissionDenied

ROLES = ("viewer", "analyst", "admin")

#: action -> the least role allowed to do it
ACTIONS: dict[str, str] = {
    "read": "viewer",
    "review": "analyst",  # confirm, reject, correct, add a tie, undo a review
    "entities": "analyst",  # merge, split, undo, rename, kind, external ids
    "documents": "analyst",  # a document's metadata
    "sources": "admin",  # source reliability grades
    "users": "admin",
    "upload": "admin",
}


def allows(role: str | None, action: str) -> bool:
    if role not in ROLES:
        return False
    return ROLES.index(role) >= ROLES.index(ACTIONS[action])


@dataclass(frozen=True)
class Actor:
    """Who is acting: a user of the store (name and role), or the local operator of a store without users."""

    name: str
    role: str
    local: bool = False  # no users in the store: the person at this machine

    def require(self, action: str) -> None:
        if not allows(self.role, action):
            raise PermissionDenied(f"{self.name} ({self.role}) may not do this: it needs the role "
                                   f"{ACTIONS[action]} or higher")
