"""Numbers in English: separators, and millions and billions for large amounts."""

from __future__ import annotations

from decimal import Decimal

# ISO 4217 codes of the currencies reports name (Simplified spelling): an amount reads "HKD 18.25 billion"
CURRENCY_CODES = {
    "元": "CNY",
    "美元": "USD",
    "港元": "HKD",
    "港币": "HKD",
    "新台币": "TWD",
    "澳门币": "MOP",
    "欧元": "EUR",
    "日元": "JPY",
}


def money(value: Decimal, currency: str = "元") -> str:
    """CNY 8.38 billion, HKD 18.25 billion."""
    return f"{CURRENCY_CODES[currency]} {big_number(value)}"


def plain_number(value: Decimal) -> str:
    """19167 -> 19,167; 341.38 -> 341.38; 10.50 -> 10.5."""
    if value == value.to_integral_value():
        return f"{int(value):,}"
    text = format(value.normalize(), "f")
    whole, _, frac = text.partition(".")
    return f"{int(whole):,}.{frac}" if frac else f"{int(whole):,}"


def big_number(value: Decimal) -> str:
    """2000000 -> 2 million; 8380000000 -> 8.38 billion; smaller numbers with separators."""
    for size, word in ((Decimal(10) ** 9, "billion"), (Decimal(10) ** 6, "million")):
        if abs(value) >= size:
            scaled = (value / size).normalize()
            return f"{format(scaled, 'f')} {word}"
    return plain_number(value)
