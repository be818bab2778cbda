"""Words for what the data dicts hold: figure names, hedged counts, weapon colours, sentences
that spell out where sources disagree. Presentation only; every number comes from the library.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

WEAPON_COLOURS: dict[str, str] = {
    "missile": "#c0392b",
    "drone": "#e67e22",
    "mixed": "#8e44ad",  # missiles and drones together: the big combined night attacks
    "glide_bomb": "#2c3e50",
    "bomb": "#2c3e50",
    "rocket": "#2471a3",
    "artillery": "#2471a3",
    "cluster_munition": "#1e8449",
    "unknown": "#7f8c8d",
}
_WEAPON_WORDS = {
    "missile": "missiles",
    "drone": "drones",
    "glide_bomb": "glide bombs",
    "bomb": "bombs",
    "rocket": "rockets",
    "artillery": "artillery",
    "cluster_munition": "cluster munitions",
    "mixed": "missiles and drones",
    "unknown": "weapon not stated",
}
_METRICS = {"launched": "launched", "intercepted": "shot down"}
_QUALIFIER = {"at_least": "at least ", "approx": "about ", "at_most": "up to "}


def weapon_label(kind: str) -> str:
    return _WEAPON_WORDS.get(kind, kind.replace("_", " "))


def weapon_class(kinds: Iterable[str]) -> str:
    """The one colour class of an attack: its weapon kind, "mixed" for missiles with drones."""
    ks = set(kinds)
    if {"missile", "drone"} <= ks:
        return "mixed"
    for k in ("missile", "drone", "glide_bomb", "bomb", "rocket", "artillery", "cluster_munition"):
        if k in ks:
            return k
    return "unknown"


def figure_label(field: str) -> str:
    """``drone:Shahed.launched`` → "Shahed drones launched"; ``killed`` stays "killed"."""
    if "." not in field:
        return field.replace("_", " ")
    what, metric = field.rsplit(".", 1)
    kind, _, model = what.partition(":")
    noun = weapon_label(kind)
    return f"{model + ' ' if model else ''}{noun} {_METRICS.get(metric, metric)}"


def count_text(c: Mapping[str, Any] | None) -> str:
    """A reported count as the article hedged it: "at least 7", "350–500", "about 48"."""
    if not c:
        return ""
    q = c.get("qualifier")
    if q == "range" and c.get("low") is not None and c.get("high") is not None:
        return f"{c['low']}–{c['high']}"
    value = c.get("value")
    if value is None:
        value = c.get("low") if c.get("low") is not None else c.get("high")
    if value is None:
        return "unspecified"
    return f"{_QUALIFIER.get(str(q), '')}{value}"


def figure_text(f: Mapping[str, Any] | None) -> str:
    """A canonical figure: best, with its range when sources differ ("22 (22–48)")."""
    if not f:
        return ""
    best = f.get("best")
    text = str(best) if best is not None else "?"
    low, high = f.get("low"), f.get("high")
    if low is not None and high is not None and low != high:
        text += f" ({low}–{high})"
    return text


def span_text(date: Mapping[str, Any] | None) -> str:
    """A date span as one string: "2025-11-25", "2025-11-24 – 2025-11-25", or "undated"."""
    if not date or not (date.get("start") or date.get("end")):
        return "undated"
    start, end = date.get("start"), date.get("end")
    if start and end and start != end:
        return f"{start} – {end}"
    return str(start or end)


def disagreements(figures: Mapping[str, Mapping[str, Any]]) -> list[dict[str, Any]]:
    """One sentence per disputed figure: who said what, and which figure the tables use."""
    out = []
    for name, f in figures.items():
        if not f.get("disputed"):
            continue
        claims = [
            f"{', '.join(c.get('sources', []))} {'say' if len(c.get('sources', [])) > 1 else 'says'} {c.get('figure')}"
            for c in f.get("competing", [])
        ]
        text = (
            f"Sources disagree on {figure_label(name)}: {'; '.join(claims)}. "
            f"peacewatch uses {f.get('best')} (range {f.get('low')}–{f.get('high')}, "
            f"conservative {f.get('conservative')})."
        )
        out.append(
            {"figure": name, "label": figure_label(name), "text": text, "competing": f.get("competing", [])}
        )
    return out


def supersessions(figures: Mapping[str, Mapping[str, Any]]) -> list[dict[str, Any]]:
    """Reports replaced by a later, higher toll: kept and shown, no longer counted."""
    out = []
    for name, f in figures.items():
        reports = f.get("reports", [])
        by_key = {r.get("mention"): r for r in reports}
        for r in reports:
            later = by_key.get(r.get("superseded_by"))
            if not r.get("superseded_by"):
                continue
            who = f"{later.get('source')} ({later.get('published')})" if later else "a later report"
            text = (
                f"{r.get('source')} reported {count_text(r)} {figure_label(name)} ({r.get('published')}); "
                f"superseded by {count_text(later) if later else 'a later figure'} from {who}."
            )
            out.append({"figure": name, "label": figure_label(name), "text": text})
    return out


def highlight(
    text: str, start: int | None, end: int | None, quote: str | None, width: int = 240
) -> dict[str, str]:
    """The quote inside its surrounding text, split so a template can mark it (and escape all three).

    The offsets are checked against the quote; when they do not match (an article edited
    since), the quote is searched for, and shown alone if it cannot be found.
    """
    q = quote or ""
    if start is None or end is None or text[start:end] != q:
        found = text.find(q) if q else -1
        if found < 0:
            return {"before": "", "quote": q, "after": ""}
        start, end = found, found + len(q)
    a = max(0, start - width)
    b = min(len(text), end + width)
    before = ("…" if a > 0 else "") + text[a:start]
    after = text[end:b] + ("…" if b < len(text) else "")
    return {"before": before, "quote": text[start:end], "after": after}
