"""Exports a fine-tuned checkpoint to ONNX (inputs input_ids, attention_mask: int64 [batch, seq], dynamic; output
probs [batch, 6] = sigmoid of toxic, hate, insult, threat, obscene, spam; pooled [batch, 384], what the heads read), then shrinks it by hand with python3-onnx:
int8 weight-only quantization, symmetric, per output channel for the MatMul weights (DequantizeLinear, axis 1) and
per row for the word-embedding table (Gather of int8 rows and of their scales, Cast, Mul). Verification: the fp32
and int8 files are run by ONNX Runtime for Java (tools/finetune/java/OrtCheck.java) on dev texts and compared with
the PyTorch probabilities (max abs diff, ROC-AUC). Unless --no-fuse, fuse.py then rewrites the int8 file into fewer,
larger ONNX Runtime kernels with the same outputs (before the verification, so that it measures the shipped file).

usage: python3 export.py --work WORK_DIR --out src/main/resources/parley/model/transformer.onnx [--verify 300]
"""
import argparse
import json
import os
import sys

import numpy as np
import onnx
import torch
from onnx import TensorProto, helper, numpy_helper

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from metrics import per_source_auc  # noqa: E402
from fuse import fuse, ort_check  # noqa: E402
from minilm import CATEGORIES, Exportable, classifier_for  # noqa: E402
from train import load_rows, pad_ids  # noqa: E402


def export_fp32(ckpt, path):
    clf = classifier_for(torch.load(ckpt))
    m = Exportable(clf).eval()
    ids, am = pad_ids([[101, 7592, 2088, 102], [101, 7592, 102]])
    torch.onnx.export(m, (ids, am), path, input_names=["input_ids", "attention_mask"], output_names=["probs"],
                      dynamic_axes={"input_ids": {0: "batch", 1: "sequence"},
                                    "attention_mask": {0: "batch", 1: "sequence"}, "probs": {0: "batch"}},
                      opset_version=14, do_constant_folding=True)
    return clf.eval()


def add_pooled_output(path):
    """Adds the mean-pooled vector that feeds the heads as a second output, "pooled" [batch, 384]: Parley fits a
    newsroom's own heads on it (parley train --feedback) without touching the network."""
    m = onnx.load(path)
    gemm = next(n for n in m.graph.node if n.op_type == "Gemm" and "clf.head.weight" in n.input)
    m.graph.node.append(helper.make_node("Identity", [gemm.input[0]], ["pooled"], name="pooled_output"))
    m.graph.output.append(helper.make_tensor_value_info("pooled", TensorProto.FLOAT, ["batch", 384]))
    onnx.checker.check_model(m)
    onnx.save(m, path)


def per_column_int8(w):
    """Symmetric int8 with one scale per output column of a MatMul weight [in, out] (upper.py writes retrained layers
    back with it, so that they match what this file exports)."""
    scale = np.maximum(np.abs(w).max(axis=0), 1e-8) / 127.0
    return np.clip(np.round(w / scale), -127, 127).astype(np.int8), scale


def quantize_int8(src, dst, min_size=65536, mode="dynamic"):
    """mode "dynamic": activations quantized at run time (DynamicQuantizeLinear, uint8) and MatMulInteger against
    uint8 weights with zero point 128 (U8U8: no int16 saturation on AVX2), rescaled by x_scale * w_scale[column];
    mode "dq": weight-only DequantizeLinear before a float MatMul (exact up to weight rounding, but ONNX Runtime
    then dequantizes every weight on every call: ~5x slower at batch 1)."""
    m = onnx.load(src)
    g = m.graph
    inits = {t.name: t for t in g.initializer}
    new_nodes, drop, add, quantized_inputs = [], set(), [], {}
    for n in g.node:
        if n.op_type == "MatMul" and n.input[1] in inits and len(inits[n.input[1]].dims) == 2:
            w = numpy_helper.to_array(inits[n.input[1]])
            if w.size >= min_size:
                base = n.input[1]
                q, scale = per_column_int8(w)
                if mode == "dynamic":
                    x, y = n.input[0], n.output[0]
                    add += [numpy_helper.from_array((q.astype(np.int16) + 128).astype(np.uint8), base + "_q"),
                            numpy_helper.from_array(np.full(w.shape[1], 128, np.uint8), base + "_z"),
                            numpy_helper.from_array(scale.astype(np.float32), base + "_s")]
                    drop.add(base)
                    if x not in quantized_inputs:  # one DynamicQuantizeLinear per activation (Q, K, V share it)
                        xq = f"dql{len(quantized_inputs)}"
                        quantized_inputs[x] = xq
                        new_nodes.append(helper.make_node("DynamicQuantizeLinear", [x],
                                                          [xq + "_q", xq + "_s", xq + "_z"], name=xq))
                    xq = quantized_inputs[x]
                    new_nodes += [
                        helper.make_node("MatMulInteger", [xq + "_q", base + "_q", xq + "_z", base + "_z"],
                                         [y + "_i32"], name=n.name + "_mmi"),
                        helper.make_node("Cast", [y + "_i32"], [y + "_f"], to=TensorProto.FLOAT, name=n.name + "_cast"),
                        helper.make_node("Mul", [xq + "_s", base + "_s"], [y + "_ws"], name=n.name + "_scale"),
                        helper.make_node("Mul", [y + "_f", y + "_ws"], [y], name=n.name + "_rescale")]
                    continue
                add += [numpy_helper.from_array(q, base + "_q"),
                        numpy_helper.from_array(scale.astype(np.float32), base + "_s"),
                        numpy_helper.from_array(np.zeros(w.shape[1], np.int8), base + "_z")]
                drop.add(base)
                new_nodes.append(helper.make_node("DequantizeLinear", [base + "_q", base + "_s", base + "_z"],
                                                  [base + "_dq"], axis=1, name=base + "_DQ"))
                n.input[1] = base + "_dq"
        elif n.op_type == "Gather" and n.input[0] in inits:
            w = numpy_helper.to_array(inits[n.input[0]])
            if w.ndim == 2 and w.size >= 1_000_000:  # the word-embedding table
                base = n.input[0]
                scale = np.maximum(np.abs(w).max(axis=1, keepdims=True), 1e-8) / 127.0  # per row [V, 1]
                q = np.clip(np.round(w / scale), -127, 127).astype(np.int8)
                add += [numpy_helper.from_array(q, base + "_q"),
                        numpy_helper.from_array(scale.astype(np.float32), base + "_s")]
                drop.add(base)
                out = n.output[0]
                idx = n.input[1]
                new_nodes += [
                    helper.make_node("Gather", [base + "_q", idx], [out + "_qrows"], name=n.name + "_q"),
                    helper.make_node("Cast", [out + "_qrows"], [out + "_frows"], to=TensorProto.FLOAT),
                    helper.make_node("Gather", [base + "_s", idx], [out + "_srows"], name=n.name + "_s"),
                    helper.make_node("Mul", [out + "_frows", out + "_srows"], [out], name=n.name + "_deq")]
                continue
        new_nodes.append(n)
    kept = [t for t in g.initializer if t.name not in drop]
    del g.initializer[:]
    g.initializer.extend(kept + add)
    del g.node[:]
    g.node.extend(new_nodes)
    onnx.checker.check_model(m)
    onnx.save(m, dst)


