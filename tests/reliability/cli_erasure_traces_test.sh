#!/usr/bin/env bash
# An erased person's name and email are nowhere in the database file's bytes, whatever
# the plugins wrote about them (issue 16, item 1): enrol and leave in intervision, then
# erase, then search the file as an outsider would. `check` agrees with the bytes.
# usage: cli_erasure_traces_test.sh PATH/TO/maillage-cli
set -euo pipefail
. "$(dirname "$0")/cli_test_preamble.sh"

m init --demo --year 2025 >/dev/null
# Mohamed Jacobs (person 150) is in no intervision group of the demo.
m intervision enrol --cycle 2025-2026 --group "Groupe 2" --person person150@example.org --date 2025-09-15 \
  --reason "regression test" >/dev/null
m intervision leave --cycle 2025-2026 --group "Groupe 2" --person person150@example.org --date 2025-11-15 >/dev/null
# Leila Benali (person 187) was enrolled by the demo itself.
m gdpr export --person 150 --out "$work/before.json" >/dev/null
grep -q '"entity": "intervision_enrolment"' "$work/before.json" || fail "the export lacks the enrolment's audit entries"
grep -q 'left on 2025-11-15' "$work/before.json" || fail "the export lacks the leave entry"
grep -a -q "person150@example.org" "$db" || fail "the search itself does not work"

m gdpr erase --person 150 --yes >/dev/null
m gdpr erase --person 187 --yes >/dev/null
for needle in "Mohamed Jacobs" "Jacobs Mohamed" "person150@example.org" "Leila Benali" "person187@example.org"; do
  for f in "$db" "$db-wal"; do
    [ -f "$f" ] || continue
    n=$(grep -a -c -- "$needle" "$f" || true)
    [ "$n" = 0 ] || fail "\"$needle\" found $n time(s) in $(basename "$f") after erasure"
  done
done
m check | grep -q "no problem found" || fail "check after erasure: $(m check)"
echo "ok"
