"""Multi-task fine-tuning of all-MiniLM-L6-v2 on CPU (masked BCE over toxic, hate, insult, threat, obscene, spam).

The embeddings and the lower --frozen layers stay frozen: their outputs are computed once per text and cached
(fp16, resumable chunks); the upper layers and the head are trained on the cache for a few epochs with early
stopping on the dev splits (mean ROC-AUC over every (dataset, category) with both classes). Deterministic for a
given --seed; progress lines with ETA; --resume continues from WORK/ckpt.pt. --teacher distils: a trained network's
probabilities for every train row (java/OrtCheck.java teacher) become soft targets for all six categories, mixed
with the labels by --alpha.

usage: python3 train.py --work WORK_DIR [--frozen 4] [--epochs 2] [--seed 13] [--budget-min 85] [--resume]
"""
import argparse
import json
import math
import os
import random
import sys
import time

import numpy as np
import torch

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from metrics import per_source_auc  # noqa: E402
from minilm import CATEGORIES, Classifier, classifier_for, layers_in_onnx, load_onnx_weights  # noqa: E402

T0 = time.time()


def log(msg):
    print(f"[{time.strftime('%H:%M:%S')} +{(time.time() - T0) / 60:5.1f}m] {msg}", flush=True)


def fmt_eta(s):
    s = int(max(0, s))
    return f"{s // 3600}:{s % 3600 // 60:02d}:{s % 60:02d}"


def load_rows(work, split):
    with open(os.path.join(work, split + ".jsonl"), encoding="utf-8") as f:
        return [json.loads(l) for l in f]


def pad_ids(batch_ids):
    t = max(len(x) for x in batch_ids)
    ids = torch.zeros(len(batch_ids), t, dtype=torch.long)
    am = torch.zeros(len(batch_ids), t, dtype=torch.long)
    for i, x in enumerate(batch_ids):
        ids[i, : len(x)] = torch.tensor(x)
        am[i, : len(x)] = 1
    return ids, am


def pad_hidden(hs):
    t = max(h.shape[0] for h in hs)
    x = torch.zeros(len(hs), t, hs[0].shape[1])
    am = torch.zeros(len(hs), t, dtype=torch.long)
    for i, h in enumerate(hs):
        x[i, : h.shape[0]] = h.float()
        am[i, : h.shape[0]] = 1
    return x, am


def build_cache(model, rows, frozen, path_prefix, chunk=512, bs=64):
    """Hidden states after the frozen layers, one fp16 [len, 384] tensor per row; chunks are resumable."""
    out = [None] * len(rows)
    n_chunks = math.ceil(len(rows) / chunk)
    t0, done_new = time.time(), 0
    for c in range(n_chunks):
        p = f"{path_prefix}.{c}.pt"
        lo, hi = c * chunk, min(len(rows), (c + 1) * chunk)
        if os.path.exists(p):
            part = torch.load(p)
        else:
            idx = sorted(range(lo, hi), key=lambda i: len(rows[i]["ids"]))
            part = [None] * (hi - lo)
            with torch.no_grad():
                for b in range(0, len(idx), bs):
                    bi = idx[b: b + bs]
                    ids, am = pad_ids([rows[i]["ids"] for i in bi])
                    h = model.encoder.run_layers(model.encoder.embed(ids), am, 0, frozen)
                    for k, i in enumerate(bi):
                        part[i - lo] = h[k, : len(rows[i]["ids"])].to(torch.float16).clone()
            torch.save(part, p + ".tmp")
            os.replace(p + ".tmp", p)
            done_new += hi - lo
            rate = (time.time() - t0) / done_new
            log(f"cache {os.path.basename(path_prefix)} {hi}/{len(rows)}  {rate * 1000:.0f} ms/text  "
                f"ETA {fmt_eta(rate * (len(rows) - hi))}")
        out[lo:hi] = part
    return out


def batches_for_epoch(rows, bs, seed, epoch):
    rng = random.Random(seed * 1000 + epoch)
    idx = list(range(len(rows)))
    rng.shuffle(idx)
    groups = [sorted(idx[i: i + bs * 50], key=lambda j: len(rows[j]["ids"])) for i in range(0, len(idx), bs * 50)]
    bl = [g[i: i + bs] for g in groups for i in range(0, len(g), bs)]
    rng.shuffle(bl)
    return bl


