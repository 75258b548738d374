/*
 * Parley proof of work, loaded by embed.js only for sites that ask for it. Finds the number n in [0, maxNumber]
 * with SHA-256(salt + n) = challenge, split over up to four Web Workers (a Blob worker: the page's CSP needs
 * `worker-src blob:`; without it the search runs on the main thread in short slices). SHA-256 is computed in plain
 * JavaScript: for a 60-byte message that is many times faster than awaiting crypto.subtle.digest per try.
 */
(() => {
  "use strict";

  // Self-contained (no outer names): its source text becomes the worker's script.
  const lib = () => {
    const K = new Uint32Array(64), H = new Uint32Array(8), W = new Uint32Array(64);
    // the constants are the fractional parts of the square and cube roots of the first primes
    for (let n = 2, i = 0; i < 64; n++) {
      let prime = true;
      for (let d = 2; d * d <= n; d++) if (n % d === 0) prime = false;
      if (!prime) continue;
      if (i < 8) H[i] = (Math.sqrt(n) % 1) * 4294967296;
      K[i++] = (Math.cbrt(n) % 1) * 4294967296;
    }
    const r = (x, n) => (x >>> n) | (x << (32 - n));
    /** SHA-256 of an ASCII string into h (8 words). */
    function sha256(s, h) {
      const len = s.length, blocks = ((len + 8) >> 6) + 1, m = new Uint32Array(blocks * 16);
      for (let i = 0; i < len; i++) m[i >> 2] |= s.charCodeAt(i) << (24 - (i & 3) * 8);
      m[len >> 2] |= 0x80 << (24 - (len & 3) * 8);
      m[blocks * 16 - 1] = len * 8;
      h.set(H);
      for (let o = 0; o < m.length; o += 16) {
        for (let t = 0; t < 64; t++) {
          W[t] = t < 16 ? m[o + t] : (r(W[t - 15], 7) ^ r(W[t - 15], 18) ^ (W[t - 15] >>> 3)) + W[t - 7] +
            (r(W[t - 2], 17) ^ r(W[t - 2], 19) ^ (W[t - 2] >>> 10)) + W[t - 16];
        }
        let a = h[0], b = h[1], c = h[2], d = h[3], e = h[4], f = h[5], g = h[6], k = h[7];
        for (let t = 0; t < 64; t++) {
          const t1 = (k + (r(e, 6) ^ r(e, 11) ^ r(e, 25)) + ((e & f) ^ (~e & g)) + K[t] + W[t]) | 0;
          const t2 = ((r(a, 2) ^ r(a, 13) ^ r(a, 22)) + ((a & b) ^ (a & c) ^ (b & c))) | 0;
          k = g; g = f; f = e; e = (d + t1) | 0; d = c; c = b; b = a; a = (t1 + t2) | 0;
        }
        h[0] += a; h[1] += b; h[2] += c; h[3] += d; h[4] += e; h[5] += f; h[6] += g; h[7] += k;
      }
    }
    /** The n in [from, to] whose hash is the challenge (hex), or -1. */
    return (challenge, salt, from, to) => {
      const want = Uint32Array.from(challenge.match(/.{8}/g), (x) => parseInt(x, 16)), h = new Uint32Array(8);
      for (let n = from; n <= to; n++) {
        sha256(salt + n, h);
        if (h[0] === want[0] && h.every((x, i) => x === want[i])) return n;
      }
      return -1;
    };
  };

  function inWorkers(c) {
    const count = Math.min(navigator.hardwareConcurrency || 2, 4), step = Math.ceil((c.maxNumber + 1) / count);
    const url = URL.createObjectURL(new Blob([`const find=(${lib})();onmessage=e=>postMessage(find(...e.data))`],
      { type: "text/javascript" }));
    const workers = [];
    return new Promise((found, failed) => {
      let left = count;
      for (let i = 0; i < count; i++) {
        const w = new Worker(url); // throws where the page's CSP forbids blob: workers
        workers.push(w);
        w.onmessage = (e) => (e.data >= 0 ? found(e.data) : --left || found(-1));
        w.onerror = failed;
        w.postMessage([c.challenge, c.salt, i * step, Math.min(c.maxNumber, (i + 1) * step - 1)]);
      }
    }).finally(() => {
      workers.forEach((w) => w.terminate());
      URL.revokeObjectURL(url);
    });
  }

  async function onMainThread(c) {
    const find = lib();
    for (let from = 0; from <= c.maxNumber; from += 20000) {
      const n = find(c.challenge, c.salt, from, Math.min(c.maxNumber, from + 19999));
      if (n >= 0) return n;
      await new Promise((next) => setTimeout(next)); // let the page breathe between slices
    }
    return -1;
  }

  /** Solves a challenge from GET /api/v1/challenge; resolves to the "pow" field of a new comment. */
  window.parleyPow = async (c) => {
    let number;
    try {
      number = await inWorkers(c);
    } catch {
      number = await onMainThread(c);
    }
    return { salt: c.salt, number, signature: c.signature };
  };
})();
