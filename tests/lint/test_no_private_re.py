"""No module of the package, its tests or its benchmarks uses `re`'s private internals (`re._parser`,
`re._compiler`, `re._constants`, `re._casefix`, or their old names `sre_parse`, `sre_compile`,
`sre_constants`): they change between Python versions without notice."""
from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PRIVATE = {"sre_parse", "sre_compile", "sre_constants"}


def private_re_uses(source: str) -> list[str]:
    """The private `re` names a module's source imports or reads (`re._parser`, `from re import _parser`)."""
    found = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            found += [a.name for a in node.names if a.name.split(".")[0] in PRIVATE or a.name.startswith("re._")]
        elif isinstance(node, ast.ImportFrom):
            module = node.module or ""
            if module.split(".")[0] in PRIVATE or module.startswith("re._"):
                found.append(module)
            elif module == "re":
                found += [f"re.{a.name}" for a in node.names if a.name.startswith("_")]
        elif isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name) and node.value.id == "re" \
                and node.attr.startswith("_"):
            found.append(f"re.{node.attr}")
        elif isinstance(node, ast.Call) and ast.unparse(node.func) in ("importlib.import_module", "__import__") \
                and node.args and isinstance(node.args[0], ast.Constant) and isinstance(node.args[0].value, str):
            name = node.args[0].value
            if name.split(".")[0] in PRIVATE or name.startswith("re._"):
                found.append(name)
    return found


def test_no_private_re_internals():
    offenders = {}
    for folder in ("src", "tests", "bench", "scripts"):
        for path in sorted((ROOT / folder).rglob("*.py")):
            uses = private_re_uses(path.read_text(encoding="utf-8"))
            if uses:
                offenders[str(path.relative_to(ROOT))] = uses
    assert offenders == {}


def test_the_check_sees_each_way_in():
    assert private_re_uses("from re import _parser as p\n") == ["re._parser"]
    assert private_re_uses("import sre_parse\n") == ["sre_parse"]
    assert private_re_uses("import re._constants\n") == ["re._constants"]
    assert private_re_uses("from re._parser import parse\n") == ["re._parser"]
    assert private_re_uses("import re\ntree = re._parser.parse('a')\n") == ["re._parser"]
    assert private_re_uses("import importlib\nimportlib.import_module('sre_constants')\n") == ["sre_constants"]
    assert private_re_uses("import re\nre.compile('a').match('a')\n") == []
