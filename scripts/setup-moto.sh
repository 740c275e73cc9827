#!/usr/bin/env bash
# Installs the pinned moto server (the SSM test double) into a cache folder, once.
# Prints the path of moto_server. Idempotent: a second run only checks the stamp.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
venv="${SSM_GATE_MOTO_VENV:-$root/.cache/moto-venv}"
pin="moto[server]==5.2.5"
stamp="$venv/.ssm-gate-installed"

if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$pin" ] && [ -x "$venv/bin/moto_server" ]; then
  echo "$venv/bin/moto_server"
  exit 0
fi

py=$(command -v python3 || true)
if [ -z "$py" ]; then
  echo "setup-moto: python3 (>= 3.9, with the venv module) is required to run the SSM test server; install it (Debian: apt-get install python3 python3-venv)" >&2
  exit 1
fi

rm -rf "$venv"
mkdir -p "$(dirname "$venv")"
if ! "$py" -m venv "$venv" >&2; then
  echo "setup-moto: '$py -m venv' failed; install the venv module (Debian: apt-get install python3-venv)" >&2
  exit 1
fi
"$venv/bin/python" -m pip install --quiet --disable-pip-version-check "$pin" >&2
echo "$pin" >"$stamp"
echo "$venv/bin/moto_server"
