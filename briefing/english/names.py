"""Romanised names: places in the standard form (九龙坡区 -> Jiulongpo District), people as
"Zhou Yong". Pinyin from pypinyin, whose phrase dictionary settles most polyphones (重庆 Chongqing,
长寿 Changshou); syllables run together within a name, as in official usage.

Place names have readings of their own that pypinyin's general-language choice misses (丰都 Fengdu,
长治 Changzhi, 闵行 Minhang): PLACE_CHARS and PLACE_STEMS correct them. They were found by comparing
every county-level division and city in briefing/understand/data with the capitalised (proper-noun)
entries of CC-CEDICT and keeping, after review, the official form (`python tools/check_place_pinyin.py`
lists what still differs, which is only where CC-CEDICT departs from the official spelling: 长子
Zhangzi, 中牟 Zhongmu, 麦盖提 Maigaiti, 六枝 Liuzhi ...). Surnames read differently from the same
character in other words (单 Shan, 曾 Zeng, 解 Xie) are in SURNAMES."""

from __future__ import annotations

import re
from functools import lru_cache

from pypinyin import Style, lazy_pinyin

# Longest first: the administrative type a name ends with, and its English.
PLACE_TYPES = [
    ("自治县", "Autonomous County"),
    ("自治旗", "Autonomous Banner"),
    ("自治州", "Autonomous Prefecture"),
    ("自治区", "Autonomous Region"),
    ("特区", "Special District"),
    ("林区", "Forestry District"),
    ("新区", "New Area"),
    ("街道", "Subdistrict"),
    ("社区", "Community"),
    ("地区", "Prefecture"),
    ("区", "District"),
    ("县", "County"),
    ("市", "City"),
    ("旗", "Banner"),
    ("盟", "League"),
    ("州", "Prefecture"),
    ("省", "Province"),
    ("镇", "Town"),
    ("乡", "Township"),
    ("村", "Village"),
]
ETHNIC = {
    "土家族": "Tujia",
    "苗族": "Miao",
    "羌族": "Qiang",
    "彝族": "Yi",
    "藏族": "Tibetan",
    "回族": "Hui",
    "壮族": "Zhuang",
    "瑶族": "Yao",
    "侗族": "Dong",
    "布依族": "Bouyei",
    "满族": "Manchu",
    "蒙古族": "Mongol",
    "黎族": "Li",
    "畲族": "She",
    "白族": "Bai",
    "傣族": "Dai",
    "哈尼族": "Hani",
    "仡佬族": "Gelao",
    "水族": "Sui",
    "朝鲜族": "Korean",
    "维吾尔": "Uyghur",
    "哈萨克": "Kazakh",
    "各族": "Multi-ethnic",
    "傈僳族": "Lisu",
    "纳西族": "Naxi",
    "拉祜族": "Lahu",
    "佤族": "Va",
    "景颇族": "Jingpo",
    "哈萨克族": "Kazakh",
    "土族": "Tu",
    "东乡族": "Dongxiang",
    "鄂温克族": "Evenki",
    "普米族": "Pumi",
    "保安族": "Bonan",
    "撒拉族": "Salar",
    "裕固族": "Yugur",
    "达斡尔族": "Daur",
    "锡伯": "Xibe",
    "柯尔克孜": "Kirgiz",
    "塔吉克": "Tajik",
    "毛南族": "Maonan",
    "仫佬族": "Mulao",
    "怒族": "Nu",
    "独龙族": "Derung",
    "蒙古": "Mongol",
}
_ETHNIC_LONGEST = sorted(ETHNIC.items(), key=lambda kv: -len(kv[0]))
SPECIAL = {
    "陕西": "Shaanxi",
    "重庆": "Chongqing",
    "内蒙古": "Inner Mongolia",
    "西藏": "Tibet",
    "新疆": "Xinjiang",
    "香港": "Hong Kong",
    "澳门": "Macao",
}
# Characters read one way in every place name: 丰都 Fengdu, 长治 Changzhi, 什邡 Shifang, 佛山 Foshan.
PLACE_CHARS = {"都": "du", "长": "chang", "勒": "le", "什": "shi", "佛": "fo", "伽": "jia"}
# Whole place names (without their type, or with it for one-syllable names) read otherwise.
PLACE_STEMS = {
    "长子": "Zhangzi",
    "朝阳": "Chaoyang",
    "六合": "Luhe",
    "召陵": "Shaoling",
    "南乐": "Nanle",
    "崆峒": "Kongtong",
    "泊头": "Botou",
    "洪洞": "Hongtong",
    "浪卡子": "Langkazi",
    "涡阳": "Guoyang",
    "漯河": "Luohe",
    "珲春": "Hunchun",
    "称多": "Chenduo",
    "穆棱": "Muling",
    "繁峙": "Fanshi",
    "荥经": "Yingjing",
    "蚌山": "Bengshan",
    "闵行": "Minhang",
    "马尾": "Mawei",
    "曾都": "Zengdu",
    "单县": "Shanxian",
    "浚县": "Xunxian",
    "蔚县": "Yuxian",
}
# Surnames whose reading differs from the character's usual one.
SURNAMES = {
    "单": "Shan",
    "曾": "Zeng",
    "解": "Xie",
    "区": "Ou",
    "仇": "Qiu",
    "查": "Zha",
    "朴": "Piao",
    "盖": "Ge",
    "乐": "Yue",
    "缪": "Miao",
    "翟": "Zhai",
    "覃": "Qin",
    "召": "Shao",
    "种": "Chong",
    "尉迟": "Yuchi",
    "万俟": "Moqi",
    "长孙": "Zhangsun",
    "澹台": "Tantai",
    "句": "Gou",
    "秘": "Bi",
    "折": "She",
    "员": "Yun",
    "冼": "Xian",
    "繁": "Po",
    "葛": "Ge",
    "宁": "Ning",
    "柏": "Bai",
    "重": "Chong",
    "黑": "He",
}


