#!/usr/bin/env bash
# check-install.sh BUILD_DIR: installs the build into a temporary prefix and checks that
# the installed maillage-cli runs from there and loads the installed plugins.
set -euo pipefail
build=$1
prefix=$(mktemp -d); data=$(mktemp -d)
trap 'rm -rf "$prefix" "$data"' EXIT
cmake --install "$build" --prefix "$prefix" >/dev/null
test -x "$prefix/bin/maillage-cli" || { echo "no bin/maillage-cli in the installed tree"; exit 1; }
test -f "$prefix/share/applications/maillage.desktop" || { echo "no desktop entry installed"; exit 1; }
out=$(env -u MAILLAGE_PLUGIN_PATH XDG_DATA_HOME="$data" "$prefix/bin/maillage-cli" --db "$data/t.sqlite" plugins)
echo "$out"
# maillage-cli loads the logic modules only, never a window module (*_ui.so).
expected=$(find "$build" -path "$build/test-plugins" -prune -o -name 'maillage_*.so' ! -name '*_ui.so' \
  -path '*/maillage/plugins/*' -print | wc -l)
[ "$(find "$prefix/lib/maillage/plugins" -name 'maillage_*_ui.so' | wc -l)" -ge 4 ] ||
  { echo "the window modules were not installed"; exit 1; }
loaded=$(echo "$out" | grep -c "/lib/maillage/plugins/" || true)
if [ "$loaded" -ne "$expected" ]; then
  echo "expected $expected installed plugins to load from the prefix, saw $loaded"; exit 1
fi
if echo "$out" | grep -q "Refused"; then echo "an installed plugin was refused"; exit 1; fi
"$prefix/bin/maillage-cli" --db "$data/t.sqlite" init >/dev/null
echo "installed copy OK ($loaded plugins)"
