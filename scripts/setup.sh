#!/usr/bin/env bash
# Sets up a fresh Debian machine (Node 20, Go, apt) for Ticket Exchange; safe to run again:
# every step is skipped when its result is already there.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT="$PWD"
TOOLS="$ROOT/.tools"
BIN="$TOOLS/bin"
mkdir -p "$BIN" "$TOOLS/src"

FERRETDB_VERSION=v1.24.2
NATS_VERSION=v2.15.2
MAILPIT_VERSION=v1.27.11
PNPM_VERSION=12.4.2
KUSTOMIZE_VERSION=v5.8.2

step() { printf '\n\033[1;36m==> %s\033[0m\n' "$*"; }
skip() { printf '    %s\n' "$*"; }
as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }

step "System packages (redis-server, chromium, postgresql-15)"
missing=()
command -v redis-server >/dev/null || missing+=(redis-server)
command -v chromium >/dev/null || missing+=(chromium)
fc-list 2>/dev/null | grep -qi dejavu || missing+=(fonts-dejavu-core)
# FerretDB's PostgreSQL backend (TX_FERRETDB_BACKEND=postgresql). Installed always, not only
# when selected: the test suite checks atomic writes on both backends. The harness runs its
# own private cluster (initdb under .data), so the package's own cluster is not wanted.
[ -x /usr/lib/postgresql/15/bin/initdb ] || missing+=(postgresql-15)
if [ ${#missing[@]} -gt 0 ]; then
  echo "    installing: ${missing[*]}"
  if [[ " ${missing[*]} " == *" postgresql-15 "* ]] && [ ! -e /etc/postgresql-common/createcluster.conf ]; then
    as_root mkdir -p /etc/postgresql-common
    echo "create_main_cluster = false" | as_root tee /etc/postgresql-common/createcluster.conf >/dev/null
  fi
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
else
  skip "already installed"
fi

# A Go module's source, copied somewhere writable (the module cache is read-only).
module_source() { # module version dest
  local dir
  dir=$(cd "$TOOLS" && GOFLAGS=-mod=mod go mod download -json "$1@$2" | sed -n 's/^\t"Dir": "\(.*\)",$/\1/p')
  rm -rf "$3"
  cp -r "$dir" "$3"
  chmod -R u+w "$3"
}

step "FerretDB $FERRETDB_VERSION (MongoDB wire protocol on SQLite or PostgreSQL)"
# Our patches (scripts/patches), applied in this order; each one's header explains it:
#   sqlite-id-index      lookups by _id use the _id index on SQLite, also beside other fields
#   atomic-writes        update, findAndModify and delete are atomic per collection
#   postgresql-id-index  lookups by _id use the _id index on PostgreSQL
FERRETDB_PATCHES=(sqlite-id-index atomic-writes postgresql-id-index)
patch_files=()
for name in "${FERRETDB_PATCHES[@]}"; do
  patch_files+=("$ROOT/scripts/patches/ferretdb-$FERRETDB_VERSION-$name.patch")
done
# The stamp names the patches' content: a changed or added patch rebuilds on every machine.
patches_hash=$(cat "${patch_files[@]}" | sha256sum | cut -c1-12)
FERRETDB_STAMP="$BIN/.ferretdb-$FERRETDB_VERSION-$patches_hash"
if [ -f "$FERRETDB_STAMP" ]; then
  skip "already built"
else
  src="$TOOLS/src/ferretdb"
  module_source github.com/FerretDB/FerretDB "$FERRETDB_VERSION" "$src"
  # A build from the module needs the version file that FerretDB's own build generates.
  echo "$FERRETDB_VERSION" > "$src/build/version/version.txt"
  for file in "${patch_files[@]}"; do
    patch --quiet -p1 -d "$src" < "$file"
  done
  echo "    compiling (a few minutes the first time)"
  (cd "$src" && CGO_ENABLED=0 go build -trimpath -o "$BIN/ferretdb" ./cmd/ferretdb)
  rm -rf "$src"
  rm -f "$BIN"/.ferretdb-*
  touch "$FERRETDB_STAMP"
fi

step "nats-server $NATS_VERSION (JetStream)"
if [ -f "$BIN/.nats-server-$NATS_VERSION" ]; then
  skip "already built"
else
  GOBIN="$BIN" CGO_ENABLED=0 go install "github.com/nats-io/nats-server/v2@$NATS_VERSION"
  touch "$BIN/.nats-server-$NATS_VERSION"
fi

step "Mailpit $MAILPIT_VERSION (SMTP catcher with web inbox)"
if [ -f "$BIN/.mailpit-$MAILPIT_VERSION" ]; then
  skip "already built"
else
  src="$TOOLS/src/mailpit"
  module_source github.com/axllent/mailpit "$MAILPIT_VERSION" "$src"
  # The web inbox's assets are not in the Go module: build them, then embed them.
  echo "    building the web inbox assets"
  (cd "$src" && npm ci --no-audit --no-fund --ignore-scripts --loglevel=error >/dev/null && npm run package >/dev/null)
  echo "    compiling"
  (cd "$src" && CGO_ENABLED=0 go build -trimpath -o "$BIN/mailpit" .)
  rm -rf "$src"
  touch "$BIN/.mailpit-$MAILPIT_VERSION"
fi

step "kustomize $KUSTOMIZE_VERSION (renders k8s/ for the deploy-check tests)"
if [ -f "$BIN/.kustomize-$KUSTOMIZE_VERSION" ]; then
  skip "already built"
else
  GOBIN="$BIN" CGO_ENABLED=0 go install "sigs.k8s.io/kustomize/kustomize/v5@$KUSTOMIZE_VERSION"
  touch "$BIN/.kustomize-$KUSTOMIZE_VERSION"
fi

step "pnpm $PNPM_VERSION"
if [ "$(pnpm --version 2>/dev/null || true)" = "$PNPM_VERSION" ]; then
  skip "already installed"
else
  as_root npm install -g --no-audit --no-fund "pnpm@$PNPM_VERSION" >/dev/null 2>&1
  pnpm --version
fi

step "Dependencies"
CI=true pnpm install --frozen-lockfile --reporter=silent

step "Build"
pnpm exec turbo run build --output-logs=errors-only
echo
echo "Setup complete."
