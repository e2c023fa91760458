"""PDF: text from each page, metadata from the PDF; a PDF without text is an error."""
from __future__ import annotations

import datetime as dt

import pytest

from factionmap.errors import IngestError
from factionmap.ingest import read_file
from factionmap.model import content_id

from .conftest import make_pdf


def test_text_and_metadata(tmp_path):
    path = make_pdf(tmp_path / "report.pdf",
                    ["The Hill Guard is a fictional group formed in 2001.", "It split in 2014 after a dispute."],
                    title="The Hill Guard", author="Ann Lee", created=dt.datetime(2019, 7, 4, 12, 0))
    doc = read_file(path)[0]
    assert (doc.title, doc.author, doc.published) == ("The Hill Guard", "Ann Lee", "2019-07-04")
    assert "The Hill Guard is a fictional group formed in 2001." in doc.text
    assert "It split in 2014 after a dispute." in doc.text
    assert doc.text.index("formed in 2001") < doc.text.index("split in 2014")
    assert doc.format == "pdf"
    assert doc.id == content_id(path.read_bytes())


def test_metadata_missing_falls_back_to_the_text(tmp_path):
    path = make_pdf(tmp_path / "plain.pdf", ["A Short Note\n\nBy Kim Park | 2 May 2015\n\n"
                                               "The fictional Hill Guard denied any tie to the Valley Brigade."])
    doc = read_file(path)[0]
    assert (doc.title, doc.author, doc.published) == ("A Short Note", "Kim Park", "2015-05-02")


def test_a_pdf_without_text_is_an_error(tmp_path):
    path = make_pdf(tmp_path / "scan.pdf", ["", ""])
    with pytest.raises(IngestError, match=r"scan\.pdf: no extractable text in 2 page"):
        read_file(path)


def test_a_broken_pdf_is_an_error(tmp_path):
    path = tmp_path / "broken.pdf"
    path.write_bytes(b"%PDF-1.4\nthis is not really a pdf\n")
    with pytest.raises(IngestError, match=r"broken\.pdf: "):
        read_file(path)
