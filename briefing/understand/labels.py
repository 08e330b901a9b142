"""Labels: the Chinese words naming what each figure measures (the noun phrase before it, or the
noun a measure word counts after it), and the items of a 、-list that share one verb.

Works on the same normalised paragraph text as figures.find_figures, after it.
"""

from __future__ import annotations

import re

from briefing.understand.figures import BASELINE, NEW_END, Found, clause_start, replace

RANGE_DASHES = {"—", "–", "-", "－", "~", "～", "至", "到", "——"}
_LABEL_TRAIL = re.compile(
    r"(?:分别|同比|环比|按年|按月|" + BASELINE + "(?:[多少][\u4e00-\u9fff]?[\u4e00-\u9fff]?)?|"
    r"累计|共计|总计|合计|共|达到|达|(?<!行)为|是|了|已|(?<![平人户亩日])均|各|约|近|将近|"
    r"接近|超过|超|逾|突破|下降|增长|上升|提高|增加|减少|降低|降至|升至|增至|降到|增到|至|到|占|的|有|仅|"
    r"不足|不到|从|由|自|完成|实现|提升|按照|作为|上涨|下跌|回落|保持在|稳定在|控制在|维持在|保持|稳定|"
    r"[由从](?:上年|去年|原来|原本|原先|过去|最初|年初|法定|原定|规定|承诺|(?:19|20)\d\d年)(?:初|底|末|同期)?的?|差不多|大概|大约|翻了?|增产|减产|[↑↓▲▼]|"
    r"是(?:上年同期|去年同期|上年|去年|前年|上月)的|了上|\s|-)+$"
)
_LABEL_LEAD = re.compile(
    r"^(?:(?:20\d\d年(?:以来|度|全年)?|今年以来|今年|去年|全年|截至目前|截至\S{0,8}?底|截止\S{0,8}?底|目前|当前|"
    r"其中|同时|此外|另外|全区|全县|全市|全院|全局|我区|我县|我院|我局|该院|该局|共|累计|先后|已|一年来|同比|环比|按年|按月|"
    r"\d+月至\d+月|\d+[-—–－]\d+月|\d+月|[上下]半年|前?[一二三四]季度|前三季度|在|对|向|经|通过|依法|积极|共计|仅|将|把|并|且|还|又|再|先后|分别|由|从|为|被|"
    r"实现|完成|据介绍|据悉|据统计|据了解|我们的|我们|准备|按照|根据|依照|作为|年内|当年|较去年|"
    r"较上年|比上年|比去年|各(?![类级种项界族])|“|\")\s*)+"
)
# What is left when a label is only a preposition, verb of saying or function word: no label.
_DANGLING = {
    "上",
    "用",
    "以",
    "按",
    "按照",
    "根据",
    "作为",
    "通过",
    "对",
    "向",
    "为",
    "在",
    "经过",
    "历时",
    "达",
    "约",
    "其中",
    "共",
    "有",
    "准备",
    "准备用",
    "分别",
    "同比",
    "环比",
    "目前",
    "累计",
    "提升",
    "增加",
    "达到",
    "和",
    "及",
    "与",
    "末",
    "年末",
}


# The agency or person doing the counting, at the head of a clause (区法院共受理各类案件 ->
# 受理各类案件): the label is what was counted, not who counted it.
_SUBJECT = re.compile(
    r"^(?:[\u4e00-\u9fff]{0,6}?(?:人民法院|人民检察院|法院|检察院|公安分局|公安局|司法局|信访局|信访办|政法委|"
    r"派出所|法庭|检察室|司法所|综治中心|调解委员会|民警|辅警|网格员|干警|法官|检察官|副校长|律师|志愿者|站点|工作站|服务站))"
    r"(?!队|服务队|团队|协会|之家|工作室)"
    r"(?:共|依法|已|累计|先后|全年|积极|主动|逐户|集中|常态化|上门|还|再)*"
)


