#!/usr/bin/env bash
# locale_texts.sh MAILLAGE MAILLAGE_CLI PLUGIN_DIR OUT_DIR LANG
# What a French- or Dutch-speaking user reads must be written their way: runs the
# window's screenshot mode on the demo (each page also writes <page>.txt, its visible
# texts), and builds the HTML report of the demo with maillage-cli; fails when a text
# holds an ISO date (2026-09-14) or a point-decimal number (22.67). In Dutch a point
# followed by exactly three digits is a thousands separator (1.234) and is allowed.
set -uo pipefail
exe=$1; cli=$2; plugins=$3; out=$4; lang=$5
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
export XDG_CONFIG_HOME=$tmp/config XDG_DATA_HOME=$tmp/data
unset MAILLAGE_DB MAILLAGE_PLUGIN_PATH
rm -rf "$out"; mkdir -p "$out"
fail() { echo "FAIL: $*"; exit 1; }

# The window opens only an existing --db: the demo is made by the command line first.
"$cli" --db "$tmp/demo.sqlite" --plugin-dir "$plugins" init --demo >/dev/null 2>"$tmp/stderr" \
  || { cat "$tmp/stderr"; fail "maillage-cli init --demo failed"; }
xvfb-run -a -s "-screen 0 1400x900x24" "$exe" --db "$tmp/demo.sqlite" --plugin-dir "$plugins" \
  --lang "$lang" --screenshots "$out" >"$tmp/stdout" 2>"$tmp/stderr" || { cat "$tmp/stderr"; fail "maillage failed"; }
[ -s "$out/pages.txt" ] || fail "no pages.txt"
"$cli" --db "$tmp/demo.sqlite" --plugin-dir "$plugins" report --format html --lang "$lang" --out "$out/report.html" \
  2>"$tmp/cli_stderr" || { cat "$tmp/cli_stderr"; fail "maillage-cli report failed"; }
# The report's words, without markup (element content only, no CSS, no attributes).
sed -e 's/<style>.*<\/style>//' -e 's/<[^>]*>/\n/g' "$out/report.html" | grep -v '^[[:space:]]*$' >"$out/report.txt"

iso='(?<![\d-])\d{4}-\d{2}-\d{2}(?![\d-])'
if [ "$lang" = nl ]; then
  point='(?<![\d.])\d+\.(?!\d{3}(?![\d.]))\d+(?![\d.])'
else
  point='(?<![\d.])\d+\.\d+(?![\d.])'
fi
checked=0; bad=0
for txt in "$out"/*.txt; do
  [ "$(basename "$txt")" = pages.txt ] && continue
  [ -s "$txt" ] || fail "$txt is empty: the text dump did not work"
  checked=$((checked + 1))
  if grep -nP "$iso|$point" "$txt" >"$tmp/hits"; then
    bad=$((bad + 1))
    echo "$(basename "$txt"): ISO date or point-decimal number shown to the user:"
    head -5 "$tmp/hits" | sed 's/^/  /'
  fi
done
# Each page of the navigation was dumped, and the report says something.
while read -r id; do [ -s "$out/$id.txt" ] || fail "no text dump for page $id"; done <"$out/pages.txt"
[ "$(wc -l <"$out/report.txt")" -gt 20 ] || fail "the HTML report has almost no text"
[ "$bad" -eq 0 ] || fail "$bad of $checked texts are not written the $lang way"
echo "OK: $checked texts checked in $out ($lang)"
