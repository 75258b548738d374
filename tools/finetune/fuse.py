"""Rewrites an exported int8 network (export.py) into fewer, larger ONNX Runtime kernels, with the same outputs (bit
for bit on this machine): ONNX Runtime's own graph optimizer (EXTENDED level, run through java/OrtCheck.java
optimize) first, then four fusions its CPU optimizer does not make on this graph:

- the bias Add after each quantized MatMul goes into the kernel's bias input (MatMulIntegerToFloat,
  DynamicQuantizeMatMul): 60 Adds fewer on a 12-layer network;
- the residual Add before each LayerNormalization becomes SkipLayerNormalization (24 Adds fewer);
- the three projections that read the same quantized activation (Q, K, V) become one MatMulIntegerToFloat over the
  concatenated weight columns, then a Split: one GEMM call instead of three (weights are quantized per column, so
  the columns are the same numbers);
- each head-splitting Reshape/Transpose, scaled Q·K, padding mask, Softmax, ·V and head-merging Transpose/Reshape
  becomes one MultiHeadAttention (12 nodes per layer become one; the padding mask becomes its key_padding_mask).

The outputs are compared with the input model's on generated or given word-piece ids; a difference above 1e-6 fails
the run (there was none on this machine).
The result uses com.microsoft operators, which every ONNX Runtime CPU build has (the product runs 1.20).

usage: python3 fuse.py IN.onnx OUT.onnx [--cp /tmp/ft/cp.txt] [--ids IDS.txt]
"""
import argparse
import os
import random
import shutil
import subprocess
import tempfile

import numpy as np
import onnx
from onnx import TensorProto, helper, numpy_helper

HERE = os.path.dirname(os.path.abspath(__file__))
JAVA = os.environ.get("JAVA", "/usr/lib/jvm/temurin-25-jdk-amd64/bin/java")


def ort_check(cp, *args):
    return subprocess.run([JAVA, "--enable-native-access=ALL-UNNAMED", "-cp", cp,
                           os.path.join(HERE, "java", "OrtCheck.java"), *args],
                          check=True, capture_output=True, text=True).stderr


def consumers(g):
    out = {}
    for n in g.node:
        for i in n.input:
            out.setdefault(i, []).append(n)
    return out


def keep_nodes(g, removed):
    nodes = [n for n in g.node if id(n) not in removed]
    del g.node[:]
    g.node.extend(nodes)


def drop_unread_initializers(g, added=()):
    """Keeps the initializers (and the new ones in added) that some node reads."""
    read = {i for n in g.node for i in n.input}
    kept = [t for t in list(g.initializer) + list(added) if t.name in read]
    del g.initializer[:]
    g.initializer.extend(kept)


def attribute(n, name, default=None):
    return next((helper.get_attribute_value(a) for a in n.attribute if a.name == name), default)


def fold_bias(g, inits):
    """MatMul kernel -> Add(constant [N]) becomes the kernel with that bias input."""
    uses, graph_outputs, removed = consumers(g), {o.name for o in g.output}, set()
    for n in g.node:
        slot = {"MatMulIntegerToFloat": 6, "DynamicQuantizeMatMul": 4}.get(n.op_type)
        if slot is None or n.output[0] in graph_outputs:
            continue
        users = uses.get(n.output[0], [])
        if len(users) != 1 or users[0].op_type != "Add":
            continue
        add = users[0]
        other = [i for i in add.input if i != n.output[0]]
        if len(other) != 1 or other[0] not in inits or len(inits[other[0]].dims) != 1:
            continue
        while len(n.input) <= slot:
            n.input.append("")
        if n.input[slot]:
            continue
        n.input[slot] = other[0]
        n.output[0] = add.output[0]
        removed.add(id(add))
    keep_nodes(g, removed)
    return len(removed)


def skip_layer_norm(g):
    """Add(a, b) read only by LayerNormalization(axis -1) becomes SkipLayerNormalization(a, b): the residual adds.
    The embedding sum (inputs from Gather or another Add, which may broadcast) is left alone."""
    made = {o: n for n in g.node for o in n.output}
    uses, removed, fused = consumers(g), set(), []
    for n in g.node:
        if n.op_type != "LayerNormalization":
            continue
        add = made.get(n.input[0])
        if add is None or add.op_type != "Add" or len(uses.get(add.output[0], [])) != 1:
            continue
        if any(i not in made or made[i].op_type in ("Gather", "Add") for i in add.input):
            continue
        if attribute(n, "axis", -1) != -1:
            continue
        eps = attribute(n, "epsilon", 1e-5)
        fused.append((n, helper.make_node("SkipLayerNormalization", [add.input[0], add.input[1], n.input[1], n.input[2]],
                                          [n.output[0]], name=n.name + "_skip", domain="com.microsoft", epsilon=eps)))
        removed.update({id(n), id(add)})
    for ln, sln in fused:
        g.node.insert(list(g.node).index(ln), sln)
    keep_nodes(g, removed)
    return len(fused)


