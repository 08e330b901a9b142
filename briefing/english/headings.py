"""Section headings in English, from their key terms.

Report headings are slogans: a principle and a result (坚持创新驱动，产业能级持续提升), four-character
padding (凝聚共识、形成合力…), intensifiers (持续、不断、深入、扎实、全力 …). The English keeps the core:
numbering, rhetorical openers, a 坚持-principle before the result it led to and a leading pair of
slogans are dropped; what is left is rendered from the glossary, in sentence case ("Industrial
capacity continued to improve").

Agencies (区法院, 区住房和城市更新局) are named as institutions in title case ("District Court",
"District Housing and Urban Renewal Bureau"); a speaker label (区税务局局长 赵明远) reads "Director of
the District Taxation Bureau Zhao Mingyuan", the name romanised as a person's.
"""

from __future__ import annotations

import re

from briefing.english.glossary import Glossary, Rendering
from briefing.english.names import person
from briefing.understand.normalize import to_simplified

NUMBERING = re.compile(
    r"^(?:[一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十\d]+[)）]|\d+[、.．])\s*"
)
_END = "。．.；;！!：:，, "
# Intensifiers and openers before the core of a heading part: dropped.
_OPENERS = re.compile(
    r"^(?:坚持|持续|深入|扎实|全力|不断|积极|切实|着力|大力|始终|努力|进一步|继续|全面|聚力|聚焦)+"
)
# Two four-character slogans before the heading proper (凝聚共识、形成合力70周年…).
_SLOGAN_PAIR = re.compile(r"^[\u4e00-\u9fff]{4}、[\u4e00-\u9fff]{4}(?=[\u4e00-\u9fff\d“\"]{6,}$)")
# A verb at the head of a heading part reads as a gerund ("Safeguarding security and stability").
HEADING_VERBS = {
    "维护": "safeguarding",
    "解决": "resolving",
    "确保": "ensuring",
    "锻造": "building",
    "打造": "building",
    "提升": "improving",
    "提高": "improving",
    "化解": "resolving",
    "健全": "improving",
    "完善": "improving",
    "补齐": "closing gaps in",
    "推进": "advancing",
    "开展": "carrying out",
    "服务": "serving",
    "统筹": "coordinating",
    "加强": "strengthening",
    "强化": "strengthening",
    "推动": "promoting",
    "落实": "implementing",
    "优化": "improving",
    "深化": "deepening",
    "构建": "building",
    "建立": "establishing",
    "夯实": "consolidating",
    "保障": "safeguarding",
    "防范": "preventing",
    "防止": "preventing",
    "打击": "cracking down on",
    "整治": "tackling",
    "巩固": "consolidating",
    "拓展": "expanding",
    "提速": "speeding up",
    "助力": "supporting",
    "护航": "safeguarding",
    "加快": "accelerating",
}
_HEAD_VERB = sorted(HEADING_VERBS, key=len, reverse=True)
# Adverbs of manner before a heading's verb: dropped with the openers.
_MANNER = re.compile(r"^(?:依法|妥善|有效|精准|高效|做好|统筹做好)+")
_YEAR = re.compile(r"(\d{4})\s*年度?")

# Where an agency is: a level (区, 县委 …), its body and the kind of office it is.
_LEVEL = {
    "区委": "District Party Committee",
    "县委": "County Party Committee",
    "市委": "Municipal Party Committee",
    "区": "District",
    "县": "County",
    "市": "Municipal",
    "镇": "Town",
    "乡": "Township",
    "街道": "Subdistrict",
}
_OFFICE = [
    ("管理局", "Administration"),
    ("委员会", "Commission"),
    ("办公室", "Office"),
    ("分局", "Branch Bureau"),
    ("局", "Bureau"),
    ("委", "Commission"),
    ("办", "Office"),
    ("中心", "Centre"),
    ("法院", "Court"),
    ("检察院", "Procuratorate"),
    ("所", "Station"),
    ("队", "Brigade"),
    ("厅", "Department"),
    ("部", "Department"),
]
_AGENCY = re.compile(
    r"^(?:区委|县委|市委|区|县|市|镇|乡|街道)[\u4e00-\u9fff]{1,14}?"
    r"(?:管理局|委员会|办公室|分局|局|委|办|中心|法院|检察院|所|队|厅|部)$"
)
# The role of an official after their agency: 局长, 副主任 ...
_ROLE = re.compile(
    r"(?:副?(?:局长|主任|院长|检察长|书记|区长|县长|市长|部长|主席|庭长|所长|支队长|大队长|队长|镇长|乡长)"
    r"|分管负责人|主要负责人|负责人|新闻发言人|发言人)$"
)
_ANNIVERSARY = re.compile(r"(?<!国庆)(?<!\d)(\d+)\s*周年")  # 国庆70周年 is a glossary term


