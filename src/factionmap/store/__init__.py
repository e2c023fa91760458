"""Storage: SQLAlchemy Core over SQLite (default) or PostgreSQL, migrated by Alembic."""
from .store import Store

__all__ = ["Store"]
