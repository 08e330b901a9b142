"""Compose stage: the Reports of one district -> a Briefing, the one object templates see.

Pure: it decides what is said and in what order (English from the terminology layer and
data-to-text); templates decide how it looks. Every number shown carries the anchor of the
source sentence it came from.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from decimal import Decimal

from briefing.english.amounts import CURRENCY_CODES
from briefing.english.glossary import Glossary
from briefing.english.headings import agency_name, heading_english
from briefing.english.names import district_names, place, slug
from briefing.english.phrases import (
    amount,
    basis_english,
    counted_english,
    figure_sentence,
    indicator,
    label_english,
)
from briefing.english.sentences import Phrase, sentences
from briefing.ui import strings
from briefing.understand.model import Figure, Report
from briefing.understand.normalize import to_simplified

KIND_ZH = {
    "highlights_review": "亮点回顾",
    "press_conference": "新闻发布会",
    "work_report": "工作总结",
    "meeting_news": "会议报道",
    "other": "报告",
}
CHANGE_ZH = {"increase": "上升", "decrease": "下降"}
BASIS_ZH = {"year_on_year": "同比", "period_on_period": "环比", "baseline": "较基期"}
KIND_EN = {
    "highlights_review": "year-end highlights review",
    "press_conference": "press conference",
    "work_report": "work report",
    "meeting_news": "meeting news",
    "other": "report",
}
CHANGE_EN = {"increase": "up", "decrease": "down"}


@dataclass(frozen=True)
class SourceView:
    number: int
    title: str
    outlet: str
    date: str
    kind: str
    path: str
    script: str  # Hans | Hant
    anchor: str


@dataclass(frozen=True)
class FigureView:
    id: str  # anchor of the figure's row: f-<source>-<figure>
    indicator: str  # English label
    label_zh: str
    amount: str  # "19,167 cases"
    change: str  # "down, year on year" or ""
    section: str
    quote: str  # the sentence it came from, as printed
    excerpt: str  # the clause around the figure (at most ~36 characters), for tables
    figure_text: str  # the figure itself as printed
    anchor: str  # the sentence's anchor in the sources appendix
    source: int
    sentence: str  # English data-to-text sentence
    percent_change: Decimal | None = None  # signed, for the chart


@dataclass(frozen=True)
class SentenceView:
    """The figures of one source sentence, as one English sentence linked to the quote."""

    text: str
    anchor: str
    figures: tuple[str, ...]  # the figures as printed (19167件 ...)


@dataclass(frozen=True)
class SectionView:
    source: int
    heading: str  # in the briefing's language
    heading_zh: str  # as printed in the source
    sentences: tuple[SentenceView, ...]
    initiatives: tuple[str, ...]


@dataclass(frozen=True)
class InitiativeView:
    name_en: str
    name_zh: str
    where: tuple[str, ...]
    figures: tuple[str, ...]


@dataclass(frozen=True)
class Segment:
    text: str
    anchor: str = ""


@dataclass(frozen=True)
class AppendixSource:
    source: SourceView
    paragraphs: tuple[tuple[Segment, ...], ...]


@dataclass(frozen=True)
class ChartBar:
    label: str
    value: Decimal  # signed percentage change
    width: float  # 0..1 of the half-axis
    anchor: str


@dataclass(frozen=True)
class Briefing:
    """What every template sees (documented in docs/templates.md)."""

    slug: str
    district_zh: str
    district_en: str
    code: str
    city_zh: str
    city_en: str
    province_zh: str
    province_en: str
    period: str
    lang: str
    sources: tuple[SourceView, ...]
    glance: tuple[FigureView, ...]
    sections: tuple[SectionView, ...]
    metrics: tuple[FigureView, ...]
    initiatives: tuple[InitiativeView, ...]
    chart: tuple[ChartBar, ...]
    appendix: tuple[AppendixSource, ...]
    fallbacks: tuple[str, ...] = field(default=())  # Chinese terms the glossary did not cover
    ui: dict = field(default_factory=dict)  # the briefing's own words in its language (render.ui)


def compose(reports: list[Report], glossary: Glossary, lang: str = "en") -> Briefing:
    """The reports of one district, in date order."""
    reports = sorted(reports, key=lambda r: (r.date or "", r.source))
    first = reports[0].district
    if first:
        glossary = glossary.with_names(district_names(first))
    chinese = lang != "en"
    ui = strings(lang)
    sources, sections, metrics, initiatives, appendix = [], [], [], [], []
    fallbacks: list[str] = []
    for n, report in enumerate(reports, start=1):
        kind = KIND_ZH.get(report.kind, "报告") if chinese else KIND_EN.get(report.kind, "report")
        view = SourceView(
            n,
            report.title,
            report.outlet or "",
            report.date or "",
            kind,
            report.source,
            report.script,
            f"source-{n}",
        )
        sources.append(view)
        voice = _figure_view_zh if chinese else _figure_view
        figure_views = {f.id: voice(f, n, report, glossary, fallbacks) for f in report.figures}
        heading = {
            s.id: (s.heading or ui["overview"])
            if chinese
            else _heading_en(s.heading, s.kind, glossary, fallbacks)
            for s in report.sections
        }
        for s in report.sections:
            figs = [f for f in report.figures if f.section == s.id]
            names = tuple(i.name for i in report.initiatives if s.id in i.sections)
            if figs or names or (s.heading and s.kind != "lede"):
                views = (
                    _sentence_views_zh(figs, figure_views)
                    if chinese
                    else _sentence_views(
                        figs,
                        figure_views,
                        glossary,
                        agency_name(s.heading, glossary) if s.kind == "agency" else "",
                    )
                )
                sections.append(SectionView(n, heading[s.id], s.heading, views, names))
        metrics.extend(_inherit_indicators(list(figure_views.values())))
        for i in report.initiatives:
            if chinese:
                name = i.name
            else:
                rendering = glossary.translate(to_simplified(i.name))
                fallbacks.extend(rendering.fallbacks)
                name = rendering.english
            initiatives.append(
                InitiativeView(
                    name,
                    i.name,
                    tuple(heading.get(s, s) for s in i.sections),
                    tuple(figure_views[f].amount for f in i.figure_ids if f in figure_views),
                )
            )
        appendix.append(AppendixSource(view, _appendix(report, n)))
    district_zh = first.zh if first else "未识别"
    district_en = first.en if first else "Unidentified district"
    periods = sorted({r.period for r in reports if r.period})
    return Briefing(
        slug=slug(district_en) if first else "unidentified",
        district_zh=district_zh,
        district_en=district_en,
        code=(first.code or "") if first else "",
        city_zh=(first.city_zh or "") if first else "",
        city_en=place(first.city_zh) if first and first.city_zh else "",
        province_zh=(first.province_zh or "") if first else "",
        province_en=place(first.province_zh) if first and first.province_zh else "",
        period=_period_text(periods),
        lang=lang,
        sources=tuple(sources),
        glance=_glance(metrics),
        sections=tuple(sections),
        metrics=tuple(metrics),
        initiatives=tuple(initiatives),
        chart=_chart(metrics),
        appendix=tuple(appendix),
        fallbacks=tuple(dict.fromkeys(fallbacks)),
        ui=ui,
    )


def _period_text(periods: list[str]) -> str:
    years = sorted({y for p in periods for y in p.split("-")})
    if not years:
        return ""
    return years[0] if len(years) == 1 else f"{years[0]}–{years[-1]}"


def _heading_en(heading: str, kind: str, glossary: Glossary, fallbacks: list[str]) -> str:
    rendering = heading_english(heading, kind, glossary)
    fallbacks.extend(rendering.fallbacks)
    return rendering.english


def _figure_view(f: Figure, n: int, report: Report, glossary: Glossary, fallbacks: list[str]) -> FigureView:
    for part in (label_english(f, glossary), counted_english(f, glossary)):
        fallbacks.extend(part[1])
    what = indicator(f, glossary)
    change = ""
    if f.change:
        change = CHANGE_EN[f.change] + (f", {basis_english(f).strip()}" if f.basis else "")
    section = next((s for s in report.sections if s.id == f.section), None)
    pct = None
    if f.change and f.unit in ("%", "％"):
        pct = f.value if f.change == "increase" else -f.value
    return FigureView(
        id=f"f-{n}-{f.id}",
        indicator=what or "—",
        label_zh=f.label + (f" / {f.counted}" if f.counted else ""),
        amount=amount(f, glossary),
        change=change,
        section=section.heading if section and section.heading else "",
        quote=_oneline(f.sentence_text.strip()),
        excerpt=_excerpt(f),
        figure_text=f.text,
        anchor=f"q-{n}-{f.sentence[0]}",
        source=n,
        sentence=figure_sentence(f, glossary),
        percent_change=pct,
    )


def _figure_view_zh(
    f: Figure, n: int, report: Report, glossary: Glossary, fallbacks: list[str]
) -> FigureView:
    """The same figure for a Chinese briefing: the source's own words."""
    english = _figure_view(f, n, report, glossary, [])
    change = ""
    if f.change:
        change = (BASIS_ZH[f.basis] if f.basis else "") + CHANGE_ZH[f.change]
    approx = {"over": "超过", "nearly": "近", "about": "约", "under": "不足"}.get(f.approx or "", "")
    visible = re.sub(r"<[^>]+>", "", f.text)
    already = any(w in to_simplified(visible) for w in ("余", "多", "以上", "左右", "以内", "以下"))
    label = f.label or f.counted or "—"
    return FigureView(
        id=english.id,
        indicator=label,
        label_zh=english.label_zh,
        amount=("" if already else approx) + visible,
        change=change,
        section=english.section,
        quote=english.quote,
        excerpt=english.excerpt,
        figure_text=f.text,
        anchor=english.anchor,
        source=n,
        sentence=english.excerpt,
        percent_change=english.percent_change,
    )


