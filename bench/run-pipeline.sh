#!/usr/bin/env bash
# Benchmarks the publishing pipeline (see bench/RESULTS.md, section "Publishing pipeline").
# Usage: bench/run-pipeline.sh <burst|spread|utilisation|throughput|status|idle> [numbers...] [--app.setting=value...]
# Each run drops and recreates the schema <BENCH_SCHEMA_PREFIX><scenario> (default prefix tc_bench_pipe_) on BENCH_DB_URL
# (default jdbc:mysql://127.0.0.1:3306/).
# JFR=path.jfr records a Java Flight Recorder profile of the run (JFR_SETTINGS=a .jfc file, default profile).
# BENCH_DISTINCT_MEDIA=true gives every post a copy of the clip of its own (no probe is remembered from another post).
# BENCH_COUNT_STATEMENTS=true counts statements per post (throughput). BENCH_JAVA_OPTS: extra JVM options.
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -B -o -q test-compile dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt -Dmdep.includeScope=test
jfr=()
if [[ -n "${JFR:-}" ]]; then
  jfr=("-XX:StartFlightRecording=filename=${JFR},settings=${JFR_SETTINGS:-profile},dumponexit=true")
fi
exec java ${BENCH_JAVA_OPTS:-} -Xms512m -Xmx2g "${jfr[@]}" -cp "target/test-classes:target/classes:$(cat target/bench-classpath.txt)" \
  dev.tiktokcalendar.bench.PipelineBenchmark "$@"
