"""Blank boilerplate lines in place, so every offset into the cleaned text is an offset into the raw text.

Pages and scraped texts carry lines that are not the article: comment counters ("19"), the
headline repeated in another wording, reader comments, newsletter and donation footers, cookie
notices. Left in, they feed the extractor false events ("19" next to a casualty sentence) and
make two copies of one story look different. Each such line is replaced by spaces of the same
length (newlines kept), and its span is returned with the reason, so nothing is lost silently.

The rules are deliberately conservative: a line is only blanked when it is short, standalone and
matches a pattern; a sentence that reports facts is never touched. Image captions are kept on
purpose: a caption is often the only place a page names the weapon ("hit by a Shahed drone").
"""

from __future__ import annotations

import re
from collections.abc import Iterator

Span = tuple[int, int, str]

_LINE = re.compile(r"[^\n]*\n?")
# Every character str.splitlines() breaks on stays, so line numbers in the cleaned text still match.
_BREAKS = frozenset("\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029")

# --- stand-alone counters: comment/share/like counts left over from page furniture --------------
_COUNT = re.compile(
    r"""^(?:
        (?:\d{1,3}(?:[.,\u00a0\ ]\d{3})+|\d+)(?:[.,]\d+)?[kKmM]?           # 19, 1,204, 2.3K
      | \d[\d.,]*[kK]?\s+(?:comments?|shares?|likes?|views?|replies|reactions?)  # 19 comments
      | (?:comments?|shares?|replies)\s*[(\[]?\d+[)\]]?                     # Comments (19)
    )$""",
    re.IGNORECASE | re.VERBOSE,
)

# --- lines that are page furniture wherever they stand (only when short) -------------------------
_ANYWHERE: tuple[tuple[str, re.Pattern[str], int], ...] = (
    (
        "advertisement",
        re.compile(r"^(?:advertisement|advertising|sponsored(?: content)?|ad|anzeige|реклама)\W*$", re.I),
        3,
    ),
    (
        "related link",
        re.compile(
            r"^(?:read more|read also|also read|see also|more on this(?: story)?|related(?: \w+)?|previously(?: on [\w' ]+)?"
            r"|recommended(?: reading| for you)?|most read|further reading|editor'?s picks?"
            r"|you may also like|more from [\w ]+|more news|more stories|latest news|top stories|also (?:on|in) [\w ]+"
            r"|more in [\w ]+"
            # a live page's pointers to its earlier days: "Earlier on this page and elsewhere", "Catch up on …"
            r"|earlier (?:on this page|coverage)(?: and elsewhere)?|our earlier coverage|catch up(?: on [\w' ]+)?"
            r"|in case you missed it|what happened (?:yesterday|earlier))"
            r"(?:\s*[:–—|>»-]|\s*$)",
            re.I,
        ),
        40,
    ),
    (
        # a reference page's pointer to other pages: "This article is about the June 2024 attack. For the 2023
        # strike on the fleet headquarters, see Black Sea Fleet headquarters strike."
        "hatnote",
        re.compile(
            r"^(?:(?:This|The)\s+(?:article|page|list|entry)\s+is\s+about\s+[^.\n]{2,120}\.\s*)?"
            r"(?:For\s+[^.\n]{2,120},\s+see\s+[^.\n]{2,120}\.?|(?:Not\s+to\s+be\s+confused|Main\s+article)\b[^\n]{0,160})$"
            r"|^This\s+is\s+a\s+dynamic\s+list\b[^\n]{0,200}$"
        ),
        45,
    ),
    (
        "share/follow prompt",
        re.compile(
            r"^(?:share (?:this|on|via|article|story|post)\b|follow (?:us|[\w .'-]{1,40} on "
            r"(?:telegram|twitter|x|facebook|instagram|youtube|whatsapp|google news|bluesky))\b"
            r"|(?:share|tweet|email|print|copy link|facebook|twitter|telegram|whatsapp|linkedin|reddit)$)",
            re.I,
        ),
        20,
    ),
    (
        "newsletter/subscription promo",
        re.compile(
            r"^(?:(?:please )?subscribe\b|sign up\b|(?:get|receive) (?:our|the) (?:\w+ ){0,3}"
            r"(?:newsletter|briefing|updates|alerts)\b|(?:join|download) (?:our|the) (?:\w+ ){0,2}"
            r"(?:newsletter|app|channel|mailing list)\b)",
            re.I,
        ),
        30,
    ),
    (
        "donation appeal",
        re.compile(
            r"^(?:(?:please )?donate\b|make a donation\b|support (?:us|our (?:work|journalism|reporting"
            r"|newsroom)|independent (?:journalism|media))\b"
            r"|become a (?:member|patron|supporter|subscriber)\b)",
            re.I,
        ),
        40,
    ),
    (
        "news brief promo",
        re.compile(
            r"(?:\bnews ?brief\b|^all current\b.*\bcan be found\b|^updates\s*[–—-]\s|"
            r"^to the\b.{1,60}\b(?:newsletter|homepage|overview|live ?blog)\b)",
            re.I,
        ),
        16,
    ),
    ("copyright", re.compile(r"^(?:©|\(c\)\s*\d{4}|copyright\b)|\ball rights reserved\b", re.I), 30),
    (
        "cookie notice",
        re.compile(
            r"^(?=.*\bcookies?\b)(?=.*\b(?:we use|this (?:site|website) uses|accept|consent|privacy"
            r"|policy|settings|preferences)\b)",
            re.I,
        ),
        60,
    ),
)