@lru_cache(maxsize=4096)
def pinyin_word(hanzi: str) -> str:
    """One name as one capitalised word: 九龙坡 -> Jiulongpo, 西安 -> Xi'an."""
    if hanzi in SPECIAL:
        return SPECIAL[hanzi]
    return _join(lazy_pinyin(hanzi, style=Style.NORMAL, errors="default"))


@lru_cache(maxsize=4096)
def place_word(hanzi: str) -> str:
    """A place name (without its type) as one word, with the readings of place names: 丰都 ->
    Fengdu, 长治 -> Changzhi, 朝阳 -> Chaoyang."""
    if hanzi in PLACE_STEMS:
        return PLACE_STEMS[hanzi]
    if hanzi in SPECIAL:
        return SPECIAL[hanzi]
    syllables = lazy_pinyin(hanzi, style=Style.NORMAL, errors="default")
    if len(syllables) == len(hanzi):
        syllables = [PLACE_CHARS.get(c, s) for c, s in zip(hanzi, syllables, strict=True)]
    return _join(syllables)


def _join(syllables: list[str]) -> str:
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
    compound = (
        "欧阳",
        "司马",
        "诸葛",
        "上官",
        "东方",
        "司徒",
        "夏侯",
        "皇甫",
        "令狐",
        "慕容",
        "尉迟",
        "公孙",
        "万俟",
        "长孙",
        "澹台",
    )
    cut = 2 if hanzi.startswith(compound) else 1
    surname = SURNAMES.get(hanzi[:cut]) or pinyin_word(hanzi[:cut])
    given = hanzi[cut:]
    if given and set(given) <= {"某"}:
        return f"{surname} X"  # 王某某: a name the source withholds
    return f"{surname} {pinyin_word(given)}".strip()


def place(hanzi: str) -> str:
    """九龙坡区 -> Jiulongpo District; 北川羌族自治县 -> Beichuan Qiang Autonomous County."""
    hanzi = hanzi.strip()
    for suffix, english in PLACE_TYPES:
        if hanzi.endswith(suffix) and len(hanzi) > len(suffix):
            stem = hanzi[: -len(suffix)]
            ethnic: list[str] = []
            stripped = True
            while stripped:  # 元江哈尼族彝族傣族 -> 元江 Hani Yi Dai
                stripped = False
                for zh, en in _ETHNIC_LONGEST:
                    if stem.endswith(zh) and len(stem) > len(zh):
                        ethnic.insert(0, en)
                        stem = stem[: -len(zh)]
                        stripped = True
                        break
            if len(stem) == 1:  # one-syllable names keep their type in the romanisation (Xian County)
                return f"{place_word(stem + suffix[:1])} {english}"
            return " ".join([place_word(stem), *ethnic, english])
    return place_word(hanzi)


def slug(hanzi_or_english: str) -> str:
    """A safe path segment: jiulongpo-district."""
    text = place(hanzi_or_english) if re.search(r"[\u4e00-\u9fff]", hanzi_or_english) else hanzi_or_english
    text = re.sub(r"[^a-z0-9]+", "-", text.lower().replace("'", "")).strip("-")
    return text or "unknown"


def district_names(district) -> dict[str, str]:
    """The proper names a briefing of this district uses, for the glossary (which then renders
    them without their Chinese and not as fallbacks): the district and its city by full and short
    name (九龙坡区 Jiulongpo District, 九龙坡 Jiulongpo, 重庆市 Chongqing City, 重庆 Chongqing)."""
    names = {district.zh: district.en}
    short = re.sub(r"(自治县|自治旗|区|县|市|旗)$", "", district.zh)
    if len(short) >= 2:
        names[short] = district.en.rsplit(" ", 1)[0] if " " in district.en else district.en
    if district.city_zh:
        names[district.city_zh] = place(district.city_zh)
        city_short = re.sub(r"(市|地区|自治州|盟)$", "", district.city_zh)
        if len(city_short) >= 2:
            names[city_short] = place(district.city_zh).rsplit(" ", 1)[0]
    return names
