#!/usr/bin/env bash
# maillage-cli end to end: check, backup, restore, gdpr, retention.
# usage: cli_reliability_test.sh PATH/TO/maillage-cli
set -euo pipefail
. "$(dirname "$0")/cli_test_preamble.sh"

m init --demo --year 2025 >/dev/null
m check | grep "no problem found" || fail "check on a fresh demo database"

# GDPR export, JSON and HTML.
m gdpr export --person 5 --out "$work/p5.json" >/dev/null
grep -q '"email": "person5@example.org"' "$work/p5.json" || fail "export lacks the email"
m gdpr export --person 5 --out "$work/p5.html" --format html >/dev/null
grep -q "<h1>" "$work/p5.html" || fail "html export"
if m gdpr export --person 99999 --out "$work/x.json" 2>/dev/null; then fail "export of a missing person"; fi

# A backup, then an erasure that must survive restoring it.
m backup --to "$work/saved.sqlite" | grep "verified" || fail "backup"
if m gdpr erase --person 5 2>/dev/null; then fail "erase without --yes"; fi
m gdpr erase --person 5 --yes | grep "erased" || fail "erase"
grep -q "person5@example.org" "$db" && fail "the erased email is still in the file"
m restore "$work/saved.sqlite" | grep "applied again" || fail "restore did not re-apply the erasure"
m gdpr export --person 5 --out "$work/p5b.json" >/dev/null
grep -q '"erased_at": null' "$work/p5b.json" && fail "person 5 is back after the restore"
ls "$work"/backups/maillage-before-restore-*.sqlite >/dev/null || fail "the replaced database was not kept"
m backup --list > "$work/list.txt"
grep -q "good" "$work/list.txt" || fail "backup --list"
ls "$work"/backups/*-wal 2>/dev/null && fail "WAL files left beside the backups"

# Retention with a fixed day.
m retention set people 1 >/dev/null
m retention list --today 2060-01-01 > "$work/due.txt"
grep -q "item(s) due" "$work/due.txt" || fail "retention list"
if m retention apply --today 2060-01-01 >/dev/null 2>&1; then fail "retention apply without --yes"; fi
m retention apply --today 2060-01-01 --yes > "$work/applied.txt"
grep -q "person(s) erased" "$work/applied.txt" || fail "retention apply"
m check | grep "no problem found" || fail "check after retention"

# Tampering with the audit log is detected, and check says so with a non-zero status.
sqlite3 "$db" "DROP TRIGGER audit_log_no_update; UPDATE audit_log SET actor = 'mallory' WHERE id = 3;"
if m check > "$work/check.txt"; then fail "check passed a tampered audit log"; fi
grep -q "audit log entry 3" "$work/check.txt" || fail "check does not name the altered entry"
grep -q "audit_log_no_update" "$work/check.txt" || fail "check does not report the removed guard"
echo "cli reliability: all good"