# --- lines that are only furniture in the tail of a page (after the last paragraph of the article) --
_TAIL: tuple[tuple[str, re.Pattern[str], int], ...] = (
    (
        "reader comment",
        re.compile(
            r"(?:\bthanks?(?: you)?(?: so much)?(?: for (?:sharing|posting|writing|this|the (?:article|post"
            r"|update|info\w*)))\b|^(?:what an?|such an?|really|very|great|nice|excellent|wonderful|awesome"
            r"|brilliant|fantastic|interesting|insightful|informative|thought[- ]provoking|well[- ]written"
            r"|good)\b.{0,60}\b(?:article|piece|post|read|write-?up|story|analysis|blog|report)\b)",
            re.I,
        ),
        30,
    ),
    (
        "comment section",
        re.compile(
            r"^(?:\d+ )?(?:comments?|replies|reply|leave a (?:comment|reply)|log ?in to (?:comment|reply)"
            r"|add a comment|post a comment|show comments|view comments)\b.{0,40}$",
            re.I,
        ),
        10,
    ),
    ("tags", re.compile(r"^(?:tags?|topics?|filed under|categories)\s*:", re.I), 30),
    ("newsletter/subscription promo", re.compile(r"\bnewsletter\b", re.I), 20),
)

# A tail-only pattern never takes a line that reads like reporting: a number or a speech verb.
_REPORTING = re.compile(r"\d|\b(?:said|says|told|according|reported|killed|injured|wounded)\b", re.I)

# A header that introduces a list of links on the lines below it ("Related coverage", "Read more:")
_LINK_HEADER = re.compile(r"^[\w' ]{2,40}[:–—-]?$")
_LINK_ITEM = re.compile(r"^(?:[-•*–▸►>]|\d{1,2}[.)])\s+\S")

# --- headline repeats ------------------------------------------------------------------------------
_WORD = re.compile(r"[^\W_]+")
# SIM905 is silenced below: these word lists read better as prose than as 60 quoted strings.
_STOP = frozenset(
    """a an the and or but of in on at to for from by with as into over after before amid during
    is are was were be been being has have had it its this that these those their his her they we
    he she you i not no than then so if while says said new""".split()  # noqa: SIM905
)
_NUMBERS = dict(
    zip(
        "one two three four five six seven eight nine ten eleven twelve".split(),  # noqa: SIM905
        map(str, range(1, 13)),
        strict=True,
    )
)
_HEADLINE_MAX_WORDS = 25
_MIN_SHARED = 3


def _stem(word: str) -> str:
    """Crude English stemming, enough to see "kills"/"killed" and "talks"/"talk" as one word."""
    if word.isdigit():
        return word
    if word in _NUMBERS:
        return _NUMBERS[word]
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 4 and word.endswith("ed"):
        return word[:-2]
    if len(word) > 5 and word.endswith("ing"):
        return word[:-3]
    if len(word) > 3 and word.endswith("s") and not word.endswith("ss"):
        return word[:-1]
    return word


def _content_words(line: str) -> set[str]:
    return {_stem(w) for w in _WORD.findall(line.lower()) if w not in _STOP}


def _normal(line: str) -> str:
    return " ".join(_WORD.findall(line.lower()))


def _is_headline_like(line: str) -> bool:
    """Short and not a sentence: a headline ends without a full stop."""
    n = len(line.split())
    return 3 <= n <= _HEADLINE_MAX_WORDS and not line.rstrip().endswith((".", ",", ";"))


# a box's heading ("Key numbers since Alaska" under "Key dates since Alaska"): what follows is its box,
# the extractor needs the heading to set the box's figures apart
_BOX_HEAD = re.compile(
    r"\W*(?:key\s+(?:numbers|figures|facts)|by\s+the\s+numbers|in\s+numbers|at\s+a\s+glance)\b", re.I
)


def _repeats_headline(line: str, headline_norm: str, headline_words: set[str]) -> bool:
    """The same line, or a headline-like line made mostly of the headline's content words.

    ``headline_norm`` is ``_normal(headline)``, computed once by the caller: normalising the
    headline again for every line made a long title times many lines quadratic.
    """
    if _normal(line) == headline_norm:
        return True
    if not _is_headline_like(line) or not headline_words or _BOX_HEAD.match(line):
        return False
    words = _content_words(line)
    shared = len(words & headline_words)
    return shared >= _MIN_SHARED and shared / len(words) >= 0.6 and shared / len(headline_words) >= 0.5


