"""Data-to-text: figures as English phrases and sentences, in one number style.

19,167 cases; CNY 8.38 billion; 2 million person-visits; over 42,000; nearly 100; 10.7%;
7.41 percentage points; "year on year" where the source says 同比.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

from briefing.english.amounts import CURRENCY_CODES, big_number, money, plain_number
from briefing.english.dictionary import cedict
from briefing.english.glossary import Glossary
from briefing.understand.figures import BASELINE, MULTIPLE_BASE, last_match
from briefing.understand.model import Figure
from briefing.understand.normalize import to_simplified
from briefing.understand.numbers import chinese

APPROX = {"over": "over", "nearly": "nearly", "about": "about", "under": "under"}
BASIS = {
    "year_on_year": " year on year",
    "period_on_period": " on the previous period",
    "baseline": " on the previous year",
}
# the baseline a 较/比 names, nearest before the figure, and how it reads after a change
# (or the level a multiple is of: 是去年同期的1.5倍)
_BASELINE = re.compile(BASELINE + "|" + MULTIPLE_BASE)
_BASELINE_EN = {
    "上年同期": " on the same period last year",
    "去年同期": " on the same period last year",
    "同期": " on the same period last year",
    "上年末": " from the end of last year",
    "上年底": " from the end of last year",
    "去年底": " from the end of last year",
    "去年末": " from the end of last year",
    "上年初": " on the start of last year",
    "年初": " on the start of the year",
    "上半年": " on the first half",
    "上季度": " on the previous quarter",
    "上一季度": " on the previous quarter",
    "上月": " on the previous month",
}


def basis_english(fig: Figure) -> str:
    """What a change is measured against, as it follows the change: " year on year", " on the
    previous period", or the baseline the sentence names (较上年 " on the previous year", 比年初
    " on the start of the year", 比2019年 " on 2019")."""
    if fig.basis != "baseline":
        return BASIS.get(fig.basis or "", "")
    before = to_simplified(fig.sentence_text[: max(0, fig.span[0] - fig.sentence[0])])
    named = last_match(_BASELINE, before)
    if named is None:
        return BASIS["baseline"]
    word = named.group()[1:].removesuffix("的")  # without its 较/比 (or 是…的)
    if word[:2].isdigit():
        return f" on {word[:4]}"
    if word.endswith("年前"):  # 比五年前: "from five years earlier"
        years = chinese(word[:-2]) if not word[0].isdigit() else int(word[:-2])
        return f" from {years} years earlier" if years != 1 else " from a year earlier"
    return _BASELINE_EN.get(word, BASIS["baseline"])


SINGULAR = {
    "people": "person",
    "cases": "case",
    "items": "item",
    "days": "day",
    "months": "month",
    "hours": "hour",
    "times": "time",
    "households": "household",
    "working days": "working day",
    "person-visits": "person-visit",
    "articles": "article",
    "years": "year",
    "tiers": "tier",
    "doublings": "doubling",
    "organisations": "organisation",
    "institutions": "institution",
    "channels": "channel",
}


def unit_noun(unit: str, value: Decimal, glossary: Glossary) -> str:
    noun = glossary.lookup(to_simplified(unit))
    if noun is None:
        noun = unit  # an unknown measure word stays as printed
    if value == 1:
        noun = SINGULAR.get(noun, noun)
    return noun


def quantity(fig: Figure, glossary: Glossary) -> str:
    """The value with its unit, as it reads in English."""
    if fig.unit in ("%", "％"):
        text = f"{plain_number(fig.value.quantize(Decimal('0.01')) if _long(fig.value) else fig.value)}%"
    elif fig.unit == "‰":
        text = f"{plain_number(fig.value)}‰"
    elif fig.unit == "pp":
        text = f"{plain_number(fig.value)} percentage point{'s' if fig.value != 1 else ''}"
    elif to_simplified(fig.unit) in CURRENCY_CODES:
        text = money(fig.value, to_simplified(fig.unit))
    elif fig.unit == "":
        text = plain_number(fig.value)
    else:
        noun = unit_noun(fig.unit, fig.value, glossary)
        number = big_number(fig.value) if fig.value >= 10**6 else plain_number(fig.value)
        text = f"{number} {noun}".strip()
    if fig.approx:
        text = f"{APPROX[fig.approx]} {text}"
    return text


def _long(value: Decimal) -> bool:
    return -value.as_tuple().exponent > 2 if isinstance(value.as_tuple().exponent, int) else False


def label_english(fig: Figure, glossary: Glossary) -> tuple[str, tuple[str, ...]]:
    if not fig.label:
        return "", ()
    rendering = glossary.translate(to_simplified(fig.label))
    return rendering.english, rendering.fallbacks


def counted_english(fig: Figure, glossary: Glossary) -> tuple[str, tuple[str, ...]]:
    """The counted noun in English: the longest start of the words after the measure word whose
    head noun (its last term) the glossary knows (环境资源案件集中管辖 -> environmental and
    resource cases; 老杨群工站 -> Laoyangqungong (老杨群工) stations); nothing otherwise, and
    nothing when it reads as a verb (提出量刑建议), so the unit's own noun is used."""
    zh = to_simplified(fig.counted)
    for at in range(1, len(zh)):
        if verb_at(zh, at) or zh.startswith(PREDICATE_STARTS, at):
            zh = zh[:at]  # 农民工兑现工资款 -> 农民工: the noun ends where a verb begins
            break
    ends = range(len(zh), 0 if zh in SINGLE_NOUNS else 1, -1)
    if to_simplified(fig.unit) == "所":  # 47所中小学法治副校长: 所 counts schools, the first noun
        ends = range(2, len(zh) + 1)
    for end in ends:
        rendering = glossary.translate(zh[:end])
        english = rendering.english
        if not english or (rendering.romanised and english.endswith(")")):
            continue  # the head noun itself is known to neither glossary nor dictionary
        words = english.split(" ")
        if (
            words[-1].endswith(("ed", "ing"))
            or words[0].endswith("ed")
            or words[-1] in PARTICIPLES
            or verb_at(zh, 0)
            or is_verb(zh[:2])
        ):
            return "", ()
        return english, rendering.fallbacks
    return "", ()


