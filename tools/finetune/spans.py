"""The span branch: which word pieces of a toxic comment raters mark (SemEval-2021 task 5, toxic_spans), read from the
shipped network's own token vectors after layer K by a copy of bge-small's upper layers K..11 and one linear unit per
piece. The network is not changed: the product adds its layer-K output as a second graph output and runs the branch
only for the comments it explains, so the scores and their cost stay as they are.

  $PY spans.py add-output --model NET.onnx --layer 8 --out NET-H.onnx
  java -cp $(cat cp.txt) java/OrtCheck.java hidden NET-H.onnx tokens \
      ../shared/datasets/toxic_spans/toxic_spans.jsonl WORK/h8                      # every window's vectors
  $PY spans.py train --dump WORK/h8 --rows ../shared/datasets/toxic_spans/toxic_spans.jsonl \
      --weights bge-small-en-v1.5.onnx --first 9 --out WORK/branch.pt
  $PY spans.py export --branch WORK/branch.pt --out spans.onnx --check WORK/h8-head   # int8, fused, compared

Train: toxic_spans' train split less every tenth comment, which chooses the marking lines; the figures are on dev.
"""
import argparse
import json
import math
import random
import sys
import time

import numpy as np
import torch
import torch.nn as nn

from minilm import HIDDEN, Layer, MiniLM, load_onnx_weights, layers_in_onnx

LAYER_OUTPUT = "/clf/encoder/layers.{}/out_ln/Add_1_output_0"


def log(msg):
    print(time.strftime("%H:%M:%S"), msg, file=sys.stderr, flush=True)


class Branch(nn.Module):
    """Transformer layers over the network's token vectors, then one logit per piece."""

    def __init__(self, layers):
        super().__init__()
        self.layers = nn.ModuleList([Layer() for _ in range(layers)])
        self.head = nn.Linear(HIDDEN, 1)

    def forward(self, h, attention_mask):
        bias = MiniLM.mask_bias(attention_mask)
        for layer in self.layers:
            h = layer(h, bias)
        return self.head(h).squeeze(-1)


def read_dump(prefix):
    """Windows as (row, pieces, [pieces, 2] character ranges, offset into the float16 array) and that array."""
    windows, at = [], 0
    with open(prefix + ".idx") as f:
        for line in f:
            p = line.split()
            row, n = int(p[0]), int(p[2])
            ranges = np.array([[int(x) for x in q.split(",")] for q in p[3:]], dtype=np.int64)
            windows.append((row, n, ranges, at))
            at += n * HIDDEN
    h = np.memmap(prefix + ".f16", dtype="<f2", mode="r")
    assert h.shape[0] == at, (h.shape, at)
    return windows, h


def piece_labels(ranges, spans):
    """1 where at least half of a piece's characters lie inside a marked span; -1 for [CLS], [SEP]."""
    inside = set()
    for s, e in spans:
        inside.update(range(s, e))
    y = np.zeros(len(ranges), dtype=np.float32)
    for i, (s, e) in enumerate(ranges):
        if s < 0:
            y[i] = -1
        elif e > s and 2 * sum(1 for c in range(s, e) if c in inside) >= e - s:
            y[i] = 1
    return y


def words(text):
    """(start, end) of each word: a run of non-space characters without its leading and trailing punctuation."""
    out, i, n = [], 0, len(text)
    while i < n:
        if text[i].isspace():
            i += 1
            continue
        s = i
        while i < n and not text[i].isspace():
            i += 1
        a, b = s, i
        while a < b and not text[a].isalnum():
            a += 1
        while b > a and not text[b - 1].isalnum():
            b -= 1
        if b > a:
            out.append((a, b))
    return out


