"""Title, publication date, outlet, period covered and kind of document."""

from __future__ import annotations

import re
from collections import Counter

from briefing.understand.numbers import chinese, spelled_digits

DATE = re.compile(r"(20\d\d|19\d\d)\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?")
# a page's own publication date is preferred to any other date its byline gives (成文日期, the date
# the document was written, often stands before it on the same line)
PUBLISHED_KEYS = re.compile(r"(?:发布时间|发布日期|发表时间|发稿时间)\s*[:：]?\s*")
DATE_KEYS = re.compile(r"(?<!成文)(?<!印发)(?<!生成)(?:更新时间|时间|日期)\s*[:：]?\s*")
OUTLET = re.compile(
    r"(?:文章来源|信息来源|来源)\s*[:：]\s*([^\s|｜丨/]{2,30}?)(?=\s|$|编辑|作者|时间|日期|发布|浏览|阅读|点击|责任|\||｜|丨)"
)
YEAR = re.compile(r"(?<!\d)(20\d\d|19\d\d)\s*年(?!\d{1,2}月\d)")

KINDS = [
    ("press_conference", re.compile(r"新闻发布会|发布会|新闻通气会|答记者问")),
    ("highlights_review", re.compile(r"亮点|回眸|盘点|回顾|成绩单|年终|巡礼|综述|纪实|亮點|回顧")),
    ("work_report", re.compile(r"工作报告|工作总结|总结|述职|报告|工作情况|年度")),
    ("meeting_news", re.compile(r"会议|召开|举行|部署会|推进会|座谈会|会议精神")),
]


def publication_date(lines: list[str]) -> str | None:
    """From the byline lines (时间/日期/发布时间 ...), else the first full date in them."""
    for keys in (PUBLISHED_KEYS, DATE_KEYS):
        for text in lines:
            key = keys.search(text)
            if key:
                m = DATE.match(text, key.end()) or DATE.search(text, key.end())
                if m:
                    return _iso(m)
    for text in lines:
        m = DATE.search(text)
        if m:
            return _iso(m)
    return None


CN_DATE = re.compile(
    r"([〇零一二三四五六七八九]{4})年([一二三四五六七八九十]{1,3})月([一二三四五六七八九十]{1,3})日"
)


def signature_date(last_lines: list[str]) -> str | None:
    """The date an official document is signed with, on a line of its own at its foot (after
    the issuing office): 2022年10月12日, or 二〇二二年十月十二日."""
    for text in reversed(last_lines):
        text = text.strip()
        m = DATE.fullmatch(text)
        if m:
            return _iso(m)
        m = CN_DATE.fullmatch(text)
        if m:
            year, month, day = spelled_digits(m.group(1)), chinese(m.group(2)), chinese(m.group(3))
            if year and month and day:
                return _ymd(year, int(month), int(day))
    return None


def _iso(m: re.Match) -> str | None:
    return _ymd(int(m.group(1)), int(m.group(2)), int(m.group(3)))


def _ymd(y: int, mo: int, d: int) -> str | None:
    if 1 <= mo <= 12 and 1 <= d <= 31:
        return f"{y:04d}-{mo:02d}-{d:02d}"
    return None


def outlet(lines: list[str], originals: list[str] | None = None) -> str | None:
    """The outlet named after 来源, found in the normalised lines and given as printed (the
    normalised text has the same length as the original, so the offsets carry over)."""
    for k, text in enumerate(lines):
        m = OUTLET.search(text)
        if m:
            printed = originals[k] if originals else text
            return printed[m.start(1) : m.end(1)].strip("：: ")
    return None


def period(title: str, body: str, date: str | None) -> str | None:
    """The year (or years) the report covers: a year named in the title, else the year the body
    names most, else the publication year."""
    years = [int(y) for y in YEAR.findall(title)]
    if years:
        return _span(years)
    limit = int(date[:4]) if date else 2100
    counts = Counter(int(y) for y in YEAR.findall(body[:20000]) if int(y) <= limit)
    if counts:
        top = counts.most_common(1)[0][0]
        return str(top)
    return date[:4] if date else None


def _span(years: list[int]) -> str:
    lo, hi = min(years), max(years)
    return str(lo) if lo == hi else f"{lo}-{hi}"


def kind(title: str, body: str) -> str:
    for name, pattern in KINDS:
        if pattern.search(title):
            return name
    head = body[:600]
    for name, pattern in KINDS[:1]:
        if pattern.search(head):
            return name
    return "other"
