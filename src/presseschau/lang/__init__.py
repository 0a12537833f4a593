"""Language data (word lists and patterns only), one package per language; nothing here imports the stages."""

from __future__ import annotations

from importlib import import_module
from types import ModuleType

SUPPORTED = ("de", "en")
PRIMARY_LANGUAGE = "de"
"""The language whose models are loaded before any article is read: Presseschau is German-first."""
"""Languages with full analysis (SoMaJo sentences/tokens, lemmas, tags); others take a basic path."""


def data(language: str, module: str) -> ModuleType | None:
    """The module ``presseschau.lang.<language>.<module>``, or None when that language has none."""
    try:
        return import_module(f"presseschau.lang.{language}.{module}")
    except ModuleNotFoundError:
        return None