def amount(fig: Figure, glossary: Glossary) -> str:
    """The quantity as it reads in a sentence: with the counted noun when the source names one
    after the measure word (5 working groups), else with the unit's own noun (19,167 cases)."""
    counted, _ = counted_english(fig, glossary)
    if not counted:
        return quantity(fig, glossary)
    number = big_number(fig.value) if fig.value >= 10**6 else plain_number(fig.value)
    noun = _singular(counted) if fig.value == 1 else _plural(counted)
    text = f"{number} {noun}"
    return f"{APPROX[fig.approx]} {text}" if fig.approx else text


SINGLE_NOUNS = set("镇乡村县区市省")  # 16个镇 -> 16 towns: one-character nouns a measure word counts
PARTICIPLES = {
    "made",
    "set",
    "done",
    "held",
    "built",
    "taken",
    "given",
    "run",
    "put",
    "sent",
    "won",
    "paid",
    "brought",
    "caught",
    "found",
    "kept",
    "met",
    "sold",
    "told",
    "heard",
    "seen",
    "shown",
    "known",
    "cut",
    "set up",
}
UNCOUNTABLE = {
    "population",
    "revenue",
    "income",
    "investment",
    "output",
    "value",
    "area",
    "space",
    "media",
    "education",
    "awareness",
    "outreach",
    "personnel",
    "staff",
    "police",
    "people",
    "equipment",
    "information",
    "surveillance",
    "management",
    "software",
    "data",
    "evidence",
    "news",
    "advice",
    "work",
    "training",
    "publicity",
    "security",
    "supervision",
    "mediation",
    "assistance",
    "services",
    "aid",
    "governance",
    "enforcement",
}


def _plural(noun: str) -> str:
    words = noun.split(" ")
    last = words[-1]
    if (
        not last
        or not last[-1].isalpha()
        or last.lower() in UNCOUNTABLE
        or last.endswith(("s", "ed", "ing"))
        or last in PARTICIPLES
    ):
        return noun
    if last.endswith("y") and last[-2:-1] not in "aeiou":
        words[-1] = last[:-1] + "ies"
    elif last.endswith(("ch", "sh", "x", "z")):
        words[-1] = last + "es"
    else:
        words[-1] = last + "s"
    return " ".join(words)


def _singular(noun: str) -> str:
    words = noun.split(" ")
    last = words[-1]
    if last in SINGULAR:
        words[-1] = SINGULAR[last]
    elif last.endswith("ies") and len(last) > 4:
        words[-1] = last[:-3] + "y"
    elif last.endswith("s") and not last.endswith("ss"):
        words[-1] = last[:-1]
    return " ".join(words)


# --- verb-aware data-to-text -------------------------------------------------------------------
#
# A label such as 受理各类案件 is a metric verb and what it counts; it reads in English as a clause
# with the number before the object: "accepted 8,736 cases of all types". The verb is matched at
# the head of the label (after time words and adverbs, or after an organisation as its subject),
# longest first; its English is the past tense, as reports state what was done.

