"""The terminology layer: Chinese terms -> English in three tiers, longest match first.

1. The glossary: briefing/english/data/glossary.toml (one table per category; see
   GLOSSARY-SOURCES.md), and a user's file of the same shape, named in briefing.toml, that overrides
   it. Loading rejects a term listed twice, naming the term and both places.
2. A stretch the glossary does not cover is segmented by longest match over the headwords of
   CC-CEDICT (briefing/english/dictionary.py) and each word of two or more characters is rendered
   with its cleaned dictionary gloss.
3. What neither knows (single characters left over, brand and personal names) is romanised with
   pypinyin, its Chinese kept in parentheses: 老杨群工 -> Laoyangqungong (老杨群工).

A `Rendering` records every stretch that fell back (`fallbacks`, as before) and, separately, the
words rendered from the dictionary and the runs romanised, so that `briefing terms` can show users
where to extend the glossary.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

from briefing.english.amounts import CURRENCY_CODES, money
from briefing.english.dictionary import cedict, dictionary_identity
from briefing.english.names import pinyin_word
from briefing.errors import BriefingError
from briefing.understand.numbers import arabic, scaled

CJK_RUN = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]+")
# Function words that carry no meaning of their own in a label; "and"/"or" words are rendered.
PARTICLES = set("的了将把被对在所之其并且而着过地得也都就还又再已即是")
# 10亿元以上, 500万元及以上的: an amount that bounds a group
MONEY_BOUND = re.compile(
    r"(?P<pre>超过|超|逾|不低于|不少于|不足|不到)?(?P<num>\d+(?:\.\d+)?)(?P<scale>万亿|千万|百万|万|亿|千)?"
    r"(?P<currency>" + "|".join(sorted(CURRENCY_CODES, key=len, reverse=True)) + ")"
    r"(?P<bound>及?以[上下])?(?:的)?"
)
_SCALE_WORDS = frozenset("十百千万亿萬億")
_NUMERALS = frozenset("零〇一二两三四五六七八九十百千万亿兩萬億")
_PARTICLE_CHARS = "".join(sorted(PARTICLES))
NUMERALS = set("一二三四五六七八九十百千万亿两")
CONJUNCTIONS = {
    "和": "and",
    "及": "and",
    "与": "and",
    "以及": "and",
    "或": "or",
    "、": ",",
    "“": "“",
    "”": "”",
    "《": "“",
    "》": "”",
    "+": "+",
    "，": ",",
    "；": ";",
    "：": ":",
    "（": "(",
    "）": ")",
    "(": "(",
    ")": ")",
}

_BEFORE_PUNCT = re.compile(r"\s+([,;:])")
_QUOTED = re.compile(r"[“\"]\s*(.*?)\s*[”\"]")
_IN_BRACKETS = re.compile(r"\(\s*([^()]*?)\s*\)")
_DANGLING = re.compile(r"^(?:and|or) |(?: and| or)$")


@dataclass(frozen=True)
class Rendering:
    """A translation and where its pieces came from.

    english: the English text.
    fallbacks: the Chinese stretches the glossary did not cover (rendered from the dictionary or
        romanised), as before the dictionary tier was added.
    dictionary: (word, English) for each word rendered from CC-CEDICT.
    romanised: (Chinese, pinyin) for each run known to neither, printed as "Pinyin (中文)".
    """

    english: str
    fallbacks: tuple[str, ...] = field(default=())
    dictionary: tuple[tuple[str, str], ...] = field(default=())
    romanised: tuple[tuple[str, str], ...] = field(default=())


@dataclass(frozen=True)
class Glossary:
    terms: dict[str, str]
    category: dict[str, str]
    max_len: int
    digest_source: str = ""  # the bytes it was loaded from, for the build's content hash
    # first character -> the lengths of the terms that start with it, longest first
    _starts: dict[str, tuple[int, ...]] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        starts: dict[str, set[int]] = {}
        for term in self.terms:
            if term:
                starts.setdefault(term[0], set()).add(len(term))
        object.__setattr__(self, "_starts", {c: tuple(sorted(ls, reverse=True)) for c, ls in starts.items()})

    @staticmethod
    def load(user_file: Path | None = None) -> Glossary:
        data = resources.files("briefing.english.data").joinpath("glossary.toml").read_text(encoding="utf-8")
        terms, category = _parse(data, "glossary.toml (built in)")
        digest = data
        if user_file is not None:
            try:
                extra = Path(user_file).read_text(encoding="utf-8")
            except OSError as exc:
                raise BriefingError(
                    str(user_file), f"glossary cannot be read: {exc.strerror or exc}"
                ) from None
            user_terms, user_cat = _parse(extra, str(user_file))
            terms.update(user_terms)  # the user's rendering wins
            category.update(user_cat)
            digest += "\n" + extra
        digest += "\n# " + dictionary_identity()  # the dictionary tier changes the English too
        return Glossary(terms, category, max(map(len, terms), default=1), digest)

    def with_names(self, names: dict[str, str]) -> Glossary:
        """The glossary plus proper names (the district, its city: 九龙坡 -> Jiulongpo), which
        are romanised without their Chinese beside them and are not fallbacks."""
        terms = {**names, **self.terms}
        category = {**{k: "name" for k in names}, **self.category}
        return Glossary(
            terms, category, max(self.max_len, max(map(len, names), default=1)), self.digest_source
        )

    def lookup(self, term: str) -> str | None:
        return self.terms.get(term)

    def translate(self, zh: str) -> Rendering:
        """The English of a term; an amount that bounds a kind of thing inside it (新引进10亿元以上
        重大产业项目) is said after the thing: "newly introduced major industrial projects worth
        CNY 1 billion or more"."""
        bound = next((m for m in MONEY_BOUND.finditer(zh) if m["pre"] or m["bound"]), None)
        if bound is None:
            return self._segmented(zh)
        before, after = self._segmented(zh[: bound.start()]), self.translate(zh[bound.end() :])
        amount = money(scaled(arabic(bound["num"]), bound["scale"] or ""), bound["currency"])
        more = "上" in (bound["bound"] or "") or bound["pre"] in ("超过", "超", "逾", "不低于", "不少于")
        limit = f"{amount} {'or more' if more else 'or less'}"
        thing = f"{after.english} worth {limit}" if after.english else limit
        return Rendering(
            " ".join(x for x in (before.english, thing) if x),
            before.fallbacks + after.fallbacks,
            before.dictionary + after.dictionary,
            before.romanised + after.romanised,
        )

    def _segmented(self, zh: str) -> Rendering:
        """Longest-match segmentation over the glossary; function words are dropped; a stretch the
        glossary does not cover goes to the dictionary, and what that does not know is romanised
        with its Chinese kept."""
        terms = self.terms
        parts: list[str] = []
        fallbacks: list[str] = []
        dictionary: list[tuple[str, str]] = []
        romanised: list[tuple[str, str]] = []
        n = len(zh)
        pos = 0
        unknown = -1  # start of the stretch not yet covered, or -1

        def flush(end: int) -> None:
            nonlocal unknown
            if unknown >= 0:
                stretch = zh[unknown:end]
                core = stretch.strip(_PARTICLE_CHARS)
                if core:
                    if CJK_RUN.search(core):
                        fallbacks.append(core)
                    # particles at the edges are dropped after segmentation, as they may begin
                    # or end a dictionary word (在场 "present")
                    _render_uncovered(stretch, parts, dictionary, romanised)
                unknown = -1

        while pos < n:
            hit = self._hit(zh, pos)
            if hit == 1 and self._dictionary_spans(zh, pos, unknown):
                hit = 0  # 今天 is "today", not 今 + 天 "days"
            elif hit > 1 and self._dictionary_covers(zh, pos, hit, unknown):
                hit = 0  # 基础设施 is "infrastructure", not 基础 + 设施 "facilities"
            if not hit:
                char = zh[pos]
                if char in CONJUNCTIONS:
                    flush(pos)
                    parts.append(CONJUNCTIONS[char])
                elif unknown < 0:
                    unknown = pos
                pos += 1
                continue
            flush(pos)
            english = terms[zh[pos : pos + hit]]
            if english:
                parts.append(english)
            pos += hit
        flush(n)
        text = " ".join(p for p in parts if p).strip()
        if any(c in text for c in ",;:"):
            text = _BEFORE_PUNCT.sub(r"\1", text).strip(" ,;:")
        if "“" in text or '"' in text:
            text = _QUOTED.sub(r'"\1"', text)  # quotation marks hug what they quote
        if "(" in text:
            text = _IN_BRACKETS.sub(r"(\1)", text)  # and so do brackets
        if text.startswith(("and ", "or ")) or text.endswith((" and", " or")):
            text = _DANGLING.sub("", text)
        return Rendering(text, tuple(fallbacks), tuple(dictionary), tuple(romanised))

    def _hit(self, zh: str, pos: int) -> int:
        """The length of the longest glossary term at zh[pos:], or 0. A term that begins with a
        scale word is no term after a number: in 10亿元以上项目 the 亿 scales the 10 (CNY 1 billion),
        and 亿元以上项目 "projects worth CNY 100 million or more" would misstate it."""
        if zh[pos] in _SCALE_WORDS and pos and (zh[pos - 1].isdigit() or zh[pos - 1] in _NUMERALS):
            return 0
        for length in self._starts.get(zh[pos], ()):
            if pos + length <= len(zh) and zh[pos : pos + length] in self.terms:
                return length
        return 0

    def _dictionary_covers(self, zh: str, pos: int, hit: int, unknown: int) -> bool:
        """Whether a glossary term at pos lies wholly inside a dictionary word that begins in the
        uncovered text before it (基础设施 "infrastructure" over 设施 "facilities"): the word is
        then read whole."""
        if unknown < 0:
            return False
        words = cedict()
        for start in range(max(unknown, pos - words.max_len + 1), pos):
            found = words.longest(zh, start)
            if found is not None and start + len(found[0]) >= pos + hit:
                return True
        return False

    def _dictionary_spans(self, zh: str, pos: int, unknown: int) -> bool:
        """Whether a one-character glossary term at pos (a measure word: 天, 分, 家 ...) is better
        read as part of a dictionary word that joins it to an uncovered neighbour: 今天 "today"
        rather than 今 + "days", 分工 "division of labour" rather than "points" + 工."""
        if not CJK_RUN.match(zh[pos]):
            return False
        if unknown >= 0 and zh[pos - 1] not in NUMERALS:  # 一套 is "one set", not "suit"
            words = cedict()
            for start in range(max(unknown, pos + 1 - words.max_len), pos):
                if words.gloss(zh[start : pos + 1]):
                    return True
        nxt = pos + 1
        uncovered = nxt < len(zh) and CJK_RUN.match(zh[nxt]) and zh[nxt] not in CONJUNCTIONS
        if uncovered and not self._hit(zh, nxt):
            return cedict().longest(zh, pos) is not None
        return False


