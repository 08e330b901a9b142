"""Romanised names: places in the standard form (九龙坡区 -> Jiulongpo District), people as
"Zhou Yong". Pinyin from pypinyin, whose phrase dictionary settles polyphones (重庆 Chongqing,
长寿 Changshou); syllables run together within a name, as in official usage."""

from __future__ import annotations

import re

from pypinyin import Style, lazy_pinyin

# Longest first: the administrative type a name ends with, and its English.
PLACE_TYPES = [
    ("自治县", "Autonomous County"), ("自治旗", "Autonomous Banner"), ("自治州", "Autonomous Prefecture"),
    ("自治区", "Autonomous Region"), ("特区", "Special District"), ("林区", "Forestry District"),
    ("新区", "New Area"), ("街道", "Subdistrict"), ("社区", "Community"), ("地区", "Prefecture"),
    ("区", "District"), ("县", "County"), ("市", "City"), ("旗", "Banner"), ("盟", "League"),
    ("州", "Prefecture"), ("省", "Province"), ("镇", "Town"), ("乡", "Township"), ("村", "Village"),
]
ETHNIC = {"土家族": "Tujia", "苗族": "Miao", "羌族": "Qiang", "彝族": "Yi", "藏族": "Tibetan", "回族": "Hui",
          "壮族": "Zhuang", "瑶族": "Yao", "侗族": "Dong", "布依族": "Bouyei", "满族": "Manchu", "蒙古族": "Mongol",
          "黎族": "Li", "畲族": "She", "白族": "Bai", "傣族": "Dai", "哈尼族": "Hani", "仡佬族": "Gelao",
          "水族": "Sui", "朝鲜族": "Korean", "维吾尔": "Uyghur", "哈萨克": "Kazakh", "各族": "Multi-ethnic",
          "傈僳族": "Lisu", "纳西族": "Naxi", "拉祜族": "Lahu", "佤族": "Va", "景颇族": "Jingpo"}
SPECIAL = {"陕西": "Shaanxi", "重庆": "Chongqing", "内蒙古": "Inner Mongolia", "西藏": "Tibet",
           "新疆": "Xinjiang", "香港": "Hong Kong", "澳门": "Macao"}


def pinyin_word(hanzi: str) -> str:
    """One name as one capitalised word: 九龙坡 -> Jiulongpo, 西安 -> Xi'an."""
    if hanzi in SPECIAL:
        return SPECIAL[hanzi]
    syllables = lazy_pinyin(hanzi, style=Style.NORMAL, errors="default")
    out = ""
    for s in syllables:
        s = s.replace("v", "ü")
        if out and s[:1] in "aoe":
            out += "'"
        out += s
    return out[:1].upper() + out[1:]


def person(hanzi: str) -> str:
    """周勇 -> Zhou Yong; two-character surnames (欧阳, 司马 ...) kept together."""
    hanzi = hanzi.strip()
    if not hanzi:
        return ""
    compound = ("欧阳", "司马", "诸葛", "上官", "东方", "司徒", "夏侯", "皇甫", "令狐", "慕容", "尉迟", "公孙")
    cut = 2 if hanzi.startswith(compound) else 1
    return f"{pinyin_word(hanzi[:cut])} {pinyin_word(hanzi[cut:])}".strip()


def place(hanzi: str) -> str:
    """九龙坡区 -> Jiulongpo District; 北川羌族自治县 -> Beichuan Qiang Autonomous County."""
    hanzi = hanzi.strip()
    for suffix, english in PLACE_TYPES:
        if hanzi.endswith(suffix) and len(hanzi) > len(suffix):
            stem = hanzi[: -len(suffix)]
            ethnic = []
            for zh, en in sorted(ETHNIC.items(), key=lambda kv: -len(kv[0])):
                while stem.endswith(zh) and len(stem) > len(zh):
                    ethnic.insert(0, en)
                    stem = stem[: -len(zh)]
            if len(stem) == 1:  # one-syllable names keep their type in the romanisation (Xian County)
                return f"{pinyin_word(stem + suffix[:1])} {english}"
            return " ".join([pinyin_word(stem), *ethnic, english])
    return pinyin_word(hanzi)


def slug(hanzi_or_english: str) -> str:
    """A safe path segment: jiulongpo-district."""
    text = place(hanzi_or_english) if re.search(r"[\u4e00-\u9fff]", hanzi_or_english) else hanzi_or_english
    text = re.sub(r"[^a-z0-9]+", "-", text.lower().replace("'", "")).strip("-")
    return text or "unknown"
