#!/usr/bin/env bash
# Copy the web app's front-end libraries from node_modules/ (installed by `npm ci` from the committed
# package-lock.json) into src/factionmap/web/static/vendor/ (git-ignored). Nothing is downloaded here.
# Run from anywhere; idempotent. The app refuses to start, with a message naming this script, until
# it has run.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
nm="$root/node_modules"
out="$root/src/factionmap/web/static/vendor"

files=(
  "cytoscape/dist/cytoscape.min.js"
  "layout-base/layout-base.js"
  "cose-base/cose-base.js"
  "cytoscape-fcose/cytoscape-fcose.js"
  "cytoscape-dagre/dist/cytoscape-dagre.min.js"
  "leaflet/dist/leaflet.js"
  "leaflet/dist/leaflet.css"
  "topojson-client/dist/topojson-client.min.js"
  "world-atlas/countries-110m.json"
)
for f in "${files[@]}"; do
  if [ ! -f "$nm/$f" ]; then
    echo "build-web: $nm/$f is missing; run 'npm ci' in $root first" >&2
    exit 1
  fi
done

rm -rf "$out.tmp"
mkdir -p "$out.tmp/licenses"
for f in "${files[@]}"; do
  cp "$nm/$f" "$out.tmp/$(basename "$f")"
  pkg="${f%%/*}"
  [ -f "$nm/$pkg/LICENSE" ] && cp "$nm/$pkg/LICENSE" "$out.tmp/licenses/$pkg.LICENSE"
done
# The manifest lists what was built; the app checks it at start-up.
( cd "$out.tmp" && for f in "${files[@]}"; do basename "$f"; done ) > "$out.tmp/MANIFEST"
rm -rf "$out"
mv "$out.tmp" "$out"
echo "build-web: $(wc -l < "$out/MANIFEST") files in ${out#$root/}"