def _render_uncovered(
    stretch: str, parts: list[str], dictionary: list[tuple[str, str]], romanised: list[tuple[str, str]]
) -> None:
    """A stretch the glossary does not cover: each Chinese run segmented by longest match over
    the dictionary's words of two or more characters; the characters left between them are
    romanised together (a lone character's dictionary senses are too ambiguous to choose from,
    and such runs are mostly names); other text is kept as printed."""
    last = 0
    for m in CJK_RUN.finditer(stretch):
        if m.start() > last:
            parts.append(stretch[last : m.start()].strip())
        last = m.end()
        run = m.group()
        words = cedict()
        i = 0
        left = 0  # start of the characters not in the dictionary
        while i < len(run):
            found = words.longest(run, i)
            if found is None:
                i += 1
                continue
            _romanise_run(run[left:i], parts, dictionary, romanised)
            word, english = found
            parts.append(english)
            dictionary.append((word, english))
            i += len(word)
            left = i
        _romanise_run(run[left:], parts, dictionary, romanised)
    if last < len(stretch):
        parts.append(stretch[last:].strip())


def _romanise_run(
    run: str, parts: list[str], dictionary: list[tuple[str, str]], romanised: list[tuple[str, str]]
) -> None:
    run = run.strip(_PARTICLE_CHARS)
    if run in NUMERALS:  # a numeral standing alone is a word: 三 "three"
        english = cedict().gloss(run)
        if english:
            parts.append(english)
            dictionary.append((run, english))
            return
    if run:
        pinyin = pinyin_word(run)
        parts.append(f"{pinyin} ({run})")
        romanised.append((run, pinyin))


def _parse(text: str, where: str) -> tuple[dict[str, str], dict[str, str]]:
    try:
        doc = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise BriefingError(where, f"glossary is not valid TOML: {exc}") from None
    terms: dict[str, str] = {}
    category: dict[str, str] = {}
    for table, entries in doc.items():
        if not isinstance(entries, dict):
            raise BriefingError(
                where, f'glossary key {table!r} must be a table of "中文" = "English" entries'
            )
        for zh, en in entries.items():
            if not isinstance(en, str):
                raise BriefingError(where, f"glossary entry {table}.{zh} must be a string")
            if zh in terms:
                raise BriefingError(
                    where, f"glossary term {zh!r} is listed twice ({category[zh]} and {table})"
                )
            terms[zh] = en
            category[zh] = table
    return terms, category