VERBS = {
    "受理": "accepted",
    "新收": "received",
    "审结": "concluded",
    "审执结": "concluded",
    "执结": "concluded",
    "办结": "completed",
    "化解": "resolved",
    "包案化解": "resolved under personal responsibility",
    "化解办结": "resolved",
    "破获": "cracked",
    "侦破": "solved",
    "抓获": "apprehended",
    "批捕": "approved the arrest of",
    "批准逮捕": "approved the arrest of",
    "提起公诉": "prosecuted",
    "起诉": "prosecuted",
    "调解": "mediated",
    "调处": "mediated",
    "培训": "trained",
    "发放": "distributed",
    "建成": "built",
    "新建": "built",
    "新建成": "built",
    "新增": "added",
    "办理": "handled",
    "开展": "held",
    "查处": "investigated",
    "排查": "identified",
    "举办": "held",
    "打掉": "dismantled",
    "接报": "received",
    "刊发": "published",
    "发布": "published",
    "走访": "visited",
    "挽回": "recovered",
    "追回": "recovered",
    "冻结": "froze",
    "聘请": "engaged",
    "配备": "deployed",
    "划分": "delineated",
    "成立": "set up",
    "组建": "formed",
    "下设": "set up",
    "覆盖": "reached",
    "接待": "received",
    "兑现": "paid",
    "发出": "issued",
    "提出": "made",
    "采集": "collected",
    "整改": "rectified",
    "印发": "issued",
    "明确": "set out",
    "细化": "specified",
    "荣立": "won",
    "荣获": "won",
    "获得": "received",
    "接入": "connected",
    "整合": "integrated",
    "推送": "posted",
    "出动": "deployed",
    "设立": "set up",
    "设置": "set up",
    "增设": "added",
    "培育": "cultivated",
    "打造": "developed",
    "创建": "created",
    "处理": "handled",
    "处置": "handled",
    "解决": "resolved",
    "协调解决": "resolved",
    "摸排": "identified",
    "安装": "installed",
    "改造": "upgraded",
    "参加": "attended",
    "吸纳": "recruited",
    "招募": "recruited",
    "清理": "cleared",
    "移送": "referred",
    "审理": "tried",
    "上报": "reported",
    "转办": "referred",
    "签订": "signed",
    "开通": "opened",
    "交办": "assigned",
    "派出": "dispatched",
    "救助": "assisted",
    "检查": "inspected",
    "整治": "rectified",
    "拘留": "detained",
    "刑事拘留": "criminally detained",
    "逮捕": "arrested",
    "收缴": "seized",
    "缴获": "seized",
    "查获": "seized",
    "捣毁": "broke up",
    "摧毁": "smashed",
    "关停": "shut down",
    "取缔": "banned",
    "制定": "drew up",
    "出台": "issued",
    "召开": "held",
    "举行": "held",
    "发送": "sent",
    "建立": "established",
    "调查": "investigated",
    "核查": "verified",
    "帮扶": "assisted",
    "培养": "trained",
    "选派": "assigned",
    "征集": "collected",
    "收集": "collected",
    "梳理": "compiled",
    "劝阻": "dissuaded",
    "救治": "treated",
    "慰问": "visited",
    "宣讲": "gave",
    "接听": "answered",
    "回复": "answered",
    "答复": "answered",
    "分流": "diverted",
    "判处": "sentenced",
    "判决": "convicted",
    "组织": "organised",
    "受到": "received",
    "表彰": "commended",
    "新建改建": "built or rebuilt",
    "改建": "rebuilt",
    "改扩建": "renovated and expanded",
    "新建改扩建": "built, renovated or expanded",
    "新改建": "built or rebuilt",
}
# A verb before another is dropped when it only says the work was organised (组织开展 -> held).
AUXILIARY = {"组织", "开展", "集中", "推动", "统筹", "指导", "牵头", "联合", "协助"}
# Verbs of a stated change (缩短为10个 "shortened to 10"), at the end of a label.
CHANGE_VERBS = {
    "缩短": "shortened",
    "压缩": "cut",
    "减少": "reduced",
    "增加": "increased",
    "扩大": "expanded",
    "提高": "raised",
    "提升": "raised",
    "降低": "lowered",
    "增长": "grew",
    "上升": "rose",
    "下降": "fell",
    "扩展": "expanded",
    "缩小": "narrowed",
    "延长": "extended",
    "精简": "cut",
    "增设": "increased",
}
_VERB_KEYS = sorted(VERBS, key=len, reverse=True)


def _by_first_character(keys: list[str]) -> dict[str, tuple[str, ...]]:
    grouped: dict[str, tuple[str, ...]] = {}
    for key in keys:
        grouped[key[0]] = (*grouped.get(key[0], ()), key)
    return grouped


# the verbs by their first character, longest first: a position is tried against a handful, not all
_VERBS_BY_FIRST = _by_first_character(_VERB_KEYS)
# Words before the verb that say when or how, not who or what: dropped.
_ADVERBS = re.compile(
    r"^(?:全年|上半年|下半年|今年|当年|年内|本年|同期|全区|全县|全市|累计|共|共计|先后|依法|集中|主动|积极|"
    r"已|还|再|又|分别|逐一|直接|深入|持续|统一|及时|陆续|相继|为群众|为|初步|全面|逐步|共同|专门|"
    r"目前|其中|当场|现场)+"
)
# Who did it, at the head of a label: 各级调解组织全年调处矛盾纠纷 -> mediation organisations ...
_SUBJECT_END = re.compile(
    r"(?:组织|小组|机关|法院|检察院|公安局|派出所|中心|平台|系统|干警|民警|领导|"
    r"网格员|志愿者|律师|法官|检察官|队伍|专班)$"
)
# A label printed after one of these is its object or place, never its subject (向有关部门发出…).
_OBLIQUE = "向对为给与在于从由经"
# A label that ends in one of these names a measure (a rate, a time, a total), not a thing counted.
MEASURE_ENDS = (
    "率",
    "比例",
    "比重",
    "指数",
    "得分",
    "满意度",
    "时限",
    "用时",
    "周期",
    "时间",
    "金额",
    "总量",
    "总数",
    "数",
    "额",
    "量",
    "均",
    "占比",
    "分",
    "值",
    "时长",
    "速度",
    "幅度",
)
COUNTERS = {
    "个",
    "件",
    "起",
    "宗",
    "例",
    "名",
    "人",
    "位",
    "家",
    "所",
    "条",
    "项",
    "篇",
    "份",
    "场",
    "期",
    "支",
    "队",
    "座",
    "处",
    "批",
    "套",
    "台",
    "辆",
    "张",
    "本",
    "册",
    "部",
    "间",
    "栋",
    "户",
    "路",
    "组",
    "种",
    "类",
    "则",
    "只",
    "块",
    "枚",
    "场次",
    "批次",
}
# Units of length, area and weight: "120 km of rural roads".
MEASURES = {"公里", "千米", "米", "亩", "万亩", "公顷", "平方米", "平方公里", "吨", "公斤", "千克"}
# Units whose noun may head "N sessions of cautionary education".
CONTAINERS = {"sessions", "cases", "items", "batches", "sets", "rounds", "types", "categories", "documents"}
_MEASURE_WORDS = (
    "rate",
    "ratio",
    "share",
    "average",
    "per",
    "total",
    "time",
    "duration",
    "amount",
    "score",
    "index",
    "level",
    "number",
    "proportion",
    "percentage",
    "value",
)
_PREPOSITIONS = {
    "above",
    "below",
    "of",
    "for",
    "in",
    "on",
    "against",
    "with",
    "involving",
    "to",
    "from",
    "at",
    "by",
    "under",
    "worth",
}
_OF_ALL = re.compile(r" of all (?:types|kinds|sorts|levels)$")


