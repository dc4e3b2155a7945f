#!/usr/bin/env bash
# Smoke test of the built application, run as a user would run it: from the
# build folder (dist/casedesk/casedesk) and from the .deb unpacked into a
# scratch root, with a new, empty home and XDG folders. `make package-test`.
#
# Checks: --version; the demo database; a disciplinary report written with the
# command line and read back; the window started off-screen up to the login
# dialog on an open database; a web page served on 127.0.0.1 captured headless
# into a demo case by the installed package (Qt WebEngine), its WARC and WACZ
# exported and read back; every library the bundle needs and does not ship
# comes from a package the .deb depends on; the .desktop file and the
# AppStream metainfo validate; the .deb's control data and contents.
set -uo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

APP_ID=org.casedesk.Casedesk
VERSION=$(sed -n 's/^version = "\(.*\)"$/\1/p' pyproject.toml | head -n 1)
ARCH=$(dpkg --print-architecture 2>/dev/null || echo amd64)
BUNDLE=dist/casedesk
EXE=$BUNDLE/casedesk
DEB=dist/casedesk_${VERSION}_${ARCH}.deb
DEMO_CASE="" # a demo case with a discipline decision in force, found once the demo exists

for tool in pdftotext desktop-file-validate appstreamcli dpkg-deb readelf; do
    if ! command -v "$tool" >/dev/null 2>&1; then
        echo "smoke-test: $tool is missing: run scripts/system-deps.sh package" >&2
        exit 2
    fi
done
if [[ ! -x $EXE || ! -f $DEB ]]; then
    echo "smoke-test: $EXE or $DEB is missing: run make package first" >&2
    exit 2
fi

WORK=$(mktemp -d)
HTTP_PID=""
trap '[[ -n $HTTP_PID ]] && kill "$HTTP_PID" 2>/dev/null; rm -rf "$WORK"' EXIT
export HOME=$WORK/home XDG_DATA_HOME=$WORK/home/.local/share XDG_CONFIG_HOME=$WORK/home/.config
export XDG_STATE_HOME=$WORK/home/.local/state XDG_CACHE_HOME=$WORK/home/.cache
export XDG_RUNTIME_DIR=$WORK/run LANG=C.UTF-8
unset CASEDESK_DATABASE_URL CASEDESK_USER CASEDESK_PASSWORD
mkdir -p "$HOME" && install -d -m 700 "$XDG_RUNTIME_DIR"
DB=$WORK/demo.sqlite3
passed=0
failed=0

check() { # check DESCRIPTION COMMAND...: runs the command, its output kept in $WORK/out
    local description=$1
    shift
    if "$@" >"$WORK/out" 2>&1; then
        echo "ok      $description"
        passed=$((passed + 1))
    else
        echo "FAILED  $description"
        sed 's/^/        | /' "$WORK/out" | tail -n 20
        failed=$((failed + 1))
    fi
}

version_is() { [[ $("$1" --version) == "casedesk $VERSION" ]]; }

report_holds_case() {
    CASEDESK_PASSWORD=demo-personnel-desk "$EXE" --db "$DB" --user hr report "$DEMO_CASE" \
        --kind disciplinary --out "$WORK/report.pdf" &&
        pdftotext "$WORK/report.pdf" "$WORK/report.txt" &&
        grep -q "Disciplinary report" "$WORK/report.txt" && grep -q "$DEMO_CASE" "$WORK/report.txt"
}

encrypted_database_works() {
    # SQLCipher comes with the bundle: encrypt a copy, use it, see no plain header.
    cp "$DB" "$WORK/encrypted.sqlite3" &&
        CASEDESK_DB_PASSPHRASE="smoke test passphrase" "$EXE" --db "$WORK/encrypted.sqlite3" \
            db encrypt &&
        ! head -c 16 "$WORK/encrypted.sqlite3" | grep -q "SQLite format 3" &&
        CASEDESK_DB_PASSPHRASE="smoke test passphrase" CASEDESK_PASSWORD=demo-ledger-keeper \
            "$EXE" --db "$WORK/encrypted.sqlite3" --user admin audit verify
}

window_reaches_login() {
    QT_QPA_PLATFORM=offscreen CASEDESK_QUIT_WHEN_READY=1 timeout 120 "$EXE" --db "$DB" \
        >"$WORK/window.log" 2>&1
    local status=$?
    cat "$WORK/window.log"
    [[ $status -eq 0 ]] && grep -q "login dialog is shown and the database is open" "$WORK/window.log"
}

