#!/usr/bin/env bash
# Starts the images as containers against local-aws's container and measures the time from `podman run`
# to a 200 from each service's readiness probe: each service on its own, with its AOT cache, with it and C1
# only, and without it; then all four together, as built and with C1 only; last, all four with a CloudWatch
# namespace, whose meters must reach local-aws's CloudWatch (the run-time switch in Spring AOT images). Fails when a container does not become ready within 180 s. Writes the figures
# to target/containers/startup.md. Traffic stays on 127.0.0.1 (host networking); every container is
# removed at the end.  Run build-images.sh first.
set -euo pipefail
. "$(dirname "$0")/lib.sh"
ensure_namespace "$@"
cd "$(dirname "$0")/../.."
base_image=${BASE_IMAGE:-}
set -a; . ./.env; set +a
BASE_IMAGE=${base_image:-$BASE_IMAGE}
version=$BELLYFED_VERSION
out=target/containers/startup.md
mkdir -p target/containers
services=("query $BELLYFED_QUERY_PORT $BELLYFED_QUERY_MANAGEMENT_PORT" "write $BELLYFED_WRITE_PORT $BELLYFED_WRITE_MANAGEMENT_PORT"
          "import $BELLYFED_IMPORT_PORT $BELLYFED_IMPORT_MANAGEMENT_PORT" "analytics $BELLYFED_ANALYTICS_PORT $BELLYFED_ANALYTICS_MANAGEMENT_PORT")

# podman tries to schedule each image's HEALTHCHECK with a systemd timer; without systemd it logs two errors a
# container and carries on (the script runs `podman healthcheck run` itself): those lines go to this file.
podman_log=target/containers/startup-podman.log
: > "$podman_log"

cleanup() { podman rm -f -t 0 $(podman ps -aq --filter label=bellyfed.startup=1) >/dev/null 2>&1 || true; }
trap cleanup EXIT
cleanup

started=$(now_ms)
podman run -d --rm --label bellyfed.startup=1 --name bellyfed-startup-local-aws "${PODMAN_RUN_FLAGS[@]}" --read-only \
  "bellyfed/local-aws:$version" --port "$LOCAL_AWS_PORT" --env "$BELLYFED_ENVIRONMENT" >/dev/null 2>>"$podman_log" \
  || { cat "$podman_log" >&2; exit 1; }
local_aws_ms=$(wait_ready "http://127.0.0.1:$LOCAL_AWS_PORT/_local-aws/health" "$started")
podman healthcheck run bellyfed-startup-local-aws >/dev/null 2>>"$podman_log" || { echo "local-aws is ready but its image's HEALTHCHECK fails" >&2; exit 1; }
health=$(curl -sf "http://127.0.0.1:$LOCAL_AWS_PORT/_local-aws/health")
field() { printf '%s' "$health" | sed -n "s/.*\"cognito\":{[^}]*\"$1\":\"\([^\"]*\)\".*/\1/p"; }
# docker-compose.yml names the pool and client by .env: they must be what local-aws derives for the environment.
if [ "$(field userPoolId)" != "$BELLYFED_USER_POOL_ID" ] || [ "$(field clientId)" != "$BELLYFED_USER_POOL_CLIENT_ID" ]; then
  echo ".env names pool $BELLYFED_USER_POOL_ID and client $BELLYFED_USER_POOL_CLIENT_ID; local-aws has $(field userPoolId) and $(field clientId)" >&2
  exit 1
fi

# Starts service $1 ($2 port, $3 management port) with extra JVM options $4 and the settings in extra_env.
extra_env=()
run_service() {
  podman run -d --rm --label bellyfed.startup=1 --name "bellyfed-startup-$1" "${PODMAN_RUN_FLAGS[@]}" \
    --read-only --tmpfs /tmp:rw,size=64m --user 10001:10001 \
    -e SPRING_PROFILES_ACTIVE=local -e AWS_REGION=us-east-1 -e AWS_ACCESS_KEY_ID=local -e AWS_SECRET_ACCESS_KEY=local \
    -e SPRING_CLOUD_AWS_ENDPOINT="http://localhost:$LOCAL_AWS_PORT" -e BELLYFED_EVENTS_ENVIRONMENT="$BELLYFED_ENVIRONMENT" \
    -e BELLYFED_PAGING_CURSOR_SECRET=local-only-cursor-secret-change-me-0123456789 \
    -e BELLYFED_SECURITY_ISSUER_URI="$(field issuer)" -e BELLYFED_SECURITY_CLIENT_IDS="$(field clientId)" \
    -e SERVER_PORT="$2" -e MANAGEMENT_SERVER_PORT="$3" -e JDK_JAVA_OPTIONS="$4" "${extra_env[@]}" \
    "bellyfed/$1-service:$version" >/dev/null 2>>"$podman_log" || { cat "$podman_log" >&2; exit 1; }
}

