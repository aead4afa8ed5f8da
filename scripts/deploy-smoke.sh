#!/bin/sh
# Deploy smoke test: the Dockerfile's steps without Docker. For each app: build it, make the
# production folder with `pnpm deploy --prod`, start it there with plain node, check /healthz
# and /metrics, stop it with SIGTERM. Usage: scripts/deploy-smoke.sh [slack] [teams]
set -eu
cd "$(dirname "$0")/.."
apps=${*:-slack teams}
pnpm_cmd=${PNPM:-pnpm}
out=$(mktemp -d "${TMPDIR:-/tmp}/samverkan-deploy.XXXXXX")
trap 'rm -rf "$out"' EXIT
for app in $apps; do
  $pnpm_cmd exec turbo run build --filter="@samverkan/$app" --output-logs=errors-only
  $pnpm_cmd --filter "@samverkan/$app" deploy --prod --legacy "$out/$app" >/dev/null
  test -f "$out/$app/dist/main.js" || { echo "deploy-smoke: $out/$app/dist/main.js is missing" >&2; exit 1; }
  if [ -d "$out/$app/node_modules/tsx" ] || [ -d "$out/$app/node_modules/vitest" ]; then
    echo "deploy-smoke: development dependencies in the $app deployment" >&2
    exit 1
  fi
done
node scripts/deploy-smoke.mjs "$out" $apps
