#!/usr/bin/env bash
# Cold start to first answer: starts `serve` on a fresh data directory RUNS times and prints, per run, the ms from the
# launch until /health/live and /health/ready first answer 200 (ready = database migrated, classifier scored a text).
# Usage: bench/coldstart.sh jar|dist [RUNS]
#   jar:  the fat jar, java -jar target/parley.jar with the launcher's flags (dist/jvm.options), JAVA_HOME's java
#   dist: bin/parley of the newest unpacked distribution under target/dist/, run under env -i PATH=/usr/bin:/bin
#   SERVE_ARGS="--model DIR" bench/coldstart.sh jar 3   (jar only: extra serve arguments, e.g. another model folder)
set -euo pipefail
cd "$(dirname "$0")/.."
KIND=${1:?jar or dist}
RUNS=${2:-3}
PORT=${PORT:-18091}
now_ms() { date +%s%3N; }
for run in $(seq 1 "$RUNS"); do
  data=$(mktemp -d)
  start=$(now_ms)
  case "$KIND" in
    jar) read -r -a opts <<< "$(sed -e 's/#.*//' dist/jvm.options | tr '\n' ' ')"
         MALLOC_ARENA_MAX=2 "${JAVA_HOME:?}/bin/java" "${opts[@]}" --enable-native-access=ALL-UNNAMED -jar target/parley.jar \
           serve --port "$PORT" --data-dir "$data" ${SERVE_ARGS:-} >"$data/serve.log" 2>&1 & ;;
    dist) home=$(ls -d target/dist/parley-*-linux-x64 | tail -1)
         env -i PATH=/usr/bin:/bin "$home/bin/parley" serve --port "$PORT" --data-dir "$data" >"$data/serve.log" 2>&1 & ;;
    *) echo "jar or dist" >&2; exit 2 ;;
  esac
  pid=$!
  live=""; ready=""
  for _ in $(seq 1 2400); do
    [ -z "$live" ] && curl -sf -o /dev/null "http://127.0.0.1:$PORT/health/live" && live=$(( $(now_ms) - start ))
    [ -n "$live" ] && curl -sf -o /dev/null "http://127.0.0.1:$PORT/health/ready" && { ready=$(( $(now_ms) - start )); break; }
    sleep 0.02
  done
  rss=$(awk '/^VmRSS/ {printf "%d MB", $2/1024}' "/proc/$pid/status")
  kill "$pid"; wait "$pid" 2>/dev/null || true
  echo "$KIND run $run: live ${live:-never} ms, ready ${ready:-never} ms, RSS when ready $rss (load average $(cut -d' ' -f1 /proc/loadavg))"
  rm -rf "$data"
done
