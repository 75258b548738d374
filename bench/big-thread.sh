#!/usr/bin/env bash
# Big-thread benchmark: writes a 20,000-comment thread (10,000 top-level comments, half of them with two replies;
# scores from -20 to 40 with many ties) straight into the SQLite file of a running Parley (the API's rate limits
# would refuse such a burst), then measures the first page of GET /api/v1/threads in every sort with wrk.
# Each sort gets a 5 s warm-up run first. With SERVER_PID set, prints the server's CPU time per request (utime+stime
# from /proc over the measured run), a figure that other load on the machine disturbs far less than latency.
# Usage: [SERVER_PID=pid] bench/big-thread.sh BASE_URL DATA_DIR [duration] [connections]
#   e.g. bench/big-thread.sh http://127.0.0.1:18090 /tmp/bench-data 20s 32
set -euo pipefail
BASE=$1
DB=$2/parley.db
DURATION=${3:-20s}
CONNECTIONS=${4:-32}
command -v wrk >/dev/null || { echo "install wrk: apt-get install -y wrk" >&2; exit 1; }
PAGE="big-$(date +%s)"
curl -sf -X POST "$BASE/api/v1/comments" -H 'Content-Type: application/json' \
  -d "{\"site\":\"demo\",\"page\":\"$PAGE\",\"author\":\"Reader 0\",\"body\":\"Opening comment.\"}" >/dev/null
python3 - "$DB" "$PAGE" <<'PY'
import random, sqlite3, sys, time
db, page = sys.argv[1], sys.argv[2]
con = sqlite3.connect(db, timeout=60)
thread = con.execute("SELECT id FROM threads WHERE site_id='demo' AND page_key=?", (page,)).fetchone()[0]
rnd = random.Random(20000)
t = int(time.time() * 1000) - 30 * 86_400_000
text = ("Comment {i}: the council's tram plan is <em>interesting</em>, but the budget deserves a closer look "
        "before anyone celebrates. What about the bus routes and the night service?")
def add(parent, root, depth, i, t):
    up, down = rnd.randint(0, 40), rnd.randint(0, 20)
    cur = con.execute("""INSERT INTO comments (thread_id, parent_id, root_id, depth, author_name, body_markdown,
        body_html, created_at, state, score, upvotes, downvotes) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'published', ?, ?, ?)""",
        (thread, parent, root, depth, f"Reader {i % 500}", text.format(i=i), "<p>" + text.format(i=i) + "</p>", t,
         up - down, up, down))
    return cur.lastrowid
n = 1
for i in range(1, 10_000):
    t += rnd.choice((0, 1000, 60_000))          # some comments share a millisecond
    top = add(None, None, 0, i, t); n += 1
    if i % 2 == 0:
        for j in range(2):
            t += 500; add(top, top, 1, i * 10 + j, t); n += 1
while n < 20_000:
    t += 1000; add(None, None, 0, n, t); n += 1
con.commit()
print(con.execute("SELECT COUNT(*) FROM comments WHERE thread_id = ?", (thread,)).fetchone()[0], "comments in", page)
PY
URL="$BASE/api/v1/threads?site=demo&page=$PAGE"
cpu_ticks() { [ -n "${SERVER_PID:-}" ] && awk '{print $14 + $15}' "/proc/$SERVER_PID/stat" || echo 0; }
for sort in oldest newest top; do
  echo "== first page, sort=$sort: $(curl -s "$URL&sort=$sort" | wc -c) bytes; load average $(cut -d' ' -f1-3 /proc/loadavg)"
  wrk -t2 -c"$CONNECTIONS" -d5s "$URL&sort=$sort" >/dev/null
  before=$(cpu_ticks)
  out=$(wrk -t2 -c"$CONNECTIONS" -d"$DURATION" --latency "$URL&sort=$sort"); echo "$out"
  if [ -n "${SERVER_PID:-}" ]; then
    requests=$(echo "$out" | awk '/requests in/{print $1}')
    echo "server CPU per request: $(( ( $(cpu_ticks) - before ) * 1000000 / $(getconf CLK_TCK) / requests )) µs"
  fi
done
