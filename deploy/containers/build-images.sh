#!/usr/bin/env bash
# Builds the five images: bellyfed/local-aws from the jar of `./mvnw package`, and bellyfed/{query,write,
# import,analytics}-service from their Spring AOT jars, which it builds first (`./mvnw -Pspring-aot package` on
# Java 25); tagged with the project version and `latest`.
#   BASE_IMAGE  the Java 25 runtime to build on (default: eclipse-temurin:25-jre when a registry is
#               reachable; on a machine without one, build-base.sh's localhost/bellyfed-jre:25, built first
#               when missing: `BASE_IMAGE=localhost/bellyfed-jre:25 build-images.sh`)
# Arguments name a subset of images, e.g. `build-images.sh query-service local-aws`.
set -euo pipefail
. "$(dirname "$0")/lib.sh"
ensure_namespace "$@"
cd "$(dirname "$0")/../.."
base=${BASE_IMAGE:-eclipse-temurin:25-jre}
if [ "$base" = localhost/bellyfed-jre:25 ] && ! podman image exists "$base"; then
  deploy/containers/build-base.sh
fi
version=$(sed -n 's:^  <version>\(.*\)</version>:\1:p' pom.xml | head -n 1)
revision=$(git rev-parse --short=12 HEAD 2>/dev/null || echo unknown)
created=$(date -u +%Y-%m-%dT%H:%M:%SZ)
images=("$@")
[ ${#images[@]} -gt 0 ] || images=(local-aws query-service write-service import-service analytics-service)

mkdir -p target/containers
# The images' SBOMs (CycloneDX, into <module>/target/sbom): made here rather than in every `./mvnw verify`, which they
# would cost about 30 s (decision 61). The plugin resolves the modules' dependencies, so it needs the Maven repository
# online as the build did; the sibling modules resolve to what `./mvnw package` left in their target/.
modules=$(IFS=,; echo "${images[*]}")
./mvnw -B -ntp -q -pl "$modules" cyclonedx:makeBom@module-sbom > target/containers/sbom.log 2>&1 \
  || { tail -n 40 target/containers/sbom.log; exit 1; }
# The services' jars with Spring AOT's generated bean definitions, which the images run (decision 68), built on the
# images' Java 25: AOT decides every condition here, once, and virtual threads need Java 21+. The modules they need
# come along (-am; a clean clone has nothing installed), their tests compiled, not run.
services=()
for image in "${images[@]}"; do [ "$image" = local-aws ] || services+=("$image"); done
if [ ${#services[@]} -gt 0 ]; then
  java25=$(java25_home)
  [ -x "$java25/bin/java" ] || { echo "Spring AOT runs on a JDK 25: set JAVA25_HOME" >&2; exit 1; }
  started=$(date +%s)
  JAVA_HOME=$java25 ./mvnw -B -ntp -q -Pspring-aot -pl "$(IFS=,; echo "${services[*]}")" -am package -DskipTests \
    > target/containers/spring-aot.log 2>&1 || { grep -v '^{' target/containers/spring-aot.log | tail -n 40; exit 1; }
  echo "Spring AOT jars of ${services[*]} built in $(( $(date +%s) - started )) s"
fi
for image in "${images[@]}"; do
  started=$(date +%s)
  # Docker's image format: podman's default, OCI's, has no field for HEALTHCHECK and drops it with a warning.
  common=(--format docker --build-arg "BASE_IMAGE=$base" --build-arg "VERSION=$version" --build-arg "REVISION=$revision"
          --build-arg "CREATED=$created" --tag "bellyfed/$image:$version" --tag "bellyfed/$image:latest")
  case "$image" in
    local-aws)
      podman build "${common[@]}" -f deploy/containers/local-aws.Dockerfile local-aws/target > target/containers/local-aws.build.log 2>&1 || { tail -n 40 target/containers/local-aws.build.log; exit 1; } ;;
    query-service|write-service|import-service|analytics-service)
      jar=$(cd "$image/target" && ls "$image-$version"-exec.jar 2>/dev/null || ls "$image-$version.jar")
      # The training start's local-aws and script, which -Pspring-aot copied beside the jar (service.Dockerfile).
      [ -f "$image/target/training/local-aws-exec.jar" ] && [ -f "$image/target/training/train-service.sh" ] \
        || { echo "$image/target/training/ lacks local-aws-exec.jar or train-service.sh: ./mvnw -Pspring-aot package -pl $image -am copies them" >&2; exit 1; }
      management_port=$(sed -n 's/^BELLYFED_'"$(echo "${image%-service}" | tr a-z A-Z)"'_MANAGEMENT_PORT=//p' .env)
      podman build "${common[@]}" --build-arg "SERVICE=$image" --build-arg "JAR_FILE=$jar" \
        --build-arg "MANAGEMENT_PORT=$management_port" -f deploy/containers/service.Dockerfile "$image/target" > "target/containers/$image.build.log" 2>&1 || { tail -n 40 "target/containers/$image.build.log"; exit 1; } ;;
    *) echo "unknown image $image" >&2; exit 2 ;;
  esac
  # Without this every build would leave its stages' images (the extract and train stages, and the image this build's
  # tags moved from) behind, about 1 GB a service: a few dozen builds fill a laptop's disk. Only untagged images with
  # the Dockerfiles' labels go; the base image and the layers of other projects stay.
  podman image prune -f --filter label=bellyfed.build-stage >/dev/null
  podman image prune -f --filter label=org.opencontainers.image.vendor=Bellyfed >/dev/null
  podman image inspect "bellyfed/$image:$version" | grep -q '"Healthcheck"' \
    || { echo "bellyfed/$image:$version has no HEALTHCHECK" >&2; exit 1; }
  echo "bellyfed/$image:$version built in $(( $(date +%s) - started )) s ($(podman image ls --format '{{.Size}}' "bellyfed/$image:$version" | head -n 1))"
done
