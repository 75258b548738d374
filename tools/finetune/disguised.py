"""How well the shipped classifier reads disguised spellings: copies of the functional checks with one word disguised
as readers do (tools/finetune/noise.py: two letters swapped, one left out, spelled out letter by letter, digits and
symbols for letters), each kind scored with `parley classify --json` for every model folder given, beside the checks
as written. Flagged = held or rejected. The docs/classifier.md table "Disguised spellings" came from:

  cp -r src/main/resources/parley/model /tmp/as-written   # then set "respell": false in its transformer.json
  /usr/bin/python3 tools/finetune/disguised.py --model /tmp/as-written --model shipped   # from the repository root
"""
import argparse
import json
import random
import re
import subprocess

from noise import _drop, _leet, _swap

CHECKS = "src/main/resources/parley/classify/functional-checks.tsv"
FLAG = {"derogation", "derogation-implicit", "dehumanisation", "threat-group", "question-hate", "negation-hate", "slur",
        "news-insult", "threat-person", "insult-person", "threat-veiled"}
PASS = {"identity-neutral", "counter-speech", "negation-not-hate", "civil-disagreement", "question-neutral", "reclaimed",
        "non-protected", "everyday"}
GROUPS = set("muslims muslim jews jew jewish women woman black blacks gay gays immigrants immigrant trans refugees "
             "arabs asians mexicans christians lesbians disabled people".split())
KINDS = {"swap": _swap, "drop": _drop, "leet": _leet, "spaced": lambda w, rnd: " ".join(w)}


def disguised(text, kind, rnd):
    """text with one word disguised: a group word where there is one, else a word of 4 or more letters; or None."""
    words = list(re.finditer(r"[A-Za-z]{4,}", text))
    groups = [m for m in words if m.group(0).lower() in GROUPS]
    if not (groups or words):
        return None
    m = rnd.choice(groups or words)
    return text[:m.start()] + KINDS[kind](m.group(0), rnd) + text[m.end():]


def flagged(jar, model, texts):
    cmd = ["java", "-jar", jar, "classify", "--json"] + ([] if model == "shipped" else ["--model=" + model])
    out = subprocess.run(cmd, input="\n".join(texts) + "\n", capture_output=True, text=True, check=True).stdout
    return [json.loads(line)["decision"] != "publish" for line in out.strip().split("\n")]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--jar", default="target/parley.jar")
    ap.add_argument("--model", action="append", default=[], help="a model folder, or 'shipped'; repeatable")
    ap.add_argument("--seed", type=int, default=7)
    a = ap.parse_args()
    checks = []
    with open(CHECKS, encoding="utf-8") as f:
        for line in f:
            if line.startswith("#") or not line.strip():
                continue
            expect, functionality, text = line.rstrip("\n").split("\t")
            if functionality in FLAG | PASS:
                checks.append((expect == "flag", text))
    models = a.model or ["shipped"]
    print("| kind | checks | as written, " + models[-1] + " | " + " | ".join(f"disguised, {m}" for m in models) + " |")
    print("|---" * (3 + len(models)) + "|")
    for kind in KINDS:
        rnd = random.Random(f"{a.seed}-{kind}")
        rows = [(flag, text, d) for flag, text in checks if (d := disguised(text, kind, rnd)) and d != text]
        shares = [share(rows, flagged(a.jar, models[-1], [r[1] for r in rows]))]
        shares += [share(rows, flagged(a.jar, m, [r[2] for r in rows])) for m in models]
        print(f"| {kind} | {len(rows)} | " + " | ".join(shares) + " |")


def share(rows, got):
    """"held / published": the share of flag checks held and of pass checks published."""
    held = [g for (flag, _, _), g in zip(rows, got) if flag]
    published = [not g for (flag, _, _), g in zip(rows, got) if not flag]
    return f"{sum(held) / len(held):.1%} / {sum(published) / len(published):.1%}"

if __name__ == "__main__":
    main()
