"""The development set in ../shared (skipped where it is absent, as in a user's clone): figures
against the gold annotations, and the section headings listed in the gold files."""

import json

import pytest

from briefing.read import read_source
from briefing.understand import understand
from tests.conftest import SHARED

GOLD = SHARED / "eval" / "gold"
SEEDS = SHARED / "seeds"
pytestmark = pytest.mark.skipif(not GOLD.is_dir(), reason="../shared/eval is not here (a user's clone)")


def _cases():
    return sorted(GOLD.glob("*.gold.json")) if GOLD.is_dir() else []


@pytest.mark.parametrize("gold_path", _cases(), ids=lambda p: p.name.split("_")[0])
def test_seed_headings_district_and_date(gold_path, gazetteer):
    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    report = understand(read_source(SEEDS / (gold["id"] + ".txt")), gazetteer)
    headings = [s.heading for s in report.sections if s.kind != "lede"]
    assert headings == [s["heading"] for s in gold["sections"]]
    assert report.district.zh == gold["district_zh"] and report.district.city_zh == gold["city_zh"]
    assert report.date == gold["date"]


@pytest.mark.parametrize("gold_path", _cases(), ids=lambda p: p.name.split("_")[0])
def test_seed_figures_match_gold(gold_path, gazetteer):
    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    source = read_source(SEEDS / (gold["id"] + ".txt"))
    report = understand(source, gazetteer)
    got = sorted((f.text, float(f.value), f.approx, f.change) for f in report.figures)
    want = sorted((g["quote"], float(g["value"]), g["approx"], g["change"]) for g in gold["figures"])
    assert got == want
