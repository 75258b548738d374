#!/usr/bin/env python3
"""A target gate: harsh words aimed at a thing (a plan, a product, the weather) are not toxic to a newsroom; the same
words aimed at a person are. The network scores both alike ("The council's plan is idiotic": toxic 0.99), because its
raters mostly did too. The gate is a small network over the network's layer-9 token vectors (the input of the span
branch and of the threat head; category_head.py's shape: relu units per piece, mean- and max-pooled, one logistic
output), trained to tell harsh comments about things from harsh comments about people. Where it is sure a window is
about a thing, that window's toxic and insult probabilities are capped; hate, threat, obscene and spam stay as they
were, so a hateful, threatening or promotional comment about a policy is held as before.

Its line is chosen on toxic news comments it did not train on (rated toxic by civil_comments_ccc's and toxic_spans'
raters): at most --budget of them may pass it. Those raters call many harsh comments about things toxic too; the
line keeps the gate to the comments it is surest of, so that the toxic news comments a newsroom holds stay held.

  $PY target_gate.py rows --data ../shared/datasets --out WORK/rows.jsonl
  java -cp $(cat cp.txt) java/OrtCheck.java hidden NET.onnx tokens WORK/rows.jsonl WORK/h9
  $PY target_gate.py train --dump WORK/h9 --rows WORK/rows.jsonl --out WORK/gate.json
  $PY target_gate.py attach --model NET.onnx --gate WORK/gate.json --out DIR/transformer.onnx
NET.onnx: the shipped network (with its "tokens" output and any heads); DIR: a copy of the model folder, then
`parley train --data ../shared/datasets --out DIR --evaluate-only` re-fits the stacker and the lines. Recipe and
figures: README.md, "A target gate".
"""
import argparse
import json
import math
import os
import zlib

from category_head import (CATEGORIES, HERE, append_note, check_runs, dataset_reader, fit_seeds, five_word_runs,
                           head_logits, pooled_head, strongest_window, tap, windows)

GATED = ("toxic", "insult")
# the abusive train rows the gate must not take for harsh words about things: news comments rated toxic, Wikipedia
# insults and toxic comments, hateful and offensive posts; at most this many of each (seeded by text hash)
NEGATIVES = {"civil_comments_ccc": 10000, "toxic_spans": 4000, "jigsaw_toxic_subset": 2000, "hatexplain": 2000,
             "fox_news_comments": 10000}


def rows(a):
    """Training rows: the blind rows of rows/target-thing-person-blind.jsonl (harsh words at things = 1, at people = 0)
    and abusive train rows of the datasets (0); calibration rows: toxic news comments not trained on (civil_comments_ccc
    dev, a fixed 30 % of its toxic train rows, toxic_spans' dev split)."""
    read = dataset_reader(a.data)
    out = []

    def add(text, label, role, source, split="train"):
        out.append({"text": text, "label": label, "role": role, "source": source, "split": split, "hard": False})

    checks = check_runs()
    dropped, things, people = 0, [], []
    with open(os.path.join(HERE, "rows", "target-thing-person-blind.jsonl")) as f:
        for r in map(json.loads, f):
            if five_word_runs(r["text"]) & checks:
                dropped += 1
            else:
                add(r["text"], 1 if r["kind"] == "thing" else 0, "train", "blind")
                (things if r["kind"] == "thing" else people).append(r["text"])
    # mixed comments: harsh words at a thing with an insult or a threat at people in the same window are about people
    # ("The policy is stupid and the people who support it should be shot" was published by a gate without these);
    # the same words with an ordinary sentence beside them are still about a thing
    mixed_in(add, things, people, read)
    for name, cap in NEGATIVES.items():
        abusive = [r for r in read(name) if r["split"] == "train" and any(v == 1 for k, v in r["labels"].items()
                                                                          if k != "spam")]
        abusive.sort(key=lambda r: zlib.crc32(r["text"].encode()))
        for r in abusive[:cap]:
            held_out = name in ("civil_comments_ccc", "toxic_spans") and zlib.crc32(r["text"].encode()) % 1000 < 300
            add(r["text"], 0, "calibrate" if held_out else "train", name)
    for name in ("civil_comments_ccc", "toxic_spans"):
        for r in read(name):
            if r["split"] == "dev" and r["labels"].get("toxic") == 1:
                add(r["text"], 0, "calibrate", name, "dev")
    with open(a.out, "w") as f:
        for r in out:
            f.write(json.dumps(r, ensure_ascii=False) + "\n")
    print(f"{len(out)} rows -> {a.out}: {sum(r['label'] for r in out)} about things, "
          f"{sum(r['role'] == 'train' and not r['label'] for r in out)} abusive negatives, "
          f"{sum(r['role'] == 'calibrate' for r in out)} calibration rows; {dropped} blind rows left out (they share "
          f"five words in a row with a functional check)")


