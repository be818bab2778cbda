"""Language detection: ISO 639-1 codes, None for text too short to tell, one model load."""

from __future__ import annotations

import pytest

from peacewatch.ingest import detect_language
from peacewatch.ingest import language as language_module


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("Russian forces struck the city of Sumy overnight, injuring four people, officials said.", "en"),
        ("Російські війська вночі завдали удару по Сумах, поранено чотирьох людей, повідомили в ОВА.", "uk"),
        ("Российские войска ночью нанесли удар по Сумам, ранены четыре человека, сообщили власти.", "ru"),
        (
            "Russische Truppen haben in der Nacht die Stadt Sumy angegriffen, vier Menschen wurden verletzt.",
            "de",
        ),
    ],
)
def test_detects_the_language(text: str, code: str) -> None:
    assert detect_language(text) == code


@pytest.mark.parametrize("text", ["", "   ", "Kyiv", "Strike in Sumy", "\n\n  ok  \n"])
def test_too_short_is_none(text: str) -> None:
    assert detect_language(text) is None


def test_the_model_is_loaded_once() -> None:
    detect_language("The model is loaded on the first call and kept for the next.")
    first = language_module._get_identifier()
    detect_language("A second call must reuse the identifier that is already loaded.")
    assert language_module._get_identifier() is first
