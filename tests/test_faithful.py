"""Nothing invented: every number in an English figure sentence is the value of one of that
sentence's figures, a number printed in the source sentence itself (110 in 110警情), or a scale
word of the sentence rendered in a term (万人 "per 10,000 people")."""

import re
from decimal import Decimal
from pathlib import Path

import pytest

from briefing.compose import compose
from briefing.english.glossary import Glossary
from briefing.read import read_source
from briefing.understand import understand
from briefing.understand.normalize import to_simplified
from briefing.understand.numbers import chinese, scaled
from tests.conftest import EXAMPLES

HELDOUT = Path(__file__).parent / "data" / "heldout"
SOURCES = sorted(EXAMPLES.glob("*.txt")) + sorted(EXAMPLES.glob("*.html")) + sorted(HELDOUT.glob("*.txt"))
NUMBER = re.compile(r"(?<![\w.\-])(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d+))?(?: (million|billion))?")
SCALE = {"million": Decimal(10) ** 6, "billion": Decimal(10) ** 9, None: Decimal(1)}


def _numbers(text: str) -> list[Decimal]:
    out = []
    for m in NUMBER.finditer(text):
        whole = m.group(1).replace(",", "")
        value = Decimal(f"{whole}.{m.group(2)}" if m.group(2) else whole) * SCALE[m.group(3)]
        out.append(value)
    return out


@pytest.mark.parametrize("path", SOURCES, ids=[p.name for p in SOURCES])
def test_every_number_of_an_english_sentence_comes_from_its_source_sentence(gazetteer, path):
    report = understand(read_source(path), gazetteer)
    briefing = compose([report], Glossary.load(None), "en")
    by_sentence = {}
    for f in report.figures:
        by_sentence.setdefault(f.sentence_text, []).append(f)
    quotes = {}
    for section in briefing.sections:
        for sentence in section.sentences:
            quotes[sentence.text] = sentence.figures
    invented = []
    for text, printed in quotes.items():
        figures = [f for fs in by_sentence.values() for f in fs if f.text in printed]
        allowed = {f.value for f in figures} | {f.value / 100 for f in figures if f.unit in ("%", "％")}
        source = "".join({f.sentence_text for f in figures})
        allowed |= {Decimal(d.replace(",", "")) for d in re.findall(r"\d[\d,]*(?:\.\d+)?", source)}
        # a number printed with its scale word (投资10亿元以上项目 -> "worth CNY 1 billion or more")
        allowed |= {
            scaled(Decimal(d), k)
            for d, k in re.findall(r"(\d+(?:\.\d+)?)(万亿|千万|百万|万|亿|千)", to_simplified(source))
        }
        # a scale word rendered as a number in a term: 万人 "per 10,000 people", 亿元以上 "CNY 100 million
        # or more"; but not a scale word that scales a number (10亿元以上项目 is no "CNY 100 million")
        alone = to_simplified(source)
        allowed |= {
            Decimal(10) ** k
            for k, word in ((2, "百"), (3, "千"), (4, "万"), (8, "亿"), (7, "千万"))
            if re.search(rf"(?<![\d一二两三四五六七八九十百千万亿]){word}", alone)
        }
        # a number written in Chinese numerals (比三年前 -> "from 3 years earlier")
        allowed |= {
            Decimal(v)
            for run in re.findall(r"[零〇一二两三四五六七八九十百千万亿]+", alone)
            if (v := chinese(run)) is not None
        }
        for number in _numbers(text):
            if not any(abs(number - a) <= abs(a) * Decimal("0.005") for a in allowed):
                invented.append((str(number), text))
    assert invented == []
