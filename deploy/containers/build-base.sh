#!/usr/bin/env bash
# Builds the images' base, localhost/bellyfed-jre:25, from Debian's packages and the Temurin 25 JDK of this
# machine, for machines that reach no container registry (the Dockerfiles default to eclipse-temurin:25-jre,
# which has the same layout: a JRE in /opt/java/openjdk, on the PATH).
#   1. mmdebstrap writes a minimal Debian bookworm root filesystem (no docs, man pages or locales);
#   2. jlink makes a JRE of the runtime modules of $JAVA25_HOME (no compiler, debugger or jshell), with
#      its default CDS archive, so that a service's AOT cache has a base to build on;
#   3. podman imports the root filesystem and adds the JRE.
# A second run reuses the root filesystem tarball under target/containers (delete it to refresh the packages).
set -euo pipefail
. "$(dirname "$0")/lib.sh"
ensure_namespace "$@"
cd "$(dirname "$0")/../.."
java25=$(java25_home)
[ -x "$java25/bin/jlink" ] || { echo "no JDK 25 found: set JAVA25_HOME" >&2; exit 1; }
work=target/containers/base
mkdir -p "$work"

if [ ! -s "$work/rootfs.tar" ]; then
  # The dpkg filters keep what a JVM service needs and drop what only a person at a shell reads.
  mmdebstrap --variant=minbase --quiet \
    --dpkgopt='path-exclude=/usr/share/doc/*' --dpkgopt='path-exclude=/usr/share/man/*' \
    --dpkgopt='path-exclude=/usr/share/locale/*' --dpkgopt='path-exclude=/usr/share/info/*' \
    --dpkgopt='path-include=/usr/share/doc/*/copyright' \
    --include=ca-certificates,tzdata \
    bookworm "$work/rootfs.partial.tar" http://deb.debian.org/debian
  mv "$work/rootfs.partial.tar" "$work/rootfs.tar"
fi
podman import --quiet "$work/rootfs.tar" localhost/bellyfed-debian:bookworm >/dev/null

rm -rf "$work/jre"
modules=$("$java25/bin/java" --list-modules | sed 's/@.*//' \
  | grep -v -x -E 'jdk\.(compiler|javadoc|jdeps|jlink|jpackage|jshell|jconsole|jdi|jdwp\.agent|hotspot\.agent|editpad|internal\.le|internal\.opt|internal\.ed|jstatd|jartool|jsobject|accessibility|graal\.compiler|graal\.compiler\.management|internal\.vm\.ci)' \
  | paste -sd, -)
"$java25/bin/jlink" --add-modules "$modules" --strip-debug --no-man-pages --no-header-files \
  --compress=zip-0 --generate-cds-archive --output "$work/jre"

cat > "$work/Dockerfile" <<'DOCKERFILE'
FROM localhost/bellyfed-debian:bookworm
COPY jre /opt/java/openjdk
ENV JAVA_HOME=/opt/java/openjdk PATH=/opt/java/openjdk/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin \
    LANG=C.UTF-8
LABEL org.opencontainers.image.title="bellyfed-jre" \
      org.opencontainers.image.description="Debian bookworm (minbase) with a jlinked Temurin 25 runtime" \
      org.opencontainers.image.base.name="debian:bookworm (mmdebstrap)"
DOCKERFILE
podman build --quiet --tag localhost/bellyfed-jre:25 "$work" >/dev/null
podman run --rm "${PODMAN_RUN_FLAGS[@]}" \
  localhost/bellyfed-jre:25 java -version 2>&1 | head -n 1 || true
podman image ls --format '{{.Repository}}:{{.Tag}} {{.Size}}' localhost/bellyfed-jre:25
