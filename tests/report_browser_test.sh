#!/usr/bin/env bash
# report_browser_test.sh - the story's HTML report as a reader gets it: the fixture story (three
# outlets, one a hostile page) is written by report_driver and opened in headless Chromium.
# Checks the DOM Chromium built (section headings, the coverage table, quote variants with the
# changed words in <ins>/<del>, the hostile markup shown as text, no script run: title unchanged,
# no attribute or element a script would add), that the page loads nothing from outside, and
# that it renders and prints. A control page with the same payload unescaped proves the
# detectors can fail. Exits 77 (skipped) when chromium is not installed.
# Usage: report_browser_test.sh REPORT_DRIVER SOURCE_ROOT
set -u
driver=$1
root=$2
browser=${CHROMIUM:-$(command -v chromium || command -v chromium-browser || true)}
if [ -z "$browser" ]; then
    echo "SKIP: chromium is not installed (Debian package chromium; ./build.sh test installs it)"
    exit 77
fi
. "$root/tests/cli_lib.sh"

# One headless run with a throw-away profile and home; its wall time goes in $tmp/times.
chrome() { # WHAT ARGS...
    local what=$1 t0 t1
    shift
    t0=$(date +%s%N)
    HOME=$tmp/home timeout 120 "$browser" --headless --no-sandbox --disable-gpu \
        --disable-dev-shm-usage --no-first-run --disable-extensions --user-data-dir="$tmp/profile" \
        "$@" 2>>"$tmp/chrome.err"
    local rc=$?
    t1=$(date +%s%N)
    echo "$what $(((t1 - t0) / 1000000)) ms" >>"$tmp/times"
    return $rc
}
has() { # FILE TEXT DESCRIPTION
    grep -qF -- "$2" "$1" && ok || bad "$3: '$2' not found"
}
hasnt() { # FILE TEXT DESCRIPTION
    grep -qF -- "$2" "$1" && bad "$3: '$2' found" || ok
}
mkdir -p "$tmp/home"
page=$tmp/report.html
"$driver" "$page" || {
    echo "FAIL: report_driver could not write the page"
    exit 1
}

# ---- the file: nothing from outside ----
grep -o '<[a-zA-Z!/][^>]*>' "$page" >"$tmp/tags"
grep -qiE '[[:space:]]src=' "$tmp/tags" && bad "a tag with src=: $(grep -iE ' src=' "$tmp/tags")" ||
    ok
grep -qiE '<(link|script|img|iframe|object|embed|base|form|svg|video|audio)[[:space:]>]' \
    "$tmp/tags" && bad "a tag that loads or runs something" || ok
grep -qiE '@import|url\(' "$page" && bad "the CSS fetches something" || ok
# Links: in-page anchors, and the two http(s) article URLs (navigation, never loaded).
grep -oE 'href="[^"]*"' "$tmp/tags" | grep -v '^href="#' | sort -u >"$tmp/ext"
printf '%s\n' 'href="http://valleypost.example/bridge?id=7&amp;x=1"' \
    'href="https://harbor-times.example/2026/03/04/bridge"' | sort >"$tmp/ext.want"
cmp -s "$tmp/ext" "$tmp/ext.want" && ok || bad "external links: $(tr '\n' ' ' <"$tmp/ext")"
has "$page" "default-src 'none'; style-src 'unsafe-inline'" "CSP meta"

# ---- control: the same payload unescaped does run here, so the checks below can fail ----
cat >"$tmp/control.html" <<'HTML'
<!DOCTYPE html><html><head><meta charset="utf-8"><title>control</title></head><body>
<p>The council approved the bridge. <script>document.title='pwned'</script></p>
<svg onload="document.body.setAttribute('data-pwned','1')"></svg></body></html>
HTML
chrome control --dump-dom "file://$tmp/control.html" >"$tmp/control.dom"
has "$tmp/control.dom" "<title>pwned</title>" "control page: the script did not run"
has "$tmp/control.dom" 'data-pwned="1"' "control page: the onload handler did not run"

# ---- the report as Chromium built it ----
chrome dump-dom --dump-dom "file://$page" >"$tmp/dom.html" || bad "chromium --dump-dom failed"
has "$tmp/dom.html" "<title>Dossier: River bridge vote</title>" "title changed by a script"
hasnt "$tmp/dom.html" "pwned</title>" "a script set the title"
# Tags of the DOM (text is serialised with < and > escaped, so markup shown as text is not here).
grep -o '<[a-zA-Z][^>]*>' "$tmp/dom.html" >"$tmp/dom.tags"
hasnt "$tmp/dom.tags" "data-pwned=" "an event handler ran"
for el in script img svg iframe textarea object embed link; do
    grep -qi "<$el[ >]" "$tmp/dom.html" && bad "the DOM has a <$el> element" || ok