SPAM = CATEGORIES.index("spam")


def window_logits(model, hs, frozen, owners, n_rows):
    """Logits per row from its windows' hidden states: each abuse category takes its strongest window (as
    TransformerStage reads a long comment), spam the head's (owners[k] is window k's row; heads come first)."""
    x, am = pad_hidden(hs)
    lg = model.logits_from(model.encoder.run_layers(x, am, frozen, len(model.encoder.layers)), am)
    if len(hs) == n_rows:
        return lg
    head, rest = lg[:n_rows], lg[n_rows:]
    abuse = torch.ones(len(CATEGORIES), dtype=torch.bool)
    abuse[SPAM] = False
    out = head.clone()
    for k, i in enumerate(owners[n_rows:]):
        out[i, abuse] = torch.maximum(out[i, abuse], rest[k, abuse])
    return out


def batch_windows(bi, heads, tails):
    """Hidden states of the rows bi (heads first, then the tails of the long ones) and each window's row in bi."""
    hs, owners = [heads[i] for i in bi], list(range(len(bi)))
    for j, i in enumerate(bi):
        if tails.get(i) is not None:
            hs.append(tails[i])
            owners.append(j)
    return hs, owners


def predict_cached(model, cache, frozen, tails=None, bs=128):
    model.eval()
    tails = tails or {}
    order = sorted(range(len(cache)), key=lambda i: cache[i].shape[0])
    probs = np.zeros((len(cache), len(CATEGORIES)), dtype=np.float32)
    with torch.no_grad():
        for b in range(0, len(order), bs):
            bi = order[b: b + bs]
            hs, owners = batch_windows(bi, cache, tails)
            probs[bi] = torch.sigmoid(window_logits(model, hs, frozen, owners, len(bi))).numpy()
    model.train()
    return probs


def tail_cache(model, rows, frozen, path_prefix, windows):
    """Row index -> hidden states of its last window, for rows longer than one window (windows 2 only)."""
    if windows < 2:
        return {}
    idx = [i for i, r in enumerate(rows) if r.get("tail")]
    hs = build_cache(model, [{"ids": rows[i]["tail"]} for i in idx], frozen, path_prefix) if idx else []
    return dict(zip(idx, hs))


