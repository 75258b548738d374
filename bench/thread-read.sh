#!/usr/bin/env bash
# Thread-read benchmark: seeds a 200-comment thread (40 top-level comments with 4 replies each) on a running
# Parley and measures GET /api/v1/threads with wrk. Usage: bench/thread-read.sh [base-url] [duration]
set -euo pipefail
BASE=${1:-http://127.0.0.1:8080}
DURATION=${2:-20s}
command -v wrk >/dev/null || { echo "install wrk: apt-get install -y wrk" >&2; exit 1; }
PAGE="bench-$(date +%s)"
post() {
  curl -sf -X POST "$BASE/api/v1/comments" -H 'Content-Type: application/json' -d "$1" | sed -n 's/.*"comment":{"id":\([0-9]*\).*/\1/p'
}
for i in $(seq 1 40); do
  top=$(post "{\"site\":\"demo\",\"page\":\"$PAGE\",\"author\":\"Reader $i\",\"body\":\"Top-level comment $i: the council's tram plan is *interesting*, but the budget deserves a closer look before anyone celebrates. What about the bus routes?\"}")
  for j in 1 2 3 4; do
    post "{\"site\":\"demo\",\"page\":\"$PAGE\",\"parentId\":$top,\"author\":\"Replier $j\",\"body\":\"Reply $j to $i: I read the planning summary and it says the night service runs until 00:30 on weekdays.\"}" >/dev/null
  done
done
URL="$BASE/api/v1/threads?site=demo&page=$PAGE"
echo "thread: 200 comments; full tree is $(curl -s "$URL&limit=100" | wc -c) bytes, first page (20 top-level) $(curl -s "$URL" | wc -c) bytes"
echo "== whole thread (limit=100)"; wrk -t2 -c32 -d"$DURATION" --latency "$URL&limit=100"
echo "== first page (default limit 20)"; wrk -t2 -c32 -d"$DURATION" --latency "$URL"