def _ordinal(n: int) -> str:
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


_SMALL = {"and", "of", "the", "for", "in", "on", "to", "at", "by", "with", "or", "a", "an"}


def heading_english(heading: str, kind: str, glossary: Glossary) -> Rendering:
    """A section heading in English (sentence case; agencies and people as names); "" when none."""
    if not heading:
        return Rendering("Overview" if kind == "lede" else "")
    zh = NUMBERING.sub("", to_simplified(heading).strip()).strip(_END)
    speaker = _speaker(zh, glossary)
    if speaker is not None:
        return speaker
    if kind == "agency" or _AGENCY.match(zh):
        named = agency_name(zh, glossary)
        if named:
            return Rendering(named)
    english: list[str] = []
    fallbacks: list[str] = []
    dictionary: list = []
    romanised: list = []
    for part in _core(zh):
        verb = next((v for v in _HEAD_VERB if part.startswith(v) and len(part) > len(v) + 1), "")
        if verb and not glossary._hit(part, 0) > len(verb):
            rendering = glossary.translate(_MANNER.sub("", part[len(verb) :]))
            text = f"{HEADING_VERBS[verb]} {rendering.english}"
        else:
            rendering = glossary.translate(part)
            text = rendering.english
        english.append(text)
        fallbacks += rendering.fallbacks
        dictionary += rendering.dictionary
        romanised += rendering.romanised
    return Rendering(
        _sentence_case(", ".join(e for e in english if e)),
        tuple(fallbacks),
        tuple(dictionary),
        tuple(romanised),
    )


def _core(zh: str) -> list[str]:
    """The key terms of a heading: without a leading pair of slogans, a 坚持-principle before its
    result, and intensifiers at the head of each part; a year stays as a number."""
    zh = _SLOGAN_PAIR.sub("", zh)
    parts = [p for p in re.split(r"[，,；;]", zh) if p.strip()]
    if len(parts) >= 2 and parts[0].startswith("坚持") and len(_OPENERS.sub("", parts[1])) >= 4:
        parts = parts[1:]  # 坚持创新驱动，产业能级持续提升: the result is the news
    cores = []
    for part in parts:
        part = part.strip()
        core = _MANNER.sub("", _OPENERS.sub("", part))
        core = core if len(core) >= 2 else part
        if core.startswith("补齐") and core.endswith("短板") and len(core) > 5:
            core = core[:-2]  # 补齐…短板 -> closing gaps in …
        core = _ANNIVERSARY.sub(lambda m: f" {_ordinal(int(m.group(1)))} anniversary ", core)
        cores.append(_YEAR.sub(r" \1 ", core).strip())
    return cores


def agency_name(zh: str, glossary: Glossary) -> str:
    """区法院 -> District Court; 区住房和城市更新局 -> District Housing and Urban Renewal Bureau;
    "" when the words are no agency the glossary can name."""
    zh = to_simplified(zh).strip()
    known = glossary.lookup(zh)
    if known and known[:1].isupper():
        return known
    level = next((k for k in sorted(_LEVEL, key=len, reverse=True) if zh.startswith(k)), "")
    body = zh[len(level) :]
    known = glossary.lookup(body)
    if level and known and known[:1].isupper():
        return f"{_LEVEL[level]} {known}"
    office = next(((k, v) for k, v in _OFFICE if body.endswith(k) and len(body) > len(k)), None)
    if not level or office is None:
        return ""
    rendering = glossary.translate(body[: -len(office[0])])
    if rendering.romanised or not rendering.english:
        return ""
    return f"{_LEVEL[level]} {_title(rendering.english)} {office[1]}"


def _speaker(zh: str, glossary: Glossary) -> Rendering | None:
    """区税务局局长 赵明远 -> Director of the District Taxation Bureau Zhao Mingyuan."""
    m = re.fullmatch(r"(?P<who>[\u4e00-\u9fff]+?)\s*(?P<name>(?<=\s)[\u4e00-\u9fff]{2,4})?", zh)
    if not m:
        return None
    who, name = m.group("who"), m.group("name") or ""
    role = _ROLE.search(who)
    if not role or role.start() == 0:
        return None
    org = agency_name(who[: role.start()], glossary)
    title = glossary.lookup(role.group())
    if not org or not title:
        return None
    text = f"{title} of the {org}" + (f" {person(name)}" if name else "")
    return Rendering(text)


def _title(english: str) -> str:
    words = english.split(" ")
    return " ".join(
        w if (k and w in _SMALL) or not w[:1].islower() else w[:1].upper() + w[1:]
        for k, w in enumerate(words)
    )


def _sentence_case(text: str) -> str:
    return text[:1].upper() + text[1:]
