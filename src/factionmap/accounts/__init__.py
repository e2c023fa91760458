"""Accounts: users with roles and argon2 password hashes, sessions, and what each role may do."""
from .roles import ACTIONS, ROLES, Actor, allows
from .users import User

__all__ = ["ACTIONS", "ROLES", "Actor", "User", "allows"]
