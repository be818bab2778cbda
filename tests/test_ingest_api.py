"""The public surface of peacewatch.ingest, and the promise that bad input never raises."""

from __future__ import annotations

import importlib
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from peacewatch.ingest import files as files_module
from peacewatch.ingest import read_sources
from peacewatch.records import Article, Rejection
from peacewatch.settings import Options


def test_public_names() -> None:
    # import_module, not "import peacewatch.ingest as m": the package's ingest() function shadows
    # the subpackage as an attribute of ``peacewatch``.
    ingest = importlib.import_module("peacewatch.ingest")
    assert sorted(ingest.__all__) == [
        "clean",
        "detect_language",
        "lsh_keys",
        "read_jsonl",
        "read_sources",
        "signature",
        "similarity",
    ]
    for name in ingest.__all__:
        assert callable(getattr(ingest, name))


def test_permission_denied_is_a_rejection(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # Works as root too (where chmod 000 does not stop reading): make open() itself refuse.
    path = tmp_path / "a.txt"
    path.write_text("Title\nSome text about an attack on Sumy.\n")

    def refuse(*args: object, **kwargs: object) -> None:
        raise PermissionError(13, "Permission denied", str(path))

    monkeypatch.setattr(files_module, "open", refuse, raising=False)
    (rej,) = list(read_sources([str(path)]))
    assert isinstance(rej, Rejection)
    assert (rej.code, rej.reason, rej.source) == ("PW201", "permission denied", str(path))


def test_long_feed_content_keeps_paragraphs_and_captions(tmp_path: Path) -> None:
    paragraph = (
        "&lt;p&gt;Rescue teams worked through the night at the site of the strike in Ternopil, where a "
        "missile hit a nine-storey residential building, the emergency service said on Wednesday.&lt;/p&gt;"
    )
    caption = (
        "&lt;figure&gt;&lt;figcaption&gt;Smoke rises after a Kh-101 missile strike."
        "&lt;/figcaption&gt;&lt;/figure&gt;"
    )
    body = paragraph * 6 + caption + paragraph.replace("Ternopil", "Lviv") * 2
    feed = (
        '<?xml version="1.0"?><rss version="2.0"><channel><title>Western Wire</title>'
        f"<item><title>Ternopil strike</title><link>https://west.example/t</link><description>{body}</description>"
        "</item></channel></rss>"
    )
    path = tmp_path / "west.rss"
    path.write_text(feed)
    (art,) = list(read_sources([str(path)]))
    assert isinstance(art, Article)
    assert "<" not in art.raw_text
    assert "Kh-101 missile strike" in art.raw_text
    assert "Lviv" in art.raw_text and art.raw_text.count("\n") >= 2


EXTENSIONS = [".txt", ".md", ".html", ".xml", ".jsonl"]


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.sampled_from(EXTENSIONS),
    st.one_of(
        st.binary(max_size=400),
        st.text(max_size=400).map(lambda s: s.encode("utf-8", "surrogatepass")),
        st.lists(st.sampled_from(["<p>", "</div>", "<rss>", "<item>", "{", '"text":', "\n", "---", "é", "x"]))
        .map("".join)
        .map(str.encode),
    ),
)
def test_any_bytes_in_any_supported_file_never_raise(ext: str, data: bytes) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / f"input{ext}"
        path.write_bytes(data)
        results = list(read_sources([str(path)], Options(max_bytes=10_000)))
    assert results
    for r in results:
        assert isinstance(r, Article | Rejection)
        if isinstance(r, Article):
            assert len(r.text) == len(r.raw_text) and r.text.strip()
        else:
            assert r.reason and "\n" not in r.reason and r.code.startswith("PW2")


def test_an_earlier_copy_of_a_stored_text_replaces_it_and_is_counted_so(tmp_path: Path) -> None:
    import json

    from peacewatch import api

    text = "Russian drones struck the port of Izmail on the Danube overnight, injuring two port workers."
    late = {"id": "wire-late", "title": "Izmail port hit", "published": "2025-03-03", "text": text}
    early = {**late, "id": "wire-early", "published": "2025-03-02"}
    db = str(tmp_path / "copies.db")
    for i, rec in enumerate((late, early)):
        src = tmp_path / f"{i}.jsonl"
        src.write_text(json.dumps(rec) + "\n", encoding="utf-8")
        report = api.ingest([str(src)], db)
    assert (report.added, report.replaced, report.duplicates, report.near_duplicates) == (0, 1, 0, 0)
    assert report.summary()["replaced"] == 1 and report.reconciled is not None
