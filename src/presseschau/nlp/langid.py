"""Language identification: the one adapter around py3langid."""

from __future__ import annotations

from functools import lru_cache
from typing import Any

# Below this many letters a guess is noise; such texts keep the language from metadata or "und".
MIN_LETTERS = 20


@lru_cache(maxsize=1)
def _identifier() -> Any:
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=False)


def identify(text: str) -> str:
    """ISO 639-1 code of the text's language, or "und" when there is too little text to tell."""
    if sum(ch.isalpha() for ch in text[:2000]) < MIN_LETTERS:
        return "und"
    lang, _score = _identifier().classify(text[:5000])
    return str(lang)
