#!/usr/bin/env bash
# Builds (and with --push, pushes) the seven images the manifests run, named
# <registry>/ticket-exchange/<name>:<tag>. The context is the repository root.
#   k8s/build-images.sh 0.1.0                                  # local images
#   k8s/build-images.sh 0.1.0 registry.example.com --push     # for the prod overlay
set -euo pipefail
cd "$(dirname "$0")/.."
tag=${1:?usage: k8s/build-images.sh <tag> [registry] [--push]}
registry=${2:-}
push=${3:-}
prefix=${registry:+$registry/}

# name -> Dockerfile; the names are the images in k8s/base (ticket-exchange/<name>).
images=(
  "auth services/auth/Dockerfile"
  "tickets services/tickets/Dockerfile"
  "orders services/orders/Dockerfile"
  "payments services/payments/Dockerfile"
  "expiration services/expiration/Dockerfile"
  "notifications services/notifications/Dockerfile"
  "web apps/web/Dockerfile"
)
for entry in "${images[@]}"; do
  read -r name dockerfile <<<"$entry"
  image="${prefix}ticket-exchange/${name}:${tag}"
  echo "==> $image"
  docker build -f "$dockerfile" -t "$image" .
  if [ "$push" = "--push" ]; then docker push "$image"; fi
done
