"""Sentences: the figures of one source sentence as one English sentence (data-to-text).

Each figure is first an English clause (briefing.english.phrases); the clauses of one source
sentence are then joined in source order: a change follows the level it qualifies ("CNY 236
million, up 9.8% year on year"), a rate closes the clause it measures ("concluded 6,912 cases
(clearance rate 79.12%)"), the two ends of a change or a range read as one ("cut from 20 working
days to 7 working days", "3 to 5 days"), a count directly after another (3件6人) reads "3 cases
involving 6 people", counts listed after a verb share it, and clauses without a label-colon are
joined with commas and "and" (clauses in "Label: amount" form are kept apart by semicolons).

Public API: `sentences(figures, glossary, agency=...)` -> [Written(text, figures)]. Pure.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass

from briefing.english.glossary import Glossary
from briefing.english.headings import agency_name
from briefing.english.phrases import (
    CHANGE_VERBS,
    START_OF_YEAR,
    VERBS,
    amount,
    basis_english,
    change_end,
    figure_sentence,
    predicate_terms,
)
from briefing.understand.model import Figure
from briefing.understand.normalize import to_simplified

CHANGE_EN = {"increase": "up", "decrease": "down"}
PCT = ("%", "％", "pp", "‰")
NET = {"净增", "净减", "净减少", "净增加"}  # a label that only says the change is net


@dataclass(frozen=True)
class Phrase:
    """A figure in English, as the joining reads it: its own sentence and its amount."""

    sentence: str  # "Accepted 8,736 cases of all types."
    amount: str  # "8,736 cases"


@dataclass(frozen=True)
class Written:
    """One English sentence and the figures of the source sentence it states, in source order."""

    text: str
    figures: tuple[Figure, ...]


def figure_phrase(f: Figure, glossary: Glossary) -> Phrase:
    return Phrase(figure_sentence(f, glossary), amount(f, glossary))


def sentences(
    figures: list[Figure], glossary: Glossary, phrases: Mapping[str, Phrase] | None = None, agency: str = ""
) -> list[Written]:
    """One English sentence per source sentence of these figures (in their order).

    phrases: each figure's Phrase by id, when the caller has them already.
    agency: the English name of the agency the section is headed by ("District Court"), or "".
    """
    views = dict(phrases or {})
    for f in figures:
        if f.id not in views:
            views[f.id] = figure_phrase(f, glossary)
    out: list[Written] = []
    groups: dict[tuple[int, int], list[Figure]] = {}
    for f in figures:
        groups.setdefault(f.sentence, []).append(f)
    for figs in groups.values():
        # each: [kind, text, the Chinese label of its first figure, the source text before it, a folded change]
        clauses: list[list[str]] = []
        said = [views[f.id].sentence for f in figs]
        for k, f in enumerate(figs):
            view = views[f.id]
            text = view.sentence.rstrip(".")
            if said.count(view.sentence) > 1 and f.counted:
                # 1名干警被评为…，1名干警被评为…: the same count twice is told apart by what is said of it
                said_of = predicate_terms(f, glossary)
                text = f"{text} {said_of}" if said_of else text
            if _lower_ok(text):
                text = text[:1].lower() + text[1:]
            prev = figs[k - 1] if k else None
            last = clauses[-1] if clauses else None
            kind = _kind(f, text)
            between = _between(prev, f) if prev is not None else None
            if last is not None and _join(last, kind, f, prev, text, between, views):
                continue
            gap = (between or "").strip()
            if prev is not None and prev.counted and gap.startswith(prev.counted):
                gap = gap[len(prev.counted) :]  # 5个工作组29个工作专班: the list runs on after the noun
            clauses.append([kind, text, f.label, gap, ""])
        text = _join_clauses(clauses)
        subject = _subject(figs[0], agency, glossary) if clauses[0][0] == "verb" else ""
        if subject and text.split(" ")[0].lower() in _VERB_WORDS:
            text = f"The {subject} {text[:1].lower()}{text[1:]}"
        out.append(Written(text + ".", tuple(figs)))
    return out


# Time words and adverbs around a sentence's subject: 上半年，区法院共受理… -> 区法院.
_TIME_LEAD = re.compile(
    r"^(?:20\d\d年(?:以来|度|全年|上半年|下半年)?|今年以来|今年|去年|一年来|全年|上半年|下半年|截至目前|目前|"
    r"同期|年内|当年|其中|同时|此外|\d+月份?(?:以来)?|\d+-\d+月|\d+月至\d+月)+"
)
_ADVERB_TAIL = re.compile(
    r"(?:共|共计|一共|依法|累计|先后|全年|积极|主动|已|还|再|又|分别|集中|全力|严厉|有力|深入)+$"
)


def _subject(f: Figure, agency: str, glossary: Glossary) -> str:
    """Who did what a sentence's first figure counts, in English, when that is an agency: the one
    the sentence names before its verb (区检察院依法批准逮捕…), or the agency the section is headed
    by when the sentence names no one (共受理…); "" otherwise. Nothing is inferred beyond that."""
    if not f.label:
        return ""
    s = to_simplified(f.sentence_text)
    label = to_simplified(f.label)
    at = s.rfind(label, 0, max(0, f.span[0] - f.sentence[0]) + 1)
    if at < 0:
        return ""
    *earlier, lead = re.split(r"[，,：:；;]", s[:at])
    lead = _ADVERB_TAIL.sub("", _TIME_LEAD.sub("", lead.strip()))
    if not lead:
        quiet = all(not _TIME_LEAD.sub("", e.strip()) for e in earlier)
        return agency if quiet else ""
    return agency_name(lead, glossary)


BARE = re.compile(r"^(?:(?:over|nearly|about|under) )?(?:[A-Z]{3} )?[\d,.]+(?: (?:million|billion))?")
_VERB_WORDS = frozenset(w for v in VERBS.values() for w in v.split(" ")[:1])


def _kind(f: Figure, phrase: str) -> str:
    """What a figure's clause is, for joining: change | from | to | rate | plain | count | verb | bare."""
    pct = f.unit in ("%", "％", "pp")
    if f.change:
        # 由3.1%调整为2.85%: the ends of a change, not its size
        return change_end(f) or ("change" if pct else "plain")
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
    return (
        phrase
        if m and " " not in phrase[m.end() :].strip() and phrase[m.end() :].strip().replace("-", "").isalpha()
        else ""
    )


