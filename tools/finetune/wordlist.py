"""The word list with which Parley splits words run together ("Ihatemuslims" -> "I hate muslims") before the accurate
stage reads a comment (src/main/java/parley/classify/JoinedWords.java: its rules are mirrored here).

Known words: every word of the train splits of the comment datasets Parley trains on (no dev or test text, no
functional check) seen at least MIN_COUNT times, skipping hashtags, @mentions and links, whose words run together by
design, plus every word of Debian's wamerican and wbritish lists (SCOWL). A word seen only in the comments and less
than PIECE_COUNT times that splits into common words by JoinedWords' rules ("fuckingidiot", "muslimban") is left out,
so that it is split like any unseen one. SCOWL's notice ships beside the list (words-NOTICE.txt). Writes "word<TAB>count<TAB>english" lines (count: times seen in the
comments, 0: SCOWL only; english: 1 if SCOWL has it, so that a misspelling readers write often, "goverment", is told
from a rare word, "sate"), sorted by word, gzipped.

  apt-get install wamerican wbritish
  /usr/bin/python3 wordlist.py --data ../../../shared/datasets --out ../../src/main/resources/parley/classify/words.tsv.gz
"""
import argparse
import collections
import gzip
import json
import math
import os
import re

SETS = ["davidson2017", "hatexplain", "implicit_hate", "youtube_spam", "jigsaw_toxic_subset",
        "civil_comments_ccc", "toxic_spans", "fox_news_comments"]
SCOWL = ["/usr/share/dict/american-english", "/usr/share/dict/british-english"]  # Debian wamerican, wbritish
SKIP = re.compile(r"https?://\S+|www\.\S+|[#@]\w+|<[a-z]+>", re.I)
WORD = re.compile(r"[a-z]+(?:'[a-z]+)*")
MIN_COUNT = 3
# JoinedWords' rules
TWO_LETTER = set("am an as at be by do go he hi if in is it me my no of oh ok on or so to up us we ya ye yo ur".split())
AFFIXES = set("pre sub bio con com ing ers ion ive dis mis non tri uni ism ist ful ize ise ate ish ess ous ent ant ity "
              "ted der nes est ies ary ory eth".split())
PIECE_COUNT, PER_LETTER = 30, 2.0


def count(data):
    counts = collections.Counter()
    for name in SETS:
        with open(os.path.join(data, name, name + ".jsonl"), encoding="utf-8") as f:
            for line in f:
                r = json.loads(line)
                if (r.get("split") or "train") != "train":
                    continue
                text = SKIP.sub(" ", r["text"].lower().replace("\u2019", "'"))
                for w in WORD.findall(text):
                    counts[w.replace("'", "")] += 1
    return counts


def scowl_words():
    words = set()
    for path in SCOWL:
        with open(path, encoding="utf-8") as f:
            for line in f:
                w = line.strip().lower().replace("'", "")
                if w.isascii() and w.isalpha() and (len(w) > 1 or w in ("a", "i")):
                    words.add(w)
    return words


def piece(w, c):
    """May w be one of the words a run is split into? (c: its count in the comments)"""
    n = len(w)
    return (w in ("a", "i") if n == 1 else w in TWO_LETTER if n == 2 else c >= PIECE_COUNT and w not in AFFIXES if n == 3
            else c >= PIECE_COUNT if n == 4 else True)


def splits(run, cost, total, known):
    """JoinedWords.split for one lower-case run: its words, or None."""
    n = len(run)
    if re.search(r"(.)\1\1\1", run):  # emphasis, not a join
        return None
    best, back = [0.0] + [math.inf] * n, [0] * (n + 1)
    for i in range(1, n + 1):
        for j in range(max(0, i - 30), i):
            c = cost.get(run[j:i])
            if c is not None and (i - j > 1 or i < n) and best[j] + c < best[i]:
                best[i], back[i] = best[j] + c, j
    if best[n] >= math.log(total) + PER_LETTER * n:
        return None
    words, i = [], n
    while i > 0:
        words.append(run[back[i]:i])
        i = back[i]
    words.reverse()
    if len(words) < 2 or any(len(a) == 1 and len(b) == 1 for a, b in zip(words, words[1:])):
        return None
    if words[-1] == "in" and words[-2] + "ing" in known:  # "thinkin": a dropped g, not "think in"
        return None
    return words


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--data", required=True)
    ap.add_argument("--out", required=True)
    a = ap.parse_args()
    counts, scowl = count(a.data), scowl_words()
    known = {w: c for w, c in counts.items() if c >= MIN_COUNT and (len(w) > 1 or w in ("a", "i"))}
    for w in scowl:
        known.setdefault(w, 0)
    total = sum(c + 1 for c in known.values())
    cost = {w: math.log(total / (c + 1)) for w, c in known.items() if piece(w, c)}
    joined = [w for w, c in known.items()
              if w not in scowl and c < PIECE_COUNT and len(w) >= 7 and splits(w, cost, total, known)]
    for w in joined:
        del known[w]
    with gzip.open(a.out, "wt", encoding="utf-8", compresslevel=9) as f:
        for w in sorted(known):
            f.write(f"{w}\t{known[w]}\t{1 if w in scowl else 0}\n")  # 1: in the English lists (a word, however rare)
    print(f"{len(known)} words ({sum(1 for c in known.values() if c)} from the comments, the rest SCOWL only); "
          f"{len(joined)} run-together words left out, e.g. {', '.join(sorted(joined, key=lambda w: -counts[w])[:25])}")


if __name__ == "__main__":
    main()
