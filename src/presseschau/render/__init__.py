"""Output formats of a digest: terminal text, Markdown, JSON and HTML, chosen by name."""

from __future__ import annotations

from collections.abc import Callable

from presseschau.errors import UnknownBackendError
from presseschau.model import Digest
from presseschau.render.html import render_html
from presseschau.render.json import render_json
from presseschau.render.markdown import render_markdown
from presseschau.render.text import render_text

FORMATS: dict[str, Callable[..., str]] = {
    "text": render_text,
    "md": render_markdown,
    "json": render_json,
    "html": render_html,
}
"""Format name to renderer; each takes the digest and the keyword options of ``render``."""


def render(digest: Digest, fmt: str, *, explain: bool = False, color: bool = False, width: int = 100) -> str:
    """``digest`` as a string in format ``fmt``; ``color`` and ``width`` only matter for "text".

    ``explain`` adds each article's removal log (JSON always holds it). Unknown formats raise
    ``UnknownBackendError`` naming the valid ones.
    """
    try:
        renderer = FORMATS[fmt]
    except KeyError:
        raise UnknownBackendError("format", fmt, FORMATS) from None
    return renderer(digest, explain=explain, color=color, width=width)


__all__ = ["FORMATS", "render"]
