#!/usr/bin/env python3
"""Sequential comment posts against a running Parley: client-side latency per post (p50/p90/p99/max) and, from
/metrics, the server's own time per POST /api/v1/comments and the classifier's share of it.

usage: bench/post-latency.py BASE_URL [POSTS] [SITE]
The server must trust 127.0.0.1 as a proxy (PARLEY_TRUSTED_PROXIES=127.0.0.1/32): each post comes from its own
X-Forwarded-For address and browser id, so the per-IP and per-reader posting limits measure nothing but moderation.
"""
import json
import statistics
import sys
import time
import urllib.request

BASE = sys.argv[1].rstrip("/")
POSTS = int(sys.argv[2]) if len(sys.argv) > 2 else 200
SITE = sys.argv[3] if len(sys.argv) > 3 else "demo"
# news comments of the lengths readers write: one line, a paragraph, a long argument (two windows for the transformer)
TEXTS = [
    "Finally some good news for the east side.",
    "The council should publish the full cost of the tram extension before the vote, not after it.",
    "I have taken the 14 bus for twenty years and the timetable has never been this unreliable. The article is right "
    "that the depot move made it worse, but it leaves out that two routes were merged last spring without any notice.",
    "You clearly did not read the article before commenting.",
    "Interesting piece. My grandparents ran a bakery on that street in the sixties and the photos bring back a lot. "
    "The row of shops was pulled down in 1974 for the ring road, which was never finished, and the empty lot stayed a "
    "car park for thirty years. Whatever goes there now, I hope the planners ask the people who still live nearby, "
    "because the last consultation was a single evening meeting in a school hall that most of us heard about too late. "
    "And please, keep the old plane trees this time.",
    "What a ridiculous waste of money.",
]


def post(i):
    body = json.dumps({"site": SITE, "page": "post-latency", "author": f"Reader {i}",
                       "body": f"{TEXTS[i % len(TEXTS)]} ({i})"}).encode()
    req = urllib.request.Request(BASE + "/api/v1/comments", data=body, method="POST", headers={
        "Content-Type": "application/json", "X-Parley-Client": f"bench-client-{i}",
        "X-Forwarded-For": f"10.{i // 65536 % 256}.{i // 256 % 256}.{i % 256}"})
    t0 = time.perf_counter()
    with urllib.request.urlopen(req) as r:
        r.read()
        status = r.status
    return (time.perf_counter() - t0) * 1000, status


def metric(text, name, label=None):
    total = 0.0
    for line in text.splitlines():
        if line.startswith(name) and (label is None or label in line):
            total += float(line.rsplit(" ", 1)[1])
    return total


for w in range(10):  # warm-up: JIT, the classifier's first calls
    post(100000 + w)
before = urllib.request.urlopen(BASE + "/metrics").read().decode()
ms, statuses = [], {}
for i in range(POSTS):
    t, s = post(i)
    ms.append(t)
    statuses[s] = statuses.get(s, 0) + 1
after = urllib.request.urlopen(BASE + "/metrics").read().decode()
ms.sort()
q = lambda p: ms[min(len(ms) - 1, int(p * len(ms)))]
print(f"{POSTS} sequential posts, statuses {statuses}: p50 {q(0.50):.1f} ms, p90 {q(0.90):.1f} ms, "
      f"p99 {q(0.99):.1f} ms, max {ms[-1]:.1f} ms, mean {statistics.mean(ms):.1f} ms")
for stage in ("fast", "accurate"):
    n = metric(after, "parley_classifier_latency_seconds_count", f'stage="{stage}"') - \
        metric(before, "parley_classifier_latency_seconds_count", f'stage="{stage}"')
    s = metric(after, "parley_classifier_latency_seconds_sum", f'stage="{stage}"') - \
        metric(before, "parley_classifier_latency_seconds_sum", f'stage="{stage}"')
    if n:
        print(f"classifier stage {stage}: {n:.0f} calls, mean {s / n * 1000:.2f} ms")
