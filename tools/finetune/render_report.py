"""Renders WORK/report.json, WORK/export_report.json and WORK/train_summary.json as Markdown (for README.md)."""
import json
import os
import sys

w = sys.argv[1]
r = json.load(open(os.path.join(w, "report.json")))
e = json.load(open(os.path.join(w, "export_report.json"))) if os.path.exists(os.path.join(w, "export_report.json")) else {}
t = json.load(open(os.path.join(w, "train_summary.json"))) if os.path.exists(os.path.join(w, "train_summary.json")) else {}
cats = ["toxic", "hate", "insult", "threat", "obscene", "spam"]
print("| test split (rows) | " + " | ".join(cats) + " |")
print("|---|" + "---|" * len(cats))
for src, a in r["test_auc"].items():
    print(f"| {src} ({r['test_rows'].get(src)}) | " + " | ".join(f"{a[c]:.3f}" if c in a else "" for c in cats) + " |")
o, h = r["olid"], r["hatexplain_3class"]
print()
print(f"- OLID macro-F1 (offensive vs not, p(toxic)): **{o['macro_f1_dev_threshold']:.3f}** at the threshold picked on "
      f"OLID dev ({o['threshold_dev']:.3f}); {o['macro_f1_at_0.5']:.3f} at 0.5; {o['macro_f1_test_oracle_threshold']:.3f} "
      f"with the test-optimal threshold {o['threshold_oracle']:.3f} (oracle, for reference only)")
print(f"- HateXplain 3-class macro-F1 (hate if p(hate) >= t_h, else offensive if p(toxic) >= t_t, else normal): "
      f"**{h['macro_f1_dev_thresholds']:.3f}** with (t_h, t_t) = {tuple(h['thresholds_dev'])} from HateXplain dev; "
      f"{h['macro_f1_test_oracle']:.3f} with test-optimal {tuple(h['thresholds_oracle'])} (oracle)")
print(f"- Davidson hate AUC **{r['davidson_hate_auc']:.3f}**; Jigsaw mean AUC over its 5 categories **{r['jigsaw_mean_auc']:.3f}**; "
      f"civil_comments_ccc toxic AUC **{r['ccc_toxic_auc']:.3f}**")
print(f"- Python (torch, 1 thread, batch 1, machine under load ~15 on 2 cores): {r['python_ms_per_comment_batch1']} ms per "
      f"comment (mean {r['python_ms_per_comment_mean_wordpieces']} word pieces)")
if t:
    print(f"- training: best dev mean AUC {t['best_dev_auc']:.4f} at step {t['best_step']} of {t['steps']}; "
          f"train.py wall time {t['wall_min']:.1f} min")
if e:
    print(f"- model file: {e['int8_bytes'] / 1e6:.1f} MB int8 ({e['quant']}), fp32 {e['fp32_bytes'] / 1e6:.1f} MB")
    print(f"- int8 vs fp32 through ONNX Runtime (Java) on {e.get('verify_texts')} dev texts: max abs diff "
          f"{e.get('max_abs_diff_int8_vs_fp32', float('nan')):.4f}, mean {e.get('mean_abs_diff_int8_vs_fp32', float('nan')):.4f}; "
          f"mean AUC torch {e.get('mean_auc_torch', float('nan')):.4f} vs int8 {e.get('mean_auc_int8', float('nan')):.4f}; "
          f"fp32 ONNX vs torch max abs diff {e.get('max_abs_diff_fp32_vs_torch', float('nan')):.2e}")
    for k in ("ort_java_fp32", "ort_java_int8", "ort_java_reference_q_minilm"):
        if k in e:
            print(f"- {k}: {'; '.join(e[k])}")