def _sentence_views(
    figures: list[Figure], views: dict[str, FigureView], glossary: Glossary, agency: str = ""
) -> tuple[SentenceView, ...]:
    """One English sentence per source sentence (briefing.english.sentences), linked to its quote."""
    phrases = {f.id: Phrase(views[f.id].sentence, views[f.id].amount) for f in figures}
    return tuple(
        SentenceView(w.text, views[w.figures[0].id].anchor, tuple(f.text for f in w.figures))
        for w in sentences(figures, glossary, phrases, agency)
    )


def _sentence_views_zh(figures: list[Figure], views: dict[str, FigureView]) -> tuple[SentenceView, ...]:
    """In a Chinese briefing a highlight is the source sentence itself."""
    out: list[SentenceView] = []
    seen: set[tuple[int, int]] = set()
    for f in figures:
        if f.sentence in seen:
            continue
        seen.add(f.sentence)
        figs = [g for g in figures if g.sentence == f.sentence]
        out.append(SentenceView(views[f.id].quote, views[f.id].anchor, tuple(g.text for g in figs)))
    return tuple(out)


CLAUSE = re.compile(r"[，,；;。！？!?：:]")


def _excerpt(f: Figure, limit: int = 36) -> str:
    """The clause of the source sentence that holds the figure, trimmed to about `limit`
    characters around it, with … where it was cut."""
    sentence = _oneline(f.sentence_text.strip())
    visible = re.sub(r"<[^>]+>", "", f.text)
    at = sentence.find(visible)
    if at < 0:
        return sentence[:limit] + ("…" if len(sentence) > limit else "")
    start = max((m.end() for m in CLAUSE.finditer(sentence, 0, at)), default=0)
    end_match = CLAUSE.search(sentence, at + len(visible))
    end = end_match.start() if end_match else len(sentence)
    if end - start > limit:
        start = max(start, at - limit // 2)
        end = min(end, max(at + len(visible), start + limit))
    text = sentence[start:end]
    return ("…" if start > 0 else "") + text + ("…" if end < len(sentence) else "")


def _glance(metrics: list[FigureView]) -> tuple[FigureView, ...]:
    """The 4-6 most telling figures: stated changes first, then money, then the largest counts;
    at most two from one section so the glance covers the report."""

    def weight(v: FigureView) -> tuple:
        return (v.change == "", not MONEY.search(v.amount), -_magnitude(v.amount), v.id)

    chosen, per_section = [], {}
    for v in sorted(metrics, key=weight):
        key = (v.source, v.section)
        if per_section.get(key, 0) >= 2 or v.indicator == "—":
            continue
        chosen.append(v)
        per_section[key] = per_section.get(key, 0) + 1
        if len(chosen) == 6:
            break
    return tuple(sorted(chosen, key=lambda v: metrics.index(v)))


MONEY = re.compile(r"\b(?:" + "|".join(sorted(set(CURRENCY_CODES.values()))) + r") ")


def _magnitude(amount: str) -> float:
    m = re.search(r"[\d,.]+", amount)
    if not m:
        return 0.0
    try:
        value = float(m.group().replace(",", ""))
    except ValueError:
        return 0.0
    return value * (1e9 if "billion" in amount else 1e6 if "million" in amount else 1)


def _inherit_indicators(views: list[FigureView]) -> list[FigureView]:
    """A figure that names no indicator of its own, right after one of the same sentence that
    does, measures the same thing (782件次、1304人次; 3至5天; 同比分别下降18.6%、13.2%)."""
    out: list[FigureView] = []
    for v in views:
        prev = out[-1] if out else None
        if (
            v.indicator in ("", "—")
            and prev is not None
            and prev.anchor == v.anchor
            and prev.indicator not in ("", "—")
        ):
            v = replace(v, indicator=prev.indicator)
        out.append(v)
    return out


def _chart(metrics: list[FigureView]) -> tuple[ChartBar, ...]:
    bars = [m for m in metrics if m.percent_change is not None]
    if not bars:
        return ()
    top = max(abs(b.percent_change) for b in bars) or Decimal(1)
    labels: list[str] = []
    for k, b in enumerate(bars):
        label = b.indicator if b.indicator and b.indicator != "—" else (b.label_zh or b.excerpt)
        if k and bars[k - 1].anchor == b.anchor and label == labels[-1].removesuffix(" (2nd)"):
            label += " (2nd)"  # 同比分别下降18.6%、13.2%: the second change of one indicator
        labels.append(label)
    return tuple(
        ChartBar(label, b.percent_change, float(abs(b.percent_change) / top), b.id)
        for label, b in zip(labels, bars)
    )


def _appendix(report: Report, n: int) -> tuple[tuple[Segment, ...], ...]:
    """The cleaned source text, sentence by sentence, anchored where a figure was quoted."""
    quoted = {f.sentence for f in report.figures}
    paragraphs = []
    for p in report.paragraphs:
        segments: list[Segment] = []
        for sentence in p.sentences:
            piece = _oneline(sentence.text)
            if sentence.span in quoted:
                segments.append(Segment(piece, f"q-{n}-{sentence.span[0]}"))
            elif segments and not segments[-1].anchor:
                segments[-1] = Segment(segments[-1].text + piece)
            else:
                segments.append(Segment(piece))
        if segments:
            paragraphs.append(tuple(segments))
    return tuple(paragraphs)


def _oneline(text: str) -> str:
    """Source text on one line; a line break between Chinese characters is no space."""
    text = re.sub(r"(?<=[\u3000-\u9fff\uff00-\uffef])\s*\n\s*(?=[\u3000-\u9fff\uff00-\uffef])", "", text)
    return re.sub(r"\s+", " ", text)
