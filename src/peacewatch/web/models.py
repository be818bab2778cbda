"""Request bodies of the write endpoints: validated here, at the edge, then passed on as plain values."""

from __future__ import annotations

import datetime as dt

from pydantic import BaseModel, ConfigDict, Field


class CommitmentIn(BaseModel):
    """A commitment to check attacks against (``peacewatch commitments add``)."""

    model_config = ConfigDict(extra="forbid")

    name: str = Field(min_length=1, max_length=300, examples=["Energy pause"])
    scope: str = Field(min_length=1, max_length=500, examples=["energy infrastructure"])
    start: dt.date
    end: dt.date | None = None
    bound: str | None = Field(
        None, pattern=r"^[A-Za-z]{2}$", description="ISO2 of the bound party; none: all"
    )
    note: str | None = Field(None, max_length=2000)


class TextIn(BaseModel):
    """One article given as text, with what is known about it (the JSONL record's fields)."""

    model_config = ConfigDict(extra="forbid")

    text: str = Field(min_length=1, max_length=5_000_000)
    id: str | None = Field(None, max_length=300, description="document id; default: a hash of the text")
    title: str | None = Field(None, max_length=1000)
    published: str | None = Field(None, max_length=40, description="ISO date or datetime")
    source: str | None = Field(None, max_length=300, description="the outlet")
    url: str | None = Field(None, max_length=2000)


class UrlIn(BaseModel):
    """A web page or an RSS/Atom feed to fetch (public addresses only) and ingest."""

    model_config = ConfigDict(extra="forbid")

    url: str = Field(pattern=r"^https?://", max_length=2000, examples=["https://example.org/feed.xml"])
