"""Number phrases with their hedging: "at least seven", "350 to 500", "15+", "several".

Regular expressions over the sentence string rather than spaCy tokens: the tokenizer
splits these inconsistently ("350-500" is three tokens, "350–500" one; "≥47" one,
"15+" two), and a count must keep its qualifier words, which sit outside the digits.
"""

from __future__ import annotations

import re
import string
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from peacewatch.records import Count

_ASCII_LOWER = str.maketrans(string.ascii_uppercase, string.ascii_lowercase)

UNITS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19,
}  # fmt: skip
TENS = {
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
    "eighty": 80, "ninety": 90,
}  # fmt: skip
ORDINALS = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
    "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12,
}  # fmt: skip

# No count this product reports (killed, injured, weapons) runs past nine digits: a longer digit
# string is an id, a phone number or noise ("10^400", a 5,000-digit run), never a figure. Refusing it
# also keeps float rounding and Python's int-conversion limit out of the figures.
MAX_DIGITS = 9

_UNIT = "|".join(sorted(UNITS, key=len, reverse=True))
_TEN = "|".join(TENS)
_BELOW_100 = rf"(?:(?:{_TEN})(?:[- ](?:{_UNIT}))?|{_UNIT})"
_BELOW_1000 = rf"(?:(?:{_BELOW_100}|a)\s+hundred(?:\s+(?:and\s+)?{_BELOW_100})?|{_BELOW_100})"
WORD_NUMBER = (
    rf"(?:(?:{_BELOW_1000}|a)\s+thousand(?:\s+(?:and\s+)?{_BELOW_1000})?"
    rf"|half\s+a\s+dozen|(?:a|one|two|three|four)\s+dozen|a\s+pair(?=\s+of\s)|{_BELOW_1000})"
)
DIGIT_NUMBER = r"(?:\d{1,3}(?:,\d{3})+|\d{1,3}(?:\u00a0\d{3})+|\d+)(?:\.\d+)?(?:\s*(?:thousand|k)\b)?"
NUMBER = rf"(?:{DIGIT_NUMBER}|{WORD_NUMBER})"

AT_LEAST = (
    r"at\s+least|no\s+fewer\s+than|no\s+less\s+than|not\s+less\s+than|more\s+than|over|upwards\s+of"
    r"|in\s+excess\s+of|a\s+minimum\s+of|well\s+over|at\s+minimum"
)
AT_MOST = r"up\s+to|as\s+many\s+as|no\s+more\s+than|a\s+maximum\s+of|at\s+most|fewer\s+than|less\s+than"
APPROX = (
    r"around|about|approximately|approx\.|roughly|nearly|almost|some|close\s+to|an\s+estimated"
    r"|estimated|circa|about\s+some|more\s+or\s+less|~"
)
VAGUE = (
    r"several|dozens|scores|hundreds|a\s+number|many|numerous|multiple|a\s+few|a\s+handful"
    r"|others|a\s+large\s+number|large\s+numbers|countless|a\s+dozen\s+or\s+so"
)

_NUMBER_RE = re.compile(
    rf"""
    (?<![\w.,\-])
    (?:
      (?P<between>between)\s+(?P<b1>{NUMBER})\s+and\s+(?P<b2>{NUMBER})
    | (?P<from>from)\s+(?P<f1>{NUMBER})\s+to\s+(?P<f2>{NUMBER})
    | (?:(?P<qual>{AT_LEAST}|{AT_MOST}|{APPROX})\s+)?
      (?P<sym>[≥>≤<~]\s?)?
      (?P<n1>{NUMBER})
      (?:
        (?P<plus>\+)
      | \s*(?P<dash>-|–|—|to|or)\s*(?P<n2>{NUMBER})
      | (?P<ormore>\s+or\s+more)
      )?
    | (?P<vague>{VAGUE})
    )
    (?![\w])
    """,
    re.VERBOSE,
)  # runs on lower-cased text: IGNORECASE made this the costliest pattern


@dataclass(frozen=True, slots=True)
class NumberPhrase:
    start: int  # offsets into the string searched
    end: int
    count: Count
    text: str
    num_start: int  # where the first digit/number word begins (after qualifier words)

    @property
    def vague(self) -> bool:
        return self.count.qualifier == "unspecified"


