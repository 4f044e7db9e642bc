#!/usr/bin/env bash
# gui_read_only.sh MAILLAGE OUT_DIR
# A database written by a newer Maillage (its core schema version is ahead) opens
# read-only: every page is still shown without error, and the file is left untouched.
set -uo pipefail
exe=$1; out=$2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
export XDG_CONFIG_HOME=$tmp/config XDG_DATA_HOME=$tmp/data
unset MAILLAGE_DB MAILLAGE_PLUGIN_PATH
rm -rf "$out"; mkdir -p "$out"
fail() { echo "FAIL: $*"; cat "$tmp/stderr" 2>/dev/null; exit 1; }
run() { xvfb-run -a -s "-screen 0 1400x900x24" "$exe" --db "$tmp/newer.sqlite" --demo --lang fr --screenshots "$1" 2>"$tmp/stderr"; }

"$(dirname "$exe")/maillage-cli" --db "$tmp/newer.sqlite" init --demo >/dev/null 2>"$tmp/stderr" \
  || fail "creating the demo database failed"
run "$tmp/first" || fail "first run on the demo database failed"
sqlite3 "$tmp/newer.sqlite" "PRAGMA wal_checkpoint(TRUNCATE); UPDATE schema_version SET version = version + 100 WHERE namespace = 'core';" >/dev/null \
  || fail "could not age the database"
before=$(sha256sum "$tmp/newer.sqlite" | cut -d' ' -f1)
run "$out"; rc=$?
[ "$rc" -eq 0 ] || fail "maillage exited with $rc on a newer database"
grep -q '^error:' "$tmp/stderr" && fail "a page raised an error on a read-only database"
[ -s "$out/core.institutions.png" ] || fail "no screenshot of the institutions page"
after=$(sha256sum "$tmp/newer.sqlite" | cut -d' ' -f1)
[ "$before" = "$after" ] || fail "the newer database was modified"
echo "OK: newer database shown read-only and left untouched"
