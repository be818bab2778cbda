"""Words for the reports: figure labels, country names, actor names, venue coordinates.

Presentation only: the names come from the bundled gazetteer tables (read, never
changed), so a brief and an export spell a country the way extraction recognised it.
"""

from __future__ import annotations

import csv
import functools
import io
from importlib import resources

from peacewatch.reconcile import Figure

_KIND_WORDS = {
    "missile": ("missile", "missiles"),
    "drone": ("drone", "drones"),
    "glide_bomb": ("glide bomb", "glide bombs"),
    "rocket": ("rocket", "rockets"),
    "artillery": ("artillery shell", "artillery shells"),
    "cluster_munition": ("cluster munition", "cluster munitions"),
    "bomb": ("bomb", "bombs"),
}


# the countries this war's events and talks happen in; others keep their alpha-2 code
_ISO3 = {
    "UA": "UKR", "RU": "RUS", "BY": "BLR", "MD": "MDA", "PL": "POL", "RO": "ROU", "HU": "HUN",
    "SK": "SVK", "GE": "GEO", "TR": "TUR", "CH": "CHE", "AE": "ARE", "SA": "SAU", "QA": "QAT",
    "US": "USA", "GB": "GBR", "FR": "FRA", "DE": "DEU", "IT": "ITA", "VA": "VAT", "BE": "BEL",
    "FI": "FIN", "EE": "EST", "LV": "LVA", "LT": "LTU", "BG": "BGR", "KZ": "KAZ", "CN": "CHN",
    "AT": "AUT", "NO": "NOR", "SE": "SWE", "DK": "DNK", "NL": "NLD", "IL": "ISR", "EG": "EGY",
}  # fmt: skip


def _table(name: str) -> list[dict[str, str]]:
    raw = (resources.files("peacewatch.extract") / "data" / name).read_text(encoding="utf-8")
    return list(csv.DictReader(io.StringIO(raw), delimiter="\t", quoting=csv.QUOTE_NONE))


@functools.cache
def _countries() -> dict[str, str]:
    return {r["iso2"]: r["name"] for r in _table("countries.tsv")}


@functools.cache
def _venues() -> dict[str, tuple[float, float]]:
    out: dict[str, tuple[float, float]] = {}
    for r in _table("venues.tsv"):
        try:
            out.setdefault(r["name"], (float(r["lat"]), float(r["lon"])))
        except ValueError:
            continue
    return out


def country_name(code: str | None) -> str:
    """ "UA" → "Ukraine"; an unknown code is returned as given."""
    if not code:
        return ""
    return _countries().get(code.upper(), code)


def country_iso3(code: str | None) -> str:
    """A three-letter prefix for ACLED-style ids (UKR, RUS); falls back to the alpha-2 code."""
    return _ISO3.get((code or "").upper(), (code or "XX").upper())


def venue_point(name: str | None) -> tuple[float, float] | None:
    """(lat, lon) of a talks venue the gazetteer knows, else None."""
    return _venues().get(name or "")


def figure_label(name: str) -> str:
    """ "missile:Kh-101.launched" → "Kh-101 missiles launched"; "killed" → "killed"."""
    head, _, what = name.partition(".")
    if not what:
        return head
    kind, _, model = head.partition(":")
    words = _KIND_WORDS.get(kind, (kind.replace("_", " "), kind.replace("_", " ") + "s"))[1]
    return f"{model + ' ' if model else ''}{words} {what}"


def figure_value(f: Figure) -> str:
    """The canonical figure as one short phrase: best, the range when sources differ."""
    if f.best is None:
        return "unspecified number"
    text = str(f.best)
    if f.low is not None and f.high is not None and f.low != f.high:
        text += f" (sources range {f.low}–{f.high})"
    elif f.low is not None and f.high is None and f.low != f.best:
        text += f" (at least {f.low})"
    if f.conservative is not None and f.conservative != f.best:
        text += f"; conservative {f.conservative}"
    return text


def weapon_words(kind: str) -> str:
    return _KIND_WORDS.get(kind, (kind, kind + "s"))[1]


def parties_text(codes: tuple[str, ...] | list[str]) -> str:
    return ", ".join(country_name(c) for c in codes)


def count_text(value: int | None, low: int | None, high: int | None, qualifier: str) -> str:
    """One reported figure as its source hedged it ("at least 7", "350–500")."""
    if qualifier == "range":
        return f"{low}–{high}"
    if qualifier == "unspecified":
        return "unspecified"
    prefix = {"at_least": "at least ", "at_most": "up to ", "approx": "about "}.get(qualifier, "")
    return f"{prefix}{value if value is not None else (low if low is not None else high)}"


def target_words(t: str) -> str:
    """A target type as words: "civilian_other" → "other civilian"."""
    return {"civilian_other": "other civilian"}.get(t, t.replace("_", " "))
