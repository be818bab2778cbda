"""Language identification with py3langid, its model loaded once on first use."""

from __future__ import annotations

import threading
from typing import Any

MIN_CHARS = 20  # below this the classifier guesses; "unknown" is the honest answer
_MAX_CHARS = 20_000  # the first pages decide; classifying a whole book adds time, not accuracy

# py3langid labels a few languages with ISO 639-3 codes; map them to the ISO 639-1 macrolanguage.
_TO_639_1 = {"ary": "ar", "arz": "ar", "yue": "zh", "wuu": "zh", "uzs": "uz", "gug": "gn"}

_lock = threading.Lock()
_identifier: Any = None


def _get_identifier() -> Any:
    """Load the model (about 0.6 s) only when a language is first needed."""
    global _identifier
    if _identifier is None:
        with _lock:
            if _identifier is None:
                from py3langid.langid import MODEL_FILE, LanguageIdentifier

                _identifier = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
    return _identifier


def detect_language(text: str) -> str | None:
    """ISO 639-1 code of the text's language, or None when the text is too short to tell."""
    sample = " ".join(text[:_MAX_CHARS].split())
    if len(sample) < MIN_CHARS:
        return None
    code, _score = _get_identifier().classify(sample)
    code = _TO_639_1.get(code, code)
    return code if len(code) == 2 else None
