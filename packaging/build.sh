#!/usr/bin/env bash
# Build the installable Casedesk: dist/casedesk/ (PyInstaller, one folder) and,
# on Debian-based systems, dist/casedesk_<version>_<arch>.deb from it.
#
#   packaging/build.sh            # both (what `make package` runs)
#   packaging/build.sh --no-deb   # the folder only (Windows, macOS, other Linux)
#
# Needs the package dependency group in .venv (`make package` syncs it), and
# for the .deb dpkg-dev (scripts/system-deps.sh package installs it).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

APP_ID=org.casedesk.Casedesk
PYTHON=${PYTHON:-.venv/bin/python}
VERSION=$("$PYTHON" -c 'import tomllib; print(tomllib.load(open("pyproject.toml", "rb"))["project"]["version"])')

# The .deb's Depends: one list, packaging/linux/depends (comments left out).
mapfile -t DEPENDS < <(sed 's/#.*//' packaging/linux/depends | tr -s ' \t' '\n' | sed '/^$/d')

build_folder() {
    echo "build: PyInstaller → dist/casedesk/" >&2
    # The analysis starts afresh (no work folder of an earlier build), but
    # PyInstaller's cache of stripped binaries (~/.cache/pyinstaller) is kept:
    # it is keyed by each binary's digest, so only a changed binary is stripped
    # again (--clean would strip all 400 MB of Qt at every build).
    rm -rf build/pyinstaller
    "$PYTHON" -m PyInstaller --noconfirm --log-level WARN \
        --distpath dist --workpath build/pyinstaller packaging/casedesk.spec
}

# The newest glibc symbol version any bundled binary uses: the C library the
# machine needs at least (the bundle is as new as the machine that built it).
glibc_needed() {
    find dist/casedesk -type f \( -name '*.so*' -o -name casedesk \) -print0 |
        xargs -0 objdump -T 2>/dev/null | grep -oE 'GLIBC_[0-9]+\.[0-9]+' |
        sed 's/GLIBC_//' | sort -uV | tail -n 1
}

build_deb() {
    local arch root deb glibc depends
    arch=$(dpkg --print-architecture)
    root=build/deb/casedesk_${VERSION}_${arch}
    deb=dist/casedesk_${VERSION}_${arch}.deb
    echo "build: Debian package → $deb" >&2
    rm -rf "$root" "$deb"
    install -d "$root/DEBIAN" "$root/opt" "$root/usr/bin" "$root/usr/share/applications" \
        "$root/usr/share/metainfo" "$root/usr/share/icons/hicolor/scalable/apps" \
        "$root/usr/share/doc/casedesk"
    cp -a dist/casedesk "$root/opt/casedesk"
    ln -s /opt/casedesk/casedesk "$root/usr/bin/casedesk"
    install -m 644 "packaging/linux/$APP_ID.desktop" "$root/usr/share/applications/"
    install -m 644 "packaging/linux/$APP_ID.metainfo.xml" "$root/usr/share/metainfo/"
    install -m 644 "resources/icons/$APP_ID.svg" "$root/usr/share/icons/hicolor/scalable/apps/"
    for png in resources/icons/*x*/"$APP_ID.png"; do
        size=$(basename "$(dirname "$png")")
        install -D -m 644 "$png" "$root/usr/share/icons/hicolor/$size/apps/$APP_ID.png"
    done
    gzip -9n < packaging/linux/changelog > "$root/usr/share/doc/casedesk/changelog.gz"
    install -m 644 packaging/linux/copyright "$root/usr/share/doc/casedesk/copyright"
    # Files readable by everyone, writable by root only; directories searchable.
    chmod -R u=rwX,go=rX "$root/opt" "$root/usr"
    chmod 755 "$root/opt/casedesk/casedesk"

    glibc=$(glibc_needed)
    depends="libc6 (>= ${glibc:-2.28})"
    for pkg in "${DEPENDS[@]}"; do depends+=", $pkg"; done
    cat > "$root/DEBIAN/control" <<CONTROL
Package: casedesk
Version: $VERSION
Architecture: $arch
Maintainer: Casedesk developers <developers@casedesk.org>
Section: misc
Priority: optional
Installed-Size: $(du -sk --exclude=DEBIAN "$root" | cut -f1)
Depends: $depends
Homepage: https://casedesk.org/
Description: case management for social-media policy investigations
 Casedesk is a desktop application for the people who investigate employee
 social-media policy violations in public agencies: cases and allegations
 against the agency's policy, screenshot evidence, the authorizations policy
 and law require, discipline and PDF reports, with a tamper-evident audit log.
 .
 One executable, casedesk, opens the window without arguments and runs the
 command line with them. Data lives in one SQLite file per user, or in a
 shared PostgreSQL database (CASEDESK_DATABASE_URL).
CONTROL
    # The AppArmor profile (linux/apparmor-casedesk) goes to /etc/apparmor.d
    # only where AppArmor 4 is: older versions cannot read its userns rule.
    install -D -m 644 packaging/linux/apparmor-casedesk "$root/usr/share/casedesk/apparmor/casedesk"
    # Refresh the menus and icon caches where the desktop has the tools.
    cat > "$root/DEBIAN/postinst" <<'SCRIPT'
#!/bin/sh
set -e
if [ "$1" = configure ]; then
    if [ -e /etc/apparmor.d/abi/4.0 ]; then
        install -m 644 /usr/share/casedesk/apparmor/casedesk /etc/apparmor.d/casedesk
        if command -v apparmor_parser >/dev/null 2>&1 && [ -d /sys/kernel/security/apparmor ]; then
            apparmor_parser -r -T -W /etc/apparmor.d/casedesk || true
        fi
    fi
    command -v update-desktop-database >/dev/null 2>&1 && update-desktop-database -q /usr/share/applications || true
    command -v gtk-update-icon-cache >/dev/null 2>&1 && gtk-update-icon-cache -q -t -f /usr/share/icons/hicolor || true
fi
exit 0
SCRIPT
    cat > "$root/DEBIAN/postrm" <<'SCRIPT'
#!/bin/sh
set -e
if [ "$1" = remove ] || [ "$1" = purge ]; then
    if [ -e /etc/apparmor.d/casedesk ]; then
        if command -v apparmor_parser >/dev/null 2>&1 && [ -d /sys/kernel/security/apparmor ]; then
            apparmor_parser -R /etc/apparmor.d/casedesk >/dev/null 2>&1 || true
        fi
        rm -f /etc/apparmor.d/casedesk
    fi
    command -v update-desktop-database >/dev/null 2>&1 && update-desktop-database -q /usr/share/applications || true
    command -v gtk-update-icon-cache >/dev/null 2>&1 && gtk-update-icon-cache -q -t -f /usr/share/icons/hicolor || true
fi
exit 0
SCRIPT
    chmod 755 "$root/DEBIAN/postinst" "$root/DEBIAN/postrm"
    # zstd: quick to build; every system with the glibc the bundle needs reads it.
    # Level 9 rather than dpkg's 3: a tenth smaller with Qt WebEngine, for
    # about 20 seconds more (levels above 12 take minutes).
    dpkg-deb --root-owner-group -Zzstd -z9 --build "$root" "$deb" >/dev/null
    echo "build: $deb ($(du -h "$deb" | cut -f1))" >&2
}

build_folder
if [[ ${1:-} != --no-deb ]]; then
    if ! command -v dpkg-deb >/dev/null 2>&1; then
        echo "build: dpkg-deb not found: the .deb is built on Debian-based systems only" >&2
        exit 1
    fi
    build_deb
fi
