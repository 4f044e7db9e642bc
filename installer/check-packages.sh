#!/usr/bin/env bash
# check-packages.sh BUILD_DIR: builds the Debian packages with CPack and checks them:
# - four packages: maillage-common, maillage-cli, maillage-pdf, maillage, each file where it belongs
#   (no window module, no GUI program in maillage-cli);
# - every package passes lintian without errors;
# - maillage-cli (with maillage-common) pulls in no X, GTK nor wxWidgets GUI package, by
#   the closure of its Depends in the apt cache; the window's package does (the check sees).
set -euo pipefail
build=$1
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
cpack --config "$build/CPackConfig.cmake" -G DEB -B "$out" >"$out/cpack.log" 2>&1 || { cat "$out/cpack.log"; exit 1; }
status=0
fail() { echo "FAIL: $*"; status=1; }
deb() { ls "$out"/"$1"_*.deb 2>/dev/null | head -1; }
common=$(deb maillage-common); cli=$(deb maillage-cli); pdf=$(deb maillage-pdf); window=$(deb maillage)
for p in "$common" "$cli" "$pdf" "$window"; do [ -n "$p" ] || { ls "$out"; echo "FAIL: a package is missing"; exit 1; }; done

files() { dpkg-deb -c "$1" | awk '{print $6}'; }
files "$cli" | grep -q '^./usr/bin/maillage-cli$' || fail "maillage-cli has no usr/bin/maillage-cli"
[ "$(files "$cli" | grep -c '/lib/maillage/plugins/maillage_[a-z]*\.so$')" -ge 4 ] || fail "maillage-cli lacks the logic modules"
files "$cli" | grep -E '_ui\.so$|/bin/maillage$|shared_ui' && fail "maillage-cli holds window files"
[ "$(files "$window" | grep -c '_ui\.so$')" -ge 4 ] || fail "maillage lacks the window modules"
files "$window" | grep -q '^./usr/bin/maillage$' || fail "maillage has no usr/bin/maillage"
files "$pdf" | grep -q '/maillage_pdf_cairo\.so$' || fail "maillage-pdf lacks the PDF renderer"
files "$cli" | grep -q 'pdf_cairo' && fail "maillage-cli holds the PDF renderer"
dpkg-deb -f "$cli" Recommends | grep -q 'maillage-pdf' || fail "maillage-cli does not recommend maillage-pdf"
files "$common" | grep -q 'LC_MESSAGES/maillage-core.mo$' || fail "maillage-common lacks the catalogs"
for p in "$common" "$cli" "$pdf" "$window"; do
  # grep reads everything (no -q): an early exit would kill tar with SIGPIPE under pipefail.
  dpkg-deb --fsys-tarfile "$p" | tar -xO --wildcards '*/copyright' | grep 'GPL-3.0-or-later' >/dev/null ||
    fail "$(basename "$p"): no copyright file saying GPL-3.0-or-later"
done

# lintian: errors fail, warnings are shown.
for p in "$common" "$cli" "$pdf" "$window"; do
  if ! lintian --fail-on error "$p"; then fail "lintian: $(basename "$p")"; fi
done

# What installing each pulls in: the closure of its Depends (ours resolved to theirs).
closure() {
  local deps
  deps=$(for p in "$@"; do dpkg-deb -f "$p" Depends; done | tr ',|' '\n\n' | sed 's/(.*)//; s/ //g' |
         grep -v '^maillage' | grep -v '^$' | sort -u)
  [ -z "$deps" ] && return 0
  # shellcheck disable=SC2086
  apt-cache depends --recurse --no-recommends --no-suggests --no-conflicts --no-breaks --no-replaces \
    --no-enhances $deps | grep -v '^ ' | sort -u
}
gui='^(libgtk|libgdk|libx11|libxcb|libwxgtk|libwx-gtk|xserver|libgl1|libegl)'
dpkg-deb -f "$cli" Depends | grep -q 'maillage-common' || fail "maillage-cli does not depend on maillage-common"
dpkg-deb -f "$window" Depends | grep -q 'maillage-cli (= ' || fail "maillage does not depend on maillage-cli"
cli_closure=$(closure "$cli" "$common")
[ -n "$cli_closure" ] || fail "maillage-cli has no dependencies at all (dpkg-shlibdeps did not run)"
if grep -E "$gui" <<<"$cli_closure"; then fail "maillage-cli pulls in graphical packages (above)"; fi
grep -Eq "$gui" <<<"$(closure "$window")" || fail "the window's closure shows no GTK: the check is blind"
echo "Depends of maillage-cli: $(dpkg-deb -f "$cli" Depends)"
[ $status -eq 0 ] && echo "packages OK: $(basename "$common") $(basename "$cli") $(basename "$window")"
exit $status
