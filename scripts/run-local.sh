#!/usr/bin/env bash
# Runs the whole suite on one machine: local-aws on :4566, then the four services on 8081-8084 (actuator
# on their management ports 9081-9084), all pointed at local-aws and trusting its Cognito user pool.
# No AWS account, no Docker. Ctrl-C stops everything.
# Usage: scripts/run-local.sh [--skip-build] [--data-dir DIR]
set -euo pipefail
cd "$(dirname "$0")/.."

build=true
local_aws_args=()
while [ $# -gt 0 ]; do
  case "$1" in
    --skip-build) build=false ;;
    --data-dir) local_aws_args+=(--data-dir "$2"); shift ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
  shift
done

if $build; then
  # package, not install: the jars are run from target/, nothing needs to be in ~/.m2.
  ./mvnw -q -B -ntp package -DskipTests
fi

# The services run with the Spring profile local: outside local and test they refuse to start without an
# environment, a region, an issuer and their secrets (docs/security.md), which a deployment must set itself.
export SPRING_PROFILES_ACTIVE=local
# Spring Cloud AWS configures every AWS client of the services: the endpoint is its one setting here;
# the region and credentials come from the SDK's default chains (AWS_REGION, AWS_ACCESS_KEY_ID...).
export SPRING_CLOUD_AWS_ENDPOINT=http://localhost:4566
export AWS_REGION=us-east-1
export AWS_ACCESS_KEY_ID=local AWS_SECRET_ACCESS_KEY=local
export BELLYFED_EVENTS_ENVIRONMENT=dev
# Page cursors are signed with this key; query, import and analytics do not start without one.
# Local only: deployments set their own, shared by every instance of a service.
export BELLYFED_PAGING_CURSOR_SECRET=${BELLYFED_PAGING_CURSOR_SECRET:-local-only-cursor-secret-change-me-0123456789}

mkdir -p target/run-local
pids=()
stop() {
  trap - INT TERM EXIT
  echo "stopping..."
  # The services first, while local-aws still answers their last polls and writes; then local-aws.
  # Stopped together, every request in flight at local-aws's edge failed with a warning.
  for pid in "${pids[@]:1}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${pids[@]:1}"; do wait "$pid" 2>/dev/null || true; done
  if [ "${#pids[@]}" -gt 0 ]; then kill "${pids[0]}" 2>/dev/null || true; fi
  wait 2>/dev/null || true
}
trap stop INT TERM EXIT

# The build's class-data-sharing archive, when it fits this java, halves local-aws's cold start.
class_data=()
if [ -f local-aws/target/local-aws-exec.jsa ]; then
  class_data=(-XX:SharedArchiveFile=local-aws/target/local-aws-exec.jsa -Xlog:cds=off -Xlog:cds+dynamic=off)
fi
java "${class_data[@]}" -jar local-aws/target/local-aws-exec.jar "${local_aws_args[@]}" &
pids+=($!)
for _ in $(seq 1 120); do
  curl -sf http://localhost:4566/_local-aws/health >/dev/null 2>&1 && break
  sleep 0.5
done
health=$(curl -sf http://localhost:4566/_local-aws/health) || { echo "local-aws did not start" >&2; exit 1; }

# The services accept access tokens of the environment's pool in local-aws (the same checks as against
# Cognito: signature by the pool's JWKS, iss, exp, token_use, client_id). GET /_local-aws/health names it:
# {"status":"UP",...,"cognito":{"userPoolId":"us-east-1_...","clientId":"...","issuer":"http://localhost:4566/us-east-1_..."}}
health_field() { printf '%s' "$health" | sed -n "s/.*\"cognito\":{[^}]*\"$1\":\"\([^\"]*\)\".*/\1/p"; }
BELLYFED_SECURITY_ISSUER_URI=$(health_field issuer)
BELLYFED_SECURITY_CLIENT_IDS=$(health_field clientId)
if [ -z "$BELLYFED_SECURITY_ISSUER_URI" ] || [ -z "$BELLYFED_SECURITY_CLIENT_IDS" ]; then
  echo "local-aws's health names no user pool: $health" >&2
  exit 1
fi
export BELLYFED_SECURITY_ISSUER_URI BELLYFED_SECURITY_CLIENT_IDS
echo "user pool $(health_field userPoolId): issuer $BELLYFED_SECURITY_ISSUER_URI, client $BELLYFED_SECURITY_CLIENT_IDS"
# A browser front end on this machine, e.g. BELLYFED_SECURITY_CORS_ALLOWED_ORIGINS=http://localhost:3000,
# is passed on as it is set; without it no browser origin is allowed.

# service, its port, its management port (actuator, kept private in a deployment; Prometheus scrapes it).
services=("query 8081 9081" "write 8082 9082" "import 8083 9083" "analytics 8084 9084")
for entry in "${services[@]}"; do
  read -r service port management_port <<<"$entry"
  jar=$(ls "$service-service/target/$service-service-"*.jar | grep -v plain | head -n 1)
  # Sign-ups come from local-aws's pool, whose ConfirmSignUp puts Cognito's PostConfirmation on the auth bus.
  java -jar "$jar" --server.port="$port" --management.server.port="$management_port" \
    > "target/run-local/$service-service.log" 2>&1 &
  pids+=($!)
  echo "$service-service starting, log in target/run-local/$service-service.log"
done

for entry in "${services[@]}"; do
  read -r service port management_port <<<"$entry"
  readiness="http://localhost:$management_port/actuator/health/readiness"
  # Up to two minutes each: four Spring Boot services starting at once on two busy cores take that long.
  for _ in $(seq 1 240); do
    curl -sf "$readiness" >/dev/null 2>&1 && break
    sleep 0.5
  done
  if curl -sf "$readiness" >/dev/null 2>&1; then
    echo "ready: $service-service http://localhost:$port (actuator http://localhost:$management_port/actuator)"
  else
    echo "$service-service is not ready at $readiness; see target/run-local/$service-service.log" >&2
  fi
done
echo "Tokens: java -jar local-aws/target/local-aws-exec.jar token --user ana [--groups admin]"
echo "Suite running. Ctrl-C stops it."
wait
