#!/usr/bin/env bash
# Runs docker-compose.yml on a machine with podman and no registry, and walks through the suite as the README's
# first walk does: docker-compose (1.29, Debian's) talks to podman's Docker-compatible API (`podman system service`
# on a private socket, in lib.sh's mount namespace, with cgroups disabled as every container here needs; decision
# 63). podman schedules health checks with systemd timers and there is no systemd here, so a ticker runs
# `podman healthcheck run` on the project's containers while compose is up: without it local-aws never turns
# healthy and `up` waits for ever on the services' `depends_on: service_healthy`.
#   1. `docker-compose up -d --no-build` local-aws, the four services and Prometheus (Grafana too when
#      GRAFANA_IMAGE is in local storage: it has no Debian package and no registry is reachable here);
#   2. the time from `up` to each service's first readiness 200 (180 s at most);
#   3. an admin token (`local-aws token`), a restaurant POSTed to write-service, found through query-service,
#      its events in analytics-service's archive under the walk's correlation id (the listing's and the
#      write's analytics event), that analytics event in analytics-service's store, and in Prometheus every
#      service's `up` and write-service's count of the POST (bounded waits; the scrape interval is 15 s).
# Fails with the containers' logs on any step; `docker-compose down` and the API service's stop always run.
# Writes the figures to target/containers/compose.md. Needs the images of build-images.sh and the jar of
# `./mvnw package` (local-aws's, for the token); builds Prometheus's image (build-prometheus.sh) when missing.
#   PROMETHEUS_IMAGE  default localhost/bellyfed-prometheus:trixie (.env names the public prom/prometheus)
set -euo pipefail
. "$(dirname "$0")/lib.sh"
ensure_namespace "$@"
cd "$(dirname "$0")/../.."
prometheus_image=${PROMETHEUS_IMAGE:-localhost/bellyfed-prometheus:trixie}
set -a; . ./.env; set +a
export PROMETHEUS_IMAGE=$prometheus_image COMPOSE_PROJECT_NAME=bellyfed
work=target/containers/compose
out=target/containers/compose.md
mkdir -p "$work"
# The API service runs its containers as `podman run` here must: without cgroups (lib.sh).
printf '[containers]\ncgroups = "disabled"\n' > "$work/containers.conf"
export CONTAINERS_CONF=$PWD/$work/containers.conf
# A socket path must stay under 108 bytes, which a deep checkout may not.
socket_dir=$(mktemp -d /tmp/bellyfed-compose.XXXXXX)
export DOCKER_HOST=unix://$socket_dir/podman.sock
compose=(docker-compose --env-file .env)
services=("query $BELLYFED_QUERY_MANAGEMENT_PORT" "write $BELLYFED_WRITE_MANAGEMENT_PORT"
          "import $BELLYFED_IMPORT_MANAGEMENT_PORT" "analytics $BELLYFED_ANALYTICS_MANAGEMENT_PORT")

service_pid="" ticker_pid="" failed=1
cleanup() {
  if [ "$failed" = 1 ] && [ -n "$service_pid" ]; then
    "${compose[@]}" ps >&2 || true
    "${compose[@]}" logs --no-color --tail 40 >&2 || true
  fi
  [ -z "$ticker_pid" ] || kill "$ticker_pid" 2>/dev/null || true
  [ -z "$service_pid" ] || timeout 120 "${compose[@]}" down -t 10 >/dev/null 2>&1 || true
  [ -z "$service_pid" ] || { kill "$service_pid" 2>/dev/null; wait "$service_pid" 2>/dev/null; } || true
  rm -rf "$socket_dir"
}
trap cleanup EXIT
fail() { echo "compose.sh: $*" >&2; exit 1; }

# Host networking: whatever else listens on the suite's ports would answer instead of the containers.
for port in "$LOCAL_AWS_PORT" "$BELLYFED_QUERY_PORT" "$BELLYFED_WRITE_PORT" "$BELLYFED_IMPORT_PORT" "$BELLYFED_ANALYTICS_PORT" \
            "$BELLYFED_QUERY_MANAGEMENT_PORT" "$BELLYFED_WRITE_MANAGEMENT_PORT" "$BELLYFED_IMPORT_MANAGEMENT_PORT" \
            "$BELLYFED_ANALYTICS_MANAGEMENT_PORT" "$PROMETHEUS_PORT"; do
  if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then fail "port $port is in use: stop what listens there first"; fi
done
[ -s local-aws/target/local-aws-exec.jar ] || fail "no local-aws/target/local-aws-exec.jar: run ./mvnw package first"
for image in local-aws query-service write-service import-service analytics-service; do
  podman image exists "bellyfed/$image:$BELLYFED_VERSION" || fail "no image bellyfed/$image:$BELLYFED_VERSION: run build-images.sh first"
