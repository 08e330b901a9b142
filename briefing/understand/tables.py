"""Tables printed as text: a scraped page flattens an HTML table into lines of cells separated by
tabs, full-width spaces or runs of spaces. A header row that names a unit column (单位) makes the
rows after it readable: each numeric cell is a figure of the row's indicator, in the row's unit
(亿元 scales the value), and a growth column (比上年增长（%）, 同比) gives percentage changes whose
sign is their direction.

    指标名称　单位　2022年　比上年增长（%）
    地区生产总值　亿元　68.75　4.1        -> 6,875,000,000 元; 4.1 %, increase
    粮食产量　万吨　3.25　-1.2             -> 32,500 吨; 1.2 %, decrease

Tables of counts print no unit at all, as in the standard tables of a government information
disclosure annual report (政府信息公开工作年度报告): a header whose columns name counts (本年制发件数,
本年处理决定数量, 总计) makes its rows' numbers unitless counts; a header of short names alone
(结果维持 结果纠正 … 总计) reads a row of numbers only, each under its column's name; and a line
that is just a name and a number set apart by a tab or a wide gap (本年新收政府信息公开申请数量	152)
is one count of that name.
"""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass
from itertools import pairwise

from briefing.understand.figures import Found, replace
from briefing.understand.numbers import arabic, scaled

PIPE = re.compile(r"[|｜]")
THOUSANDS = re.compile(r"(?<=\d),(?=\d{3})")
CELL_GAP = re.compile(r"\t+|\u3000+| {2,}")
ONE_SPACE = re.compile(r" +")
PROSE_MARK = re.compile(r"[，。；：！？,;:!?]")
SUB_ITEM = ("其中：", "其中:")  # opens a row that breaks down the one above (其中：房地产开发投资)
NUMBER_CELL = re.compile(r"-?\d{1,3}(?:,\d{3})+(?:\.\d+)?|-?\d+(?:\.\d+)?")
# 占比（%） is a share and 完成预算% a completion rate, not growth rates
# a rate column (合格率（%）) holds levels too, unless it is a growth rate (增长率)
SHARE_HEAD = re.compile(r"占比|比重|构成|结构|完成|进度|(?<!增长)(?<!增)(?<!减)(?<!变化)(?<!变动)率")
RULE = re.compile(r"\|?(?:\s*:?[-—=]{3,}:?\s*\|?)+|[-—=─]{6,}")
# a change cell that says its direction in words (下降8.6, 增长12.7)
CHANGE_CELL = re.compile(r"(下降|减少|降低|回落|增长|增加|上升|提高)\s*(\d+(?:\.\d+)?)")
FALL_WORDS = {"下降", "减少", "降低", "回落"}
SEQUENCE_HEAD = re.compile(r"序号|序|编号|No\.?|NO\.?")
# a column of changes in the row's own unit (增减额, 比上年增加额), unless in % (增减%, 增减率)
CHANGE_AMOUNT_HEAD = re.compile(r"增减|增(?:加|长)(?:额|量)|增量|减少(?:额|量)")
PERCENT_HEAD = re.compile(r"%|％|率|幅|速")
UNIT_HEADS = {"单位", "计量单位", "计算单位"}  # (单位名称 names an organisation)
GROWTH = re.compile(r"增长|增速|增幅|同比|比上年|±|%|％")
UNIT_SCALE = re.compile(r"^(万亿|千万|百万|万|亿|千(?![米瓦克帕卡]))")
# A header whose rows carry their unit in the label (地区生产总值（亿元）) names a growth column
# and a column of values (2022年, 数值, 总量 ...) instead of a unit column.
PERIOD = (
    r"\d{2,4}年(?:\d{1,2}月(?:底|末)?)?|\d{1,2}\s*[-—－~～至]\s*\d{1,2}\s*月|\d{1,2}月(?:份|底|末)?"
    r"|[一二三四1-4]季度|[上下]半年|前三季度|本期|本年|本月|当月|累计|全年|上年同期"
)
VALUE_HEAD = re.compile(rf"{PERIOD}|数值|数量|总量|金额|绝对(?:值|数|额)|完成|(?:预算|执行|决算|调整)数")
# a header line naming periods only (行业 12月 1-12月): the line below it names each one's columns
PERIODS_ONLY = re.compile(PERIOD)
# a column that counts or sums (本年制发件数, 处理决定数量, 总计, 收费金额（单位：万元）)
COUNT_HEAD = re.compile(r"(?:数|数量|总数|总计|合计|小计|金额)(?:\s*[（(][^（）()]{1,10}[）)])?$")
SHORT_NAME = re.compile(r"[\u4e00-\u9fff]{2,8}")
# a list marker before a row's name: （一）, 1., 四、
ROW_MARKER = re.compile(
    r"^\s*(?:[（(][一二三四五六七八九十\d]{1,3}[）)]|\d{1,2}[.．、]|[一二三四五六七八九十]{1,3}、)\s*"
)
PARENTHESIS = re.compile(r"[（(][^（）()]*[）)]")
# names of page furniture and of numbers that are codes, never counts
NOT_A_COUNT = re.compile(
    r"浏览|阅读|点击|访问|字号|邮编|邮政编码|电话|传真|编号|代码|序号|索引|页|年份|年度$|日期"
)
CAPTION_UNIT = re.compile(r"[（(]?\s*(?:计量)?单位\s*[:：]\s*([^\s（）()，,:：]{1,6})\s*[）)]?\s*$")
LABEL_UNIT = re.compile(r"\s*[（(]([^（）()]{1,8})[）)]\s*$")


