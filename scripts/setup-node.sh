#!/usr/bin/env bash
# Installs the pinned Node.js the platforms run the bundles on (action.yml `node24`, the plugin
# image's node:24) into a cache folder, once, from the npm registry's node-linux-<arch> package
# (npm checks its integrity). Prints the path of the node binary. Idempotent.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
version=24.22.3
case "$(uname -m)" in
  x86_64) arch=x64 ;;
  aarch64 | arm64) arch=arm64 ;;
  *)
    echo "setup-node: no node-linux package for $(uname -m)" >&2
    exit 1
    ;;
esac
dir="${SSM_GATE_NODE24_DIR:-$root/.cache/node24}"
stamp="$dir/.ssm-gate-installed"
pin="node-linux-$arch@$version"

if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$pin" ] && [ -x "$dir/bin/node" ]; then
  echo "$dir/bin/node"
  exit 0
fi

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
(cd "$tmp" && npm pack --silent "$pin" >/dev/null)
tar -xzf "$tmp"/node-linux-"$arch"-"$version".tgz -C "$tmp"
rm -rf "$dir"
mkdir -p "$(dirname "$dir")"
mv "$tmp/package" "$dir"
rm -rf "$dir/include" "$dir/share" # headers and man pages: only bin/node is run
if [ "$("$dir/bin/node" --version)" != "v$version" ]; then
  echo "setup-node: $dir/bin/node is not v$version" >&2
  exit 1
fi
echo "$pin" >"$stamp"
echo "$dir/bin/node"
