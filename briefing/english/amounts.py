"""Numbers in English: separators, and millions and billions for large amounts."""

from __future__ import annotations

from decimal import Decimal


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