@dataclass(frozen=True)
class Header:
    unit_column: int
    growth: frozenset[int]  # columns of percentage changes
    width: int
    basis: str = "year_on_year"  # 同比; "baseline" for 比上年 / 较上年
    unit: str = ""  # the whole table's unit, from its caption (单位：万元)
    column_units: tuple[str, ...] = ()  # each column's unit, from its name (金额（万元）), or ""
    counts: bool = False  # a number with no unit anywhere is a count (unit "")
    names: tuple[str, ...] = ()  # the column names of a table of counts, without their units
    numbers_only: bool = False  # its rows are numbers alone, each counting its column's name
    amount_changes: frozenset[int] = frozenset()  # columns of changes in the row's unit (增减额)
    columns: tuple[str, ...] = ()  # every column's name as printed
    pending: bool = False  # the first line of a two-line header, naming periods: no row is read
    fresh: bool = True  # no row read under it yet (a header's second line may still come)
    points: frozenset[int] = frozenset()  # growth columns in percentage points (±（百分点）)
    numbered: bool = False  # its first column numbers the rows (序号): the names are in the next


def cells(text: str, minimum: int = 3) -> list[tuple[int, int]]:
    """(start, end) of each cell of a line, when it reads as a table row of `minimum` or more
    cells (two cells only when a tab or a wide gap sets them apart). A row's indent (a sub-item's
    其中：) is no gap, and its 其中： no prose."""
    body = text.lstrip(" \t\u3000")
    indent = len(text) - len(body)
    if ("|" in body or "｜" in body) and len(PIPE.findall(body)) >= 2:
        return _piped_cells(text, indent, minimum)
    gaps = CELL_GAP
    if "\t" not in body and "  " not in body and "\u3000" not in body:
        if " " not in body or _is_prose(body):
            return []  # the cheap test first: prose has no gap between cells
        gaps = ONE_SPACE  # cells one space apart (指标 单位 数值 同比增长(%)), in a line that is no prose
        minimum = max(minimum, 3)
    spans, start = [], indent
    for gap in gaps.finditer(text, indent):
        if gap.start() > start:
            spans.append((start, gap.start()))
        start = gap.end()
    if start < len(text.rstrip()):
        spans.append((start, len(text.rstrip())))
    return spans if len(spans) >= minimum else []


def _is_prose(text: str) -> bool:
    """Punctuation of a sentence in the text, but for a row's 其中： and the commas that group
    a number's thousands (1,046.58)."""
    return PROSE_MARK.search(THOUSANDS.sub("", text), 3 if text.startswith(SUB_ITEM) else 0) is not None


def _piped_cells(text: str, indent: int, minimum: int) -> list[tuple[int, int]]:
    """The cells of a row written between pipes (| 地区生产总值 | 亿元 | 488.36 | 5.6 |, or
    製造業｜3,126｜1,284.57 without the outer ones), each without the spaces around it."""
    bounds = [indent - 1, *(m.start() for m in PIPE.finditer(text, indent)), len(text.rstrip())]
    spans = []
    for a, b in pairwise(bounds):
        cell = text[a + 1 : b]
        lead = len(cell) - len(cell.lstrip())
        spans.append((a + 1 + lead, a + 1 + len(cell.rstrip())))
    if spans and spans[0][0] == spans[0][1]:
        spans.pop(0)  # the border before the first cell
    if spans and spans[-1][0] == spans[-1][1]:
        spans.pop()  # and after the last
    return spans if len(spans) >= minimum else []


