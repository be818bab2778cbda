"""Helpers shared by the ingest readers: decoding bytes, building an Article, turning errors into records."""

from __future__ import annotations

import codecs
import datetime as dt
import re

from peacewatch.errors import BinaryInput, DecodeError, EmptyInput, InputError
from peacewatch.ingest.clean import clean
from peacewatch.ingest.language import detect_language
from peacewatch.records import Article, Rejection

# Share of control characters (other than tab, newline, form feed, carriage return) above which bytes
# are taken for a binary file rather than text with a few stray control codes.
_CONTROL_SHARE = 0.05
_SNIFF_BYTES = 64 * 1024
_CONTROL = bytes(b for b in range(32) if b not in (9, 10, 12, 13)) + b"\x7f"


def display_name(name: str) -> str:
    """A path or URL as one printable line of valid UTF-8.

    File names are bytes on POSIX: an undecodable one arrives as lone surrogates, which
    neither a UTF-8 database nor stdout accepts. Those bytes become ``\\xNN`` escapes and
    control characters (a newline in a file name) become visible escapes too.
    """
    s = name.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")
    return "".join(ch if ch.isprintable() else ch.encode("unicode_escape").decode("ascii") for ch in s)


def reject(exc: InputError, source: str) -> Rejection:
    """The record of one input that could not be read (the error's own stage and stable code)."""
    reason = " ".join(str(exc.message).split())
    return Rejection(stage=exc.stage, reason=reason, source=display_name(source), code=exc.code)


def looks_binary(data: bytes) -> bool:
    """NUL bytes anywhere, or many control characters near the start: not a text file."""
    if b"\x00" in data:
        return True
    sample = data[:_SNIFF_BYTES]
    if not sample:
        return False
    controls = len(sample) - len(sample.translate(None, _CONTROL))
    return controls / len(sample) > _CONTROL_SHARE


def check_bytes(data: bytes) -> None:
    """Refuse a body that is empty or binary before any parser sees it."""
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return
    if not data.strip():
        raise EmptyInput("empty (nothing but whitespace)")
    if looks_binary(data):
        raise BinaryInput("binary content (NUL bytes or control characters), not text")


def decode_bytes(data: bytes, encoding: str | None = None) -> str:
    """Decode strictly (UTF-8 unless a charset was declared), so a wrong byte is reported, never guessed."""
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError as exc:
            raise DecodeError(f"invalid UTF-16 at byte {exc.start}") from None
    if looks_binary(data):
        raise BinaryInput("binary content (NUL bytes or control characters), not text")
    skip = 0
    if data.startswith(codecs.BOM_UTF8):
        skip, encoding = len(codecs.BOM_UTF8), "utf-8"
    codec = _codec(encoding)
    try:
        return data[skip:].decode(codec)
    except UnicodeDecodeError as exc:
        offset = exc.start + skip
        bad = data[offset : offset + 4]
        label = "UTF-8" if codec == "utf-8" else codec
        raise DecodeError(f"invalid {label} at byte offset {offset} ({bad!r})") from None


def _codec(encoding: str | None) -> str:
    """A codec Python knows for a declared charset; UTF-8 when none was declared or it is unknown."""
    if not encoding:
        return "utf-8"
    try:
        name = codecs.lookup(encoding.strip().strip("\"'")).name
    except LookupError:
        return "utf-8"
    # An ASCII declaration is routinely wrong on the web; UTF-8 is its superset, so read it as UTF-8.
    return "utf-8" if name in ("ascii", "utf-8") else name


def valid_published(value: object) -> str | None:
    """The value if it is an ISO date or datetime, else None (the article is kept without a date)."""
    if not isinstance(value, str):
        return None
    s = value.strip()
    if not s:
        return None
    try:
        if len(s) == 10:
            dt.date.fromisoformat(s)
        else:
            dt.datetime.fromisoformat(s)
    except ValueError:
        return None
    return s


def tidy(value: object) -> str | None:
    """A one-line string field (title, source) with runs of whitespace collapsed, or None when empty."""
    if not isinstance(value, str):
        return None
    s = " ".join(value.split())
    return s or None


_LETTER = re.compile(r"[^\W\d_]")


def has_letters(text: str, minimum: int = 20) -> bool:
    """Enough letters to be prose rather than markup debris."""
    return any(count >= minimum for count, _ in enumerate(_LETTER.finditer(text), start=1))


def make_article(
    *,
    id: str,
    raw_text: str,
    title: str | None = None,
    published: object = None,
    url: str | None = None,
    source: str | None = None,
    language: str | None = None,
    origin: str | None = None,
) -> Article:
    """Clean the text, validate the date, detect the language: the one place an Article is built."""
    if not raw_text.strip():
        raise EmptyInput("empty text (nothing but whitespace)")
    title = tidy(title)
    text, spans = clean(raw_text, title)
    if not text.strip():
        raise EmptyInput("nothing left after removing boilerplate")
    lang = tidy(language)
    return Article(
        id=display_name(id),
        text=text,
        raw_text=raw_text,
        title=title,
        published=valid_published(published),
        url=tidy(url),
        source=tidy(source),
        language=lang if lang else detect_language(text),
        origin=display_name(origin) if origin else origin,
        boilerplate=spans,
    )
