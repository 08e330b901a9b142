"""Normalise text for analysis without moving a single offset.

Full-width digits and signs become ASCII and Traditional characters become Simplified, always
one character for one character, so position i of the normalised text is position i of the
original: every match maps straight back to the source and quotes keep the original script.
"""

from __future__ import annotations

import re
from functools import lru_cache

_FULLWIDTH = {chr(0xFF10 + i): str(i) for i in range(10)}
_FULLWIDTH.update({"％": "%", "．": ".", "－": "-", "＋": "+", "﹪": "%", "〇": "〇"})
_TABLE = str.maketrans(_FULLWIDTH)


@lru_cache(maxsize=1)
def _char_tables() -> tuple[dict[int, str], frozenset[str], frozenset[str]]:
    """OpenCC's character tables (shipped with opencc-python-reimplemented): a one-to-one
    Traditional->Simplified map for analysis, and the characters that only one script uses."""
    from importlib import resources

    folder = resources.files("opencc").joinpath("dictionary")

    def table(name: str) -> dict[str, str]:
        out = {}
        for line in folder.joinpath(name).read_text(encoding="utf-8").splitlines():
            key, _, values = line.partition("\t")
            if len(key) == 1 and values:
                out[key] = values.split()[0]
        return out

    ts, st = table("TSCharacters.txt"), table("STCharacters.txt")
    t2s = {ord(k): v for k, v in ts.items() if len(v) == 1 and v != k}
    # Hong Kong and Taiwan variant forms (衞 for 衛) fold to the standard form's Simplified one
    variants = table("HKVariantsRev.txt") | table("TWVariantsRev.txt")
    for variant, standard in variants.items():
        simplified = ts.get(standard, standard)
        if ord(variant) not in t2s and len(simplified) == 1 and simplified != variant and variant not in st:
            t2s[ord(variant)] = simplified
    traditional_only = frozenset(k for k, v in ts.items() if v != k and k not in st)
    simplified_only = frozenset(k for k, v in st.items() if v != k and k not in ts)
    return t2s, traditional_only, simplified_only


_TO_FOLD = re.compile("[" + "".join(k for k, v in _FULLWIDTH.items() if k != v) + "]")


def fold_width(text: str) -> str:
    # str.translate looks every character up in a dict: test first, most lines have nothing to fold
    return text.translate(_TABLE) if _TO_FOLD.search(text) else text


def is_traditional(text: str) -> bool:
    """True when the text is written in Traditional script: it uses clearly more characters that
    only Traditional script has than characters that only Simplified script has."""
    _, trad, simp = _char_tables()
    sample = text[:20000]
    if not has_traditional_character(sample):
        return False  # the common case, found at C speed before any counting
    t = sum(map(trad.__contains__, sample))
    s = sum(map(simp.__contains__, sample))
    return t >= 2 and t > 2 * s


def has_traditional_character(text: str) -> bool:
    """True when the text holds a character that only Traditional script uses. A regular
    expression of those characters searches at C speed, where a set test would make a string of
    every character. It takes any character beyond the BMP too (the few Traditional ones there,
    each in the expression, would make it slow), and those are looked up."""
    search, beyond = _traditional_only()
    found = search(text)
    while found is not None:
        if found.group() <= "\uffff" or found.group() in beyond:
            return True
        found = search(text, found.end())
    return False


@lru_cache(maxsize=1)
def _traditional_only():
    trad = _char_tables()[1]
    in_bmp = "".join(sorted(c for c in trad if c <= "\uffff"))
    beyond = frozenset(c for c in trad if c > "\uffff")
    return re.compile(f"[{in_bmp}\U00010000-\U0010ffff]").search, beyond


def to_simplified(text: str) -> str:
    """Traditional -> Simplified character for character (same length, so offsets hold)."""
    # str.translate looks every character up in a dict: a set test first, most text has none
    return text if _traditional_variants().isdisjoint(text) else text.translate(_char_tables()[0])


@lru_cache(maxsize=1)
def _traditional_variants() -> frozenset[str]:
    return frozenset(map(chr, _char_tables()[0]))


def normalize(text: str, traditional: bool) -> str:
    folded = fold_width(text)
    return to_simplified(folded) if traditional else folded