@dataclass(frozen=True)
class Clause:
    """One figure as an English clause, and how it may join its neighbours in a sentence.

    kind: "verb" (accepted 8,736 cases), "count" (1,286 urban and rural grids), "rate" (clearance
    rate 79.12%), "change" (criminal cases fell 16.2% year on year), "from" (the first end of a
    stated change: processing time cut from 20 working days) or "plain" (label: amount).
    """

    text: str
    kind: str
    verb: str = ""
    noun: str = ""  # what the clause is about, in English
    fallbacks: tuple[str, ...] = ()


def verb_at(zh: str, pos: int) -> str:
    """The longest metric verb at zh[pos:], or ""."""
    for key in _VERBS_BY_FIRST.get(zh[pos : pos + 1], ()):
        if zh.startswith(key, pos):
            return key
    return ""


def _split_verb(zh: str) -> tuple[str, str, str]:
    """(subject, verbs, object) of a label that is a clause: the verb after the adverbs, or after
    an organisation that is its subject; ("", "", label) when the label is no such clause."""
    rest = _ADVERBS.sub("", zh)
    if rest.startswith("新") and verb_at(rest, 1):
        rest = rest[1:]  # 新培育 "cultivated", as 新增 is "added"
    subject = ""
    key = verb_at(rest, 0)
    if not key:
        for i in range(3, min(len(rest), 10)):
            if _SUBJECT_END.search(rest[:i]):
                after = _ADVERBS.sub("", rest[i:])
                if verb_at(after, 0):
                    subject, rest = rest[:i], after
                    key = verb_at(rest, 0)
                    break
    if not key:
        return "", "", zh
    verbs = [key]
    rest = rest[len(key) :]
    while (nxt := verb_at(rest, 0)) and len(verbs) < 3:
        verbs.append(nxt)
        rest = rest[len(nxt) :]
    return subject, "+".join(verbs), rest


def _verb_english(keys: str) -> str:
    """组织+开展 -> held; 排查+化解 -> identified and resolved."""
    parts = keys.split("+")
    while len(parts) > 1 and parts[0] in AUXILIARY:
        parts = parts[1:]
    words = list(dict.fromkeys(VERBS[p] for p in parts))
    return " and ".join(words)


def is_verb(zh: str) -> bool:
    """Whether a word is only a verb in CC-CEDICT (every sense "to ..."): 抽调, 开庭, 组成."""
    raw = cedict().entries(zh)
    if not raw:
        return False
    senses = [
        s
        for line in raw.split("\n")
        for s in line.split("/")[1:]
        if s.strip() and not s.startswith(("CL:", "surname", "variant of", "old variant", "see "))
    ]
    return bool(senses) and all(s.startswith("to ") for s in senses)


def has_verb(zh: str, glossary: Glossary) -> bool:
    """Whether a label holds a verb (a metric verb, or a word CC-CEDICT knows only as a verb),
    segmenting by the longest glossary term or dictionary word at each place."""
    words = cedict()
    pos = 0
    while pos < len(zh):
        if verb_at(zh, pos):
            return True
        term = glossary._hit(zh, pos)
        found = words.longest(zh, pos)
        size = max(term, len(found[0]) if found else 0)
        if size >= 2 and found and len(found[0]) == size and term < size and is_verb(found[0]):
            return True
        pos += max(size, 1)
    return False


def _is_measure(zh: str, english: str) -> bool:
    words = english.lower().split(" ")
    # the measure is the phrase's head or its first word (clearance rate, number of ...), not a
    # qualifier inside it (city level or above commendations)
    return zh.endswith(MEASURE_ENDS) or bool({words[0], words[-1]} & set(_MEASURE_WORDS)) or "per" in words


