#!/usr/bin/env python3
"""A second head for one category (threat in the shipped model since session 24; hate tried in session 29): a small network over the network's layer-9 token vectors (the span branch's input): relu
units per piece, mean- and max-pooled over the window, one logistic output; trained with three seeds whose networks
are averaged (folded into one layer). It is attached to the network so that its output for the category becomes
max(network, head), the head capped at --at (it can hold a comment, not reject one on its own). Heads chain: attach
one to a network that already has another.

Why: veiled threats ("The landlord should sleep with one eye open") score near 0 on the network's own threat head.
Training hand-written veiled-threat rows into the whole network lifted threat scores on ordinary news comments too
(sessions 17 and 20), and the hold line rose with them. This head leaves the network and every other category as they
are, learns from threat-labelled rows, veiled and direct threats and civil look-alikes written blind (rows/*-blind.
jsonl) and ordinary news comments, and only raises the threat score where its own line is passed: a line that at most
--budget of held-out ordinary civil_comments_ccc comments pass, and no dev one.

  $PY category_head.py rows --category threat --data ../shared/datasets --out WORK/rows.jsonl
  java -cp $(cat cp.txt) java/OrtCheck.java hidden NET.onnx tokens WORK/rows.jsonl WORK/h8   # the product's windows
  $PY category_head.py train --dump WORK/h8 --rows WORK/rows.jsonl --out WORK/threat-head.json
  $PY category_head.py attach --model NET.onnx --head WORK/threat-head.json --out DIR/transformer.onnx
NET.onnx: the network without a head (with the "tokens" output: spans.py add-output); DIR: a copy of the model folder.
Then `parley train --data ../shared/datasets --out DIR --evaluate-only` stacks it with the fast stage and chooses the
lines (`--transformer FILE` would drop the span branch). Recipe and figures: README.md, "A second threat head" (and "A hate head").
"""
import argparse
import glob
import json
import math
import os
import re
import zlib

HIDDEN = 384
HERE = os.path.dirname(os.path.abspath(__file__))


CATEGORIES = ["toxic", "hate", "insult", "threat", "obscene", "spam"]  # the network's output order
# per category: the datasets whose train rows label it (their negatives are what the head must tell it from), and
# at most how many of a set's negatives it reads (davidson2017: 18,742 offensive or plain tweets, 1,137 hate)
SOURCES = {"threat": {"jigsaw_toxic_subset": None, "implicit_hate": None},
           "hate": {"davidson2017": 6000, "hatexplain": None, "implicit_hate": None, "jigsaw_toxic_subset": None,
                    "fox_news_comments": None}}
# which negatives of those sets are hard: for threat every one (insults, hate and wishes raters did not call threats),
# for hate the abusive ones (insults and offensive tweets that raters did not call hate)
HARD_ONLY_IF_ABUSIVE = {"threat": False, "hate": True}


