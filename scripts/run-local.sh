#!/usr/bin/env bash
# Runs the whole suite on one machine: local-aws on :4566, then the four services on 8081-8084,
# all pointed at local-aws. No AWS account, no Docker. Ctrl-C stops everything.
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
  ./mvnw -q -B -ntp install -DskipTests
fi

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
curl -sf http://localhost:4566/_local-aws/health >/dev/null || { echo "local-aws did not start" >&2; exit 1; }

for service in query write import analytics; do
  jar=$(ls "$service-service/target/$service-service-"*.jar | grep -v plain | head -n 1)
  extra=()
  java -jar "$jar" "${extra[@]}" > "target/run-local/$service-service.log" 2>&1 &
  pids+=($!)
  echo "$service-service starting, log in target/run-local/$service-service.log"
done

for port in 8081 8082 8083 8084; do
  for _ in $(seq 1 120); do
    curl -sf "http://localhost:$port/actuator/health/readiness" >/dev/null 2>&1 && break
    sleep 0.5
  done
  if curl -sf "http://localhost:$port/actuator/health/readiness" >/dev/null 2>&1; then
    echo "ready: http://localhost:$port"
  else
    echo "service on port $port is not ready; see target/run-local/*.log" >&2
  fi
done
echo "Suite running. Ctrl-C stops it."
wait
