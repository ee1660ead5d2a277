"""Near-duplicate sketches for story clustering: MinHash over word 5-shingles, LSH band keys.

Wire copies and re-posts share most of their 5-word shingles; their MinHash signatures agree in
about that share of positions, and LSH banding finds such pairs without comparing all of them.
"""

from __future__ import annotations

import hashlib
import re

import numpy as np
import numpy.typing as npt
from datasketch import MinHash

__all__ = ["BANDS", "NUM_PERM", "Signature", "band_keys", "estimated_jaccard", "minhash_signature"]

Signature = npt.NDArray[np.uint32]

NUM_PERM = 100
BANDS = 20  # 20 bands x 5 rows: pairs at Jaccard 0.8 collide in some band with p > 0.999
_ROWS = NUM_PERM // BANDS
_SHINGLE = 5
_WORD = re.compile(r"\w+(?:['’]\w+)*")


def minhash_signature(text: str) -> Signature:
    """The MinHash signature of a text's word 5-shingles (lower-cased)."""
    words = [w.lower() for w in _WORD.findall(text)]
    shingles = {" ".join(words[i : i + _SHINGLE]) for i in range(max(1, len(words) - _SHINGLE + 1))}
    sketch = MinHash(num_perm=NUM_PERM, seed=1)
    sketch.update_batch([s.encode("utf-8") for s in shingles])
    return np.asarray(sketch.hashvalues, dtype=np.uint32)


def band_keys(signature: Signature) -> list[int]:
    """One LSH bucket key per band (a signed 64-bit hash of the band's rows)."""
    keys = []
    for band in range(BANDS):
        rows = signature[band * _ROWS : (band + 1) * _ROWS].tobytes()
        digest = hashlib.blake2b(rows, digest_size=8, person=band.to_bytes(2, "little")).digest()
        keys.append(int.from_bytes(digest, "little", signed=True))
    return keys


def estimated_jaccard(a: Signature, b: Signature) -> float:
    """The Jaccard similarity of two texts' shingle sets, estimated from their signatures."""
    return float(np.mean(a == b))
