"""Dates for the lifespan reader: the extractor's date reader over the whole text, so that a
year-less "On 28 January" takes its year from the dates before it, and "the previous year" resolves."""
from __future__ import annotations

from ..model import Document, FuzzyDate


def scan(doc: Document) -> list:
    """Every date expression of the document (extract.dates.DateSpan), in text order."""
    from ..extract.dates import find_dates

    return sorted(find_dates(doc.text, doc.published_date), key=lambda d: d.start)


def start_of(span) -> FuzzyDate:
    return span.date


def end_of(span) -> FuzzyDate | None:
    """A range's end, an "until X"'s X; None for a single date or an open end ("– present")."""
    return span.valid_until