def ort_probs(model_path, ids_file, out_file, cp):
    err = ort_check(cp, "run", model_path, ids_file, out_file)
    ms = [l for l in err.splitlines() if "ms per comment" in l]
    return np.array([[float(x) for x in l.split()] for l in open(out_file)], dtype=np.float32), ms


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--work", required=True)
    ap.add_argument("--ckpt", default=None)
    ap.add_argument("--out", required=True)
    ap.add_argument("--verify", type=int, default=300)
    ap.add_argument("--cp", default="/tmp/ft/cp.txt")
    ap.add_argument("--ref-model", default="/tmp/ft/qjar/all-minilm-l6-v2-q.onnx")
    ap.add_argument("--quant", choices=["dynamic", "dq"], default="dynamic")
    ap.add_argument("--no-fuse", action="store_true", help="skip fuse.py's kernel fusions (same outputs, faster)")
    a = ap.parse_args()
    torch.set_num_threads(2)
    fp32 = os.path.join(a.work, "transformer-fp32.onnx")
    clf = export_fp32(a.ckpt or os.path.join(a.work, "best.pt"), fp32)
    quantize_int8(fp32, a.out, mode=a.quant)
    add_pooled_output(a.out)
    if not a.no_fuse and a.quant == "dynamic":
        print(fuse(a.out, a.out, open(a.cp).read().strip()))
    rep = {"quant": a.quant, "fp32_bytes": os.path.getsize(fp32), "int8_bytes": os.path.getsize(a.out)}
    print(f"fp32 {rep['fp32_bytes'] / 1e6:.1f} MB -> int8 {rep['int8_bytes'] / 1e6:.1f} MB ({a.out})")
    if a.verify:
        dev = [r for r in load_rows(a.work, "dev") if r["src"] != "toxic_spans"]
        dev = dev[:: max(1, len(dev) // a.verify)][: a.verify]
        ids_file = os.path.join(a.work, "verify_ids.txt")
        with open(ids_file, "w") as f:
            for r in dev:
                f.write(" ".join(map(str, r["ids"])) + "\n")
        with torch.no_grad():
            pt = np.concatenate([torch.sigmoid(clf(*pad_ids([r["ids"]]))).numpy() for r in dev])
        cp = open(a.cp).read().strip()
        p32, ms32 = ort_probs(fp32, ids_file, os.path.join(a.work, "ort_fp32.txt"), cp)
        p8, ms8 = ort_probs(a.out, ids_file, os.path.join(a.work, "ort_int8.txt"), cp)
        if a.ref_model and os.path.exists(a.ref_model):  # the stock quantized MiniLM of the product, same texts, same harness: latency reference
            _, rep["ort_java_reference_q_minilm"] = ort_probs(a.ref_model, ids_file,
                                                              os.path.join(a.work, "ort_ref.txt"), cp)
        auc = lambda p: {f"{k[0]}/{k[1]}": round(v, 4) for k, v in per_source_auc(dev, p, CATEGORIES).items()}
        a_t, a_8 = auc(pt), auc(p8)
        rep.update({"verify_texts": len(dev), "max_abs_diff_fp32_vs_torch": float(np.abs(p32 - pt).max()),
                    "max_abs_diff_int8_vs_fp32": float(np.abs(p8 - p32).max()),
                    "mean_abs_diff_int8_vs_fp32": float(np.abs(p8 - p32).mean()),
                    "auc_torch": a_t, "auc_int8": a_8,
                    "mean_auc_torch": float(np.mean(list(a_t.values()))),
                    "mean_auc_int8": float(np.mean(list(a_8.values()))),
                    "ort_java_fp32": ms32, "ort_java_int8": ms8})
    with open(os.path.join(a.work, "export_report.json"), "w") as f:
        json.dump(rep, f, indent=1)
    print(json.dumps(rep, indent=1))


if __name__ == "__main__":
    main()
