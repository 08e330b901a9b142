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


def counted_english(fig: Figure, glossary: Glossary) -> tuple[str, tuple[str, ...]]:
    """The counted noun in English: the longest start of the words after the measure word whose
    head noun (its last term) the glossary knows (环境资源案件集中管辖 -> environmental and
    resource cases; 老杨群工站 -> Laoyangqungong (老杨群工) stations); nothing otherwise, and
    nothing when it reads as a verb (提出量刑建议), so the unit's own noun is used."""
    zh = to_simplified(fig.counted)
    for end in range(len(zh), 1, -1):
        rendering = glossary.translate(zh[:end])
        english = rendering.english
        if not english or (rendering.romanised and english.endswith(")")):
            continue  # the head noun itself is known to neither glossary nor dictionary
        words = english.split(" ")
        if words[-1].endswith(("ed", "ing")) or words[0].endswith("ed") or words[-1] in PARTICIPLES:
            return "", ()
        return english, rendering.fallbacks
    return "", ()


def amount(fig: Figure, glossary: Glossary) -> str:
    """The quantity as it reads in a sentence: with the counted noun when the source names one
    after the measure word (5 working groups), else with the unit's own noun (19,167 cases)."""
    counted, _ = counted_english(fig, glossary)
    if not counted:
        return quantity(fig, glossary)
    number = big_number(fig.value) if fig.value >= 10 ** 6 else plain_number(fig.value)
    noun = _singular(counted) if fig.value == 1 else _plural(counted)
    text = f"{number} {noun}"
    return f"{APPROX[fig.approx]} {text}" if fig.approx else text


PARTICIPLES = {"made", "set", "done", "held", "built", "taken", "given", "run", "put", "sent", "won", "paid", "brought",
               "caught", "found", "kept", "met", "sold", "told", "heard", "seen", "shown", "known", "cut", "set up"}
UNCOUNTABLE = {"personnel", "staff", "police", "people", "equipment", "information", "surveillance", "management",
               "software", "data", "evidence", "news", "advice", "work", "training", "publicity", "security",
               "supervision", "mediation", "assistance", "services", "aid", "governance", "enforcement"}


def _plural(noun: str) -> str:
    words = noun.split(" ")
    last = words[-1]
    if not last or not last[-1].isalpha() or last.lower() in UNCOUNTABLE or last.endswith(("s", "ed", "ing")) \
            or last in PARTICIPLES:
        return noun
    if last.endswith("y") and last[-2:-1] not in "aeiou":
        words[-1] = last[:-1] + "ies"
    elif last.endswith(("ch", "sh", "x", "z")):
        words[-1] = last + "es"
    else:
        words[-1] = last + "s"
    return " ".join(words)


def _singular(noun: str) -> str:
    words = noun.split(" ")
    last = words[-1]
    if last in SINGULAR:
        words[-1] = SINGULAR[last]
    elif last.endswith("ies") and len(last) > 4:
        words[-1] = last[:-3] + "y"
    elif last.endswith("s") and not last.endswith("ss"):
        words[-1] = last[:-1]
    return " ".join(words)


def indicator(fig: Figure, glossary: Glossary) -> str:
    """What the figure measures, for a table: Cases accepted; Working groups (comprising)."""
    label, _ = label_english(fig, glossary)
    counted, _ = counted_english(fig, glossary)
    if counted and label:
        text = f"{counted} ({label})"
    else:
        text = counted or label
    return text[:1].upper() + text[1:] if text else ""


def figure_sentence(fig: Figure, glossary: Glossary) -> str:
    """One figure as one English sentence, in the briefing's note style."""
    label, _ = label_english(fig, glossary)
    label = label[:1].upper() + label[1:]
    basis = BASIS.get(fig.basis or "", "")
    if fig.change and fig.unit in ("%", "％", "pp"):
        verb = "fell" if fig.change == "decrease" else "rose"
        subject = label or "The figure"
        return f"{subject} {verb} {quantity(fig, glossary)}{basis}."
    text = amount(fig, glossary)
    change = ""
    if fig.change:
        change = f", {'down' if fig.change == 'decrease' else 'up'}{basis}"
    if label:
        return f"{label}: {text}{change}."
    return f"{text[:1].upper()}{text[1:]}{change}."
