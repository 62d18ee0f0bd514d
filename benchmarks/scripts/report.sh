#!/usr/bin/env bash
# The one command behind benchmarks/REPORT.md: builds the jars (package, never install), then runs every scenario of
# the performance report against local-aws and the four services started as processes, and writes the report and
# its charts (benchmarks/charts/). About 25 minutes with the defaults on a quiet 2-core machine (the first full run: 23).
# Usage: benchmarks/scripts/report.sh [--skip-build] [SuiteBenchmark options, see --help]
set -euo pipefail
cd "$(dirname "$0")/../.."

build=true
args=()
for arg in "$@"; do
  if [ "$arg" = "--skip-build" ]; then build=false; else args+=("$arg"); fi
done

classpath_file=benchmarks/target/classpath.txt
if $build || [ ! -f "$classpath_file" ]; then
  # One reactor build: the benchmarks' classpath then names the sibling modules' fresh jars, not whatever ~/.m2 holds.
  ./mvnw -q -B -ntp -pl local-aws,write-service,query-service,import-service,analytics-service,benchmarks -am \
    package dependency:build-classpath -DskipTests -Dmdep.outputFile=target/classpath.txt -Dmdep.includeScope=runtime
fi

exec java -Xmx1g -Djava.awt.headless=true -cp "benchmarks/target/classes:$(cat "$classpath_file")" \
  com.bellyfed.benchmarks.suite.SuiteBenchmark ${args[@]+"${args[@]}"}
