#!/usr/bin/env bash
# Checks the distribution as a publisher's machine sees it (./parley dist-check [TARBALL]): unpacks the newest
# target/parley-*-linux-x64.tar.gz into a temporary directory and runs it with an empty environment
# (env -i PATH=/usr/bin:/bin: no JAVA_HOME; the java 17 that may sit in /usr/bin cannot run Parley, so only the bundled
# runtime can pass). `serve` on a free port must answer /health/live and /health/ready, take a comment and read it back;
# `backup` must copy the running server's database; start-up must print no third-party warnings; SIGTERM must stop it.
# Prints the cold-start figures and the server's RSS. Takes ~30-60 s on an idle 2-core machine.
set -euo pipefail
cd "$(dirname "$0")/.."
tarball=${1:-$(ls -t target/parley-*-linux-x64.tar.gz 2>/dev/null | head -1)}
[ -f "$tarball" ] || { echo "dist-check: no tarball; run ./parley dist first" >&2; exit 1; }
work=$(mktemp -d)
pid=""
cleanup() { [ -n "$pid" ] && kill -KILL "$pid" 2>/dev/null; rm -rf "$work"; }
trap cleanup EXIT
fail() { echo "dist-check: FAILED: $*" >&2; [ -f "$work/serve.log" ] && sed 's/^/  | /' "$work/serve.log" >&2; exit 1; }
now_ms() { date +%s%3N; }

tar -xzf "$tarball" -C "$work"
home=$(echo "$work"/parley-*-linux-x64)
bare() { (cd "$work" && env -i PATH=/usr/bin:/bin "$home/bin/parley" "$@"); }

version=$(bare --version) || fail "bin/parley --version"
echo "dist-check: $(basename "$tarball") ($(du -h "$tarball" | cut -f1)): $version"

start=$(now_ms)
(cd "$work" && exec env -i PATH=/usr/bin:/bin "$home/bin/parley" serve --port 0 --data-dir "$work/data" \
  >"$work/serve.log" 2>&1) &
pid=$!
port=""
for _ in $(seq 1 600); do
  port=$(sed -n 's#^Parley is running: http://localhost:\([0-9]*\)/$#\1#p' "$work/serve.log")
  [ -n "$port" ] && break
  kill -0 "$pid" 2>/dev/null || fail "serve exited"
  sleep 0.1
done
[ -n "$port" ] || fail "serve did not print its port within 60 s"
base=http://127.0.0.1:$port
exe=$(readlink "/proc/$pid/exe")
case "$exe" in "$home"/runtime/*) ;; *) fail "the server runs $exe, not the bundled runtime" ;; esac

await() { # path -> ms from start until it answers 200
  for _ in $(seq 1 1200); do
    [ "$(curl -s -o /dev/null -w '%{http_code}' "$base$1")" = 200 ] && { echo $(( $(now_ms) - start )); return; }
    kill -0 "$pid" 2>/dev/null || fail "serve exited"
    sleep 0.05
  done
  fail "$1 never answered 200"
}
live_ms=$(await /health/live)
ready_ms=$(await /health/ready)
echo "dist-check: serve (bundled runtime $exe): /health/live after $live_ms ms, /health/ready after $ready_ms ms"

posted=$(curl -s -X POST "$base/api/v1/comments" -H 'Content-Type: application/json' \
  -d '{"site":"demo","page":"dist-check","author":"Ada","body":"Packed and shipped."}')
echo "$posted" | grep -q '"editToken"' || fail "posting a comment: $posted"
curl -s "$base/api/v1/threads?site=demo&page=dist-check" | grep -q 'Packed and shipped' || fail "reading it back"

bare backup --data-dir "$work/data" --out "$work/backup.db" >"$work/backup.log" 2>&1 \
  || fail "backup: $(cat "$work/backup.log")"
[ -s "$work/backup.db" ] || fail "backup wrote nothing"
echo "dist-check: backup of the running server: $(tail -1 "$work/backup.log")"

rss=$(awk '/^VmRSS|^VmHWM/ {printf "%s %d MB  ", $1, $2/1024}' "/proc/$pid/status")
echo "dist-check: server memory after these requests: $rss"

kill -TERM "$pid"
status=0; wait "$pid" || status=$?
pid=""
[ "$status" = 0 ] || [ "$status" = 143 ] || fail "exit status $status after SIGTERM"
grep -q "Parley stopped" "$work/serve.log" || fail "no 'Parley stopped' after SIGTERM"
if grep -E "WARN|Exception|ai\.djl|CUDA|\[(error|warning)\]" "$work/serve.log"; then fail "start-up printed third-party noise (above)"; fi

if command -v systemd-analyze >/dev/null; then
  sed "s#/opt/parley#$home#g" "$home/systemd/parley.service" > "$work/parley.service"
  systemd-analyze verify "$work/parley.service" 2>&1 | grep -v "No such file\|EnvironmentFile" | grep . \
    && fail "systemd-analyze verify: see above"
  echo "dist-check: systemd-analyze verify systemd/parley.service: ok"
fi
echo "dist-check: ok"
