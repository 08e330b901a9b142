"""Which county-level division a report is about.

The divisions of all of China (about 2,800 districts, counties, county-level cities and banners,
with their 6-digit codes, cities and provinces) come from briefing/understand/data/divisions.tsv,
built by tools/build_divisions.py from a maintained data package (see DIVISIONS-SOURCE.md).
Loading is done once per process by the caller (`Gazetteer.load()`), and looking up is pure.
"""

from __future__ import annotations

import csv
import re
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources

SUFFIXES = "区县市旗"
# Two-character names that are also common words (城区 "the urban area", 郊区, 矿区 ...): they count
# only when their city is named right before them.
_WORDLIKE_FIRST = set("城郊矿东西南北中新老市全本该我")


@dataclass(frozen=True)
class Division:
    code: str
    name: str
    city: str
    province: str
    short: str
    until: str = ""  # the year a former division ceased; "" for a current one


@dataclass(frozen=True)
class Gazetteer:
    by_name: dict[str, tuple[Division, ...]]
    by_short: dict[str, tuple[Division, ...]]
    city_shorts: dict[str, str]  # 肇庆 -> 肇庆市, 重庆 -> 重庆市
    max_len: int
    # the lengths of the names that end in these two characters, longest first (州市 -> 4, 3):
    # the text is looked up only at lengths some name has
    lengths_by_tail: dict[str, tuple[int, ...]] = field(default_factory=dict)

    @staticmethod
    @lru_cache(maxsize=1)
    def load() -> Gazetteer:
        data = resources.files("briefing.understand.data")
        names: dict[str, list[Division]] = {}
        shorts: dict[str, list[Division]] = {}
        with data.joinpath("divisions.tsv").open(encoding="utf-8") as fh:
            for row in csv.DictReader(fh, delimiter="\t"):
                d = Division(
                    row["code"],
                    row["name"],
                    row["city"],
                    row["province"],
                    row.get("short") or "",
                    row.get("until") or "",
                )
                names.setdefault(d.name, []).append(d)
                if len(d.short) >= 2:
                    shorts.setdefault(d.short, []).append(d)
        city_shorts: dict[str, str] = {}
        cities = data.joinpath("cities.tsv")
        if cities.is_file():
            with cities.open(encoding="utf-8") as fh:
                for row in csv.DictReader(fh, delimiter="\t"):
                    city_shorts[row["name"]] = row["name"]
                    if len(row.get("short") or "") >= 2:
                        city_shorts[row["short"]] = row["name"]
        return Gazetteer(
            {k: tuple(v) for k, v in names.items()},
            {k: tuple(v) for k, v in shorts.items()},
            city_shorts,
            max(map(len, names)),
            _lengths_by_tail(names),
        )


def find_district(
    title: str, body: str, gazetteer: Gazetteer, year: int | None = None, furniture: str = ""
) -> Division | None:
    """The division the report is about: the most mentioned one by full name (title mentions
    count triple), short names adding weight; ties go to the one named first. A division that
    had ceased to exist before the report's year is not considered. Between divisions of one
    name, the page's furniture counts too (来源：北京市朝阳区人民政府网站)."""
    counts: Counter[str] = Counter()
    first_seen: dict[str, int] = {}
    text = title + "\n" + body
    for pos, name in _full_names(text, gazetteer):
        divisions = gazetteer.by_name[name]
        if not _in_force(divisions, year):
            continue
        weight = 3 if pos < len(title) else 1
        if _wordlike(name) and not any(text.endswith(d.city, 0, pos) for d in divisions):
            weight *= 0.25  # 老城区 "the old town", 市中区 "the city centre", unless 洛阳市老城区
        counts[name] += weight
        first_seen.setdefault(name, pos)
    if furniture and (not counts or max(counts.values()) < 1):
        for pos, name in _full_names(furniture, gazetteer):  # a weak body: the byline decides
            if _in_force(gazetteer.by_name[name], year) and not _wordlike(name):
                counts[name] += 1
                first_seen.setdefault(name, len(text) + pos)
    for short, divisions in gazetteer.by_short.items():
        at = title.find(short)
        if (
            at >= 0
            and not _inside_word(title, at, short)
            and not _names_a_town(title, at + len(short))
            and not _wordlike(short)
        ):
            for d in divisions:
                if _in_force((d,), year):
                    counts[d.name] += 2
                    first_seen.setdefault(d.name, at)
    if not counts:
        return None
    for name in list(counts):
        for d in gazetteer.by_name.get(name, ()):
            if d.short and len(d.short) >= 2 and not _wordlike(d.short):
                counts[name] += min(body.count(d.short) - body.count(name), 20) * 0.5
    best = max(counts, key=lambda n: (counts[n], -first_seen.get(n, 1 << 30)))
    return _disambiguate(gazetteer.by_name[best], text + "\n" + furniture, gazetteer)