def merge_projections(g, inits):
    """MatMulIntegerToFloat nodes sharing one quantized activation (and its scale and zero point) -> one over the
    concatenated weight columns, then Split in the original order."""
    groups, added, merged = {}, [], 0
    for n in g.node:
        if n.op_type == "MatMulIntegerToFloat":
            groups.setdefault((n.input[0], n.input[2], n.input[4]), []).append(n)
    arr = lambda name: numpy_helper.to_array(inits[name])
    for (a, a_scale, a_zero), nodes in groups.items():
        if len(nodes) < 2:
            continue
        weights = [arr(n.input[1]) for n in nodes]
        biased = [len(n.input) > 6 and bool(n.input[6]) for n in nodes]
        if len({w.shape[0] for w in weights}) != 1 or len({w.dtype for w in weights}) != 1 or len(set(biased)) != 1:
            continue
        base = nodes[0].name + "_merged"

        def concat(values, suffix):
            t = numpy_helper.from_array(np.ascontiguousarray(np.concatenate(values, axis=-1)), base + suffix)
            added.append(t)
            return t.name

        per_column = lambda slot: [np.broadcast_to(arr(n.input[slot]), (w.shape[1],)) for n, w in zip(nodes, weights)]
        inputs = [a, concat(weights, "_w"), a_scale, concat(per_column(3), "_w_scale"), a_zero,
                  concat(per_column(5), "_w_zero")]
        if biased[0]:
            inputs.append(concat([arr(n.input[6]) for n in nodes], "_bias"))
        sizes = numpy_helper.from_array(np.array([w.shape[1] for w in weights], np.int64), base + "_sizes")
        added.append(sizes)
        at = list(g.node).index(nodes[0])
        for n in nodes:
            g.node.remove(n)
        g.node.insert(at, helper.make_node("Split", [base + "_out", sizes.name], [n.output[0] for n in nodes],
                                           name=base + "_split", axis=-1))
        g.node.insert(at, helper.make_node("MatMulIntegerToFloat", inputs, [base + "_out"], name=base,
                                           domain="com.microsoft"))
        merged += 1
    drop_unread_initializers(g, added)
    return merged


