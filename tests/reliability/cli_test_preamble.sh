# Sourced by the maillage-cli shell tests (after `set -euo pipefail`): `cli`, the
# maillage-cli given as their first argument; `work`, a folder removed on exit that
# holds the data and config folders; `db`, the database file in it; `m`, maillage-cli
# in English on that database; `fail`, the end of the test with a message.
cli=$1
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export XDG_DATA_HOME=$work/data XDG_CONFIG_HOME=$work/config
db=$work/maillage.sqlite
m() { "$cli" --lang en --db "$db" "$@"; }
fail() { echo "FAIL: $*" >&2; exit 1; }