def _head(words: list[str]) -> int:
    """The index of a noun phrase's head: the last word when it is already a plural, else the word
    before the first preposition or bracket, else the last word not a participle
    (cases of all types -> cases; cases filed -> cases; rule of law activities -> activities)."""
    phrase = " ".join(words)
    last = words[-1]
    if not _OF_ALL.search(phrase) and last.endswith("s") and not last.endswith("ss") and last.isalpha():
        return len(words) - 1
    for k, w in enumerate(words):
        if k and (w in _PREPOSITIONS or (w.startswith("(") and not CJK.search(w))):
            return k - 1
    k = len(words) - 1
    while k > 0 and (words[k].endswith("ed") or words[k] in PARTICIPLES) and not words[k - 1].endswith("ed"):
        k -= 1
    return k


CJK = re.compile(r"[\u3400-\u9fff]")
# Words that begin what is said of a counted noun, not the noun (79个社区全部建成…).
PREDICATE_STARTS = (
    "全部",
    "全面",
    "均",
    "都",
    "已",
    "被",
    "分别",
    "共",
    "正在",
    "基本",
    "实现",
    "担任",
    "服务",
    "荣立",
    "荣获",
    "获评",
    "入驻",
    "进驻",
    "参与",
    "参加",
)
PENALTIES = ("imprisonment", "detention", "probation")
BOUND_ENDS = (" or more", " or above", " or less", " or below")
ADMIN_NOUNS = {"Subdistrict", "Community", "Town", "Township", "Village", "County", "District", "Prefecture"}


def counted_phrase(value: Decimal, noun: str) -> str:
    """19,167 + "cases of all types" -> "19,167 cases of all types"; 1 + collectives -> "1 collective"."""
    if noun in ADMIN_NOUNS:
        noun = noun.lower()  # 11个街道 -> 11 subdistricts
    words = noun.split(" ")
    k = _head(words)
    if not noun.endswith(BOUND_ENDS):  # 五年以上有期徒刑: "five years' imprisonment or more", no "mores"
        words[k] = _singular(words[k]) if value == 1 else _plural(words[k])
    number = big_number(value) if value >= 10**6 else plain_number(value)
    return f"{number} {' '.join(words)}"


ADJECTIVES = {
    "monthly",
    "annual",
    "daily",
    "weekly",
    "cumulative",
    "total",
    "average",
    "new",
    "each",
    "existing",
}


def _countable(english: str) -> bool:
    if (
        not english
        or ":" in english
        or english[:1].isupper()
        and CJK.search(english.split(" ")[0] + "x") is None
        and english.split(" ")[0] in ("District", "County", "City")
    ):
        return False
    words = english.split(" ")
    head = words[_head(words)]
    return (
        head.isalpha()
        and head.islower()
        and head.lower() not in UNCOUNTABLE
        and head not in ADJECTIVES
        and not head.endswith(("ing", "ed"))
        and head not in PARTICIPLES
        and head.lower() not in ("and", "or", "the", "a", "all")
    )


def _approx(fig: Figure, text: str) -> str:
    return f"{APPROX[fig.approx]} {text}" if fig.approx else text


FROM_WORDS = re.compile(
    r"[从由](?:原来|原先|原|过去|以前|此前|上年|去年|上一年|年初|改造前|改革前|实施前|\d{4}年)?的?$"
)


def before_number(fig: Figure) -> str:
    """The character printed just before the figure's number, in its sentence; 由 for the old end
    of a change said with a word for "before" (由上年的1.96, 从原来的20个)."""
    mark = _before_number(fig)
    if mark in ("的", "年", "来", "去", "前", "初"):
        sentence = to_simplified(fig.sentence_text)
        at = fig.span[0] - fig.sentence[0]
        if 0 < at <= len(sentence) and FROM_WORDS.search(sentence[max(0, at - 8) : at]):
            return "由"
    return mark


def change_end(fig: Figure) -> str:
    """Which end of a stated change a figure is: "from" (由3.1%, 从25个), "to" (调整为2.85%,
    缩短至10个), or "" when it is neither (its size, or a level)."""
    mark = before_number(fig)
    if mark and mark in "从由":
        return "from"
    if mark and mark in "到至为成":
        return "to"
    return ""


_CHANGE_VERB_KEYS = "|".join(sorted(CHANGE_VERBS, key=len, reverse=True))
_VERB_AFTER_FROM = re.compile(r"(?:左右|以上|的)?(" + _CHANGE_VERB_KEYS + ")")
_VERB_BEFORE_TO = re.compile("(" + _CHANGE_VERB_KEYS + r")(?:到|至|为|成)(?:平均)?$")


def _printed_change_verb(fig: Figure, end: str) -> str:
    """The English of the verb a from-to prints between its ends (由10个工作日压缩至5个: "cut"),
    read from the sentence beside the figure; "" when there is none."""
    sentence, at, printed = _placed(fig)
    if at < 0:
        return ""
    if end == "from":
        m = _VERB_AFTER_FROM.match(sentence, at + len(printed))
    elif end == "to":
        m = _VERB_BEFORE_TO.search(sentence, max(0, at - 6), at)
    else:
        m = None
    return CHANGE_VERBS[m.group(1)] if m else ""


