"""Joins fine-tuned networks into one ONNX file whose probs are the sigmoid of their mean logit: the Java side reads it
as one transformer (same inputs input_ids / attention_mask, same output probs [batch, 6]).

usage: python3 ensemble.py --out ENSEMBLE.onnx A.onnx B.onnx [...]
"""
import argparse

import onnx
from onnx import helper, numpy_helper
import numpy as np


def logits_of(model, prefix):
    """The graph with every name prefixed (inputs excepted) and the name of its logits (the input of the Sigmoid
    that writes probs)."""
    g = model.graph
    keep = {i.name for i in g.input}
    rename = lambda s: s if (s in keep or s == "") else prefix + s
    nodes = []
    logits = None
    for n in g.node:
        if n.op_type == "Sigmoid" and n.output[0] == "probs":
            logits = rename(n.input[0])
            continue
        c = onnx.NodeProto()
        c.CopyFrom(n)
        c.name = prefix + n.name
        c.input[:] = [rename(s) for s in n.input]
        c.output[:] = [rename(s) for s in n.output]
        nodes.append(c)
    inits = []
    for t in g.initializer:
        c = onnx.TensorProto()
        c.CopyFrom(t)
        c.name = prefix + t.name
        inits.append(c)
    if logits is None:
        raise SystemExit("no Sigmoid writing 'probs' in the graph")
    return nodes, inits, logits


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--out", required=True)
    ap.add_argument("models", nargs="+")
    a = ap.parse_args()
    first = onnx.load(a.models[0])
    nodes, inits, logits = [], [], []
    for k, path in enumerate(a.models):
        n, i, l = logits_of(onnx.load(path), f"m{k}/")
        nodes += n
        inits += i
        logits.append(l)
    inits.append(numpy_helper.from_array(np.array(1.0 / len(logits), dtype=np.float32), "ensemble_weight"))
    nodes.append(helper.make_node("Sum", logits, ["ensemble_sum"], name="ensemble_sum"))
    nodes.append(helper.make_node("Mul", ["ensemble_sum", "ensemble_weight"], ["ensemble_logits"], name="ensemble_mean"))
    nodes.append(helper.make_node("Sigmoid", ["ensemble_logits"], ["probs"], name="ensemble_probs"))
    g = helper.make_graph(nodes, "ensemble", list(first.graph.input), list(first.graph.output), inits)
    m = helper.make_model(g, opset_imports=list(first.opset_import))
    m.ir_version = first.ir_version
    onnx.checker.check_model(m)
    onnx.save(m, a.out)
    print(f"{a.out}: mean logit of {len(logits)} networks, {len(nodes)} nodes")


if __name__ == "__main__":
    main()
