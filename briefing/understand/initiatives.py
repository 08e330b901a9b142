"""Named initiatives: programmes, campaigns, mechanisms, platforms, teams and documents.

Three ways a report names one: in quotation marks (“老杨群工”), as a document title (《实施意见》),
or as a noun phrase ending in a word that makes it an institution (…工程, …机制, …中心, …行动,
…模式, …工作法, …平台, …工作室) right after a verb that sets it up (建立, 打造, 开展 ...).
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

KIND_BY_SUFFIX = [
    ("campaign", ("专项斗争", "专项行动", "专项整治", "行动", "攻坚战", "活动", "运动", "百日会战")),
    ("mechanism", ("机制", "制度", "工作法", "办法", "程序", "模式", "体系", "格局")),
    ("platform", ("平台", "系统", "网", "热线", "APP", "公众号", "小程序", "信息网")),
    (
        "team",
        ("团队", "专班", "工作组", "督查组", "督导组", "小组", "队", "服务队", "志愿者", "社工", "义工"),
    ),
    ("centre", ("中心", "工作站", "工作室", "调解室", "服务点", "基地", "窗口", "法庭", "检察室")),
    ("programme", ("工程", "计划", "项目", "试点", "建设", "品牌")),
]
QUOTED = re.compile(r"[“\"「『]([^“”\"「」『』\n]{2,24})[”\"」』]")
DOCUMENT = re.compile(r"《([^《》\n]{2,60})》")
SET_UP = re.compile(
    r"(?:建立|建成|打造|开展|推行|推进|实施|启动|构建|创新|搭建|设立|组建|成立|推出|探索|深化|完善|健全)(?:了|起)?"
    r"(?P<name>[\u4e00-\u9fff“”\"0-9+]{2,14}?(?:工程|机制|行动|模式|工作法|平台|工作室|工作站|调解室|中心|专班|基地))"
)
_NOT_NAME = re.compile(r"[。！？；，,]|^\d+$|^[的了是在和与及]")
# Words the genre puts in quotation marks that name no programme (“牛鼻子”, “最后一公里”, “升级版”)
_NOT_INITIATIVES = Path(__file__).parent / "data" / "not_initiatives.txt"


@lru_cache(maxsize=1)
def not_initiatives() -> frozenset[str]:
    lines = _NOT_INITIATIVES.read_text(encoding="utf-8").splitlines()
    return frozenset(w.strip() for w in lines if w.strip() and not w.startswith("#"))


# "the first in the city" and similar are said of an initiative, not part of its name
_FIRST_OF = re.compile(r"^(?:全[国省市区县]|本[市区县])?(?:首个|首家|第一个|唯一)(?:[省市区县]级)?")


def kind_of(name: str, document: bool = False) -> str:
    if document:
        return "document"
    for kind, suffixes in KIND_BY_SUFFIX:
        if name.endswith(suffixes):
            return kind
    return "other"


Mention = tuple[int, int, str, str]  # start, end, name (normalised), kind


def find_mentions(norm: str) -> list[Mention]:
    """(start, end, name, kind) of every initiative mention in one paragraph (normalised text;
    start/end cover the name without its quotation marks)."""
    found = []
    for m in DOCUMENT.finditer(norm):
        found.append((m.start(1), m.end(1), m.group(1), "document"))
    for m in QUOTED.finditer(norm):
        name = m.group(1)
        if _NOT_NAME.search(name) or name in not_initiatives() or _inside(m.start(), found):
            continue
        found.append((m.start(1), m.end(1), name, kind_of(name)))
    for m in SET_UP.finditer(norm):
        name = m.group("name")
        if "“" in name or '"' in name or "”" in name or _inside(m.start("name"), found):
            continue
        first = _FIRST_OF.match(name)
        start = m.start("name") + (first.end() if first else 0)
        name = name[first.end() :] if first else name
        if len(name) >= 4:
            found.append((start, m.end("name"), name, kind_of(name)))
    return sorted(found)


def _inside(pos: int, found) -> bool:
    return any(a - 1 <= pos < b + 1 for a, b, _, _ in found)