done
podman image exists "$PROMETHEUS_IMAGE" || deploy/containers/build-prometheus.sh >/dev/null
up=(local-aws query-service write-service import-service analytics-service prometheus)
grafana="left out (no image $GRAFANA_IMAGE in local storage; no registry reachable)"
if podman image exists "$GRAFANA_IMAGE"; then up+=(grafana); grafana="started from $GRAFANA_IMAGE"; fi

podman system service --time=0 "$DOCKER_HOST" > "$work/podman-service.log" 2>&1 &
service_pid=$!
deadline=$(( $(date +%s) + 30 ))
until curl -sf --unix-socket "$socket_dir/podman.sock" http://d/_ping >/dev/null 2>&1; do
  kill -0 "$service_pid" 2>/dev/null || { cat "$work/podman-service.log" >&2; fail "podman system service ended"; }
  [ "$(date +%s)" -lt "$deadline" ] || fail "podman's API did not answer in 30 s"
  sleep 0.1
done
timeout 120 "${compose[@]}" down -t 10 >/dev/null 2>&1 || true   # what an interrupted run left

# Every 2 s a check of each project container not yet healthy; a healthy one every 10 s, the services' images' interval.
# Bounded by the script's life (killed by the trap) and by an hour in any case.
(
  tick=0 end=$(( $(date +%s) + 3600 ))
  while [ "$(date +%s)" -lt "$end" ]; do
    for id in $(podman ps -q --filter "label=com.docker.compose.project=$COMPOSE_PROJECT_NAME" 2>/dev/null); do
      status=$(podman inspect --format '{{.State.Health.Status}}' "$id" 2>/dev/null) || continue
      case "$status" in
        "") ;;                                               # no health check
        healthy) [ $(( tick % 5 )) -ne 0 ] || podman healthcheck run "$id" >/dev/null 2>&1 || true ;;
        *) podman healthcheck run "$id" >/dev/null 2>&1 || true ;;
      esac
    done
    tick=$(( tick + 1 ))
    sleep 2
  done
) &
ticker_pid=$!

started=$(now_ms)
timeout 300 "${compose[@]}" up -d --no-build "${up[@]}" > "$work/up.log" 2>&1 || { cat "$work/up.log" >&2; fail "docker-compose up failed"; }
up_ms=$(( $(now_ms) - started ))
echo "docker-compose up -d returned after $up_ms ms (local-aws healthy, the rest created and started)"
declare -A ready
for entry in "${services[@]}"; do
  read -r service management_port <<<"$entry"
  ready[$service]=$(wait_ready "http://127.0.0.1:$management_port/actuator/health/readiness" "$started") \
    || fail "$service-service not ready in 180 s"
  echo "$service-service ready $(( ready[$service] )) ms after up"
done
all_ms=$(( $(now_ms) - started ))
load=$(cut -d' ' -f1-3 /proc/loadavg)

# Waits up to $1 seconds for command $2... to succeed.
within() {
  local seconds=$1 deadline; shift
  deadline=$(( $(date +%s) + seconds ))
  until "$@"; do
    [ "$(date +%s)" -lt "$deadline" ] || return 1
    sleep 0.5
  done
}

token_started=$(now_ms)
admin=$(java -jar local-aws/target/local-aws-exec.jar token --user boss --groups admin \
  --env "$BELLYFED_ENVIRONMENT" --endpoint "http://localhost:$LOCAL_AWS_PORT") || fail "no admin token from local-aws"
walk_started=$(now_ms)
token_ms=$(( walk_started - token_started ))
correlation=compose-walk-$(date +%s)
status=$(curl -sS -o "$work/created.json" -w '%{http_code}' -X POST "localhost:$BELLYFED_WRITE_PORT/api/restaurants" \
  -H "Authorization: Bearer $admin" -H 'Content-Type: application/json' -H "X-Correlation-Id: $correlation" \
  -d '{"name":"Laksa House","city":"Singapore","cuisine":"Peranakan","address":"1 Katong Rd","priceLevel":2}')
[ "$status" = 201 ] || { cat "$work/created.json" >&2; fail "POST /api/restaurants answered $status"; }
id=$(sed -n 's/.*"restaurantId":"\([^"]*\)".*/\1/p' "$work/created.json")
[ -n "$id" ] || { cat "$work/created.json" >&2; fail "no restaurantId in write-service's answer"; }
echo "write-service created restaurant $id (correlation id $correlation)"

found() { curl -sf "localhost:$BELLYFED_QUERY_PORT/api/restaurants?city=singapore&sort=newest" | grep -q "\"$id\""; }
within 60 found || fail "query-service did not list restaurant $id within 60 s"
found_ms=$(( $(now_ms) - walk_started ))
echo "query-service lists it $found_ms ms after the POST"

