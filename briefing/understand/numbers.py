"""Numbers as printed in Chinese reports -> exact Decimals.

Arabic numbers (with thousands separators), Chinese numerals (两, 十二, 一百二十, 三千; parsed by
cn2an, the maintained converter), fractions (三分之二), 一半 and N成, and the scales 万/亿/千
applied in Decimal arithmetic so that 16.4亿 is exactly 1640000000.
"""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation

import cn2an

SCALES = {
    "万": Decimal(10) ** 4,
    "亿": Decimal(10) ** 8,
    "千": Decimal(1000),
    "百": Decimal(100),
    "千万": Decimal(10) ** 7,
    "百万": Decimal(10) ** 6,
    "万亿": Decimal(10) ** 12,
}
CN_DIGITS = "零〇一二两三四五六七八九"
CN_NUMERAL_CHARS = CN_DIGITS + "十百千万亿"
_SIMPLE = {c: i for i, c in enumerate("零一二三四五六七八九")}
_SIMPLE.update({"〇": 0, "两": 2})


def arabic(text: str) -> Decimal:
    return Decimal(text.replace(",", "").replace("，", ""))


def chinese(text: str) -> Decimal | None:
    """Value of a Chinese numeral such as 两, 十二, 一百二十, 三千, 两万, 三点六; None if it is not one."""
    if "点" in text:
        whole, _, decimals = text.partition("点")
        value = chinese(whole)
        if value is None or not decimals or any(c not in _SIMPLE for c in decimals):
            return None
        return value + Decimal("0." + "".join(str(_SIMPLE[c]) for c in decimals))
    if not text or any(c not in CN_NUMERAL_CHARS for c in text):
        return None
    if text in ("百", "千", "万"):  # 千余名: the bare scale word as a count
        return SCALES[text]
    if all(c in _SIMPLE for c in text) and len(text) > 1:
        # digit-by-digit spelling (二〇一九) is a year or code, never a quantity here
        return None
    try:
        value = cn2an.cn2an(text.replace("两", "二") if text != "两" else "二", "normal")
    except (ValueError, KeyError, IndexError, TypeError):
        return None
    try:
        return Decimal(str(value))
    except InvalidOperation:
        return None


def spelled_digits(text: str) -> int | None:
    """A number spelled digit by digit, as years are (二〇二二 -> 2022); None for anything else."""
    if not text or any(c not in _SIMPLE for c in text):
        return None
    return int("".join(str(_SIMPLE[c]) for c in text))


_VAGUE = re.compile(
    r"(?P<head>[一二三四五六七八九]?十)?(?P<low>[一二三四五六七八])(?P<high>[二三四五六七八九])(?P<scale>十|百|千|万)?"
)


def vague_chinese(text: str) -> Decimal | None:
    """The lower end of two neighbouring digits said together: 二三十 -> 20, 三四 -> 3, 十七八 -> 17
    (a vague count is its round floor); None for anything else."""
    m = _VAGUE.fullmatch(text)
    if not m or _SIMPLE[m.group("high")] != _SIMPLE[m.group("low")] + 1:
        return None
    return chinese((m.group("head") or "") + m.group("low") + (m.group("scale") or ""))


def scaled(value: Decimal, scale: str) -> Decimal:
    if not scale:
        return value
    result = value * SCALES[scale]
    # 1.50万 -> 15000, not 15000.00: drop the trailing zeros the scaling left behind
    return result.quantize(Decimal(1)) if result == result.to_integral_value() else result.normalize()


def fraction_percent(numerator: Decimal, denominator: Decimal) -> Decimal:
    """三分之二 -> 66.666...% with 28 significant digits (the percentage the fraction states)."""
    return numerator * Decimal(100) / denominator


def plain(value: Decimal) -> str:
    """Decimal without exponent or trailing zeros: 8380000000, 10.5, 83.71."""
    text = format(value, "f")
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return text
