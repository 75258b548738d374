"""Writes the Java parity fixture for the shipped transformer: varied texts with the word-piece ids this tool trained
on (max 64) and the int8 model's probabilities from ONNX Runtime for Java (OrtCheck.java, batch 1, one thread).
TransformerStageTest checks that the product's tokenizer path gives the same ids and the same probabilities.

usage: python3 parity.py --model ../../src/main/resources/parley/model/transformer.onnx \
         --out ../../src/test/resources/parley/classify/transformer-parity.jsonl [--cp /tmp/ft/cp.txt]
"""
import argparse
import json
import os
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from minilm import WordPiece  # noqa: E402

HERE = os.path.dirname(os.path.abspath(__file__))
LONG = ("The council's budget for the new library was debated for three hours on Tuesday night, and residents who "
        "spoke at the meeting asked why the costs had doubled since the plan was first announced in the spring. ") * 4
TEXTS = [
    "Thanks for the thoughtful article, I learned a lot.",
    "You are a disgusting idiot and everyone here knows it.",
    "Muslims and Arabs are so unruly and irascible, that they can only be ruled with an iron fist.",
    "Nuke em.",
    "I will find where you live and make you regret this.",
    "Check out my channel http://spam.example.com for FREE gift cards!!!",
    "What a f***ing joke of a mayor.",
    "Holy shit, what a goal!",
    "Saying that immigrants are criminals is just wrong and hateful.",
    "Café déjà vu: naïve résumé of the coöperative's façade.",
    "I love this 😍🔥 so much!!!",
    "ＦＵＬＬＷＩＤＴＨ text and ΑΒΓ greek and 中文字符 mixed in.",
    "a" * 150,
    "",
    "   ",
    "line one\nline two\ttabbed",
    LONG,
    "k i l l   y o u r s e l f",
    "Women are not capable of leading anything.",
    "I don't think women are less capable than men at all.",
    # harsh words at a thing and at a person: the target gate caps the first one's toxic and insult, not the second's
    "The council's new parking plan is idiotic and the app is crap.",
    "The councillor who wrote this parking plan is an idiot.",
]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--model", required=True)
    ap.add_argument("--out", required=True)
    ap.add_argument("--cp", default="/tmp/ft/cp.txt")
    ap.add_argument("--tokenizer", default="/tmp/ft/jar/all-minilm-l6-v2-tokenizer.json")
    a = ap.parse_args()
    wp = WordPiece(a.tokenizer)
    ids = [wp.encode(t, max_len=64) for t in TEXTS]
    with tempfile.TemporaryDirectory() as d:
        idf, outf = os.path.join(d, "ids.txt"), os.path.join(d, "probs.txt")
        with open(idf, "w") as f:
            for i in ids:
                f.write(" ".join(map(str, i)) + "\n")
        java = os.environ.get("JAVA", "/usr/lib/jvm/temurin-25-jdk-amd64/bin/java")
        subprocess.run([java, "--enable-native-access=ALL-UNNAMED", "-cp", open(a.cp).read().strip(),
                        os.path.join(HERE, "java", "OrtCheck.java"), "run", a.model, idf, outf], check=True,
                       capture_output=True, text=True)
        probs = [[float(x) for x in l.split()] for l in open(outf)]
    with open(a.out, "w", encoding="utf-8") as f:
        for t, i, p in zip(TEXTS, ids, probs):
            f.write(json.dumps({"text": t, "ids": i, "probs": p}, ensure_ascii=False) + "\n")
    print(f"{len(TEXTS)} rows -> {a.out}")


if __name__ == "__main__":
    main()
