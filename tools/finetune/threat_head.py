#!/usr/bin/env python3
"""A second threat head: one logistic unit over the network's layer-9 token vectors (the span branch's input, mean and
max over the window's pieces), attached to the network so that its threat output becomes max(threat, head), the head
capped at --at (it can hold a comment, not reject one on its own).

Why: veiled threats ("The landlord should sleep with one eye open") score near 0 on the network's own threat head.
Training the hand-written veiled-threat rows into the whole network lifted threat scores on ordinary news comments
too (sessions 17 and 20), and the hold line rose with them. This head leaves the network and every other category as
they are, learns from the same rows plus ordinary news comments as negatives, and only raises the threat score where
its own line is passed: a line chosen so that at most --budget of the ordinary civil_comments_ccc dev comments pass it.

  $PY threat_head.py rows --data ../shared/datasets --out WORK/rows.jsonl
  java -cp $(cat cp.txt) java/OrtCheck.java hidden NET.onnx tokens WORK/rows.jsonl WORK/h8   # the product's windows
  $PY threat_head.py train --dump WORK/h8 --rows WORK/rows.jsonl --out WORK/threat-head.json
  $PY threat_head.py attach --model NET.onnx --head WORK/threat-head.json --out DIR/transformer.onnx
NET.onnx: the network without a head (with the "tokens" output: spans.py add-output); DIR: a copy of the model folder.
Then `parley train --data ../shared/datasets --out DIR --evaluate-only` stacks it with the fast stage and chooses the
lines (`--transformer FILE` would drop the span branch). Recipe and figures: README.md, "A second threat head".
"""
import argparse
import json
import math
import os

HIDDEN = 384
THREAT = 3  # the network's output order: toxic, hate, insult, threat, obscene, spam
HERE = os.path.dirname(os.path.abspath(__file__))


def rows(a):
    """Training rows (train splits only) and the calibration rows (ordinary civil_comments_ccc dev comments)."""
    def read(name):
        with open(os.path.join(a.data, name, name + ".jsonl")) as f:
            return [json.loads(l) for l in f]

    out = []

    def add(text, threat, role, source):
        out.append({"text": text, "threat": threat, "role": role, "source": source})

    for path in [os.path.join(HERE, "..", "..", "src/main/resources/parley/augment/parley_augment.jsonl"),
                 os.path.join(HERE, "rows", "veiled-threats.jsonl")]:
        with open(path) as f:
            for r in map(json.loads, f):
                if "threat" in r["labels"]:
                    add(r["text"], r["labels"]["threat"], "train", "parley")
    # every threat-labelled train row: their negatives are insults, hate and wishes that raters did not call threats,
    # which the head must not take for one
    for name in ["jigsaw_toxic_subset", "implicit_hate"]:
        for r in read(name):
            if r["split"] == "train" and r["labels"].get("threat", -1) >= 0:
                add(r["text"], r["labels"]["threat"], "train", name)
    for r in read("civil_comments_ccc"):
        if r["labels"].get("toxic") == 0 and r["split"] in ("train", "dev"):
            add(r["text"], 0, "train" if r["split"] == "train" else "calibrate", "civil_comments_ccc")
    with open(a.out, "w") as f:
        for r in out:
            f.write(json.dumps(r, ensure_ascii=False) + "\n")
    print(f"{len(out)} rows -> {a.out}: {sum(r['role'] == 'train' and r['threat'] == 1 for r in out)} threats, "
          f"{sum(r['role'] == 'calibrate' for r in out)} calibration rows")


def features(prefix):
    """Per window of an OrtCheck "hidden" dump: its row and [mean, max] over all its pieces, as the attached graph
    computes them."""
    import numpy as np
    data = np.memmap(prefix + ".f16", dtype="<f2", mode="r")
    row, feats, off = [], [], 0
    with open(prefix + ".idx") as f:
        for line in f:
            r, _, n = line.split(" ")[:3]
            n = int(n)
            v = np.asarray(data[off:off + n * HIDDEN], dtype=np.float32).reshape(n, HIDDEN)
            off += n * HIDDEN
            row.append(int(r))
            feats.append(np.concatenate([v.mean(0), v.max(0)]))
    return np.array(row), np.stack(feats)