def mixed_in(add, things, people, read):
    """Per harsh comment about a thing, two negatives (an insult at people or a threat, before or after it, and a threat
    after it) and one positive (an ordinary news comment after it), picked deterministically: insults from the blind
    person rows, threats from the train rows of implicit_hate and Parley's augmentation set, ordinary comments from
    civil_comments_ccc's train split; all under 160 characters. (Session 30 also tried three negatives per row with
    Jigsaw's insults and threats and civil_comments_ccc's toxic comments: the same figures.)"""
    threats = [r["text"] for r in read("implicit_hate") if r["split"] == "train" and r["labels"].get("threat") == 1]
    with open(os.path.join(HERE, "..", "..", "src/main/resources/parley/augment/parley_augment.jsonl")) as f:
        threats += [r["text"] for r in map(json.loads, f) if r["labels"].get("threat") == 1]
    ordinary = [r["text"] for r in read("civil_comments_ccc") if r["split"] == "train" and r["labels"].get("toxic") == 0]
    pick = lambda pool, key: sorted((t for t in pool if len(t) < 160), key=lambda t: zlib.crc32((key + t).encode()))
    threats, ordinary = pick(threats, "t"), pick(ordinary, "o")
    people = pick(people, "p")
    for i, thing in enumerate(things):
        other = people[i % len(people)] if i % 2 == 0 else threats[i % len(threats)]
        add(thing + " " + other if i % 4 < 2 else other + " " + thing, 0, "train", "mixed")
        add(thing + " " + threats[(i * 7 + 3) % len(threats)], 0, "train", "mixed")
        add(thing + " " + ordinary[i % len(ordinary)], 1, "train", "mixed")


def train(a):
    import numpy as np
    r, x, mask = windows(a.dump)
    with open(a.rows) as f:
        meta = [json.loads(l) for l in f]
    y = np.array([meta[i]["label"] for i in r], dtype=np.float32)
    tr = np.flatnonzero(np.array([meta[i]["role"] == "train" for i in r]))
    h = fit_seeds(a, x, mask, y, np.ones(len(y), dtype=np.float32), tr)
    # the gate works per window; a comment counts as gated where any window is
    per_row = strongest_window(r, head_logits(h, x, mask))
    calib = np.sort([v for i, v in per_row.items() if meta[i]["role"] == "calibrate"])[::-1]
    line = float(calib[int(a.budget * len(calib))]) + 1e-6
    trained = {int(i) for i in r[tr]}
    things = float(np.mean([per_row[i] >= line for i in trained if meta[i]["label"]]))
    # sure 0.01 (the network's own scores stand) a --margin under the line, 0.99 (the cap) at the line
    slope = 2 * math.log(99) / a.margin
    json.dump({"w1": h["w1"].tolist(), "b1": h["b1"].tolist(), "w2": (slope * h["w2"]).tolist(),
               "b2": slope * (h["b2"] - line) + math.log(99), "line": line, "slope": slope, "cap": a.cap,
               "passes": int((calib >= line).sum()), "calibration": len(calib), "margin": a.margin,
               "hidden": a.hidden, "seeds": a.seeds, "epochs": a.epochs,
               "train": {"rows": len(trained), "things": sum(meta[i]["label"] for i in trained)}},
              open(a.out, "w"))
    print(f"{len(tr)} training windows: trained rows about things passing the line {things:.3f}; line {line:.3f} "
          f"passes {int((calib >= line).sum())} of {len(calib)} toxic calibration comments -> {a.out}")


