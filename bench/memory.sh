#!/usr/bin/env bash
# Whole-process memory under load: starts ./parley serve (launcher defaults, or PARLEY_JAVA_OPTS), loads it with
# thread reads and posts at the same time (wrk, 127.0.0.1 only), and prints RSS now and at its peak (VmHWM).
# Usage: bench/memory.sh [duration]     e.g. PARLEY_JAVA_OPTS="-Xmx1g" bench/memory.sh 30s
#        PARLEY_LAUNCHER=target/dist/parley-0.1.0-SNAPSHOT-linux-x64/bin/parley bench/memory.sh 20s   (the distribution)
set -euo pipefail
cd "$(dirname "$0")/.."
DURATION=${1:-30s}
PORT=${PORT:-18090}
DATA=$(mktemp -d)
[ -f target/parley.jar ] || ./parley build >/dev/null
"${PARLEY_LAUNCHER:-./parley}" serve --port "$PORT" --data-dir "$DATA" >"$DATA/serve.log" 2>&1 &
PID=$!
trap 'kill $PID 2>/dev/null; wait $PID 2>/dev/null; rm -rf "$DATA"' EXIT
for _ in $(seq 1 240); do curl -sf "http://127.0.0.1:$PORT/health/ready" >/dev/null && break; sleep 0.5; done
curl -sf "http://127.0.0.1:$PORT/health/ready" >/dev/null || { cat "$DATA/serve.log"; exit 1; }
JPID=$(pgrep -P $PID java || echo $PID)
rss() { awk '/VmRSS|VmHWM/ {printf "%s %d MB  ", $1, $2/1024}' /proc/"$JPID"/status; echo; }
echo "ready:            $(rss)"
# one abusive comment first: explaining it loads the span branch, so the figures count every part of the model
curl -s -o /dev/null -X POST -H 'Content-Type: application/json' -H 'X-Parley-Client: bench-abusive' \
  -d '{"site":"demo","page":"bench-posts","author":"Reader","body":"You are a pathetic idiot and a liar."}' \
  "http://127.0.0.1:$PORT/api/v1/comments" || true
URL="http://127.0.0.1:$PORT/api/v1/threads?site=demo&page=demo-article"
wrk -t1 -c16 -d"$DURATION" --latency -s bench/post.lua "http://127.0.0.1:$PORT" >"$DATA/post.txt" &
wrk -t1 -c16 -d"$DURATION" --latency "$URL" >"$DATA/read.txt"
wait %2 2>/dev/null || true
sleep 1
echo "after load:       $(rss)"
echo "== reads";  grep -E 'Requests/sec|99%|Non-2xx' "$DATA/read.txt"
echo "== posts";  grep -E 'Requests/sec|99%|Non-2xx' "$DATA/post.txt"