def _lengths_by_tail(names) -> dict[str, tuple[int, ...]]:
    lengths: dict[str, set[int]] = {}
    for name in names:
        lengths.setdefault(name[-2:], set()).add(len(name))
    return {tail: tuple(sorted(ls, reverse=True)) for tail, ls in lengths.items()}


def _full_names(text: str, gazetteer: Gazetteer):
    for m in re.finditer(f"[{SUFFIXES}]", text):
        end = m.end()
        for length in gazetteer.lengths_by_tail.get(text[end - 2 : end], ()):
            start = end - length
            if start < 0:
                continue
            candidate = text[start:end]
            if candidate in gazetteer.by_name:
                divisions = gazetteer.by_name[candidate]
                named_city = any(
                    d.city and text[max(0, start - 6) : start].endswith((_city_short(d.city), d.city))
                    for d in divisions
                )
                if length == 2 and candidate[0] in _WORDLIKE_FIRST and not named_city:
                    continue
                if not named_city and _inside_word(text, start, candidate):
                    continue  # 召开县委会议 holds 开县; 担任县长 holds 任县
                yield start, candidate
                break


def _names_a_town(text: str, end: int) -> bool:
    """三河镇 is a town that shares its name with 三河市: a short name followed by 镇, 乡, 街道 ...
    is not the county's."""
    return text.startswith(("镇", "乡", "街道", "村", "社区"), end)  # the title is normalised to Simplified


def _in_force(divisions: tuple[Division, ...], year: int | None) -> bool:
    """Some division of this name existed in the report's year (unknown year: any did)."""
    return year is None or any(not d.until or int(d.until) >= year for d in divisions)


def _inside_word(text: str, start: int, name: str) -> bool:
    """True when the character before a name makes a word with its first character (召开县 ->
    召开): the name is then most likely not a name there. Words are CC-CEDICT's."""
    if start == 0 or not ("\u4e00" <= text[start - 1] <= "\u9fff"):
        return False
    from briefing.english.dictionary import cedict

    return (text[start - 1] + name[0]) in cedict()


@lru_cache(maxsize=4096)
def _wordlike(short: str) -> bool:
    """A short name that is also a common word (公安 'police' for 公安县, 平安, 城关): CC-CEDICT
    gives it a reading in lower case, as it does every word that is not a name alone."""
    from briefing.english.dictionary import cedict

    entries = cedict().entries(short)
    return entries is not None and re.search(r"\[[a-z]", entries) is not None


def _city_short(city: str) -> str:
    return re.sub(r"(市|地区|自治州|盟)$", "", city) or city


def _disambiguate(divisions: tuple[Division, ...], text: str, gazetteer: Gazetteer) -> Division:
    if len(divisions) == 1:
        return divisions[0]

    def score(d: Division) -> tuple[int, int, bool]:
        city = text.count(_city_short(d.city)) if d.city else 0
        province = re.sub(r"(省|市|自治区|壮族|回族|维吾尔)+$", "", d.province)
        return (city, text.count(province) if province else 0, not d.until)

    return max(divisions, key=score)