def _before_number(fig: Figure) -> str:
    """The character printed just before the figure's number, in its sentence."""
    sentence, at, _ = _placed(fig)
    return sentence[at - 1] if at > 0 else ""


def _placed(fig: Figure) -> tuple[str, int, str]:
    """The figure's sentence (Simplified), where the figure stands in it (-1 if it cannot be
    found) and the figure as printed there. A span indexes the source, which for a saved page
    holds markup the sentence's text does not, so the offset is checked and else searched for."""
    sentence = to_simplified(fig.sentence_text)
    printed = to_simplified(re.sub(r"<[^>]+>", "", fig.text))
    at = fig.span[0] - fig.sentence[0]
    if not (0 < at <= len(sentence) and sentence.startswith(printed, at)):
        at = sentence.find(printed)
    return sentence, at, printed


def _translate(zh: str, glossary: Glossary) -> str:
    english = glossary.translate(zh).english if zh else ""
    for lead, tail in (("all types ", " of all types"), ("at all levels ", " at all levels")):
        if english.startswith(lead) and len(english) > len(lead):  # 各类矛盾纠纷 -> disputes of all types
            english = english[len(lead) :] + tail
    return english


def _oblique(fig: Figure) -> bool:
    """Whether the label is printed after a preposition (向有关部门发出…, 为群众办理…): then its first
    words are no subject."""
    sentence = to_simplified(fig.sentence_text)
    label = to_simplified(fig.label)
    at = sentence.rfind(label[:4], 0, max(0, fig.span[0] - fig.sentence[0]) + 1) if label else -1
    return at > 0 and sentence[at - 1] in _OBLIQUE


PLAN = re.compile(r"力争|计划|拟|争取|准备")


def planned(fig: Figure) -> bool:
    """Whether the sentence states the figure as a plan or target (力争, 计划 ... before it)."""
    sentence = to_simplified(fig.sentence_text)
    at = fig.span[0] - fig.sentence[0]
    if not 0 <= at <= len(sentence):
        return False
    start = max((m.end() for m in re.finditer(r"[。！？；;]", sentence[:at])), default=0)
    return bool(PLAN.search(sentence[start:at]))


def figure_clause(fig: Figure, glossary: Glossary) -> Clause:
    """The figure as an English clause (lower-case first letter unless a proper name)."""
    zh = to_simplified(fig.label)
    basis = basis_english(fig)
    label_en, fallbacks = label_english(fig, glossary)
    if fig.change:
        return _change_clause(fig, zh, label_en, basis, glossary, fallbacks)
    counted, counted_fb = counted_english(fig, glossary)
    fallbacks = fallbacks + counted_fb
    if planned(fig) and (not PLAN.search(zh) or counted):
        # 力争每个乡镇打造1个以上…: a target, not a result; no verb that would read as done
        what = _approx(fig, counted_phrase(fig.value, counted)) if counted else amount(fig, glossary)
        if label_en and not counted:
            what = f"{what} ({label_en})"
        return Clause(f"target: {what}", "plain", "", label_en, fallbacks)
    measure = _is_measure(zh, label_en)
    subject, keys, obj = _split_verb(zh) if not measure or counted else ("", "", zh)
    if subject and _oblique(fig):
        subject, keys, obj = "", "", zh
    if keys and (obj or counted or to_simplified(fig.unit) in COUNTERS or fig.unit == ""):
        verb = _verb_english(keys)
        honour = re.match(r"^(.{0,6}?(?:表彰|奖励|嘉奖|荣誉))(.{2,})$", obj) if not counted else None
        if honour and _translate(honour.group(1), glossary):
            # 荣获市级表彰先进个人7名 -> won city-level commendations for 7 outstanding individuals
            obj_en = _translate(honour.group(2), glossary)
            verb = f"{verb} {_translate(honour.group(1), glossary)} for"
        else:
            obj_en = counted or _translate(obj, glossary)
        text = f"{verb} {_object(fig, obj_en, glossary)}"
        if subject:
            text = f"{_translate(subject, glossary)} {text}"
        return Clause(text, "verb", verb, label_en, fallbacks)
    if not label_en and counted:
        if to_simplified(fig.unit) == "级":  # 三级综治中心 -> 3-tier comprehensive governance centres
            return Clause(
                f"{plain_number(fig.value)}-tier {_plural(counted)}", "count", "", counted, fallbacks
            )
        return Clause(_approx(fig, counted_phrase(fig.value, counted)), "count", "", counted, fallbacks)
    if not label_en:
        context = context_terms(fig, glossary)
        if context:  # 全市5个环境资源案件集中管辖法院之一 -> "environmental and resource cases ...: 5"
            return Clause(f"{context}: {quantity(fig, glossary)}", "plain", "", "", fallbacks)
        return Clause(quantity(fig, glossary), "plain", "", "", fallbacks)
    if zh.startswith("占") and fig.unit in ("%", "％"):
        rest = _share_of(zh[1:], glossary) if zh[1:] not in ("比", "比重", "比例") else ""
        return Clause(f"{quantity(fig, glossary)} of {rest or 'the total'}", "rate", "", label_en, fallbacks)
    if 0 < zh.find("占") < len(zh) - 1 and fig.unit in ("%", "％"):
        # 高新技术产业产值占规模以上工业总产值的比重 -> high-tech industries output value: 48.6% of ...
        whole, part = _share_of(zh[zh.find("占") + 1 :], glossary), _translate(zh[: zh.find("占")], glossary)
        if whole and part:
            return Clause(f"{part}: {quantity(fig, glossary)} of {whole}", "plain", "", label_en, fallbacks)
    if fig.unit in ("%", "％", "pp", "‰"):
        return Clause(f"{label_en} {quantity(fig, glossary)}", "rate", "", label_en, fallbacks)
    if counted:
        return Clause(
            f"{label_en}: {_approx(fig, counted_phrase(fig.value, counted))}",
            "plain",
            "",
            label_en,
            fallbacks,
        )
    if (
        to_simplified(fig.unit) in COUNTERS
        and not measure
        and _countable(label_en)
        and not has_verb(zh, glossary)
        and glossary.category.get(zh) not in ("institution", "name")
        and _unit_fits(fig, label_en, glossary)
    ):
        return Clause(_approx(fig, counted_phrase(fig.value, label_en)), "count", "", label_en, fallbacks)
    return Clause(f"{label_en}: {amount(fig, glossary)}", "plain", "", label_en, fallbacks)


