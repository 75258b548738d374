#!/usr/bin/env bash
# Idle live-update (SSE) streams one instance holds, and what they cost in memory: starts ./parley serve (launcher
# defaults: 256 MB heap, or PARLEY_JAVA_OPTS) on SQLite, opens N idle streams from 127.0.0.1 (the per-address cap
# is lifted for the run; the instance cap is N), and prints RSS and heap before and with them open.
# Usage: bench/live-idle.sh [N] [heartbeat-seconds]     e.g. bench/live-idle.sh 10000 5
set -euo pipefail
cd "$(dirname "$0")/.."
N=${1:-5000}
BEAT=${2:-5}
PORT=${PORT:-18091}
DATA=$(mktemp -d)
[ -f target/parley.jar ] || ./parley build >/dev/null
ulimit -n $((N + 4096)) 2>/dev/null || ulimit -n "$(ulimit -Hn)"
PARLEY_LIVE_MAX_STREAMS=$N PARLEY_LIVE_MAX_STREAMS_PER_ADDRESS=$N PARLEY_LIVE_HEARTBEAT_SECONDS=$BEAT \
  "${PARLEY_LAUNCHER:-./parley}" serve --port "$PORT" --data-dir "$DATA" >"$DATA/serve.log" 2>&1 &
PID=$!
trap 'kill $PID 2>/dev/null; wait $PID 2>/dev/null; rm -rf "$DATA"' EXIT
for _ in $(seq 1 240); do curl -sf "http://127.0.0.1:$PORT/health/ready" >/dev/null && break; sleep 0.5; done
curl -sf "http://127.0.0.1:$PORT/health/ready" >/dev/null || { cat "$DATA/serve.log"; exit 1; }
JPID=$(pgrep -P $PID java || echo $PID)
rss() { awk '/VmRSS|VmHWM/ {printf "%s %d MB  ", $1, $2/1024}' /proc/"$JPID"/status; }
heap() { jstat -gc "$JPID" | awk 'NR==2 {printf "heap used %d MB", ($3+$4+$6+$8)/1024}'; }
curl -s "http://127.0.0.1:$PORT/api/v1/threads?site=demo&page=demo-article" >/dev/null
jcmd "$JPID" GC.run >/dev/null 2>&1 || true
echo "no streams:   $(rss) threads $(ls /proc/$JPID/task | wc -l)   $(heap)"
python3 bench/live-idle.py "$PORT" "$N" $((BEAT * 3)) &
CLIENT=$!
for _ in $(seq 1 600); do
  n=$(curl -s "http://127.0.0.1:$PORT/metrics" | awk '/^parley_live_streams/ {print int($2)}')
  [ "${n:-0}" -ge "$N" ] && break; sleep 0.5
done
sleep 2
jcmd "$JPID" GC.run >/dev/null 2>&1 || true
echo "$N streams: $(rss) threads $(ls /proc/$JPID/task | wc -l)   $(heap)   (metrics: ${n:-?} open)"
wait $CLIENT
