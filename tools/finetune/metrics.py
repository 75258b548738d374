"""ROC-AUC and F1 helpers (numpy only)."""
import numpy as np


def roc_auc(y, s):
    y = np.asarray(y)
    s = np.asarray(s, dtype=np.float64)
    pos, neg = (y == 1).sum(), (y == 0).sum()
    if pos == 0 or neg == 0:
        return None
    order = np.argsort(s, kind="mergesort")
    ranks = np.empty(len(s))
    ss = s[order]
    i = 0
    while i < len(ss):  # average ranks over ties
        j = i
        while j + 1 < len(ss) and ss[j + 1] == ss[i]:
            j += 1
        ranks[order[i:j + 1]] = (i + j) / 2.0 + 1
        i = j + 1
    return float((ranks[y == 1].sum() - pos * (pos + 1) / 2) / (pos * neg))


def f1(y, pred):
    y, pred = np.asarray(y), np.asarray(pred)
    tp = ((y == 1) & (pred == 1)).sum()
    fp = ((y == 0) & (pred == 1)).sum()
    fn = ((y == 1) & (pred == 0)).sum()
    return 0.0 if tp == 0 else float(2 * tp / (2 * tp + fp + fn))


def macro_f1_binary(y, s, t):
    p = (np.asarray(s) >= t).astype(int)
    y = np.asarray(y)
    return (f1(y, p) + f1(1 - y, 1 - p)) / 2


def best_threshold(y, s, fn=macro_f1_binary):
    cands = np.unique(np.round(np.asarray(s), 3))
    best = max(cands, key=lambda t: fn(y, s, t))
    return float(best), fn(y, s, best)


def macro_f1_multiclass(y, pred, k):
    y, pred = np.asarray(y), np.asarray(pred)
    return float(np.mean([f1((y == c).astype(int), (pred == c).astype(int)) for c in range(k)]))


def per_source_auc(rows, probs, categories, skip=()):
    """{(src, category): auc} over rows with both classes present."""
    out = {}
    srcs = sorted({r["src"] for r in rows})
    for src in srcs:
        if src in skip:
            continue
        idx = [i for i, r in enumerate(rows) if r["src"] == src]
        for ci, c in enumerate(categories):
            ys = [rows[i]["y"][ci] for i in idx if rows[i]["y"][ci] >= 0]
            ss = [probs[i][ci] for i in idx if rows[i]["y"][ci] >= 0]
            a = roc_auc(ys, ss) if ys else None
            if a is not None:
                out[(src, c)] = a
    return out
