#!/usr/bin/env bash
# check_site.sh MAILLAGE_CLI WORKDIR
# Publishes the demo edition with maillage-cli, then checks it in headless Chromium:
# the index renders, the keyword search runs (its results are in the DOM Chromium dumps),
# every internal link of every page resolves, and screenshots of the index and of a
# module page are saved at desktop (1280x900) and phone (390x844) widths into
# WORKDIR/screenshots. Without Chromium the test is skipped (exit 77).
set -euo pipefail
cli=$1; work=$2
chromium=${CHROMIUM:-/usr/bin/chromium}
[ -x "$chromium" ] || { echo "chromium not installed: skipped"; exit 77; }
rm -rf "$work"; mkdir -p "$work/screenshots"
profile=$(mktemp -d); trap 'rm -rf "$profile"' EXIT
"$cli" --db "$work/demo.db" init --demo --year 2026 >/dev/null
"$cli" --db "$work/demo.db" catalogue publish --edition 2026 --out "$work/site" --no-pdf
site="$work/site"
flags=(--headless --no-sandbox --disable-gpu --disable-background-networking --no-first-run
       --user-data-dir="$profile" --hide-scrollbars)

# 1. The index renders and the search script runs over the inline index.
dom=$(timeout 120 "$chromium" "${flags[@]}" --virtual-time-budget=3000 --dump-dom "file://$site/fr/index.html?q=crise" 2>/dev/null)
grep -q '<main id="main"' <<<"$dom" || { echo "index did not render"; exit 1; }
grep -q 'id="search-results"' <<<"$dom"
results=$(python3 - "$dom" <<'PY'
import sys, re
dom = sys.argv[1]
m = re.search(r'<ul id="search-results"[^>]*>(.*?)</ul>', dom, re.S)
print(len(re.findall(r'<li>', m.group(1))) if m else 0)
PY
)
[ "$results" -gt 0 ] || { echo "search for 'crise' found nothing in the rendered page"; exit 1; }
echo "index renders; search 'crise': $results results"

# 2. Every internal link of every page resolves (file and #anchor).
python3 - "$site" <<'PY'
import sys, os, re
from html.parser import HTMLParser
root = sys.argv[1]
class P(HTMLParser):
    def __init__(s): super().__init__(); s.links=[]; s.ids=set()
    def handle_starttag(s, tag, attrs):
        a = dict(attrs)
        if 'id' in a: s.ids.add(a['id'])
        for k in ('href', 'src'):
            if k in a: s.links.append(a[k])
pages = {}
for d, _, files in os.walk(root):
    for f in files:
        if f.endswith('.html'):
            p = P(); path = os.path.realpath(os.path.join(d, f))
            p.feed(open(path, encoding='utf-8').read()); pages[path] = p
broken = []; count = 0
for path, p in pages.items():
    for href in p.links:
        if re.match(r'^(https?:|mailto:)', href): continue
        count += 1
        file, _, anchor = href.partition('#')
        target = path if not file else os.path.realpath(os.path.join(os.path.dirname(path), file))
        if not os.path.exists(target): broken.append(f"{path}: {href}"); continue
        if anchor and target in pages and anchor not in pages[target].ids: broken.append(f"{path}: #{anchor}")
print(f"{len(pages)} pages, {count} internal links, {len(broken)} broken")
for b in broken[:20]: print("  broken:", b)
sys.exit(1 if broken else 0)
PY

# 3. Screenshots, desktop and phone.
shoot() {  # name url width height
  timeout 120 "$chromium" "${flags[@]}" --window-size="$3,$4" --screenshot="$work/screenshots/$1.png" "$2" >/dev/null 2>&1
  [ -s "$work/screenshots/$1.png" ] || { echo "no screenshot $1"; exit 1; }
}
shoot index-desktop "file://$site/fr/index.html" 1280 900
shoot index-phone "file://$site/fr/index.html" 390 844
shoot module-desktop "file://$site/fr/modules/SM-01.html" 1280 900
shoot module-phone "file://$site/nl/modules/SM-01.html" 390 844
shoot training-desktop "file://$site/fr/trainings/2026-01.html" 1280 900
echo "screenshots in $work/screenshots"
