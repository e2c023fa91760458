"""The front-end libraries that `scripts/build-web.sh` copies from node_modules into static/vendor/."""
from __future__ import annotations

from pathlib import Path

from ..errors import WebAssetsMissing

STATIC = Path(__file__).parent / "static"
VENDOR = STATIC / "vendor"
REQUIRED = ("cytoscape.min.js", "layout-base.js", "cose-base.js", "cytoscape-fcose.js", "cytoscape-dagre.min.js",
            "leaflet.js", "leaflet.css", "topojson-client.min.js", "countries-110m.json")


def check_vendor(vendor: Path = VENDOR) -> None:
    missing = [name for name in REQUIRED if not (vendor / name).is_file()]
    if missing:
        raise WebAssetsMissing(
            f"the web app's front-end libraries are not built ({', '.join(missing)} missing from {vendor}); "
            "run `make setup` (or `npm ci && bash scripts/build-web.sh`) in the factionmap source tree"
        )
