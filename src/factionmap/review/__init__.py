"""Analyst review: every person's change through one permission-checked, audited `Editor`, and the
reviews turned into training material for the extractor (training.py)."""
from .editor import Editor, actor_for, local_actor

__all__ = ["Editor", "actor_for", "local_actor"]
