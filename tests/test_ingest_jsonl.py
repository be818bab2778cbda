"""read_jsonl and stdin: one Article per good line, one Rejection per bad line, lines capped."""

from __future__ import annotations

import io
import json
import sys

import pytest

from peacewatch.ingest import read_jsonl, read_sources
from peacewatch.records import Article, Rejection
from peacewatch.settings import Options

STRIKE = "A drone hit a fuel depot near Bilhorod-Dnistrovskyi overnight, causing a fire, officials said."


def line(**fields: object) -> bytes:
    return json.dumps(fields, ensure_ascii=False).encode("utf-8") + b"\n"


def run(data: bytes, options: Options | None = None) -> list[Article | Rejection]:
    return list(read_jsonl(io.BytesIO(data), "batch.jsonl", options or Options()))


def test_fields_are_mapped() -> None:
    data = line(
        id="a1",
        title="Fuel depot on fire",
        text=STRIKE,
        published="2025-11-25",
        url="https://news.example/a1",
        source="News Example",
        language="en",
    )
    (art,) = run(data)
    assert isinstance(art, Article)
    assert (art.id, art.title, art.published, art.url, art.source, art.language, art.origin) == (
        "a1",
        "Fuel depot on fire",
        "2025-11-25",
        "https://news.example/a1",
        "News Example",
        "en",
        "batch.jsonl",
    )
    assert art.raw_text == STRIKE and art.text == STRIKE


def test_only_text_is_required_and_defaults_fill_in() -> None:
    data = b"\n" + line(text=STRIKE) + b"   \n" + line(id=7, text=STRIKE + " Second copy.")
    first, second = run(data)
    assert isinstance(first, Article) and isinstance(second, Article)
    assert first.id == "batch.jsonl:2"  # line numbers count blank lines
    assert first.title is None and first.published is None
    assert first.language == "en"  # detected
    assert second.id == "7"


def test_datetime_published_is_kept_and_a_bad_date_dropped() -> None:
    good, bad = run(
        line(text=STRIKE, published="2025-11-25T06:30:00+02:00") + line(text=STRIKE, published="last Tuesday")
    )
    assert isinstance(good, Article) and good.published == "2025-11-25T06:30:00+02:00"
    assert isinstance(bad, Article) and bad.published is None


def test_boilerplate_is_blanked_with_the_title() -> None:
    text = "Fuel depot on fire\n17\n" + STRIKE + "\nSubscribe to our newsletter"
    (art,) = run(line(title="Fuel depot on fire", text=text))
    assert isinstance(art, Article)
    assert [art.raw_text[s:e] for s, e, _ in art.boilerplate] == ["17", "Subscribe to our newsletter"]
    assert len(art.text) == len(art.raw_text)


@pytest.mark.parametrize(
    ("raw", "code", "needle"),
    [
        (b"{not json}\n", "PW206", "not valid JSON"),
        (b"[1, 2, 3]\n", "PW206", "not an object"),
        (b'"just a string"\n', "PW206", "not an object"),
        (line(title="No text here"), "PW206", 'no "text"'),
        (line(text=["a", "list"]), "PW206", '"text" must be a string'),
        (line(text=42), "PW206", '"text" must be a string'),
        (line(text="   "), "PW204", "empty"),
        (line(text=STRIKE, title=["x"]), "PW206", '"title" must be a string'),
        (line(text=STRIKE, published=20251125), "PW206", '"published" must be a string'),
        (line(text=STRIKE, id=True), "PW206", '"id" must be a string or an integer'),
        (line(text=STRIKE, id={"a": 1}), "PW206", '"id"'),
        (b"[" * 100_000 + b"\n", "PW206", "not valid JSON"),
    ],
)
def test_bad_lines_are_rejected_with_their_line_number(raw: bytes, code: str, needle: str) -> None:
    first, bad, last = run(line(text=STRIKE) + raw + line(text=STRIKE))
    assert isinstance(first, Article) and isinstance(last, Article)
    assert isinstance(bad, Rejection)
    assert (bad.code, bad.source) == (code, "batch.jsonl:2")
    assert needle in bad.reason
    assert "\n" not in bad.reason


def test_invalid_utf8_reports_the_byte_offset() -> None:
    bad = b'{"text": "Kyiv \xff\xfe"}\n'
    (rej,) = run(bad)
    assert isinstance(rej, Rejection)
    assert rej.code == "PW203"
    offset = bad.index(b"\xff")
    assert f"byte offset {offset} of the line" in rej.reason


def test_a_line_over_the_cap_is_rejected_and_the_next_line_read() -> None:
    cap = 200
    long_line = line(text="x " * 500)
    data = line(text=STRIKE) + long_line + line(text=STRIKE + " After the long one.")
    first, rej, last = run(data, Options(max_jsonl_line_bytes=cap))
    assert isinstance(rej, Rejection)
    assert (rej.code, rej.source) == ("PW205", "batch.jsonl:2")
    assert "200" in rej.reason
    assert isinstance(last, Article) and last.text.endswith("After the long one.")
    assert isinstance(first, Article)


def test_a_line_exactly_at_the_cap_is_accepted() -> None:
    data = line(text=STRIKE)
    (art,) = run(data, Options(max_jsonl_line_bytes=len(data) - 1))  # the cap excludes the newline
    assert isinstance(art, Article)


class LineOnlyStream(io.BytesIO):
    """A stream that fails if anyone tries to load it whole."""

    def read(self, size: int | None = -1) -> bytes:
        raise AssertionError("read() called: the whole stream would be loaded")

    def readlines(self, hint: int = -1) -> list[bytes]:
        raise AssertionError("readlines() called")


def test_the_stream_is_read_line_by_line_with_a_bound() -> None:
    stream = LineOnlyStream(line(text=STRIKE) + b"y" * 10_000 + b"\n" + line(text=STRIKE))
    out = list(read_jsonl(stream, "s", Options(max_jsonl_line_bytes=1000)))
    assert [type(x).__name__ for x in out] == ["Article", "Rejection", "Article"]


def test_an_empty_stream_is_one_rejection() -> None:
    (rej,) = run(b"\n  \n")
    assert isinstance(rej, Rejection)
    assert (rej.code, rej.source) == ("PW204", "batch.jsonl")


def test_a_leading_bom_is_ignored() -> None:
    (art,) = run(b"\xef\xbb\xbf" + line(text=STRIKE))
    assert isinstance(art, Article)


class Broken(io.BytesIO):
    def readline(self, size: int | None = -1) -> bytes:
        raise OSError(5, "Input/output error")


def test_a_read_error_is_a_rejection() -> None:
    (rej,) = list(read_jsonl(Broken(), "disk.jsonl", Options()))
    assert isinstance(rej, Rejection)
    assert rej.code == "PW201" and "Input/output error" in rej.reason


def test_stdin_dash(monkeypatch: pytest.MonkeyPatch) -> None:
    data = line(id="s1", text=STRIKE) + b"oops\n"
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data)))
    art, rej = read_sources(["-"])
    assert isinstance(art, Article) and art.id == "s1" and art.origin == "stdin"
    assert isinstance(rej, Rejection) and rej.source == "stdin:2"