_WORDS_END = re.compile(
    r"^(?P<verb>[\u4e00-\u9fff]{1,3}?)(?:为|到|至|成)(?P<end>[^\d０-９一二三四五六七八九十两半几，。；：,;:！？]{2,8}?)"
    r"(?:[，。；：,;:！？]|$)"
)


def _words_end(fig: Figure, glossary: Glossary) -> tuple[str, str] | None:
    """(verb, English) of the new end of a change said in words, not a number, right after the
    figure (从10个工作日缩短为当场办结 -> ("shortened", "same-day completion")); None otherwise."""
    sentence = to_simplified(fig.sentence_text)
    end = fig.span[1] - fig.sentence[0]
    m = _WORDS_END.match(sentence[end:]) if 0 < end <= len(sentence) else None
    if not m:
        return None
    english = glossary.translate(m.group("end")).english
    if not english or _ROMANISED.search(english):
        return None
    return CHANGE_VERBS.get(m.group("verb"), ""), english


START_OF_YEAR = {"比年初", "较年初", "比上年初", "较上年初"}


_CLAUSE_PIECES = re.compile(r"[，。；：！？,;:!?（()）\n“”\"《》、]")
_AFTER_LEAD = re.compile(r"^(?:的|左右|以上|以下|以内|多|余|之一|时间)+")
_ROMANISED = re.compile(r"\s*\S+ \([\u3400-\u9fff]+\)")


def context_terms(fig: Figure, glossary: Glossary) -> str:
    """The English of the words a figure's own clause counts or measures when it has no label and no
    counted noun: the words after its measure word up to the next verb (全市5个环境资源案件集中管辖
    法院 -> "environmental and resource cases centralised jurisdiction"), else the words before it in
    its clause. Nothing is added: only the glossary's and the dictionary's English of those words,
    without romanised pieces; "" when none is left."""
    sentence = to_simplified(fig.sentence_text)
    start, end = fig.span[0] - fig.sentence[0], fig.span[1] - fig.sentence[0]
    if not (0 <= start < end <= len(sentence)):
        return ""
    after = _AFTER_LEAD.sub("", _CLAUSE_PIECES.split(sentence[end:])[0])[:10]
    for at in range(1, len(after)):
        if (
            verb_at(after, at)
            or after.startswith(PREDICATE_STARTS + CONTEXT_BREAKS, at)
            or is_verb(after[at : at + 2])
        ):
            after = after[:at]
            break
    before = re.split(
        r"[\d０-９][\d０-９.,]*[万亿]?[\u4e00-\u9fff]?", _CLAUSE_PIECES.split(sentence[:start])[-1]
    )[-1][-10:]
    for words in (after, before):
        words = _ADVERBS.sub("", words.strip(_PARTICLE_EDGES))
        if len(words) < 2:
            continue
        english = _ROMANISED.sub("", glossary.translate(words).english).strip(" ,;:")
        if english and len(english.split(" ")) <= 10 and not re.search(r"\d", english):
            return english
    return ""


def predicate_terms(fig: Figure, glossary: Glossary) -> str:
    """The English of what its clause says of a counted noun (1名干警被评为全国检察宣传先进个人 ->
    "named national procuratorial publicity outstanding individuals"), without romanised pieces;
    "" when nothing is left."""
    sentence = to_simplified(fig.sentence_text)
    end = fig.span[1] - fig.sentence[0]
    counted = to_simplified(fig.counted)
    if not (0 < end <= len(sentence)):
        return ""
    rest = sentence[end:]
    rest = rest[len(counted) :] if counted and rest.startswith(counted) else rest
    words = _CLAUSE_PIECES.split(rest)[0][:18]
    english = _ROMANISED.sub("", glossary.translate(words).english).strip(" ,;:") if len(words) >= 2 else ""
    return english if len(english.split(" ")) <= 10 and not re.search(r"\d", english) else ""


CONTEXT_BREAKS = ("落实", "实施", "推进", "建立", "建成", "纳入", "入选", "集中", "取得", "达到", "完成")
_PARTICLE_EDGES = "的了将把被对在所之其并且而着过地得也都就还又再已即是按照用为"


