"""Language identification: the one adapter around py3langid, with its unpacked model cached on disk."""

from __future__ import annotations

import hashlib
import os
import pickle
import tempfile
from functools import lru_cache
from pathlib import Path
from typing import Any

# Below this many letters a guess is noise; such texts keep the language from metadata or "und".
MIN_LETTERS = 20


def cache_dir() -> Path:
    """Where unpacked models are kept: $PRESSESCHAU_CACHE, else $XDG_CACHE_HOME/presseschau, else ~/.cache."""
    explicit = os.environ.get("PRESSESCHAU_CACHE")
    if explicit:
        return Path(explicit)
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "presseschau"


@lru_cache(maxsize=1)
def _identifier() -> Any:
    from py3langid.langid import MODEL_DIR, MODEL_FILE, LanguageIdentifier

    # py3langid ships its model LZMA-packed; unpacking takes ~0.6 s per process, loading the unpacked
    # identifier ~0.1 s. The cache key is the packed model's content, so a new py3langid never reads stale data.
    packed = Path(MODEL_DIR) / MODEL_FILE
    key = hashlib.sha256(packed.read_bytes()).hexdigest()[:16]
    cached = cache_dir() / f"py3langid-{key}.pickle"
    try:
        with cached.open("rb") as fh:
            return pickle.load(fh)
    except Exception:  # a missing, truncated or foreign cache file of any kind is simply rebuilt
        pass
    identifier = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=False)
    _store(cached, identifier)
    return identifier


def _store(path: Path, obj: Any) -> None:
    # Written under a temporary name and renamed, so a concurrent run never reads half a file.
    # A read-only or full disk only costs speed, never correctness: the error is dropped on purpose.
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile(dir=path.parent, delete=False, suffix=".tmp") as fh:
            pickle.dump(obj, fh, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(fh.name, path)
    except OSError:
        return


def identify(text: str) -> str:
    """ISO 639-1 code of the text's language, or "und" when there is too little text to tell."""
    if sum(ch.isalpha() for ch in text[:2000]) < MIN_LETTERS:
        return "und"
    lang, _score = _identifier().classify(text[:5000])
    return str(lang)