def word_scores(text, piece_probs):
    """Each word's strongest piece probability; piece_probs: list of ([pieces, 2] ranges, [pieces] probs) per window."""
    char = np.zeros(len(text) + 1, dtype=np.float32)
    for ranges, probs in piece_probs:
        for (s, e), p in zip(ranges, probs):
            if s >= 0 and e > s:
                char[s:e] = np.maximum(char[s:e], p)
    ws = words(text)
    return ws, np.array([char[a:b].max() if b > a else 0.0 for a, b in ws], dtype=np.float32)


def mark(text, ws, scores, line, neighbour, fallback):
    """The lexicon's rules: words at or above the line, neighbours from a lower one, the strongest word as a fallback,
    neighbouring marked words joined across short non-word gaps."""
    n = len(ws)
    marked = [s >= line for s in scores]
    if n and not any(marked) and scores.max() >= fallback:
        marked[int(scores.argmax())] = True
    grew = True
    while grew:
        grew = False
        for i in range(n):
            if not marked[i] and scores[i] >= neighbour and ((i > 0 and marked[i - 1]) or (i + 1 < n and marked[i + 1])):
                marked[i] = grew = True
    out = []
    for i in range(n):
        if not marked[i]:
            continue
        a, b = ws[i]
        if out and a - out[-1][1] <= 3 and not any(c.isalnum() for c in text[out[-1][1]:a]):
            out[-1] = (out[-1][0], b)
        else:
            out.append((a, b))
    return out


def f1(pred, gold):
    p = set(c for s, e in pred for c in range(s, e))
    g = set(c for s, e in gold for c in range(s, e))
    if not g:
        return 1.0 if not p else 0.0
    both = len(p & g)
    if not p or not both:
        return 0.0
    pr, rc = both / len(p), both / len(g)
    return 2 * pr * rc / (pr + rc)


def mean_f1(items, line, neighbour, fallback):
    return sum(f1(mark(t, ws, sc, line, neighbour, fallback), gold) for t, gold, ws, sc in items) / max(1, len(items))


def choose_lines(items):
    best = (-1, 0.5, 0.5, 0.05)
    for line in np.arange(0.10, 0.81, 0.05):
        for neighbour in np.arange(0.05, line + 1e-9, 0.05):
            for fallback in (0.0, 0.05, 0.2):
                f = mean_f1(items, line, neighbour, fallback)
                if f > best[0]:
                    best = (f, float(line), float(neighbour), fallback)
    return best


def batches(windows, order, bs):
    for b in range(0, len(order), bs):
        yield [windows[i] for i in order[b:b + bs]]


def tensors(batch, h, labels=None):
    t = max(w[1] for w in batch)
    x = torch.zeros(len(batch), t, HIDDEN)
    m = torch.zeros(len(batch), t, dtype=torch.long)
    y = torch.full((len(batch), t), -1.0)
    for k, (row, n, ranges, at) in enumerate(batch):
        x[k, :n] = torch.from_numpy(np.asarray(h[at:at + n * HIDDEN], dtype=np.float32).reshape(n, HIDDEN))
        m[k, :n] = 1
        if labels is not None:
            y[k, :n] = torch.from_numpy(labels[(row, at)])
    return x, m, y


def predict(branch, windows, h, bs=64):
    branch.eval()
    out = {}
    with torch.no_grad():
        for batch in batches(windows, list(range(len(windows))), bs):
            x, m, _ = tensors(batch, h)
            p = torch.sigmoid(branch(x, m))
            for k, w in enumerate(batch):
                out.setdefault(w[0], []).append((w[2], p[k, :w[1]].numpy()))
    return out


def evaluate(branch, windows, h, rows, ids):
    probs = predict(branch, [w for w in windows if w[0] in ids], h)
    items = []
    for r in sorted(ids):
        ws, sc = word_scores(rows[r]["text"], probs.get(r, []))
        items.append((rows[r]["text"], rows[r]["meta"]["spans"], ws, sc))
    return items