def train(a):
    import numpy as np
    import torch
    torch.manual_seed(a.seed)
    with open(a.rows) as f:
        meta = [json.loads(l) for l in f]
    row, x = features(a.dump)
    y = np.array([meta[r]["threat"] for r in row], dtype=np.float32)
    role = np.array([meta[r]["role"] for r in row])
    tr = role == "train"
    mu, sd = x[tr].mean(0), x[tr].std(0) + 1e-6
    xs = torch.tensor((x - mu) / sd, dtype=torch.float32)
    xt, yt = xs[torch.tensor(tr)], torch.tensor(y[tr])
    # raters' non-threats in the threat-labelled sets (insults, hate, "kill yourself" taunts) weigh --hard times an
    # ordinary comment: these are what the head must tell a threat from
    hard = np.array([meta[r].get("source") in ("jigsaw_toxic_subset", "implicit_hate") for r in row])[tr]
    weight = torch.tensor(np.where(hard & (y[tr] == 0), a.hard, 1.0), dtype=torch.float32)
    w = torch.zeros(x.shape[1], requires_grad=True)
    b = torch.zeros(1, requires_grad=True)
    pos_weight = (yt == 0).sum() / (yt == 1).sum()  # balanced: the line, not the prior, decides
    opt = torch.optim.LBFGS([w, b], max_iter=500, line_search_fn="strong_wolfe")

    def closure():
        opt.zero_grad()
        loss = torch.nn.functional.binary_cross_entropy_with_logits(
            xt @ w + b, yt, weight=weight, pos_weight=pos_weight) + a.c * (w * w).sum()
        loss.backward()
        return loss

    opt.step(closure)
    z = (xs @ w + b).detach().numpy()
    # a comment's head score is its strongest window, as the product takes threat
    per_row = {}
    for r, v in zip(row, z):
        per_row[r] = max(per_row.get(r, -1e9), v)
    calib = np.sort([v for r, v in per_row.items() if meta[r]["role"] == "calibrate"])[::-1]
    k = int(a.budget * len(calib))
    line = float(calib[k]) + 1e-6  # the k strongest ordinary comments pass it, the (k+1)-th does not
    # fold the standardisation in, shift the head so that its line lands on --at (a network threat probability that
    # holds), and steepen it so that a typical ordinary comment (the calibration median) maps to --floor: below its
    # line the network's own threat score decides, and max() leaves it as it was
    median = float(np.median(calib))
    slope = (math.log(a.at / (1 - a.at)) - math.log(a.floor / (1 - a.floor))) / (line - median)
    wf = (slope * w.detach().numpy() / sd).astype(float)
    bf = slope * (float(b.item() - (w.detach().numpy() * mu / sd).sum()) - line) + math.log(a.at / (1 - a.at))
    json.dump({"weights": wf.tolist(), "bias": bf, "line": line, "slope": slope, "budget": a.budget, "at": a.at,
               "floor": a.floor, "c": a.c, "hard": a.hard, "seed": a.seed,
               "train": {"rows": int(tr.sum()), "threats": int(yt.sum())}, "calibration": len(calib)}, open(a.out, "w"))
    recall = float(((xt @ w + b).detach().numpy()[y[tr] == 1] >= line).mean())
    print(f"{int(tr.sum())} training windows ({int(yt.sum())} threats): train recall at the line {recall:.3f}; "
          f"line {line:.3f} (slope {slope:.2f}) passes {k} of {len(calib)} ordinary dev comments -> {a.out}")


