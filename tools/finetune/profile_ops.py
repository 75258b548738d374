"""Sums an ONNX Runtime profile (OrtCheck.java latency ... PROFILE) per operator: milliseconds per call and share.

    python3 profile_ops.py PROFILE.json
"""
import collections
import json
import sys


def main(path):
    events = json.load(open(path))
    per_op, nodes = collections.Counter(), collections.Counter()
    runs = sum(1 for e in events if e.get("cat") == "Session" and e.get("name") == "model_run")
    for e in events:
        if e.get("cat") == "Node" and e["name"].endswith("_kernel_time"):
            op = e["args"].get("op_name")
            per_op[op] += e["dur"]
            nodes[op] += 1
    total = sum(per_op.values())
    print(f"{runs} calls, {total / runs / 1000:.2f} ms of kernels per call")
    for op, us in per_op.most_common():
        print(f"{op:26s} {us / runs / 1000:7.3f} ms {100 * us / total:5.1f} %  {nodes[op] / runs:4.0f} nodes")


if __name__ == "__main__":
    main(sys.argv[1])
