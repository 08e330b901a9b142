"""Figures: quantities a report states about the world, by the rules of ANNOTATION.md.

Works on one paragraph at a time, on its normalised text (same length as the original, so a
match's offsets are the original's). Returns figures with offsets relative to the paragraph;
the caller maps them to source spans. Rules are lexical and general: a unit list, guards that
turn away dates, ordinals, codes, names and rhetoric, and look-backs for approximation, change
and basis. No rule names a place, an agency or a seed's wording.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache

from briefing.understand.numbers import SCALES, arabic, chinese, fraction_percent, scaled, vague_chinese

# Measure words and units, longest first so that 个工作日 wins over 个 and 人次 over 人.
UNITS = sorted(
    [
        "日",
        "节",
        "笔",
        "袋",
        "箱",
        "瓶",
        "眼",
        "盏",
        "孔",
        "轮次",
        "轮",
        "尾",
        "羽",
        "剂次",
        "诊次",
        "床日",
        "周",
        "微克/立方米",
        "克标准煤/千瓦时",
        "公里/百平方公里",
        "吨标准煤",
        "千克标准煤",
        "毫克/立方米",
        "毫克/升",
        "立方米",
        "千瓦时",
        "千瓦",
        "兆瓦",
        "平方千米",
        "个百分点",
        "百分点",
        "个工作日",
        "工作日",
        "个小时",
        "平方公里",
        "平方米",
        "个月",
        "小时",
        "分钟",
        "公里",
        "千米",
        "公顷",
        "万元",
        "美元",
        "港元",
        "港币",
        "千伏安",
        "TEU",
        "澳门元",
        "澳门币",
        "海里",
        "公尺",
        "平方公尺",
        "晚",
        "欧元",
        "日元",
        "票",
        "标准箱",
        "盆",
        "公吨",
        "件次",
        "人次",
        "户次",
        "家次",
        "批次",
        "场次",
        "车次",
        "航次",
        "度",
        "匹",
        "峰",
        "艘次",
        "架次",
        "期次",
        "班次",
        "班",
        "门",
        "番",
        "架",
        "顶",
        "床",
        "层",
        "台次",
        "课时",
        "件",
        "人",
        "名",
        "个",
        "家",
        "所",
        "条",
        "篇",
        "次",
        "项",
        "路",
        "起",
        "宗",
        "座",
        "场",
        "期",
        "批",
        "支",
        "户",
        "台",
        "辆",
        "套",
        "处",
        "间",
        "张",
        "份",
        "册",
        "本",
        "部",
        "位",
        "对",
        "组",
        "队",
        "种",
        "元",
        "天",
        "年",
        "级",
        "吨",
        "亩",
        "米",
        "例",
        "倍",
        "岁",
        "栋",
        "幢",
        "块",
        "只",
        "头",
        "棵",
        "株",
        "艘",
        "封",
        "通",
        "单",
        "宗",
        "斤",
        "类",
        "大类",
        "厘米",
        "羊单位",
        "枚",
        "幅",
        "发",
        "片",
        "台套",
        "根",
        "趟",
        "公斤",
        "千克",
        "把",
        "秒",
        "分",
        "人员",
        "余人",
    ],
    key=len,
    reverse=True,
)
UNITS = [
    u for u in UNITS if u not in ("万元", "人员", "余人")
]  # scales and approximations are separate parts
_UNIT_ALT = "|".join(re.escape(u) for u in UNITS)

NUM_AR = r"\d{1,3}(?:[,，]\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
# (the bare 百/千/万 looks behind only after it is read, so that every branch starts with a character
# class and the regex engine can skip to candidate characters: a third faster on long text)
CN_DECIMALS = r"点[零〇一二三四五六七八九]+"  # 三点六, 零点九
NUM_CN = (
    rf"[一二两三四五六七八九十][零〇一二两三四五六七八九十百千万亿]*(?:{CN_DECIMALS})?|零{CN_DECIMALS}|"
    r"[百千万](?:(?=余|多)|(?<=[过超逾破近上][百千万])(?=[\u4e00-\u9fff]))"
)
FIGURE = re.compile(
    rf"(?P<num>{NUM_AR}|{NUM_CN})(?P<inf>余|多|几|来(?=万|亿|千|百|{_UNIT_ALT}))?"
    rf"(?P<scale>万亿|千万|百万|万|亿|千(?![米瓦克帕卡])|)(?P<inf2>余|多)?(?P<unit>%|‰|{_UNIT_ALT})?"
)
FRACTION = re.compile(
    r"(?<![百千万])(?P<den>[一二三四五六七八九十][一二三四五六七八九十百]*|\d+)分之(?P<num>[一二三四五六七八九十]+|\d+(?:\.\d+)?)"
)
PERCENT_CN = re.compile(
    r"百分之(?P<num>[一二三四五六七八九十百点][零〇一二三四五六七八九十百点]*|\d+(?:\.\d+)?)"
)
TENTHS = re.compile(
    r"(?<![一二三四五六七八九十\d.])(?P<num>[一二两三四五六七八九1-9])成"
    r"(?:(?P<half>半)|(?P<tenth>[一二三四五六七八九])(?![十百千万亿\d个年]))?"
    r"(?![为立员功本果效熟就交绩长都市型品人年])"
)
VAGUE_TENTHS = re.compile(
    r"(?<![一二三四五六七八九十\d.])(?P<low>[一二三四五六七八])(?P<high>[二三四五六七八九])成"
    r"(?![为立员功本果效熟就交绩长都市型品人年])"
)
# 近两成为研究生: after an approximation word, X成 before 为 is a proportion, not 成为 "become"
TENTHS_BECOME = re.compile(r"(?<=近|约|超|逾|到|足)(?P<num>[一二两三四五六七八九])成(?=为)")
# 两项指标均超过2019年, 两项数据同比分别增长: the figures just given, counted again
ANAPHORIC_COUNT = re.compile(r"(?:指标|数据)(?:均|都|分别|同比|全部)")
BUS_LINE_AFTER = re.compile(r"(?:[、和与及]\d+路)*(?:公交|公共汽车|车|巴士|线)")
EXCHANGE_RATE = re.compile(r"[\d.]+元(?:人民币|新台币|港币|美元)?兑(?:换)?[\d.]+")
POINTS_AHEAD = re.compile(r"[和与及、至到或]\s*[\d.]+个?百分点")
PER_BASE_AFTER = re.compile(r"/(?:10|100)?[万千]")
AGE_BAND_BEFORE = re.compile(r"[\d一二三四五六七八九十]\s*岁?\s*[—\-~～至到]$")
HALF = re.compile(r"一半")
AND_A_HALF = re.compile(r"(?P<num>\d+|[一二两三四五六七八九十]+)个半(?P<unit>小时|月|钟头|星期)")
UNIT_BEFORE_COLON = re.compile(
    rf"[（(](?P<scale>万|亿)?(?P<unit>%|{_UNIT_ALT})[）)]\s*[:：]\s*(?P<num>{NUM_AR})(?![\d.%‰\u4e00-\u9fff])"
)
TWO_SCALES = re.compile(
    rf"(?<![\d.])(?P<high>\d{{1,4}})(?P<high_scale>亿|万)(?P<low>[1-9]\d{{0,3}})(?P<low_scale>千万|百万|万|千|百)"
    rf"(?P<inf>余|多)?(?P<unit>{_UNIT_ALT})"
)
# 完成投资三百九十多个亿: spoken money, in hundreds of millions of yuan
SPOKEN_YI = re.compile(
    r"(?P<num>\d+(?:\.\d+)?|[零一二两三四五六七八九十百千]+)(?:(?P<more>多|余)个|个(?P<more_after>多|余)?)亿(?!元)"
)
# 半个工作日 is 0.5 of one; 上半年, 下半年, 近半年来 are periods, not durations
HALF_UNIT = re.compile(
    r"(?<![\d一二两三四五六七八九十多上下前后每近过个])半(?P<unit>个工作日|个月|个小时|小时|天|年)(?!来|以来)"
)

PREFIX_APPROX = [
    ("将近", "nearly"),
    ("差不多", "nearly"),
    ("大概", "about"),
    ("接近", "nearly"),
    ("大约", "about"),
    ("超过", "over"),
    ("突破", "over"),
    ("不足", "under"),
    ("不到", "under"),
    ("低于", None),
    ("约", "about"),
    ("近", "nearly"),
    ("逾", "over"),
    ("超", "over"),
]
SUFFIX_APPROX = {"以上": "over", "左右": "about", "以内": "under", "以下": "under", "上下": "about"} | {
    "及以上": "over",  # 95%及以上
    "或以上": "over",  # Hong Kong usage: 45%或以上
    "及以下": "under",
    "或以下": "under",
}
_SUFFIX_APPROX = re.compile("|".join(SUFFIX_APPROX))


def suffix_approx(after: str) -> str | None:
    """over/about/under from the word right after a number (以上, 左右, 以内 ...)."""
    m = _SUFFIX_APPROX.match(after)
    return SUFFIX_APPROX[m.group()] if m else None


DECREASE = [
    "下降",
    "减少",
    "降低",
    "回落",
    "下滑",
    "缩短",
    "压缩",
    "缩减",
    "压减",
    "下跌",
    "放缓",
    "降幅",
    "减幅",
    "精简",
    "缩小",
    "收窄",
    "减收",
    "降价",
    "下调",
    "下浮",
    "便宜",
    "拉低",
    "减产",
    "减",
    "降",
    "少",
]
INCREASE = [
    "增长",
    "上升",
    "提高",
    "增加",
    "提升",
    "上涨",
    "增幅",
    "攀升",
    "跃升",
    "涨幅",
    "扩大",
    "扩展",
    "拓展",
    "增收",
    "延长",
    "多出",
    "加快",
    "加速",
    "提速",
    "涨价",
    "上调",
    "上浮",
    "成长",
    "拉高",
    "增产",
    "增",
    "升",
    "多",
]
NOT_CHANGE = [
    "差不多",
    "新增",
    "增设",
    "增补",
    "增派",
    "新增加",
    "增配",
    "升级",
    "降级",
    "改造提升",
    "提升改造",
    "提档升级",
    "改造升级",
    "升级改造",
    "减负",
    "减税",
    "降费",
    "减免",
    "降成本",
    "减租",
]
FILLERS = re.compile(
    r"(?:了|分别|为|到|至|达|达到|约|近|将近|接近|超过|超|逾|幅度|共|累计|各|均|年均|平均|"
    r"同比|环比|按年|按月|比例|比率|幅|每[人户亩月年天日吨]{1,3}|人均|户均|\s)*$"
)
CLAUSE_END = re.compile(r"[，。；：！？,;:!?（(）)\n]")
# a rate's name: 发案率, 价格指数, 收入比, or a count per so many people (每万人刑事案件立案数)
_RATE_NAME = r"(?:率|指数|系数|比|得分|均值|每[十百千万]+人[\u4e00-\u9fff]{0,10}?数)"
RATE_CONTEXT = re.compile(
    _RATE_NAME
    + r"(?:[（(][A-Za-z]{2,8}[）)])?(?:为|达|是|达到|降至|升至|下降至|控制在|保持在|稳定在|仅|约|近|超|"
    r"(?:缩小|扩大|下降|上升|降低|提高|收窄)(?:至|到|为))?$"
)
# 万人成讼率42.17，环比下降3.08: the change of a unitless rate just stated is unitless too
# (收入比缩小至1.59，比上年缩小0.04: a ratio's change too)
RATE_CHANGE = re.compile(
    _RATE_NAME + r"(?:为|是|达|(?:缩小|扩大|下降|上升|降低|提高|收窄)?(?:至|到))?[\d.]+[，,]?"
    r"(?:同比|环比|[较比](?:上年|去年|上年同期|去年同期|年初|上月))?(?:下降|上升|提高|降低|减少|增加|缩小|扩大|收窄)了?$"
)
# A threshold that defines a group, not a quantity: 10亿元以上重大产业项目14个, 判处五年以上有期徒刑的63人,
# 年收入超过50万元的村14个 (the count that follows is the figure)
THRESHOLD_AFTER = re.compile(r"(?:及)?以[上下](?:的)?[\u4e00-\u9fff]{1,8}?[\d一二两三四五六七八九十]")
GROUP_AFTER = re.compile(
    r"以[上下](?:的)?[“\"「]?(?:老年人|人口|超大班额|大班额|班额|企业|项目|工业|规模|单位|农户|家庭|学校|医院|病人|"
    r"患者|群体|人员|残疾人|自然村|行政村|儿童|幼儿|老人|学生)"
)
# things whose age defines a group of them (运行超过20年的老旧管网, 建成超过30年的老旧小区)
AGED_GROUP = re.compile(
    r"的[\u4e00-\u9fff]{0,4}?(?:管网|管道|管线|设施|设备|车辆|房屋|住房|农房|建筑|桥梁|小区|线路|船舶|项目|工程|案件|事项)"
)
# the kinds of thing a unit counts: 12万户以上农户 is over 120,000 households, not a threshold
COUNTED_BY = {
    "户": ("农户", "家庭", "群众"),
    "人": ("人口", "人员", "群众", "劳动力"),
    "名": ("人员", "群众"),
}
PER_UNIT = re.compile(r"/(?:日|天|年|月|人|户|亩|小时|平方米|立方米)")
DAYS_TO_DO = ("办结", "办理", "办完", "完成", "期限", "时限", "即可", "左右", "之内")  # 30日即可办结
TIME_UNITS = {"小时", "个小时", "天", "日", "个工作日", "工作日", "分钟", "个月", "年", "周"}
LIST_AHEAD = re.compile(r"\s*(?:、|和|及|与|至|到|-|~|～|—|－)\s*[\d０-９一二两三四五六七八九十百半]")
MONTH_RANGE = re.compile(r"\s*(?:至|到|-|—|－|～|~)\s*1?\d月")
RANGE_AFTER = re.compile(r"\s*[—–－~～-]\s*\d")
THRESHOLD_OF = re.compile(r"的[\u4e00-\u9fff]{1,6}?[\d一二两三四五六七八九十]")
# 投资超10亿元项目6个: a bound followed straight by the kind of thing it bounds, then the count
GROUP_OF = re.compile(
    r"[\u4e00-\u9fff]{0,4}?(?:项目|企业|工程|园区|村|商户|纳税人)[\u4e00-\u9fff]{0,2}?[\d一二两三四五六七八九十]"
)
BOUNDED_COUNT = re.compile(r"的[\u4e00-\u9fff]{0,6}?[\d一二两三四五六七八九十]")  # 低于90%的3个镇街
# 从业人员不足50人的小微企业: a bound, 的, then the kind of thing it bounds
GROUP_NOUN = r"(?:企业|单位|项目|工程|园区|村|社区|商户|纳税人|学校|家庭|农户|群体|人员|场所|案件|事项)"
BOUND_GROUP = re.compile(r"的[\u4e00-\u9fff]{0,4}?" + GROUP_NOUN)
# 投资额在1亿元至10亿元之间的项目: both ends of a range that defines a group
BETWEEN_GROUP = re.compile(r"(?:(?:至|到|-|—|~)[^，。；;,]{1,12}?)?之间的[\u4e00-\u9fff]{0,4}?" + GROUP_NOUN)
CHAIN_SEP = re.compile(r"\s*(?:、|和|及|与|至|到|-|~|～|—|－)\s*$")
RHETORIC_AFTER = re.compile(
    r"(?:个)?(?:方面|层面|重点|环节|维度|阶段|领域|板块|原则|意识|自信|维护|统一|效果|结合|亮点|特点|部分|"
    r"坚持|着力|聚焦|抓手|核心|支撑|导向|大|字|句|步|化|心|者|篇文章)"
)
# the places a tier count counts, listed right before it (中央、省、市、县四级财政)
LISTED_BEFORE = re.compile(r"(?:[\u4e00-\u9fff]{1,4}、)+[\u4e00-\u9fff]{1,4}$")
TIER_COUNT = {"二": 2, "两": 2, "三": 3, "四": 4, "五": 5}
TIER_AFTER = re.compile(
    r"综治|网络|平台|体系|架构|中心|联动|网格|服务|调解|书记|管理|指挥|组织|医疗|矛盾|工作|"
    r"党组织|政府|联创|共建|治理|联防|巡防|响应机制"
)
LEVEL_RUN = re.compile(r"(?:[省市县区乡镇村]|街道|社区|片区|网格){2,}$")
ARROWS = {"↑": "increase", "↓": "decrease", "▲": "increase", "▼": "decrease"}
ARROW_BEFORE = re.compile(r"([↑↓▲▼])\s?$")
# a multiple of an earlier level (是去年同期的1.5倍): a rise, measured against that level
MULTIPLE_BASE = r"是(?:上年同期|去年同期|上年|去年|前年|上月|(?:19|20)\d\d年(?:同期)?)的"
MULTIPLE_OF = re.compile(MULTIPLE_BASE + "$")
NEGATIVE_GROWTH_RATE = re.compile(r"(?:增长率|增速|增幅)(?:为|是|达|达到)?$")
CONDITION_OF = re.compile(r"[\u4e00-\u9fff]{1,8}的")
RATE_WITHIN = re.compile(r"(?:内|以内)[\u4e00-\u9fff]{1,8}率")
MORE_THAN_MONTHS = re.compile(r"多(月|小时|星期|钟头)")
# a number of days that is one end of a change (由法定的60日压缩至平均23.5日), but not 7月3日至5日 (dates)
DAYS_OF_CHANGE = re.compile(
    r"(?:[由从](?:原来|原定|法定|规定|承诺|过去)?的?|(?:压缩|缩短|减少|降低|下降|降|减|提高|延长|增加)(?:至|到)(?:平均)?)$"
)
YEAR_OK_BEFORE = re.compile(
    r"(?:连续|历时|长达|持续|用了|用|经过|耗时|坚持|服刑|有期徒刑|判处|工作了?|任职|将近|接近|拖延|长达|已有|已经|为期|提前"
    r"|拖了|耽误了|等了|干了|熬了)$"
)
LIST_NAME_AFTER = re.compile(r"(?:规定|民生实事|惠民实事|为民办实事|实事|民生工程|重点民生工程)")
STRUCTURE_AFTER = re.compile(
    r"[\u4e00-\u9fff]{0,6}?(?:[：:]\s*(?:一是|一要|一|第一|首先)|[，,]\s*(?:一是|一要|即))"
)
ONE_BUILT = {"所", "座", "栋", "幢", "处", "家", "台", "辆", "艘", "条", "台套"}  # 新建幼儿园一所。
OPEN_QUOTES = {"“": "”", "‘": "’", "「": "」", "『": "』", "《": "》", '"': '"'}


@dataclass(slots=True)
class Found:
    start: int  # quote span in the paragraph
    end: int
    value: Decimal
    unit: str  # normalised (Simplified) unit; the caller re-reads it from the original
    unit_span: tuple[int, int] | None
    approx: str | None = None
    change: str | None = None
    basis: str | None = None
    label: str = ""
    scale: str = ""
    num_start: int = 0  # where the number itself starts (the quote may start there too)
    counted: tuple[int, int] | None = None  # the noun counted, when it follows (5个工作组 -> 工作组)


def replace(f: Found, **changes) -> Found:
    """A changed copy. Built field by field: dataclasses.replace and copy.copy are several times
    slower, and this runs a few times per figure."""
    g = Found(
        f.start,
        f.end,
        f.value,
        f.unit,
        f.unit_span,
        f.approx,
        f.change,
        f.basis,
        f.label,
        f.scale,
        f.num_start,
        f.counted,
    )
    for key, value in changes.items():
        setattr(g, key, value)
    return g


def find_figures(norm: str) -> list[Found]:
    """All figures in one paragraph of normalised text, unlabelled (labels.label_figures names
    what each measures)."""
    quotes = _quoted_regions(norm)
    found = _special_forms(norm, quotes)
    taken = [(f.start, f.end) for f in found]
    for m in FIGURE.finditer(norm):
        num = m.group("num")
        if not (m.group("unit") or m.group("inf") or num[0].isdigit() or "亿" in num or num.endswith("万")):
            continue  # a Chinese numeral with no unit is never a figure (一是, 进一步): the cheap test first
        if taken and any(a <= m.start() < b for a, b in taken):
            continue
        fig = _from_match(norm, m, quotes)
        if fig is not None:
            found.append(fig)
    found.sort(key=lambda f: f.start)
    if WEATHER.search(norm):
        found = [f for f in found if not _weather_reading(norm, f)]
    found = _share_units(norm, found)
    found = [_with_change(norm, f) for f in found]
    found = _from_to(norm, found)
    return _propagate_lists(norm, found)


def _unit_before_colon(text: str) -> list[Found]:
    """A bare number after a name that gives its unit in brackets, as a field of a list of
    indicators prints it: 城镇新增就业（人）：1873, 税收收入（万元）：5230."""
    found = []
    for m in UNIT_BEFORE_COLON.finditer(text):
        scale = m.group("scale") or ""
        value = scaled(arabic(m.group("num")), scale)
        unit_span = (m.start("unit"), m.end("unit"))
        found.append(
            Found(
                m.start("num"),
                m.end("num"),
                value,
                m.group("unit"),
                unit_span,
                scale=scale,
                num_start=m.start("num"),
            )
        )
    return found


def _two_scales(text: str, quotes) -> list[Found]:
    """A number said in two scales: 1万2千人 is 12,000 people, 3亿5千万元 350 million yuan."""
    found = []
    for m in TWO_SCALES.finditer(text):
        high, low = SCALES[m.group("high_scale")], SCALES[m.group("low_scale")]
        if low >= high or _inside_short_quote(m.start(), quotes, text):
            continue
        value = Decimal(m.group("high")) * high + Decimal(m.group("low")) * low
        approx = "over" if m.group("inf") else _prefix_approx(text[max(0, m.start() - 6) : m.start()])
        found.append(Found(m.start(), m.end(), value, m.group("unit"), None, approx, num_start=m.start()))
    return found


# --- recognising one figure ---------------------------------------------------------------------


def _from_match(text: str, m: re.Match, quotes) -> Found | None:
    num, unit = m.group("num"), m.group("unit") or ""
    if not unit and (m.group("scale") == "亿" or ("亿" in num and not num[0].isdigit())):
        unit = "元"  # 投资3.8亿, 突破五百亿, 两亿一千多万: an amount said without its 元
    elif (
        not unit
        and (m.group("scale") == "万" or num.endswith("万"))
        and MONEY_BEFORE.search(text, clause_start(text, m.start()), m.start())
    ):
        unit = "元"  # 总投资八千三百万左右, 资金缺口九百来万: money, said without its 元
    start = m.start()
    if not unit and not _unitless_may_stay(text, m):
        return None  # the cheap test first: most bare numbers are codes, dates or page furniture
    before = text[max(0, start - 6) : start]
    after = text[m.end() : m.end() + 8]
    is_cn = not num[0].isdigit()
    previous = text[start - 1] if start else ""
    if previous == "+" and _is_sign(text, start - 1) and unit in ("%", "‰", "个百分点", "百分点"):
        previous = ""  # a table's 同比增减 cell: +8.7%
    # isdecimal, not isdigit: ②十二个社区 counts twelve after an item's circled number
    if previous and (previous.isdecimal() or previous in ".+" or (previous.isascii() and previous.isalpha())):
        return None  # part of a longer number or of a code (9+X, e租宝)
    if after[:1] == "+" or (after[:1].isascii() and after[:1].isalpha() and not unit):
        return None
    if (after[:1] in ":：" and after[1:2].isdigit()) or (before[-1:] in ":：" and before[-2:-1].isdigit()):
        return None  # a ratio written with a colon (收入比为1.58:1; 三次产业结构11.6:54.3:34.1)
    if before.endswith("第") or (before.endswith("前") and unit in ("名", "位", "强")):
        return None
    if _inside_short_quote(start, quotes, text):
        return None
    if is_cn and not _chinese_ok(text, m, unit, before, after):
        return None
    value = arabic(num) if not is_cn else chinese(num)
    two_scales = is_cn and m.group("scale") == "万" and "亿" in num[:-1]
    if two_scales:  # 两亿一千多万: the 万 scales only what follows the 亿
        high, low = num[: num.rindex("亿") + 1], num[num.rindex("亿") + 1 :]
        value = (chinese(high) or 0) + (chinese(low) or 0) * SCALES["万"]
    vague = False
    if value is None and is_cn and unit:
        value = vague_chinese(num)  # 二三十人: two neighbouring digits said together
        vague = value is not None
    if value is None:
        return None
    if unit == "年" and not _year_ok(num, is_cn, before, after, m):
        return None
    if unit == "级" and not _tier_ok(text, m, is_cn, after):
        return None
    if (
        unit in ("天",)
        and after.startswith(("津", "河", "堂", "下", "桥", "到晚", "天"))
        and not after.startswith(("下降", "下滑", "下调"))
    ):
        return None  # 天津, 天下, 天桥 (but 由8.6天下降至7.9天 is a duration that fell)
    if unit == "日" and (
        before.endswith("月")
        or not (
            after.startswith(("内", "以内", *DAYS_TO_DO))
            or YEAR_OK_BEFORE.search(before)
            or DAYS_OF_CHANGE.search(before)
            or (not is_cn and "." not in num and int(num.replace(",", "")) > 31)
        )
    ):
        return None  # 12月5日 is a date; 7日内, 连续30日, 法定的60日, 15至30日即可办结 are durations
    if unit in ("小时", "个小时") and after.startswith(("平均", "滑动")):
        return None  # 臭氧日最大8小时平均浓度: the name of a measure, not a duration
    if unit in ("个月", "月", "天", "周", "个星期") and after.startswith(("来", "以来")):
        return None  # 近6个月来: the period looked back on
    if unit == "周" and after.startswith(("年", "岁", "边", "末", "刊", "报", "转", "期")):
        return None  # 70周年 is an anniversary, 18周岁 an age threshold, 周边 "nearby"
    if (
        unit == "次"
        and "届" in before
        and after.startswith(("会议", "全会", "全体会议", "常委会", "代表大会"))
    ):
        return None  # 县十六届人大六次会议: the session's number
    if before.endswith("每") and unit in ("人", "") and (is_cn or value_is_round(num)):
        return None  # 每十万人口: the base of a rate, not a count
    if unit == "分" and (is_cn or after.startswith(("之", "钟"))):
        return None  # 十分重要 is "very", 三分之一 a fraction
    if unit == "次" and after.startswith("产业"):
        return None  # 三次产业: the tertiary sector
    if unit in ("类", "大类") and (is_cn or "\u4e00" <= after[:1] <= "\u9fff") and not before.endswith("等"):
        return None  # 九类涉恶案件 names categories; 储备物资28类、 and 乳制品等32大类食品 count them
    if unit == "发" and "\u4e00" <= after[:1] <= "\u9fff":
        return None  # 发射炮弹680发 counts rounds; 5发布 is no count
    if (unit == "期" and after.startswith(("工程", "项目", "建设", "规划", "码头", "泊位"))) or (
        num == "二" and unit in ("期", "次", "批", "轮")
    ):
        return None  # 步道二期工程, 宿集二期, 二次办理: the second one (a count of two says 两期, 两次)
    if (
        unit in ("天", "日")
        and num == "一"
        and after.startswith(("傍晚", "晚上", "夜里", "早上", "上午", "下午", "中午", "清晨", "凌晨"))
    ):
        return None  # 10月下旬的一天傍晚: a point in time
    if "×" in (before[-1:], after[:1]) or "*" in (before[-1:], after[:1]):
        return None  # 7×24小时: a schedule said as a product
    if unit in ("米", "千米", "公里") and before.endswith(("海拔", "海拔高度")):
        return None  # 海拔4500米: where a place lies, not a quantity of the report
    if unit == "班" and (is_cn or after.startswith(("子", "长", "组", "级", "车", "倒", "制"))):
        return None  # 领导班子, 三班倒 and 一班 name teams, shifts and classes; 发车18班 counts runs
    if unit == "番" and not before.endswith(("翻", "翻了", "增长了", "增长", "扩大了")):
        return None  # 翻了一番 (doubled) and 翻两番 count doublings; 一番 alone is "a round of"
    if unit == "元" and after.startswith(("背面", "正面", "纸币", "硬币", "券面", "面值", "面额")):
        return None  # 第五套人民币20元背面图案: a banknote, named by its denomination
    if unit == "处" and num == "四" and after[:1] in "奔打寻张走求借流游漂碰找跑散搜联求":
        return None  # 四处联系, 四处奔波: "everywhere", not four places
    if unit == "块" and num == "一" and after[:1] in "儿去来干做搞走吃住玩聊":
        return None  # 一块儿, 一块去: "together"
    if unit == "根" and after.startswith(("据", "本", "源", "治", "除", "子", "基", "系", "深")):
        return None  # 根据, 根本, 根治: words, not 2360根 (hoses counted)
    if unit == "个月" and before.endswith("前") and not before.endswith(("提前", "之前", "以前")):
        return None  # 今年前两个月: the year's first two months, a period
    if unit in ("项", "个") and ANAPHORIC_COUNT.match(after):
        return None  # 两项指标均超过2019年: the two figures just given, not a count
    if unit == "米" and after.startswith("服务半径"):
        return None  # 公园绿地500米服务半径覆盖率: the radius names a coverage rate
    if unit == "路" and BUS_LINE_AFTER.match(text, m.end()):
        return None  # 3路公交车: a bus line's name
    if unit == "路" and is_cn and not before.endswith(("开通", "新开", "开设", "增开", "共", "达", "新增")):
        return None  # 经十路, 八路军: a road's or an army's name
    if unit == "吨" and after.startswith("级"):
        return None  # 10万吨级泊位: the berths' class
    if unit == "度" and not m.group("scale"):
        return None  # 30度 is a temperature or an angle; 1.26亿度 is electricity, in kWh
    if num == "一" and unit and text.count(f"一{unit}", max(0, start - 6), m.end() + 6) >= 2:
        return None  # 建一处、成一处, 一企一策: a saying of one each, not a count
    if unit in TIME_UNITS and before.endswith(("超过", "超", "逾", "满")) and AGED_GROUP.match(text, m.end()):
        return None  # 运行超过20年的老旧管网: an age that defines a group (but 经营逾20年的台商 is his time)
    if unit == "晚" and after.startswith(("上", "会", "间", "饭", "餐", "报", "年", "期")):
        return None  # 晚上, 晚会: evening words; 连续3晚 counts nights
    if unit == "元" and any(
        r.start() <= start < r.end() for r in EXCHANGE_RATE.finditer(text, max(0, start - 12), m.end() + 12)
    ):
        return None  # 以1元人民币兑4.39元新台币计算: an exchange rate, not an amount
    if _bounds_a_group(text, m, before):
        return None  # 过十亿元的项目有三十一个, 超过人民币1亿元的有31家: the bound of what is counted
    if unit == "位" and after.startswith("数"):
        return None  # 两位数增长: double-digit growth
    if unit == "套" and after.startswith("班子"):
        return None  # 四套班子: the county's four leading bodies, a name
    if unit == "次" and before.endswith("连续") and CONDITION_OF.match(after):
        return None  # 连续两次考核不合格的: a condition that defines a group
    if (unit in TIME_UNITS or unit in ("秒", "分", "分钟")) and RATE_WITHIN.match(after):
        return None  # 信访7日内程序回复率: the time limit a rate is named by
    if unit == "门" and is_cn and not after.startswith(("课", "学科", "专业", "功课", "技术")):
        return None  # 一门心思, 五门; 开设三门课程 counts courses
    if num.isdigit() and len(num) >= 5 and ("热线" in after or before.endswith(("拨打", "致电", "热线"))):
        return None  # 拨打12333人社服务热线: a hotline's number
    if unit in ("组", "队", "社") and before.endswith(("村", "社区", "居委会", "街")):
        return None  # 桐坪社区二组: a village group's number, part of an address
    unitless_rate = (
        not unit
        and (RATE_CONTEXT.search(text, max(0, start - 20), start) or PER_BASE_AFTER.match(text, m.end()))
        and not m.group("scale")
        and not _is_code(num)
    )
    if not unit and not unitless_rate:
        # kept for now only if a list lends it a unit (分别增长1.2、1.3和5.6个百分点); see _share_units
        if is_cn:
            return None
        own = m.group("scale") or ""
        if own and (RANGE_AFTER.match(text, m.end()) or LIST_AHEAD.match(text, m.end())):
            return Found(
                start, m.end(), value, "", None, label="\0unitless", num_start=start, scale=own
            )  # 1.2万—1.5万元, 分别为3.4万、1.1万张
        return Found(start, m.end() - len(own), value, "", None, label="\0unitless", num_start=start)
    if unit == "岁" and (
        after.startswith(
            ("以上", "以下", "及以上", "或以上", "至", "-", "—", "周岁", "人口", "的人口", "组", "段")
        )
        or AGE_BAND_BEFORE.search(before)
    ):
        return None  # 60岁以上老年人, 18至35岁: an age band defines a group (达到82.47岁 is an age)
    if (
        unit == "年"
        and after.startswith(("以上", "以下"))
        and "\u4e00" <= after[2:3] <= "\u9fff"
        and not YEAR_OK_BEFORE.search(before)
    ):
        return None  # 5年以上首套住房贷款利率: a term that defines a kind of loan (连续5年以上 is a duration)
    if unit not in ("%", "‰") and (
        after.startswith(
            ("以上的", "以下的", "以上企业", "以上规模", "以上工业", "及以上", "及以下", "或以上", "或以下")
        )
        or (GROUP_AFTER.match(text, m.end()) and not _counts_what_follows(unit, text, m.end()))
        or THRESHOLD_AFTER.match(text, m.end())
        or (
            before.endswith(("超过", "超", "逾", "不足", "不到"))
            and (
                THRESHOLD_OF.match(text, m.end())
                or GROUP_OF.match(text, m.end())
                or BOUND_GROUP.match(text, m.end())
            )
        )
    ):
        return None  # a threshold that defines a group, not a quantity (but 95%以上的事项 is a share)
    if BETWEEN_GROUP.match(text, m.end()):
        return None
    if unit in ("%", "‰") and after.startswith(("人口抽样", "人口变动抽样", "抽样调查")):
        return None  # 全国1‰人口变动抽样调查: the name of a survey
    if (
        unit in ("%", "‰")
        and before.endswith(("低于", "高于", "不足", "不到"))
        and BOUNDED_COUNT.match(text, m.end())
    ):
        return None  # 满意率低于90%的3个镇街: the bound of the group that is then counted
    # a Chinese numeral carries its own 万/千, except after 余/多 (一千二百余万元)
    # (but not 三点六亿元, whose decimals end the numeral before the 亿)
    # (the bare 百/千/万 carries none: 逾百万人次 is a million)
    own_scale = is_cn and not m.group("inf") and "点" not in num and num not in ("百", "千", "万")
    scale = "" if own_scale else (m.group("scale") or "")
    if two_scales:
        scale = ""
    value = scaled(value, scale)
    approx = "over" if m.group("inf") or m.group("inf2") or vague else None
    if m.group("inf") == "来":
        approx = "about"  # 一千二百来户, 1300来斤: round about that many
    tail = PER_UNIT.match(after)
    rest = after[tail.end() :] if tail else after  # 1,180吨/日以内
    # (a vague count is at least its lower number, whatever word goes before: 大概有三四百家)
    approx = ("over" if vague else None) or _prefix_approx(before) or approx or suffix_approx(rest)
    if approx is None and unit == "%":
        share = SHARE_BOUND.search(text, max(0, start - 24), start)
        approx = _APPROX_KIND.get(share.group(1)) if share else None  # 不超过现状总建筑面积的20%
    if approx is None and unit in TIME_UNITS and rest.startswith("内") and not rest.startswith("内容"):
        approx = "under"  # 2小时内响应
    if approx is None and (unit in TIME_UNITS or unit == "倍") and rest.startswith("多"):
        approx = "over"  # 连续四年多, 增长了一倍多
    if approx is None and num in ("百", "千", "万") and before.endswith("上"):
        approx = "over"  # 上百场, 上千人: a hundred and more
    unit_span = (m.start("unit"), m.end("unit")) if m.group("unit") else None
    end = m.end()
    dimes = DIMES_AFTER.match(text, end) if unit == "块" else None
    if unit == "块" and (
        after.startswith("钱")
        or SPOKEN_MONEY.search(text, clause_start(text, start), start)
        or (
            after[:1] in MONEY_FOLLOWS  # 才两块一 (but 三块地 counts plots)
            and MONEY_IN_SENTENCE.search(text, *_sentence_span(text, start))
        )
        or PRICE_AFTER.match(text, dimes.end() if dimes else end)
        or SAID_PRICE.match(text, end)  # 五十九块九，十斤: the tenths said after 块 make it a price
        or PRICE_RANGE_BEFORE.search(before)  # 两块五到三块: the other end of a price
    ):
        unit, unit_span = "元", None  # spoken yuan (三万多块): money is in 元; 3块地 counts plots
        if dimes:  # 五十九块九, 一块一毛多: and its tenths
            value += _number(dimes.group(1)) / 10
            end = dimes.end()
            approx = "over" if dimes.group(2) else approx
        elif text.startswith("多", end):
            approx = "over"  # 三块多一斤
    if unit in ("个百分点", "百分点") or (unit == "个" and POINTS_AHEAD.match(text, m.end())):
        unit = "pp"  # (分别上升0.4个和1.1个百分点: the first 个 is of points too)
    quote_start = start
    currency = CURRENCY_BEFORE.search(before) if unit == "元" else None
    if currency:  # 新台币175亿元: yuan of another currency, named before the number
        quote_start = start - len(currency.group())
        unit, unit_span = currency.group(), (quote_start, start)
        approx = approx or _prefix_approx(text[max(0, quote_start - 6) : quote_start])  # 约新台币…
    months = MORE_THAN_MONTHS.match(text, end) if unit in ("个", "個") else None
    if months:  # 两个多月: over two months, 多 said between the measure word and the unit
        unit, unit_span, end, approx = "个" + months.group(1), None, months.end(), "over"
    return Found(quote_start, end, value, unit, unit_span, approx=approx, scale=scale, num_start=start)


def _number(raw: str) -> Decimal | None:
    """A number written in Arabic digits or in Chinese numerals."""
    return _maybe_ar(raw) if raw[0].isdigit() else chinese(raw)


def _counts_what_follows(unit: str, text: str, at: int) -> bool:
    """Whether the group after 以上 is what the number counts (12万户以上农户)."""
    group = text[at + 2 : at + 6]  # after 以上
    return any(group.startswith(noun) for noun in COUNTED_BY.get(unit, ()))


def _unitless_may_stay(text: str, m: re.Match) -> bool:
    """A number printed without a unit is kept only if it may be a rate (万人发案率11.43, its
    change or a from-to of it) or the first of a list whose last member prints the unit
    (分别增长1.2、1.3和5.6个百分点): the same tests _share_units makes later, made early."""
    if m.group("inf"):
        return True
    if MONTH_RANGE.match(text, m.end()) or text.startswith(("月", "日"), m.end()):
        return False  # 降幅比1至4月收窄, 增速比6月末回落: a month (or the first of a period)
    start = m.start()
    own = m.group("scale") or ""
    end = m.end() - len(own)
    if _opens_change(text, start) and _TO_AHEAD.match(text, end):
        return True  # 由5.6缩短至3.9个工作日: the old end of a change, in the new end's unit
    if PER_BASE_AFTER.match(text, end):
        return True  # 孕产妇死亡率控制在10/10万以下: a rate per 100,000
    return bool(LIST_AHEAD.match(text, end) or (own and LIST_AHEAD.match(text, m.end()))) or _may_be_rate(
        text, start
    )


def _may_be_rate(text: str, start: int) -> bool:
    """Whether a number printed without a unit at `start` reads as a rate: after a rate's name
    (万人发案率11.43), as either end of its change (由52.7下降到38.2), or as its change
    (万人成讼率42.17，环比下降3.08)."""
    return bool(
        RATE_CONTEXT.search(text, max(0, start - 20), start)
        or (not text[:start].strip() and RATE_NAMED_AFTER.match(text, start))
        or RATE_FROM.search(text, max(0, start - 20), start)
        or RATE_TO.search(text, max(0, start - 20), start)
        or RATE_CHANGE.search(text, max(0, start - 24), start)
    )


def _chinese_ok(text: str, m: re.Match, unit: str, before: str, after: str) -> bool:
    num = m.group("num")
    if not unit and not m.group("inf"):
        return False
    if before.endswith(("”", "》", "」", "’", '"')):
        return False  # “人、法、德、理、事”五字法: a count of a slogan's own parts
    if RHETORIC_AFTER.match(text, m.end()) and unit in ("个", "项", "篇", "大", "种", ""):
        return False
    if unit == "个" and RHETORIC_AFTER.match(text, m.end()):
        return False
    if after[:1] in OPEN_QUOTES:
        return False  # 两个“百分之百”: the count is part of a slogan's name
    if LIST_NAME_AFTER.match(text, m.end()):
        return False  # 十件民生实事: the name of the year's list of projects, not a count
    if STRUCTURE_AFTER.match(text, m.end()):
        return False  # 采取了三项措施：一是……: a count of the report's own list
    if num == "一" and after.startswith("一"):
        return False  # 一周一调度, 一户一档: one per week, one file per household
    if (
        num == "一"
        and unit not in ("个月", "个工作日", "小时", "个小时", "天", "年", "周", "倍", "番")
        and not (unit in ONE_BUILT and after[:1] and after[:1] in "，。；、")
        and not before.endswith(("仅有", "只有", "仅", "只"))
    ):
        # 一 alone is an article (一种, 一批, 不漏一人), not a count; 新建幼儿园一所。 and 仅有一名 are one
        return False
    if num in ("一", "十") and unit == "年" and not YEAR_OK_BEFORE.search(before):
        return False
    return not (unit in ("名", "位") and before.endswith(("前", "后", "第", "排名")))


def value_is_round(num: str) -> bool:
    return bool(re.fullmatch(r"10+", num))


ROC_PERIOD_AFTER = re.compile(
    r"[上下]半年|同期|全年|第?[一二三四1-4]季|前[一二三]季|\d{1,2}\s*[至\-~－—]\s*\d{1,2}\s*月"
)


def _year_ok(num: str, is_cn: bool, before: str, after: str, m: re.Match) -> bool:
    if after.startswith(
        ("代", "度", "级", "底", "初", "末", "中", "来", "以来", "前", "后", "内", "里", "间", "起", "之")
    ):
        return False
    if before.endswith("民国") or re.match(r"\d{1,2}月", after):
        return False  # 民国112年 is 2023 counted from 1912; 112年8月 a month of that year
    if re.fullmatch(r"1\d\d", num) and ROC_PERIOD_AFTER.match(after):
        return False  # 113年上半年, 112年同期, 113年1至6月: a period of a year so counted
    if not is_cn:
        digits = num.replace(",", "")
        if "." not in digits and len(digits) == 4 and 1900 <= int(digits) <= 2100:
            return False
        return not ("." not in digits and len(digits) == 2 and before[-1:] in ("-", "—", "~", "至", "到"))
    if after.startswith(("翻番", "翻一番", "翻了一番")):
        return True  # 两年翻番: doubled in two years
    return bool(YEAR_OK_BEFORE.search(before)) or bool(m.group("inf"))


def _tier_ok(text: str, m: re.Match, is_cn: bool, after: str) -> bool:
    if not is_cn or m.group("num") not in ("二", "两", "三", "四", "五"):
        return False
    if TIER_AFTER.match(after):
        return True
    if LEVEL_RUN.search(text, max(0, m.start() - 8), m.start()):
        return True  # 县乡两级, 市县乡三级: the levels named together right before
    if text[m.start() - 1 : m.start()] == "、":
        return False  # 三级医院3家、二级医院5家: a grade that starts the next item of a list
    listed = LISTED_BEFORE.search(text, max(0, m.start() - 30), m.start())
    if listed and len(listed.group().split("、")) != TIER_COUNT[m.group("num")]:
        return False  # 到省、市三级医院进修: two places named, so 三级 is the hospitals' grade
    return "、" in text[max(0, m.start() - 12) : m.start()] and not after.startswith(("勤务", "响应", "预警"))


# words between an approximation and its number (约合, 大概是, 超过了)
_APPROX_FILLER = re.compile(r"(?:了|达|共|共计|累计|总计|合计|为|是|有|分别|受众|占|需要|需|合)$")
_APPROX_WORD = re.compile(
    r"(?:不超过|不高于|不少于|不低于|将近|差不多|接近|大约|大概|超过|突破|不足|不到|低于|约|近|逾|超|过)$"
)
_APPROX_KIND = dict(PREFIX_APPROX) | {
    "过": "over",
    "不超过": "under",
    "不高于": "under",
    "不少于": "over",
    "不低于": "over",
}
_NOT_OVER = ("通过", "经过", "不过", "超过", "度过", "越过", "错过")


# a bound on a share, said before what the share is of (不超过现状总建筑面积的20%)
SHARE_BOUND = re.compile(r"(不超过|不高于|不少于|不低于|超过|不足|不到)[^，。；：,;:\d]{1,14}的$")
_AT_LEAST = re.compile(r"至少[\u4e00-\u9fff]{0,2}$")  # 至少3次, 每月至少巡查两次
# 约 ending a word that is no approximation: 家庭医生签约21.6万人
_NOT_ABOUT = ("签约", "节约", "预约", "履约", "违约", "合约", "契约", "制约", "特约", "公约", "缔约", "解约")
_APPROX_CHAR = re.compile(r"[超高少低近约逾过破足到多概]")


def _prefix_approx(before: str) -> str | None:
    """over / nearly / about / under from the words just before a number (超过3000, 近百)."""
    if not _APPROX_CHAR.search(before):
        return None  # the cheap test first: most numbers have no approximation word before them
    trimmed = _APPROX_FILLER.sub("", before)
    m = _APPROX_WORD.search(trimmed)
    if m is None:
        return "over" if _AT_LEAST.search(before) else None
    word = m.group()
    if word == "过":
        return None if trimmed.endswith(_NOT_OVER) else "over"  # 过万人次
    if word == "近" and trimmed.endswith(("最近", "附近")):
        return None
    if word == "约" and trimmed.endswith(_NOT_ABOUT):
        return None
    return _APPROX_KIND[word]


def _is_code(num: str) -> bool:
    digits = num.replace(",", "")
    return digits.startswith("0") and len(digits) > 1 and "." not in digits or len(digits) >= 9


_QUOTE_CHARS = re.compile("[" + re.escape("".join(OPEN_QUOTES) + "".join(OPEN_QUOTES.values())) + "]")


def _quoted_regions(text: str) -> list[tuple[int, int, str]]:
    """(start, end, opener) of quoted stretches, for telling names and slogans from statements."""
    regions = []
    stack: list[tuple[str, int]] = []
    for m in _QUOTE_CHARS.finditer(text):
        i, ch = m.start(), m.group()
        if stack and ch == OPEN_QUOTES[stack[-1][0]]:
            opener, at = stack.pop()
            regions.append((at + 1, i, opener))
        elif ch in OPEN_QUOTES:
            stack.append((ch, i))
    return regions


# what ends the name of a place, a scheme or a campaign: a longer quote ending so is still a name
# (“15分钟品质文化生活圈”, “24小时政务服务自助区”), not a statement
NAME_END = re.compile(
    r"(?:圈|区|站|中心|工程|行动|计划|平台|体系|模式|品牌|机制|工作法|基地|专区|窗口|驿站)$"
)


# a quote that says a number was reached is a statement, not a name (“半年过1300亿元”)
REACHED = re.compile(r"(?:过|超|破|突破|达|达到|超过|逾)$")


def _inside_short_quote(pos: int, quotes, text: str) -> bool:
    for a, b, opener in quotes:
        if a <= pos < b:
            if opener == "《":
                return True
            if REACHED.search(text, a, pos):
                return False
            if b - a <= 10:
                return True
            quoted = text[a:b]
            if b - a <= 16 and NAME_END.search(quoted) and not CLAUSE_END.search(quoted):
                return True
    return False


def _special_forms(text: str, quotes) -> list[Found]:
    found: list[Found] = _two_scales(text, quotes) if ("万" in text or "亿" in text) else []
    if "）：" in text or "):" in text or "）:" in text:
        found += _unit_before_colon(text)
    if not ("分之" in text or "成" in text or "半" in text or "亿" in text):
        return found  # most paragraphs: no fraction, tenths, half or spoken money to look for
    for m in SPOKEN_YI.finditer(text):
        raw = m.group("num")
        value = _number(raw)
        if value is not None and not _inside_short_quote(m.start(), quotes, text):
            approx = "over" if m.group("more") or m.group("more_after") else None
            found.append(
                Found(
                    m.start(),
                    m.end(),
                    value * 100_000_000,
                    "元",
                    None,
                    approx,
                    scale="亿",
                    num_start=m.start(),
                )
            )
    for m in FRACTION.finditer(text):
        den, num = (
            chinese(m.group("den")) or _maybe_ar(m.group("den")),
            chinese(m.group("num")) or _maybe_ar(m.group("num")),
        )
        if den and num is not None and not _inside_short_quote(m.start(), quotes, text):
            found.append(
                Found(m.start(), m.end(), fraction_percent(num, den), "%", None, num_start=m.start())
            )
    for m in PERCENT_CN.finditer(text):
        raw = m.group("num")
        value = _maybe_ar(raw) if raw[0].isdigit() else _cn_decimal(raw)
        if value is not None and not _inside_short_quote(m.start(), quotes, text):
            found.append(Found(m.start(), m.end(), value, "%", None, num_start=m.start()))
    for m in list(TENTHS.finditer(text)) + list(TENTHS_BECOME.finditer(text)):
        previous = text[max(0, m.start() - 1) : m.start()]
        if _inside_short_quote(m.start(), quotes, text) or previous in ("”", "第"):
            continue
        value = _number(m.group("num"))
        if value is not None:
            half = 5 if m.groupdict().get("half") else 0  # 一成半 is 15%
            tenth = _number(m.group("tenth")) if m.groupdict().get("tenth") else 0  # 九成五 is 95%
            found.append(Found(m.start(), m.end(), value * 10 + half + tenth, "%", None, num_start=m.start()))
    for m in VAGUE_TENTHS.finditer(text):  # 七八成: at least seven tenths
        low, high = chinese(m.group("low")), chinese(m.group("high"))
        if low is not None and high == low + 1 and not _inside_short_quote(m.start(), quotes, text):
            found.append(Found(m.start(), m.end(), low * 10, "%", None, "over", num_start=m.start()))
    for m in AND_A_HALF.finditer(text):  # 两个半小时, 4个半月
        whole = _number(m.group("num"))
        if whole is not None and not _inside_short_quote(m.start(), quotes, text):
            unit = "个" + m.group("unit")
            found.append(Found(m.start(), m.end(), whole + Decimal("0.5"), unit, None, num_start=m.start()))
    for m in HALF.finditer(text):
        if not _inside_short_quote(m.start(), quotes, text):
            found.append(Found(m.start(), m.end(), Decimal(50), "%", None, num_start=m.start()))
    for m in HALF_UNIT.finditer(text):
        if GROUP_AFTER.match(text, m.end()) or text.startswith(("以上的", "以下的"), m.end()):
            continue  # 居住半年以上的人口: a bound that defines who is counted
        if m.group("unit") == "年" and (m.start() == 0 or text[m.start() - 1] in "，。；：！？“‘「\n"):
            continue  # 半年看成绩，全年看干劲: the half-year as a clause's topic, no duration
        if not _inside_short_quote(m.start(), quotes, text):  # 压缩至半个工作日
            found.append(
                Found(
                    m.start(), m.end(), Decimal("0.5"), m.group("unit"), m.span("unit"), num_start=m.start()
                )
            )
    for k, f in enumerate(found):
        before = text[max(0, f.start - 6) : f.start]
        after = text[f.end : f.end + 3]
        approx = _prefix_approx(before) or suffix_approx(after)
        if not approx and after.startswith(("多", "余")):
            approx = "over"  # 占三分之一多
        if not approx and re.search(r"(?:大约|约)占", text[clause_start(text, f.start) : f.start]):
            approx = "about"  # 约占……的三分之二
        if approx:
            found[k] = replace(f, approx=approx)
    return found


def _maybe_ar(s: str) -> Decimal | None:
    try:
        return arabic(s)
    except Exception:  # noqa: BLE001 - not an Arabic number
        return None


def _cn_decimal(s: str) -> Decimal | None:
    if "点" in s:
        whole, _, frac = s.partition("点")
        w = chinese(whole)
        digits = "".join(str(chinese(c)) for c in frac if chinese(c) is not None)
        return Decimal(f"{w}.{digits}") if w is not None and digits else None
    return chinese(s)


# --- lists, shared units, change ---------------------------------------------------------------


def _share_units(text: str, found: list[Found]) -> list[Found]:
    """A unitless number joined by 、/和/至 to a number with a unit takes that unit
    (分别增长1.2、1.3和5.6个百分点; 3至5天). Unitless numbers that get no unit and are not rates go."""
    out = list(found)
    for i in range(len(out) - 1, -1, -1):
        f = out[i]
        if f.label != "\0unitless":
            continue
        nxt = out[i + 1] if i + 1 < len(out) else None
        joined = nxt is not None and nxt.unit and nxt.label != "\0unitless"
        if joined and (CHAIN_SEP.match(text[f.end : nxt.num_start]) or _old_end_of(text, f, nxt)):
            scale = f.scale or nxt.scale
            value = scaled(f.value, scale) if scale else f.value
            out[i] = replace(f, unit=nxt.unit, unit_span=nxt.unit_span, label="", scale=scale, value=value)
        elif _may_be_rate(text, f.start) and not _is_code(text[f.start : f.end]):
            out[i] = replace(f, label="")
        else:
            out[i] = None  # type: ignore[call-overload]
    return [f for f in out if f is not None]


def _old_end_of(text: str, f: Found, nxt: Found) -> bool:
    """Whether the bare number f is the old end of a change whose new end nxt prints the unit
    (平均办理时长由5.6缩短至3.9个工作日)."""
    gap = text[f.end : nxt.num_start]
    return (
        _opens_change(text, f.num_start)
        and _TO_GAP.fullmatch(gap) is not None
        and any(w in gap for w in (*DECREASE, *INCREASE))
    )


# an infographic's line: the number first, then the rate it is (19.4 每万人刑事案件立案数)
RATE_NAMED_AFTER = re.compile(r"[\d.]+\s+[\u4e00-\u9fff]{2,16}(?:率|指数|系数|数)$")
# 比由去年同期的1.39缩小至1.37, 收入比由2020年的2.18缩小到2.09
_RATE_WAS = r"(?:(?:上年|去年|(?:19|20)\d\d年(?:末|底)?)(?:同期)?|原来|原本)?"
RATE_FROM = re.compile(r"(?:率|数|指数|系数|比)(?:由|从)" + _RATE_WAS + r"的?$")
RATE_TO = re.compile(
    r"(?:率|数|指数|系数|比)(?:由|从)"
    + _RATE_WAS
    + r"的?[\d.]+(?:下降|上升|提高|降低|减少|增加|缩小|扩大|降|升)"
    r"(?:到|至|为)$"
)


# Weather readings are not figures (ANNOTATION.md): a sentence about temperature, rain or wind.
WEATHER = re.compile(
    r"气温|降水|降雨|降雪|气象条件|风力(?=\s*(?:达到?|为|约)?\s*[\d一二三四五六七八九十])|相对湿度|日照时数|"
    r"[东南西北]风\d"
)
# 较常年偏多一成: a departure from the climate normal; 增加降水约4600万吨: rain made, not measured
NORMAL_DEPARTURE = re.compile(r"常年|偏多|偏少|偏高|偏低")
WEATHER_MADE = re.compile(r"增加|人工|作业")
# the units a weather reading is given in (a count of anything is no reading)
WEATHER_UNITS = {
    "",
    "毫米",
    "厘米",
    "米",
    "℃",
    "°C",
    "摄氏度",
    "度",
    "%",
    "‰",
    "pp",
    "小时",
    "个小时",
    "级",
    "天",
    "日",
    "米/秒",
    "公里/小时",
    "百帕",
}


def _weather_reading(text: str, f: Found) -> bool:
    """Whether a figure reads the weather (年日照时数1,850小时; 年降水量……，较常年偏多一成): its
    own clause names a weather measure, or departs from the normal in a sentence about one."""
    if f.unit not in WEATHER_UNITS:
        return False  # 降水预报服务18次, 强降雨造成9个乡镇受灾: counts of what the weather brought
    clause = text[clause_start(text, f.num_start) : f.num_start]
    if WEATHER_MADE.search(clause):
        return False
    if WEATHER.search(clause):
        return True
    return bool(NORMAL_DEPARTURE.search(clause)) and bool(WEATHER.search(_sentence_of(text, f.start)))


_SENTENCE_MARK = re.compile(r"[。！？!?；;\n]")


def _sentence_so_far(text: str, start: int, end: int) -> str:
    """text[start:end] from its last sentence stop on: what the sentence has said before `end`."""
    start = max(0, start)
    return text[max((m.end() for m in _SENTENCE_MARK.finditer(text, start, end)), default=start) : end]


def _sentence_of(text: str, pos: int) -> str:
    start = max((m.end() for m in _SENTENCE_MARK.finditer(text, 0, pos)), default=0)
    end = _SENTENCE_MARK.search(text, pos)
    return text[start : end.start() if end else len(text)]


def _with_change(text: str, f: Found) -> Found:
    begin = clause_start(text, f.num_start)
    ctx = text[begin : f.num_start]
    if f.unit in ("%", "‰", "pp") and ctx[-1:] in ("+", "-") and _is_sign(text, f.num_start - 1):
        # a signed cell (增值税　58216万元　103.5%　+8.7%) is a change by its sign
        change = "increase" if ctx.endswith("+") else "decrease"
        return replace(f, change=change, start=f.num_start - 1)
    # 增长-8.7%, 增长负8.7%: a sign; but 减负 (easing burdens) ends in 负 too
    negative = ctx.endswith("-") or (
        ctx.endswith("负") and not ctx.endswith(("减负", "担负", "负负", "肩负"))
    )
    if negative:
        ctx = ctx[:-1]
        if NEGATIVE_GROWTH_RATE.search(ctx):  # 人口自然增长率为-1.2‰: a fall
            return replace(f, change="decrease", start=_signed_start(text, f))
    direction, verb_end = _last_verb(ctx)
    if direction is None and f.unit in TIME_UNITS:
        saved = TIME_SAVED.search(ctx)
        if saved:  # 为企业节省前期时间约4个月: the time a step takes fell by that much
            direction, verb_end = "decrease", saved.end()
    arrow = ARROW_BEFORE.search(ctx)
    if arrow and (arrow.group(1) in "↑↓" or f.unit in ("%", "‰", "pp")):
        # ↑15.6%, （↓8.2个百分点）: an infographic's arrow says the direction (a ▲ before a count is
        # more often a bullet: ▲3个重点项目集中开工)
        direction, verb_end = ARROWS[arrow.group(1)], len(ctx)
    if (
        direction is None
        and ctx.endswith(("改善", "改善了"))
        and POLLUTION_MEASURE.search(_sentence_so_far(text, f.start - 40, f.start))
    ):
        direction, verb_end = "decrease", len(ctx)  # a concentration or pollution index that "improves" falls
    if direction is None and f.unit in ("%", "‰", "pp"):
        said = CHANGE_SAID_AFTER.match(text, f.end)
        if said:  # 录得-2.3%的增长, 实现8%的增幅: the change named after its size
            direction, verb_end = CHANGE_SAID_AFTER_DIRECTION[said.group(1)], len(ctx)
    held = ctx.endswith(
        ("幅控制在", "幅保持在", "速控制在", "速保持在")
    )  # 涨幅控制在3.5%以内: a rise held under a bound
    pulled = _PULLED.search(ctx)
    if pulled:  # 拉低全县规上工业增加值增速0.4个百分点: the verb acts on a rate, which names 增 itself
        direction, verb_end = _DIRECTION[pulled.group(1)], len(ctx)
    elif direction is not None and ctx[verb_end - 1] in "多少" and _ends_at(_MORE_THAN.search(ctx), verb_end):
        verb_end = len(ctx)  # 较去年同期多接种2100人: more (or fewer) done than the baseline
    if f.unit == "番":
        direction, verb_end = "increase", len(ctx)  # 翻了一番: doubled
    if direction is not None and not held and not FILLERS.match(ctx[verb_end:]):
        # 压减一般性支出10%, 降低企业用能成本5%: a verb, what it acts on, then by how much
        verbs = TRANSITIVE if f.unit in ("%", "pp") else TRANSITIVE_AMOUNT
        if not _VERB_OBJECT.fullmatch(ctx, verb_end) or ctx[verb_end - 2 : verb_end] not in verbs:
            direction = None
    if direction is None and f.unit == "倍" and MULTIPLE_OF.search(ctx) and f.value > 1:
        return replace(f, change="increase", basis="baseline")  # 出口额是去年同期的1.5倍
    if direction is None:
        return f
    if _improved_not_risen(text, f, ctx[verb_end - 2 : verb_end]) and not COMPARED_BEFORE.search(
        ctx, 0, verb_end - 2
    ):
        return f  # (较上年提高5.2户 compares with a baseline: a rise)
    start = f.start
    if negative and direction == "increase":
        direction = "decrease"  # 增长-8.7%: a fall of 8.7%, quoted with its sign
        start = _signed_start(text, f)
    basis = _basis(_sentence_so_far(text, begin - 30, f.num_start))  # said in the same sentence
    return replace(f, change=direction, basis=basis, start=start)


def _improved_not_risen(text: str, f: Found, verb: str) -> bool:
    """Whether the verb names what was improved, not the size of a rise: the buildings of 实施农房
    风貌提升480栋, the people of 提升4.6万人饮水保障水平 (a noun follows them)."""
    if f.unit in IMPROVED_THINGS and verb in ("提升", "提高", "改善"):
        return True
    return (
        f.unit in IMPROVED_PEOPLE
        and verb in ("提升", "提高", "改善", "保障")
        and re.match(r"[\u4e00-\u9fff]", text[f.end : f.end + 1]) is not None
    )


# An amount that bounds a class of things counted, not an amount reached:
# 过 before a class of projects or firms (过十亿元的项目, 营业收入过百亿元的龙头企业; 超过, 通过,
# 经过, 不过 are other words), or a word of 'more than' before the count of what passes it
# (超过人民币1亿元的有31家, 投资额超过1亿元的项目有6个; 完成超过100亿元的投资 is an amount).
THRESHOLD_REACHED = re.compile(r"(?<![超通经不])过$")
GROUP_NOUN_AFTER = re.compile(r"的?[\u4e00-\u9fff]{0,4}?(?:项目|企业|集群|产业|楼宇|园区|村)")
OVER_BEFORE = re.compile(r"(?:超过|超|高于|大于|逾)(?:人民币|新台币|港币)?$")
GROUP_COUNT_AFTER = re.compile(r"(?:以上)?的[\u4e00-\u9fff]{0,6}?有\s*[\d一二两三四五六七八九十]")


def _bounds_a_group(text: str, m: re.Match, before: str) -> bool:
    if THRESHOLD_REACHED.search(before) and GROUP_NOUN_AFTER.match(text, m.end()):
        return True
    return OVER_BEFORE.search(before) is not None and GROUP_COUNT_AFTER.match(text, m.end()) is not None


def _is_sign(text: str, at: int) -> bool:
    """Whether the + or - at `at` is a number's sign standing alone: at a line's or a cell's
    start, or in brackets (not 9+X, not a range's dash)."""
    return at == 0 or text[at - 1] in " \t\u3000\n（(|"


def _signed_start(text: str, f: Found) -> int:
    """Where the quote of a negative figure starts: on its minus sign, when one is printed."""
    return f.start - 1 if text[f.start - 1] == "-" else f.start


def _ends_at(m: re.Match | None, end: int) -> bool:
    return m is not None and m.end() == end


TIME_SAVED = re.compile(r"(?:节省|节约)(?:[\u4e00-\u9fff]{0,6}?时间)?(?=(?:约|近|了|超过|达)?$)")
COMPARED_BEFORE = re.compile(r"[较比](?:上年|去年|年初|上月|上季度)(?:同期|末|底)?$")
POLLUTION_MEASURE = re.compile("浓度|综合指数")  # lower is better: "improved 5%" is a fall

CURRENCY_BEFORE = re.compile(r"(?:新台币|港币|澳门币)$")

# Verbs of change that take an object before the amount (压减一般性支出10%), and that object: a
# few characters with no number, no 的 and no second verb (提高群众满意度 yes, 提高到 no).
TRANSITIVE = {"压减", "压缩", "缩减", "减少", "降低", "精简", "提高", "提升", "增加", "扩大", "拉低", "拉高"}
# before an amount or a count only verbs that never join a noun: 巩固提升资金4260万元 is a fund
# things that are improved (upgraded), never a quantity that rises: 风貌提升480栋
# the words around spoken money: 多收入了三万多块, 每天能挣一百块, 每个月能拿两千多块工资
SPOKEN_MONEY = re.compile(r"收入|挣|赚|卖|花了?|拿|工资|补贴|奖励|给了?|花费|收|省|价|售|买|付")
MONEY_BEFORE = re.compile(r"投资|资金|经费|预算|缺口|攒了|营收|收入|补贴|补助|拨付|投入|花了|花费|费用|款")
MONEY_FOLLOWS = set("多到至左一二两三四五六七八九毛角")
MONEY_IN_SENTENCE = re.compile(r"块钱|元|水费|电费|价格|售价|单价")  # 一方三块钱……才两块一
PRICE_AFTER = re.compile(r"多?[一每](?:斤|箱|盒|袋|份|公斤|千克|个|只|件|单)")  # 三块多一斤
# the tenths after 块 (五十九块九, 一块一毛多): a digit not starting another number or a price's
# base, but before one (二十九块九一箱)
DIMES_AFTER = re.compile(
    r"([一二两三四五六七八九1-9])(?:毛|角)?(多)?"
    r"(?=$|[^\d一二两三四五六七八九十百千万亿个块元年月日天斤箱盒袋份公千只件单]|一[斤箱盒袋份公个只件单])"
)
PRICE_RANGE_BEFORE = re.compile(r"块[一二两三四五六七八九]?[毛角]?[到至~～—-]$")
SAID_PRICE = re.compile(
    r"[一二两三四五六七八九](?:毛|角)?(?=$|[，,。、！？；;：:）)\s到至钱]|一[斤箱盒袋份公个只件单])"
)
IMPROVED_THINGS = {"栋", "幢", "座", "所", "间", "处", "套", "条", "公里", "千米", "户"}
IMPROVED_PEOPLE = {"人", "户", "名", "人次", "户次"}
TRANSITIVE_AMOUNT = {"压减", "压缩", "缩减", "减少", "精简", "增加"}
_VERB_OBJECT = re.compile(r"(?:(?![的了到至为达占比较是在])[\u4e00-\u9fff]){2,12}")

# Every verb of change starting at each position (a lookahead, so overlapping ones are all seen),
# longest first: 增长 before 增.
_VERB_AT = re.compile("(?=(" + "|".join(sorted(DECREASE + INCREASE, key=len, reverse=True)) + "))")
_DIRECTION = {w: "decrease" for w in DECREASE} | {w: "increase" for w in INCREASE}


def _last_verb(ctx: str) -> tuple[str | None, int]:
    """The direction of the verb of change that ends last in ctx, and where it ends."""
    best, best_start, best_end = None, -1, -1
    for m in _VERB_AT.finditer(ctx):
        w = m.group(1)
        at, end = m.start(), m.start() + len(w)
        if (end > best_end or (end == best_end and at < best_start)) and not _inside_not_change(ctx, at, w):
            best, best_start, best_end = w, at, end
    return (_DIRECTION[best], best_end) if best else (None, -1)


def _inside_not_change(ctx: str, at: int, w: str) -> bool:
    """Whether the verb w at `at` is part of a word that states no change (新增, 升级, 减负 ...)."""
    for n in NOT_CHANGE:
        k = ctx.rfind(n, 0, at + len(w) + 2)
        if 0 <= k <= at < k + len(n):
            return True
    return False


def _basis(ctx: str) -> str | None:
    """The basis said nearest before the figure: 同比 (or Hong Kong's 按年), 环比 (按月), or a
    named baseline (比上年, 较年初)."""
    said = last_match(BASIS_WORD, ctx)
    if said is None:
        return None
    word = said.group()
    if word in ("同比", "按年"):
        return "year_on_year"
    return "period_on_period" if word in ("环比", "按月") else "baseline"


# a baseline a change is measured against: 较上年, 比年初, 较上一季度, 比2019年同期
BASELINE = (
    r"[较比](?:上年同期|去年同期|同期|上年末|上年底|去年底|去年末|上年初|年初|上半年|上一?季度|上月|上年度|"
    r"上一年|上年|去年|前一年|(?:19|20)\d\d年(?:同期)?|[一二两三四五六七八九十\d]{1,2}年前)"
)
# a basis word: the year-on-year and period-on-period words, or any named baseline (on the 115
# held-out pages, widening this from a shorter list of baselines changed four figures, all of them
# 较前一年, all of them right)
BASIS_WORD = re.compile(r"同比|环比|按年(?!度)|按月|" + BASELINE)
CHANGE_SAID_AFTER = re.compile(r"的(增长|增幅|涨幅|升幅|下降|降幅|跌幅|减幅)")
CHANGE_SAID_AFTER_DIRECTION = dict.fromkeys(("增长", "增幅", "涨幅", "升幅"), "increase") | dict.fromkeys(
    ("下降", "降幅", "跌幅", "减幅"), "decrease"
)
_PULLED = re.compile(r"(拉低|拉高)[^，,、；。\d]{2,14}(?:增速|增幅|增长)$")
# a baseline, then 多 or 少 and at most a verb of two characters (较去年同期多接种, 比上年少发生)
_MORE_THAN = re.compile(r"(?:" + BASELINE + r")[多少](?=[\u4e00-\u9fff]{1,2}$)")


def last_match(pattern: re.Pattern, text: str) -> re.Match | None:
    """The last of the pattern's matches in text (the one said nearest before what follows)."""
    found = None
    for found in pattern.finditer(text):
        pass
    return found


@lru_cache(maxsize=32)
def _clause_bounds(text: str) -> tuple[int, ...]:
    return tuple(m.end() for m in CLAUSE_END.finditer(text))


def _sentence_span(text: str, pos: int) -> tuple[int, int]:
    """Where the sentence holding pos starts and ends (between the marks 。！？；)."""
    start = max(text.rfind(mark, 0, pos) for mark in "。！？；") + 1
    ends = [at for mark in "。！？；" if (at := text.find(mark, pos)) >= 0]
    return start, min(ends) if ends else len(text)


def clause_start(text: str, pos: int) -> int:
    bounds = _clause_bounds(text)
    k = bisect.bisect_right(bounds, pos) - 1
    return bounds[k] if k >= 0 else 0


# 从25个, 由原来的20个, 由上年的52.7%: the old end of a change, said with 从/由 and an optional
# word for "before" (never a verb: 由区法院受理 is not a change)
_FROM_BEFORE = re.compile(
    r"[从由]首?(?:每人每[月年日天]|每[人户亩月年])?(?:原来|原先|原本|原定|法定|规定|承诺|原|最初|起初|当初|过去|以前|此前|上年|去年|上一年|前年|年初|上月|上季度|月均|日均|年均|[\u4e00-\u9fff]{1,3}前|(?:去年|上年|前年)(?:同期|年?初|年?底|年?末)|\d{4}年(?:初|底|末|同期)?)?(?:的)?"
    r"(?:平均|年均|月均|日均|人均|户均)?(?:只有|仅有|仅)?(?:不足|不到|近|约|超过|逾)?$"
)
FROM_TAIL = re.compile(r"(?:/(?:日|天|年|月|人|户|亩|小时|平方米|立方米))?(?:左右|以上|以下|以内|上下)?")
NEUTRAL_CHANGE = {"调整", "调", "变", "变化", "改", "调控"}
_FROM_TO = re.compile(r"(?:的)?(?P<verb>[\u4e00-\u9fff]{1,3}?)(?:为|到|至|成)")


def _from_to(text: str, found: list[Found]) -> list[Found]:
    """从25个工作日缩短为10个: both ends of a stated change carry its direction, and the second
    takes the first's unit when it prints only part of it."""
    out = list(found)
    for i, f in enumerate(out):
        if not _opens_change(text, f.num_start):
            continue
        tail = FROM_TAIL.match(text, f.end)  # 3万吨/日提高到5万吨/日, 40分钟左右缩短至15分钟
        after = tail.end() if tail else f.end
        m = _FROM_TO.match(text, after) or re.match(
            r"^(?:的)?(?P<verb>缩短|减少|降低|下降|压缩|提高|增加|提升|扩大|上升|增长|降|减|增|升)",
            text[after : after + 4],
        )
        if not m:
            continue
        verb = m.group("verb")
        direction = (
            "decrease"
            if any(verb.startswith(d) or d in verb for d in DECREASE)
            else ("increase" if any(verb.startswith(w) or w in verb for w in INCREASE) else None)
        )
        new_end = _new_end(text, after, out[i + 1]) if i + 1 < len(out) else None
        if direction is None and verb in NEUTRAL_CHANGE and new_end is not None and new_end.value != f.value:
            direction = "decrease" if new_end.value < f.value else "increase"  # 由3.1%调整为2.85%
        if direction is None:
            continue
        out[i] = replace(f, change=direction)
        if new_end is not None:
            lend = bool(new_end.unit) and f.unit.startswith(new_end.unit)
            out[i + 1] = replace(
                new_end,
                change=direction,
                unit=f.unit if lend else new_end.unit,
                unit_span=f.unit_span if lend else new_end.unit_span,
                label=NEW_END,  # labels.label_figures names it as it names the old end
            )
    return out


NEW_END = "\0new end"  # the label of a change's new end until it is named after its old end
_TO_GAP = re.compile(r"(?:的)?[\u4e00-\u9fff]{1,3}?(?:为|到|至|成)(?:现在|现时|目前|如今|当前)?(?:的)?")
_TO_AHEAD = re.compile(_TO_GAP.pattern + r"\d")  # the gap, then the new end's number


def _opens_change(text: str, pos: int) -> bool:
    """Whether the number at pos is the old end of a change (从25个, 由原来的20个, 由上年的52.7%)."""
    return _FROM_BEFORE.search(text, max(0, pos - 10), pos) is not None


def _new_end(text: str, after: int, g: Found) -> Found | None:
    """The figure g when it is the new end of the change whose old end stops at `after`
    (缩短为10个, 调整为2.85%, 扩展至现时的28人), else None."""
    gap = text[after : g.num_start]
    return g if len(gap) <= 9 and _TO_GAP.fullmatch(gap) else None


LIST_GAP = re.compile(r"\s*(?:[、和及与至~～—－]|-(?=\d))\s*(?:逾|超过|近|约|不足)?(?P<minus>-|负)?")


def _propagate_lists(text: str, found: list[Found]) -> list[Found]:
    """分别下降10.7%、12.7%: later members of a 、-list share the first member's change."""
    out = list(found)
    # the direction the list's verb states, before a member's minus sign turned it (增长-3.2%)
    stated = ["increase" if f.change == "decrease" and text[f.start] in "-负" else f.change for f in found]
    for i in range(1, len(out)):
        prev, cur = out[i - 1], out[i]
        gap = (
            LIST_GAP.fullmatch(text, prev.end, cur.num_start) if cur.change is None and prev.change else None
        )
        if gap and gap.group("minus"):
            # 分别增长2.6%和-4.1%: a negative growth rate is a fall, quoted with its sign
            flipped = "decrease" if stated[i - 1] == "increase" else stated[i - 1]
            out[i] = replace(cur, change=flipped, basis=prev.basis, start=cur.num_start - 1)
            stated[i] = stated[i - 1]
        elif gap:
            out[i] = replace(cur, change=stated[i - 1], basis=prev.basis)
            stated[i] = stated[i - 1]
    return out
