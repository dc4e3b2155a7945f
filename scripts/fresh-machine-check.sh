#!/usr/bin/env bash
# The fresh-machine check: does a clone of Casedesk work on a new Debian 12?
#
# Builds a minimal Debian 12 (bookworm) tree with debootstrap, installs only
# what a new machine has (git make python3 python3-venv ca-certificates),
# clones this repository's committed HEAD into it and runs the README's two
# commands there: `make test`, then `make run` under xvfb-run until the login
# dialog is on screen. Prints the wall time of every step. Run it by hand
# before resolving anything that touches set-up; CI does not run it.
#
#   sudo scripts/fresh-machine-check.sh [--keep] [--only-run] [TREE]
#
# TREE defaults to /var/tmp/casedesk-fresh. --keep reuses a tree made before
# (skips debootstrap and the base packages, clones again); --only-run skips
# `make test`. Needs root, debootstrap (installed when missing), a Debian
# mirror and PyPI. Extra CA certificates the host trusts
# (/usr/local/share/ca-certificates) are copied in, so a network that
# inspects TLS works inside as it does outside.
set -euo pipefail

repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
keep=0
only_run=0
tree=/var/tmp/casedesk-fresh
for arg in "$@"; do
    case $arg in
        --keep) keep=1 ;;
        --only-run) only_run=1 ;;
        -h | --help) sed -n '2,19p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
        -*) echo "fresh-machine-check: unknown option $arg" >&2; exit 2 ;;
        *) tree=$arg ;;
    esac
done
mirror=${DEBIAN_MIRROR:-http://deb.debian.org/debian}

if [[ $(id -u) -ne 0 ]]; then
    echo "fresh-machine-check: run as root (debootstrap and chroot need it)" >&2
    exit 2
fi
if ! command -v debootstrap >/dev/null 2>&1; then
    DEBIAN_FRONTEND=noninteractive apt-get install -y -q debootstrap >/dev/null
fi

step_started=0
step() {
    step_started=$(date +%s)
    printf '\n== %s\n' "$*"
}
done_step() {
    printf '== %s: %d s\n' "$1" $(($(date +%s) - step_started))
    timings+=("$(printf '%-40s %5d s' "$1" $(($(date +%s) - step_started)))")
}
timings=()

mounts=()
cleanup() {
    local m
    for ((i = ${#mounts[@]} - 1; i >= 0; i--)); do
        m=${mounts[i]}
        umount -l "$m" 2>/dev/null || true
    done
}
trap cleanup EXIT

if [[ $keep -eq 0 || ! -x $tree/usr/bin/make ]]; then
    step "debootstrap a minimal Debian 12 into $tree"
    rm -rf "$tree"
    debootstrap --variant=minbase bookworm "$tree" "$mirror" >/dev/null
    done_step "debootstrap"
fi

for m in proc sys dev dev/pts; do
    mkdir -p "$tree/$m"
    mount --bind "/$m" "$tree/$m"
    mounts+=("$tree/$m")
done
mkdir -p "$tree/dev/shm"
mount -t tmpfs -o mode=1777 shm "$tree/dev/shm"
mounts+=("$tree/dev/shm")
cp /etc/resolv.conf "$tree/etc/resolv.conf"
if compgen -G "/usr/local/share/ca-certificates/*.crt" >/dev/null; then
    mkdir -p "$tree/usr/local/share/ca-certificates"
    cp /usr/local/share/ca-certificates/*.crt "$tree/usr/local/share/ca-certificates/"
fi

# Everything inside runs with a clean environment, as a new login would.
inside() {
    chroot "$tree" /usr/bin/env -i HOME=/root LANG=C.UTF-8 TERM=dumb \
        PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin \
        /bin/bash -c "$1"
}

step "apt-get install git make python3 python3-venv ca-certificates"
inside "DEBIAN_FRONTEND=noninteractive apt-get -q update >/dev/null &&
    DEBIAN_FRONTEND=noninteractive apt-get -q install -y --no-install-recommends \
        git make python3 python3-venv ca-certificates >/dev/null &&
    update-ca-certificates >/dev/null"
done_step "base packages"

step "clone $(git -C "$repo" rev-parse --short HEAD) into /root/casedesk"
rm -rf "$tree/root/casedesk"
git clone --quiet --no-local "$repo" "$tree/root/casedesk"
git -C "$tree/root/casedesk" checkout --quiet "$(git -C "$repo" rev-parse HEAD)"
done_step "clone"

status=0
if [[ $only_run -eq 0 ]]; then
    step "make test"
    if ! inside "cd /root/casedesk && make test"; then
        status=1
        echo "fresh-machine-check: make test FAILED" >&2
    fi
    done_step "make test"
fi

step "make run (under xvfb-run, until the login dialog is shown)"
# CASEDESK_QUIT_WHEN_READY=1 makes the window close itself once the
# login dialog is shown and the database is open (exit status 0).
if ! inside "cd /root/casedesk && apt-get install -y -q xvfb xauth >/dev/null 2>&1;
        CASEDESK_QUIT_WHEN_READY=1 timeout 600 xvfb-run -a make run"; then
    status=1
    echo "fresh-machine-check: make run FAILED" >&2
fi
done_step "make run"

printf '\n== summary (%s)\n' "$(inside 'cat /etc/debian_version')"
printf '%s\n' "${timings[@]}"
if [[ $status -eq 0 ]]; then
    echo "fresh-machine-check: PASSED"
else
    echo "fresh-machine-check: FAILED"
fi
exit $status