def train(a):
    torch.manual_seed(a.seed)
    random.seed(a.seed)
    torch.set_num_threads(a.threads)
    rows = [json.loads(l) for l in open(a.rows)]
    windows, h = read_dump(a.dump)
    train_ids = {r for r, x in enumerate(rows) if x["split"] == "train" and r % 10 != 0}
    tune_ids = {r for r, x in enumerate(rows) if x["split"] == "train" and r % 10 == 0}
    dev_ids = {r for r, x in enumerate(rows) if x["split"] == "dev"}
    labels = {(w[0], w[3]): piece_labels(w[2], rows[w[0]]["meta"]["spans"]) for w in windows}
    fit = [i for i, w in enumerate(windows) if w[0] in train_ids]
    pos = sum(float((labels[(windows[i][0], windows[i][3])] == 1).sum()) for i in fit)
    allp = sum(float((labels[(windows[i][0], windows[i][3])] >= 0).sum()) for i in fit)
    log(f"{len(fit)} train windows, {len(tune_ids)} tune and {len(dev_ids)} dev comments; pieces marked {pos / allp:.3f}")

    enc = load_onnx_weights(MiniLM(layers_in_onnx(a.weights)), a.weights)
    branch = Branch(len(enc.layers) - a.first)
    for i in range(len(branch.layers)):
        branch.layers[i].load_state_dict(enc.layers[a.first + i].state_dict())
    del enc
    opt = torch.optim.AdamW([{"params": branch.layers.parameters(), "lr": a.lr},
                             {"params": branch.head.parameters(), "lr": a.head_lr}], weight_decay=0.01)
    steps = a.epochs * math.ceil(len(fit) / a.bs)
    sched = torch.optim.lr_scheduler.LambdaLR(opt, lambda s: min(1.0, (s + 1) / (0.06 * steps)) * max(0.0, (steps - s) / steps))
    loss_fn = nn.BCEWithLogitsLoss(reduction="none")
    step, t0 = 0, time.time()
    for epoch in range(a.epochs):
        branch.train()
        order = fit[:]
        random.Random(a.seed + epoch).shuffle(order)
        order.sort(key=lambda i: windows[i][1] // 8 + random.Random(i + epoch).random())  # similar lengths per batch
        groups = [order[b:b + a.bs] for b in range(0, len(order), a.bs)]
        random.Random(a.seed * 31 + epoch).shuffle(groups)
        for g in groups:
            x, m, y = tensors([windows[i] for i in g], h, labels)
            logits = branch(x, m)
            keep = (y >= 0).float()
            loss = (loss_fn(logits, y.clamp(min=0)) * keep).sum() / keep.sum()
            opt.zero_grad()
            loss.backward()
            torch.nn.utils.clip_grad_norm_(branch.parameters(), 1.0)
            opt.step()
            sched.step()
            step += 1
            if step % 50 == 0:
                el = time.time() - t0
                log(f"epoch {epoch + 1} step {step}/{steps} loss {loss.item():.4f} eta {el / step * (steps - step) / 60:.1f} min")
        tune = evaluate(branch, windows, h, rows, tune_ids)
        best = choose_lines(tune)
        dev = evaluate(branch, windows, h, rows, dev_ids)
        log(f"epoch {epoch + 1}: tune F1 {best[0]:.4f} at line {best[1]:.2f} neighbour {best[2]:.2f} fallback {best[3]}; "
            f"dev F1 {mean_f1(dev, *best[1:]):.4f}")
    torch.save({"state": branch.state_dict(), "first": a.first, "line": best[1], "neighbour": best[2],
                "fallback": best[3]}, a.out)
    if a.scores:
        with open(a.scores, "w") as f:  # per comment: word ranges and the branch's scores, for combining in Java
            for items, ids in ((tune, tune_ids), (dev, dev_ids)):
                for (text, gold, ws, sc), r in zip(items, sorted(ids)):
                    f.write(json.dumps({"row": r, "words": ws, "scores": [round(float(s), 4) for s in sc]}) + "\n")


def score(a):
    """Each comment's pieces with the branch's probability: {"row", "windows": [[[start, end], ...], [p, ...]]}."""
    torch.set_num_threads(a.threads)
    rows = [json.loads(l) for l in open(a.rows)]
    windows, h = read_dump(a.dump)
    ck = torch.load(a.branch)
    branch = Branch(len([k for k in ck["state"] if k.endswith("attn_ln.weight")]))
    branch.load_state_dict(ck["state"])
    keep = {r for r, x in enumerate(rows) if x["split"] in a.splits.split(",")}
    probs = predict(branch, [w for w in windows if w[0] in keep], h)
    with open(a.out, "w") as f:
        for r in sorted(probs):
            f.write(json.dumps({"row": r, "windows": [[rg.tolist(), [round(float(x), 4) for x in p]]
                                                      for rg, p in probs[r]]}) + "\n")


class Exportable(nn.Module):
    def __init__(self, branch):
        super().__init__()
        self.branch = branch

    def forward(self, tokens, attention_mask):
        return torch.sigmoid(self.branch(tokens, attention_mask))


def export(a):
    """The branch as ONNX (tokens float [batch, seq, 384], attention_mask int64 -> marks [batch, seq]), int8 weights
    with activations quantized at run time, as export.py shrinks the network; the lines go to --settings."""
    import os
    import tempfile
    from export import quantize_int8
    ck = torch.load(a.branch)
    branch = Branch(len([k for k in ck["state"] if k.endswith("attn_ln.weight")]))
    branch.load_state_dict(ck["state"])
    m = Exportable(branch).eval()
    x, mask = torch.zeros(2, 5, HIDDEN), torch.ones(2, 5, dtype=torch.long)
    with tempfile.TemporaryDirectory() as tmp:
        fp32 = os.path.join(tmp, "spans-fp32.onnx")
        torch.onnx.export(m, (x, mask), fp32, input_names=["tokens", "attention_mask"], output_names=["marks"],
                          dynamic_axes={"tokens": {0: "batch", 1: "sequence"},
                                        "attention_mask": {0: "batch", 1: "sequence"},
                                        "marks": {0: "batch", 1: "sequence"}},
                          opset_version=14, do_constant_folding=True)
        int8 = os.path.join(tmp, "spans-int8.onnx")
        quantize_int8(fp32, int8, mode="dynamic")
        fuse_branch(int8, a.out, open(a.cp).read().strip(), a.check)
    log(f"{a.out}: {os.path.getsize(a.out) / 1e6:.1f} MB; first layer {ck['first']}, lines {ck['line']:.2f} / "
        f"{ck['neighbour']:.2f} / {ck['fallback']}")
    if a.parity:  # texts with the branch's fp32 piece probabilities, for the Java parity test
        rows = [json.loads(l) for l in open(a.rows)]
        windows, h = read_dump(a.dump)
        picked = [w for w in windows if rows[w[0]]["split"] == "dev"][:a.parity_count]
        probs = predict(branch, picked, h)
        with open(a.parity, "w") as f:
            for w in picked:
                if w[0] in probs:
                    ranges, p = probs.pop(w[0])[0]
                    f.write(json.dumps({"text": rows[w[0]]["text"], "pieces": ranges.tolist(),
                                        "marks": [round(float(v), 4) for v in p]}) + "\n")


def fuse_branch(src, dst, cp, check):
    """fuse.py's rewrites (ONNX Runtime's optimizer, biases into the quantized products, skip layer norms, one Q/K/V
    product, MultiHeadAttention) on the branch; written only if its marks on the windows of dump CHECK (OrtCheck
    hidden) match the unfused file's within 1e-5."""
    import os
    import shutil
    import tempfile
    from fuse import fold_bias, fuse_attention, merge_projections, ort_check, skip_layer_norm
    import onnx
    with tempfile.TemporaryDirectory() as tmp:
        optimized, fused = os.path.join(tmp, "optimized.onnx"), os.path.join(tmp, "fused.onnx")
        ort_check(cp, "optimize", src, optimized)
        m = onnx.load(optimized)
        g = m.graph
        counts = [fold_bias(g, {t.name: t for t in g.initializer}), skip_layer_norm(g),
                  merge_projections(g, {t.name: t for t in g.initializer}),
                  fuse_attention(g, {t.name: t for t in g.initializer})]
        onnx.save(m, fused)
        before, after = os.path.join(tmp, "before.txt"), os.path.join(tmp, "after.txt")
        t_before = ort_check(cp, "branch", src, check, before).strip().splitlines()[-1]
        t_after = ort_check(cp, "branch", fused, check, after).strip().splitlines()[-1]
        diff = max(abs(float(x) - float(y)) for l1, l2 in zip(open(before), open(after))
                   for x, y in zip(l1.split(), l2.split()))
        if diff > 1e-5:
            raise SystemExit(f"{dst} not written: the fused branch's marks differ from the unfused one's (max {diff})")
        shutil.copyfile(fused, dst)
    log(f"fused (biases {counts[0]}, skip layer norms {counts[1]}, projection groups {counts[2]}, attention {counts[3]}); "
        f"unfused: {t_before}; fused: {t_after}; max difference {diff:.2e}")


def add_output(a):
    """Adds layer K's token vectors as the network's output "tokens" [batch, seq, 384] (an Identity: the scores and
    their cost are unchanged; ONNX Runtime copies the vectors out only when a caller asks for them)."""
    import onnx
    from onnx import TensorProto, helper
    m = onnx.load(a.model)
    if any(o.name == "tokens" for o in m.graph.output):
        raise SystemExit(f"{a.model} already has a 'tokens' output")
    m.graph.node.append(helper.make_node("Identity", [LAYER_OUTPUT.format(a.layer)], ["tokens"], name="tokens_output"))
    m.graph.output.append(helper.make_tensor_value_info("tokens", TensorProto.FLOAT, ["batch", "seq", HIDDEN]))
    # no onnx.checker: the fused network holds ONNX Runtime's own operators, which it does not know
    onnx.save(m, a.out)


def main():
    p = argparse.ArgumentParser()
    sub = p.add_subparsers(dest="cmd", required=True)
    t = sub.add_parser("train")
    t.add_argument("--dump", required=True)
    t.add_argument("--rows", required=True)
    t.add_argument("--weights", required=True)
    t.add_argument("--first", type=int, default=9)
    t.add_argument("--epochs", type=int, default=3)
    t.add_argument("--bs", type=int, default=32)
    t.add_argument("--lr", type=float, default=5e-5)
    t.add_argument("--head-lr", type=float, default=1e-3)
    t.add_argument("--seed", type=int, default=13)
    t.add_argument("--threads", type=int, default=2)
    t.add_argument("--out", required=True)
    t.add_argument("--scores")
    o = sub.add_parser("add-output")
    o.add_argument("--model", required=True)
    o.add_argument("--layer", type=int, default=8)
    o.add_argument("--out", required=True)
    s = sub.add_parser("score")
    s.add_argument("--dump", required=True)
    s.add_argument("--rows", required=True)
    s.add_argument("--branch", required=True)
    s.add_argument("--splits", default="train,dev")
    s.add_argument("--threads", type=int, default=2)
    s.add_argument("--out", required=True)
    e = sub.add_parser("export")
    e.add_argument("--branch", required=True)
    e.add_argument("--out", required=True)
    e.add_argument("--parity", help="write dev texts with their piece marks here (needs --dump and --rows)")
    e.add_argument("--parity-count", type=int, default=12)
    e.add_argument("--check", required=True, help="a hidden dump (PREFIX) to compare the fused branch with the unfused one on")
    e.add_argument("--cp", default="/tmp/ft/cp.txt")
    e.add_argument("--dump")
    e.add_argument("--rows")
    a = p.parse_args()
    {"train": train, "add-output": add_output, "score": score, "export": export}[a.cmd](a)


if __name__ == "__main__":
    main()
