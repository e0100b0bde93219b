#!/usr/bin/env bash
# Benchmarks the simulator's status/fetch on 127.0.0.1 (see bench/RESULTS.md).
# Usage: bench/run-status-fetch.sh [connections=16] [seconds=20] [warmup-seconds=5] [max-requests=2000000] [raw|jdk]
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -B -o -q test-compile dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt -Dmdep.includeScope=test
exec java -Xms512m -Xmx1g -cp "target/test-classes:target/classes:$(cat target/bench-classpath.txt)" \
  dev.tiktokcalendar.simulator.bench.StatusFetchBenchmark "$@"