def _change_clause(
    fig: Figure, zh: str, label_en: str, basis: str, glossary: Glossary, fallbacks: tuple[str, ...]
) -> Clause:
    """A stated change: "criminal cases filed fell 16.2% year on year", "processing time cut
    from 20 working days", "shortened to 10 working days", "community work points rose to 1,106"."""
    verb = "fell" if fig.change == "decrease" else "rose"
    end = change_end(fig)
    if fig.unit in ("%", "％", "pp", "‰") and not end:
        subject = label_en or "the figure"
        return Clause(
            f"{subject} {verb} {quantity(fig, glossary)}{basis}", "change", verb, label_en, fallbacks
        )
    subject = label_en
    if zh in START_OF_YEAR:  # 比年初增加58.31亿元: the label is only the basis of the change
        direction = "down" if fig.change == "decrease" else "up"
        return Clause(
            f"{direction} {amount(fig, glossary)} on the start of the year", "plain", "", "", fallbacks
        )
    for key, english in CHANGE_VERBS.items():
        if zh.endswith(key):
            subject = _translate(zh[: -len(key)], glossary)
            verb = english
            break
    else:
        verb = _printed_change_verb(fig, end) or verb
    head = f"{subject} " if subject else ""
    if end == "to":
        return Clause(f"{head}{verb} to {quantity(fig, glossary)}{basis}", "change", verb, subject, fallbacks)
    if end == "from":
        words = _words_end(fig, glossary)
        if words:  # 办理时限从10个工作日缩短为当场办结: the new end is said in words
            verb = words[0] or verb
            return Clause(
                f"{head}{verb} from {quantity(fig, glossary)} to {words[1]}",
                "change",
                verb,
                subject,
                fallbacks,
            )
        return Clause(f"{head}{verb} from {quantity(fig, glossary)}", "from", verb, subject, fallbacks)
    direction = "down" if fig.change == "decrease" else "up"
    text = f"{subject}: {amount(fig, glossary)}" if subject else amount(fig, glossary)
    return Clause(f"{text}, {direction}{basis}", "plain", "", subject, fallbacks)


_SHARE_TAIL = re.compile(r"(?:的)?(?:比重|比例|份额|占比)$")


def _share_of(zh: str, glossary: Glossary) -> str:
    """The whole a share is of, in English: 规模以上工业总产值的比重 -> gross output value of ...
    (the word for "share" is said by "X% of")."""
    return _translate(_SHARE_TAIL.sub("", zh), glossary)


def _unit_fits(fig: Figure, noun: str, glossary: Glossary) -> bool:
    """Whether the measure word can count the noun: 个 counts anything; 件 counts cases, not
    people; 人 and 名 count people."""
    unit_noun = glossary.lookup(to_simplified(fig.unit)) or ""
    if not unit_noun:
        return True
    words = noun.split(" ")
    head = _plural(words[_head(words)]).lower()
    if unit_noun == "people":
        return head not in ("cases", "items", "organisations", "institutions", "matters", "tasks")
    if unit_noun == "cases":
        return head not in ("people", "personnel", "officers", "suspects", "persons")
    return True


def _object(fig: Figure, obj_en: str, glossary: Glossary) -> str:
    """The counted object with its number: "8,736 cases of all types", "CNY 4.86 million in
    wages", "12 sessions of cautionary education", "teachers and students (21,000 person-visits)"."""
    unit = to_simplified(fig.unit)
    if not obj_en:
        return quantity(fig, glossary)
    if unit == "元":
        return f"{quantity(fig, glossary)} in {obj_en}"
    if unit in ("人", "名") and any(word in obj_en for word in PENALTIES):
        # 判处五年以上有期徒刑47人: people are sentenced to a penalty, not counted in it
        return f"{_approx(fig, counted_phrase(fig.value, 'people'))} to {obj_en}"
    if (unit in COUNTERS or unit == "") and _countable(obj_en) and _unit_fits(fig, obj_en, glossary):
        return _approx(fig, counted_phrase(fig.value, obj_en))
    if unit in MEASURES and "(" not in obj_en:  # 新建改建农村公路120公里 -> 120 km of rural roads
        return f"{quantity(fig, glossary)} of {obj_en}"
    if unit in COUNTERS and unit_noun(unit, Decimal(2), glossary) in CONTAINERS and "(" not in obj_en:
        return f"{quantity(fig, glossary)} of {obj_en}"
    return f"{obj_en} ({quantity(fig, glossary)})"


def indicator(fig: Figure, glossary: Glossary) -> str:
    """What the figure measures, for a table: Cases accepted; Working groups (comprising)."""
    label, _ = label_english(fig, glossary)
    counted, _ = counted_english(fig, glossary)
    if counted and label:
        text = f"{counted} ({label})"
    else:
        text = counted or label
    return text[:1].upper() + text[1:] if text else ""


def capitalise(text: str) -> str:
    return text[:1].upper() + text[1:]


def figure_sentence(fig: Figure, glossary: Glossary) -> str:
    """One figure as one English sentence."""
    return capitalise(figure_clause(fig, glossary).text) + "."
