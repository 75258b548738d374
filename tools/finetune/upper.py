#!/usr/bin/env python3
"""Retrain a shipped network's upper layers only: its int8 weights read back as a train.py starting point, and the
retrained layers written back into the same graph.

Why: the threat head, the target gate and the span branch read the layer-9 token vectors (the "tokens" output). A run
that trains only the layers above it (train.py --frozen 9 --init STATE.pt) leaves those vectors as they are, so every
part attached to the network stays valid, byte for byte, and only layers 10-12 and the six-logit head change.

  $PY upper.py dequantize --model NET.onnx --out WORK/init.pt           # the fused int8 graph -> a Classifier state
  $PY upper.py strongest ...                                              # prepare.py --beside copies' soft targets
  $PY train.py --work WORK --init WORK/init.pt --frozen 9 ...            # layers 10-12 and the head
  $PY upper.py write --model SHIPPED.onnx --state WORK/best.pt --from-layer 9 --out DIR/transformer.onnx

NET.onnx / SHIPPED.onnx: the fused graph export.py writes (QKV merged into one MatMulIntegerToFloat, the other
weights DynamicQuantizeMatMul, uint8 with zero point 128, one scale per output column). `write` requantizes the
retrained weights the same way (export.per_column_int8) into the shipped file, heads and gate included, and leaves
every initializer of the lower layers untouched.
"""
import argparse
import re

import numpy as np

LAYER = re.compile(r"/clf/encoder/layers\.(\d+)/(key/MatMul_mmi_merged_out|attn_out/|inter/|out/)")


def quantized_parts(g):
    """(layer, part) -> the initializer names of its quantized weight: merged QKV (w, scale, zero, bias, sizes, the
    Split's output order) or one DynamicQuantizeMatMul (q, s, z)."""
    out = {}
    for n in g.node:
        m = LAYER.match(n.output[0])
        if not m:
            continue
        i, what = int(m.group(1)), m.group(2)
        if n.op_type == "MatMulIntegerToFloat":
            out[(i, "qkv")] = {"w": n.input[1], "s": n.input[3], "z": n.input[5], "b": n.input[6]}
        elif n.op_type == "DynamicQuantizeMatMul":
            out[(i, what.rstrip("/"))] = {"w": n.input[1], "s": n.input[2], "z": n.input[3]}
    for n in g.node:
        if n.op_type == "Split" and n.input[0].endswith("MatMul_mmi_merged_out"):
            i = int(LAYER.match(n.input[0]).group(1))
            out[(i, "qkv")]["order"] = [o.split("/")[-2] for o in n.output]
            out[(i, "qkv")]["sizes"] = n.input[1]
    return out


def dequantize(a):
    import onnx
    import torch
    from onnx import numpy_helper
    m = onnx.load(a.model)
    inits = {t.name: numpy_helper.to_array(t) for t in m.graph.initializer}
    deq = lambda p: (inits[p["w"]].astype(np.float32) - inits[p["z"]].astype(np.float32)) * inits[p["s"]]
    sd = {"encoder.word.weight": inits["clf.encoder.word.weight_q"].astype(np.float32) * inits["clf.encoder.word.weight_s"],
          "head.weight": inits["clf.head.weight"], "head.bias": inits["clf.head.bias"]}
    for k in ("pos", "tok_type"):
        sd[f"encoder.{k}.weight"] = inits[f"clf.encoder.{k}.weight"]
    sd["encoder.emb_ln.weight"], sd["encoder.emb_ln.bias"] = inits["clf.encoder.emb_ln.weight"], inits["clf.encoder.emb_ln.bias"]
    parts = quantized_parts(m.graph)
    layers = 1 + max(i for i, _ in parts)
    for i in range(layers):
        pre = f"encoder.layers.{i}."
        qkv = parts[(i, "qkv")]
        w, b = deq(qkv), inits[qkv["b"]]
        for k, name in enumerate(qkv["order"]):
            sd[pre + name + ".weight"] = w[:, 384 * k:384 * (k + 1)].T
            sd[pre + name + ".bias"] = b[384 * k:384 * (k + 1)]
        for name in ("attn_out", "inter", "out"):
            sd[pre + name + ".weight"] = deq(parts[(i, name)]).T
        for key, init in float_params(i):
            sd[key] = inits[init]
    torch.save({k: torch.from_numpy(np.ascontiguousarray(v, dtype=np.float32)) for k, v in sd.items()}, a.out)
    print(f"{a.out}: {layers} layers read back from {a.model}")


