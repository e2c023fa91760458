"""The README's Python example runs as written (on the sample corpus, in a temp folder)."""
from __future__ import annotations

import os
import re
from pathlib import Path

ROOT = Path(__file__).parents[1]


def test_readme_python_example_runs(tmp_path, capsys):
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("## The Python API", 1)[1]
    code = re.search(r"```python\n(.*?)```", section, re.S).group(1)
    code = code.replace('"samples/corpus"', repr(str(ROOT / "samples" / "corpus")))
    code = code.replace('"article.txt"', repr(str(ROOT / "tests" / "fixtures" / "cli" / "corpus" / "northern-front.txt")))
    cwd = os.getcwd()
    os.chdir(tmp_path)
    try:
        exec(compile(code, "README.md", "exec"), {})
    finally:
        os.chdir(cwd)
    assert (tmp_path / "map.db").exists() and (tmp_path / "map.json").stat().st_size > 0
    assert "|" in capsys.readouterr().out  # at least one tie printed with its quote


def test_readme_opens_with_the_two_commands():
    first_block = (ROOT / "README.md").read_text(encoding="utf-8").split("```")[1]
    assert "make demo" in first_block and "make test" in first_block
