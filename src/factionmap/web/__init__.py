"""The web app (`factionmap serve`): the map over time, cited profiles, documents, contested claims."""
from .app import create_app

__all__ = ["create_app"]
