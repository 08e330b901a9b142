"""Normalise text for analysis without moving a single offset.

Full-width digits and signs become ASCII and Traditional characters become Simplified, always
one character for one character, so position i of the normalised text is position i of the
original: every match maps straight back to the source and quotes keep the original script.
"""

from __future__ import annotations

from functools import lru_cache

_FULLWIDTH = {chr(0xFF10 + i): str(i) for i in range(10)}
_FULLWIDTH.update({"％": "%", "．": ".", "－": "-", "＋": "+", "﹪": "%", "〇": "〇"})
_TABLE = str.maketrans(_FULLWIDTH)


@lru_cache(maxsize=1)
def _t2s():
    from opencc import OpenCC

    return OpenCC("t2s")


@lru_cache(maxsize=1)
def _s2t():
    from opencc import OpenCC

    return OpenCC("s2t")


def fold_width(text: str) -> str:
    return text.translate(_TABLE)


def is_traditional(text: str) -> bool:
    """True when the text is written in Traditional script: enough of its characters change
    under Traditional->Simplified conversion (a few shared forms do not decide it)."""
    sample = "".join(ch for ch in text[:20000] if "\u4e00" <= ch <= "\u9fff")
    if len(sample) < 2:
        return False
    simplified = to_simplified(sample)
    changed = sum(1 for a, b in zip(sample, simplified) if a != b)
    if changed == 0:
        return False
    # Simplified text has (almost) no characters that t2s changes; Traditional text has many.
    traditional_only = sum(1 for a, b in zip(sample, _s2t().convert(sample)) if a != b)
    return changed >= max(2, traditional_only * 2, len(sample) * 0.02)


def to_simplified(text: str) -> str:
    """Traditional -> Simplified, guaranteed the same length (phrase conversions that would
    change the length are redone character by character)."""
    if not text:
        return text
    converted = _t2s().convert(text)
    if len(converted) == len(text):
        return converted
    out = []
    for ch in text:
        c = _t2s().convert(ch)
        out.append(c if len(c) == 1 else ch)
    return "".join(out)


def normalize(text: str, traditional: bool) -> str:
    folded = fold_width(text)
    return to_simplified(folded) if traditional else folded
