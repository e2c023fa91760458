"""What the web app's own CSS and scripts say about the map's look, read for checks: each relation
family's colour (app.css --fam-NAME) and its line and arrow style (map-style.js FAMILY_STYLE)."""
from __future__ import annotations

import re

from .assets import STATIC


def family_colours() -> dict[str, str]:
    css = (STATIC / "app.css").read_text(encoding="utf-8")
    return dict(re.findall(r"--fam-(\w+):\s*(#[0-9A-Fa-f]{6})", css))


def family_styles() -> dict[str, str]:
    js = (STATIC / "map-style.js").read_text(encoding="utf-8")
    block = js[js.index("FAMILY_STYLE = {"):js.index("};", js.index("FAMILY_STYLE = {"))]
    return {name: body.strip() for name, body in re.findall(r"(\w+):\s*\{([^}]*)\}", block)}
