"""A generator of hostile inputs: bad files for every reader, bad sidecars, odd file-system objects,
and bad STIX bundles, written into a folder. Each is a `Case`: the file's name and what must happen
to it (`bad`: a one-line error naming it; `ok`: stored as a document; `any`: either, never a crash).

    python -m tests.hostile.inputs FOLDER     # writes them all, for probing by hand
"""
from __future__ import annotations

import json
import os
import socket
import sys
import zlib
from dataclasses import dataclass
from pathlib import Path

GOOD = "The {name} is an armed group formed in {year}. In {later} the {name} pledged allegiance to the Islamic State.\n"


@dataclass(frozen=True)
class Case:
    name: str  # the file (or folder entry) name inside the folder
    expect: str  # "bad", "ok" or "any"
    what: str


def write_good(folder: Path, n: int = 20) -> list[Path]:
    """n small, good documents in several formats."""
    folder.mkdir(parents=True, exist_ok=True)
    out = []
    for i in range(n):
        name = f"Northern Front {i:02d}"
        text = f"{name}\n\n" + GOOD.format(name=name, year=2000 + i, later=2001 + i)
        suffix = (".txt", ".md", ".jsonl")[i % 3]
        path = folder / f"good-{i:02d}{suffix}"
        if suffix == ".jsonl":
            path.write_text(json.dumps({"text": text, "title": name}) + "\n", encoding="utf-8")
        elif suffix == ".md":
            path.write_text(f"---\ntitle: {name}\n---\n# {name}\n\n" + GOOD.format(name=name, year=2000 + i, later=2001 + i))
        else:
            path.write_text(text, encoding="utf-8")
        out.append(path)
    return out


def _pdf(objects: list[bytes], root: int = 1) -> bytes:
    """A PDF made of raw objects (numbered from 1), with a correct cross-reference table."""
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for i, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % i + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % o for o in offsets)
    out += b"trailer\n<< /Size %d /Root %d 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, root, xref)
    return bytes(out)