def label_figures(text: str, found: list[Found]) -> list[Found]:
    found = [f if (c := _counted(text, f)) is None else replace(f, counted=c) for f in found]
    out = []
    i = 0
    while i < len(found):
        # group a 、-list of figures (刑事类、治安类警情分别下降10.7%、12.7%)
        j = i
        while j + 1 < len(found) and _LIST_JOIN.fullmatch(text, found[j].end, found[j + 1].num_start):
            j += 1
        group = found[i : j + 1]
        head = _noun_phrase(text, group[0], found[i - 1] if i else None)
        items = _split_items(head) if len(group) > 1 else []
        if len(group) > 1 and len(items) == len(group):
            for f, item in zip(group, items):
                out.append(replace(f, label=item))
        else:
            shared = "分别" in _ctx(text, group[0]) or "均" in _ctx(text, group[0])
            # figures labelled before, in the same sentence (asked for only when needed: it is quadratic)
            earlier = (
                [g for g in out if _same_sentence(text, g, group[0])]
                if (shared and not head) or any(f.change for f in group)
                else []
            )
            if shared and not head and len(earlier) >= len(group) > 1:
                # 城镇……42150元，农村……19876元，分别增长7.1%和8.6%: the subjects came before
                for f, subject in zip(group, earlier[-len(group) :]):
                    out.append(replace(f, label=subject.label))
                i = j + 1
                continue
            for k, f in enumerate(group):
                label = head if k == 0 or shared else _noun_phrase(text, f, group[k - 1])
                if not label and f.change and earlier:
                    label = earlier[-1].label  # 生产总值512.3亿元，同比增长6.8%: the change of that level
                if (
                    out
                    and out[-1].label
                    and (f.label == NEW_END or text[out[-1].end : f.num_start].strip() in RANGE_DASHES)
                ):
                    # 平均审理天数由42天缩短至29天, 增产10%—15%: the other end of that measure
                    label = out[-1].label
                out.append(replace(f, label=label))
        i = j + 1
    return out


_QUOTE_MARKS = re.compile(r"[“”\"'‘’「」《》]")
_LIST_JOIN = re.compile(r"\s*[、和及与]\s*[-－]?")
_SENTENCE_STOP = re.compile(r"[。！？!?；;]")


def _same_sentence(text: str, a: Found, b: Found) -> bool:
    return not _SENTENCE_STOP.search(text, min(a.end, b.start), max(a.end, b.start))


def _ctx(text: str, f: Found) -> str:
    return text[clause_start(text, f.num_start) : f.num_start]


# What a measure word counts, when the noun follows it: 下设5个工作组 -> 工作组. It runs to the
# next punctuation, number, particle or verb-like break, and is dropped if it is long.
_COUNTED = re.compile(r"[\u4e00-\u9fff“”]{1,10}")
_COUNTED_STOP = re.compile(
    r"被|已|均|分别|同比|环比|共|等|和|及|与|、|的|是|为|在|(?<!集)中(?![心国华央级小学队])|进行|开展|"
    r"参与|得到|实现|达|占|受到|获得|获|以上|以下|左右|以内|之一|次|从|向|对|全部|全面|基本|"
    r"正在|荣立|荣获|获评|建成|完成|都"
)
_COUNTED_LEAD = re.compile(r"^(?:以上|以下|左右|多|余)")
COUNT_UNITS = {
    "个",
    "项",
    "名",
    "位",
    "家",
    "所",
    "条",
    "篇",
    "支",
    "座",
    "处",
    "批",
    "期",
    "场",
    "套",
    "台",
    "辆",
    "张",
    "份",
    "件",
    "起",
    "宗",
    "人",
    "户",
    "路",
    "组",
    "队",
    "种",
    "级",
}


SINGLE_COUNTED = set("镇乡村县区市省")  # 辖12个镇、3个乡


def _counted(text: str, f: Found) -> tuple[int, int] | None:
    if f.unit not in COUNT_UNITS:
        return None
    m = _COUNTED.match(text, f.end)
    if not m:
        return None
    word = m.group()
    lead = _COUNTED_LEAD.match(word)
    if lead:  # 1个以上有特色的治理示范点: the noun follows the bound
        rest = _COUNTED.match(text, f.end + lead.end())
        word = rest.group() if rest else ""
    of = word.find("的")
    if 0 < of <= 6 and len(word) > of + 1:  # 有特色的治理示范点 -> 治理示范点, the head of the phrase
        rest = _COUNTED.match(text, text.index(word, f.end) + of + 1)
        word = rest.group() if rest else ""
    stop = _COUNTED_STOP.search(word)
    if stop:
        word = word[: stop.start()]
    word = word.strip("“”")
    if (len(word) < 2 and word not in SINGLE_COUNTED) or len(word) > 8:
        return None
    start = text.index(word, f.end)
    return (start, start + len(word))