def is_rule(text: str) -> bool:
    """A line that only rules a table (|------|:---:|, or a row of dashes): no row, no prose."""
    return RULE.fullmatch(text.strip()) is not None


def caption_unit(text: str) -> str:
    """The unit a table's caption gives for all its cells (表1 主要指标（单位：万元）), or "";
    of a list of units (单位：亿元、%) the one of the values: growth columns are in % anyway."""
    m = CAPTION_UNIT.search(text) if "单位" in text else None
    if m is None:
        return ""
    units = [u for u in re.split(r"[、/／]", m.group(1)) if u]
    return next((u for u in units if u not in ("%", "％")), units[0] if units else "")


def header(text: str, unit: str = "") -> Header | None:
    """A header row printed as one line of cells."""
    spans = cells(text, 2)
    return header_of([text[a:b].strip() for a, b in spans], unit) if spans else None


def header_of(names: list[str], unit: str = "") -> Header | None:
    """A header row: three or more cells and no number, with a unit column (单位), or with a
    growth column and a column of values when each row's label carries its unit."""
    if len(names) >= 3 and SEQUENCE_HEAD.fullmatch(names[0]):
        rest = header_of(names[1:], unit)
        return dataclasses.replace(rest, numbered=True, columns=tuple(names)) if rest else None
    head = _header_of(names, unit)
    if head is None:
        return None
    points = frozenset(k for k in head.growth if "百分点" in names[k])
    return dataclasses.replace(
        head, amount_changes=_amount_changes(names), columns=tuple(names), points=points
    )


def read_table(head: Header) -> Header:
    """The header in force once a row has been read under it."""
    return dataclasses.replace(head, fresh=False) if head.fresh else head


def under_header(above: Header, head: Header, unit: str = "") -> Header | None:
    """A header row right under another, both as wide (a grid whose cells span rows and columns
    repeat their names): each column named by both, where they differ (1—10月 over 绝对值 and
    同比增长（%）)."""
    if not above.fresh or len(above.columns) != len(head.columns) or above.columns == head.columns:
        return None
    if not any(a == b for a, b in zip(above.columns, head.columns, strict=True)):
        return None
    names = [a if a == b else f"{a}{b}" for a, b in zip(above.columns, head.columns, strict=True)]
    return header_of(names, above.unit or unit)