def rows(a):
    """Training rows (train splits only) and the calibration rows: ordinary civil_comments_ccc comments the head does
    not train on (the dev split and a fixed 30 % of the train split). A row is "hard" where raters labelled the
    category 0 but the comment abusive (insults, offensive tweets, hate that is not a threat): train weighs those
    --hard times."""
    read = dataset_reader(a.data)
    cat, out = a.category, []

    def add(text, label, role, source, split="train", hard=False):
        out.append({"text": text, "label": label, "role": role, "source": source, "split": split, "hard": hard})

    with open(os.path.join(HERE, "..", "..", "src/main/resources/parley/augment/parley_augment.jsonl")) as f:
        for r in map(json.loads, f):
            if cat in r["labels"]:
                add(r["text"], r["labels"][cat], "train", "parley")
    # rows written blind (rows/*-blind.jsonl: veiled and direct threats, identity hate, and civil look-alikes): by
    # authors who never saw the functional checks. Their authors still hit on some of the same idioms as the checks'
    # authors: a row sharing five words in a row with a check is left out, so that the checks measure the head on
    # sentences it has not seen
    checks = check_runs()
    dropped, blind = 0, []
    for path in sorted(glob.glob(os.path.join(HERE, "rows", "*-blind.jsonl"))):
        with open(path) as f:
            for r in map(json.loads, f):
                if cat not in r:
                    continue
                if five_word_runs(r["text"]) & checks:
                    dropped += 1
                else:
                    add(r["text"], r[cat], "train", "blind")
                    blind.append((r["text"], r[cat]))
    if a.mixed:
        beside(add, blind, read, checks)
    for name, cap in SOURCES[cat].items():
        labelled = [r for r in read(name) if r["split"] == "train" and r["labels"].get(cat, -1) >= 0]
        negatives = sorted((r for r in labelled if r["labels"][cat] == 0), key=lambda r: zlib.crc32(r["text"].encode()))
        keep = {id(r) for r in negatives[:cap]} if cap is not None else {id(r) for r in negatives}
        for r in labelled:
            if r["labels"][cat] == 1 or id(r) in keep:
                abusive = any(v == 1 for k, v in r["labels"].items() if k not in (cat, "spam"))
                hard = r["labels"][cat] == 0 and (abusive or not HARD_ONLY_IF_ABUSIVE[cat])
                add(r["text"], r["labels"][cat], "train", name, hard=hard)
    for r in read("civil_comments_ccc"):
        if r["labels"].get("toxic") == 0 and r["split"] in ("train", "dev"):
            held_out = r["split"] == "dev" or zlib.crc32(r["text"].encode()) % 1000 < 300
            add(r["text"], 0, "calibrate" if held_out else "train", "civil_comments_ccc", r["split"])
    with open(a.out, "w") as f:
        for r in out:
            f.write(json.dumps(r, ensure_ascii=False) + "\n")
    print(f"{len(out)} rows -> {a.out}: {sum(r['role'] == 'train' and r['label'] == 1 for r in out)} {cat}, "
          f"{sum(r['hard'] for r in out)} hard negatives, {sum(r['role'] == 'calibrate' for r in out)} calibration "
          f"rows; {dropped} blind rows left out (they share five words in a row with a functional check)")


