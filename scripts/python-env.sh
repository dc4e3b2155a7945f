#!/usr/bin/env bash
# Create or update .venv from uv.lock (the "dev" group included), with the
# machine's python3. Brings in uv itself (into .tools/) when it is not on PATH.
# Arguments go to `uv sync`: `scripts/python-env.sh --group package` adds
# PyInstaller for make package.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

if uv --version >/dev/null 2>&1; then
    uv=uv
else
    uv=.tools/bin/uv
    if ! "$uv" --version >/dev/null 2>&1; then
        echo "python-env: uv not found; installing it into .tools/" >&2
        python3 -m venv .tools
        .tools/bin/python -m pip install --quiet --disable-pip-version-check "uv>=0.9"
    fi
fi

# uv trusts the system's certificate store (as pip and apt do), not only its own
# list: an agency network that inspects TLS with its own CA works when IT has
# installed that CA on the machine. (Older uv reads UV_NATIVE_TLS.)
export UV_SYSTEM_CERTS=1 UV_NATIVE_TLS=1

# Bytecode is compiled at install, so the first command on a new machine does not pay for it.
UV_PYTHON_DOWNLOADS=never "$uv" sync --frozen --quiet --compile-bytecode -p python3 "$@"
# The project's own modules too (installed editable, they are not in site-packages):
# a command then starts without compiling them, even where PYTHONDONTWRITEBYTECODE is set.
.venv/bin/python -m compileall -q -j 0 app reports migrations benchmarks >/dev/null