def attach(a):
    """probs := min(probs, ceiling), ceiling = 1 for every category but toxic and insult, and for those
    max(cap, 1 - sigmoid(gate)): 1 well under the gate's line, the cap at and above it."""
    import numpy as np
    import onnx
    from onnx import numpy_helper
    m = onnx.load(a.model)
    gate = json.load(open(a.gate))
    pre = "target_gate/"
    g = m.graph
    tokens = tap(g, pre, f"{a.model} already has a target gate")
    gated = np.zeros((1, 6), dtype=np.float32)
    for c in GATED:
        gated[0, CATEGORIES.index(c)] = 1
    g.initializer.extend([numpy_helper.from_array(gated, pre + "gated"),
                          numpy_helper.from_array(np.array([gate["cap"]], dtype=np.float32), pre + "cap")])
    n = pooled_head(g, pre, gate, tokens)
    hidden = len(gate["b1"])
    g.node.extend([
        n("Sigmoid", [pre + "logit"], [pre + "sure"]),
        n("Sub", [pre + "one", pre + "sure"], [pre + "allowed"]),
        n("Max", [pre + "allowed", pre + "cap"], [pre + "limit"]),
        # ceiling = 1 - gated * (1 - limit): the limit for toxic and insult, 1 for the rest
        n("Sub", [pre + "one", pre + "limit"], [pre + "cut"]),
        n("Mul", [pre + "cut", pre + "gated"], [pre + "cut_gated"]),
        n("Sub", [pre + "one", pre + "cut_gated"], [pre + "ceiling"]),
        n("Min", [pre + "network_probs", pre + "ceiling"], ["probs"]),
    ])
    what = (f"a target gate (tools/finetune/target_gate.py): {hidden} relu units over the token vectors after layer 9, "
            f"mean- and max-pooled; where it is sure a window's harsh words are aimed at a thing, not a person, that "
            f"window's toxic and insult are capped at {gate['cap']}; its line passes {gate['passes']} of "
            f"{gate['calibration']} toxic news comments it did not train on")
    append_note(m, what)
    onnx.save(m, a.out)
    print(f"{a.out}: toxic and insult capped at {gate['cap']} over the gate's line {gate['line']:.3f}")


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = p.add_subparsers(dest="cmd", required=True)
    r = sub.add_parser("rows")
    r.add_argument("--data", required=True)
    r.add_argument("--out", required=True)
    t = sub.add_parser("train")
    t.add_argument("--dump", required=True, help="OrtCheck hidden dump prefix of the rows file")
    t.add_argument("--rows", required=True)
    t.add_argument("--out", required=True)
    t.add_argument("--hidden", type=int, default=32, help="relu units per seed")
    t.add_argument("--seeds", type=lambda v: [int(s) for s in v.split(",")], default=[7, 8, 9])
    t.add_argument("--epochs", type=int, default=8)
    t.add_argument("--lr", type=float, default=2e-3)
    t.add_argument("--wd", type=float, default=1e-3, help="AdamW weight decay")
    t.add_argument("--dropout", type=float, default=0.1, help="on the standardised piece vectors")
    t.add_argument("--budget", type=float, default=0.01,
                   help="share of the toxic calibration news comments the line may pass")
    t.add_argument("--cap", type=float, default=0.05, help="toxic and insult ceiling where the gate is sure")
    t.add_argument("--margin", type=float, default=0.5,
                   help="how far under its line (in the gate's logit) the ceiling starts to fall")
    at = sub.add_parser("attach")
    at.add_argument("--model", required=True)
    at.add_argument("--gate", required=True)
    at.add_argument("--out", required=True)
    a = p.parse_args()
    {"rows": rows, "train": train, "attach": attach}[a.cmd](a)


if __name__ == "__main__":
    main()