def word_to_int(s: str) -> int | None:
    """'forty-five' → 45, 'two hundred and ten' → 210, 'a dozen' → 12, '1,200' → 1200."""
    s = s.strip().lower().replace("\u00a0", " ")
    if not s:
        return None
    mult = 1
    m = re.fullmatch(r"(.+?)\s*(thousand|k)", s)
    if m and re.match(r"[\d.,]+$", m.group(1)):
        s, mult = m.group(1), 1000
    if re.fullmatch(r"[\d,. ]+", s):
        digits = s.replace(",", "").replace(" ", "")
        if len(digits.partition(".")[0]) > MAX_DIGITS:
            return None
        try:
            val = Decimal(digits) * mult  # exact: a float would round "123456789.5" or overflow
        except InvalidOperation:
            return None
        if val != val.to_integral_value():
            return None
        return int(val)
    if s == "half a dozen":
        return 6
    if s == "a pair":
        return 2  # "a pair of guided bombs"
    total, current = 0, 0
    for part in re.split(r"[\s-]+", s):
        if part in ("and",):
            continue
        if part in UNITS:
            current += UNITS[part]
        elif part in TENS:
            current += TENS[part]
        elif part == "a":
            current += 1
        elif part == "dozen":
            current = (current or 1) * 12
        elif part == "hundred":
            current = (current or 1) * 100
        elif part == "thousand":
            total += (current or 1) * 1000
            current = 0
        else:
            return None
    return total + current


_CHANGE_LEFT = re.compile(
    r"\b(?:risen|rose|rises|rising|climbed|climbs|increased|jumped|grew|gone\s+up|went\s+up|revised(?:\s+\w+)?"
    r"|raised(?:\s+\w+)?|fell|fallen|dropped)\s+$",
    re.IGNORECASE,
)


def find_numbers(text: str) -> list[NumberPhrase]:
    """Every number phrase in ``text`` with a Count describing its hedging."""
    out: list[NumberPhrase] = []
    for m in _NUMBER_RE.finditer(text.translate(_ASCII_LOWER)):
        if m.group("from") and _CHANGE_LEFT.search(text, max(0, m.start() - 40), m.start()):
            # "the toll had risen from 23 to 25": a change, whose figure now is the second number
            b = word_to_int(m.group("f2"))
            if b is not None:
                out.append(
                    NumberPhrase(m.start("f2"), m.end("f2"), Count.exact(b), m.group("f2"), m.start("f2"))
                )
            continue
        phrase = _to_phrase(m)
        if phrase is not None and not _in_clock_time(text, phrase):
            out.append(phrase)
    return out


_CLOCK = re.compile(r"(?<![\d:.])(?:[01]?\d|2[0-3]):[0-5]\d(?![\d:])")


def _in_clock_time(text: str, phrase: NumberPhrase) -> bool:
    """ "at 19:40": an hour and its minutes are no figures (whatever words stand before them)."""
    if ":" not in text[max(0, phrase.num_start - 3) : phrase.end + 3]:
        return False
    return any(
        c.start() <= phrase.num_start < c.end()
        for c in _CLOCK.finditer(text, max(0, phrase.num_start - 3), min(len(text), phrase.end + 3))
    )


def _to_phrase(m: re.Match[str]) -> NumberPhrase | None:
    g = m.groupdict()
    start, end = m.span()
    if g["vague"]:
        # "others" needs a noun or a verb after it to mean a quantity; the caller checks the context
        return NumberPhrase(start, end, Count.unspecified(), m.group(0), start)
    if g["between"] or g["from"]:
        a = word_to_int(g["b1"] or g["f1"])
        b = word_to_int(g["b2"] or g["f2"])
        if a is None or b is None or b < a:
            return None
        num_start = m.start("b1") if g["b1"] else m.start("f1")
        return NumberPhrase(start, end, Count.between(a, b), m.group(0), num_start)
    n1 = word_to_int(g["n1"])
    if n1 is None:
        return None
    num_start = m.start("n1")
    if g["n2"]:
        n2 = word_to_int(g["n2"])
        digits_mixed = re.match(r"\d", g["n1"]) is not None and re.match(r"\d", g["n2"]) is None
        if n2 is not None and n2 > n1 and not digits_mixed:
            return NumberPhrase(start, end, Count.between(n1, n2), m.group(0), num_start)
        # "2020-21", "10-2", "3-four": not a range of counts; keep the first number only
        end = m.end("n1")
    qual = (g["qual"] or "").lower()
    sym = (g["sym"] or "").strip()
    if (
        g["plus"]
        or g["ormore"]
        or sym in ("≥", ">")
        or (qual and re.fullmatch(AT_LEAST, qual, re.IGNORECASE))
    ):
        count = Count.at_least(n1)
    elif sym in ("≤", "<") or (qual and re.fullmatch(AT_MOST, qual, re.IGNORECASE)):
        count = Count.at_most(n1)
    elif sym == "~" or (qual and re.fullmatch(APPROX, qual, re.IGNORECASE)):
        count = Count.approx(n1)
    else:
        count = Count.exact(n1)
    return NumberPhrase(start, end, count, m.string[start:end], num_start)


def ordinal_or_number(word: str) -> int | None:
    """'second' → 2, '2nd' → 2, 'two' → 2."""
    w = word.lower()
    if w in ORDINALS:
        return ORDINALS[w]
    m = re.fullmatch(r"(\d+)(?:st|nd|rd|th)?", w)
    if m:
        return int(m.group(1)) if len(m.group(1)) <= MAX_DIGITS else None
    return word_to_int(w)
