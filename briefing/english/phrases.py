"""Data-to-text: figures as English phrases and sentences, in one number style.

19,167 cases; CNY 8.38 billion; 2 million person-visits; over 42,000; nearly 100; 10.7%;
7.41 percentage points; "year on year" where the source says 同比.
"""

from __future__ import annotations

from decimal import Decimal

from briefing.english.glossary import Glossary
from briefing.understand.model import Figure
from briefing.understand.normalize import to_simplified

APPROX = {"over": "over", "nearly": "nearly", "about": "about", "under": "under"}
BASIS = {"year_on_year": " year on year", "period_on_period": " on the previous period",
         "baseline": " on the previous year"}
SINGULAR = {"people": "person", "cases": "case", "items": "item", "days": "day", "months": "month",
            "hours": "hour", "times": "time", "households": "household", "working days": "working day",
            "person-visits": "person-visit", "articles": "article", "years": "year", "tiers": "tier",
            "organisations": "organisation", "institutions": "institution", "channels": "channel"}


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


def unit_noun(unit: str, value: Decimal, glossary: Glossary) -> str:
    noun = glossary.lookup(to_simplified(unit))
    if noun is None:
        noun = unit  # an unknown measure word stays as printed
    if value == 1:
        noun = SINGULAR.get(noun, noun)
    return noun


def quantity(fig: Figure, glossary: Glossary) -> str:
    """The value with its unit, as it reads in English."""
    if fig.unit in ("%", "％"):
        text = f"{plain_number(fig.value.quantize(Decimal('0.01')) if _long(fig.value) else fig.value)}%"
    elif fig.unit == "pp":
        text = f"{plain_number(fig.value)} percentage point{'s' if fig.value != 1 else ''}"
    elif to_simplified(fig.unit) == "元":
        text = f"CNY {big_number(fig.value)}"
    elif fig.unit == "":
        text = plain_number(fig.value)
    else:
        noun = unit_noun(fig.unit, fig.value, glossary)
        number = big_number(fig.value) if fig.value >= 10 ** 6 else plain_number(fig.value)
        text = f"{number} {noun}".strip()
    if fig.approx:
        text = f"{APPROX[fig.approx]} {text}"
    return text


def _long(value: Decimal) -> bool:
    return -value.as_tuple().exponent > 2 if isinstance(value.as_tuple().exponent, int) else False


def label_english(fig: Figure, glossary: Glossary) -> tuple[str, tuple[str, ...]]:
    if not fig.label:
        return "", ()
    rendering = glossary.translate(to_simplified(fig.label))
    return rendering.english, rendering.fallbacks


def figure_sentence(fig: Figure, glossary: Glossary) -> str:
    """One figure as one English sentence."""
    label, _ = label_english(fig, glossary)
    label = label[:1].upper() + label[1:] if label else "Figure reported"
    amount = quantity(fig, glossary)
    basis = BASIS.get(fig.basis or "", "")
    if fig.change and fig.unit in ("%", "％", "pp"):
        verb = "fell" if fig.change == "decrease" else "rose"
        return f"{label} {verb} {amount}{basis}."
    if fig.change:
        direction = "down" if fig.change == "decrease" else "up"
        return f"{label}: {amount} ({direction}{basis})."
    return f"{label}: {amount}."
