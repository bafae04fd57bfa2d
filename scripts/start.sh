#!/usr/bin/env bash
# One command: set everything up if needed, then start the infrastructure, the six
# services and the web app on http://localhost:3000. Ctrl-C stops everything.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
printf '\n\033[1;36m==> Starting Ticket Exchange\033[0m\n'
exec node node_modules/tsx/dist/cli.mjs packages/test-kit/src/dev.ts "$@"