done
[ "$(grep -c '<style' "$tmp/dom.html")" -eq 1 ] && ok || bad "the DOM has more than our <style>"
for h in "Articles side by side" "Coverage matrix" "Quote groups" "Framing" "Contradictions" \
    "Timeline"; do
    has "$tmp/dom.html" "<h2>$h</h2>" "section heading"
done
has "$tmp/dom.html" "<h1>River bridge vote</h1>" "story title"
has "$tmp/dom.html" "3 articles from 3 outlets" "header counts"
# The coverage table: three claims, their marks, the only/omitted highlights.
has "$tmp/dom.html" '<table class="matrix">' "coverage table"
[ "$(grep -o '<tr id="claim' "$tmp/dom.html" | wc -l)" -eq 3 ] && ok || bad "coverage rows != 3"
[ "$(grep -o '&#10003;\|✓' "$tmp/dom.html" | wc -l)" -ge 6 ] && ok ||
    bad "fewer than 6 check marks"
has "$tmp/dom.html" "only Harbor Times" "only-X badge"
has "$tmp/dom.html" "omitted by Night &lt;i&gt;Wire&lt;/i&gt;" "omitted-by badge"
# The quote variants with their changed words.
has "$tmp/dom.html" "<q>This bridge will <ins>finally</ins> connect both halves of \
<del>our</del> <ins>the</ins> city</q>" "changed variant's diff"
has "$tmp/dom.html" "<del>of our city</del>" "truncated variant's cut words"
has "$tmp/dom.html" ">truncated<" "truncated badge"
has "$tmp/dom.html" ">changed<" "changed badge"
# The hostile article's markup is there as text a reader sees.
has "$tmp/dom.html" "&lt;script&gt;document.title='pwned'&lt;/script&gt;" "hostile script as text"
has "$tmp/dom.html" "&lt;img src=x " "hostile img as text"
has "$tmp/dom.html" "&lt;/textarea&gt;&lt;style&gt;body{display:none}&lt;/style&gt;" \
    "hostile style as text"
has "$tmp/dom.html" "javascript:document.title='pwned'" "javascript: URL as text"
grep -qiE 'href="[[:space:]]*javascript|[[:space:]]on[a-z]+=' "$tmp/dom.tags" &&
    bad "a javascript: link or an event-handler attribute in the DOM" || ok
# Every in-page link lands on an element of the page.
grep -oE 'href="#[^"]+"' "$tmp/dom.html" | sort -u | sed 's/^href="#//; s/"$//' >"$tmp/targets"
missing=0
while read -r id; do
    grep -qF "id=\"$id\"" "$tmp/dom.html" || missing=$((missing + 1))
done <"$tmp/targets"
[ "$missing" -eq 0 ] && [ -s "$tmp/targets" ] && ok || bad "$missing in-page links lead nowhere"

# ---- it renders and prints ----
chrome screenshot --window-size=1280,2000 --screenshot="$tmp/shot.png" "file://$page" >/dev/null
[ "$(head -c 8 "$tmp/shot.png" 2>/dev/null | od -An -tx1 | tr -d ' \n')" = "89504e470d0a1a0a" ] &&
    [ "$(stat -c %s "$tmp/shot.png")" -gt 30000 ] && ok || bad "no (or a blank) screenshot"
chrome print --no-pdf-header-footer --print-to-pdf="$tmp/page.pdf" "file://$page" >/dev/null
[ "$(head -c 5 "$tmp/page.pdf" 2>/dev/null)" = "%PDF-" ] && ok || bad "no PDF printed"
pages=$(grep -ao '/Count [0-9]*' "$tmp/page.pdf" 2>/dev/null | head -n 1 | cut -d' ' -f2)
[ "${pages:-0}" -ge 1 ] && [ "${pages:-0}" -le 12 ] && ok || bad "the PDF has ${pages:-no} pages"

echo "chromium wall times (noisy on a shared machine): $(tr '\n' ';' <"$tmp/times")"
[ "$fail" -eq 0 ] || { echo "chromium stderr (last lines):"; tail -n 5 "$tmp/chrome.err"; }
cli_done
