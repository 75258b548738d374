"""Spelling noise for training copies: the ways readers disguise words to get past a filter (letters swapped or left
out, spaced out, run together, digits or symbols for letters). A noisy copy keeps its row's labels, and with --teacher
it learns the teacher's scores for the clean text, so the network learns to read through the disguise, not that
misspelling is abuse (clean rows get noisy copies too).
"""
import random
import re

LEET = {"a": "4@", "e": "3", "i": "1!", "o": "0", "s": "5$", "t": "7", "l": "1"}
WORD = re.compile(r"[A-Za-z]{4,}")
KINDS = ("swap", "drop", "spaced", "leet", "star", "joined")


def _swap(w, rnd):
    i = rnd.randrange(1, len(w) - 2)
    return w[:i] + w[i + 1] + w[i] + w[i + 2:]


def _drop(w, rnd):
    i = rnd.randrange(1, len(w) - 1)
    return w[:i] + w[i + 1:]


def _leet(w, rnd):
    idx = [i for i, c in enumerate(w) if c.lower() in LEET]
    if not idx:
        return _swap(w, rnd)
    out = list(w)
    for i in rnd.sample(idx, max(1, len(idx) // 2)):
        out[i] = rnd.choice(LEET[w[i].lower()])
    return "".join(out)


def _star(w, rnd):
    idx = [i for i in range(1, len(w) - 1) if w[i].lower() in "aeiou"] or [len(w) // 2]
    i = rnd.choice(idx)
    return w[:i] + "*" + w[i + 1:]


def _joined(text, rnd):
    words = text.split(" ")
    if len(words) <= 6:
        return "".join(words)
    i = rnd.randrange(0, len(words) - 2)
    n = rnd.randint(2, 4)
    return " ".join(words[:i] + ["".join(words[i:i + n])] + words[i + n:])


def disguise(text, rnd):
    """One noisy copy of text, or None when it has no word to disguise. Short texts may lose every space."""
    kind = rnd.choice(KINDS)
    if kind == "joined":
        out = _joined(text, rnd)
        return out if out != text else None
    words = list(WORD.finditer(text))
    if not words:
        return None
    out, shift = text, 0
    for m in sorted(rnd.sample(words, min(len(words), rnd.choice((1, 1, 2)))), key=lambda m: m.start()):
        w = m.group(0)
        f = {"swap": _swap, "drop": _drop, "leet": _leet, "star": _star, "spaced": lambda w, r: " ".join(w)}[kind]
        nw = f(w, rnd)
        out = out[:m.start() + shift] + nw + out[m.end() + shift:]
        shift += len(nw) - len(w)
    return out if out != text else None


def noisy_copies(rows, pos_share, neg_share, seed, categories):
    """(copies, originals): disguised copies of a seeded share of the rows with an abuse label and of the others."""
    rnd = random.Random(seed)
    abuse = [categories.index(c) for c in ("toxic", "hate", "insult", "threat", "obscene")]
    copies, originals = [], []
    for i, r in enumerate(rows):
        positive = any(r["y"][c] == 1 for c in abuse)
        if rnd.random() >= (pos_share if positive else neg_share):
            continue
        text = disguise(r["text"], rnd)
        if text is None:
            continue
        c = {k: v for k, v in r.items() if k not in ("ids", "tail")}
        c["id"], c["text"] = r["id"] + "~noisy", text
        copies.append(c)
        originals.append(i)
    return copies, originals
