#!/usr/bin/env python3
"""Holds N idle Server-Sent-Events streams open against one Parley instance (readers of one article, as many open
tabs would be) and prints how many were accepted; then waits for a newline on stdin (or SECONDS) before closing.
Usage: bench/live-idle.py PORT N [SECONDS]     (used by bench/live-idle.sh)"""
import asyncio, sys

PORT, N = int(sys.argv[1]), int(sys.argv[2])
HOLD = float(sys.argv[3]) if len(sys.argv) > 3 else 20.0
REQUEST = (b"GET /api/v1/live?site=demo&page=demo-article HTTP/1.1\r\nHost: 127.0.0.1\r\n"
           b"Accept: text/event-stream\r\n\r\n")

async def one(held, refused):
    try:
        r, w = await asyncio.open_connection("127.0.0.1", PORT)
        w.write(REQUEST)
        status = await asyncio.wait_for(r.readline(), 30)
        if b" 200 " not in status:
            refused.append(status.decode().strip())
            w.close()
            return
        held.append((r, w))
    except Exception as e:  # noqa: BLE001 — a bench: count and go on
        refused.append(repr(e))

async def main():
    held, refused = [], []
    for start in range(0, N, 500):  # in waves, so the accept queue never overflows
        await asyncio.gather(*(one(held, refused) for _ in range(start, min(N, start + 500))))
    print(f"open streams: {len(held)}  refused: {len(refused)} {sorted(set(refused))[:3]}", flush=True)
    await asyncio.sleep(HOLD)
    pings = sum(1 for r, _ in held if b"ping" in r._buffer)  # heartbeats that reached idle streams meanwhile
    print(f"streams that got a heartbeat while idle: {pings}", flush=True)
    for _, w in held:
        w.close()

asyncio.run(main())
