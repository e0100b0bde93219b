#!/usr/bin/env bash
# Benchmarks the TikTok client (see bench/RESULTS.md, section "TikTok API client").
# Usage: TEST_DB_URL=jdbc:mysql://127.0.0.1:3306/some_db bench/run-client.sh [calls=3000] [seconds-per-reservation-run=10]
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -B -o -q test-compile dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt -Dmdep.includeScope=test
exec java -Xms256m -Xmx1g -cp "target/test-classes:target/classes:$(cat target/bench-classpath.txt)" \
  dev.tiktokcalendar.bench.ClientBenchmark "$@"
