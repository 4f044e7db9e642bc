#!/usr/bin/env bash
# check_no_gtk.sh MAILLAGE_CLI PLUGIN_DIR
# maillage-cli and every logic module (maillage_*.so but *_ui.so) must run where no GUI is
# installed: ldd lists no GTK/GDK, no X11 and no GUI part of wxWidgets (libwx_gtk3u_*).
# libwx_baseu (catalogs) is allowed. Each window module (*_ui.so) must list GTK, which
# shows the check can see it.
set -uo pipefail
cli=$1; dir=$2
forbidden='lib(gtk|gdk)-|libwx_gtk|libX11'
status=0
check() {
  local libs; libs=$(ldd "$1") || { echo "FAIL: ldd $1"; status=1; return; }
  if grep -Eq "$forbidden" <<<"$libs"; then
    echo "FAIL: $1 needs a GUI library:"; grep -E "$forbidden" <<<"$libs"; status=1
  else
    echo "ok: $1"
  fi
}
check "$cli"
logic=0; ui=0
for f in "$dir"/maillage_*.so; do
  case $f in
    *_ui.so)
      ui=$((ui + 1))
      # (ldd's output is read whole: grep -q would cut the pipe and fail it under pipefail)
      grep -q 'libgtk-3' <<<"$(ldd "$f")" || { echo "FAIL: $f does not list libgtk-3: the check is blind"; status=1; } ;;
    *) logic=$((logic + 1)); check "$f" ;;
  esac
done
[ "$logic" -ge 4 ] && [ "$ui" -ge 4 ] || { echo "FAIL: expected 4 logic and 4 window modules in $dir"; status=1; }
exit $status