# The images' JVM as built; with C1 only (.env's BELLYFED_SERVICE_JAVA_OPTIONS, which docker-compose.yml gives the
# services); and without the AOT cache. Spring AOT is on in all three (the image's entry point sets it). A start on
# this shared 2-core machine varies by ±15 % from minute to minute, so the two modes with the cache start three
# times each: the figure is the median, with the fastest and the slowest beside it.
c1_options=${BELLYFED_SERVICE_JAVA_OPTIONS:--XX:TieredStopAtLevel=1}
declare -A alone_aot alone_c1 alone_plain
for entry in "${services[@]}"; do
  read -r service port management_port <<<"$entry"
  for mode in aot c1 plain; do
    options=""
    [ "$mode" = c1 ] && options=$c1_options
    [ "$mode" = plain ] && options="-XX:AOTMode=off"
    times=()
    for run in $([ "$mode" = plain ] && echo 1 || echo 1 2 3); do
      started=$(now_ms)
      run_service "$service" "$port" "$management_port" "$options"
      ms=$(wait_ready "http://127.0.0.1:$management_port/actuator/health/readiness" "$started") \
        || { podman logs --tail 40 "bellyfed-startup-$service" >&2; exit 1; }
      if [ "$mode" = aot ] && [ "$run" = 1 ]; then
        # The image's own HEALTHCHECK (on the management port's readiness) passes too; podman runs it on demand here.
        podman healthcheck run "bellyfed-startup-$service" >/dev/null 2>>"$podman_log" \
          || { echo "$service-service is ready but its image's HEALTHCHECK fails" >&2; exit 1; }
      fi
      podman rm -f -t 10 "bellyfed-startup-$service" >/dev/null 2>>"$podman_log"
      times+=("$ms")
    done
    mapfile -t times < <(printf '%s\n' "${times[@]}" | sort -n)
    figure="${times[$(( ${#times[@]} / 2 ))]} ms"
    [ "${#times[@]}" -gt 1 ] && figure="$figure (${times[0]}-${times[-1]})"
    case $mode in
      aot) alone_aot[$service]=$figure ;;
      c1) alone_c1[$service]=$figure ;;
      *) alone_plain[$service]=$figure ;;
    esac
    echo "$service-service alone, $mode: ready in ${times[*]} ms"
  done
done

# All four started at once with JVM options $2, left running; keeps the times in together_<mode>[service] and all[<mode>].
declare -A together_aot together_c1 together_cloudwatch all
start_together() {
  local mode=$1 options=$2 started entry service port management_port
  local -n ready_ms=together_$mode
  started=$(now_ms)
  for entry in "${services[@]}"; do
    read -r service port management_port <<<"$entry"
    run_service "$service" "$port" "$management_port" "$options"
  done
  for entry in "${services[@]}"; do
    read -r service port management_port <<<"$entry"
    ready_ms[$service]=$(wait_ready "http://127.0.0.1:$management_port/actuator/health/readiness" "$started") \
      || { podman logs --tail 40 "bellyfed-startup-$service" >&2; exit 1; }
  done
  all[$mode]=$(( $(now_ms) - started ))
  echo "all four together, $mode: ready in ${all[$mode]} ms"
}
remove_all() {
  local entry service
  for entry in "${services[@]}"; do
    read -r service _ _ <<<"$entry"
    podman rm -f -t 10 "bellyfed-startup-$service" >/dev/null 2>>"$podman_log"
  done
}
start_together aot ""
remove_all
start_together c1 "$c1_options"
remove_all

# The images' bean graph was decided at build time (Spring AOT), so a deployment's run-time switch must still work:
# with a CloudWatch namespace set, as the ECS tasks do, every service's meters reach (local-aws's) CloudWatch.
namespace="Bellyfed/$BELLYFED_ENVIRONMENT"
extra_env=(-e "MANAGEMENT_CLOUDWATCH_METRICS_EXPORT_NAMESPACE=$namespace" -e MANAGEMENT_CLOUDWATCH_METRICS_EXPORT_STEP=2s)
start_together cloudwatch "$c1_options"
for entry in "${services[@]}"; do
  read -r service _ _ <<<"$entry"
  deadline=$(( $(now_ms) + 30000 ))
  until curl -sf "http://127.0.0.1:$LOCAL_AWS_PORT/_local-aws/cloudwatch/metrics" \
      | grep -q "{\"namespace\":\"$namespace\",[^}]*\"application\":\"$service-service\""; do
    [ "$(now_ms)" -lt "$deadline" ] || { echo "$service-service's meters did not reach CloudWatch under $namespace" >&2; exit 1; }
    sleep 1
  done
  echo "$service-service with MANAGEMENT_CLOUDWATCH_METRICS_EXPORT_NAMESPACE=$namespace: its meters in CloudWatch"
done
remove_all
extra_env=()

{
  echo "# Container start-up"
  echo
  echo "Measured by \`deploy/containers/startup.sh\` on $(date -u +%Y-%m-%d) ($(nproc) cores; the images run"
  echo "$(podman run --rm "${PODMAN_RUN_FLAGS[@]}" --no-healthcheck --entrypoint java "bellyfed/query-service:$version" -version 2>&1 | head -n 1) on ${BASE_IMAGE}),"
  echo "load average at the end: $(cut -d' ' -f1-3 /proc/loadavg). Time from \`podman run\` to the first 200 from the readiness"
  echo "probe; local-aws's container ready in $local_aws_ms ms beforehand. Targets: each service ≤ 3 s alone, all four ≤ 10 s together."
  echo
  echo "Every start runs Spring AOT's bean definitions; C1 only is \`$c1_options\`, docker-compose.yml's default (.env)."
  echo "Alone with the AOT cache: the median of three starts, the fastest and slowest in brackets; every other figure one start."
  echo
  echo "| service | alone, AOT cache | alone, AOT cache, C1 only | alone, no AOT cache (-XX:AOTMode=off) | all four started together | all four together, C1 only |"
  echo "|---|---|---|---|---|---|"
  for entry in "${services[@]}"; do
    read -r service _ _ <<<"$entry"
    echo "| $service-service | ${alone_aot[$service]} | ${alone_c1[$service]} | ${alone_plain[$service]} | ${together_aot[$service]} ms | ${together_c1[$service]} ms |"
  done
  echo "| **all four** | | | | **${all[aot]} ms** | **${all[c1]} ms** |"
} > "$out"
cat "$out"
