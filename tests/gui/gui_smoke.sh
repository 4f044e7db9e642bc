#!/usr/bin/env bash
# gui_smoke.sh MAILLAGE PLUGIN_DIR OUT_DIR LANG
# Starts the window under Xvfb on a fresh demo database (made with maillage-cli init --demo:
# the window refuses a --db that names no file, which is checked first),
# visits every page in screenshot mode, and checks: exit code 0, no error shown, one
# non-trivial PNG per page listed in pages.txt (the five core pages at least, plus every
# plugin page), and about.png. The user's own files are never touched.
set -uo pipefail
exe=$1; plugins=$2; out=$3; lang=${4:-fr}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
export XDG_CONFIG_HOME=$tmp/config XDG_DATA_HOME=$tmp/data
unset MAILLAGE_DB MAILLAGE_PLUGIN_PATH
# Only this test's own page files: the journeys, dialogs and maps keep theirs in subfolders.
mkdir -p "$out"; find "$out" -maxdepth 1 -type f -delete

fail() { echo "FAIL: $*"; echo "--- stderr of maillage:"; cat "$tmp/stderr"; exit 1; }

cli=$(dirname "$exe")/maillage-cli
xvfb-run -a -s "-screen 0 1400x900x24" "$exe" --db "$tmp/smoke.sqlite" --lang "$lang" --screenshots "$tmp/none" \
  >"$tmp/stdout" 2>"$tmp/stderr" && fail "the window opened a --db that names no file"
[ -e "$tmp/smoke.sqlite" ] && fail "the window created the missing --db file"
grep -q "smoke.sqlite" "$tmp/stderr" || fail "the refusal does not name the file"
"$cli" --db "$tmp/smoke.sqlite" --plugin-dir "$plugins" init --demo >"$tmp/stdout" 2>"$tmp/stderr" \
  || fail "maillage-cli init --demo failed"
xvfb-run -a -s "-screen 0 1400x900x24" "$exe" --db "$tmp/smoke.sqlite" --plugin-dir "$plugins" \
  --demo --lang "$lang" --screenshots "$out" >"$tmp/stdout" 2>"$tmp/stderr"
rc=$?
[ "$rc" -eq 0 ] || fail "maillage exited with $rc"
grep -q '^error:' "$tmp/stderr" && fail "a page or action raised an error"
[ -s "$out/pages.txt" ] || fail "no pages.txt"
for core in core.institutions core.people core.sectors core.funders core.reports; do
  grep -qx "$core" "$out/pages.txt" || fail "core page $core missing from the navigation"
done
[ -e "$XDG_DATA_HOME/maillage/maillage.sqlite" ] && fail "the default database was created despite --db"
pages=0
while read -r id; do
  png="$out/$id.png"
  [ -s "$png" ] || fail "no screenshot for $id"
  [ "$(head -c 8 "$png" | od -An -tx1 | tr -d ' \n')" = 89504e470d0a1a0a ] || fail "$png is not a PNG"
  # A blank capture compresses to a few hundred bytes; a page with text and lists does not.
  [ "$(stat -c %s "$png")" -gt 8000 ] || fail "$png looks blank"
  pages=$((pages + 1))
done <"$out/pages.txt"
[ -s "$out/about.png" ] || fail "no about.png"
echo "OK: $pages pages captured in $out ($lang)"
