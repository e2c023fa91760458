"""Shared helpers for the ingestion tests: the fixture folder and a tiny PDF maker (fpdf2)."""
from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "ingest"


def make_pdf(path: Path, pages: list[str], *, title: str | None = None, author: str | None = None,
             created: dt.datetime | None = None) -> Path:
    """Write a PDF whose pages hold `pages` (an empty string makes a page with no text)."""
    from fpdf import FPDF

    pdf = FPDF()
    if title:
        pdf.set_title(title)
    if author:
        pdf.set_author(author)
    pdf.set_creation_date(created or dt.datetime(2020, 1, 1, tzinfo=dt.timezone.utc))
    pdf.set_font("Helvetica", size=11)
    for text in pages:
        pdf.add_page()
        if text:
            pdf.multi_cell(0, 6, text)
    path.write_bytes(bytes(pdf.output()))
    return path


def assert_offsets(doc) -> None:
    """Every infobox field and section of `doc` points at real text."""
    for field in doc.infobox:
        assert doc.text[field.start:field.end] == field.value, field
    for section in doc.sections:
        assert 0 <= section.start <= section.end <= len(doc.text), section
        body = doc.text[section.start:section.end]
        assert body == body.strip(), section
        assert section.title in doc.text[:section.start], section


@pytest.fixture
def fixtures() -> Path:
    return FIXTURES
