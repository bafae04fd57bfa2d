#!/usr/bin/env bash
# Runs every check and test suite: lint (biome, and typescript-eslint for promises),
# typecheck, unit + integration (Vitest, against real FerretDB, NATS, Redis and Mailpit)
# and browser (Playwright in Chromium, against the whole stack). The last line totals
# them: "N passed, N failed".
set -uo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh || { echo "setup failed"; echo "0 passed, 1 failed"; exit 1; }

RESULTS=.data/results
rm -rf "$RESULTS" && mkdir -p "$RESULTS"
step() { printf '\n\033[1;36m==> %s\033[0m\n' "$*"; }
record() { echo "$1 $2" >> "$RESULTS/checks.txt"; }

step "Lint and format (biome)"
if pnpm exec biome ci --colors=off . ; then record lint pass; else record lint fail; fi

step "Type-aware lint (typescript-eslint: floating and misused promises)"
if pnpm exec eslint --max-warnings=0 . ; then record async-lint pass; else record async-lint fail; fi

step "Typecheck"
if pnpm exec turbo run typecheck --output-logs=errors-only; then record typecheck pass; else record typecheck fail; fi

step "Unit and integration tests (vitest)"
pnpm exec vitest run

step "Browser tests (playwright, chromium)"
pnpm --filter @tx/web exec playwright test
# All-in prices on a stack of its own, with a buyer's fee (issue 22).
pnpm --filter @tx/web exec playwright test -c playwright.all-in.config.ts

step "Summary"
node scripts/summarize.mjs "$RESULTS"