def fuse_attention(g, inits, mask_input="attention_mask"):
    """Reshape/Transpose of Q, K, V into heads, FusedMatMul(Q, K^T) * scale + mask, Softmax, MatMul(V), Transpose and
    Reshape back -> MultiHeadAttention(Q, K, V, key_padding_mask); nodes nothing reads any more are dropped."""
    made = {o: n for n in g.node for o in n.output}
    uses = consumers(g)

    def constant(name):
        if name in inits:
            return numpy_helper.to_array(inits[name])
        n = made.get(name)
        return numpy_helper.to_array(n.attribute[0].t) if n is not None and n.op_type == "Constant" else None

    def heads_of(name, perm):
        """(x, heads) for Transpose(perm)(Reshape(x, Concat(batch, seq, heads, size))), else None."""
        tr = made.get(name)
        if tr is None or tr.op_type != "Transpose" or list(attribute(tr, "perm", [])) != perm:
            return None
        rs = made.get(tr.input[0])
        shape = made.get(rs.input[1]) if rs is not None and rs.op_type == "Reshape" else None
        if shape is None or shape.op_type != "Concat" or len(shape.input) != 4:
            return None
        heads = constant(shape.input[2])
        return None if heads is None else (rs.input[0], int(heads.reshape(-1)[0]))

    fused = []
    for sm in g.node:
        add = made.get(sm.input[0]) if sm.op_type == "Softmax" else None
        if add is None or add.op_type != "Add":
            continue
        qk = next((made[i] for i in add.input if i in made and made[i].op_type == "FusedMatMul"), None)
        if qk is None or attribute(qk, "transA", 0) or attribute(qk, "transB", 0):
            continue
        q, k = heads_of(qk.input[0], [0, 2, 1, 3]), heads_of(qk.input[1], [0, 2, 3, 1])
        readers = uses.get(sm.output[0], [])
        if not q or not k or q[1] != k[1] or len(readers) != 1 or readers[0].op_type != "MatMul":
            continue
        v = heads_of(readers[0].input[1], [0, 2, 1, 3])
        tr = (uses.get(readers[0].output[0]) or [None])[0]
        if not v or tr is None or tr.op_type != "Transpose" or list(attribute(tr, "perm", [])) != [0, 2, 1, 3]:
            continue
        merge = (uses.get(tr.output[0]) or [None])[0]
        if merge is None or merge.op_type != "Reshape":
            continue
        fused.append((merge, helper.make_node(
            "MultiHeadAttention", [q[0], k[0], v[0], "", mask_input + "_int32"], [merge.output[0]],
            name=sm.name + "_attention", domain="com.microsoft", num_heads=q[1],
            scale=float(attribute(qk, "alpha", 1.0)))))
        merge.output[0] += "_unread"
    if not fused:
        return 0
    for merge, attention in fused:
        g.node.insert(list(g.node).index(merge), attention)
    # the mask the exporter turned into an additive -10000 term: MultiHeadAttention masks with the same -10000
    g.node.insert(0, helper.make_node("Cast", [mask_input], [mask_input + "_int32"], to=TensorProto.INT32,
                                      name=mask_input + "_int32"))
    graph_outputs = {o.name for o in g.output}
    while True:
        read = {i for n in g.node for i in n.input} | graph_outputs
        dead = [n for n in g.node if not any(o in read for o in n.output)]
        if not dead:
            break
        for n in dead:
            g.node.remove(n)
    drop_unread_initializers(g)
    return len(fused)


def sample_ids(path, count=200, seed=7):
    """Word-piece id lines of 3 to 96 pieces ([CLS] ... [SEP]) when no ids file is given."""
    rng = random.Random(seed)
    with open(path, "w") as f:
        for _ in range(count):
            body = [rng.randrange(1000, 30000) for _ in range(rng.randrange(1, 95))]
            f.write(" ".join(map(str, [101] + body + [102])) + "\n")


def fuse(src, dst, cp, ids=None):
    """Writes the fused network to dst (src may be dst) once its outputs match src's; returns a one-paragraph report.
    Fails, leaving dst as it was, if they differ."""
    with tempfile.TemporaryDirectory() as tmp:
        optimized, fused = os.path.join(tmp, "optimized.onnx"), os.path.join(tmp, "fused.onnx")
        ort_check(cp, "optimize", src, optimized)
        m = onnx.load(optimized)
        g = m.graph
        inits = {t.name: t for t in g.initializer}
        folded = fold_bias(g, inits)
        skipped = skip_layer_norm(g)
        merged = merge_projections(g, inits)
        attention = fuse_attention(g, {t.name: t for t in g.initializer})
        onnx.save(m, fused)
        if not ids:
            ids = os.path.join(tmp, "ids.txt")
            sample_ids(ids)
        before, after = os.path.join(tmp, "before.txt"), os.path.join(tmp, "after.txt")
        t_before = ort_check(cp, "run", src, ids, before).strip().splitlines()[-1]
        t_after = ort_check(cp, "run", fused, ids, after).strip().splitlines()[-1]
        diff = float(np.abs(np.loadtxt(before, ndmin=2) - np.loadtxt(after, ndmin=2)).max())
        if diff > 1e-6:  # identical here (AVX-512); allow for another CPU's rounding in LayerNorm's sums
            raise SystemExit(f"{dst} not written: the fused network's outputs differ from {src} (max {diff})")
        shutil.copyfile(fused, dst)
    return (f"bias adds folded {folded}, skip layer norms {skipped}, projection groups merged {merged}, "
            f"attention blocks fused {attention}\n"
            f"before: {t_before}\nafter:  {t_after}\nmax abs difference of the outputs: {diff}")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("src")
    ap.add_argument("dst")
    ap.add_argument("--cp", default="/tmp/ft/cp.txt")
    ap.add_argument("--ids", help="word-piece ids to compare the two networks on (default: 200 generated lines)")
    a = ap.parse_args()
    print(fuse(a.src, a.dst, open(a.cp).read().strip(), a.ids))


if __name__ == "__main__":
    main()
