"""`briefing terms`: the Chinese terms the glossary does not cover, so that a user can extend it
where it matters most.

Everything a briefing translates is gone through as compose does it: figure labels, the counted
nouns used after a measure word, section headings and initiative names. Each word rendered from
the dictionary (tier "dictionary") and each run romanised with pypinyin (tier "pinyin") is counted
once per place it is used, with its rendering and the first source sentence it came from, as
printed.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass

from briefing.english.glossary import Glossary, Rendering
from briefing.english.names import district_names
from briefing.english.phrases import counted_english
from briefing.understand.model import Report
from briefing.understand.normalize import to_simplified

# A heading's list number, as compose strips it before translating: 一、 （二） 3.
_NUMBERING = re.compile(r"^(?:[一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十]+[)）])\s*")
EXAMPLE_WIDTH = 40


@dataclass(frozen=True)
class TermUse:
    term: str  # the Chinese term (Simplified)
    tier: str  # "dictionary" or "pinyin"
    rendering: str  # how it was rendered: the dictionary gloss, or "Pinyin (中文)"
    count: int  # how many times the briefings use it
    example: str  # the first source sentence it came from, as printed


def unknown_terms(reports: Iterable[Report], glossary: Glossary) -> list[TermUse]:
    """The terms of these reports that fell back to the dictionary or to pinyin, most used first
    (then by term)."""
    counts: dict[tuple[str, str], int] = {}
    first: dict[tuple[str, str], tuple[str, str]] = {}  # (term, tier) -> (rendering, example)

    def note(rendering: Rendering, example: str) -> None:
        for tier, pieces in (("dictionary", rendering.dictionary), ("pinyin", rendering.romanised)):
            for zh, english in pieces:
                key = (zh, tier)
                counts[key] = counts.get(key, 0) + 1
                if key not in first:
                    shown = english if tier == "dictionary" else f"{english} ({zh})"
                    first[key] = (shown, _oneline(example))

    for report in reports:
        local = glossary.with_names(district_names(report.district)) if report.district else glossary
        for fig in report.figures:
            if fig.label:
                note(local.translate(to_simplified(fig.label)), fig.sentence_text)
            if fig.counted:
                counted = _counted_rendering(fig, local)
                if counted is not None:
                    note(counted, fig.sentence_text)
        for section in report.sections:
            if section.heading:
                heading = _NUMBERING.sub("", section.heading)
                note(local.translate(to_simplified(heading)), section.heading)
        for initiative in report.initiatives:
            note(local.translate(to_simplified(initiative.name)), _sentence_at(report, initiative))
    uses = [TermUse(zh, tier, first[zh, tier][0], n, first[zh, tier][1]) for (zh, tier), n in counts.items()]
    return sorted(uses, key=lambda u: (-u.count, u.term, u.tier))


def format_terms(uses: list[TermUse]) -> str:
    """A plain table for the command line: count, term, tier, rendering, example."""
    if not uses:
        return "No term fell back to the dictionary or to pinyin: the glossary covers everything.\n"
    header = ("count", "term", "tier", "rendering", "example")
    rows = [header] + [(str(u.count), u.term, u.tier, u.rendering, _excerpt(u.example, u.term)) for u in uses]
    widths = [max(_width(row[i]) for row in rows) for i in range(len(header) - 1)]
    lines = []
    for row in rows:
        cells = [_pad(row[0], widths[0], right=True)]
        cells += [_pad(cell, width) for cell, width in zip(row[1:-1], widths[1:], strict=True)]
        lines.append("  ".join([*cells, row[-1]]).rstrip())
    return "\n".join(lines) + "\n"


def _counted_rendering(fig, glossary: Glossary) -> Rendering | None:
    """The rendering of the counted noun as phrases.counted_english uses it: the longest start of
    the words after the measure word that it accepts; None when it uses none."""
    english, _ = counted_english(fig, glossary)
    if not english:
        return None
    zh = to_simplified(fig.counted)
    for end in range(len(zh), 1, -1):
        rendering = glossary.translate(zh[:end])
        if rendering.english == english:
            return rendering
    return None


def _sentence_at(report: Report, initiative) -> str:
    """The sentence an initiative is first named in, as printed; its name when none is found."""
    if initiative.spans:
        start = initiative.spans[0][0]
        for paragraph in report.paragraphs:
            if paragraph.span[0] <= start < paragraph.span[1]:
                for sentence in paragraph.sentences:
                    if sentence.span[0] <= start < sentence.span[1]:
                        return sentence.text
    return initiative.name


def _oneline(text: str) -> str:
    text = re.sub(r"(?<=[\u3000-\u9fff\uff00-\uffef])\s*\n\s*(?=[\u3000-\u9fff\uff00-\uffef])", "", text)
    return " ".join(text.split())


def _excerpt(text: str, term: str, limit: int = EXAMPLE_WIDTH) -> str:
    """At most `limit` characters of the example, around the term's first occurrence (found in
    the Simplified form of the text, which maps character for character)."""
    if len(text) <= limit:
        return text
    at = to_simplified(text).find(term)
    if at < limit // 4:
        return text[: limit - 1] + "…"
    start = at - limit // 4
    if start + limit - 1 >= len(text):
        return "…" + text[len(text) - (limit - 1) :]
    return "…" + text[start : start + limit - 2] + "…"


def _width(text: str) -> int:
    """Display width in a terminal: wide (CJK) characters take two columns."""
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def _pad(text: str, width: int, right: bool = False) -> str:
    space = " " * (width - _width(text))
    return space + text if right else text + space
