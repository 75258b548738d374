#!/usr/bin/env bash
# Thread-read benchmark: writes a 200-comment thread (40 top-level comments with 4 replies each) straight into the
# SQLite database of a running Parley (the API's rate limits would refuse a burst of 200 posts, as they should), then
# measures GET /api/v1/threads with wrk.
# Usage: bench/thread-read.sh BASE_URL DATA_DIR [duration]    e.g. bench/thread-read.sh http://127.0.0.1:8080 data 20s
set -euo pipefail
BASE=$1
DB=$2/parley.db
DURATION=${3:-20s}
command -v wrk >/dev/null || { echo "install wrk: apt-get install -y wrk" >&2; exit 1; }
PAGE="bench-$(date +%s)"
curl -sf -X POST "$BASE/api/v1/comments" -H 'Content-Type: application/json' \
  -d "{\"site\":\"demo\",\"page\":\"$PAGE\",\"author\":\"Reader 0\",\"body\":\"Opening comment.\"}" >/dev/null
python3 - "$DB" "$PAGE" <<'PY'
import sqlite3, sys, time
db, page = sys.argv[1], sys.argv[2]
con = sqlite3.connect(db, timeout=30)
thread = con.execute("SELECT id FROM threads WHERE site_id='demo' AND page_key=?", (page,)).fetchone()[0]
now = int(time.time() * 1000) - 3_600_000
top_text = "Top-level comment {i}: the council's tram plan is <em>interesting</em>, but the budget deserves a closer look before anyone celebrates. What about the bus routes?"
reply_text = "Reply {j} to {i}: I read the planning summary and it says the night service runs until 00:30 on weekdays."
def add(parent, root, depth, author, html, t):
    cur = con.execute("""INSERT INTO comments (thread_id, parent_id, root_id, depth, author_name, body_markdown, body_html,
        created_at, state) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'published')""", (thread, parent, root, depth, author, html, "<p>" + html + "</p>", t))
    return cur.lastrowid
t = now
for i in range(1, 40):
    t += 1000; top = add(None, None, 0, f"Reader {i}", top_text.format(i=i), t)
    for j in range(1, 5):
        t += 1000; add(top, top, 1, f"Replier {j}", reply_text.format(i=i, j=j), t)
for j in range(1, 5):
    t += 1000; add(None, None, 0, f"Reader {40 + j}", top_text.format(i=40 + j), t)
con.commit()
print(con.execute("SELECT COUNT(*) FROM comments WHERE thread_id = ?", (thread,)).fetchone()[0], "comments in", page)
PY
URL="$BASE/api/v1/threads?site=demo&page=$PAGE"
echo "full tree (limit=100): $(curl -s "$URL&limit=100" | wc -c) bytes; first page (20 top-level + replies): $(curl -s "$URL" | wc -c) bytes"
echo "== whole thread in one response (limit=100)"; wrk -t2 -c32 -d"$DURATION" --latency "$URL&limit=100"
echo "== first page (default limit 20)"; wrk -t2 -c32 -d"$DURATION" --latency "$URL"