only_declared_libraries() {
    # Every shared library a bundled binary needs is shipped in the bundle or
    # belongs to a package the .deb depends on (or to libc6).
    local depends shipped lib path package missing=0
    depends=$(dpkg-deb --field "$DEB" Depends | tr ',' '\n' | sed 's/(.*)//; s/ //g')
    shipped=$(find "$BUNDLE" -name '*.so*' -printf '%f\n' | sort -u)
    while read -r lib; do
        grep -qxF "$lib" <<<"$shipped" && continue
        path=$(ldconfig -p | awk -v lib="$lib" '$1 == lib { print $NF; exit }')
        [[ -z $path ]] && { echo "$lib: not installed here"; missing=1; continue; }
        package=$(dpkg -S "$path" 2>/dev/null || dpkg -S "$(readlink -f "$path")" 2>/dev/null ||
            dpkg -S "/usr$path" 2>/dev/null || dpkg -S "${path#/usr}" 2>/dev/null)
        package=${package%%:*}
        if ! grep -qxF "$package" <<<"$depends" && [[ $package != libc6 ]]; then
            echo "$lib comes from ${package:-no package}, which the .deb does not depend on"
            missing=1
        fi
    done < <(find "$BUNDLE" -type f \( -name '*.so*' -o -name casedesk \) -print0 |
        xargs -0 readelf -d 2>/dev/null | sed -n 's/.*(NEEDED).*\[\(.*\)\]/\1/p' | sort -u)
    return $missing
}

serve_page() { # a small page on 127.0.0.1 (python3 -m http.server); sets PAGE_URL
    local port
    mkdir -p "$WORK/site"
    cat >"$WORK/site/post.html" <<'HTML'
<!doctype html>
<html><head><meta charset="utf-8"><title>Smoke test post</title></head>
<body><h1>Jordan Doe</h1><p>A public post served for the Casedesk smoke test.</p></body></html>
HTML
    port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
    python3 -m http.server "$port" --bind 127.0.0.1 --directory "$WORK/site" \
        >"$WORK/http.log" 2>&1 &
    HTTP_PID=$!
    PAGE_URL=http://127.0.0.1:$port/post.html
    for _ in $(seq 50); do
        python3 -c 'import sys, urllib.request; urllib.request.urlopen(sys.argv[1], timeout=1)' \
            "$PAGE_URL" 2>/dev/null && return 0
        sleep 0.1
    done
    return 1
}

installed_package_captures_a_page() {
    # The capture browser (Qt WebEngine) of the installed package, headless, as
    # the demo investigator, into a new case of the demo database. Chromium's
    # sandbox refuses to run as root, and this test runs as root: it is turned
    # off here, for this command only.
    local exe=$WORK/root/opt/casedesk/casedesk case
    [[ -x $exe ]] || dpkg-deb -x "$DEB" "$WORK/root" || return 1
    serve_page || { echo "the page server did not start"; cat "$WORK/http.log"; return 1; }
    case=$(CASEDESK_PASSWORD=demo-magnifier-trail "$exe" --db "$DB" --user investigator \
        case new --agency ARDHS --title "Smoke test capture" --reported 2026-03-02 --json |
        python3 -c 'import json, sys; print(json.load(sys.stdin)["number"])') || return 1
    QTWEBENGINE_DISABLE_SANDBOX=1 CASEDESK_PASSWORD=demo-magnifier-trail timeout 180 \
        "$exe" --db "$DB" --user investigator evidence capture "$case" "$PAGE_URL" \
        --platform Web --account "@jordan.doe" --description "Smoke test" --json \
        >"$WORK/capture.json" || return 1
    CASEDESK_PASSWORD=demo-magnifier-trail "$exe" --db "$DB" --user investigator \
        export "$case" --out "$WORK/capture-bundle.zip" || return 1
    python3 - "$WORK/capture.json" "$WORK/capture-bundle.zip" "$PAGE_URL" <<'PY'
import gzip, hashlib, io, json, sys, zipfile

item = json.load(open(sys.argv[1]))
url = sys.argv[3]
capture = item["web_capture"]
assert capture["final_url"] == url == item["source_url"], capture["final_url"]
assert capture["title"] == "Smoke test post", capture["title"]
assert capture["http_status"] == 200, capture["http_status"]
# The WARC is the browser's own traffic, through the packaged recording proxy.
assert capture["method"]["warc_source"] == "recorded", capture["method"]
assert item["media_type"] == "image/png" and item["width"] > 0 and item["page_source_sha256"]
parts = {part["role"]: part for part in capture["parts"]}
assert set(parts) == {"viewport", "warc", "wacz"}, set(parts)
with zipfile.ZipFile(sys.argv[2]) as bundle:
    manifest = json.loads(bundle.read("manifest.json"))
    entry = next(e for e in manifest["items"] if e["sha256"] == item["sha256"])
    files = {p["role"]: bundle.read(p["file"]) for p in entry["web_capture"]["parts"]}
for role, data in files.items():
    assert hashlib.sha256(data).hexdigest() == parts[role]["sha256"], role
assert b"A public post served for the Casedesk smoke test." in gzip.decompress(files["warc"])
with zipfile.ZipFile(io.BytesIO(files["wacz"])) as wacz:
    package = json.loads(wacz.read("datapackage.json"))
    assert package["mainPageURL"] == url
    warc = next(n for n in wacz.namelist() if n.startswith("archive/"))
    assert wacz.read(warc) == files["warc"]
print(f"captured {url} into item {item['id']}: full page {item['width']}x{item['height']}")
PY
}