def _between(a: Figure, b: Figure) -> str | None:
    """The source text between two figures of one sentence, or None when it cannot be read."""
    s = b.sentence_text
    start, end = a.span[1] - a.sentence[0], b.span[0] - b.sentence[0]
    if (
        0 <= start <= end <= len(s)
        and s[start - len(a.text) : start] == a.text
        and s[end : end + len(b.text)] == b.text
    ):
        return s[start:end]
    at = s.find(a.text)
    nxt = s.find(b.text, at + len(a.text)) if at >= 0 else -1
    return s[at + len(a.text) : nxt] if at >= 0 and nxt >= 0 else None


RANGE = re.compile(r"\s*[至到~～\-－—–]\s*")


def _join(
    last: list[str],
    kind: str,
    f: Figure,
    prev: Figure,
    phrase: str,
    between: str | None,
    views: Mapping[str, Phrase],
) -> bool:
    """Fold a figure's clause into the previous one when they read as one; True if folded."""
    prev_view, view = views[prev.id], views[f.id]
    text = last[1]
    if (
        between is not None
        and RANGE.fullmatch(between)
        and f.change == prev.change
        and text.endswith(prev_view.amount)
    ):
        # 3至5天 -> 3 to 5 days; 由10个工作日压缩至3至5个工作日 -> cut from 10 working days to 3–5 working days
        number = BARE.match(prev_view.amount)
        if number:
            joiner = "–" if f.change else " to "
            last[1] = text[: len(text) - len(prev_view.amount)] + number.group() + joiner + view.amount
            return True
    if last[0] == "from" and kind == "to":
        head, _, tail = phrase.rpartition(" to ")
        m = re.search(r" (\w+) from ", text)
        if m and " " not in head:
            text = text[: m.start(1)] + head + text[m.end(1) :]
        last[0], last[1] = "change", f"{text} to {tail}"
        return True
    if (
        kind == "change"
        and last[4]
        and last[4] == f"{f.change} {f.basis}"
        and (not f.label or phrase.startswith("the figure"))
    ):
        # 同比分别下降18.6%、13.2%: the second rate of one stated change
        basis = basis_english(f)
        at = text.rfind(basis) if basis else len(text)
        if basis and at < 0:
            at = len(text)
        last[1] = f"{text[:at]} and {view.amount}{text[at:]}"
        if text.endswith(")"):
            last[1] = last[1][:-1] + " respectively)"
        else:
            last[1] += " respectively"
        return True
    if (
        kind == "change"
        and last[0] not in ("change", "from")
        and (
            not f.label
            or f.label in (prev.label, last[2])
            or phrase.startswith("the figure")
            or to_simplified(f.label) in CHANGE_VERBS
        )
    ):
        # 执行到位金额2.36亿元，同比增长9.8% -> CNY 236 million, up 9.8% year on year
        change = f"{CHANGE_EN[f.change]} {view.amount}{basis_english(f)}"
        last[1] = f"{text[:-1]}, {change})" if text.endswith(")") else f"{text}, {change}"
        last[4] = f"{f.change} {f.basis}"
        return True
    label = to_simplified(f.label)
    if (
        f.change
        and kind == "plain"
        and not prev.change
        and last[0] not in ("change", "from")
        and f.unit not in PCT
        and (not f.label or f.label in (prev.label, last[2]) or label in START_OF_YEAR or label in NET)
    ):
        # 播种面积95.63万亩，比上年增加0.42万亩 -> 956,300 mu, up 4,200 mu on the previous year
        basis = " on the start of the year" if label in START_OF_YEAR else basis_english(f)
        net = "a net " if label in NET else ""
        change = f"{CHANGE_EN[f.change]} {net}{view.amount}{basis}"
        last[1] = f"{text[:-1]}, {change})" if text.endswith(")") else f"{text}, {change}"
        last[4] = f"{f.change} {f.basis}"
        return True
    if kind == "change" and last[0] in ("change", "plain") and phrase.startswith("the figure"):
        # 同比分别下降18.6%、13.2%: one verb, two rates
        basis = basis_english(f)
        if basis and text.endswith(basis):
            last[1] = f"{text[: len(text) - len(basis)]} and {view.amount}{basis}"
        else:
            last[1] = f"{text} and {view.amount}"
        if not last[1].endswith("respectively"):
            last[1] += " respectively"
        return True
    if kind == "bare" and between is not None and prev_view.amount and not prev.change:
        gap = between.strip()
        if (
            gap == ""
            and to_simplified(prev.unit) in ("件", "起", "宗")
            and to_simplified(f.unit) in ("人", "名")
        ):
            last[1] = f"{text} involving {phrase}"  # 3件6人 -> 3 cases involving 6 people
            return True
        if gap in ("、", "，", ","):
            if text.endswith(")"):
                last[1] = f"{text[:-1]} and {phrase})"
            else:
                last[1] = f"{text} and {phrase}"
            return True
    if (
        kind == "rate"
        and last[0] in ("verb", "count")
        and not text.endswith(")")
        and len(phrase.split(" ")) <= 6
        and between is not None
        and not re.search(r"[；;。]", between)
    ):
        last[1] = f"{text} ({phrase[:1].lower() + phrase[1:] if _lower_ok(phrase) else phrase})"
        return True
    return False


