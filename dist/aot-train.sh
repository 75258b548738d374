#!/usr/bin/env bash
# Records an AOT cache (JDK 25: JEP 483/514/515): a training run of `LAUNCHER serve` on a scratch database (start-up,
# a comment scored by both stages, a thread read, the metrics), then SIGTERM; the JVM writes the cache as it exits.
# A later `java -XX:AOTCache=FILE` with the same jar and flags starts with those classes loaded and linked and their
# methods profiled: cold start roughly halves. Used by dist/build.sh and by ./parley after it builds the jar.
#   dist/aot-train.sh OUT_FILE LAUNCHER     (LAUNCHER: a command that runs Parley, e.g. ./parley or bin/parley)
set -euo pipefail
out=${1:?OUT_FILE}
launcher=${2:?LAUNCHER}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
rm -f "$out"
log="$work/train.log"
JDK_JAVA_OPTIONS="-XX:AOTCacheOutput=$out" "$launcher" serve --port 0 --data-dir "$work/data" >"$log" 2>&1 &
train=$!
port=""
for _ in $(seq 1 1200); do
  port=$(sed -n 's#^Parley is running: http://localhost:\([0-9]*\)/$#\1#p' "$log")
  [ -n "$port" ] && curl -sf -o /dev/null "http://127.0.0.1:$port/health/ready" && break
  kill -0 "$train" 2>/dev/null || { cat "$log" >&2; exit 1; }
  sleep 0.1
done
[ -n "$port" ] || { echo "aot-train: the training run never became ready:" >&2; cat "$log" >&2; exit 1; }
curl -sf -o /dev/null -X POST "http://127.0.0.1:$port/api/v1/comments" -H 'Content-Type: application/json' \
  -d '{"site":"demo","page":"aot-training","author":"Ada","body":"A first comment, scored by both stages."}'
curl -sf -o /dev/null "http://127.0.0.1:$port/api/v1/threads?site=demo&page=demo-article"
curl -sf -o /dev/null "http://127.0.0.1:$port/metrics"
kill -TERM "$train"
wait "$train" || true # 143: stopped by the signal, as asked
[ -s "$out" ] || { echo "aot-train: no AOT cache was written:" >&2; cat "$log" >&2; exit 1; }