# --- the pass ----------------------------------------------------------------------------------------


def _lines(text: str) -> Iterator[tuple[int, int, str]]:
    """(start, end, content) of every line, ``end`` before the line break."""
    for m in _LINE.finditer(text):
        if m.start() == m.end():
            break
        content = m.group().rstrip("\r\n")
        yield m.start(), m.start() + len(content), content


def _match(rules: tuple[tuple[str, re.Pattern[str], int], ...], line: str) -> str | None:
    words = len(line.split())
    for why, pattern, max_words in rules:
        if words <= max_words and pattern.search(line):
            return why
    return None


def _tail_start(lines: list[tuple[int, int, str]], first_body: int) -> int:
    """Index of the first line of the trailing block made only of blank or furniture lines."""
    i = len(lines)
    while i > first_body + 1:
        line = lines[i - 1][2].strip()
        if line and not (
            _COUNT.match(line)
            or _match(_ANYWHERE, line)
            or (not _REPORTING.search(line) and _match(_TAIL, line))
        ):
            break
        i -= 1
    return i


# "MikeFL: Another meeting …", "Olena K.: Eight people …": a commenter's handle and a colon
_HANDLE = re.compile(
    r"^@?[A-Z][\w.'’ -]{0,28}?(?: \(\w[^)]{0,20}\))?:\s+\S"
    # "hmkn1972, 7 Dec 2024 15.02 - Another Friday …": a handle, a timestamp, a dash
    r"|^@?[\w.'’-]{2,30},\s+\d{1,2}\s+[A-Za-z]{3,9}\s+\d{4}(?:\s+\d{1,2}[.:]\d{2})?\s*[-–—]\s+\S"
)


def _comments_start(lines: list[tuple[int, int, str]], first_body: int) -> int:
    """Index of a "3 comments" / "Comments" header in the second half of the page, or past the end.

    Below it, every line that opens with a commenter's handle is a reader comment, however
    newsworthy it sounds ("Eight people killed in Odesa the same day they talk about peace").
    """
    n = len(lines)
    for i in range(max(first_body + 1, n // 2), n):
        line = lines[i][2].strip()
        if line and re.match(
            r"^(?:\d[\d.,]*[kK]?\s+)?(?:comments?|replies|reader\s+comments)\b.{0,30}$"
            r"|^sorted\s+by\s+(?:oldest|newest|recommended)",
            line,
            re.I,
        ):
            return i
    return n


def clean(text: str, title: str | None = None) -> tuple[str, tuple[tuple[int, int, str], ...]]:
    """Blank boilerplate lines with spaces (same length, newlines kept); return the text and the spans."""
    lines = list(_lines(text))
    headline = (title or "").strip()
    headline_line: int | None = None
    given_words = _content_words(headline)
    given_norm = _normal(headline)
    for i, (_s, _e, content) in enumerate(lines):
        stripped = content.strip()
        if not stripped or _COUNT.match(stripped):
            continue
        if not headline:
            headline, headline_line = stripped, i
            break
        if _repeats_headline(stripped, given_norm, given_words):
            headline_line = i
            break
    headline_words = _content_words(headline) if headline else set()
    headline_norm = _normal(headline)
    first_body = headline_line if headline_line is not None else -1
    tail = _tail_start(lines, first_body)

    comments_from = _comments_start(lines, first_body)
    spans: list[Span] = []
    link_list = False  # inside the list of links under a "Related coverage" / "Read more" header
    for i, (start, end, content) in enumerate(lines):
        line = content.strip()
        if not line:
            link_list = False
            continue
        if i == headline_line:
            continue
        why: str | None = None
        if link_list and (_LINK_ITEM.match(line) or _is_headline_like(line)):
            why = "related link"  # "- The Tomahawk question: what the missiles could change"
        elif i > comments_from and _HANDLE.match(line):
            why = "reader comment"
        elif _COUNT.match(line):
            why = "stand-alone number (comment or share count)"
        elif (
            headline_line is not None
            and i > headline_line
            and _repeats_headline(line, headline_norm, headline_words)
        ):
            why = "repeated headline"
        if why is None:
            why = _match(_ANYWHERE, line)
            if why == "related link" and _LINK_HEADER.match(line):
                link_list = True  # the links follow on the lines below
        link_list = link_list and why == "related link"
        if why is None and i >= tail and not _REPORTING.search(line):
            why = _match(_TAIL, line)
        if why is not None:
            # Blank from the first to the last visible character, keeping indentation and "\r".
            lead = len(content) - len(content.lstrip())
            trail = len(content) - len(content.rstrip())
            spans.append((start + lead, end - trail, why))

    if not spans:
        return text, ()
    out = list(text)
    for start, end, _why in spans:
        for i in range(start, end):
            if out[i] not in _BREAKS:
                out[i] = " "
    return "".join(out), tuple(spans)
