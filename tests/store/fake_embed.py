"""A fast stand-in for the sentence encoder, for tests of storage (not of clustering quality).

Hashed bag of lower-cased words, L2-normalised: texts sharing words get similar vectors, so
clustering still behaves sensibly, at thousands of texts per second.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Sequence

import numpy as np
import numpy.typing as npt

DIM = 384


def fake_embed(texts: Sequence[str]) -> npt.NDArray[np.float32]:
    """Embed texts as unit-length hashed word counts."""
    out = np.zeros((len(texts), DIM), dtype=np.float32)
    for row, text in enumerate(texts):
        for word in re.findall(r"\w+", text.lower()):
            out[row, int(hashlib.md5(word.encode()).hexdigest()[:8], 16) % DIM] += 1.0
        norm = float(np.linalg.norm(out[row]))
        if norm:
            out[row] /= norm
    return out