def dev_score(rows, probs):
    aucs = per_source_auc(rows, probs, CATEGORIES, skip=("olid",))
    return float(np.mean(list(aucs.values()))), aucs


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--work", required=True)
    ap.add_argument("--weights", default="/tmp/ft/jar/all-minilm-l6-v2.onnx")
    ap.add_argument("--init", help="start from this Classifier state (upper.py dequantize) instead of --weights")
    ap.add_argument("--frozen", type=int, default=4, help="embeddings + this many lower layers stay frozen (cached)")
    ap.add_argument("--layers", type=int, default=0, help="keep only the lower N pretrained layers (0: all)")
    ap.add_argument("--epochs", type=int, default=2)
    ap.add_argument("--bs", type=int, default=32)
    ap.add_argument("--lr", type=float, default=1e-4)
    ap.add_argument("--head-lr", type=float, default=2e-3)
    ap.add_argument("--seed", type=int, default=13)
    ap.add_argument("--evals-per-epoch", type=int, default=3)
    ap.add_argument("--patience", type=int, default=3)
    ap.add_argument("--budget-min", type=float, default=85.0, help="stop training (keeping the best) past this")
    ap.add_argument("--threads", type=int, default=2)
    ap.add_argument("--resume", action="store_true")
    ap.add_argument("--teacher", help="soft targets to distil from: one line of category probabilities per train row "
                                     "(java/OrtCheck.java teacher MODEL.onnx WORK/train.jsonl FILE)")
    ap.add_argument("--alpha", type=float, default=0.5,
                    help="with --teacher: weight of the labels' loss; the teacher's takes the rest")
    ap.add_argument("--trust-labels", default="",
                    help="with --teacher: comma-separated sources whose labels replace the teacher's probability where "
                         "they exist (hand-written rows teach what the teacher gets wrong); none by default")
    ap.add_argument("--windows", type=int, default=1, choices=(1, 2),
                    help="2: a long comment is also read at its last window, abuse categories take the max "
                         "(trains what TransformerStage does with \"windows\": 2)")
    a = ap.parse_args()

    torch.set_num_threads(a.threads)
    random.seed(a.seed)
    np.random.seed(a.seed)
    torch.manual_seed(a.seed)
    try:
        torch.use_deterministic_algorithms(True)
    except Exception:  # noqa: BLE001
        pass

    train, dev = load_rows(a.work, "train"), load_rows(a.work, "dev")
    log(f"train {len(train)} rows, dev {len(dev)} rows; frozen embeddings + {a.frozen} layers; seed {a.seed}")
    # --layers N keeps the pretrained encoder's lower N layers only: a shallower, faster network (issue 12's throughput)
    if a.init:  # a trained network read back (upper.py dequantize): its head too
        model = classifier_for(torch.load(a.init))
    else:
        model = Classifier(a.layers or layers_in_onnx(a.weights))
        load_onnx_weights(model.encoder, a.weights)
        torch.nn.init.normal_(model.head.weight, std=0.02)
        torch.nn.init.zeros_(model.head.bias)
    model.eval()
    cdir = os.path.join(a.work, "cache")
    os.makedirs(cdir, exist_ok=True)
    tc = time.time()
    ctrain = build_cache(model, train, a.frozen, os.path.join(cdir, f"train.L{a.frozen}"))
    cdev = build_cache(model, dev, a.frozen, os.path.join(cdir, f"dev.L{a.frozen}"))
    ttrain = tail_cache(model, train, a.frozen, os.path.join(cdir, f"train.tail.L{a.frozen}"), a.windows)
    tdev = tail_cache(model, dev, a.frozen, os.path.join(cdir, f"dev.tail.L{a.frozen}"), a.windows)
    log(f"windows {a.windows}: {len(ttrain)} train and {len(tdev)} dev rows have a second window")
    log(f"cache ready in {(time.time() - tc) / 60:.1f} min")

    for p in model.parameters():
        p.requires_grad = False
    trainable = [p for i in range(a.frozen, len(model.encoder.layers)) for p in model.encoder.layers[i].parameters()]
    for p in trainable + list(model.head.parameters()):
        p.requires_grad = True
    opt = torch.optim.AdamW([{"params": trainable, "lr": a.lr},
                             {"params": list(model.head.parameters()), "lr": a.head_lr}], weight_decay=0.01)
    steps_per_epoch = math.ceil(len(train) / a.bs)
    total = steps_per_epoch * a.epochs
    warm = max(1, int(0.06 * total))
    sched = torch.optim.lr_scheduler.LambdaLR(
        opt, lambda s: (s + 1) / warm if s < warm else max(0.02, (total - s) / max(1, total - warm)))
    eval_every = max(1, steps_per_epoch // a.evals_per_epoch)

    state = {"step": 0, "best": -1.0, "best_step": 0, "bad": 0, "history": [], "train_s": 0.0}
    ck = os.path.join(a.work, "ckpt.pt")
    if a.resume and os.path.exists(ck):
        c = torch.load(ck)
        model.load_state_dict(c["model"])
        opt.load_state_dict(c["opt"])
        sched.load_state_dict(c["sched"])
        state = c["state"]
        torch.set_rng_state(c["torch_rng"])
        log(f"resumed at step {state['step']} (best dev {state['best']:.4f} at {state['best_step']})")
    y_all = torch.tensor([r["y"] for r in train], dtype=torch.float32)
    w_all = torch.tensor([r["w"] for r in train], dtype=torch.float32)
    soft_all = None
    if a.teacher:
        soft_all = torch.from_numpy(np.loadtxt(a.teacher, dtype=np.float32)).reshape(len(train), len(CATEGORIES))
        noisy = os.path.join(a.work, "noisy.txt")
        if os.path.exists(noisy):  # a disguised copy learns the teacher's scores for its clean original
            pairs = np.loadtxt(noisy, dtype=np.int64).reshape(-1, 2)
            soft_all[torch.from_numpy(pairs[:, 0])] = soft_all[torch.from_numpy(pairs[:, 1])]
            log(f"{len(pairs)} disguised copies take their originals' teacher scores")
        trusted = set(filter(None, a.trust_labels.split(",")))
        rows = [i for i, r in enumerate(train) if r["src"] in trusted]
        if rows:
            idx = torch.tensor(rows)
            soft_all[idx] = torch.where(y_all[idx] >= 0, y_all[idx], soft_all[idx])
        log(f"distilling from {a.teacher}: labels weigh {a.alpha}, the teacher {1 - a.alpha:.2f}; "
            f"{len(rows)} rows of {sorted(trusted)} keep their own labels as soft targets")
    model.train()
    t_start, step0, run_loss, stop = time.time(), state["step"], 0.0, False
    while state["step"] < total and not stop:
        epoch = state["step"] // steps_per_epoch
        bl = batches_for_epoch(train, a.bs, a.seed, epoch)
        for bi in bl[state["step"] % steps_per_epoch:]:
            hs, owners = batch_windows(bi, ctrain, ttrain)
            y, w = y_all[bi], w_all[bi]
            lg = window_logits(model, hs, a.frozen, owners, len(bi))
            mask = (y >= 0).float() * w[:, None]
            bce = torch.nn.functional.binary_cross_entropy_with_logits(lg, y.clamp(min=0), reduction="none")
            # masked loss, averaged per category so that rare heads (threat, spam) are not drowned out
            per_cat = (bce * mask).sum(0) / mask.sum(0).clamp(min=1e-6)
            loss = per_cat[mask.sum(0) > 0].mean()
            if soft_all is not None:
                # every category of every row has the teacher's probability, also where the dataset has no label
                soft = torch.nn.functional.binary_cross_entropy_with_logits(lg, soft_all[bi], reduction="none")
                soft_loss = ((soft * w[:, None]).sum(0) / w.sum().clamp(min=1e-6)).mean()
                loss = a.alpha * loss + (1 - a.alpha) * soft_loss
            opt.zero_grad()
            loss.backward()
            torch.nn.utils.clip_grad_norm_(trainable + list(model.head.parameters()), 1.0)
            opt.step()
            sched.step()
            state["step"] += 1
            run_loss = 0.98 * run_loss + 0.02 * loss.item() if state["step"] > step0 + 1 else loss.item()
            s = state["step"]
            if s % 10 == 0 or s == total:
                el = time.time() - t_start
                per = el / max(1, s - step0)
                log(f"epoch {epoch + 1}/{a.epochs} step {s}/{total} loss {run_loss:.4f} "
                    f"{per / a.bs * 1000:.0f} ms/example ETA {fmt_eta(per * (total - s))}")
            if s % eval_every == 0 or s == total:
                te = time.time()
                probs = predict_cached(model, cdev, a.frozen, tdev)
                score, aucs = dev_score(dev, probs)
                state["history"].append({"step": s, "dev_auc": score, "eval_s": time.time() - te})
                log(f"dev mean AUC {score:.4f} at step {s} (" + ", ".join(
                    f"{k[0][:8]}/{k[1]}={v:.3f}" for k, v in sorted(aucs.items())) + ")")
                if score > state["best"]:
                    state["best"], state["best_step"], state["bad"] = score, s, 0
                    torch.save(model.state_dict(), os.path.join(a.work, "best.pt"))
                    log(f"new best {score:.4f} -> best.pt")
                else:
                    state["bad"] += 1
                torch.save({"model": model.state_dict(), "opt": opt.state_dict(), "sched": sched.state_dict(),
                            "state": state, "torch_rng": torch.get_rng_state()}, ck + ".tmp")
                os.replace(ck + ".tmp", ck)
                if state["bad"] >= a.patience:
                    log(f"early stop: no dev gain for {a.patience} evaluations")
                    stop = True
                elif (time.time() - T0) / 60 + (time.time() - t_start) / max(1, s - step0) * eval_every / 60 \
                        > a.budget_min:
                    log(f"time budget of {a.budget_min} min reached: stopping with the best checkpoint")
                    stop = True
                if stop:
                    break
        if state["step"] % steps_per_epoch != 0 and not stop:
            break
    log(f"done: best dev mean AUC {state['best']:.4f} at step {state['best_step']}; "
        f"total wall {(time.time() - T0) / 60:.1f} min")
    with open(os.path.join(a.work, "train_summary.json"), "w") as f:
        json.dump({"best_dev_auc": state["best"], "best_step": state["best_step"], "steps": state["step"],
                   "wall_min": (time.time() - T0) / 60, "history": state["history"], "args": vars(a)}, f, indent=1)


if __name__ == "__main__":
    main()