def beside(add, blind, read, checks):
    """Each blind row again with a sentence beside it, its label kept: a complaint about a thing or an ordinary news
    comment, before it (three in four) or after it. A head trained on single sentences scored "This budget is a disaster
    for pensioners. Whoever wrote it deserves a bullet." threat 0.01 (the second sentence alone: 0.27; "The manager
    should be strung up from the crossbar." 0.79 alone, 0.00 after a line about the match): the mean over the window's
    pieces was mostly the complaint's. Complaints: the "thing" rows of rows/target-thing-person-blind.jsonl (harsh
    words at plans, products, the weather) that share five words in a row with no check; ordinary comments:
    civil_comments_ccc train rows under 160 characters outside the calibration share (rows() below), so the line is
    still chosen on comments the head never read."""
    things = complaints(checks)
    ordinary = [r["text"] for r in read("civil_comments_ccc") if r["split"] == "train" and r["labels"].get("toxic") == 0
                and len(r["text"]) < 160 and zlib.crc32(r["text"].encode()) % 1000 >= 300]
    pick = lambda pool, key: sorted(pool, key=lambda t: zlib.crc32((key + t).encode()))
    things, ordinary = pick(things, "t"), pick(ordinary, "o")
    for i, (text, label) in enumerate(blind):
        other = things[i % len(things)] if i % 2 == 0 else ordinary[(i // 2) % len(ordinary)]
        add(other + " " + text if i % 4 != 3 else text + " " + other, label, "train", "beside")


def complaints(checks):
    """The harsh comments about things (the "thing" rows of rows/target-thing-person-blind.jsonl) that share five
    words in a row with no check: what --mixed here and prepare.py --beside put beside an attack."""
    with open(os.path.join(HERE, "rows", "target-thing-person-blind.jsonl")) as f:
        return [r["text"] for r in map(json.loads, f) if r["kind"] == "thing" and not five_word_runs(r["text"]) & checks]


def dataset_reader(data):
    """name -> every row of data/name/name.jsonl."""
    def read(name):
        with open(os.path.join(data, name, name + ".jsonl")) as f:
            return [json.loads(l) for l in f]
    return read


def check_runs():
    """Every five words in a row of the functional checks: a training row sharing one is left out."""
    checks = set()
    with open(os.path.join(HERE, "..", "..", "src/main/resources/parley/classify/functional-checks.tsv")) as f:
        for line in f:
            if not line.startswith("#") and line.strip():
                checks |= five_word_runs(line.rstrip("\n").split("\t")[-1])
    return checks


def five_word_runs(text):
    words = re.findall(r"[a-z0-9']+", text.lower())
    return {" ".join(words[i:i + 5]) for i in range(len(words) - 4)}


def windows(prefix):
    """Per window of an OrtCheck "hidden" dump: its row, and its piece vectors padded to the longest window (with the
    mask), as the attached graph sees them."""
    import numpy as np
    data = np.memmap(prefix + ".f16", dtype="<f2", mode="r")
    row, n, off, total = [], [], [], 0
    with open(prefix + ".idx") as f:
        for line in f:
            r, _, k = line.split(" ")[:3]
            row.append(int(r))
            n.append(int(k))
            off.append(total)
            total += int(k) * HIDDEN
    x = np.zeros((len(row), max(n), HIDDEN), dtype=np.float16)
    mask = np.zeros((len(row), max(n)), dtype=bool)
    for i, (o, k) in enumerate(zip(off, n)):
        x[i, :k] = np.asarray(data[o:o + k * HIDDEN]).reshape(k, HIDDEN)
        mask[i, :k] = True
    return np.array(row), x, mask


def head_logits(h, x, mask):
    """The folded head as the attached graph computes it: relu(pieces @ w1 + b1), mean and max over the window's
    pieces, then w2 and b2."""
    import numpy as np
    out = []
    for s in range(0, len(x), 512):
        u = np.maximum(x[s:s + 512].astype(np.float32) @ h["w1"] + h["b1"], 0)
        m = mask[s:s + 512, :, None]
        pooled = np.concatenate([(u * m).sum(1) / m.sum(1), np.where(m, u, -1e4).max(1)], 1)
        out.append(pooled @ h["w2"] + h["b2"])
    return np.concatenate(out)


def fit_one(seed, a, x, mask, y, weight, mu, sd):
    """One small network over the standardised piece vectors: --hidden relu units, mean- and max-pooled, logistic."""
    import numpy as np
    import torch
    torch.manual_seed(seed)
    l1, l2 = torch.nn.Linear(HIDDEN, a.hidden), torch.nn.Linear(2 * a.hidden, 1)
    drop = torch.nn.Dropout(a.dropout)
    opt = torch.optim.AdamW(list(l1.parameters()) + list(l2.parameters()), lr=a.lr, weight_decay=a.wd)
    pos_weight = torch.tensor((y == 0).sum() / (y == 1).sum())  # balanced: the line, not the prior, decides
    mu_t, sd_t = torch.tensor(mu), torch.tensor(sd)
    for epoch in range(a.epochs):
        order = np.random.RandomState(seed * 1000 + epoch).permutation(len(y))
        for s in range(0, len(y), 128):
            i = order[s:s + 128]
            m = torch.tensor(mask[i]).unsqueeze(-1).float()
            u = torch.relu(l1(drop((torch.tensor(x[i].astype(np.float32)) - mu_t) / sd_t)))
            z = l2(torch.cat([(u * m).sum(1) / m.sum(1), (u - 1e4 * (1 - m)).max(1).values], 1)).squeeze(-1)
            loss = torch.nn.functional.binary_cross_entropy_with_logits(
                z, torch.tensor(y[i]), weight=torch.tensor(weight[i]), pos_weight=pos_weight)
            opt.zero_grad()
            loss.backward()
            opt.step()
        print(f"seed {seed}: epoch {epoch + 1}/{a.epochs}, last batch loss {loss.item():.3f}", flush=True)
    # standardisation folded into the first layer
    w1 = l1.weight.detach().numpy().T / sd[:, None]
    return w1, l1.bias.detach().numpy() - mu @ w1, l2.weight.detach().numpy()[0], float(l2.bias.item())


def fit_seeds(a, x, mask, y, weight, tr):
    """One network per seed on the windows tr (the piece vectors standardised by theirs), averaged: the same as one
    network with all their units and the output weights divided."""
    import numpy as np
    pieces = x[tr][mask[tr]].astype(np.float32)
    mu, sd = pieces.mean(0), pieces.std(0) + 1e-6
    del pieces
    parts = [fit_one(s, a, x[tr], mask[tr], y[tr], weight[tr], mu, sd) for s in a.seeds]
    k = len(parts)
    return {"w1": np.concatenate([p[0] for p in parts], 1), "b1": np.concatenate([p[1] for p in parts]),
            "w2": np.concatenate([p[2][:a.hidden] for p in parts] + [p[2][a.hidden:] for p in parts]) / k,
            "b2": sum(p[3] for p in parts) / k}


def strongest_window(row, z):
    """Per row, the strongest of its windows' head logits."""
    per_row = {}
    for r, v in zip(row, z):
        per_row[r] = max(per_row.get(r, -1e9), v)
    return per_row


def train(a):
    import numpy as np
    meta, row, x, mask = [], [], [], []
    for dump, rows_file in zip(a.dump.split(","), a.rows.split(",")):  # pairs: a dump of each rows file
        r, xs, m = windows(dump)
        row.append(r + len(meta))
        x.append(xs)
        mask.append(m)
        with open(rows_file) as f:
            meta += [json.loads(l) for l in f]
    width = max(xs.shape[1] for xs in x)
    x = np.concatenate([np.pad(xs, ((0, 0), (0, width - xs.shape[1]), (0, 0))) for xs in x])
    mask = np.concatenate([np.pad(m, ((0, 0), (0, width - m.shape[1]))) for m in mask])
    row = np.concatenate(row)
    y = np.array([meta[r]["label"] for r in row], dtype=np.float32)
    role = np.array([meta[r]["role"] for r in row])
    tr = np.flatnonzero(role == "train")
    # the hard negatives (rows(): abusive comments raters did not give the category) weigh --hard times an ordinary
    # comment: these are what the head must tell the category from
    hard = np.array([meta[r]["hard"] for r in row])
    weight = np.where(hard & (y == 0), a.hard, 1.0).astype(np.float32)
    h = fit_seeds(a, x, mask, y, weight, tr)
    # a comment's head score is its strongest window, as the product takes every abuse category
    per_row = strongest_window(row, head_logits(h, x, mask))
    calib = np.sort([v for r, v in per_row.items() if meta[r]["role"] == "calibrate"])[::-1]
    passes = int(a.budget * len(calib))
    # the line: the strongest `passes` ordinary comments pass it, the next does not; and no dev comment passes, since
    # `parley train` spends its whole budget of ordinary dev comments held (3 %) before the head: one more held there
    # and it raised the threat line above everything the head holds (0.53 -> 0.75)
    dev = max(v for r, v in per_row.items() if meta[r]["role"] == "calibrate" and meta[r]["split"] == "dev")
    line = max(float(calib[passes]), float(dev)) + 1e-6
    # shift the head so that its line lands on --at (a network threat probability that holds); --margin under the
    # line it is down to 0.5, so that below its line the network's own threat score decides (max() leaves it as it
    # was) instead of a slope of comments the stacker still holds. At 0.5 the stacker still held what came within
    # ~0.09 of the line at a 0.70 hold line: an ordinary dev comment ("Good comment LW") the line itself had kept out
    # (session 25); at 0.25 that band is half as wide
    slope = math.log(a.at / (1 - a.at)) / a.margin
    trained = {int(r) for r in row[tr]}
    recall = float(np.mean([per_row[r] >= line for r in trained if meta[r]["label"]]))
    json.dump({"w1": h["w1"].tolist(), "b1": h["b1"].tolist(), "w2": (slope * h["w2"]).tolist(),
               "b2": slope * (h["b2"] - line) + math.log(a.at / (1 - a.at)), "line": line, "slope": slope,
               "passes": int((calib >= line).sum()), "calibration": len(calib), "at": a.at, "margin": a.margin,
               "hidden": a.hidden, "seeds": a.seeds, "epochs": a.epochs, "hard": a.hard,
               "category": a.category,
               "train": {"rows": len(trained), "positives": sum(meta[r]["label"] for r in trained)}},
              open(a.out, "w"))
    print(f"{len(tr)} training windows: train {a.category} rows passing the line {recall:.3f}; line {line:.3f} (slope "
          f"{slope:.2f}) passes {int((calib >= line).sum())} of {len(calib)} ordinary calibration comments -> {a.out}")


def head_arrays(head):
    """A trained head's weights as the graph holds them (w1, b1, w2 [1, 2 x units], b2)."""
    import numpy as np
    return {"w1": np.array(head["w1"], dtype=np.float32), "b1": np.array(head["b1"], dtype=np.float32),
            "w2": np.array(head["w2"], dtype=np.float32).reshape(1, -1), "b2": np.array([head["b2"]], dtype=np.float32)}


def pooled_head(g, pre, head, tokens):
    """Adds a trained head to graph g under the name prefix pre: relu(tokens @ w1 + b1) per piece, its mean and max
    over the attention mask, then Gemm with w2 and b2 into pre + "logit"; with the constants it needs (pre + "one"
    among them). Returns the node factory, for the nodes that use the logit (a second head here, the target gate)."""
    import numpy as np
    import onnx
    from onnx import helper, numpy_helper
    consts = {**head_arrays(head), "big": np.array([1e4], dtype=np.float32),
              "axis1": np.array([1], dtype=np.int64), "axis2": np.array([2], dtype=np.int64),
              "one": np.array([1.0], dtype=np.float32)}
    g.initializer.extend(numpy_helper.from_array(v, pre + k) for k, v in consts.items())
    n = lambda op, ins, outs, **kw: helper.make_node(op, ins, outs, name=pre + outs[0].split("/")[-1], **kw)
    g.node.extend([
        n("Cast", ["attention_mask"], [pre + "maskf"], to=onnx.TensorProto.FLOAT),
        n("Unsqueeze", [pre + "maskf", pre + "axis2"], [pre + "mask3"]),
        n("MatMul", [tokens, pre + "w1"], [pre + "z1"]),
        n("Add", [pre + "z1", pre + "b1"], [pre + "a1"]),
        n("Relu", [pre + "a1"], [pre + "units"]),
        n("Mul", [pre + "units", pre + "mask3"], [pre + "masked"]),
        n("ReduceSum", [pre + "masked", pre + "axis1"], [pre + "sum"], keepdims=0),
        n("ReduceSum", [pre + "maskf", pre + "axis1"], [pre + "count"], keepdims=1),
        n("Div", [pre + "sum", pre + "count"], [pre + "mean"]),
        n("Sub", [pre + "mask3", pre + "one"], [pre + "off"]),
        n("Mul", [pre + "off", pre + "big"], [pre + "penalty"]),
        n("Add", [pre + "units", pre + "penalty"], [pre + "shifted"]),
        n("ReduceMax", [pre + "shifted"], [pre + "max"], axes=[1], keepdims=0),
        n("Concat", [pre + "mean", pre + "max"], [pre + "features"], axis=1),
        n("Gemm", [pre + "features", pre + "w2", pre + "b2"], [pre + "logit"], transB=1),
    ])
    return n


def tap(g, pre, taken):
    """Where a part (a head, the gate) is attached: the network's layer-9 token vectors, whose name it returns, and its
    probabilities, renamed pre + "network_probs" for the part to write "probs" anew."""
    outputs = {o.name for o in g.output}
    if "tokens" not in outputs or "probs" not in outputs:
        raise SystemExit("the network needs the outputs 'probs' and 'tokens' (spans.py add-output)")
    if any(n.name.startswith(pre) for n in g.node):
        raise SystemExit(taken)
    last = next(n for n in g.node if "probs" in n.output)
    last.output[list(last.output).index("probs")] = pre + "network_probs"
    return next(n for n in g.node if n.output == ["tokens"]).input[0]


def append_note(m, what):
    """The model card's accurate-stage line (TransformerStage.NOTE_KEY): one "parley.note", each attached part
    appended."""
    note = next((p for p in m.metadata_props if p.key == "parley.note"), None)
    if note is None:
        note = m.metadata_props.add()
        note.key, note.value = "parley.note", "with " + what
    else:  # the shipped threat head's note names the file by its name before session 29
        note.value = note.value.replace("threat_head.py", "category_head.py") + "; and with " + what


def attach(a):
    """probs := max(probs, onehot(category) * min(at, sigmoid(head([mean, max] of the layer-9 vectors, masked))))."""
    import numpy as np
    import onnx
    from onnx import numpy_helper
    m = onnx.load(a.model)
    head = json.load(open(a.head))
    cat = head.get("category", "threat")  # heads trained before session 29 are threat heads
    pre = cat + "_head/"
    g = m.graph
    tokens = tap(g, pre, f"{a.model} already has a {cat} head")
    onehot = np.zeros((1, 6), dtype=np.float32)
    onehot[0, CATEGORIES.index(cat)] = 1
    g.initializer.extend([numpy_helper.from_array(onehot, pre + "onehot"),
                          numpy_helper.from_array(np.array([head["at"]], dtype=np.float32), pre + "cap")])
    n = pooled_head(g, pre, head, tokens)
    hidden = len(head["b1"])
    g.node.extend([
        n("Sigmoid", [pre + "logit"], [pre + "sigmoid"]),
        # capped at its line's value: the head alone can hold a comment for a moderator, never push it to a reject
        n("Min", [pre + "sigmoid", pre + "cap"], [pre + "p"]),
        n("Mul", [pre + "p", pre + "onehot"], [pre + "category_only"]),
        n("Max", [pre + "network_probs", pre + "category_only"], ["probs"]),
    ])
    # what the model card's accurate-stage line says about it (TransformerStage.NOTE_KEY): one note, heads appended
    what = (f"a second {cat} head (tools/finetune/category_head.py): {hidden} relu units over the token vectors after "
            f"layer 9, mean- and max-pooled, {cat} = max(network {cat}, min({head['at']}, head)); its line passes "
            f"{head['passes']} of {head['calibration']} ordinary civil_comments_ccc comments it did not train on")
    append_note(m, what)
    onnx.save(m, a.out)
    print(f"{a.out}: {cat} = max(network {cat}, head); head line {head['line']:.3f} at {cat} {head['at']}")


def swap(a):
    """A retrained head in place of the one a model already carries (same units): its weights replaced, the note's
    line about it rewritten, every other part of the graph (the target gate after it) kept byte for byte."""
    import numpy as np
    import onnx
    from onnx import numpy_helper
    m = onnx.load(a.model)
    head = json.load(open(a.head))
    pre = head.get("category", "threat") + "_head/"
    new = {**head_arrays(head), "cap": np.array([head["at"]], dtype=np.float32)}
    for i, init in enumerate(m.graph.initializer):
        k = init.name[len(pre):] if init.name.startswith(pre) else None
        if k in new:
            if list(init.dims) != list(new[k].shape):
                raise SystemExit(f"{init.name}: {list(init.dims)} in the model, {list(new[k].shape)} in {a.head}")
            m.graph.initializer[i].CopyFrom(numpy_helper.from_array(new.pop(k), init.name))
    if new:
        raise SystemExit(f"{a.model} has no {', '.join(pre + k for k in new)}")
    note = next(p for p in m.metadata_props if p.key == "parley.note")
    note.value = re.sub(r"its line passes \d+ of \d+ ordinary", f"its line passes {head['passes']} of "
                        f"{head['calibration']} ordinary", note.value, count=1)
    onnx.save(m, a.out)
    print(f"{a.out}: {pre} weights replaced from {a.head}; head line {head['line']:.3f}")


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = p.add_subparsers(dest="cmd", required=True)
    r = sub.add_parser("rows")
    r.add_argument("--category", choices=sorted(SOURCES), default="threat")
    r.add_argument("--data", required=True)
    r.add_argument("--out", required=True)
    r.add_argument("--mixed", action="store_true",
                   help="each blind row again with a complaint or an ordinary comment beside it (beside())")
    t = sub.add_parser("train")
    t.add_argument("--dump", required=True, help="OrtCheck hidden dump prefixes, comma-separated, one per rows file")
    t.add_argument("--rows", required=True)
    t.add_argument("--out", required=True)
    t.add_argument("--category", choices=sorted(SOURCES), default="threat", help="written into the head file")
    t.add_argument("--hidden", type=int, default=64, help="relu units per seed")
    t.add_argument("--seeds", type=lambda v: [int(s) for s in v.split(",")], default=[7, 8, 9],
                   help="one network per seed, averaged")
    t.add_argument("--epochs", type=int, default=8)
    t.add_argument("--lr", type=float, default=2e-3)
    t.add_argument("--wd", type=float, default=1e-3, help="AdamW weight decay")
    t.add_argument("--dropout", type=float, default=0.1, help="on the standardised piece vectors")
    t.add_argument("--budget", type=float, default=0.0013,
                   help="share of the ordinary calibration comments the line may pass")
    t.add_argument("--at", type=float, default=0.995, help="network probability the head's line maps to")
    t.add_argument("--margin", type=float, default=0.25,
                   help="how far under its line (in the head's logit) the head is down to 0.5")
    t.add_argument("--hard", type=float, default=3.0, help="weight of the hard negatives (rows())")
    at = sub.add_parser("attach")
    at.add_argument("--model", required=True)
    at.add_argument("--head", required=True)
    at.add_argument("--out", required=True)
    sw = sub.add_parser("swap")
    sw.add_argument("--model", required=True, help="a network that carries a head of the same category and units")
    sw.add_argument("--head", required=True)
    sw.add_argument("--out", required=True)
    a = p.parse_args()
    {"rows": rows, "train": train, "attach": attach, "swap": swap}[a.cmd](a)


if __name__ == "__main__":
    main()
