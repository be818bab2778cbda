"""Weapon model → kind, for the model names of the Air Force series.

The series writes models as the Air Force reports them: English transliterations with a
Latin X for Cyrillic Х ("X-101" is the Kh-101) and a Latin C for Cyrillic С ("C-300" is
the S-300), a few Ukrainian names ("Молнія", "Картограф"), and groups joined with
" and " or "/" when the report gave one figure for several models. A group takes the
kind its parts share; a group mixing kinds, or a name no line matches, is "other".

The table is data, one line per model pattern, first match wins; patterns are searched
in the NFKC-casefolded name of one part. A test checks every model of the real file.
"""

from __future__ import annotations

import re
import unicodedata
from typing import Literal

OfficialKind = Literal["missile", "drone", "glide_bomb", "other"]
OFFICIAL_KINDS: tuple[str, ...] = ("missile", "drone", "glide_bomb", "other")

# (pattern, kind): one line per model or family. Specific lines come before generic ones.
MODEL_TABLE: tuple[tuple[str, OfficialKind], ...] = (
    # attack drones
    (r"shahed|geran|шахед|герань", "drone"),
    (r"gerbera|гербера", "drone"),
    (r"lancet|ланцет", "drone"),
    (r"\bkub\b|\bкуб\b", "drone"),  # ZALA KUB-BLA loitering munition
    (r"привет|privet|pryvit", "drone"),  # Privet-82 loitering munition
    (r"молні|молни|molni", "drone"),  # Molniya
    # reconnaissance and other drones
    (r"orlan|орлан", "drone"),
    (r"merlin|мерлін|мерлин", "drone"),
    (r"\bzala\b|\bзала\b", "drone"),
    (r"supercam|суперкам", "drone"),
    (r"eleron|елерон|элерон", "drone"),
    (r"forpost|форпост", "drone"),
    (r"granat|гранат", "drone"),
    (r"mohajer|мохаджер", "drone"),
    (r"\borion\b|оріон|орион", "drone"),  # Orion (Inokhodets), the carrier of Banderol
    (r"картограф|kartograf", "drone"),
    (r"фенікс|феникс|feniks|phoenix", "drone"),
    (r"\buav\b|бпла|\bdrones?\b|дрон", "drone"),  # "Unknown UAV", "Reconnaissance UAV"
    # missiles (X- is Kh-, C- is S-; Cyrillic letters accepted too)
    (r"\b(x|kh|х)-?(101|555|55)\b", "missile"),
    (r"\b(x|kh|х)-?(22|32)\b", "missile"),
    (r"\b(x|kh|х)-?(59|69)", "missile"),  # X-59, X-59MK2, X-69
    (r"\b(x|kh|х)-?(31|35)", "missile"),  # X-31, X-31P, X-31PD, X-35
    (r"\b(x|kh|х)-?47\b|kinzhal|кинжал|кинджал", "missile"),
    (r"kalibr|калібр|калибр", "missile"),
    (r"iskander|іскандер|искандер", "missile"),
    (r"\bkn-?23\b", "missile"),
    (r"\b(s|c|с)-?(300|400)\b", "missile"),
    (r"zircon|циркон", "missile"),
    (r"oniks|onyx|онікс|оникс", "missile"),
    (r"oreshnik|орешник|орєшнік", "missile"),
    (r"tochka|\bточка\b", "missile"),
    (r"banderol|бандероль", "missile"),
    (r"missile|ракет", "missile"),  # "Ballistic Missile", "Unknown Missile", ICBM
    # guided aerial bombs
    (r"\bkab\b|\bкаб\b|\bgbu\b|\bumpk\b|\bумпк\b", "glide_bomb"),
    (r"aerial bomb|guided bomb|авіабомб|авиабомб", "glide_bomb"),
)

_COMPILED = tuple((re.compile(p), k) for p, k in MODEL_TABLE)
_GROUP = re.compile(r"\s+(?:and|та|і|и|&)\s+|\s*\+\s*|,\s*")


def fold_model(model: str) -> str:
    """The name as the table sees it: NFKC, casefolded, spaces collapsed."""
    return " ".join(unicodedata.normalize("NFKC", model).casefold().split())


def part_kind(part: str) -> OfficialKind:
    """The kind of one model name (no " and " inside), or "other"."""
    folded = fold_model(part)
    for pattern, kind in _COMPILED:
        if pattern.search(folded):
            return kind
    return "other"


def model_kind(model: str) -> OfficialKind:
    """The kind of a model as written, groups included ("X-101/X-555 and Iskander-K" → missile)."""
    parts = [p for p in _GROUP.split(fold_model(model)) if p]
    kinds = {part_kind(p) for p in parts}
    return kinds.pop() if len(kinds) == 1 else "other"