def _pdf_page(content: bytes, filters: bytes = b"") -> bytes:
    stream = b"<< /Length %d %s >>\nstream\n" % (len(content), filters) + content + b"\nendstream"
    return _pdf([b"<< /Type /Catalog /Pages 2 0 R >>",
                 b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
                 b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
                 b"/Resources << /Font << /F1 5 0 R >> >> >>",
                 stream,
                 b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"])


def _text_pdf(text: str) -> bytes:
    return _pdf_page(b"BT /F1 12 Tf 72 720 Td (%s) Tj ET" % text.encode("latin-1"))


def _encrypted_pdfs(folder: Path) -> list[Case]:
    try:
        from fpdf import FPDF
        from fpdf.enums import EncryptionMethod
    except ImportError:  # fpdf2 is a dev dependency of the tests
        return []
    out = []
    for name, user, expect in (("aes-empty-password.pdf", "", "ok"), ("aes-with-password.pdf", "secret", "bad")):
        pdf = FPDF()
        pdf.add_page()
        pdf.set_font("Helvetica", size=11)
        pdf.multi_cell(0, 6, "An encrypted report: the Northern Front was formed in 2012 in the hills.")
        pdf.set_encryption(owner_password="owner", user_password=user, encryption_method=EncryptionMethod.AES_256)
        (folder / name).write_bytes(bytes(pdf.output()))
        out.append(Case(name, expect, "an AES-256 encrypted PDF"))
    return out


def write_documents(folder: Path) -> list[Case]:
    """Write every hostile document input into `folder`; the cases, in no particular order."""
    folder.mkdir(parents=True, exist_ok=True)
    cases: list[Case] = []

    def put(name: str, data: bytes | str, expect: str, what: str) -> None:
        path = folder / name
        path.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
        cases.append(Case(name, expect, what))

    prose = GOOD.format(name="Hostile Test Front", year=2010, later=2014)
    # -- plain text ---------------------------------------------------------------------------
    put("empty.txt", b"", "bad", "an empty file")
    put("whitespace.txt", b" \n\t\r\n  ", "bad", "only whitespace")
    put("nul.txt", b"text\x00more", "bad", "a NUL byte")
    put("random-binary.txt", bytes((i * 97 + 13) % 256 for i in range(5000)), "bad", "binary noise")
    put("latin1.txt", "Caf\xe9 report about the group.\n".encode("latin-1"), "bad", "Latin-1 bytes")
    put("overlong-utf8.txt", b"abc \xc0\xaf def", "bad", "an overlong UTF-8 sequence")
    put("truncated-utf8.txt", "Ansar al-Sharia \u062c".encode()[:-1], "bad", "a cut multi-byte character")
    put("utf16-bom.txt", ("\ufeff" + prose).encode("utf-16-le"), "ok", "UTF-16 with a BOM")
    put("utf16-no-bom.txt", prose.encode("utf-16-le"), "bad", "UTF-16 without a BOM (NUL bytes)")
    put("utf8-bom.txt", "\ufeff" + prose, "ok", "UTF-8 with a BOM")
    put("bom-only.txt", b"\xef\xbb\xbf", "bad", "a BOM and nothing else")
    put("one-byte.txt", b"x", "ok", "one character")
    put("cr-only.txt", prose.replace("\n", "\r") * 20, "ok", "old Mac line ends")
    put("control-chars.txt", "Title\x07\x1b[31m\n\n" + prose, "ok", "control characters and ANSI codes")
    put("bidi-override.txt", "\u202eTitle\u202c\n\n" + prose, "ok", "bidirectional override marks")
    put("zero-width.txt", "Nor\u200bthern\u200d Front\n\n" + prose, "ok", "zero-width characters")
    put("long-line.txt", "word " * 12000, "ok", "one 60 KB line")
    put("long-word.txt", "x" * 60000, "ok", "one 60 KB word")
    put("many-lines.txt", "line of prose\n" * 5000, "ok", "5,000 short lines")
    put("many-blank-lines.txt", "Title\n" + "\n" * 50000 + prose, "ok", "50,000 blank lines")
    put("whitespace-runs.txt", "- Leaders: " + " " * 20000 + "x\n" + prose, "ok", "a 20,000-space run in a field")
    put("brackets.txt", "(" * 20000 + prose + ")" * 20000, "ok", "20,000 nested brackets")
    put("trigger-runs.txt", "By Jane " * 2000 + "\n" + "January 2015, " * 1000, "ok", "runs of trigger tokens")
    put("pdf-in-txt.txt", b"%PDF-1.4\n%garbage only", "bad", "a broken PDF named .txt")
    put("html-in-txt.txt", "<!doctype html><html><body><p>" + prose + "</p></body></html>", "any",
        "an HTML page named .txt")
    # -- Markdown ---------------------------------------------------------------------------
    put("front-matter-bad-yaml.md", "---\ntitle: [unclosed\n---\n" + prose, "bad", "invalid YAML front matter")
    put("front-matter-list.md", "---\n- a\n- b\n---\n" + prose, "bad", "front matter that is a list")
    put("front-matter-bad-date.md", "---\ndate: not a date 99\n---\n" + prose, "ok", "a bad date (left out, warned)")
    put("front-matter-kind.md", "---\nsource_kind: blog\n---\n" + prose, "ok", "an unknown source kind (left out, warned)")
    put("front-matter-python.md", "---\ntitle: !!python/object/apply:os.system ['true']\n---\n" + prose, "bad",
        "a YAML tag that would run code")
    laughs = "---\na: &a [x, x, x, x, x, x, x, x, x]\n" + "".join(
        f"{chr(98 + i)}: &{chr(98 + i)} [*{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}, "
        f"*{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}]\n" for i in range(8))
    put("front-matter-laughs.md", laughs + "title: Laughs\n---\n" + prose, "any", "billion laughs in YAML")
    put("front-matter-deep.md", "---\na: " + "[" * 3000 + "]" * 3000 + "\n---\n" + prose, "any",
        "front matter nested 3,000 deep")
    put("emphasis-bomb.md", "**a " * 16000, "ok", "64 KB of unclosed emphasis")
    put("link-bomb.md", "[a " * 16000, "ok", "unclosed link texts")
    put("tag-bomb.md", "<a " * 16000, "ok", "unclosed tags")
    put("comment-bomb.md", "<!-- " * 16000, "ok", "unclosed comments")
    put("code-fence-open.md", "# Title\n\n```\n" + prose * 10, "ok", "a code fence never closed")
    put("headings.md", "".join(f"{'#' * (1 + i % 6)} Heading {i}\n\ntext {i}.\n\n" for i in range(3000)), "ok",
        "3,000 nested headings")
    put("only-front-matter.md", "---\ntitle: Nothing\n---\n", "bad", "front matter and no text")
    put("nul.md", b"# Title\n\x00\x00", "bad", "NUL bytes in Markdown")
    put("heading-spaces.md", "# a" + " " * 30000 + "b\n\n" + prose, "ok", "a heading with a 30,000-space run")
    # -- HTML -------------------------------------------------------------------------------
    put("empty-page.html", "<html></html>", "bad", "an empty page")
    put("script-only.html", "<html><body><script>" + "var a=1;" * 1000 + "</script></body></html>", "bad",
        "a page of script")
    put("xxe.html", '<?xml version="1.0"?><!DOCTYPE html [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>'
        '<html><body><article><p>&xxe; ' + prose * 3 + "</p></article></body></html>", "any", "an XXE entity")
    lol = '<?xml version="1.0"?><!DOCTYPE html [<!ENTITY lol "lol">' + "".join(
        f'<!ENTITY lol{i} "{("&lol" + (str(i - 1) if i > 1 else "") + ";") * 10}">' for i in range(1, 10)) + "]>"
    put("billion-laughs.xhtml", lol + "<html><body><p>&lol9;</p><p>" + prose * 3 + "</p></body></html>", "any",
        "billion laughs XHTML")
    put("deep-divs.html", "<html><body>" + "<div>" * 20000 + prose + "</div>" * 20000 + "</body></html>", "any",
        "20,000 nested divs")
    put("unclosed.html", "<html><body><p>" + ("<b><i><span>" + prose) * 200, "any", "tags never closed")
    put("h1-script.html", "<html><head><title>T</title></head><body><h1>Real title<script>alert(1)</script></h1>"
        "<article><p>" + prose * 3 + "</p></article></body></html>", "ok", "script inside a heading")
    put("huge-attribute.html", '<html><body><p title="' + "x" * 200000 + '">' + prose * 3 + "</p></body></html>",
        "any", "a 200 KB attribute")
    put("charset-lie.html", '<html><head><meta charset="utf-16"></head><body><p>' + prose * 3 + "</p></body></html>",
        "any", "a charset that lies")
    put("binary.html", bytes(range(256)) * 20, "bad", "binary bytes named .html")
    put("comments.html", "<html><body>" + "<!--" * 20000 + "<p>" + prose + "</p></body></html>", "any",
        "20,000 unclosed comments")
    put("frameset.html", '<html><frameset><frame src="x.html"></frameset></html>', "bad", "only a frameset")
    put("svg-script.html", "<html><body><svg><script>alert(1)</script><text>svg</text></svg><p>" + prose * 3 +
        "</p></body></html>", "any", "script in SVG")
    # -- wikitext ---------------------------------------------------------------------------
    put("templates-open.wiki", "{{" * 20000 + prose, "any", "20,000 unclosed templates")
    put("templates-deep.wiki", "{{a|" * 3000 + "x" + "}}" * 3000 + "\n\n" + prose, "any", "templates nested 3,000 deep")
    put("links-open.wiki", "[[" * 20000 + prose, "any", "unclosed links")
    put("table-open.wiki", "{|\n|-\n| a\n" * 2000 + prose, "any", "tables never closed")
    put("infobox-params.wiki", "{{Infobox group\n" + "".join(f"| p{i} = v{i}\n" for i in range(5000)) + "}}\n" + prose,
        "any", "an infobox of 5,000 parameters")
    put("refs.wiki", prose + "<ref>" * 5000, "any", "5,000 unclosed refs")
    put("empty.wiki", "== Heading ==\n", "any", "only a heading")
    put("binary.wiki", b"\x00\x01" * 100, "bad", "binary bytes named .wiki")
    # -- PDF --------------------------------------------------------------------------------
    put("header-only.pdf", b"%PDF-1.4\n", "bad", "a PDF header and nothing else")
    put("garbage.pdf", b"%PDF-1.7\n" + bytes((i * 31) % 256 for i in range(4000)), "bad", "a PDF header then noise")
    good_pdf = _text_pdf("The Northern Front was formed in 2012.")
    put("text.pdf", good_pdf, "ok", "a small PDF made by hand")
    put("truncated.pdf", good_pdf[: len(good_pdf) // 2], "any", "a PDF cut in half")
    put("bad-xref.pdf", good_pdf.replace(b"xref", b"xrfe"), "any", "a broken cross-reference table")
    put("no-text.pdf", _pdf_page(b"0 0 m 100 100 l S"), "bad", "a page without text")
    bomb = zlib.compress(b"0" * (64 * 1024 * 1024), 9)
    put("flate-bomb.pdf", _pdf_page(bomb, b"/Filter /FlateDecode"), "any", "a 64 MB stream in 64 KB")
    put("bad-flate.pdf", _pdf_page(b"not zlib at all", b"/Filter /FlateDecode"), "any", "a stream that is not zlib")
    put("page-loop.pdf", _pdf([b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [2 0 R] /Count 1 >>"]),
        "bad", "a page tree that contains itself")
    put("root-missing.pdf", _pdf([b"<< /Type /Pages /Kids [] /Count 0 >>"], root=9), "bad", "a root that is not there")
    put("deep-array.pdf", _pdf([b"<< /Type /Catalog /Pages 2 0 R /X " + b"[" * 5000 + b"]" * 5000 + b" >>",
                                b"<< /Type /Pages /Kids [] /Count 0 >>"]), "bad", "an array nested 5,000 deep")
    cases += _encrypted_pdfs(folder)
    # -- JSON Lines -------------------------------------------------------------------------
    put("binary.jsonl", bytes(range(256)) * 40, "bad", "binary bytes named .jsonl")
    put("deep.jsonl", '{"text": ' + "[" * 5000 + "]" * 5000 + "}\n", "bad", "a record nested 5,000 deep")
    put("deep-field.jsonl", json.dumps({"text": prose, "title": "x"})[:-1] + ', "x": ' + "{\"a\":" * 3000 +
        "1" + "}" * 3000 + "}\n", "bad", "a field nested 3,000 deep")
    put("array.jsonl", "[1, 2, 3]\n", "bad", "an array, not an object")
    put("number.jsonl", "42\n", "bad", "a number")
    put("no-text.jsonl", '{"title": "x"}\n', "bad", "no text")
    put("text-number.jsonl", '{"text": 5}\n', "bad", "text that is a number")
    put("text-empty.jsonl", '{"text": "   "}\n', "bad", "empty text")
    put("surrogates.jsonl", '{"text": "A group \\ud800 formed in 2014 \\udfff here."}\n', "ok", "lone surrogate escapes")
    put("nan.jsonl", '{"text": "' + prose.strip() + '", "n": NaN}\n', "any", "a NaN literal")
    put("huge-number.jsonl", '{"text": "' + prose.strip() + '", "n": 1e999999}\n', "any", "a number too large")
    put("bad-published.jsonl", json.dumps({"text": prose, "published": {"y": 1}}) + "\n", "bad", "a date that is an object")
    put("many-bad-lines.jsonl", "not json\n" * 1000 + json.dumps({"text": prose}) + "\n", "any", "1,000 bad lines")
    put("bom.jsonl", "\ufeff" + json.dumps({"text": prose}) + "\n", "ok", "a BOM before the first record")
    put("crlf.jsonl", json.dumps({"text": prose}) + "\r\n" + json.dumps({"text": prose + " Again."}) + "\r\n", "ok",
        "CRLF line ends")
    put("trailing-garbage.jsonl", json.dumps({"text": prose}) + " garbage\n", "bad", "garbage after the record")
    put("invalid-utf8.jsonl", b'{"text": "caf\xe9"}\n', "bad", "invalid UTF-8 in a record")
    put("long-key.jsonl", json.dumps({"text": prose, "k" * 100000: 1}) + "\n", "ok", "a 100 KB key")
    put("big-record.jsonl", json.dumps({"text": prose * 300}) + "\n", "ok", "a 30 KB record")
    put("nul-escape.jsonl", '{"text": "A group\\u0000 formed in 2014."}\n', "any", "a NUL escape in the text")
    # -- sidecars ---------------------------------------------------------------------------
    for name, sidecar, what in (
        ("side-deep.txt", '{"title": ' + "[" * 5000 + "]" * 5000 + "}", "a sidecar nested 5,000 deep"),
        ("side-invalid.txt", "{title: no quotes}", "a sidecar that is not JSON"),
        ("side-list.txt", "[1, 2]", "a sidecar that is a list"),
        ("side-unknown.txt", '{"autor": "x"}', "a sidecar with an unknown key"),
        ("side-binary.txt", b"\x00\xff\x00", "a binary sidecar"),
        ("side-date.txt", '{"published": "soon"}', "a sidecar with a bad date"),
        ("side-huge.txt", '{"title": "' + "x" * (2 * 1024 * 1024) + '"}', "a 2 MB sidecar"),
    ):
        put(name, prose, "bad", what)
        sc = folder / (name + ".meta.json")
        sc.write_bytes(sidecar if isinstance(sidecar, bytes) else sidecar.encode())
    # -- names and file-system objects ------------------------------------------------------
    put("unknown.exe", b"MZ\x90\x00", "bad", "an unsupported extension")
    put("noext", bytes(range(256)), "bad", "no extension, binary")
    put("-starts-with-dash.txt", prose, "ok", "a name starting with a dash")
    put("spaces and 'quotes' \"here\".txt", prose, "ok", "spaces and quotes in the name")
    put("new\nline.txt", prose, "ok", "a newline in the name")
    put("ansi\x1b[31mred.txt", prose, "ok", "an ANSI escape in the name")
    put("x" * 240 + ".txt", prose, "ok", "a 244-character name")
    raw = os.fsencode(folder) + b"/caf\xe9-latin1-name.txt"
    with open(raw, "wb") as fh:
        fh.write((prose + " Named in Latin-1.").encode())
    cases.append(Case(os.fsdecode(b"caf\xe9-latin1-name.txt"), "ok", "a name that is not UTF-8"))
    os.mkfifo(folder / "fifo.txt")
    cases.append(Case("fifo.txt", "bad", "a FIFO"))
    os.symlink("/dev/zero", folder / "dev-zero.txt")
    cases.append(Case("dev-zero.txt", "bad", "a symlink to /dev/zero"))
    os.symlink("loop-b.txt", folder / "loop-a.txt")
    os.symlink("loop-a.txt", folder / "loop-b.txt")
    cases += [Case("loop-a.txt", "bad", "a symlink loop"), Case("loop-b.txt", "bad", "a symlink loop")]
    os.symlink("does-not-exist.txt", folder / "dangling.txt")
    cases.append(Case("dangling.txt", "bad", "a broken symlink"))
    (folder / "folder.txt").mkdir()
    (folder / "folder.txt" / "inner.txt").write_text(prose + " Inside a folder named .txt.")
    cases.append(Case(os.path.join("folder.txt", "inner.txt"), "ok", "a folder named like a file"))
    sock = socket.socket(socket.AF_UNIX)
    try:
        sock.bind(str(folder / "socket.txt"))
        cases.append(Case("socket.txt", "bad", "a UNIX socket"))
    except OSError:  # a path too long for a socket: skip this one
        pass
    finally:
        sock.close()
    put("over-limit.txt", "A long report. " * 80000, "bad", "a file over the size limit the test sets (1 MB)")
    return cases


def write_bundles(folder: Path) -> list[Case]:
    """Write every hostile STIX bundle into `folder`; the cases."""
    folder.mkdir(parents=True, exist_ok=True)
    cases: list[Case] = []
    ts = "2024-01-31T00:00:00.000Z"

    def oid(kind: str, n: int) -> str:
        return f"{kind}--00000000-0000-4000-8000-{n:012d}"

    def group(n: int, **extra) -> dict:
        return {"type": "intrusion-set", "spec_version": "2.1", "id": oid("intrusion-set", n), "created": ts,
                "modified": ts, "name": f"Hostile Group {n}", **extra}

    def rel(n: int, a: int, b: int, **extra) -> dict:
        return {"type": "relationship", "spec_version": "2.1", "id": oid("relationship", n), "created": ts,
                "modified": ts, "relationship_type": "cooperates-with", "source_ref": oid("intrusion-set", a),
                "target_ref": oid("intrusion-set", b),
                "description": f"Hostile Group {a} cooperated with Hostile Group {b} in 2015.", **extra}

    def bundle(*objects, **extra) -> dict:
        return {"type": "bundle", "id": oid("bundle", 1), "objects": list(objects), **extra}

    def put(name: str, data, expect: str, what: str) -> None:
        path = folder / name
        if isinstance(data, (dict, list)):
            data = json.dumps(data)
        path.write_bytes(data.encode("utf-8", "surrogatepass") if isinstance(data, str) else data)
        cases.append(Case(name, expect, what))

    ok = bundle(group(1), group(2), rel(3, 1, 2))
    put("good.json", ok, "ok", "a good bundle")
    put("bom.json", "\ufeff" + json.dumps(ok), "ok", "a UTF-8 BOM")
    put("empty.json", b"", "bad", "an empty file")
    put("not-json.json", "{ not json", "bad", "not JSON")
    put("truncated.json", json.dumps(ok)[:-20], "bad", "cut short")
    put("trailing.json", json.dumps(ok) + " trailing", "bad", "garbage after the bundle")
    put("array.json", [ok], "bad", "an array at the top")
    put("string.json", '"bundle"', "bad", "a string at the top")
    put("not-bundle.json", {"type": "report"}, "bad", "not a bundle")
    put("stix20.json", bundle(group(1), spec_version="2.0"), "bad", "a STIX 2.0 bundle")
    put("objects-not-list.json", {"type": "bundle", "id": oid("bundle", 1), "objects": {"a": 1}}, "bad",
        "objects that are not a list")
    put("object-not-dict.json", bundle(42), "bad", "an object that is a number")
    put("no-id.json", bundle({"type": "intrusion-set", "spec_version": "2.1", "name": "x"}), "bad", "an object without id")
    put("bad-id.json", bundle({**group(1), "id": "intrusion-set--nope"}), "bad", "a malformed id")
    put("id-type-mismatch.json", bundle({**group(1), "id": oid("identity", 1)}), "bad", "an id of another type")
    put("no-spec-version.json", bundle({k: v for k, v in group(1).items() if k != "spec_version"}), "bad",
        "an object without spec_version")
    put("object-stix20.json", bundle({**group(1), "spec_version": "2.0"}), "bad", "a STIX 2.0 object")
    put("unknown-type.json", bundle({**group(1), "type": "x-weird", "id": oid("x-weird", 1)}), "bad", "an unknown type")
    put("no-source.json", bundle(group(1), group(2), {k: v for k, v in rel(3, 1, 2).items() if k != "source_ref"}),
        "bad", "a relationship without source_ref")
    put("dangling.json", bundle(group(1), rel(3, 1, 9)), "bad", "a dangling target_ref")
    put("dangling-report.json", bundle(group(1), {"type": "report", "spec_version": "2.1", "id": oid("report", 5),
                                                  "created": ts, "modified": ts, "name": "R", "published": ts,
                                                  "object_refs": [oid("location", 7)]}), "bad", "a dangling object_ref")
    put("bad-created.json", bundle({**group(1), "created": "yesterday"}), "bad", "a created that is no timestamp")
    put("name-number.json", bundle({**group(1), "name": 42}), "bad", "a name that is a number")
    put("null-property.json", bundle(group(1), group(2), {**rel(3, 1, 2), "x_note": None}), "any",
        "a custom property that is null")
    put("deep-nesting.json", '{"type": "bundle", "id": "%s", "objects": [%s]}' % (
        oid("bundle", 1), json.dumps(group(1))[:-1] + ', "x_deep": ' + "[" * 5000 + "]" * 5000 + "}"), "bad",
        "a property nested 5,000 deep")
    put("deep-top.json", '{"type": "bundle", "id": "%s", "x": %s, "objects": []}' % (
        oid("bundle", 1), "[" * 5000 + "]" * 5000), "any", "a top-level key nested 5,000 deep")
    put("aliases-string.json", bundle(group(1, aliases="AB"), group(2), rel(3, 1, 2)), "ok", "aliases as a string")
    put("duplicates.json", bundle(group(1), {**group(1), "modified": "2025-01-01T00:00:00.000Z", "name": "Newer"},
                                  {**group(1), "modified": "2020-01-01T00:00:00.000Z", "name": "Older"}, group(2),
                                  rel(3, 1, 2)), "ok", "one id three times")
    put("surrogate-name.json", json.dumps(bundle(group(1), group(2), rel(3, 1, 2))).replace(
        "Hostile Group 1", "Hostile \\ud800 Group 1"), "ok", "a lone surrogate in a name")
    put("nul-name.json", json.dumps(bundle(group(1), group(2), rel(3, 1, 2))).replace(
        "Hostile Group 1", "Hostile\\u0000Group 1"), "any", "a NUL in a name")
    put("huge-description.json", bundle(group(1), group(2), rel(3, 1, 2, description="The two cooperated. " * 50000)),
        "ok", "a 1 MB description")
    put("self-tie.json", bundle(group(1), rel(3, 1, 1)), "any", "a group tied to itself")
    put("bad-citation.json", bundle(group(1), group(2), rel(3, 1, 2, x_factionmap_citations=[
        {"quote": "x", "report_ref": oid("report", 9)}])), "bad", "a citation of a report not there")
    put("citation-date.json", bundle(group(1), group(2), {"type": "report", "spec_version": "2.1", "id": oid("report", 9),
                                                          "created": ts, "modified": ts, "name": "R", "published": ts,
                                                          "object_refs": [oid("relationship", 3)]},
                                     rel(3, 1, 2, x_factionmap_citations=[{"quote": "x", "report_ref": oid("report", 9),
                                                                           "start": {"iso": "2015"}}])), "bad",
        "a citation date without its bounds")
    put("unknown-relation.json", bundle(group(1), group(2), rel(3, 1, 2, relationship_type="befriends")), "any",
        "a relationship type factionmap has no relation for")
    put("invalid-utf8.json", json.dumps(ok).replace("Hostile Group 1", "Hostile Group \udce9").encode(
        "utf-8", "surrogateescape"), "bad", "invalid UTF-8")
    put("utf16.json", json.dumps(ok).encode("utf-16"), "bad", "UTF-16")
    put("nan.json", json.dumps(bundle(group(1, x_n=float("nan")))), "any", "a NaN number")
    put("huge-number.json", json.dumps(bundle(group(1))).replace('"name"', '"x_n": 1e999999, "name"'), "any",
        "a number too large for a float")
    put("location-empty.json", bundle({"type": "location", "spec_version": "2.1", "id": oid("location", 1),
                                       "created": ts, "modified": ts}), "bad", "a location without any place")
    put("system-identity.json", bundle({"type": "identity", "spec_version": "2.1", "id": oid("identity", 1),
                                        "created": ts, "modified": ts, "name": "S", "identity_class": "system"}),
        "any", "a system identity")
    return cases


if __name__ == "__main__":
    target = Path(sys.argv[1] if len(sys.argv) > 1 else "hostile-inputs")
    docs = write_documents(target / "documents")
    bundles = write_bundles(target / "bundles")
    print(f"{len(docs)} documents and {len(bundles)} bundles written under {target}")
