"""The report model: what `briefing extract` prints and what every later stage reads.

Frozen dataclasses; spans are (start, end) character offsets into Source.text, the document as
decoded (before any cleaning), and every quoted `text` equals source[start:end].
Schema: briefing/schema/report.schema.json (`briefing.report/1`).
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

Span = tuple[int, int]
SCHEMA_ID = "briefing.report/1"


@dataclass(frozen=True)
class District:
    zh: str  # standard Simplified name, e.g. 九龙坡区
    en: str  # e.g. Jiulongpo District
    code: str | None  # 6-digit administrative code
    city_zh: str | None
    province_zh: str | None


@dataclass(frozen=True)
class Section:
    id: str  # s0 is the lede
    kind: str  # lede | highlight | numbered | agency | heading
    heading: str  # as printed (original script); "" for the lede
    span: Span  # from the section's first character to its last
    heading_span: Span | None = None
    level: int = 1


@dataclass(frozen=True)
class Exchange:
    """A press-conference question and its answer."""

    section: str
    question_span: Span
    answer_span: Span | None
    asked_by: str  # e.g. 重庆法制报记者孙洪波
    answered_by: str  # e.g. 区委政法委分管负责人于洋


@dataclass(frozen=True)
class Figure:
    id: str  # f1, f2 ... in document order
    section: str
    label: str  # Chinese noun phrase naming what is measured ("" when the text names none)
    value: Decimal  # scaled exactly: 16.4亿 -> 1640000000
    unit: str  # as printed in the source's script; money "元", percentage points "pp"
    approx: str | None  # over | nearly | about | under
    change: str | None  # increase | decrease
    basis: str | None  # year_on_year | period_on_period | baseline
    span: Span
    text: str  # == source[span]
    sentence: Span  # the sentence the figure came from (one of its paragraph's sentences)
    sentence_text: str  # that sentence as printed
    scale: str = ""  # 万 / 亿 / 千 as printed, for the English rendering
    counted: str = ""  # the noun the measure word counts when it follows: 下设5个工作组 -> 工作组


@dataclass(frozen=True)
class Initiative:
    name: str  # as printed, without its quotation marks
    kind: str  # programme | campaign | mechanism | platform | team | document | model | other
    sections: tuple[str, ...]
    figure_ids: tuple[str, ...]
    spans: tuple[Span, ...]


@dataclass(frozen=True)
class Sentence:
    span: Span
    text: str  # visible text as printed (for HTML, without the markup inside the span)


@dataclass(frozen=True)
class Paragraph:
    """A body paragraph (chrome, captions and repeated copies are left out)."""

    section: str
    span: Span
    role: str  # body | heading | question | answer
    sentences: tuple[Sentence, ...]


@dataclass(frozen=True)
class Report:
    source: str  # path as named
    sha256: str
    encoding: str
    script: str  # Hans | Hant
    title: str
    date: str | None  # ISO publication date
    outlet: str | None
    district: District | None
    period: str | None  # "2019" or "2019-2020"
    kind: str  # highlights_review | press_conference | work_report | meeting_news | other
    sections: tuple[Section, ...]
    figures: tuple[Figure, ...]
    initiatives: tuple[Initiative, ...]
    exchanges: tuple[Exchange, ...]
    paragraphs: tuple[Paragraph, ...]
    chrome: tuple[tuple[Span, str], ...]  # (span, why) of what was left out of the analysis
