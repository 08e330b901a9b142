"""The layout of a page: which blocks are the article and what part each plays.

Roles: title, byline, breadcrumb, footer, links, tools, credit, chrome (from the HTML structure),
duplicate (a repeated copy of the article), marker (亮点3), heading, agency, caption, question,
answer, body. Chrome keeps its offsets (it is reported as left out) but is not analysed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

BYLINE_KEYS = re.compile(
    r"(时间|日期|发布时间|发布日期|来源|编辑|责任编辑|作者|阅读量|阅读|浏览次数|浏览量|点击数|点击率|"
    r"访问量|访问次数|阅读次数|点击量|字号|文章来源|信息来源|发布机构|撰稿|索引号|文号|发文字号|发文机关|"
    r"主题分类|成文日期|发文日期|公开方式|公开范围|有效性|信息分类)\s*[:：]"
)
# A site's menu: short items between bars (首页 | 政务公开 | 政务服务), or a run of short words
# that starts at 首页 or ends at a portal's own pages.
NAV_BARS = re.compile(r"^[^。，；！？]{1,12}(?:\s*[|｜丨]\s*[^。，；！？|｜丨]{1,12}){2,}$")
# an emoji a WeChat article bullets its lines with (👉, 🔹, ✅)
EMOJI = "[\U0001f300-\U0001faff\u2600-\u27bf\u2b50\u2b55]"
PIPES = re.compile(r"[|｜丨]")
NUMBER = re.compile(r"-?[\d,]+(?:\.\d+)?%?")
NAV_WORDS = re.compile(r"^(?:首页|网站首页)(?:\s+[\u4e00-\u9fff]{2,8}){2,}$")
# A portal's top strip: today's date, weekday and weather (2021年2月26日 星期五 小雨 6℃～11℃)
DATE_STRIP = re.compile(
    r"星期[一二三四五六日天]|周[一二三四五六日]\s|[晴阴雨雪云]\S{0,3}\s*-?\d+\s*[℃°]|\d+\s*[℃°]C?\s*[～~至-]"
)
# the lines of a box drawn round a page's related links (┌─ 延伸阅读 ──, │ · 标题), and blanks
BOX_DRAWING = "".join(map(chr, range(0x2500, 0x2580))) + " \u3000"
# An advertisement in the page (咨询热线400-… 首月仅需99元 名额有限): the page's, not the report's
ADVERT = re.compile(r"咨询热线|咨询电话|报名热线|名额有限|先到先得|限时优惠|首月|立即抢购|点击购买|广告")
PHOTO_CAPTION = re.compile(r"^(?:图为|▲|△|（图|\(图|图片[:：]|摄影[:：]|图/)")
# a ▲ line of an infographic is a measure and its number, not a photo's caption (▲ 新建公路 126公里)
DATA_LINE = re.compile(
    r"^[▲△]\s*[^，。；：！？,;:!?\d]{2,24}?\s*(?:超|近|约|逾)?\d[\d.,]*\s*(?:万|亿)?[\u4e00-\u9fff%‰]{0,4}\s*$"
)
BREADCRUMB = re.compile(
    r"(您?当前(?:的)?位置|您的位置|所在位置|当前页)\s*[:：]?|^首页\s*[>/»›＞→]|^首页\s*[-—]"
)
# a path of three or more short names joined by arrows, with no word before it (某区人民政府 > 新闻中心 > 要闻)
# (an ASCII > only with spaces around it: 政法委<script>alert(1)</script>召开会议 is no path)
_CRUMB_NAME = r"[^，。；：,;<>»›＞→()（）]{1,16}"
PATH_CRUMB = re.compile(_CRUMB_NAME + r"(?:(?:\s+>>?\s+|\s*[»›＞→]\s*)" + _CRUMB_NAME + "){2,}")
# Searched in lower case so that every alternative starts with a fixed character: the regex
# engine then skips ahead to those characters, ten times faster than a case-blind search.
FOOTER = re.compile(
    r"copyright|©|版权所有|icp备|icp证|公网安备|网站标识码|主办单位|承办单位|技术支持|主办\s*[:：]|"
    r"承办\s*[:：]|建议使用.*浏览器|分辨率|网站地图|联系我们|举报电话|违法和不良信息"
)
LINKS_HEAD = re.compile(
    r"^[【\[]?(新闻链接|相关(?:链接|新闻|阅读|文章|访谈|报道|视频|专题|推荐|主题|话题)|延伸阅读|推荐阅读|更多阅读|更多新闻|"
    r"热点推荐|热门推荐|热门文章|精彩推荐|"
    r"上一篇|下一篇|猜你喜欢|热点排行|热门排行|点击排行|阅读排行|排行榜|图片新闻|视频新闻|今日推荐|往期推荐|往期回顾|往期精彩|精彩回顾)[】\]]?\s*[:：]?"
)
# the head of the readers' comments under an article: every line after it is theirs, up to the
# page's own tools or footer
COMMENTS_HEAD = re.compile(
    r"^[【\[]?(?:网友评论|精选留言|全部评论|最新评论|热门评论|网友留言|用户评论|读者评论|评论区|发表评论|我要评论|"
    r"留言板|写留言)[】\]]?\s*(?:[（(]?共?\s*\d+\s*条[）)]?)?\s*[:：]?$"
)


# a WeChat article's topic collections: 收录于合集 #乡村振兴 26个 #人居环境 9个
WECHAT_TOPICS = re.compile(r"^(?:收录于(?:合集|话题)\s*)?(?:#\S+\s*\d+\s*[个篇]\s*)+$")
TOOLS = re.compile(
    r"在线投稿|我要投稿|扫一扫|分享到|打印本页|关闭窗口|【打印】|【关闭】|返回顶部|收藏本页|"
    r"字体[:：]?\s*[大中小]|【字体|\[打印\]|\[关闭\]|热门关键[字词]|热门标签|"
    r"(?:已有|共)\s*\d+\s*人参与|参与投票|投票已结束"  # a poll under a WeChat article
)
CREDIT = re.compile(r"^[（(]?\s*(通讯员|记者|撰稿|供稿|摄影|图/|文/|文图|来源|编辑|审核|责编|校对)[\s:：]")
MARKER = re.compile(r"^(亮点|亮點|看点|看點|亮點)\s*([0-9一二三四五六七八九十]+)\s*[:：]?\s*$")
NUMBERED_1 = re.compile(r"^([一二三四五六七八九十]{1,3})\s*[、.．]\s*(?=\S)")
NUMBERED_2 = re.compile(r"^[（(]\s*([一二三四五六七八九十]{1,3})\s*[）)]\s*(?=\S)")
AGENCY = re.compile(
    r"^(?:[区县市旗州盟]|[\u4e00-\u9fff]{2,6}[区县市旗])?(?:委|人民)?"
    r"(?:委政法委|政法委|政法委员会|人民法院|法院|人民检察院|检察院|公安分局|公安局|司法局|信访办|信访局|"
    r"综治办|综治中心|应急管理局|市场监管局|国家安全局|禁毒办|退役军人事务局|民政局|教委|教育局|卫健委|"
    r"城管局|交巡警支队|交警支队|消防救援支队|消防救援大队|[\u4e00-\u9fff]{1,6}(?:局|委|办|院|中心|支队|大队))$"
)
SENTENCE_PUNCT = re.compile(r"[。！？!?；;]")
QUESTION = re.compile(
    r"[”\"」][^“”\"]{0,40}(提问|问道|发问)\s*[。.]?$|^问\s*[:：]|^(?:[\u4e00-\u9fff]{0,12}记者|提问)\s*[\u4e00-\u9fff]{0,4}\s*[:：]"
)
# Transcripts name each speaker before a colon, on a line of its own (区税务局局长 赵明远：) or at
# the head of what they said (区法院院长王明：今年以来……; 答：……).
OFFICIAL = (
    r"局长|主任|书记|院长|检察长|部长|负责人|发言人|区长|县长|市长|镇长|所长|队长|主席|委员|科长|处长|"
    r"庭长|政委|署长|常委"
)
SPEAKER_LINE = re.compile(r"^(?P<who>[^，。；！？：:“”\"]{2,30}?)\s*[：:]\s*$")
SPEAKER_HEAD = re.compile(
    rf"^(?P<who>[^，。；！？：:“”\"]{{0,24}}?(?:{OFFICIAL})\s*[\u4e00-\u9fff·]{{0,4}})\s*[：:]\s*\S"
)
HOST = re.compile(r"主持人|主持")
ANSWER_HEAD = re.compile(r"^答\s*[：:]")
ANSWER_TAIL = re.compile(r"[”\"]\s*[，,]?\s*([^“”\"]{2,40}?)(?:说|回答|表示|介绍|答道|指出|称)\s*[。，,]?")


@dataclass
class Line:
    index: int  # block index
    text: str  # original (as printed)
    norm: str  # normalised for analysis
    role: str = "body"
    hint: str = ""
    tag: str = ""
    speaker: str = ""  # who says this line, in a transcript (区税务局局长 赵明远)


def assign_roles(lines: list[Line], html_title: str = "") -> None:
    """Give every line its role, in place."""
    _mark_chrome(lines)
    _mark_duplicates(lines)
    _mark_title(lines, html_title)
    _mark_structure(lines)


def _mark_chrome(lines: list[Line]) -> None:
    in_links = in_comments = False
    for k, ln in enumerate(lines):
        t = ln.norm.lstrip(BOX_DRAWING)  # a box drawn round related links: ┌─ 延伸阅读 ──, │ · 标题
        short = len(t) < 200
        if in_comments:
            if not (TOOLS.search(t) or (short and _is_footer(t)) or LINKS_HEAD.match(t)):
                ln.role = "comments"
                continue
            in_comments = False
        if len(t) < 30 and COMMENTS_HEAD.match(t):
            ln.role, in_comments = "comments", True
            continue
        if in_links:
            if _looks_list_item(t):
                ln.role = "links"
                continue
            in_links = False
        if LINKS_HEAD.match(t) and len(t) < 40:
            ln.role, in_links = "links", True
        elif short and len(BYLINE_KEYS.findall(t)) >= 2 or (len(t) < 80 and BYLINE_KEYS.match(t)):
            ln.role = "byline"
        elif short and _is_breadcrumb(t):
            ln.role = "breadcrumb"
        elif (
            _is_menu(t, lines[k + 1].norm if k + 1 < len(lines) else "")
            or _is_advert(t)
            or WECHAT_TOPICS.match(t)
        ):
            ln.role = "chrome"
        elif len(t) < 80 and PHOTO_CAPTION.match(t) and not DATA_LINE.match(t):
            ln.role = "credit"
        elif short and _is_footer(t) and not _is_prose(t):
            ln.role = "footer"
        elif len(t) < 60 and DATE_STRIP.search(t) and not SENTENCE_PUNCT.search(t):
            ln.role = "chrome"
        elif len(t) < 60 and TOOLS.search(t):
            ln.role = "tools"
        elif (
            len(t) < 60
            and CREDIT.match(t)
            and not SENTENCE_PUNCT.search(t[:-1])
            and not t.endswith(("？", "?"))
        ):
            ln.role = "credit"
        elif ln.hint == "chrome":
            ln.role = "chrome"


def _is_footer(t: str) -> bool:
    return FOOTER.search(t.lower()) is not None


def _is_breadcrumb(t: str) -> bool:
    # the cheap tests first: every breadcrumb has one of these words or arrows
    if ("位置" in t or "当前页" in t or t.startswith("首页")) and BREADCRUMB.search(t):
        return True
    return any(c in t for c in ">»›＞→") and PATH_CRUMB.fullmatch(t.strip()) is not None


def _is_menu(t: str, nxt: str = "") -> bool:
    return len(t) < 100 and bool(NAV_BARS.match(t) and not _in_piped_table(t, nxt) or NAV_WORDS.match(t))


def _in_piped_table(t: str, nxt: str) -> bool:
    """A line of names between pipes that is a table's row, not a menu: a cell is a number, or
    the next line has as many cells and numbers among them (製造業｜3,126｜1,284.57)."""
    cells = [c.strip() for c in PIPES.split(t)]
    if any(NUMBER.fullmatch(c) for c in cells):
        return True
    below = [c.strip() for c in PIPES.split(nxt)]
    return len(below) == len(cells) and any(NUMBER.fullmatch(c) for c in below)


def _is_advert(t: str) -> bool:
    return len(t) < 80 and len(ADVERT.findall(t)) >= 2 and not _is_prose(t)


def _is_prose(t: str) -> bool:
    """Sentences, not a strip of fields: a footer word (举报电话, 承办单位) inside a paragraph of the
    article does not make it a footer."""
    clauses = len(re.findall(r"[，,；;、]", t))
    return "。" in t and (len(t) > 80 and clauses >= 3 or len(t) > 30 and clauses >= 2 and t.endswith("。"))


def _looks_list_item(t: str) -> bool:
    return bool(re.match(rf"^(\d{{1,2}}[.、．)]|[•·・･▪▫■□◆◇●○▶►▸▹➤★☆\-*]|{EMOJI})\s*\S", t)) or (
        len(t) <= 40 and not SENTENCE_PUNCT.search(t)
    )


def _mark_duplicates(lines: list[Line]) -> None:
    """A page that prints its article twice: the second copy is a run of blocks each already seen
    (short lines such as 亮点3 ride along inside a run). Runs of three or more repeated blocks, or
    one long repeated paragraph, are left out of the analysis."""
    seen: set[str] = set()
    state = []  # "repeat", "short" or "new"
    for ln in lines:
        key = _squashed(ln.norm)
        if len(key) < 4:
            state.append("short")
        else:
            state.append("repeat" if key in seen else "new")
            seen.add(key)
    i = 0
    while i < len(lines):
        if state[i] != "repeat":
            i += 1
            continue
        j = i
        while j < len(lines) and (state[j] != "new" or lines[j].role != "body"):
            j += 1
        while j > i and state[j - 1] == "short":
            j -= 1  # a short line at the end of a run may start what follows
        run = [k for k in range(i, j) if state[k] == "repeat"]
        if len(run) >= 3 or any(len(lines[k].norm) >= 60 for k in run):
            for k in range(i, j):
                if lines[k].role == "body" or state[k] == "repeat":
                    lines[k].role = "duplicate"
        i = max(j, i + 1)


def _mark_title(lines: list[Line], html_title: str) -> None:
    body = [ln for ln in lines if ln.role == "body"]
    if not body:
        return
    for ln in body:
        if ln.tag == "h1":
            ln.role = "title"
            return
    squashed_title = _squashed(html_title)
    for ln in body[:6]:
        key = _squashed(ln.norm)
        if squashed_title and len(key) >= 6 and (key in squashed_title or squashed_title.startswith(key)):
            ln.role = "title"
            return
    first = body[0]
    if len(first.norm) <= 80 and not re.search(r"[。！？]$", first.norm) or _headline(first.norm):
        first.role = "title"


def _headline(text: str) -> bool:
    """A short first line that asks or exclaims (婺源这个春天有多“火”？一组数据告诉你！) is the
    headline of a news-feed article, not a sentence of its body."""
    return len(text) <= 40 and re.search(r"[！？!?]$", text) is not None and not re.search(r"[。：:]", text)


# a line whose last cell, set apart by a tab or a wide gap, is a number
TABLE_ROW_END = re.compile(r"(?:\t|\u3000|  )\s*-?\d[\d,.]*\s*$")


def _mark_structure(lines: list[Line]) -> None:
    body = [ln for ln in lines if ln.role == "body"]
    expect_heading = False
    after_heading = False
    speaker = ""  # the official who holds the floor in a transcript
    for k, ln in enumerate(body):
        t = ln.norm
        turn = _speaker_turn(ln)
        if turn is not None:
            speaker = turn
            continue
        if speaker and ln.role == "body" and not _asks(t):
            ln.role, ln.speaker = "answer", speaker
            continue
        if t[-1:].isdigit() and TABLE_ROW_END.search(t):
            continue  # （一）予以公开	71: a row of a table that numbers its rows, not a heading
        short = len(t) <= 40 and not SENTENCE_PUNCT.search(t)
        if MARKER.match(t):
            ln.role, expect_heading, after_heading = "marker", True, False
            continue
        if expect_heading and short:
            ln.role, expect_heading, after_heading = "heading", False, True
            continue
        expect_heading = False
        if short and AGENCY.match(t):
            ln.role, after_heading = "agency", True
            continue
        if NUMBERED_1.match(t) and (len(t) <= 50 or _inline_heading(t)):
            ln.role, after_heading = "numbered", True
            continue
        if NUMBERED_2.match(t) and (len(t) <= 50 or _inline_heading(t)):
            ln.role, after_heading = "numbered2", True
            continue
        if ln.tag in ("h2", "h3", "h4") and short:
            ln.role, after_heading = "heading2", True
            continue
        if (
            after_heading
            and short
            and len(t) <= 40
            and not re.search(r"[，,：:]", t)
            and _next_is_prose(body, k)
        ):
            ln.role = "caption"
            continue
        after_heading = False
        if _asks(t):
            ln.role = "question"
        elif t.startswith(("“", '"')) and ANSWER_TAIL.search(t) and k and body[k - 1].role == "question":
            ln.role = "answer"


def _speaker_turn(ln: Line) -> str | None:
    """Mark a transcript's speaker line; return who now holds the floor ("" for the host or a
    reporter, whose words are not answers), or None when the line is not a turn."""
    t = ln.norm
    if not _may_ask(t):
        return None  # every turn names its speaker before a colon, or ends a quote with 提问
    alone = SPEAKER_LINE.match(t)
    if alone and (QUESTION.match(t) or HOST.search(alone.group("who"))):
        ln.role = "speaker"
        return ""
    if alone and re.search(OFFICIAL, alone.group("who")):
        ln.role = "agency"  # the official's turn is a section of its own, headed by who they are
        return ln.text[: alone.end("who")].strip()
    if QUESTION.match(t):
        ln.role = "question"
        return ""
    head = SPEAKER_HEAD.match(t)
    if head and not HOST.search(head.group("who")):
        ln.role, ln.speaker = "answer", ln.text[: head.end("who")].strip()
        return ln.speaker
    if ANSWER_HEAD.match(t):
        ln.role = "answer"
        return None
    return None


def _squashed(text: str) -> str:
    """The text without white space (str.split and the regex class for it agree on what that is)."""
    return "".join(text.split())


def _asks(t: str) -> bool:
    """A reporter's question (…提问。 问：… 记者：…)."""
    return _may_ask(t) and QUESTION.search(t) is not None


def _may_ask(t: str) -> bool:
    """Whether a line may be a question or a speaker's turn: each pattern for them needs a colon
    or one of the words for asking (a quick test that spares the patterns on most lines)."""
    return "：" in t or ":" in t or "提问" in t or "问道" in t or "发问" in t


def _inline_heading(t: str) -> bool:
    first = SENTENCE_PUNCT.search(t)
    return bool(first) and first.start() <= 40


def _next_is_prose(body: list[Line], k: int) -> bool:
    return k + 1 < len(body) and (len(body[k + 1].norm) > 40 or body[k + 1].role != "body")
