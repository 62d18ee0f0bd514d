#!/usr/bin/env bash
# CI's container check, after `./mvnw verify` packaged the jars: docker-compose.yml and .env are valid, the five
# images build on a base made from Debian's packages (no registry is reachable), and each service's container
# becomes ready against local-aws's container, alone and all four together (startup.sh, which also writes
# the figures); then the whole suite comes up under docker-compose (against podman's API) and the README's first
# walk goes through it (compose.sh, on a Prometheus image built from Debian's package; Grafana is left out).
# Installs what it needs (podman, mmdebstrap, docker-compose) when it can.
set -euo pipefail
cd "$(dirname "$0")/../.."
missing=()
for tool in podman mmdebstrap docker-compose; do command -v "$tool" >/dev/null 2>&1 || missing+=("$tool"); done
if [ ${#missing[@]} -gt 0 ] && command -v apt-get >/dev/null 2>&1 && [ "$(id -u)" = 0 ]; then
  packages=(podman mmdebstrap docker-compose uidmap)
  timeout 600 apt-get install -y -qq "${packages[@]}" >/dev/null 2>&1 \
    || { timeout 300 apt-get update -qq >/dev/null 2>&1 && timeout 600 apt-get install -y -qq "${packages[@]}" >/dev/null 2>&1; }
fi
docker-compose --env-file .env config -q
echo "docker-compose.yml: valid"
export BASE_IMAGE=localhost/bellyfed-jre:25
deploy/containers/build-images.sh
deploy/containers/startup.sh
deploy/containers/compose.sh
