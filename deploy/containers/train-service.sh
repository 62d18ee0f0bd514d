#!/usr/bin/env bash
# The training start of a service image's AOT cache (service.Dockerfile's train stage; run in /app, beside app.jar).
# It starts local-aws (the jar -Pspring-aot copied into target/training), then the service against it, as far as a
# real start goes: the context, both web servers, the listeners' first polls, the first readiness 200 and one API
# request; then it stops the service with SIGTERM, and the JVM writes app.aot as it exits. What a start loads after
# the context's refresh (Tomcat's connectors, Netty and the SQS listeners, the first request's classes) is then in
# the cache too. Everything stays on 127.0.0.1, on ports the system picks (port 0).
set -euo pipefail
request=${1:-/api/restaurants?limit=1}
started=$(date +%s)
deadline=$(( started + 180 ))
since() { echo "$(( $(date +%s) - started )) s"; }

# The answer to GET $2 on 127.0.0.1:$1, status line, headers and body (bash's /dev/tcp: the base image has no curl).
get() {
  exec 3<>"/dev/tcp/127.0.0.1/$1" || return 1
  printf 'GET %s HTTP/1.0\r\nHost: localhost\r\n\r\n' "$2" >&3
  cat <&3
  exec 3<&-
}
# Prints what function $1 prints once it prints something; fails, showing the log $3, if process $2 ends first or
# the deadline passes.
await() {
  local value
  until value=$("$1") && [ -n "$value" ]; do
    kill -0 "$2" 2>/dev/null || { cat "$3" >&2; return 1; }
    [ "$(date +%s)" -lt "$deadline" ] || { cat "$3" >&2; echo "training: no answer within 180 s" >&2; return 1; }
    sleep 0.2
  done
  printf '%s' "$value"
}

: > /tmp/local-aws.log; : > training.log
java -XX:TieredStopAtLevel=1 -jar "$(dirname "$0")/local-aws-exec.jar" --port 0 > /tmp/local-aws.log 2>&1 &
aws=$!
app=
trap 'kill "$aws" $app 2>/dev/null || true' EXIT
endpoint_port() { sed -n 's/.*AWS_ENDPOINT_URL=http:\/\/localhost:\([0-9]*\).*/\1/p' /tmp/local-aws.log; }
aws_port=$(await endpoint_port "$aws" /tmp/local-aws.log)
echo "training: local-aws on port $aws_port after $(since)"
health=$(get "$aws_port" /_local-aws/health)
field() { printf '%s' "$health" | sed -n "s/.*\"cognito\":{[^}]*\"$1\":\"\([^\"]*\)\".*/\1/p"; }

# The cache must come from the same JVM flags that matter as the image's runs (its ENTRYPOINT): the heap's. Its
# -XX:+UseTransparentHugePages does not matter to the cache (the images' starts map it: startup.sh's AOT figures).
AWS_REGION=us-east-1 AWS_ACCESS_KEY_ID=training AWS_SECRET_ACCESS_KEY=training \
  SPRING_CLOUD_AWS_ENDPOINT="http://localhost:$aws_port" BELLYFED_EVENTS_ENVIRONMENT=dev \
  BELLYFED_PAGING_CURSOR_SECRET=training-only-cursor-secret-0123456789abcdef \
  BELLYFED_SECURITY_ISSUER_URI="$(field issuer)" BELLYFED_SECURITY_CLIENT_IDS="$(field clientId)" \
  java -XX:AOTCacheOutput=app.aot -XX:MaxRAMPercentage=75 -Dspring.aot.enabled=true -Dspring.profiles.active=local \
    -jar app.jar --server.port=0 --management.server.port=0 > training.log 2>&1 &
app=$!
# Boot logs each web server's port as it starts: the service's first, then the management port's.
ports() { grep -ao 'Tomcat started on port [0-9]*' training.log | grep -o '[0-9]*$' | paste -sd' ' | grep ' ' || true; }
both=$(await ports "$app" training.log) || {
  echo "The training start failed. A jar without Spring AOT's classes does: build it with ./mvnw -Pspring-aot package (build-images.sh does)." >&2
  exit 1
}
read -r port management_port <<<"$both"
ready() { get "$management_port" /actuator/health/readiness 2>/dev/null | head -n 1 | grep ' 200 ' || true; }
await ready "$app" training.log > /dev/null
echo "training: ready after $(since); GET $request: $(get "$port" "$request" | head -n 1)"
kill -TERM "$app"
wait "$app" || true
app=
[ -s app.aot ] || { tail -n 40 training.log; echo "training: the JVM wrote no app.aot" >&2; exit 1; }
echo "training: app.aot written after $(since)"
