#!/usr/bin/env bash
# Builds localhost/bellyfed-prometheus:trixie, docker-compose.yml's Prometheus for machines that reach no
# container registry (.env's PROMETHEUS_IMAGE names the public prom/prometheus): Debian trixie's `prometheus`
# package in a minimal root filesystem written by mmdebstrap, imported with podman, with the public image's
# entrypoint, user and data directory, so the compose file's `command:` runs unchanged. Trixie, not bookworm:
# bookworm's 2.42 drops every scrape of the services, whose OpenMetrics carry exemplars on histograms' `_count`
# (Micrometer), which Prometheus accepts from 2.43 on ("metric name ..._count does not support exemplars").
# A second run reuses the root filesystem tarball under target/containers (delete it to refresh the packages).
set -euo pipefail
. "$(dirname "$0")/lib.sh"
ensure_namespace "$@"
cd "$(dirname "$0")/../.."
work=target/containers/prometheus
mkdir -p "$work"

if [ ! -s "$work/rootfs.tar" ]; then
  # The package depends on the web UI's JavaScript libraries (kept: the UI is how a person looks at the rules);
  # its recommended node exporter and moment-timezone's unpacked zone data (200 MB the UI does not load) are left out.
  mmdebstrap --variant=minbase --quiet --aptopt='APT::Install-Recommends "false"' \
    --dpkgopt='path-exclude=/usr/share/doc/*' --dpkgopt='path-exclude=/usr/share/man/*' \
    --dpkgopt='path-exclude=/usr/share/locale/*' --dpkgopt='path-exclude=/usr/share/info/*' \
    --dpkgopt='path-include=/usr/share/doc/*/copyright' \
    --dpkgopt='path-exclude=/usr/share/javascript/moment-timezone/data/unpacked/*' \
    --include=prometheus,ca-certificates \
    trixie "$work/rootfs.partial.tar" http://deb.debian.org/debian
  mv "$work/rootfs.partial.tar" "$work/rootfs.tar"
fi
podman import --quiet "$work/rootfs.tar" localhost/bellyfed-prometheus-rootfs:trixie >/dev/null

cat > "$work/Dockerfile" <<'DOCKERFILE'
FROM localhost/bellyfed-prometheus-rootfs:trixie
RUN mkdir -p /prometheus /etc/prometheus && chown nobody:nogroup /prometheus
LABEL org.opencontainers.image.title="bellyfed-prometheus" \
      org.opencontainers.image.description="Prometheus from Debian trixie's package, for docker-compose.yml without a registry" \
      org.opencontainers.image.base.name="debian:trixie (mmdebstrap)"
USER nobody
WORKDIR /prometheus
EXPOSE 9090
ENTRYPOINT ["/usr/bin/prometheus"]
CMD ["--config.file=/etc/prometheus/prometheus.yml", "--storage.tsdb.path=/prometheus"]
DOCKERFILE
podman build --quiet --tag localhost/bellyfed-prometheus:trixie "$work" >/dev/null
podman run --rm "${PODMAN_RUN_FLAGS[@]}" localhost/bellyfed-prometheus:trixie --version 2>&1 | head -n 1 || true
podman image ls --format '{{.Repository}}:{{.Tag}} {{.Size}}' localhost/bellyfed-prometheus:trixie
