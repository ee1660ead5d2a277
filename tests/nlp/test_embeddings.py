"""The numpy all-MiniLM-L6-v2 encoder: properties a sentence encoder must have, without torch.

Agreement with the reference implementation (cosine >= 0.9999) is checked by
``eval/check_encoder.py`` in an environment that has sentence-transformers.
"""

from __future__ import annotations

import math

import numpy as np
import pytest

from triangulate.nlp.embeddings import (
    _BATCH_TOKENS,
    DIM,
    MAX_TOKENS,
    Encoder,
    _batches,
    _gelu,
    _length_runs,
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


def test_one_pass_over_mixed_lengths_matches_each_text_alone(encoder: Encoder) -> None:
    # Unsorted, with runs of equal lengths: rows are laid end to end without padding, and
    # attention must still see only its own text.
    texts = ["Afghans deported", "Afghans expelled", *SENTENCES[:3], "Afghans deported"]
    ids = [e.ids for e in encoder._tokenizer.encode_batch(texts)]
    assert len(ids[0]) == len(ids[1])
    together = encoder._encode_ids(ids)
    alone = np.concatenate([encoder._encode_ids([seq]) for seq in ids])
    np.testing.assert_allclose(together, alone, atol=1e-5)


@pytest.mark.parametrize(
    ("lengths", "runs"),
    [
        ([4], [(0, 1, 4)]),
        ([3, 3, 5, 2, 2, 2], [(0, 2, 3), (6, 1, 5), (11, 3, 2)]),
        ([2, 7, 2], [(0, 1, 2), (2, 1, 7), (9, 1, 2)]),
    ],
)
def test_length_runs(lengths: list[int], runs: list[tuple[int, int, int]]) -> None:
    assert _length_runs(np.array(lengths)) == runs


@pytest.mark.parametrize("batch_size", [1, 3, 256])
def test_batches_cover_every_text_once_within_limits(batch_size: int) -> None:
    lengths = [12, 3, 3, 250, 40, 7, 250, 3, 90] * 5
    batches = list(_batches(lengths, batch_size))
    order = [i for batch in batches for i in batch]
    assert sorted(order) == list(range(len(lengths)))
    assert [lengths[i] for i in order] == sorted(lengths)  # shortest first: little to pad
    for batch in batches:
        assert len(batch) <= batch_size
        assert len(batch) == 1 or sum(lengths[i] for i in batch) <= _BATCH_TOKENS


def test_repeated_texts_are_encoded_once(encoder: Encoder, monkeypatch: pytest.MonkeyPatch) -> None:
    encoder.clear_cache()
    seen: list[int] = []
    forward = encoder._encode_ids

    def counting(batch: list[list[int]]) -> np.ndarray:
        seen.append(len(batch))
        return forward(batch)

    monkeypatch.setattr(encoder, "_encode_ids", counting)
    texts = ["Afghans deported", "Afghans expelled", "Afghans deported"]
    first = encoder.encode(texts)
    again = encoder.encode(list(reversed(texts)))
    assert seen == [2]  # two distinct texts, one forward pass, nothing on the second call
    np.testing.assert_array_equal(first[0], first[2])
    np.testing.assert_array_equal(first, again[::-1])
    first[0] = 0.0  # callers own their rows: the cache is not aliased
    np.testing.assert_array_equal(encoder.encode(texts[:1])[0], again[0])


def test_gelu_is_exact_erf_gelu() -> None:
    x = np.linspace(-8, 8, 4001, dtype=np.float32).reshape(-1, 1).repeat(3, axis=1)
    expected = 0.5 * x.astype(np.float64) * (1 + np.vectorize(math.erf)(x / math.sqrt(2)))
    np.testing.assert_allclose(_gelu(x), expected, atol=1e-6)


def test_long_input_is_truncated(encoder: Encoder) -> None:
    base = " ".join(["The ministry said returns continued through the week."] * 40)
    assert len(base.split()) > MAX_TOKENS
    longer = base + " Completely different words about football and weather follow here."
    a, b = encoder.encode([base, longer])
    np.testing.assert_allclose(a, b, atol=1e-5)


def test_empty_input_and_single_string(encoder: Encoder) -> None:
    assert encoder.encode([]).shape == (0, DIM)
    with pytest.raises(TypeError):
        encoder.encode("one string is not a list of texts")
