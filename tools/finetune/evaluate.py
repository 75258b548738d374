"""Test-split report for a fine-tuned checkpoint: ROC-AUC per dataset and category, OLID macro-F1 (offensive vs not
from the toxic probability), HateXplain 3-class macro-F1 (hate / offensive / normal from the hate and toxic
probabilities), thresholds picked on dev splits (OLID dev = bucket 8 of the official train split, used for the
threshold only), plus the test-optimal ("oracle") thresholds for reference. Python inference ms per comment.

usage: python3 evaluate.py --work WORK_DIR [--ckpt WORK_DIR/best.pt] [--frozen 4]
writes WORK_DIR/report.json and WORK_DIR/test_probs.npy
"""
import argparse
import json
import os
import sys
import time

import numpy as np
import torch

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from metrics import best_threshold, macro_f1_binary, macro_f1_multiclass, per_source_auc  # noqa: E402
from minilm import CATEGORIES, classifier_for  # noqa: E402
from train import build_cache, load_rows, log, pad_ids, predict_cached  # noqa: E402


def predict_full(model, rows, bs=64):
    order = sorted(range(len(rows)), key=lambda i: len(rows[i]["ids"]))
    probs = np.zeros((len(rows), len(CATEGORIES)), dtype=np.float32)
    t0 = time.time()
    with torch.no_grad():
        for b in range(0, len(order), bs):
            bi = order[b: b + bs]
            ids, am = pad_ids([rows[i]["ids"] for i in bi])
            probs[bi] = torch.sigmoid(model(ids, am)).numpy()
            if (b // bs) % 20 == 0:
                done = b + len(bi)
                log(f"test {done}/{len(rows)} ETA {(time.time() - t0) / done * (len(rows) - done):.0f} s")
    return probs


def hx_pred(p_toxic, p_hate, th, tt):
    return np.where(p_hate >= th, 2, np.where(p_toxic >= tt, 1, 0))


def hx_label(r):
    if r["y"][1] == 1:
        return 2
    return 1 if r["y"][0] == 1 else 0


def fit_hx(y, pt, ph):
    grid = np.round(np.arange(0.05, 0.96, 0.05), 2)
    best = max(((th, tt) for th in grid for tt in grid),
               key=lambda p: macro_f1_multiclass(y, hx_pred(pt, ph, *p), 3))
    return best, macro_f1_multiclass(y, hx_pred(pt, ph, *best), 3)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--work", required=True)
    ap.add_argument("--ckpt", default=None)
    ap.add_argument("--frozen", type=int, default=4)
    ap.add_argument("--threads", type=int, default=2)
    a = ap.parse_args()
    torch.set_num_threads(a.threads)
    model = classifier_for(torch.load(a.ckpt or os.path.join(a.work, "best.pt")))
    model.eval()
    dev, test = load_rows(a.work, "dev"), load_rows(a.work, "test")
    cdev = build_cache(model, dev, a.frozen, os.path.join(a.work, "cache", f"dev.L{a.frozen}"))
    pdev = predict_cached(model, cdev, a.frozen)
    model.eval()
    # the frozen lower layers are those of the pretrained model: their outputs for the test texts are cached
    # (and may be precomputed while training runs); the trained upper layers run on the cache
    ctest = build_cache(model, test, a.frozen, os.path.join(a.work, "cache", f"test.L{a.frozen}"))
    ptest = predict_cached(model, ctest, a.frozen)
    model.eval()
    np.save(os.path.join(a.work, "test_probs.npy"), ptest)
    np.save(os.path.join(a.work, "dev_probs.npy"), pdev)
    rep = {"test_auc": {}, "dev_auc": {}}
    for (src, c), v in sorted(per_source_auc(test, ptest, CATEGORIES).items()):
        rep["test_auc"].setdefault(src, {})[c] = round(v, 4)
    for (src, c), v in sorted(per_source_auc(dev, pdev, CATEGORIES).items()):
        rep["dev_auc"].setdefault(src, {})[c] = round(v, 4)
    rep["test_rows"] = {s: sum(r["src"] == s for r in test) for s in sorted({r["src"] for r in test})}

    # OLID: offensive vs not from p(toxic)
    di = [i for i, r in enumerate(dev) if r["src"] == "olid"]
    ti = [i for i, r in enumerate(test) if r["src"] == "olid"]
    yd, sd = [dev[i]["y"][0] for i in di], pdev[di, 0]
    yt, st = [test[i]["y"][0] for i in ti], ptest[ti, 0]
    t_dev, _ = best_threshold(yd, sd)
    t_or, f_or = best_threshold(yt, st)
    rep["olid"] = {"macro_f1_dev_threshold": round(macro_f1_binary(yt, st, t_dev), 4), "threshold_dev": t_dev,
                   "macro_f1_test_oracle_threshold": round(f_or, 4), "threshold_oracle": t_or,
                   "macro_f1_at_0.5": round(macro_f1_binary(yt, st, 0.5), 4)}
    # HateXplain 3-class
    di = [i for i, r in enumerate(dev) if r["src"] == "hatexplain"]
    ti = [i for i, r in enumerate(test) if r["src"] == "hatexplain"]
    yd = np.array([hx_label(dev[i]) for i in di])
    yt = np.array([hx_label(test[i]) for i in ti])
    (th, tt), _ = fit_hx(yd, pdev[di, 0], pdev[di, 1])
    (oth, ott), of = fit_hx(yt, ptest[ti, 0], ptest[ti, 1])
    rep["hatexplain_3class"] = {
        "macro_f1_dev_thresholds": round(macro_f1_multiclass(yt, hx_pred(ptest[ti, 0], ptest[ti, 1], th, tt), 3), 4),
        "thresholds_dev": [float(th), float(tt)], "macro_f1_test_oracle": round(of, 4),
        "thresholds_oracle": [float(oth), float(ott)]}
    # mean AUCs named by the issue
    jig = rep["test_auc"].get("jigsaw_toxic_subset", {})
    rep["jigsaw_mean_auc"] = round(float(np.mean(list(jig.values()))), 4) if jig else None
    rep["davidson_hate_auc"] = rep["test_auc"].get("davidson2017", {}).get("hate")
    rep["ccc_toxic_auc"] = rep["test_auc"].get("civil_comments_ccc", {}).get("toxic")

    # Python inference, one comment per call (2 threads), on 100 test texts
    sample = test[::max(1, len(test) // 100)][:100]
    with torch.no_grad():
        for r in sample[:5]:
            model(*pad_ids([r["ids"]]))
        t0 = time.time()
        for r in sample:
            model(*pad_ids([r["ids"]]))
    rep["python_ms_per_comment_batch1"] = round((time.time() - t0) / len(sample) * 1000, 1)
    rep["python_ms_per_comment_mean_wordpieces"] = round(float(np.mean([len(r["ids"]) for r in sample])), 1)
    with open(os.path.join(a.work, "report.json"), "w") as f:
        json.dump(rep, f, indent=1)
    print(json.dumps(rep, indent=1))


if __name__ == "__main__":
    main()
