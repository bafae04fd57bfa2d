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

# name, Dockerfile and build arguments; the names are the images in k8s/base
# (ticket-exchange/<name>). The six services share one Dockerfile; SERVICE names the one.
images=(
  "auth services/Dockerfile SERVICE=auth PORT=4001"
  "tickets services/Dockerfile SERVICE=tickets PORT=4002"
  "orders services/Dockerfile SERVICE=orders PORT=4003"
  "payments services/Dockerfile SERVICE=payments PORT=4004"
  "expiration services/Dockerfile SERVICE=expiration PORT=4005"
  "notifications services/Dockerfile SERVICE=notifications PORT=4006"
  "web apps/web/Dockerfile"
)
for entry in "${images[@]}"; do
  read -r name dockerfile buildargs <<<"$entry"
  image="${prefix}ticket-exchange/${name}:${tag}"
  args=()
  for arg in $buildargs; do args+=(--build-arg "$arg"); done
  echo "==> $image"
  docker build -f "$dockerfile" ${args[@]+"${args[@]}"} -t "$image" .
  if [ "$push" = "--push" ]; then docker push "$image"; fi
done