def attach(a):
    """probs := max(probs, onehot(threat) * min(at, sigmoid(head([mean, max] of the layer-9 vectors, masked))))."""
    import numpy as np
    import onnx
    from onnx import helper, numpy_helper
    m = onnx.load(a.model)
    head = json.load(open(a.head))
    g = m.graph
    outputs = {o.name for o in g.output}
    if "tokens" not in outputs or "probs" not in outputs:
        raise SystemExit(f"{a.model} needs the outputs 'probs' and 'tokens' (spans.py add-output)")
    if any(n.name.startswith("threat_head/") for n in g.node):
        raise SystemExit(f"{a.model} already has a threat head")
    tokens = next(n for n in g.node if n.output == ["tokens"]).input[0]
    last = next(n for n in g.node if "probs" in n.output)
    last.output[list(last.output).index("probs")] = "threat_head/network_probs"
    w = np.array(head["weights"], dtype=np.float32).reshape(1, 2 * HIDDEN)
    onehot = np.zeros((1, 6), dtype=np.float32)
    onehot[0, THREAT] = 1
    g.initializer.extend([numpy_helper.from_array(w, "threat_head/w"),
                          numpy_helper.from_array(np.array([head["bias"]], dtype=np.float32), "threat_head/b"),
                          numpy_helper.from_array(onehot, "threat_head/onehot"),
                          numpy_helper.from_array(np.array([1e4], dtype=np.float32), "threat_head/big"),
                          numpy_helper.from_array(np.array([1], dtype=np.int64), "threat_head/axis1"),
                          numpy_helper.from_array(np.array([1.0], dtype=np.float32), "threat_head/one"),
                          numpy_helper.from_array(np.array([head["at"]], dtype=np.float32), "threat_head/cap")])
    n = lambda op, ins, outs, **kw: helper.make_node(op, ins, outs, name="threat_head/" + outs[0].split("/")[-1], **kw)
    g.node.extend([
        n("Cast", ["attention_mask"], ["threat_head/maskf"], to=onnx.TensorProto.FLOAT),
        n("Unsqueeze", ["threat_head/maskf", "threat_head/axis2"], ["threat_head/mask3"]),
        n("Mul", [tokens, "threat_head/mask3"], ["threat_head/masked"]),
        n("ReduceSum", ["threat_head/masked", "threat_head/axis1"], ["threat_head/sum"], keepdims=0),
        n("ReduceSum", ["threat_head/maskf", "threat_head/axis1"], ["threat_head/count"], keepdims=1),
        n("Div", ["threat_head/sum", "threat_head/count"], ["threat_head/mean"]),
        n("Sub", ["threat_head/mask3", "threat_head/one"], ["threat_head/off"]),
        n("Mul", ["threat_head/off", "threat_head/big"], ["threat_head/penalty"]),
        n("Add", [tokens, "threat_head/penalty"], ["threat_head/shifted"]),
        n("ReduceMax", ["threat_head/shifted"], ["threat_head/max"], axes=[1], keepdims=0),
        n("Concat", ["threat_head/mean", "threat_head/max"], ["threat_head/features"], axis=1),
        n("Gemm", ["threat_head/features", "threat_head/w", "threat_head/b"], ["threat_head/logit"], transB=1),
        n("Sigmoid", ["threat_head/logit"], ["threat_head/sigmoid"]),
        # capped at its line's value: the head alone can hold a comment for a moderator, never push it to a reject
        n("Min", ["threat_head/sigmoid", "threat_head/cap"], ["threat_head/p"]),
        n("Mul", ["threat_head/p", "threat_head/onehot"], ["threat_head/threat_only"]),
        n("Max", ["threat_head/network_probs", "threat_head/threat_only"], ["probs"]),
    ])
    g.initializer.append(numpy_helper.from_array(np.array([2], dtype=np.int64), "threat_head/axis2"))
    # what the model card's accurate-stage line says about it (TransformerStage.NOTE_KEY)
    note = m.metadata_props.add()
    note.key, note.value = "parley.note", (
        "with a second threat head (tools/finetune/threat_head.py): one logistic unit over the token vectors after "
        f"layer 9, threat = max(network threat, min({head['at']}, head)), its line above every ordinary "
        f"civil_comments_ccc dev comment ({head['calibration']})")
    onnx.save(m, a.out)
    print(f"{a.out}: threat = max(network threat, head); head line {head['line']:.3f} at threat {head['at']}")


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = p.add_subparsers(dest="cmd", required=True)
    r = sub.add_parser("rows")
    r.add_argument("--data", required=True)
    r.add_argument("--out", required=True)
    t = sub.add_parser("train")
    t.add_argument("--dump", required=True)
    t.add_argument("--rows", required=True)
    t.add_argument("--out", required=True)
    t.add_argument("--c", type=float, default=0.01, help="L2 penalty on the standardised weights")
    t.add_argument("--budget", type=float, default=0.0, help="share of ordinary dev comments the line may pass")
    t.add_argument("--at", type=float, default=0.995, help="network threat probability the head's line maps to")
    t.add_argument("--floor", type=float, default=1e-8, help="head probability of the median ordinary comment")
    t.add_argument("--hard", type=float, default=3.0, help="weight of a threat-labelled set's non-threat rows")
    t.add_argument("--seed", type=int, default=7)
    at = sub.add_parser("attach")
    at.add_argument("--model", required=True)
    at.add_argument("--head", required=True)
    at.add_argument("--out", required=True)
    a = p.parse_args()
    {"rows": rows, "train": train, "attach": attach}[a.cmd](a)


if __name__ == "__main__":
    main()