def quantize(w):
    """export.py's scheme (per_column_int8), stored as its dynamic mode stores it: int8 + 128 as uint8."""
    from export import per_column_int8
    q, scale = per_column_int8(w)
    return (q.astype(np.int16) + 128).astype(np.uint8), scale.astype(np.float32)


def float_params(i):
    """(Classifier state key, initializer name) of layer i's unquantized parameters: the biases of attn_out, inter and
    out, and both LayerNorms."""
    pre = f"encoder.layers.{i}."
    for name in ("attn_out.bias", "inter.bias", "out.bias", "attn_ln.weight", "attn_ln.bias", "out_ln.weight",
                 "out_ln.bias"):
        yield pre + name, "clf." + pre + name


def write(a):
    import onnx
    import torch
    from onnx import numpy_helper
    m = onnx.load(a.model)
    sd = {k: v.numpy() for k, v in torch.load(a.state).items()}
    new = {}
    parts = quantized_parts(m.graph)
    layers = 1 + max(i for i, _ in parts)
    for i in range(a.from_layer, layers):
        pre = f"encoder.layers.{i}."
        qkv = parts[(i, "qkv")]
        w = np.concatenate([sd[pre + name + ".weight"].T for name in qkv["order"]], 1)
        new[qkv["w"]], new[qkv["s"]] = quantize(w)
        new[qkv["b"]] = np.concatenate([sd[pre + name + ".bias"] for name in qkv["order"]])
        for name in ("attn_out", "inter", "out"):
            new[parts[(i, name)]["w"]], new[parts[(i, name)]["s"]] = quantize(sd[pre + name + ".weight"].T)
        for key, init in float_params(i):
            new[init] = sd[key]
    new["clf.head.weight"], new["clf.head.bias"] = sd["head.weight"], sd["head.bias"]
    for j, t in enumerate(m.graph.initializer):
        if t.name in new:
            v = new.pop(t.name)
            if list(t.dims) != list(v.shape):
                raise SystemExit(f"{t.name}: {list(t.dims)} in the graph, {list(v.shape)} retrained")
            m.graph.initializer[j].CopyFrom(numpy_helper.from_array(v.astype(numpy_helper.to_array(t).dtype), t.name))
    if new:
        raise SystemExit(f"not in {a.model}: {sorted(new)}")
    onnx.save(m, a.out)
    print(f"{a.out}: layers {a.from_layer + 1}-{layers} and the head from {a.state}, the rest of {a.model} kept")


THREAT = 3  # the network's output order: toxic, hate, insult, threat, obscene, spam


def strongest(a):
    """The teacher's soft targets for prepare.py --beside copies: per category the stronger of its two parts'."""
    soft = np.loadtxt(a.teacher, dtype=np.float32)
    parts = np.loadtxt(a.parts, dtype=np.float32)
    if a.threat_from:
        # the shipped model's threat (the network's or its threat head's, whichever is stronger): the network alone
        # scores veiled threats near 0, and a copy of one would learn that from its parts
        parts[:, THREAT] = np.loadtxt(a.threat_from, dtype=np.float32)[:, THREAT]
    pairs = np.loadtxt(a.pairs, dtype=np.int64).reshape(-1, 3)
    soft[pairs[:, 0]] = np.maximum(parts[pairs[:, 1]], parts[pairs[:, 2]])
    np.savetxt(a.out, soft, fmt="%.6f")
    print(f"{a.out}: {len(pairs)} copies take the stronger of their parts' teacher scores")


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = p.add_subparsers(dest="cmd", required=True)
    d = sub.add_parser("dequantize")
    d.add_argument("--model", required=True)
    d.add_argument("--out", required=True)
    w = sub.add_parser("write")
    w.add_argument("--model", required=True)
    w.add_argument("--state", required=True)
    w.add_argument("--from-layer", type=int, required=True, help="layers from this index on are written (0-based)")
    w.add_argument("--out", required=True)
    s = sub.add_parser("strongest")
    s.add_argument("--teacher", required=True, help="OrtCheck teacher over WORK/train.jsonl")
    s.add_argument("--parts", required=True, help="OrtCheck teacher over WORK/beside-parts.jsonl")
    s.add_argument("--pairs", required=True, help="WORK/beside.txt")
    s.add_argument("--threat-from", help="OrtCheck teacher over the parts by the shipped model (heads attached): "
                                         "threat taken from it")
    s.add_argument("--out", required=True)
    a = p.parse_args()
    {"dequantize": dequantize, "write": write, "strongest": strongest}[a.cmd](a)


if __name__ == "__main__":
    main()