deb_control_is_right() {
    dpkg-deb --info "$DEB" && dpkg-deb --ctrl-tarfile "$DEB" | tar -x -C "$WORK" ./postinst ./postrm &&
        sh -n "$WORK/postinst" && sh -n "$WORK/postrm" &&
        [[ $(dpkg-deb --field "$DEB" Package) == casedesk ]] &&
        [[ $(dpkg-deb --field "$DEB" Version) == "$VERSION" ]] &&
        [[ $(dpkg-deb --field "$DEB" Depends) == *libxcb-cursor0*fonts-dejavu-core*libnss3* ]]
}

deb_contents_are_right() {
    local contents size
    contents=$(dpkg-deb --contents "$DEB") || return 1
    for path in ./opt/casedesk/casedesk ./opt/casedesk/_internal/resources/policies/ \
        ./opt/casedesk/_internal/migrations/versions/ \
        "./usr/share/applications/$APP_ID.desktop" "./usr/share/metainfo/$APP_ID.metainfo.xml" \
        "./usr/share/icons/hicolor/scalable/apps/$APP_ID.svg" \
        ./opt/casedesk/_internal/PySide6/Qt/libexec/QtWebEngineProcess \
        ./usr/share/casedesk/apparmor/casedesk; do
        grep -q " $path\$" <<<"$contents" || { echo "missing: $path"; return 1; }
    done
    for size in 16 24 32 48 64 128 256 512; do
        path="./usr/share/icons/hicolor/${size}x${size}/apps/$APP_ID.png"
        grep -q " $path\$" <<<"$contents" || { echo "missing: $path"; return 1; }
    done
    grep -q ' ./usr/bin/casedesk -> /opt/casedesk/casedesk$' <<<"$contents" ||
        { echo "missing: the /usr/bin/casedesk link"; return 1; }
    # Owned by root, nothing writable by others, no tests or caches of the checkout.
    if grep -v ' root/root ' <<<"$contents"; then echo "not owned by root"; return 1; fi
    if grep -E '^[^ ]{7}w' <<<"$contents"; then echo "writable by others"; return 1; fi
    if grep -E '/(tests|pytest|_pytest|hypothesis|mypy|ruff)/' <<<"$contents"; then return 1; fi
    # The migrations are compiled ahead, since users cannot write the folder.
    grep -q '_internal/migrations/versions/__pycache__/.*\.pyc$' <<<"$contents" || return 1
    # reportlab's C accelerator (imported through exec(), so named in the spec).
    grep -qE '_internal/_rl_accel[^/]*\.so$' <<<"$contents" || { echo "missing: _rl_accel"; return 1; }
}

unpacked_deb_runs() {
    dpkg-deb -x "$DEB" "$WORK/root" && version_is "$WORK/root/opt/casedesk/casedesk" &&
        CASEDESK_PASSWORD=keeper-of-keys-1 "$WORK/root/opt/casedesk/casedesk" \
            --db "$WORK/unpacked.sqlite3" init \
            --admin-user admin --admin-name "Smoke Test" --signing-key file &&
        "$WORK/root/opt/casedesk/casedesk" --db "$WORK/unpacked.sqlite3" db upgrade
}

echo "Casedesk $VERSION: $EXE and $DEB"
check "casedesk --version prints casedesk $VERSION" version_is "$EXE"
check "casedesk demo makes the demo database" "$EXE" --db "$DB" demo
DEMO_CASE=$(python3 - "$DB" <<'PY'
import sqlite3, sys
row = sqlite3.connect(sys.argv[1]).execute(
    "SELECT c.number FROM discipline_actions d JOIN cases c ON c.id = d.case_id "
    "WHERE d.withdrawn_at IS NULL AND c.number LIKE 'MODNR-%' ORDER BY c.number LIMIT 1"
).fetchone()
print(row[0] if row else "")
PY
)
check "a disciplinary report of ${DEMO_CASE:-a decided demo case}, written and read back" \
    report_holds_case
check "an encrypted copy of the database works (SQLCipher in the bundle)" encrypted_database_works
check "the window opens off-screen to the login dialog on an open database" window_reaches_login
check "only declared libraries are taken from the system" only_declared_libraries
check "desktop-file-validate $APP_ID.desktop" \
    desktop-file-validate "packaging/linux/$APP_ID.desktop"
check "appstreamcli validate $APP_ID.metainfo.xml" \
    appstreamcli validate --no-net "packaging/linux/$APP_ID.metainfo.xml"
check "the .deb's control: package, version, dependencies" deb_control_is_right
check "the .deb's contents: /opt, /usr/bin link, menu entry, metainfo, icons" \
    deb_contents_are_right
check "the .deb unpacked elsewhere runs, creates a database and upgrades it" unpacked_deb_runs
check "the installed package captures a page on 127.0.0.1 headless (Qt WebEngine, WARC, WACZ)" \
    installed_package_captures_a_page
[[ -z $(find "$BUNDLE" -newer "$DEB" -name '*.pyc' -print -quit) ]] ||
    echo "note: running the bundle wrote bytecode into it"

echo "smoke-test: $passed passed, $failed failed"
[[ $failed -eq 0 ]]
