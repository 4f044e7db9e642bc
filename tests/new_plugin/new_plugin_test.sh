#!/usr/bin/env bash
# new_plugin_test.sh MAILLAGE_CLI PLUGIN_DIR GENERATED_SOURCES [MAILLAGE]
# The plugin "probe" written by scripts/new-plugin (tests/new_plugin/CMakeLists.txt) keeps
# none of the template's names, loads in maillage-cli, migrates, its commands work (an
# empty note is refused and changes nothing) and its section is in the JSON report; its
# logic module needs no GUI library (ldd), its window module does.
# With MAILLAGE, the window loads its window module and shows its page (under Xvfb).
set -uo pipefail
cli=$1; plugins=$2; sources=$3; window=${4:-}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
export XDG_CONFIG_HOME=$tmp/config XDG_DATA_HOME=$tmp/data
unset MAILLAGE_DB MAILLAGE_PLUGIN_PATH
fail() { echo "FAIL: $*"; cat "$tmp/err" 2>/dev/null; exit 1; }
run() { "$cli" --db "$tmp/db.sqlite" --plugin-dir "$plugins" --lang en "$@" >"$tmp/out" 2>"$tmp/err"; }

hits=$(grep -rli skeleton "$sources")
[ -z "$hits" ] || fail "the generated plugin still names the template: $hits"
[ -f "$sources/probe_plugin.cpp" ] || fail "no probe_plugin.cpp in $sources"

libs=$(ldd "$plugins/maillage_probe.so") || fail "ldd maillage_probe.so failed"
grep -Eq 'lib(gtk|gdk)-|libwx_gtk|libX11' <<<"$libs" && fail "maillage_probe.so needs a GUI library"
grep -q 'libgtk-3' <<<"$(ldd "$plugins/maillage_probe_ui.so")" || fail "maillage_probe_ui.so does not list GTK"

run plugins || fail "maillage-cli plugins failed"
grep -Eq "^  probe 0\.1\.0 .*maillage_probe\.so" "$tmp/out" || { cat "$tmp/out"; fail "probe is not listed as loaded"; }
grep -q "Refused plugins" "$tmp/out" && { cat "$tmp/out"; fail "a plugin was refused"; }

run init || fail "maillage-cli init failed"
run probe add "First visit to the team" || fail "probe add failed"
run probe add "   " && fail "an empty note was accepted"
grep -q "A note needs a text" "$tmp/err" || fail "the refusal of an empty note does not say why"
run probe list || fail "probe list failed"
[ "$(wc -l <"$tmp/out")" -eq 1 ] || { cat "$tmp/out"; fail "probe list does not show exactly the one note"; }
grep -q "First visit to the team" "$tmp/out" || fail "probe list does not show the note"

run report --format json || fail "maillage-cli report failed"
python3 - "$tmp/out" <<'PY' || fail "the report has no probe.notes section counting the note"
import json, sys
sections = json.load(open(sys.argv[1]))["sections"]
probe = [s for s in sections if s.get("id") == "probe.notes"]
sys.exit(0 if len(probe) == 1 and probe[0]["data"].get("notes") == 1 else 1)
PY

if [ -n "$window" ]; then
  xvfb-run -a -s "-screen 0 1400x900x24" "$window" --db "$tmp/db.sqlite" --plugin-dir "$plugins" --lang en \
    --screenshots "$tmp/shots" >"$tmp/out" 2>"$tmp/err" || fail "the window exited with $?"
  grep -q '^error:' "$tmp/err" && fail "the window showed an error"
  grep -qx "probe.notes" "$tmp/shots/pages.txt" || fail "the probe's page is not in the window's navigation"
  [ -s "$tmp/shots/probe.notes.png" ] || fail "no screenshot of the probe's page"
fi
echo "OK: probe generated, loaded and reported${window:+, shown in the window}"
