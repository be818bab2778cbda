"""HTML pages and fragments to plain text: trafilatura for the main text, lxml for what it declines."""

from __future__ import annotations

import re
from typing import Any
from urllib.parse import urlsplit

import lxml.etree
import lxml.html

from peacewatch.errors import MalformedInput, TooLargeInput
from peacewatch.ingest.common import decode_bytes, has_letters, make_article
from peacewatch.records import Article

_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([\w:.-]+)""", re.I)
_XML_DECL = re.compile(r"^\s*<\?xml[^>]*\?>", re.I)
# Elements that start a new line of text (the fallback keeps paragraphs apart like trafilatura does).
# SIM905 is silenced: a tag list reads better as one string than as 25 quoted ones.
_BLOCK = frozenset(
    "p div br li ul ol h1 h2 h3 h4 h5 h6 tr table blockquote section article header footer "  # noqa: SIM905
    "pre figure figcaption dd dt hr".split()
)
_DROP = ("script", "style", "noscript", "template", "nav", "aside", "form", "header", "footer", "iframe")
# trafilatura declines texts below its minimum size; a feed summary is usually that short.
_SHORT_FRAGMENT = 1000

# trafilatura's time grows with the number of elements (about 2–4 s a megabyte of dense markup), and
# its fallbacks (jusText, readability) compare every block with its neighbours, which turns
# quadratic: 5,000 sibling <div>s took 4 s, 20,000 over 40 s. A news page holds a few thousand
# elements; past MAX_HTML_ELEMENTS a page is refused, and past _FALLBACK_MAX_ELEMENTS trafilatura
# runs without its fallbacks. MAX_HTML_CHARS bounds the markup itself (text inside few elements).
MAX_HTML_ELEMENTS = 20_000
_FALLBACK_MAX_ELEMENTS = 3_000
MAX_HTML_CHARS = 5_000_000
# libxml2 checks each attribute of a tag against the others (quadratic: a tag with 20,000 attributes
# took 2.5 s to parse, and htmldate and jusText as long again). Tags that long are found by a linear
# scan before parsing; one with more "=" than MAX_TAG_ATTRIBUTES is refused. A long tag with few
# attributes (an inline base64 image) is fine.
MAX_TAG_ATTRIBUTES = 2_000
_LONG_TAG = re.compile(r"<[^<>]{10000,}>")


def sniff_charset(data: bytes) -> str | None:
    """The charset a page declares in a <meta> tag near its start (Ukrainian sites still use cp1251)."""
    m = _META_CHARSET.search(data[:4096])
    if not m:
        return None
    declared = m.group(1).decode("ascii", "replace")
    # A <meta> that could be read as ASCII was not written in UTF-16 or UTF-32, whatever it says: the
    # HTML standard reads such a page as UTF-8, and so do we (decoding it as UTF-16 gave CJK noise).
    return "utf-8" if re.match(r"(?i)utf-?(?:16|32)", declared) else declared


# lxml's HTML parser keeps C0 control characters (and U+FFFE, U+FFFF), but refuses to set a text or
# tail holding one (ValueError: "All strings must be XML compatible"), which lxml_text does. They are
# never content.
_CONTROLS_TO_SPACE = {c: " " for c in (*range(32), 0xFFFE, 0xFFFF) if c not in (9, 10, 13)}


def _parse(markup: str) -> lxml.html.HtmlElement | None:
    """An lxml tree, or None when there is nothing to parse; TooLargeInput past the caps."""
    if len(markup) > MAX_HTML_CHARS:
        raise TooLargeInput(f"HTML is {len(markup):,} characters, over the {MAX_HTML_CHARS:,}-character cap")
    for tag in _LONG_TAG.finditer(markup):
        if tag.group().count("=") > MAX_TAG_ATTRIBUTES:
            raise TooLargeInput(f"an HTML tag has over {MAX_TAG_ATTRIBUTES:,} attributes (the cap)")
    markup = _XML_DECL.sub("", markup, count=1).translate(_CONTROLS_TO_SPACE)
    if not markup.strip():
        return None
    try:
        tree = lxml.html.document_fromstring(markup)
    except (lxml.etree.ParserError, ValueError):
        return None
    elements = _count_elements(tree, MAX_HTML_ELEMENTS + 1)
    if elements > MAX_HTML_ELEMENTS:
        raise TooLargeInput(f"HTML has over {MAX_HTML_ELEMENTS:,} elements (the cap); not a news page")
    return tree


def _count_elements(tree: lxml.html.HtmlElement, limit: int) -> int:
    """Elements in the tree, counted up to ``limit`` (lxml's iterator is lazy, so a huge tree costs little)."""
    n = 0
    for _ in tree.iter():
        n += 1
        if n >= limit:
            break
    return n


def _keep_captions(tree: lxml.html.HtmlElement) -> None:
    """Turn <figcaption> into paragraphs: trafilatura drops captions, and they often name the weapon."""
    for el in tree.iter("figcaption"):
        el.tag = "p"
    for el in tree.iter("figure"):
        el.tag = "div"


def lxml_text(tree: lxml.html.HtmlElement) -> str:
    """Visible text with one line per block element: the fallback when trafilatura finds no article."""
    for el in list(tree.iter(*_DROP)):
        if el.getparent() is not None:
            el.drop_tree()
    for el in tree.iter():
        if isinstance(el.tag, str) and el.tag.lower() in _BLOCK:
            el.tail = "\n" + (el.tail or "")
    lines = (" ".join(line.split()) for line in tree.text_content().splitlines())
    return "\n".join(line for line in lines if line)


def html_to_text(markup: str) -> str:
    """Plain text of an HTML fragment such as a feed summary, paragraphs on their own lines."""
    if "<" not in markup:
        return markup.strip()
    tree = _parse(markup)
    if tree is None:
        return ""
    if len(markup) >= _SHORT_FRAGMENT:
        _keep_captions(tree)
        text = _trafilatura_text(tree)
        if text:
            return text
        tree = _parse(markup)
        if tree is None:
            return ""
    return lxml_text(tree)


def _trafilatura_text(tree: lxml.html.HtmlElement, url: str | None = None) -> str | None:
    text = getattr(_extract(tree, url, with_metadata=False), "text", None)
    return text if isinstance(text, str) and text.strip() else None


def _extract(tree: lxml.html.HtmlElement, url: str | None, *, with_metadata: bool) -> Any:
    """trafilatura's Document (text and metadata), or None when it finds no article."""
    import trafilatura  # here, not at the top: with htmldate it is 0.1 s of every start-up (-X importtime)

    try:
        return trafilatura.bare_extraction(
            tree,
            url=url,
            with_metadata=with_metadata,
            include_comments=False,
            include_tables=False,
            include_images=False,
            fast=_count_elements(tree, _FALLBACK_MAX_ELEMENTS + 1) > _FALLBACK_MAX_ELEMENTS,
        )
    except (ValueError, TypeError, AttributeError, lxml.etree.LxmlError):
        # trafilatura is robust on real pages, but hostile markup has made it raise these; a bad
        # page must become a Rejection, not stop the run.
        return None


def _page_date(markup: str, url: str | None) -> str | None:
    from htmldate import find_date  # on first use, as trafilatura above

    try:
        return find_date(markup, url=url, original_date=True, extensive_search=False)
    except (ValueError, TypeError, lxml.etree.LxmlError):
        return None


def article_from_html(
    data: bytes,
    name: str,
    *,
    url: str | None = None,
    charset: str | None = None,
    origin: str | None = None,
) -> Article:
    """The main text, title, date and site of one page; raises an InputError when there is no article."""
    markup = decode_bytes(data, charset or sniff_charset(data))
    tree = _parse(markup)
    if tree is None:
        raise MalformedInput("no HTML to parse (empty document)")
    title_el = tree.find(".//title")
    page_title = title_el.text_content() if title_el is not None else None
    published = _page_date(markup, url)
    _keep_captions(tree)
    doc = _extract(tree, url, with_metadata=True)
    text = getattr(doc, "text", None) or ""
    if not has_letters(text):
        fallback = _parse(markup)
        text = lxml_text(fallback) if fallback is not None else ""
    if not has_letters(text):
        raise MalformedInput("no article text found in the HTML")
    meta_url = getattr(doc, "url", None)
    page_url = url or (meta_url if isinstance(meta_url, str) and meta_url.startswith("http") else None)
    parts = urlsplit(page_url) if page_url else None
    host = parts.hostname if parts else None
    site = getattr(doc, "sitename", None)
    if parts and isinstance(site, str) and site.lower() in (parts.netloc.lower(), host):
        site = None  # trafilatura's fallback is the URL's netloc, port included; we want the host name
    return make_article(
        id=name,
        raw_text=text,
        title=getattr(doc, "title", None) or page_title,
        published=published,
        url=page_url,
        source=site or host,
        origin=origin or name,
    )