def _join_clauses(clauses: list[list[str]]) -> str:
    """Clauses in source order: those without a label-colon joined with commas and a final "and",
    counts after a verb sharing it ("dismantled 2 mafia-style organisations and 9 evil-force
    criminal groups"); "Label: amount" clauses set apart by semicolons."""
    runs: list[list[str]] = []  # runs of joinable clauses; a plain clause is a run of its own
    for kind, text, _, gap, _ in clauses:
        shares = (
            kind == "count" and (gap == "" or gap.startswith(("、", "和", "及", "以及"))) and BARE.match(text)
        )
        if runs and shares and runs[-1][-1][0] == "verb" and runs[-1][-1][1].startswith(tuple(_VERB_WORDS)):
            runs[-1][-1] = ["verb-list", runs[-1][-1][1] + "\0" + text]
            continue
        if runs and runs[-1][-1][0] == "verb-list" and shares:
            runs[-1][-1][1] += "\0" + text
            continue
        previous = runs[-1][-1][0] if runs else ""
        if (
            kind in ("plain", "bare")
            or previous in ("plain", "bare", "")
            or (kind == "count") != (previous == "count")
            and not (previous == "count" and kind == "change")
        ):
            runs.append([[kind, text]])
        else:
            runs[-1].append([kind, text])
    parts = []
    for run in runs:
        items = [_and_list(text.split("\0")) for _, text in run]
        parts.append(_and_list(_elide(items, [kind for kind, _ in run])))
    out = []
    for k, part in enumerate(parts):
        out.append(
            part[:1].upper() + part[1:]
            if k == 0
            else part[:1].lower() + part[1:]
            if _lower_ok(part)
            else part
        )
    return "; ".join(out)


_COUNTED = re.compile(
    r"(?<= )((?:over |nearly |about |under )?[\d,.]+(?: million| billion)?) ([a-z][a-z-]*(?: [a-z-]+)?)"
    r"(?= \(|$)"
)


def _elide(items: list[str], kinds: list[str]) -> list[str]:
    """A verb clause counting the same noun as the one before it drops the noun: "accepted 8,736
    cases of all types and concluded 6,912" (not "... 6,912 cases")."""
    out = list(items)
    for k in range(1, len(items)):
        if kinds[k] != "verb" or kinds[k - 1] != "verb" or "\0" in items[k]:
            continue
        m = _COUNTED.search(items[k])
        if (
            m
            and len(re.findall(r"\d[\d,.]*", items[k].split(" (")[0])) == 1
            and re.search(r"[\d,.] " + re.escape(m.group(2)) + r"(?: |$|\))", items[k - 1])
        ):
            out[k] = items[k][: m.end(1)] + items[k][m.end(2) :]
    return out


def _and_list(items: list[str]) -> str:
    if len(items) == 1:
        return items[0]
    return ", ".join(items[:-1]) + " and " + items[-1]


def _lower_ok(phrase: str) -> bool:
    """Lower-case a phrase's first letter inside a sentence, unless it starts a proper name
    (District Court, Qianjiang ...) or an acronym."""
    first = phrase.split(" ")[0]
    return not (
        first in ("District", "County", "City", "Court", "People's")
        or first.isupper()
        or phrase.startswith(tuple(PROPER_STARTS))
    )


PROPER_STARTS = (
    "District ",
    "County ",
    "City ",
    "Municipal ",
    "Provincial ",
    "Public Security",
    "Bureau",
    "Political and Legal",
    "People's",
)
