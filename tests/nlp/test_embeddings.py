"""The all-MiniLM-L6-v2 encoder: properties a sentence encoder must have, without torch.

Agreement with the reference implementation (cosine >= 0.9999) is checked by
``eval/check_encoder.py`` in an environment that has sentence-transformers; here the ONNX graph
is checked against BERT's arithmetic written out in numpy over the same weights.
"""

from __future__ import annotations

import math

import numpy as np
import pytest

from triangulate.nlp.embeddings import (
    DIM,
    Encoder,
    _batches,
    _model_dir,
    get_encoder,
)


@pytest.fixture(scope="module")
def encoder() -> Encoder:
    """The process-wide encoder."""
    return get_encoder()


SENTENCES = [
    "More than 327,000 Afghans have left Pakistan since the crackdown began.",
    "A magnitude 5.9 earthquake struck Qeshm island in southern Iran.",
    "Three people were killed when protesters set fire to a bank in Athens.",
    "Lindsay Lohan checked into rehab at the Betty Ford Center.",
    "a",
    "",
]

# (anchor, paraphrase, unrelated): the paraphrase must be nearer the anchor.
TRIPLES = [
    (
        "Afghans deported from Pakistan",
        "Afghan nationals expelled by Pakistan",
        "magnitude of the earthquake",
    ),
    ("people killed in the bank fire", "bank workers who died in the blaze", "Greek stocks fell"),
    ("increase in suicide attacks", "rise in suicide bombings", "Afghans awaiting relocation"),
    ("the death toll rose to 10", "ten people have died", "the island has 120,000 residents"),
    (
        "union members rallied in Athens",
        "tens of thousands marched through the Greek capital",
        "the bailout is worth 110 billion euros",
    ),
]


def test_rows_are_unit_length_float32(encoder: Encoder) -> None:
    vectors = encoder.encode(SENTENCES)
    assert vectors.shape == (len(SENTENCES), DIM)
    assert vectors.dtype == np.float32
    np.testing.assert_allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-5)


def test_deterministic_and_cached(encoder: Encoder) -> None:
    assert get_encoder() is encoder
    np.testing.assert_array_equal(encoder.encode(SENTENCES), encoder.encode(SENTENCES))


@pytest.mark.parametrize(("anchor", "paraphrase", "unrelated"), TRIPLES)
def test_paraphrase_nearer_than_unrelated(
    encoder: Encoder, anchor: str, paraphrase: str, unrelated: str
) -> None:
    a, p, u = encoder.encode([anchor, paraphrase, unrelated])
    assert float(a @ p) > float(a @ u) + 0.1


def test_batch_size_does_not_change_vectors(encoder: Encoder) -> None:
    encoder.clear_cache()
    whole = encoder.encode(SENTENCES, batch_size=64)
    encoder.clear_cache()
    one_by_one = encoder.encode(SENTENCES, batch_size=1)
    np.testing.assert_allclose(whole, one_by_one, atol=1e-5)


def test_a_long_neighbour_does_not_change_a_short_text(encoder: Encoder) -> None:
    encoder.clear_cache()
    alone = encoder.encode(["Afghans deported"])[0]
    encoder.clear_cache()
    # Batched beside a long text: one forward pass, yet the long text must not leak in.
    beside = encoder.encode(["Afghans deported", " ".join(SENTENCES[:4])], batch_size=2)[0]
    np.testing.assert_allclose(alone, beside, atol=1e-5)


def test_mixed_lengths_in_one_call_match_each_text_alone(encoder: Encoder) -> None:
    texts = ["Afghans deported", "Afghans expelled", *SENTENCES[:3], "Afghans deported"]
    encoder.clear_cache()
    together = encoder.encode(texts)
    alone = []
    for text in texts:
        encoder.clear_cache()
        alone.append(encoder.encode([text])[0])
    np.testing.assert_allclose(together, np.array(alone), atol=1e-5)


