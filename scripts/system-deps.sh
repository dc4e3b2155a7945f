#!/usr/bin/env bash
# Make sure the Debian packages Casedesk needs to run and to be tested are installed.
#
#   scripts/system-deps.sh           # to run and test (make run, make test)
#   scripts/system-deps.sh package   # also to build and check the package (make package)
#
# Silent when everything is there. Otherwise installs what is missing with
# apt-get (as root, or through sudo when it needs no password); failing that,
# prints the command to run and exits 1.
set -euo pipefail

PACKAGES=(
    # Qt 6 (PySide6) at run time
    libglib2.0-0 libegl1 libgl1 libx11-6 libdbus-1-3 libfontconfig1 libxkbcommon0
    libxcb-cursor0 libxcb-icccm4 libxcb-image0 libxcb-keysyms1 libxcb-render-util0
    libxcb-shape0 libxkbcommon-x11-0
    # Qt WebEngine (the capture browser): what libQt6WebEngineCore links beyond
    # the Qt libraries above (found with ldd; the package depends on them too)
    libnss3 libnspr4 libxcomposite1 libxdamage1 libxrandr2 libxtst6 libxkbfile1 libasound2
    libgbm1 libdrm2 libxcb-dri3-0 libxfixes3 libxrender1 libxext6
    # The GUI's font (Qt draws its widgets with a system font through fontconfig).
    # PDF reports need no system font: theirs ship in resources/fonts.
    fonts-dejavu-core
    # tests: PostgreSQL server, reading PDFs back, a virtual screen
    postgresql poppler-utils xvfb xauth
    # the Python environment
    python3-venv
)
case ${1:-} in
    "") ;;
    package)
        PACKAGES+=(
            # PyInstaller reads binaries with objdump and strips them; the .deb
            binutils dpkg-dev
            # checking the menu entry and the AppStream metainfo
            desktop-file-utils appstream
        )
        # What the package depends on: the smoke test checks the bundle against it.
        here=$(dirname "${BASH_SOURCE[0]}")
        mapfile -t -O "${#PACKAGES[@]}" PACKAGES < <(
            sed 's/#.*//' "$here/../packaging/linux/depends" | tr -s ' \t' '\n' | sed '/^$/d'
        )
        ;;
    *)
        echo "usage: scripts/system-deps.sh [package]" >&2
        exit 2
        ;;
esac

if ! command -v dpkg-query >/dev/null 2>&1; then
    echo "system-deps: not a Debian-based system; make sure the equivalents of these" \
        "packages are installed: ${PACKAGES[*]}" >&2
    exit 0
fi

# One dpkg-query call; a package counts only when fully installed ("ii").
# (dpkg-query exits 1 for packages it has never heard of: that is expected.)
installed=$(dpkg-query -W -f='${Package} ${db:Status-Abbrev}\n' "${PACKAGES[@]}" 2>/dev/null || true)
missing=()
for pkg in "${PACKAGES[@]}"; do
    if ! awk -v pkg="$pkg" '$1 == pkg && $2 == "ii" { found = 1 } END { exit !found }' \
        <<<"$installed"; then
        missing+=("$pkg")
    fi
done
[[ ${#missing[@]} -eq 0 ]] && exit 0

install_cmd="apt-get install -y --no-install-recommends ${missing[*]}"
if [[ $(id -u) -eq 0 ]]; then
    sudo=()
elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
    sudo=(sudo)
else
    sudo=(not-allowed)
fi
if [[ ${sudo[0]:-} == not-allowed ]] || ! command -v apt-get >/dev/null 2>&1; then
    prefix=""
    [[ $(id -u) -ne 0 ]] && prefix="sudo "
    {
        echo "Casedesk needs these Debian packages: ${missing[*]}"
        echo "Install them with:"
        echo "    ${prefix}apt-get update && ${prefix}${install_cmd}"
    } >&2
    exit 1
fi

echo "system-deps: installing ${missing[*]}" >&2
apt_get=("${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get -q -o DPkg::Lock::Timeout=300)

# Refresh the package lists only when they are empty or do not know a package.
needs_update=0
if ! compgen -G "/var/lib/apt/lists/*_Packages*" >/dev/null; then
    needs_update=1
else
    for pkg in "${missing[@]}"; do
        candidate=$(apt-cache policy "$pkg" 2>/dev/null | awk '/Candidate:/ {print $2}')
        if [[ -z $candidate || $candidate == "(none)" ]]; then
            needs_update=1
            break
        fi
    done
fi
if [[ $needs_update -eq 1 ]]; then
    "${apt_get[@]}" update
fi
if ! "${apt_get[@]}" install -y --no-install-recommends "${missing[@]}"; then
    # Stale lists point at files the mirror no longer has: refresh once and retry.
    [[ $needs_update -eq 1 ]] && exit 1
    "${apt_get[@]}" update
    "${apt_get[@]}" install -y --no-install-recommends "${missing[@]}"
fi
