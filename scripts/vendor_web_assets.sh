#!/usr/bin/env bash
# Reproduces src/geopol/web/static/vendor/ from pinned npm packages (run from the repository root).
# The vendored files are committed, so installing geopol needs no npm; rerun this only to upgrade.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
DEST="$ROOT/src/geopol/web/static/vendor"
BUILD="$(mktemp -d)"
trap 'rm -rf "$BUILD"' EXIT
cd "$BUILD"
npm init -y >/dev/null
npm install --no-audit --no-fund --ignore-scripts \
  d3-array@3.2.4 d3-geo@3.1.1 topojson-client@3.1.0 world-atlas@2.0.2 cytoscape@3.30.4 >/dev/null
mkdir -p "$DEST"
M="$BUILD/node_modules"
cp "$M/d3-array/dist/d3-array.min.js" "$DEST/d3-array.min.js"
cp "$M/d3-array/LICENSE" "$DEST/d3-array.LICENSE"
cp "$M/d3-geo/dist/d3-geo.min.js" "$DEST/d3-geo.min.js"
cp "$M/d3-geo/LICENSE" "$DEST/d3-geo.LICENSE"
cp "$M/topojson-client/dist/topojson-client.min.js" "$DEST/topojson-client.min.js"
cp "$M/topojson-client/LICENSE" "$DEST/topojson-client.LICENSE"
cp "$M/world-atlas/countries-110m.json" "$DEST/countries-110m.json"
cp "$M/world-atlas/LICENSE" "$DEST/world-atlas.LICENSE"
cp "$M/cytoscape/dist/cytoscape.min.js" "$DEST/cytoscape.min.js"
cp "$M/cytoscape/LICENSE" "$DEST/cytoscape.LICENSE"
echo "vendored into $DEST:"
ls -l "$DEST"
