"""Compose stage: the Reports of one district -> a Briefing, the one object templates see.

Pure: it decides what is said and in what order (English from the terminology layer and
data-to-text); templates decide how it looks. Every number shown carries the anchor of the
source sentence it came from.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal

from briefing.english.glossary import Glossary
from briefing.english.names import district_names, place, slug
from briefing.english.phrases import (
    BASIS,
    CHANGE_VERBS,
    VERBS,
    amount,
    before_number,
    counted_english,
    figure_sentence,
    indicator,
    label_english,
)
from briefing.ui import strings
from briefing.understand.model import Figure, Report
from briefing.understand.normalize import to_simplified

KIND_ZH = {"highlights_review": "亮点回顾", "press_conference": "新闻发布会", "work_report": "工作总结",
           "meeting_news": "会议报道", "other": "报告"}
CHANGE_ZH = {"increase": "上升", "decrease": "下降"}
BASIS_ZH = {"year_on_year": "同比", "period_on_period": "环比", "baseline": "较基期"}
KIND_EN = {"highlights_review": "year-end highlights review", "press_conference": "press conference",
           "work_report": "work report", "meeting_news": "meeting news", "other": "report"}
CHANGE_EN = {"increase": "up", "decrease": "down"}
BASIS_EN = {"year_on_year": "year on year", "period_on_period": "on previous period", "baseline": "on baseline"}


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
        view = SourceView(n, report.title, report.outlet or "", report.date or "", kind, report.source,
                          report.script, f"source-{n}")
        sources.append(view)
        voice = _figure_view_zh if chinese else _figure_view
        figure_views = {f.id: voice(f, n, report, glossary, fallbacks) for f in report.figures}
        heading = {s.id: (s.heading or ui["overview"]) if chinese else _heading_en(s.heading, s.kind, glossary, fallbacks)
                   for s in report.sections}
        for s in report.sections:
            figs = [f for f in report.figures if f.section == s.id]
            names = tuple(i.name for i in report.initiatives if s.id in i.sections)
            if figs or names or (s.heading and s.kind != "lede"):
                views = _sentence_views_zh(figs, figure_views) if chinese else _sentence_views(figs, figure_views)
                sections.append(SectionView(n, heading[s.id], s.heading, views, names))
        metrics.extend(figure_views.values())
        for i in report.initiatives:
            if chinese:
                name = i.name
            else:
                rendering = glossary.translate(to_simplified(i.name))
                fallbacks.extend(rendering.fallbacks)
                name = rendering.english
            initiatives.append(InitiativeView(
                name, i.name, tuple(heading.get(s, s) for s in i.sections),
                tuple(figure_views[f].amount for f in i.figure_ids if f in figure_views)))
        appendix.append(AppendixSource(view, _appendix(report, n)))
    district_zh = first.zh if first else "未识别"
    district_en = first.en if first else "Unidentified district"
    periods = sorted({r.period for r in reports if r.period})
    return Briefing(
        slug=slug(district_en) if first else "unidentified",
        district_zh=district_zh, district_en=district_en, code=(first.code or "") if first else "",
        city_zh=(first.city_zh or "") if first else "", city_en=place(first.city_zh) if first and first.city_zh else "",
        province_zh=(first.province_zh or "") if first else "",
        province_en=place(first.province_zh) if first and first.province_zh else "",
        period=_period_text(periods), lang=lang, sources=tuple(sources),
        glance=_glance(metrics), sections=tuple(sections), metrics=tuple(metrics),
        initiatives=tuple(initiatives), chart=_chart(metrics), appendix=tuple(appendix),
        fallbacks=tuple(dict.fromkeys(fallbacks)), ui=ui,
    )


def _period_text(periods: list[str]) -> str:
    years = sorted({y for p in periods for y in p.split("-")})
    if not years:
        return ""
    return years[0] if len(years) == 1 else f"{years[0]}–{years[-1]}"


def _heading_en(heading: str, kind: str, glossary: Glossary, fallbacks: list[str]) -> str:
    if not heading:
        return "Overview" if kind == "lede" else ""
    heading = re.sub(r"^(?:[一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十]+[)）])\s*", "", heading)
    rendering = glossary.translate(to_simplified(heading))
    fallbacks.extend(rendering.fallbacks)
    text = rendering.english
    return text[:1].upper() + text[1:]


def _figure_view(f: Figure, n: int, report: Report, glossary: Glossary, fallbacks: list[str]) -> FigureView:
    for part in (label_english(f, glossary), counted_english(f, glossary)):
        fallbacks.extend(part[1])
    what = indicator(f, glossary)
    change = ""
    if f.change:
        change = CHANGE_EN[f.change] + (f", {BASIS_EN[f.basis]}" if f.basis else "")
    section = next((s for s in report.sections if s.id == f.section), None)
    pct = None
    if f.change and f.unit in ("%", "％"):
        pct = f.value if f.change == "increase" else -f.value
    return FigureView(
        id=f"f-{n}-{f.id}", indicator=what or "—",
        label_zh=f.label + (f" / {f.counted}" if f.counted else ""), amount=amount(f, glossary), change=change,
        section=section.heading if section and section.heading else "",
        quote=_oneline(f.sentence_text.strip()), excerpt=_excerpt(f), figure_text=f.text, anchor=f"q-{n}-{f.sentence[0]}",
        source=n, sentence=figure_sentence(f, glossary), percent_change=pct,
    )


def _figure_view_zh(f: Figure, n: int, report: Report, glossary: Glossary, fallbacks: list[str]) -> FigureView:
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
        id=english.id, indicator=label, label_zh=english.label_zh,
        amount=("" if already else approx) + visible, change=change, section=english.section, quote=english.quote,
        excerpt=english.excerpt, figure_text=f.text, anchor=english.anchor, source=n, sentence=english.excerpt,
        percent_change=english.percent_change,
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


def _sentence_views(figures: list[Figure], views: dict[str, FigureView]) -> tuple[SentenceView, ...]:
    """One English sentence per source sentence: its figure clauses in source order, joined as
    data-to-text: a change follows the level it qualifies ("CNY 236 million, up 9.8% year on
    year"), a rate closes the clause it measures ("concluded 6,912 cases (clearance rate 79.12%)"),
    the two ends of a change or a range read as one ("cut from 20 working days to 7 working days",
    "3 to 5 days"), a count directly after another (3件6人) reads "3 cases involving 6 people",
    counts listed after a verb share it, and clauses without a label-colon are joined with commas
    and "and" (clauses in "Label: amount" form are kept apart by semicolons)."""
    out: list[SentenceView] = []
    groups: dict[tuple[int, int], list[Figure]] = {}
    for f in figures:
        groups.setdefault(f.sentence, []).append(f)
    for figs in groups.values():
        # each: [kind, text, the Chinese label of its first figure, the source text before it, a folded change]
        clauses: list[list[str]] = []
        for k, f in enumerate(figs):
            view = views[f.id]
            phrase = view.sentence.rstrip(".")
            if _lower_ok(phrase):
                phrase = phrase[:1].lower() + phrase[1:]
            prev = figs[k - 1] if k else None
            last = clauses[-1] if clauses else None
            kind = _kind(f, phrase)
            between = _between(prev, f) if prev is not None else None
            if last is not None and _join(last, kind, f, prev, phrase, between, views):
                continue
            gap = (between or "").strip()
            if prev is not None and prev.counted and gap.startswith(prev.counted):
                gap = gap[len(prev.counted):]  # 5个工作组29个工作专班: the list runs on after the noun
            clauses.append([kind, phrase, f.label, gap, ""])
        text = _join_clauses(clauses) + "."
        out.append(SentenceView(text, views[figs[0].id].anchor, tuple(f.text for f in figs)))
    return tuple(out)


BARE = re.compile(r"^(?:(?:over|nearly|about|under) )?(?:CNY )?[\d,.]+(?: (?:million|billion))?")
_VERB_WORDS = frozenset(w for v in VERBS.values() for w in v.split(" ")[:1])


def _kind(f: Figure, phrase: str) -> str:
    """What a figure's clause is, for joining: change | from | to | rate | plain | count | verb | bare."""
    pct = f.unit in ("%", "％", "pp")
    if f.change and pct:
        return "change"
    if f.change:
        mark = before_number(f)
        return "from" if mark in "从由" else "to" if mark in "到至为成" else "plain"
    if ":" in phrase:
        return "plain"
    if pct:
        return "rate"
    first = phrase.split(" ")[0].lower()
    if first in _VERB_WORDS and not BARE.match(phrase):
        return "verb"
    if BARE.fullmatch(phrase) or (not f.label and not f.counted and phrase == views_amount_only(phrase)):
        return "bare"
    return "count"


def views_amount_only(phrase: str) -> str:
    """A phrase that is only a quantity with its unit's noun (782 case-visits), else ""."""
    m = BARE.match(phrase)
    return phrase if m and " " not in phrase[m.end():].strip() and phrase[m.end():].strip().replace("-", "").isalpha() \
        else ""


def _between(a: Figure, b: Figure) -> str | None:
    """The source text between two figures of one sentence, or None when it cannot be read."""
    s = b.sentence_text
    start, end = a.span[1] - a.sentence[0], b.span[0] - b.sentence[0]
    if 0 <= start <= end <= len(s) and s[start - len(a.text):start] == a.text and s[end:end + len(b.text)] == b.text:
        return s[start:end]
    at = s.find(a.text)
    nxt = s.find(b.text, at + len(a.text)) if at >= 0 else -1
    return s[at + len(a.text):nxt] if at >= 0 and nxt >= 0 else None


RANGE = re.compile(r"\s*[至到~～\-－—–]\s*")


def _join(last: list[str], kind: str, f: Figure, prev: Figure, phrase: str, between: str | None,
          views: dict[str, FigureView]) -> bool:
    """Fold a figure's clause into the previous one when they read as one; True if folded."""
    prev_view, view = views[prev.id], views[f.id]
    text = last[1]
    if between is not None and RANGE.fullmatch(between) and not f.change and text.endswith(prev_view.amount):
        # 3至5天 -> 3 to 5 days
        number = BARE.match(prev_view.amount)
        if number:
            last[1] = text[:len(text) - len(prev_view.amount)] + number.group() + " to " + view.amount
            return True
    if last[0] == "from" and kind == "to":
        head, _, tail = phrase.rpartition(" to ")
        m = re.search(r" (\w+) from ", text)
        if m and " " not in head:
            text = text[:m.start(1)] + head + text[m.end(1):]
        last[0], last[1] = "change", f"{text} to {tail}"
        return True
    if kind == "change" and last[4] and last[4] == f"{f.change} {f.basis}" and (
            not f.label or phrase.startswith("the figure")):
        # 同比分别下降18.6%、13.2%: the second rate of one stated change
        basis = BASIS.get(f.basis or "", "")
        at = text.rfind(basis) if basis else len(text)
        if basis and at < 0:
            at = len(text)
        last[1] = f"{text[:at]} and {view.amount}{text[at:]}"
        if text.endswith(")"):
            last[1] = last[1][:-1] + " respectively)"
        else:
            last[1] += " respectively"
        return True
    if kind == "change" and last[0] not in ("change", "from") and (
            not f.label or f.label in (prev.label, last[2]) or phrase.startswith("the figure")
            or to_simplified(f.label) in CHANGE_VERBS):
        # 执行到位金额2.36亿元，同比增长9.8% -> CNY 236 million, up 9.8% year on year
        change = f"{CHANGE_EN[f.change]} {view.amount}{BASIS.get(f.basis or '', '')}"
        last[1] = f"{text[:-1]}, {change})" if text.endswith(")") else f"{text}, {change}"
        last[4] = f"{f.change} {f.basis}"
        return True
    if kind == "change" and last[0] in ("change", "plain") and phrase.startswith("the figure"):
        # 同比分别下降18.6%、13.2%: one verb, two rates
        basis = BASIS.get(f.basis or "", "")
        if basis and text.endswith(basis):
            last[1] = f"{text[:len(text) - len(basis)]} and {view.amount}{basis}"
        else:
            last[1] = f"{text} and {view.amount}"
        if not last[1].endswith("respectively"):
            last[1] += " respectively"
        return True
    if kind == "bare" and between is not None and prev_view.amount and not prev.change:
        gap = between.strip()
        if gap == "" and to_simplified(prev.unit) in ("件", "起", "宗") and to_simplified(f.unit) in ("人", "名"):
            last[1] = f"{text} involving {phrase}"  # 3件6人 -> 3 cases involving 6 people
            return True
        if gap in ("、", "，", ","):
            if text.endswith(")"):
                last[1] = f"{text[:-1]} and {phrase})"
            else:
                last[1] = f"{text} and {phrase}"
            return True
    if kind == "rate" and last[0] in ("verb", "count") and not text.endswith(")") and len(phrase.split(" ")) <= 6 \
            and between is not None and not re.search(r"[；;。]", between):
        last[1] = f"{text} ({phrase[:1].lower() + phrase[1:] if _lower_ok(phrase) else phrase})"
        return True
    return False


def _join_clauses(clauses: list[list[str]]) -> str:
    """Clauses in source order: those without a label-colon joined with commas and a final "and",
    counts after a verb sharing it ("dismantled 2 mafia-style organisations and 9 evil-force
    criminal groups"); "Label: amount" clauses set apart by semicolons."""
    runs: list[list[str]] = []  # runs of joinable clauses; a plain clause is a run of its own
    for kind, text, _, gap, _ in clauses:
        shares = kind == "count" and (gap == "" or gap.startswith(("、", "和", "及", "以及"))) and BARE.match(text)
        if runs and shares and runs[-1][-1][0] == "verb" and runs[-1][-1][1].startswith(tuple(_VERB_WORDS)):
            runs[-1][-1] = ["verb-list", runs[-1][-1][1] + "\0" + text]
            continue
        if runs and runs[-1][-1][0] == "verb-list" and shares:
            runs[-1][-1][1] += "\0" + text
            continue
        previous = runs[-1][-1][0] if runs else ""
        if kind in ("plain", "bare") or previous in ("plain", "bare", "") or (kind == "count") != (previous == "count") \
                and not (previous == "count" and kind == "change"):
            runs.append([[kind, text]])
        else:
            runs[-1].append([kind, text])
    parts = []
    for run in runs:
        items = [_and_list(text.split("\0")) for _, text in run]
        parts.append(_and_list(items))
    out = []
    for k, part in enumerate(parts):
        out.append(part[:1].upper() + part[1:] if k == 0 else
                   part[:1].lower() + part[1:] if _lower_ok(part) else part)
    return "; ".join(out)


def _and_list(items: list[str]) -> str:
    if len(items) == 1:
        return items[0]
    return ", ".join(items[:-1]) + " and " + items[-1]


def _lower_ok(phrase: str) -> bool:
    """Lower-case a phrase's first letter inside a sentence, unless it starts a proper name
    (District Court, Qianjiang ...) or an acronym."""
    first = phrase.split(" ")[0]
    return not (first in ("District", "County", "City", "Court", "People's") or first.isupper()
                or phrase.startswith(tuple(PROPER_STARTS)))


PROPER_STARTS = ("District ", "County ", "City ", "Municipal ", "Provincial ", "Public Security", "Bureau",
                 "Political and Legal", "People's")


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
        return (v.change == "", "CNY" not in v.amount, -_magnitude(v.amount), v.id)

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


def _magnitude(amount: str) -> float:
    m = re.search(r"[\d,.]+", amount)
    if not m:
        return 0.0
    try:
        value = float(m.group().replace(",", ""))
    except ValueError:
        return 0.0
    return value * (1e9 if "billion" in amount else 1e6 if "million" in amount else 1)


def _chart(metrics: list[FigureView]) -> tuple[ChartBar, ...]:
    bars = [m for m in metrics if m.percent_change is not None]
    if not bars:
        return ()
    top = max(abs(b.percent_change) for b in bars) or Decimal(1)
    return tuple(ChartBar(b.indicator if b.indicator != "—" else (b.label_zh or b.excerpt), b.percent_change,
                          float(abs(b.percent_change) / top), b.id) for b in bars)


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