# marks that open an infographic's line (▲ 新建公路 126公里) or a list's item (②新建驿站5个)
BULLETS = "▲△▼▽■□●○◆◇★☆•·▶►➤→-—– \u3000" + "".join(map(chr, range(0x2460, 0x2474)))


def _noun_phrase(text: str, f: Found, previous: Found | None = None) -> str:
    """The Chinese words naming what a figure measures, from the clause before it: after the
    previous figure or 、-item, without the dates, places and verbs of change around it."""
    begin = clause_start(text, f.num_start)
    if previous is not None and previous.end > begin:
        begin = previous.end
        if previous.counted and previous.counted[1] > begin:
            begin = previous.counted[1]
    phrase = text[begin : f.num_start]
    if begin and text[begin - 1] in "）)" and (previous is None or previous.end <= begin):
        # 地区生产总值（GDP）386.52亿元, 工业企业（年主营业务收入…）达到312家: the words before the
        # parenthesis name the figure
        opening = max(text.rfind("（", 0, begin - 1), text.rfind("(", 0, begin - 1))
        outer = clause_start(text, opening) if opening > 0 else -1
        if (
            0 <= outer < opening
            and (previous is None or previous.end <= outer)
            and not re.search(r"[。；;！？]", text[outer:opening])
        ):
            phrase = text[outer:opening] + phrase
    if "分别" not in phrase and "、" in phrase:
        items = phrase.split("、")
        if len(items) >= 3 and all(len(x) <= 3 for x in items[1:]):
            return ""  # 城南、城西、正阳……9个街道: a list of names, and the noun follows the number
        phrase = items[-1]
    for _ in range(3):
        trimmed = _LABEL_LEAD.sub("", _LABEL_TRAIL.sub("", phrase))
        if trimmed == phrase:
            break
        phrase = trimmed
    phrase = _QUOTE_MARKS.sub("", phrase).strip(" 、").lstrip(BULLETS)
    subject = _SUBJECT.match(phrase)
    if subject and len(phrase) - subject.end() >= 2:
        phrase = _LABEL_LEAD.sub("", phrase[subject.end() :])  # 区法院作为全市… -> no label
    if phrase in _DANGLING:
        return ""
    share = phrase.find("占")
    if len(phrase) > 16 and not (0 < share <= 10 and len(phrase) <= 26):  # X占Y的比重 is kept whole
        phrase = _word_start(phrase, len(phrase) - 16)
    return phrase


def _word_start(phrase: str, cut: int) -> str:
    """The phrase from `cut` on, moved forward past a word the cut would split (高新技术产业产值…
    cut inside 产业 -> 产值…; 城乡居民医保… inside 居民 -> 医保…), as CC-CEDICT segments it."""
    from briefing.english.dictionary import cedict

    words = cedict()
    ends = [
        k
        for j in range(max(0, cut - 3), cut)
        for k in range(cut + 1, min(len(phrase), j + 5) + 1)
        if words.gloss(phrase[j:k])
    ]
    if ends and max(ends) <= len(phrase) - 2:
        cut = max(ends)
    while (
        0 < cut < len(phrase) - 2
        and phrase[cut - 1].isascii()
        and phrase[cut - 1].isalnum()
        and phrase[cut].isascii()
        and phrase[cut].isalnum()
    ):
        cut += 1  # 12368诉讼服务热线…: not "68诉讼…"
    return phrase[cut:]


def _split_items(head: str) -> list[str]:
    items = [p for p in re.split(r"[、和及与]", head) if p]
    if len(items) < 2:
        return items
    last = items[-1]
    # 刑事类、治安类警情: earlier items borrow the head noun the last one spells out after the
    # character they end with (类 -> 警情)
    for k, item in enumerate(items[:-1]):
        at = last.rfind(item[-1])
        if 0 <= at < len(last) - 1 and not item.endswith(last[at + 1 :]):
            items[k] = item + last[at + 1 :]
    return items
