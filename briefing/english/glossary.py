"""The terminology layer: Chinese terms -> English, longest match first.

Entries live in briefing/english/data/glossary.toml (one table per category; see
GLOSSARY-SOURCES.md); a user's file of the same shape, named in briefing.toml, overrides them.
Loading rejects a term listed twice, naming the term and both places. What the glossary does not
cover is romanised with pypinyin and keeps its Chinese beside it, and is recorded as a fallback so
that `briefing terms` can show users where to extend the glossary.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

from briefing.errors import BriefingError
from briefing.english.names import pinyin_word

CJK_RUN = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]+")
# Function words that carry no meaning of their own in a label; "and"/"or" words are rendered.
PARTICLES = set("的了将把被对在所之其并且而着过地得也都就还又再已即")
CONJUNCTIONS = {"和": "and", "及": "and", "与": "and", "以及": "and", "或": "or", "、": ",", "“": "“", "”": "”",
                "《": "“", "》": "”", "+": "+"}


@dataclass(frozen=True)
class Glossary:
    terms: dict[str, str]
    category: dict[str, str]
    max_len: int
    digest_source: str = ""  # the bytes it was loaded from, for the build's content hash

    @staticmethod
    def load(user_file: Path | None = None) -> "Glossary":
        data = resources.files("briefing.english.data").joinpath("glossary.toml").read_text(encoding="utf-8")
        terms, category = _parse(data, "glossary.toml (built in)")
        digest = data
        if user_file is not None:
            try:
                extra = Path(user_file).read_text(encoding="utf-8")
            except OSError as exc:
                raise BriefingError(str(user_file), f"glossary cannot be read: {exc.strerror or exc}") from None
            user_terms, user_cat = _parse(extra, str(user_file))
            terms.update(user_terms)  # the user's rendering wins
            category.update(user_cat)
            digest += "\n" + extra
        return Glossary(terms, category, max(map(len, terms), default=1), digest)

    def with_names(self, names: dict[str, str]) -> "Glossary":
        """The glossary plus proper names (the district, its city: 九龙坡 -> Jiulongpo), which
        are romanised without their Chinese beside them and are not fallbacks."""
        terms = {**names, **self.terms}
        category = {**{k: "name" for k in names}, **self.category}
        return Glossary(terms, category, max(self.max_len, max(map(len, names), default=1)), self.digest_source)

    def lookup(self, term: str) -> str | None:
        return self.terms.get(term)

    def translate(self, zh: str) -> "Rendering":
        """Longest-match segmentation over the glossary; function words are dropped, unknown
        runs romanised with their Chinese kept (and reported as fallbacks)."""
        parts: list[str] = []
        fallbacks: list[str] = []
        pos = 0
        unknown = ""

        def flush():
            nonlocal unknown
            core = unknown.strip("".join(PARTICLES))
            if core and not all(c in PARTICLES for c in core):
                parts.append(_romanise(core))
                if CJK_RUN.search(core):
                    fallbacks.append(core)
            unknown = ""

        while pos < len(zh):
            hit = None
            for length in range(min(self.max_len, len(zh) - pos), 0, -1):
                piece = zh[pos:pos + length]
                if piece in self.terms:
                    hit = piece
                    break
            if hit is None:
                conj = zh[pos]
                if conj in CONJUNCTIONS:
                    flush()
                    parts.append(CONJUNCTIONS[conj])
                else:
                    unknown += zh[pos]
                pos += 1
                continue
            flush()
            if self.terms[hit]:
                parts.append(self.terms[hit])
            pos += len(hit)
        flush()
        text = " ".join(p for p in parts if p).strip()
        text = re.sub(r"\s+,", ",", text).strip(" ,")
        text = re.sub(r"[“\"]\s*(.*?)\s*[”\"]", r'"\1"', text)  # quotation marks hug what they quote
        text = re.sub(r"^(?:and|or) |(?: and| or)$", "", text)
        return Rendering(text, tuple(fallbacks))


@dataclass(frozen=True)
class Rendering:
    english: str
    fallbacks: tuple[str, ...] = field(default=())


def _romanise(zh: str) -> str:
    """Unknown Chinese: pinyin, with the Chinese kept in parentheses so nothing is lost."""
    if not CJK_RUN.fullmatch(zh):
        return zh.strip()
    return f"{pinyin_word(zh)} ({zh})"


def _parse(text: str, where: str) -> tuple[dict[str, str], dict[str, str]]:
    try:
        doc = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise BriefingError(where, f"glossary is not valid TOML: {exc}") from None
    terms: dict[str, str] = {}
    category: dict[str, str] = {}
    for table, entries in doc.items():
        if not isinstance(entries, dict):
            raise BriefingError(where, f"glossary key {table!r} must be a table of \"中文\" = \"English\" entries")
        for zh, en in entries.items():
            if not isinstance(en, str):
                raise BriefingError(where, f"glossary entry {table}.{zh} must be a string")
            if zh in terms:
                raise BriefingError(where, f"glossary term {zh!r} is listed twice ({category[zh]} and {table})")
            terms[zh] = en
            category[zh] = table
    return terms, category
