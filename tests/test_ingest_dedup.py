"""Near-duplicate fingerprints: one wire story in two dressings matches, two stories do not."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import pytest

from peacewatch.ingest import clean, lsh_keys, signature, similarity

DATA = Path(__file__).parent / "data" / "ingest"


def read(name: str) -> str:
    return (DATA / name).read_text(encoding="utf-8")


def cleaned(name: str) -> str:
    text = read(name)
    return clean(text, text.splitlines()[0])[0]


def test_signature_is_128_little_endian_uint64_and_deterministic() -> None:
    sig = signature("Russian drones struck the port of Izmail on the Danube overnight.")
    assert isinstance(sig, bytes) and len(sig) == 1024
    assert sig == signature("Russian drones struck the port of Izmail on the Danube overnight.")


def test_case_and_punctuation_do_not_matter() -> None:
    a = signature("Russian drones struck the port of Izmail, on the Danube, overnight!")
    b = signature("russian DRONES struck the port of izmail on the danube overnight")
    assert a == b


def test_lsh_keys_are_16_bands_with_their_number() -> None:
    keys = lsh_keys(signature(read("wire_a.txt")))
    assert len(keys) == 16
    assert [k[:3] for k in keys] == [f"{i:02d}:" for i in range(16)]
    assert all(re.fullmatch(r"\d\d:[0-9a-f]{16}", k) for k in keys)


@pytest.mark.parametrize("prepare", [read, cleaned], ids=["raw", "cleaned"])
def test_two_copies_of_one_wire_story_match(prepare: Callable[[str], str]) -> None:
    # Different headlines, a comment count and a footer in one copy, one rewritten sentence.
    a, b = signature(prepare("wire_a.txt")), signature(prepare("wire_b.txt"))
    assert similarity(a, b) >= 0.8
    assert set(lsh_keys(a)) & set(lsh_keys(b))


def test_two_stories_on_the_same_topic_do_not_match() -> None:
    a, b = signature(read("wire_a.txt")), signature(read("other_story.txt"))
    assert similarity(a, b) < 0.5


def test_similarity_of_identical_and_of_empty_texts() -> None:
    sig = signature(read("other_story.txt"))
    assert similarity(sig, sig) == 1.0
    assert len(signature("")) == 1024
    assert len(signature("two words")) == 1024
    assert similarity(signature("two words"), signature("two words")) == 1.0


def test_a_wrong_length_signature_is_a_programming_error() -> None:
    with pytest.raises(ValueError, match="1024 bytes"):
        similarity(b"short", signature("x"))
    with pytest.raises(ValueError, match="1024 bytes"):
        lsh_keys(b"short")