def sub_header(text: str, head: Header, unit: str = "") -> Header | None:
    """A header printed on two lines: the names under the last column(s) of the line above split
    them (比上年同期 over 增减额 增长%; 本月 累计 over 绝对额 增长% 绝对额 增长%)."""
    spans = cells(text, 2)
    subs = [text[a:b].strip() for a, b in spans]
    if not spans or not head.fresh or not head.columns or not all(map(_is_column_name, subs)):
        return None
    # names repeated under each of the last columns (绝对额 增长% 绝对额 增长%)
    period = next(
        (q for q in range(2, len(subs)) if len(subs) % q == 0 and subs == subs[:q] * (len(subs) // q)),
        len(subs),
    )
    split = len(subs) // period
    if split >= len(head.columns):
        return None
    names = [
        *head.columns[:-split],
        *(f"{top}{sub}" for top in head.columns[-split:] for sub in subs[:period]),
    ]
    return header_of(names, head.unit or unit)


def _is_column_name(text: str) -> bool:
    """A name that may head a column: a number in it names a period (1-9月, 2023年), as a
    figure with its unit (58216万元) does not."""
    return _is_name_cell(text) and (not re.search(r"\d", text) or VALUE_HEAD.fullmatch(text) is not None)


def _amount_changes(names: list[str]) -> frozenset[int]:
    return frozenset(
        k for k, n in enumerate(names) if k and CHANGE_AMOUNT_HEAD.search(n) and not PERCENT_HEAD.search(n)
    )


def _header_of(names: list[str], unit: str) -> Header | None:
    if len(names) < 2 or any(NUMBER_CELL.fullmatch(n) for n in names):
        return None
    if len(names) == 2:
        return _count_header(names, unit)
    growth = frozenset(
        k
        for k, n in enumerate(names)
        if GROWTH.search(n)
        and not SHARE_HEAD.search(n)
        and not CHANGE_AMOUNT_HEAD.search(n)
        or CHANGE_AMOUNT_HEAD.search(n)
        and PERCENT_HEAD.search(n)
    )
    said = "".join(names[k] for k in growth)
    basis = "baseline" if re.search(r"[比较]上年|[比较]去年", said) and "同比" not in said else "year_on_year"
    unit_column = next((k for k, n in enumerate(names) if n in UNIT_HEADS), -1)
    if unit_column >= 0:
        return Header(unit_column, growth, len(names), basis)
    column_units = tuple("" if k == 0 or k in growth else _unit_in_name(n) for k, n in enumerate(names))
    if not any(column_units):
        column_units = ()
    if (growth or unit) and any(VALUE_HEAD.search(n) for k, n in enumerate(names) if k not in growth and k):
        # the unit is in each row's label, the caption, or a column's name
        return Header(-1, growth, len(names), basis, unit, column_units)
    if sum(1 for u in column_units if u) >= 2 or (growth and any(column_units)):
        # 笔数（笔） 金额（万元） 占比（%）; 零售额（万元） 增长（%）
        return Header(-1, growth, len(names), basis, unit, column_units)
    if (
        unit
        and len(names) >= 3
        and all(SHORT_NAME.fullmatch(LABEL_UNIT.sub("", n).rstrip("%％")) for n in names[1:])
        and len(names[0]) <= 10
    ):
        # short names under a caption that gives the unit (表1 抽检情况（单位：批次）): the numbers of
        # each column are in that unit, or in the column's own (合格率（%）); the first column names
        # the rows (镇（街道）)
        return Header(-1, growth, len(names), basis, unit, column_units)
    if len(names) >= 3 and all(PERIODS_ONLY.fullmatch(n) for n in names[1:]):
        return Header(-1, growth, len(names), basis, unit, pending=True)
    return _count_header(names, unit)


def _count_header(names: list[str], unit: str) -> Header | None:
    """A header of a table of counts: columns that name counts, after the rows' name column
    (信息内容 本年制发件数 本年废止件数), or three or more short names over rows of numbers alone
    (结果维持 结果纠正 其他结果 尚未审结 总计)."""
    if any(len(n) > 24 or (PROSE_MARK.search(n) and not LABEL_UNIT.search(n)) for n in names):
        return None
    if all(COUNT_HEAD.search(n) for n in names[1:]):
        units = tuple("" if k == 0 else _unit_in_name(n) for k, n in enumerate(names))
        bare = tuple(LABEL_UNIT.sub("", n) for n in names)
        return Header(-1, frozenset(), len(names), unit=unit, column_units=units, counts=True, names=bare)
    if len(names) >= 3 and all(SHORT_NAME.fullmatch(n) for n in names):
        return Header(
            -1, frozenset(), len(names), unit=unit, counts=True, names=tuple(names), numbers_only=True
        )
    return None


def _unit_in_name(name: str) -> str:
    if name.endswith(("%", "％")) and not LABEL_UNIT.search(name):
        return "%"  # 完成预算%: a column of percentages, its sign printed bare after its name
    m = LABEL_UNIT.search(name)
    return re.sub(r"^单位\s*[:：]\s*", "", m.group(1).strip()) if m else ""


def _row_unit(row: list[str], head: Header) -> tuple[str, str, tuple[int, int] | None] | None:
    """(label, unit as printed, (cell, offset in that cell) where the unit is printed) of a row,
    the place being None when the unit comes from the caption; None when the row has no unit."""
    label = row[0].strip()
    if head.unit_column > 0:
        cell = row[head.unit_column]
        return label, cell.strip(), (head.unit_column, len(cell) - len(cell.lstrip()))
    in_label = LABEL_UNIT.search(label)
    if in_label:
        return (
            label[: in_label.start()].strip(),
            in_label.group(1).strip(),
            (0, len(row[0]) - len(row[0].lstrip()) + in_label.start(1)),
        )
    return (label, head.unit, None) if head.unit else None


def read_row(row: list[str], head: Header) -> list[tuple[int, Found]] | None:
    """The figures of a row of cells under `head`, as (cell index, figure with offsets inside
    that cell), or None when the row does not belong to that table."""
    if head.numbered:
        if len(row) != head.width + 1:
            return None
        inner = read_row(row[1:], dataclasses.replace(head, numbered=False))
        return [(k + 1, f) for k, f in inner] if inner is not None else None
    if len(row) != head.width or head.unit_column == 0 or head.pending:
        return None
    if head.numbers_only:
        return _numbers_under_names(row, head)
    unit_of_row = _row_unit(row, head)
    if unit_of_row is None and not (head.column_units or head.counts):
        return None  # a row with no unit anywhere is not read as figures
    label, row_unit, _ = unit_of_row or (row[0].strip(), "", None)
    if head.counts:
        label = ROW_MARKER.sub("", label)  # （一）予以公开 -> 予以公开
    if not label or NUMBER_CELL.fullmatch(label):
        return None
    found = []
    for k, cell in enumerate(row):
        if k in (0, head.unit_column):
            continue
        text = cell.strip()
        a = len(cell) - len(cell.lstrip())
        said = None
        if not NUMBER_CELL.fullmatch(text):
            worded = CHANGE_CELL.fullmatch(text) if k in head.growth or k in head.amount_changes else None
            if worded is None:
                continue  # — or a note: no figure
            said = "decrease" if worded.group(1) in FALL_WORDS else "increase"
            a, text = a + worded.start(2), worded.group(2)  # 下降8.6: the number, its fall said
        b = a + len(text)
        value = arabic(text.lstrip("-"))
        if k in head.growth:
            change = said or ("decrease" if text.startswith("-") else "increase")
            unit = "pp" if k in head.points else "%"
            found.append(
                (k, Found(a, b, value, unit, None, change=change, basis=head.basis, label=label, num_start=a))
            )
            continue
        unit_printed = (head.column_units[k] if head.column_units else "") or row_unit
        if not unit_printed and not head.counts:
            continue
        scale, unit = _scale_and_unit(unit_printed) if unit_printed else ("", "")
        # a count is named by its row and its column: 规章（本年制发件数）
        named = f"{label}（{head.names[k]}）" if head.counts and head.names[k] else label
        change, basis = None, None
        if k in head.amount_changes:
            change, basis = said or ("decrease" if text.startswith("-") else "increase"), head.basis
        value = scaled(value, scale)
        found.append(
            (
                k,
                Found(
                    a, b, value, unit, None, change=change, basis=basis, label=named, scale=scale, num_start=a
                ),
            )
        )
    return found


def _numbers_under_names(row: list[str], head: Header) -> list[tuple[int, Found]] | None:
    """A row of numbers alone under a header of names: each number counts its column's name."""
    texts = [cell.strip() for cell in row]
    if not all(NUMBER_CELL.fullmatch(t) and not t.startswith("-") for t in texts):
        return None
    found = []
    for k, (cell, text) in enumerate(zip(row, texts)):
        a = len(cell) - len(cell.lstrip())
        found.append((k, Found(a, a + len(text), arabic(text), "", None, label=head.names[k], num_start=a)))
    return found


COUNT_CELL = re.compile(r"\d{1,3}(?:,\d{3})+|\d{1,7}")  # a whole number, no sign
# an empty cell of a table: a dash, a slash or dots
EMPTY_CELL = re.compile(r"[-—－–―/／…·]{1,6}")
MAX_STACKED_WIDTH = 12


def stacked_table(texts: list[str | None], start: int = 0, unit: str = "") -> tuple[int, int] | None:
    """A table copied from a web page one cell per line: its header's names, then each row's
    name and values, each on a line of its own.

        指标 / 1-9月 / 同比增长 / 地区生产总值 / 1698.54 / 5.8 / 固定资产投资 / — / -3.5

    Given the lines (None for one that is no line of text, such as an HTML table's cell) and
    where a candidate header's first name is, (width, rows) when they are such a table of three
    or more columns: its header names the columns (header_of accepts them) and two or more rows
    follow, each a name and then values or empty cells, at least one a number."""
    end = min(len(texts), start + MAX_STACKED_WIDTH + 2)
    at = start
    while at < end and texts[at] is not None and _is_name_cell(texts[at]):
        at += 1
    if at == end:
        return None  # no value after the names, or too many names for a header
    # the last name before the first value names the first row; the rest name the columns
    names = texts[start:at]
    width = len(names) - 1
    if width < 3 or texts[at] is None or not _is_value_cell(texts[at]):
        return None
    if header_of(names[:width], unit) is None:
        return None
    rows = 0
    for first in range(start + width, len(texts) - width + 1, width):
        row = texts[first : first + width]
        if None in row or not (_is_name_cell(row[0]) and all(map(_is_value_cell, row[1:]))):
            break
        if not any(NUMBER_CELL.fullmatch(t) for t in row[1:]):
            break
        rows += 1
    return (width, rows) if rows >= 2 else None


def _is_value_cell(text: str) -> bool:
    return NUMBER_CELL.fullmatch(text) is not None or EMPTY_CELL.fullmatch(text) is not None


def _is_name_cell(text: str) -> bool:
    """A short name: no number, no sentence (a row's 其中： is no prose)."""
    return 0 < len(text) <= 30 and not _is_value_cell(text) and not _is_prose(text)


def pair_figure(text: str) -> list[Found] | None:
    """A line that is a name and a number set apart by a tab or a wide gap (申请数量	152, or
    with a sub-item before the number: （三）不予公开	1.属于国家秘密	0): one count of that name."""
    if "\t" not in text and "  " not in text and "\u3000" not in text:
        return None  # the cheap test first
    spans = cells(text, 2)
    if len(spans) not in (2, 3):
        return None
    names = [ROW_MARKER.sub("", text[a:b]).strip() for a, b in spans[:-1]]
    a, b = spans[-1]
    number = text[a:b]
    if not NUMBER_CELL.fullmatch(number) or number.startswith("-"):
        return None
    bare = [PARENTHESIS.sub("", n) for n in names]  # a note in brackets may hold commas
    if not all(bare) or any(NUMBER_CELL.fullmatch(n) or PROSE_MARK.search(n) or len(n) > 30 for n in bare):
        return None
    label = names[-1]
    if NOT_A_COUNT.search(label) or not re.search(r"[\u4e00-\u9fff]{2}", label):
        return None
    return [Found(a, b, arabic(number), "", None, label=label, num_start=a)]


def count_rows(text: str) -> list[Found] | None:
    """A row of a table of counts whose header the text does not keep in shape (the standard
    tables of a government information disclosure report): one to three names, the last naming
    the row, then three or more whole numbers, each a count of that row (unit "").

        三、本年度办理结果	（一）予以公开	19	2	0	0	1	0	22"""
    if "\t" not in text and "  " not in text and "\u3000" not in text:
        return None  # the cheap test first
    spans = cells(text, 4)
    texts = [text[a:b] for a, b in spans]
    first_number = next((k for k, t in enumerate(texts) if COUNT_CELL.fullmatch(t)), len(texts))
    names, numbers = texts[:first_number], texts[first_number:]
    if not 1 <= len(names) <= 3 or len(numbers) < 3 or not all(COUNT_CELL.fullmatch(t) for t in numbers):
        return None
    label = ROW_MARKER.sub("", names[-1]).strip()
    label = re.sub(r"^\d{1,2}[.．、]", "", label).strip()  # 1.属于国家秘密
    if any(NUMBER_CELL.fullmatch(n) or len(n) > 40 for n in names) or not re.search(
        r"[\u4e00-\u9fff]{2}", label
    ):
        return None
    if NOT_A_COUNT.search(label) or PROSE_MARK.search(PARENTHESIS.sub("", label)):
        return None
    return [
        Found(a, b, arabic(text[a:b]), "", None, label=label, num_start=a) for a, b in spans[first_number:]
    ]


def _scale_and_unit(unit_printed: str) -> tuple[str, str]:
    """万元 -> (万, 元); 万 alone stays the unit (万人 -> (万, 人), but 万 -> ("", 万))."""
    m = UNIT_SCALE.match(unit_printed)
    scale = m.group() if m and len(unit_printed) > len(m.group()) else ""
    return scale, unit_printed[len(scale) :] or unit_printed


def row_figures(text: str, head: Header) -> list[Found] | None:
    """The figures of one line of cells under `head` (offsets into the line), or None."""
    spans = cells(text, 2)
    row = [text[a:b] for a, b in spans]
    read = read_row(row, head) if spans else None
    if read is None:
        return None
    _, unit_printed, place = _row_unit(row, head) or (None, "", None)
    out = []
    for k, f in read:
        shift = spans[k][0]
        # the unit is read back from the original text at unit_span (個, 萬 stay as printed); a
        # column's unit is printed in the header, not in this line
        unit_span = None
        if f.unit != "%" and place is not None and not (head.column_units and head.column_units[k]):
            at = spans[place[0]][0] + place[1]
            unit_span = (at + len(f.scale), at + len(unit_printed))
        out.append(
            replace(
                f,
                start=f.start + shift,
                end=f.end + shift,
                num_start=f.num_start + shift,
                unit_span=unit_span,
            )
        )
    return out
