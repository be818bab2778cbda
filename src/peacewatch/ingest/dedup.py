"""Near-duplicate fingerprints: MinHash of word 5-gram shingles, banded for LSH lookups.

Wire stories are republished with new headlines, boilerplate and an edited sentence; an exact
hash misses them. A stored signature lets the store find candidates by ``lsh_keys`` (equality
lookups on short strings) and confirm them with ``similarity`` without re-reading the texts.
"""

from __future__ import annotations

import hashlib
import re

import numpy as np

NUM_PERM = 128
SEED = 1  # fixed: signatures stored by one run must compare with those of the next
SHINGLE = 5
BANDS = 16
ROWS = NUM_PERM // BANDS  # 8 rows per band: pairs with Jaccard 0.8 share a band ~99.99% of the time
SIGNATURE_BYTES = NUM_PERM * 8

_WORD = re.compile(r"[^\W_]+")
_DTYPE = np.dtype("<u8")


def _shingles(text: str) -> list[bytes]:
    words = _WORD.findall(text.lower())
    if len(words) <= SHINGLE:
        return [" ".join(words).encode("utf-8")] if words else []
    return [" ".join(words[i : i + SHINGLE]).encode("utf-8") for i in range(len(words) - SHINGLE + 1)]


def signature(text: str) -> bytes:
    """MinHash of the text's word 5-grams (lower-cased, punctuation dropped): 128 little-endian uint64."""
    # Imported here: datasketch pulls in scipy (~0.3 s), which commands that never dedupe should not pay.
    from datasketch import MinHash

    mh = MinHash(num_perm=NUM_PERM, seed=SEED)
    shingles = _shingles(text)
    if shingles:
        mh.update_batch(shingles)
    return mh.hashvalues.astype(_DTYPE).tobytes()


def _values(sig: bytes) -> np.ndarray:
    if len(sig) != SIGNATURE_BYTES:
        raise ValueError(f"a signature is {SIGNATURE_BYTES} bytes, got {len(sig)}")
    return np.frombuffer(sig, dtype=_DTYPE)


def lsh_keys(sig: bytes) -> list[str]:
    """One key per band ("03:9f2c…"): two texts that share any key are near-duplicate candidates."""
    _values(sig)
    width = ROWS * 8
    keys = []
    for band in range(BANDS):
        digest = hashlib.blake2b(sig[band * width : (band + 1) * width], digest_size=8).hexdigest()
        keys.append(f"{band:02d}:{digest}")
    return keys


def similarity(a: bytes, b: bytes) -> float:
    """Estimated Jaccard similarity: the share of the 128 positions where the signatures agree."""
    return float(np.mean(_values(a) == _values(b)))