# The archive keeps every event under the walk's correlation id: the listing's and the write's analytics event.
archived() {
  curl -sf -H "Authorization: Bearer $admin" "localhost:$BELLYFED_ANALYTICS_PORT/api/events?correlationId=$correlation" \
    > "$work/events.json" && grep -q '"eventType":"restaurant.listing.created"' "$work/events.json" \
    && grep -q '"eventType":"RESTAURANT_WRITE_ANALYTICS"' "$work/events.json"
}
within 60 archived || { cat "$work/events.json" >&2 2>/dev/null; fail "analytics-service's archive lacks the walk's events under $correlation after 60 s"; }
event_types=$(grep -o '"eventType":"[^"]*"' "$work/events.json" | sed 's/.*:"\(.*\)"/\1/' | sort -u | paste -sd, -)
analytics_id=$(grep -o '"eventId":"[^"]*","eventType":"RESTAURANT_WRITE_ANALYTICS"' "$work/events.json" | head -n 1 | cut -d'"' -f4)
echo "analytics-service's archive holds the walk's events: $event_types"
# ... and the analytics flow stored the write's analytics event, enriched.
ingested() {
  curl -sf -H "Authorization: Bearer $admin" \
    "localhost:$BELLYFED_ANALYTICS_PORT/api/analytics/events?service=write-service&eventType=RESTAURANT_WRITE_ANALYTICS&limit=100" \
    > "$work/analytics.json" && grep -q "\"$analytics_id\"" "$work/analytics.json"
}
within 60 ingested || { cat "$work/analytics.json" >&2 2>/dev/null; fail "analytics-service did not store analytics event $analytics_id within 60 s"; }
archived_ms=$(( $(now_ms) - walk_started ))
echo "analytics-service stored the write's analytics event $analytics_id"

# Prints the value of the first series of PromQL $1 (empty when none).
prom() {
  curl -sf -G "localhost:$PROMETHEUS_PORT/api/v1/query" --data-urlencode "query=$1" \
    | sed -n 's/.*"value":\[[^,]*,"\([^"]*\)"\].*/\1/p'
}
all_up() { [ "$(prom 'count(up{job=~"query-service|write-service|import-service|analytics-service"} == 1)')" = 4 ]; }
post_counted() {
  local n; n=$(prom 'sum(http_server_requests_seconds_count{job="write-service",method="POST",uri="/api/restaurants",status="201"})')
  [ -n "$n" ] && [ "${n%%.*}" -ge 1 ]
}
within 60 all_up || { curl -s "localhost:$PROMETHEUS_PORT/api/v1/targets" >&2; fail "Prometheus does not see all four services up within 60 s"; }
within 60 post_counted || fail "Prometheus has no count of write-service's POST /api/restaurants within 60 s"
scraped_ms=$(( $(now_ms) - walk_started ))
echo "Prometheus: all four services up, write-service's POST counted"
# rule_files are globs: a rules file missing from the container loads nothing, without an error. Every alert counts.
rules_expected=$(grep -c -- '- alert:' monitoring/prometheus/bellyfed-alerts.yml)
rules_loaded=$(curl -sf "localhost:$PROMETHEUS_PORT/api/v1/rules?type=alert" | grep -o '"type":"alerting"' | wc -l)
[ "$rules_loaded" = "$rules_expected" ] || fail "Prometheus loaded $rules_loaded alert rules of the $rules_expected in monitoring/"
echo "Prometheus: the $rules_loaded alert rules of monitoring/ loaded"
failed=0

{
  echo "# The suite under docker-compose"
  echo
  echo "Measured by \`deploy/containers/compose.sh\` on $(date -u +%Y-%m-%d) ($(nproc) cores, load average $load when all"
  echo "were ready): docker-compose $(docker-compose version --short) against podman $(podman version --format '{{.Server.Version}}')'s API,"
  echo "images bellyfed/*:$BELLYFED_VERSION and $PROMETHEUS_IMAGE. Time from \`docker-compose up -d\`:"
  echo
  echo "| step | ms after up |"
  echo "|---|---|"
  echo "| \`up -d\` returned (local-aws healthy, the services started) | $up_ms |"
  for entry in "${services[@]}"; do
    read -r service _ <<<"$entry"
    echo "| $service-service ready | ${ready[$service]} |"
  done
  echo "| **all four ready** | **$all_ms** |"
  echo
  echo "The walk: the admin token in $token_ms ms (a JVM of its own); from the POST to write-service, the restaurant listed"
  echo "by query-service after $found_ms ms; its events ($event_types) in analytics-service's archive under the"
  echo "walk's correlation id and the write's analytics event in its analytics store after $archived_ms ms; every service"
  echo "\`up\` in Prometheus and write-service's POST counted there after $scraped_ms ms (scrape interval 15 s); the"
  echo "$rules_loaded alert rules of monitoring/ loaded."
  echo "Grafana: $grafana."
} > "$out"
cat "$out"
