"""Selects and tokenizes the fine-tuning data: a balanced, deterministic subset of the train splits, capped dev
splits for early stopping, and the test splits used for the report.

usage: python3 prepare.py --out WORK_DIR [--seed 13] [--scale 1.0] [--max-len 64]

Labels: heads toxic, hate, insult, threat, obscene, spam; -1 = not annotated (masked in the loss).
'offensive'=1 and hate/insult/threat/obscene=1 imply toxic=1 where the source does not annotate toxic.
Never trained on: olid, hateval2019, stormfront, gab_hate_corpus (licences) -- test splits only (olid dev is used
only to pick the OLID decision threshold, never for training or early stopping).
"""
import argparse
import hashlib
import json
import os
import random
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from minilm import CATEGORIES, WordPiece  # noqa: E402
from noise import noisy_copies  # noqa: E402

DATA = "/work/shared/datasets"
REPO = os.path.abspath(os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", ".."))
AUGMENT = os.path.join(REPO, "src/main/resources/parley/augment/parley_augment.jsonl")
TRAIN_SETS = ["davidson2017", "hatexplain", "implicit_hate", "youtube_spam", "jigsaw_toxic_subset",
              "civil_comments_ccc", "toxic_spans", "fox_news_comments", "parley_augment"]
EVAL_ONLY = ["olid", "hateval2019", "stormfront", "gab_hate_corpus"]
# train rows per source at --scale 1 (rare-category positives are taken first), and loss weight per example
CAPS = {"davidson2017": 1400, "hatexplain": 1800, "implicit_hate": 1200, "youtube_spam": 600,
        "jigsaw_toxic_subset": 1800, "civil_comments_ccc": 1400, "toxic_spans": 400, "fox_news_comments": 1206,
        "parley_augment": 4000}
# news-site comments are never promotion: an absent spam label there means "not spam" (as in the Java trainer's
# Corpus.NEWS), so the spam head sees long civil comments as negatives, not only YouTube's short ones
NEWS = {"civil_comments_ccc", "toxic_spans", "fox_news_comments"}
WEIGHTS = {"fox_news_comments": 1.5, "civil_comments_ccc": 1.5, "parley_augment": 2.0}
RARE = ["threat", "spam", "obscene", "insult", "hate", "toxic"]  # priority order for "all positives first"
DEV_CAP = 200
# test rows per set for the report (full split where the issue names a bar)
TEST_CAP = {"olid": 10**9, "hatexplain": 10**9, "davidson2017": 10**9, "jigsaw_toxic_subset": 10**9,
            "civil_comments_ccc": 10**9, "hateval2019": 500, "stormfront": 500, "gab_hate_corpus": 500,
            "implicit_hate": 500, "youtube_spam": 10**9, "fox_news_comments": 10**9}


def hash_split(key):
    v = int(hashlib.sha256(key.encode("utf-8")).hexdigest()[:8], 16) % 10
    return "train" if v <= 7 else "dev" if v == 8 else "test"


def label_vector(labels):
    y = [labels.get(c, -1) for c in CATEGORIES]
    if "toxic" not in labels and any(labels.get(k) == 1 for k in ("offensive", "hate", "insult", "threat", "obscene")):
        y[0] = 1
    return [int(v) for v in y]


def read(name):
    path = AUGMENT if name == "parley_augment" else os.path.join(DATA, name, name + ".jsonl")
    rows = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            r = json.loads(line)
            if not r.get("labels"):
                continue
            split = r.get("split") or "train"  # parley_augment: every row is used for training
            y = label_vector(r["labels"])
            if name in NEWS and y[CATEGORIES.index("spam")] == -1:
                y[CATEGORIES.index("spam")] = 0
            rows.append({"src": name, "id": str(r["id"]), "text": r["text"], "split": split,
                         "y": y, "meta": r.get("meta", {})})
    return rows


def stable_key(seed, r):
    return hashlib.sha256(f"{seed}:{r['src']}:{r['id']}".encode()).hexdigest()


def select_train(rows, cap, seed):
    rows = sorted(rows, key=lambda r: stable_key(seed, r))
    chosen, seen = [], set()
    for cat in RARE:  # all positives of rare categories first (up to half the cap each pass)
        ci = CATEGORIES.index(cat)
        for r in rows:
            if len(chosen) >= cap // 2:
                break
            if r["y"][ci] == 1 and r["id"] not in seen:
                chosen.append(r)
                seen.add(r["id"])
    for r in rows:
        if len(chosen) >= cap:
            break
        if r["id"] not in seen:
            chosen.append(r)
            seen.add(r["id"])
    return chosen


def tail_window(wp, text, max_len):
    """The last max_len - 2 word pieces of a longer text, as TransformerStage reads its last window; None if short."""
    full = wp.encode(text)
    if len(full) <= max_len:
        return None
    return [full[0]] + full[-(max_len - 1):-1] + [full[-1]]


def add_beside(train, wp, a):
    """Attacks written blind (rows/*-blind.jsonl: threats and look-alikes, hate and look-alikes, insults at people)
    again with a complaint about a thing (the "thing" rows of target-thing-person-blind.jsonl) or an ordinary
    civil_comments_ccc train comment before them (three in four) or after them. The network read "The manager should be
    strung up from the crossbar." as a threat alone and not after a line about the match: its mean over the window was
    mostly the complaint's. A copy keeps its attack's labels; the teacher's soft targets for it are the strongest of
    its two parts' (upper.py strongest), so that it learns a comment is as bad as its worst sentence. Rows that share
    five words in a row with a functional check are left out, as in category_head.py."""
    from category_head import check_runs, complaints, five_word_runs
    checks = check_runs()
    blind = os.path.join(os.path.dirname(os.path.abspath(__file__)), "rows")
    attacks, things = [], complaints(checks)
    for name in sorted(os.listdir(blind)):
        with open(os.path.join(blind, name), encoding="utf-8") as f:
            for r in map(json.loads, f):
                if r.get("kind") != "thing" and not five_word_runs(r["text"]) & checks:
                    attacks.append((r["text"], label_vector({c: r[c] for c in CATEGORIES if c in r})))
    ordinary = sorted((r["text"] for r in read("civil_comments_ccc") if r["split"] == "train" and r["y"][0] == 0
                       and len(r["text"]) < 160), key=lambda t: hashlib.sha1(f"{a.seed}o{t}".encode()).hexdigest())
    things.sort(key=lambda t: hashlib.sha1(f"{a.seed}t{t}".encode()).hexdigest())
    parts, pairs = [], []
    for i, (text, y) in enumerate(attacks):
        other = things[(i // 2) % len(things)] if i % 2 == 0 else ordinary[(i // 2) % len(ordinary)]
        joined = other + " " + text if i % 4 != 3 else text + " " + other
        pairs.append((len(train), len(parts), len(parts) + 1))
        parts += [{"ids": wp.encode(text, max_len=a.max_len)}, {"ids": wp.encode(other, max_len=a.max_len)}]
        train.append({"src": "beside", "id": f"beside-{i}", "text": joined, "y": y, "w": 1.0, "meta": {}})
    # as many copies of two harmless parts (a complaint or an ordinary comment, then another ordinary comment): without
    # them four in ten two-part comments were threats, and the network learnt that a second sentence is one
    plain = [-1] * len(CATEGORIES)
    plain[CATEGORIES.index("threat")] = plain[CATEGORIES.index("hate")] = 0
    for i in range(len(attacks) if a.beside_plain else 0):
        first = things[(i * 7 + 1) % len(things)] if i % 2 == 0 else ordinary[(i * 3 + 1) % len(ordinary)]
        second = ordinary[(i * 5 + 2) % len(ordinary)]
        pairs.append((len(train), len(parts), len(parts) + 1))
        parts += [{"ids": wp.encode(first, max_len=a.max_len)}, {"ids": wp.encode(second, max_len=a.max_len)}]
        train.append({"src": "beside", "id": f"beside-plain-{i}", "text": first + " " + second, "y": plain, "w": 1.0,
                      "meta": {}})
    with open(os.path.join(a.out, "beside.txt"), "w") as f:
        f.writelines(f"{r} {p} {q}\n" for r, p, q in pairs)
    with open(os.path.join(a.out, "beside-parts.jsonl"), "w") as f:
        f.writelines(json.dumps(p) + "\n" for p in parts)
    print(f"beside: {len(pairs)} copies ({len(things)} complaints, {len(ordinary)} ordinary comments beside them)")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--out", required=True)
    ap.add_argument("--seed", type=int, default=13)
    ap.add_argument("--scale", type=float, default=1.0)
    ap.add_argument("--max-len", type=int, default=64)
    ap.add_argument("--max-chars", type=int, default=4000, help="as TransformerStage.MAX_CHARS: the text windows read")
    ap.add_argument("--cap", action="append", default=[], metavar="SOURCE=ROWS",
                    help="train rows for one source, overriding CAPS x --scale (repeatable)")
    ap.add_argument("--tokenizer", default="/tmp/ft/jar/all-minilm-l6-v2-tokenizer.json")
    ap.add_argument("--base", default=None,
                    help="earlier WORK dir: keep its rows first and in order (so its cached chunks stay valid), "
                         "add the rows this --scale selects beyond them")
    ap.add_argument("--beside", action="store_true",
                    help="add each blind attack row again beside a complaint or an ordinary comment, after the other "
                         "rows; WORK/beside.txt and beside-parts.jsonl name each copy's two parts (add_beside)")
    ap.add_argument("--beside-plain", action="store_true",
                    help="with --beside: as many copies of two harmless parts (threat and hate 0)")
    ap.add_argument("--noisy", default=None, metavar="POS,NEG",
                    help="add disguised copies (noise.py) of this share of train rows with an abuse label and of the "
                         "others, after all other rows; WORK/noisy.txt names each copy's original row")
    a = ap.parse_args()
    caps = {name: int(CAPS[name] * a.scale) if name != "parley_augment" else CAPS[name] for name in CAPS}
    for spec in a.cap:
        name, rows = spec.split("=")
        if name not in CAPS:
            ap.error(f"--cap {spec}: unknown source {name}")
        caps[name] = int(rows)
    os.makedirs(a.out, exist_ok=True)
    wp = WordPiece(a.tokenizer)
    out = {"train": [], "dev": [], "test": []}
    for name in TRAIN_SETS + EVAL_ONLY:
        rows = read(name)
        if name in TRAIN_SETS:
            tr = select_train([r for r in rows if r["split"] == "train"], caps[name], a.seed)
            for r in tr:
                r["w"] = WEIGHTS.get(name, 1.0)
            out["train"] += tr
        if name in TRAIN_SETS or name == "olid":
            dv = sorted([r for r in rows if r["split"] == "dev"], key=lambda r: stable_key(a.seed, r))[:DEV_CAP * (2 if name == "olid" else 1)]
            out["dev"] += dv
        if name in TEST_CAP:
            te = sorted([r for r in rows if r["split"] == "test"], key=lambda r: stable_key(a.seed, r))[:TEST_CAP[name]]
            out["test"] += te
    if a.base:
        base = {}
        for split in out:
            with open(os.path.join(a.base, split + ".jsonl"), encoding="utf-8") as f:
                base[split] = [json.loads(l) for l in f]
        seen = {(r["src"], r["id"]) for r in base["train"]}
        out["train"] = base["train"] + [r for r in out["train"] if (r["src"], r["id"]) not in seen]
        out["dev"], out["test"] = base["dev"], base["test"]
    if a.beside:
        add_beside(out["train"], wp, a)
    if a.noisy:
        pos, neg = (float(x) for x in a.noisy.split(","))
        copies, originals = noisy_copies(out["train"], pos, neg, a.seed, CATEGORIES)
        with open(os.path.join(a.out, "noisy.txt"), "w") as f:
            first = len(out["train"])
            f.writelines(f"{first + k} {o}\n" for k, o in enumerate(originals))
        out["train"] += copies
    for split, rows in out.items():
        for r in rows:
            if "ids" not in r:
                r["ids"] = wp.encode(r["text"], max_len=a.max_len)
            if "tail" not in r:
                r["tail"] = tail_window(wp, r["text"][: a.max_chars], a.max_len)
            r.setdefault("w", 1.0)
        with open(os.path.join(a.out, split + ".jsonl"), "w", encoding="utf-8") as f:
            for r in rows:
                f.write(json.dumps({k: r[k] for k in ("src", "id", "text", "y", "w", "ids", "tail", "meta")}) + "\n")
        by = {}
        for r in rows:
            s = by.setdefault(r["src"], [0] + [0] * len(CATEGORIES))
            s[0] += 1
            for i, v in enumerate(r["y"]):
                s[i + 1] += v == 1
        ntok = sum(len(r["ids"]) for r in rows)
        print(f"{split}: {len(rows)} rows, mean {ntok / max(1, len(rows)):.1f} word pieces")
        for src, s in by.items():
            print(f"   {src:22s} {s[0]:6d}  pos " + " ".join(f"{c}={n}" for c, n in zip(CATEGORIES, s[1:]) if n))


if __name__ == "__main__":
    main()
