#!/usr/bin/env python3
"""Writes the safetensors test fixtures with an independent tool: Python's standard library only.

Run once from this folder, giving the folder of the ncps reference vectors:

    python3 make_fixtures.py ../../Reference

It writes
- dtypes.safetensors: F32, F64, F16 and BF16 tensors with known values and a __metadata__ block;
- <case>.safetensors + <case>.config.json for three reference files: the reference parameters as
  safetensors.torch.save_file writes them (header keys sorted, data in the same order, header padded
  with spaces to 8 bytes), and the config.json a Python user writes beside them (README: "Import from ncps").
The outputs are committed; the C# tests only read them.
"""
import json
import os
import struct
import sys


def write_safetensors(path, tensors, metadata=None):
    """tensors: list of (name, dtype, shape, raw little-endian bytes)."""
    header = {}
    if metadata:
        header["__metadata__"] = metadata
    offset = 0
    for name, dtype, shape, raw in tensors:
        header[name] = {"dtype": dtype, "shape": shape, "data_offsets": [offset, offset + len(raw)]}
        offset += len(raw)
    text = json.dumps(header, separators=(",", ":")).encode("utf-8")
    text += b" " * ((8 - len(text) % 8) % 8)
    with open(path, "wb") as f:
        f.write(struct.pack("<Q", len(text)))
        f.write(text)
        for _, _, _, raw in tensors:
            f.write(raw)


def f32(values):
    return struct.pack("<%df" % len(values), *values)


def dtypes_fixture():
    tensors = [
        ("a.f32", "F32", [2, 3], f32([1.0, -2.5, 3.25, 0.0, 1e-7, -65504.0])),
        ("b.f64", "F64", [3], struct.pack("<3d", 0.1, -1.0 / 3.0, 1e30)),
        ("c.f16", "F16", [2, 2], struct.pack("<4e", 1.0, -0.5, 65504.0, 5.960464477539063e-08)),
        # bfloat16 is the upper half of a float32: 1.0 = 0x3F80, -2.0 = 0xC000, 3.140625 = 0x4049, 0 = 0x0000
        ("d.bf16", "BF16", [4], struct.pack("<4H", 0x3F80, 0xC000, 0x4049, 0x0000)),
    ]
    write_safetensors("dtypes.safetensors", tensors, {"format": "pt", "source": "make_fixtures.py"})


def reference_pair(reference_dir, case, config):
    with open(os.path.join(reference_dir, case + ".json")) as f:
        reference = json.load(f)
    params = sorted(reference["parameters"], key=lambda p: p["name"])
    tensors = [(p["name"], "F32", p["shape"], f32(p["data"])) for p in params]
    write_safetensors(case + ".safetensors", tensors, {"format": "pt"})
    with open(case + ".config.json", "w") as f:
        json.dump(config(reference["config"]), f, indent=1)
        f.write("\n")


def user_config_wired_cfc(ref):
    """What the README snippet writes for CfC(8, AutoNCP(19, 4)): NCP layers as neuron id lists."""
    w = ref["wiring"]
    args = dict(ref["constructor_args"])
    return {
        "model_class": "CfC",
        "constructor_args": args,
        "wiring": {
            "type": w["type"],
            "units": w["units"],
            "input_dim": w["input_dim"],
            "output_dim": w["output_dim"],
            "adjacency_matrix": w["adjacency_matrix"],
            "sensory_adjacency_matrix": w["sensory_adjacency_matrix"],
            "inter_neurons": w["layers"][0]["neurons"],
            "command_neurons": w["layers"][1]["neurons"],
            "motor_neurons": w["layers"][2]["neurons"],
        },
    }


def user_config_dense_cfc(ref):
    return {"model_class": "CfC", "constructor_args": ref["constructor_args"]}


def reference_config_block(ref):
    """The reference file's own config block, verbatim (also a valid config.json)."""
    return ref


def main():
    reference_dir = sys.argv[1]
    dtypes_fixture()
    reference_pair(reference_dir, "wiredcfc_autoncp19", user_config_wired_cfc)
    reference_pair(reference_dir, "cfc_default", user_config_dense_cfc)
    reference_pair(reference_dir, "ltc_autoncp19", reference_config_block)


if __name__ == "__main__":
    main()
