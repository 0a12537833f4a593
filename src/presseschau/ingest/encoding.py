"""Bytes to text: byte-order marks, UTF-8, Windows-1252 and a detector for the rest; binary is refused."""

from __future__ import annotations

import codecs
import re
import unicodedata

# Byte-order marks, longest first: the UTF-32 LE mark starts with the UTF-16 LE one.
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le", "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32-be", "utf-32"),
    (codecs.BOM_UTF8, "utf-8", "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16-le", "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16-be", "utf-16"),
)

# German, English and French text decoded as cp1252 has well under 10 % non-ASCII letters; Cyrillic or
# Greek text misread as cp1252 is almost all non-ASCII. Above this share we ask the detector instead.
WESTERN_MAX_NON_ASCII_SHARE = 0.3

# Text files have tabs and line breaks but almost no other control characters; binary data has many.
# 1 %: a stray form feed or DOS end-of-file mark in a long text stays well below it.
MAX_CONTROL_SHARE = 0.01
_CONTROLS = re.compile(r"[\x00-\x08\x0e-\x19\x1b-\x1f\x7f-\x9f]")  # all but \t \n \v \f \r and DOS EOF

# ASCII text in UTF-16 without a byte-order mark has a NUL in every other byte.
_UTF16_NUL_SHARE = 0.3


class NotTextError(ValueError):
    """The bytes are not text in any encoding Presseschau can recognise; the message says why."""


def decode(data: bytes) -> tuple[str, str]:
    """Text and the name of the encoding it was read with; line breaks become ``\\n``, Unicode NFC.

    Raises ``NotTextError`` for binary data (NUL bytes, control characters) or undecodable bytes.
    """
    text, encoding = _decode(data)
    return as_text(text), encoding


def as_text(text: str) -> str:
    """Already decoded text with line breaks as ``\\n`` and Unicode NFC; ``NotTextError`` if it is binary."""
    if text and len(_CONTROLS.findall(text)) / len(text) > MAX_CONTROL_SHARE:
        raise NotTextError("binary file (control characters), not text")
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return unicodedata.normalize("NFC", text)


def _decode(data: bytes) -> tuple[str, str]:
    for bom, codec, name in _BOMS:
        if data.startswith(bom):
            try:
                return data[len(bom):].decode(codec), name
            except UnicodeDecodeError:
                raise NotTextError(f"starts with a {name} byte-order mark but is not valid {name}") from None
    if b"\x00" in data:
        return _utf16_without_bom(data), "utf-16"
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    western = _western(data)
    if western is not None:
        return western, "cp1252"
    return _detected(data)


def _utf16_without_bom(data: bytes) -> str:
    """UTF-16 text without a byte-order mark, told apart from binary by where its NUL bytes sit."""
    if len(data) % 2 == 0 and len(data) >= 4:
        odd_nuls = data[1::2].count(0) / (len(data) // 2)
        even_nuls = data[0::2].count(0) / (len(data) // 2)
        codec = "utf-16-le" if odd_nuls > _UTF16_NUL_SHARE and even_nuls == 0 else (
            "utf-16-be" if even_nuls > _UTF16_NUL_SHARE and odd_nuls == 0 else None)
        if codec is not None:
            try:
                return data.decode(codec)
            except UnicodeDecodeError:
                pass
    raise NotTextError("binary file (contains NUL bytes), not text")


def _western(data: bytes) -> str | None:
    """The text as Windows-1252 (a superset of Latin-1's letters) when that reads like Western text."""
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError:
        return None
    letters = [ch for ch in text if ch.isalpha()]
    non_ascii = sum(1 for ch in letters if not ch.isascii())
    if letters and non_ascii / len(letters) > WESTERN_MAX_NON_ASCII_SHARE:
        return None
    return text


def _detected(data: bytes) -> tuple[str, str]:
    """Ask charset-normalizer, used only after UTF-8 and cp1252 did not fit (it misjudges short texts)."""
    from charset_normalizer import from_bytes  # only needed for rare inputs; keeps start-up fast

    best = from_bytes(data).best()
    if best is None or best.encoding is None:
        raise NotTextError("not text in any known encoding (tried UTF-8, cp1252 and detection)")
    return str(best), best.encoding.replace("_", "-")
