"""PDF (.pdf): the text of each page with pypdf; title, author and date from the PDF's metadata.

Pages are joined with a blank line. Metadata the PDF lacks (or holds as junk such as
"Microsoft Word - draft.docx") is read from the text's first lines as for plain text. A PDF whose
pages hold no text (a scan) is an error: run OCR on it first.
"""
from __future__ import annotations

import io
import re

from pypdf import PdfReader
from pypdf.errors import DependencyError, PyPdfError

from ..errors import IngestError, first_line
from ..model import Document
from .logs import named_warnings
from .metadata import normalize_date
from .text import document_from_text

_JUNK_TITLE = re.compile(r"^(untitled|microsoft (word|powerpoint) - .*|.*\.(docx?|pdf|odt|rtf|tex))$", re.I)


def read_pdf(data: bytes, path: str) -> list[Document]:
    """One Document from the bytes of a PDF file."""
    with named_warnings(path, "pypdf"):
        try:
            reader = PdfReader(io.BytesIO(data))
            if reader.is_encrypted and not reader.decrypt(""):
                raise IngestError(path, "the PDF is encrypted with a password; decrypt it first")
            pages = [(page.extract_text() or "").strip("\n") for page in reader.pages]
        except IngestError:
            raise
        except DependencyError as exc:
            raise IngestError(path, f"the PDF needs a feature that is not installed ({first_line(exc)})") from None
        except (PyPdfError, ValueError, KeyError, TypeError, OSError, AttributeError, IndexError,
                AssertionError, ZeroDivisionError) as exc:
            raise IngestError(path, f"not a readable PDF ({type(exc).__name__}: {first_line(exc)})") from None
    text = "\n\n".join(p for p in pages if p.strip())
    if not text.strip():
        raise IngestError(path, f"no extractable text in {len(pages)} page(s) (a scanned PDF? run OCR on it first)")
    doc = document_from_text(text, path, fmt="pdf")
    title, author, created = _metadata(reader)
    doc.title = title or doc.title
    doc.author = author or doc.author
    doc.published = doc.published or created
    return [doc]


def _metadata(reader: PdfReader) -> tuple[str | None, str | None, str | None]:
    try:
        meta = reader.metadata
    except (PyPdfError, ValueError, KeyError, TypeError):
        return None, None, None
    if meta is None:
        return None, None, None
    title = (meta.title or "").strip() or None
    if title and _JUNK_TITLE.match(title):
        title = None
    author = (meta.author or "").strip() or None
    try:
        created = normalize_date(meta.creation_date) if meta.creation_date else None
    except (ValueError, TypeError):
        created = None
    return title, author, created

