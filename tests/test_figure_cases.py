"""Figure extraction against the specification in tests/data/figure_cases.toml.

Each case is a sentence written for this project with every expected figure (ANNOTATION.md's
rules), including the traps (dates, ordinals, codes, slogans) that must give nothing.
"""

import tomllib
from decimal import Decimal
from fractions import Fraction
from pathlib import Path

import pytest

from briefing.understand.figures import find_figures
from briefing.understand.labels import label_figures
from briefing.understand.normalize import is_traditional, normalize

CASES = tomllib.loads((Path(__file__).parent / "data" / "figure_cases.toml").read_text(encoding="utf-8"))[
    "case"
]


def _value(text: str) -> Fraction:
    return Fraction(text) if "/" in text else Fraction(Decimal(text))


def _expected(case):
    rows = []
    for fig in case["figures"]:
        rows.append((fig["text"], _value(fig["value"]), fig["unit"], fig.get("approx"), fig.get("change")))
    return rows


def _actual(text):
    norm = normalize(text, is_traditional(text))
    rows = []
    for f in label_figures(norm, find_figures(norm)):
        unit = text[f.unit_span[0] : f.unit_span[1]] if f.unit_span and f.unit != "pp" else f.unit
        rows.append(
            (text[f.start : f.end], Fraction(f.value).limit_denominator(10**6), unit, f.approx, f.change)
        )
    return rows


def _norm_rows(rows):
    return [(t, v.limit_denominator(10**6), u, a, c) for t, v, u, a, c in rows]


@pytest.mark.parametrize("case", CASES, ids=[c["id"] for c in CASES])
def test_case(case):
    assert _actual(case["text"]) == _norm_rows(_expected(case))


def test_a_replaced_figure_keeps_every_field_it_does_not_change():
    import dataclasses

    from briefing.understand.figures import Found, replace

    values = {f.name: f"v-{f.name}" for f in dataclasses.fields(Found)}
    original = Found(**values)
    assert replace(original) == original
    assert replace(original, label="x") == Found(**{**values, "label": "x"})


@pytest.mark.parametrize(
    "text, labels",
    [
        ("上半年缴存额3.86亿元，同比增长8.6%。", ["缴存额", "缴存额"]),
        ("1—6月全区一般公共预算收入48.63亿元。", ["一般公共预算收入"]),
        ("前三季度地区生产总值512亿元。", ["地区生产总值"]),
    ],
)
def test_a_label_names_what_is_measured_without_the_period(text, labels):
    assert [f.label for f in label_figures(text, find_figures(text))] == labels
