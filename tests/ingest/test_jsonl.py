"""JSON Lines: one document a record; a bad line is reported with its line number and skipped."""
from __future__ import annotations

import pytest

from factionmap.errors import IngestError
from factionmap.ingest import read_bytes, read_file
from factionmap.ingest.jsonl import parse_jsonl
from factionmap.model import SourceKind, content_id

from .conftest import FIXTURES


def test_records_and_their_metadata():
    docs = read_file(FIXTURES / "records.jsonl")
    assert [d.title for d in docs] == ["Valley Brigade commander killed", "Battalion denies merger", None]
    first, second, third = docs
    assert (first.published, first.publisher, first.url) == ("2015-05-02", "Example Wire", "https://wire.example.org/1")
    assert first.source_kind is SourceKind.NEWS
    assert (second.published, second.author) == ("2016-06", "Kim Park")
    assert third.text == "Officials in Examplia said the Lake Coast Movement operates in the bay islands."
    assert all(d.format == "jsonl" and d.path == str(FIXTURES / "records.jsonl") for d in docs)


def test_each_record_id_is_the_hash_of_its_line():
    data = (FIXTURES / "records.jsonl").read_bytes()
    lines = [ln for ln in data.split(b"\n") if ln.strip()]
    docs = read_file(FIXTURES / "records.jsonl")
    assert [d.id for d in docs] == [content_id(ln) for ln in lines]
    assert len({d.id for d in docs}) == 3


def test_a_bad_line_is_reported_with_its_number_and_skipped():
    data = (b'{"text": "First fictional record."}\n'
            b'{"text": "broken\n'
            b'["not", "an object"]\n'
            b'{"title": "no text"}\n'
            b'{"text": "Fifth record.", "date": "not a date"}\n'
            b'{"text": "Sixth fictional record."}\n')
    docs, errors = parse_jsonl(data, "news.jsonl")
    assert [d.text for d in docs] == ["First fictional record.", "Sixth fictional record."]
    assert [str(e) for e in errors] == [
        "news.jsonl: line 2: invalid JSON (Unterminated string starting at at column 10)",
        "news.jsonl: line 3: expected a JSON object, got list",
        "news.jsonl: line 4: the record has no 'text' (a non-empty string is required)",
        "news.jsonl: line 5: metadata 'published': 'not a date' is not a date (use e.g. 2016-03-03)",
    ]
    reported: list[IngestError] = []
    assert len(read_bytes(data, "news.jsonl", on_error=reported.append)) == 2
    assert len(reported) == 4


def test_without_a_callback_the_first_bad_line_is_raised():
    with pytest.raises(IngestError, match=r"^n\.jsonl: line 2: "):
        read_bytes(b'{"text": "ok"}\n{oops}\n', "n.jsonl")


def test_undecodable_line():
    docs, errors = parse_jsonl(b'{"text": "ok"}\n{"text": "\xff\xfe"}\n', "u.jsonl")
    assert len(docs) == 1
    assert str(errors[0]).startswith("u.jsonl: line 2: byte")
