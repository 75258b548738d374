"""Checks the Python re-implementation against the Java stack the product uses:
1. tokenizer ids vs DJL HuggingFaceTokenizer (same tokenizer JSON) on varied texts -- any mismatch is a defect;
2. torch encoder mean-pooled output vs the fp32 ONNX model run by ONNX Runtime for Java (cosine > 0.9999).

usage: python3 verify_base.py --weights ENCODER.onnx --cp CLASSPATH_FILE [--n 300]
"""
import argparse
import json
import os
import random
import subprocess
import sys

import torch

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from minilm import MiniLM, WordPiece, layers_in_onnx, load_onnx_weights, mean_pool  # noqa: E402

HERE = os.path.dirname(os.path.abspath(__file__))
DATA = "/work/shared/datasets"
EXTRA = ["Café naïve résumé Ångström façade", "日本語のテキスト and 中文 mixed", "emoji 😀🔥 test 👍🏽", "tab\tnew\nline\r\n",
         "zero\u200bwidth\u00adsoft", "ALL CAPS SHOUTING!!!", "f*ck th!s sh1t @user #hashtag http://x.co/abc?q=1",
         "Ｆｕｌｌｗｉｄｔｈ ｔｅｘｔ", "Ελληνικά Русский עברית العربية", "a" * 150 + " b", "don't won't it's y'all",
         "$100 <b>html</b> ~tilde~ ^caret^ `back` |pipe|", "…“smart quotes” — em-dash ‐ hyphen", "\u0000nul\ufffdrepl",
         "Straße ß ǅ ﬁ ligature", "x" * 101, "supercalifragilisticexpialidocious antidisestablishmentarianism"]


def sample_texts(n, seed=1):
    rng = random.Random(seed)
    texts = list(EXTRA)
    names = sorted(d for d in os.listdir(DATA) if os.path.isdir(os.path.join(DATA, d)))
    per = max(1, (n - len(texts)) // len(names))
    for name in names:
        with open(os.path.join(DATA, name, name + ".jsonl"), encoding="utf-8") as f:
            rows = [json.loads(l)["text"] for l in f]
        texts += rng.sample(rows, min(per, len(rows)))
    return texts


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--weights", default="/tmp/ft/jar/all-minilm-l6-v2.onnx", help="the pretrained ONNX encoder")
    ap.add_argument("--cp", default="/tmp/ft/cp.txt")
    ap.add_argument("--n", type=int, default=300)
    ap.add_argument("--work", default="/tmp/ft/verify")
    a = ap.parse_args()
    os.makedirs(a.work, exist_ok=True)
    tj = "/tmp/ft/jar/all-minilm-l6-v2-tokenizer.json"  # bge-small and e5-small ship the same vocabulary and rules
    texts = sample_texts(a.n)
    with open(os.path.join(a.work, "texts.jsonl"), "w", encoding="utf-8") as f:
        for t in texts:
            f.write(json.dumps(t) + "\n")
    cp = open(a.cp).read().strip()
    java = os.environ.get("JAVA", "/usr/lib/jvm/temurin-25-jdk-amd64/bin/java")
    src = os.path.join(HERE, "java", "OrtCheck.java")
    subprocess.run([java, "-cp", cp, src, "tokenize", tj, os.path.join(a.work, "texts.jsonl"),
                    os.path.join(a.work, "djl_ids.txt")], check=True)
    djl = [[int(x) for x in l.split()] for l in open(os.path.join(a.work, "djl_ids.txt"))]
    wp = WordPiece(tj)
    bad = 0
    for t, d in zip(texts, djl):
        mine = wp.encode(t, max_len=len(d) if len(d) >= 128 else None)
        if mine != d:
            bad += 1
            print("MISMATCH", repr(t[:80]), mine[:20], d[:20])
    print(f"tokenizer: {len(texts) - bad}/{len(texts)} identical to DJL")

    # encoder check on 40 texts (batch 1 through ORT)
    sub = djl[:40]
    with open(os.path.join(a.work, "ids.txt"), "w") as f:
        for ids in sub:
            f.write(" ".join(map(str, ids)) + "\n")
    subprocess.run([java, "-cp", cp, src, "run", a.weights,
                    os.path.join(a.work, "ids.txt"), os.path.join(a.work, "ort_out.txt")], check=True)
    ort = [[float(x) for x in l.split()] for l in open(os.path.join(a.work, "ort_out.txt"))]
    m = load_onnx_weights(MiniLM(layers_in_onnx(a.weights)), a.weights).eval()
    worst = 1.0
    with torch.no_grad():
        for ids, o in zip(sub, ort):
            x = torch.tensor([ids])
            am = torch.ones_like(x)
            e = mean_pool(m(x, am), am)[0]
            cos = torch.nn.functional.cosine_similarity(e, torch.tensor(o), dim=0).item()
            worst = min(worst, cos)
    print(f"encoder: worst cosine torch vs ONNX Runtime fp32 over {len(sub)} texts = {worst:.6f}")
    sys.exit(0 if bad == 0 and worst > 0.9999 else 1)


if __name__ == "__main__":
    main()
