"""Files and folders through read_sources: every kind of file, every way a file can be bad."""

from __future__ import annotations

import os
import shutil
import time
from pathlib import Path

import pytest

from peacewatch.ingest import read_sources
from peacewatch.records import Article, Rejection
from peacewatch.settings import Options

DATA = Path(__file__).parent / "data" / "ingest"
BODY = (
    "Two people were injured when a drone hit an apartment building in Kharkiv's Saltivskyi district "
    "overnight, the regional governor said on Sunday.\n"
)


def read(*sources: str | Path, **options: object) -> list[Article | Rejection]:
    return list(read_sources([str(s) for s in sources], Options(**options)))  # type: ignore[arg-type]


def one(*sources: str | Path, **options: object) -> Article | Rejection:
    (result,) = read(*sources, **options)
    return result


def rejection(*sources: str | Path, **options: object) -> Rejection:
    result = one(*sources, **options)
    assert isinstance(result, Rejection), result
    assert "\n" not in result.reason
    return result


# --- text and markdown ---------------------------------------------------------------------------------


def test_txt_title_is_the_first_non_empty_line(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text("\n\nDrone hits Kharkiv apartment block\n" + BODY, encoding="utf-8")
    art = one(path)
    assert isinstance(art, Article)
    assert art.id == str(path) and art.origin == str(path)
    assert art.title == "Drone hits Kharkiv apartment block"
    assert art.raw_text.startswith("\n\nDrone hits")
    assert art.language == "en"
    assert art.published is None and art.url is None and art.source is None


def test_markdown_heading_marks_are_stripped_from_the_title(tmp_path: Path) -> None:
    path = tmp_path / "a.md"
    path.write_text("## Drone hits Kharkiv apartment block ##\n\n" + BODY, encoding="utf-8")
    art = one(path)
    assert isinstance(art, Article) and art.title == "Drone hits Kharkiv apartment block"


def test_front_matter_gives_metadata_and_is_not_text() -> None:
    art = one(DATA / "front_matter.md")
    assert isinstance(art, Article)
    assert art.title == "Air raid alert across Ukraine as bombers take off"
    assert (art.published, art.url, art.source) == (
        "2025-11-22",
        "https://notes.example/alert",
        "Field Notes",
    )
    assert art.raw_text.startswith("# Air raid alert")
    assert "---" not in art.raw_text and "source:" not in art.raw_text


def test_front_matter_with_a_bad_date_keeps_the_article(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text("---\ntitle: Shelling in Kherson\npublished: yesterday evening\n---\n" + BODY)
    art = one(path)
    assert isinstance(art, Article)
    assert art.title == "Shelling in Kherson" and art.published is None


def test_a_leading_horizontal_rule_is_not_front_matter(tmp_path: Path) -> None:
    path = tmp_path / "a.md"
    path.write_text("---\nNot a key value line here\n---\n" + BODY)
    art = one(path)
    assert isinstance(art, Article)
    assert art.raw_text.startswith("---\nNot a key")


def test_a_utf8_bom_is_accepted(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_bytes(b"\xef\xbb\xbf" + BODY.encode())
    art = one(path)
    assert isinstance(art, Article) and art.raw_text == BODY


def test_a_utf16_file_with_bom_is_decoded(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_bytes(("Title\n" + BODY).encode("utf-16"))
    art = one(path)
    assert isinstance(art, Article) and art.raw_text == "Title\n" + BODY


# --- folders ---------------------------------------------------------------------------------------------


def test_folder_is_recursed_in_sorted_order_hidden_skipped(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    (corpus / "b_sub").mkdir(parents=True)
    (corpus / ".git").mkdir()
    (corpus / "c.txt").write_text("Third\n" + BODY)
    (corpus / "a.txt").write_text("First\n" + BODY)
    (corpus / "b_sub" / "z.md").write_text("# Second\n" + BODY)
    (corpus / ".hidden.txt").write_text("Hidden\n" + BODY)
    (corpus / ".git" / "x.txt").write_text("Hidden too\n" + BODY)
    (corpus / "photo.jpg").write_bytes(b"\xff\xd8\xff\xe0")
    results = read(corpus)
    assert [r.id if isinstance(r, Article) else r.source for r in results] == [
        f"{corpus}/a.txt",
        f"{corpus}/b_sub/z.md",
        f"{corpus}/c.txt",
        f"{corpus}/photo.jpg",
    ]
    rej = results[-1]
    assert isinstance(rej, Rejection) and "unsupported file type (.jpg)" in rej.reason


def test_ids_keep_the_folder_path_as_given(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    Path("corpus").mkdir()
    Path("corpus/a.txt").write_text("Title\n" + BODY)
    (art,) = read("corpus")
    assert isinstance(art, Article) and art.id == "corpus/a.txt"
    (art,) = read("corpus/")
    assert isinstance(art, Article) and art.id == "corpus/a.txt"


def test_a_directory_loop_is_rejected_not_followed(tmp_path: Path) -> None:
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "a.txt").write_text("Title\n" + BODY)
    os.symlink(tmp_path, tmp_path / "sub" / "loop")
    results = read(tmp_path)
    assert isinstance(results[0], Article)
    assert isinstance(results[1], Rejection) and "directory loop" in results[1].reason
    assert len(results) == 2


def test_mixed_sources_keep_input_order(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("Title\n" + BODY)
    results = read(tmp_path / "missing.txt", tmp_path / "a.txt", "ftp://files.example/x.txt")
    assert [type(r).__name__ for r in results] == ["Rejection", "Article", "Rejection"]


# --- bad files ---------------------------------------------------------------------------------------------


def test_unreadable_file(tmp_path: Path) -> None:
    path = tmp_path / "secret.txt"
    path.write_text("Title\n" + BODY)
    path.chmod(0)
    try:
        if os.access(path, os.R_OK):
            pytest.skip("running as root: chmod 000 does not make the file unreadable")
        rej = rejection(path)
        assert rej.code == "PW201" and "permission denied" in rej.reason
    finally:
        path.chmod(0o644)


def test_missing_file(tmp_path: Path) -> None:
    rej = rejection(tmp_path / "gone.txt")
    assert (rej.code, rej.source) == ("PW201", str(tmp_path / "gone.txt"))
    assert "no such file" in rej.reason


def test_a_file_that_vanishes_while_the_folder_is_read(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("First\n" + BODY)
    (tmp_path / "b.txt").write_text("Second\n" + BODY)
    results = read_sources([str(tmp_path)])
    first = next(results)
    assert isinstance(first, Article)
    (tmp_path / "b.txt").unlink()  # removed after the folder was listed
    (rej,) = list(results)
    assert isinstance(rej, Rejection)
    assert (rej.code, rej.source) == ("PW201", str(tmp_path / "b.txt"))


@pytest.mark.parametrize(
    ("name", "data"),
    [
        ("nul.txt", b"Title\nSome text\x00with a NUL byte in the middle of it.\n"),
        ("control.txt", bytes(range(1, 32)) * 20 + b"a few letters"),
        ("image.html", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(200)),
        ("blob.jsonl", b'{"text": "x"}\n\x00\x01\x02\x03' * 10),
        ("blob.xml", b"<rss>\x00\x00\x00\x01</rss>"),
    ],
)
def test_binary_file(tmp_path: Path, name: str, data: bytes) -> None:
    path = tmp_path / name
    path.write_bytes(data)
    rej = rejection(path)
    assert rej.code == "PW202" and "binary" in rej.reason


def test_invalid_utf8_reports_the_byte_offset(tmp_path: Path) -> None:
    path = tmp_path / "latin.txt"
    data = b"Title\nStrike on Kherson caf" + b"\xe9 kills two\n"
    path.write_bytes(data)
    rej = rejection(path)
    assert rej.code == "PW203"
    assert f"byte offset {data.index(bytes([0xE9]))}" in rej.reason


@pytest.mark.parametrize("name", ["empty.txt", "blank.md", "empty.html", "blank.xml", "empty.jsonl"])
@pytest.mark.parametrize("content", [b"", b"  \n\t\n  "])
def test_empty_or_whitespace_only_file(tmp_path: Path, name: str, content: bytes) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    rej = rejection(path)
    assert rej.code == "PW204"


def test_file_over_max_bytes(tmp_path: Path) -> None:
    path = tmp_path / "long.txt"
    path.write_text("Title\n" + BODY * 20)
    rej = rejection(path, max_bytes=1000)
    assert rej.code == "PW205" and "1,000-byte cap" in rej.reason
    assert isinstance(one(path, max_bytes=10_000), Article)


def test_a_50_mb_file_is_rejected_by_its_size_without_reading_it(tmp_path: Path) -> None:
    path = tmp_path / "huge.txt"
    with open(path, "wb") as fh:
        fh.write(b"Title\n")
        fh.truncate(50 * 1024 * 1024)  # sparse: no 50 MB written, but stat says 50 MB
    start = time.monotonic()
    rej = rejection(path)  # default cap: 20 MB
    assert time.monotonic() - start < 1.0
    assert rej.code == "PW205" and "52,428,800 bytes" in rej.reason


def test_unsupported_file_given_directly(tmp_path: Path) -> None:
    path = tmp_path / "report.pdf"
    path.write_bytes(b"%PDF-1.7")
    rej = rejection(path)
    assert "unsupported file type (.pdf)" in rej.reason


def test_not_a_regular_file(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    rej = rejection(fifo)
    assert rej.code == "PW201" and "not a regular file" in rej.reason


# --- HTML files ------------------------------------------------------------------------------------------


def test_html_page_gives_main_text_title_date_and_site() -> None:
    art = one(DATA / "page.html")
    assert isinstance(art, Article)
    assert art.title == "Glide bombs hit Kharkiv suburbs, three dead"
    assert art.published == "2025-11-18"
    assert art.source == "Slobozhanshchyna Herald"
    assert art.url == "https://herald.example/news/kharkiv-glide-bombs"
    assert "killing three people and injuring 11" in art.text
    # The caption is kept on purpose: it is the only place naming the bomb.
    assert "KAB-500 glide bomb" in art.text
    # Navigation, sidebar, reader comments and footer are not article text.
    for junk in ("Football league", "Great article", "Stay strong", "Subscribe", "All rights reserved"):
        assert junk not in art.raw_text
    assert "\n" in art.raw_text  # paragraphs stay on their own lines


def test_garbage_markup_never_raises() -> None:
    result = one(DATA / "garbage.html")
    if isinstance(result, Rejection):
        assert result.code == "PW206" and "no article text found" in result.reason
    else:
        assert result.text.strip()


def test_markup_with_little_text_is_recovered_by_the_fallback(tmp_path: Path) -> None:
    path = tmp_path / "short.html"
    path.write_text("<html><body><div><p>" + BODY + "</p></div><span><b>unclosed</i></body>")
    art = one(path)
    assert isinstance(art, Article)
    assert "Saltivskyi district" in art.text


def test_html_in_a_declared_legacy_charset(tmp_path: Path) -> None:
    text = (
        "Удар по Харкову: двоє поранених. Дрон влучив у багатоквартирний будинок уночі, повідомив голова ОВА."
    )
    html = (
        f'<html><head><meta charset="windows-1251"><title>Удар по Харкову</title></head><body><p>{text}</p>'
    )
    path = tmp_path / "uk.html"
    path.write_bytes(html.encode("cp1251"))
    art = one(path)
    assert isinstance(art, Article)
    assert "двоє поранених" in art.text and art.language == "uk"


def test_html_with_an_undeclared_wrong_encoding_is_a_decode_error(tmp_path: Path) -> None:
    path = tmp_path / "bad.html"
    path.write_bytes(b"<html><body><p>Strike on Kherson caf\xe9</p></body></html>")
    assert rejection(path).code == "PW203"


def test_xhtml_with_an_xml_declaration(tmp_path: Path) -> None:
    path = tmp_path / "x.htm"
    path.write_text(
        '<?xml version="1.0" encoding="utf-8"?>\n<html xmlns="http://www.w3.org/1999/xhtml"><head>'
        f"<title>Drone hits Kharkiv</title></head><body><p>{BODY}</p></body></html>"
    )
    art = one(path)
    assert isinstance(art, Article) and "Saltivskyi" in art.text and art.title == "Drone hits Kharkiv"


# --- feed files ------------------------------------------------------------------------------------------


def test_feed_with_broken_entries_yields_the_good_ones() -> None:
    path = DATA / "feed_mixed.xml"
    results = read(path)
    assert [type(r).__name__ for r in results] == ["Article", "Rejection", "Rejection", "Article"]
    good, empty, headline_only, last = results
    assert isinstance(good, Article) and isinstance(last, Article)
    assert good.id == "https://wire.example/nikopol-shelling" and good.url == good.id
    assert good.title == "Shelling of Nikopol injures two"
    assert good.source == "Eastern Front Wire"
    assert good.published == "2025-11-19T09:30:00+00:00"
    assert good.origin == str(path)
    assert "<" not in good.raw_text and "Nikopol across the Dnipro" in good.raw_text
    assert "A gas pipeline" in good.raw_text.splitlines()[-1]
    assert last.published is None  # "not a date at all" is dropped, the entry kept
    assert isinstance(empty, Rejection) and isinstance(headline_only, Rejection)
    assert (empty.source, empty.code) == (f"{path}#2", "PW204")
    assert headline_only.source == f"{path}#3" and "no text" in headline_only.reason


def test_atom_feed_prefers_content_over_summary() -> None:
    art = one(DATA / "atom.atom")
    assert isinstance(art, Article)
    assert art.id == "tag:monitor.example,2025:izmail" and art.url is None
    assert art.source == "Black Sea Monitor"
    assert art.published == "2025-11-21T01:10:00+02:00"
    assert art.text.startswith("Russian drones attacked port infrastructure in Izmail")


def test_xml_that_is_not_a_feed() -> None:
    rej = rejection(DATA / "not_a_feed.xml")
    assert rej.code == "PW206" and "not an RSS or Atom feed" in rej.reason


def test_feed_entries_without_link_or_id_are_numbered(tmp_path: Path) -> None:
    src = (DATA / "feed_mixed.xml").read_text().replace("<link>https://wire.example/kyiv-debris</link>", "")
    path = tmp_path / "f.rss"
    path.write_text(src)
    last = read(path)[-1]
    assert isinstance(last, Article) and last.id == f"{path}#4" and last.url is None


def test_the_fixture_folder_reads_without_error(tmp_path: Path) -> None:
    shutil.copytree(DATA, tmp_path / "data")
    results = read(tmp_path / "data")
    assert sum(isinstance(r, Article) for r in results) >= 8
