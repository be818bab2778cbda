"""Helpers shared by the ingest readers: decoding bytes, building an Article, turning errors into records."""

from __future__ import annotations

import codecs
import datetime as dt
import re

from peacewatch.errors import BinaryInput, DecodeError, EmptyInput, InputError, TooLargeInput
from peacewatch.ingest.clean import clean
from peacewatch.ingest.language import detect_language
from peacewatch.records import MAX_TEXT_CHARS, PUBLISHED_RANGE, Article, Rejection

# Share of control characters (other than tab, newline, form feed, carriage return) above which bytes
# are taken for a binary file rather than text with a few stray control codes.
_CONTROL_SHARE = 0.05
_SNIFF_BYTES = 64 * 1024
_CONTROL = bytes(b for b in range(32) if b not in (9, 10, 12, 13)) + b"\x7f"

# The longest title, URL, source or language: longer is not metadata, and a title is compared with
# every line of the text when boilerplate is blanked.
MAX_FIELD_CHARS = 10_000
# A lone UTF-16 surrogate is no character: JSON may spell one ("\ud800") and so may a character
# reference in a feed ("&#xD800;"), but neither UTF-8 nor the database can hold it.
_SURROGATE = re.compile("[\ud800-\udfff]")


def display_name(name: str) -> str:
    """A path or URL as one printable line of valid UTF-8.

    File names are bytes on POSIX: an undecodable one arrives as lone surrogates, which
    neither a UTF-8 database nor stdout accepts. Those bytes become ``\\xNN`` escapes and
    control characters (a newline in a file name) become visible escapes too.
    """
    try:
        s = name.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")
    except UnicodeEncodeError:  # a lone surrogate no file name makes ("\ud800" in a JSON id)
        s = name.encode("utf-8", "backslashreplace").decode("utf-8")
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


# Byte order marks of the wide encodings, UTF-32 first: its little-endian mark begins with UTF-16's.
_WIDE_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


def _wide(data: bytes) -> str | None:
    """The codec of a UTF-16 or UTF-32 text that starts with its byte order mark."""
    return next((codec for bom, codec in _WIDE_BOMS if data.startswith(bom)), None)


def check_bytes(data: bytes) -> None:
    """Refuse a body that is empty or binary before any parser sees it."""
    if _wide(data):
        return
    if not data.strip():
        raise EmptyInput("empty (nothing but whitespace)")
    if looks_binary(data):
        raise BinaryInput("binary content (NUL bytes or control characters), not text")


def decode_bytes(data: bytes, encoding: str | None = None) -> str:
    """Decode strictly (UTF-8 unless a charset was declared), so a wrong byte is reported, never guessed."""
    wide = _wide(data)
    if wide:
        try:
            return data.decode(wide)
        except UnicodeDecodeError as exc:
            raise DecodeError(f"invalid {wide.upper()} at byte {exc.start}") from None
    if looks_binary(data):
        raise BinaryInput("binary content (NUL bytes or control characters), not text")
    skip = 0
    if data.startswith(codecs.BOM_UTF8):
        skip, encoding = len(codecs.BOM_UTF8), "utf-8"
    codec = _codec(encoding)
    label = "UTF-8" if codec == "utf-8" else codec
    try:
        return data[skip:].decode(codec)
    except UnicodeDecodeError as exc:
        offset = exc.start + skip
        bad = data[offset : offset + 4]
        raise DecodeError(f"invalid {label} at byte offset {offset} ({bad!r})") from None
    except UnicodeError as exc:  # codecs such as punycode raise the base class, without an offset
        raise DecodeError(f"invalid {label}: {' '.join(str(exc).split())}") from None


def _codec(encoding: str | None) -> str:
    """A codec Python knows for a declared charset; UTF-8 when none was declared or it is unknown."""
    if not encoding:
        return "utf-8"
    try:
        info = codecs.lookup(encoding.strip().strip("\"'"))
    except LookupError:
        return "utf-8"
    # Python also registers bytes-to-bytes and str-to-str codecs (base64, zlib, rot13): bytes.decode()
    # refuses them with LookupError. They are not charsets; CodecInfo marks them.
    if not getattr(info, "_is_text_encoding", True):
        return "utf-8"
    name = info.name
    # An ASCII declaration is routinely wrong on the web; UTF-8 is its superset, so read it as UTF-8.
    return "utf-8" if name in ("ascii", "utf-8") else name


def valid_published(value: object) -> str | None:
    """The value if it is an ISO date or datetime in PUBLISHED_RANGE, else None (the article is kept
    without a date)."""
    if not isinstance(value, str):
        return None
    s = value.strip()
    if not s:
        return None
    try:
        day = dt.date.fromisoformat(s) if len(s) == 10 else dt.datetime.fromisoformat(s).date()
    except ValueError:
        return None
    return s if PUBLISHED_RANGE[0] <= day <= PUBLISHED_RANGE[1] else None


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
    if len(raw_text) > MAX_TEXT_CHARS:
        raise TooLargeInput(
            f"text is {len(raw_text):,} characters, over the {MAX_TEXT_CHARS:,}-character cap"
        )
    if not raw_text.strip():
        raise EmptyInput("empty text (nothing but whitespace)")
    fields = (("title", title), ("url", url), ("source", source), ("language", language))
    for key, value in fields:
        if isinstance(value, str) and len(value) > MAX_FIELD_CHARS:
            raise TooLargeInput(
                f"{key} is {len(value):,} characters, over the {MAX_FIELD_CHARS:,}-character cap"
            )
    checked: tuple[tuple[str, object], ...] = (("text", raw_text), *fields, ("published", published))
    for key, given in checked:
        if not isinstance(given, str):
            continue
        bad = _SURROGATE.search(given)
        if bad is not None:
            raise DecodeError(f"{key} holds a lone surrogate (U+{ord(bad.group()):04X}), not a character")
        # a JSON "\u0000" (or UTF-32 read as UTF-16): no text holds NUL, and PostgreSQL refuses it
        if "\x00" in given:
            raise BinaryInput(f"{key} holds NUL characters, not text")
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