@pytest.mark.parametrize("batch_size", [1, 3, 256])
def test_batches_cover_every_text_once_one_length_each(batch_size: int) -> None:
    lengths = [12, 3, 3, 250, 40, 7, 250, 3, 90] * 5
    batches = list(_batches(lengths, batch_size))
    order = [i for batch in batches for i in batch]
    assert sorted(order) == list(range(len(lengths)))
    assert [lengths[i] for i in order] == sorted(lengths)  # shortest first
    for batch in batches:
        assert len(batch) <= batch_size
        assert len({lengths[i] for i in batch}) == 1  # one token count: no padding, no mask


def test_repeated_texts_are_encoded_once(encoder: Encoder, monkeypatch: pytest.MonkeyPatch) -> None:
    encoder.clear_cache()
    seen: list[int] = []
    forward = encoder._encode_texts

    def counting(texts: list[str], batch_size: int) -> np.ndarray:
        seen.append(len(texts))
        return forward(texts, batch_size)

    monkeypatch.setattr(encoder, "_encode_texts", counting)
    texts = ["Afghans deported", "Afghans expelled", "Afghans deported"]
    first = encoder.encode(texts)
    again = encoder.encode(list(reversed(texts)))
    assert seen == [2, 0]  # two distinct texts, then nothing new on the second call
    np.testing.assert_array_equal(first[0], first[2])
    np.testing.assert_array_equal(first, again[::-1])
    first[0] = 0.0  # callers own their rows: the cache is not aliased
    np.testing.assert_array_equal(encoder.encode(texts[:1])[0], again[0])


def _bert_in_numpy(ids: list[int]) -> np.ndarray:
    """BERT's forward pass and the mean pooling, written out from the weights in float64."""
    from safetensors.numpy import load_file

    w = {
        k: v.astype(np.float64)
        for k, v in load_file(str(_model_dir() / "model.safetensors")).items()
    }

    def norm(x: np.ndarray, name: str) -> np.ndarray:
        x = x - x.mean(-1, keepdims=True)
        return (
            x / np.sqrt((x * x).mean(-1, keepdims=True) + 1e-12) * w[f"{name}.weight"]
            + w[f"{name}.bias"]
        )

    def linear(x: np.ndarray, name: str) -> np.ndarray:
        return x @ w[f"{name}.weight"].T + w[f"{name}.bias"]

    erf = np.vectorize(math.erf)
    x = (
        w["embeddings.word_embeddings.weight"][ids]
        + w["embeddings.position_embeddings.weight"][: len(ids)]
    )
    x = norm(x + w["embeddings.token_type_embeddings.weight"][0], "embeddings.LayerNorm")
    heads, size = 12, DIM // 12
    for i in range(6):
        p = f"encoder.layer.{i}."
        q, k, v = (
            linear(x, f"{p}attention.self.{n}").reshape(len(ids), heads, size).transpose(1, 0, 2)
            for n in ("query", "key", "value")
        )
        scores = q @ k.transpose(0, 2, 1) / math.sqrt(size)
        scores = np.exp(scores - scores.max(-1, keepdims=True))
        context = (scores / scores.sum(-1, keepdims=True)) @ v
        x = norm(
            x
            + linear(
                context.transpose(1, 0, 2).reshape(len(ids), DIM), f"{p}attention.output.dense"
            ),
            f"{p}attention.output.LayerNorm",
        )
        inner = linear(x, f"{p}intermediate.dense")
        inner = 0.5 * inner * (1 + erf(inner / math.sqrt(2)))
        x = norm(x + linear(inner, f"{p}output.dense"), f"{p}output.LayerNorm")
    pooled = x.mean(0)
    return pooled / np.linalg.norm(pooled)


def test_the_graph_computes_bert(encoder: Encoder) -> None:
    for text in ("More than 327,000 Afghans have left Pakistan.", "people killed"):
        expected = _bert_in_numpy(encoder._tokenizer.encode(text).ids)
        encoder.clear_cache()
        assert float(encoder.encode([text])[0] @ expected) > 0.99999
