"""Decode a report's bytes without being told the encoding.

Chinese reports arrive as UTF-8 (with or without BOM), GB18030/GBK, Big5 or UTF-16. BOMs and
strict UTF-8 settle most files; an HTML page's own <meta charset> is honoured when the bytes
decode under it; everything else is left to charset-normalizer, restricted to the encodings
Chinese pages actually use so that it cannot pick a Cyrillic or Latin-1 reading.

The decoded text is what Python's text mode reads from the file (`open(path, encoding=...)`):
line breaks \r\n and \r become \n, and a UTF-8 file's BOM stays as its first character, U+FEFF,
so that the spans a report gives index the text any reader of the file gets that way.
"""

from __future__ import annotations

import codecs
import re

from charset_normalizer import from_bytes

CHINESE_ENCODINGS = ["utf_8", "gb18030", "big5", "big5hkscs", "utf_16"]
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_\-]+)""", re.IGNORECASE)
_BOMS = [
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
]
# Declared labels that name a narrower encoding than the one pages really use.
_WIDER = {"gb2312": "gb18030", "gbk": "gb18030", "x-gbk": "gb18030", "big5": "big5hkscs"}


class UndecodableError(ValueError):
    pass


def decode(data: bytes) -> tuple[str, str]:
    """Return (text, encoding name) for the bytes of a report."""
    text, encoding = _decode(data)
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")  # universal newlines
    return text, encoding


def _decode(data: bytes) -> tuple[str, str]:
    if data.startswith(codecs.BOM_UTF8):
        return data.decode("utf-8"), "utf-8-sig"  # the BOM kept as U+FEFF, as the utf-8 codec keeps it
    for bom, name in _BOMS:
        if data.startswith(bom):
            return data.decode(name), name
    utf16 = _bomless_utf16(data)
    if utf16:
        return data.decode(utf16), utf16
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    declared = _declared_charset(data)
    if declared:
        try:
            return data.decode(declared), declared
        except (UnicodeDecodeError, LookupError):
            pass
    best = from_bytes(data, cp_isolation=CHINESE_ENCODINGS).best()
    if best is None:
        raise UndecodableError("could not be decoded as UTF-8, GB18030, Big5 or UTF-16")
    return str(best), best.encoding


def _declared_charset(data: bytes) -> str | None:
    match = _META_CHARSET.search(data[:4096])
    if not match:
        return None
    label = match.group(1).decode("ascii", "replace").lower()
    return _WIDER.get(label, label)


def _bomless_utf16(data: bytes) -> str | None:
    """UTF-16 without a BOM: the ASCII in it (digits, line breaks) puts NULs in every other byte,
    while Chinese characters put NULs on either side only now and then."""
    sample = data[:4000]
    if len(sample) < 4 or len(sample) % 2:
        return None
    even_nuls = sample[0::2].count(0)
    odd_nuls = sample[1::2].count(0)
    half = len(sample) // 2
    if odd_nuls >= max(2, half * 0.03) and even_nuls * 4 <= odd_nuls:
        return "utf-16-le"
    if even_nuls >= max(2, half * 0.03) and odd_nuls * 4 <= even_nuls:
        return "utf-16-be"
    return None
