"""Numbered citations: every figure and statement in a brief points to a source sentence.

A citation is one source's sentence (outlet, URL, publication time, quote); the same
sentence cited twice keeps its first number, so the reference list has no repeats.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from peacewatch.reconcile import Mention, Report


@dataclass(frozen=True, slots=True)
class Citation:
    n: int
    source: str
    url: str | None
    published: str | None
    quote: str | None

    def to_dict(self) -> dict[str, Any]:
        return {
            "n": self.n,
            "source": self.source,
            "url": self.url,
            "published": self.published,
            "quote": self.quote,
        }


class Citations:
    """Numbers each distinct (source, URL, published, quote) once, in order of first use."""

    def __init__(self) -> None:
        self._index: dict[tuple[str, str | None, str | None, str | None], int] = {}
        self.items: list[Citation] = []

    def cite(self, source: str, url: str | None, published: str | None, quote: str | None) -> int:
        key = (source, url, published, " ".join(quote.split()) if quote else None)
        n = self._index.get(key)
        if n is None:
            n = len(self.items) + 1
            self._index[key] = n
            self.items.append(Citation(n, source, url, published, key[3]))
        return n

    def report(self, r: Report) -> int:
        return self.cite(r.source, r.url, r.published, r.quote)

    def mention(self, m: Mention) -> int:
        return self.cite(m.source_name, m.url, m.published, m.quote)

    def evidence(self, e: dict[str, Any]) -> int:
        return self.cite(
            str(e.get("source") or "unknown source"), e.get("url"), e.get("published"), e.get("quote")
        )

    def earliest(self, numbers: tuple[int, ...]) -> str | None:
        """The earliest publication time among some citations (a fact's timestamp)."""
        times = [p for n in numbers if (p := self.items[n - 1].published)]
        return min(times) if times else None


def unique(numbers: list[int]) -> tuple[int, ...]:
    """Citation numbers without repeats, in order."""
    return tuple(dict.fromkeys(numbers))
