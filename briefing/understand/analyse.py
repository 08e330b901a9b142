"""Source -> Report: layout, sections, figures, initiatives and metadata, each with its span."""

from __future__ import annotations

import bisect
import re
from concurrent.futures import Executor
from functools import lru_cache
from itertools import pairwise

from briefing.english.names import place
from briefing.read.source import Block, Source
from briefing.understand import metadata
from briefing.understand.figures import Found, find_figures, replace
from briefing.understand.initiatives import Mention, find_mentions
from briefing.understand.labels import label_figures
from briefing.understand.layout import ANSWER_TAIL, Line, assign_roles
from briefing.understand.model import (
    District,
    Exchange,
    Figure,
    Initiative,
    Paragraph,
    Report,
    Section,
    Sentence,
    Span,
)
from briefing.understand.normalize import is_traditional, normalize
from briefing.understand.places import Gazetteer, find_district
from briefing.understand.tables import (
    NUMBER_CELL,
    Header,
    caption_unit,
    count_rows,
    header,
    header_of,
    is_rule,
    pair_figure,
    read_row,
    read_table,
    row_figures,
    stacked_table,
    sub_header,
    under_header,
)

ANALYSED = {"body", "question", "answer", "heading", "numbered", "numbered2", "heading2", "title"}
PARAGRAPH_ROLES = {
    "body": "body",
    "question": "question",
    "answer": "answer",
    "numbered": "body",
    "numbered2": "body",
    "heading2": "heading",
    "speaker": "heading",
}
SECTION_START = {"marker", "agency", "numbered", "heading2"}
SENTENCE_END = re.compile(r"[。！？!?；;]+[”’」』]?|$")
# Below this much analysed text a source is read in one part: handing parts to other processes
# costs more than it saves (about 20 ms to send and receive them).
PARALLEL_FROM_CHARS = 100_000
OUTSIDE_TABLES = (None, "")  # no table header in force, no caption unit pending

AnalysedLine = tuple[int, str, "int | None"]  # block index, normalised text, HTML table row
# a table cell's line: block index, normalised text, column (None: in the order given), and
# whether it is the cell's own place (not a copy where it spans into another row or column)
Cell = tuple[int, str, "int | None", bool]


def understand(
    source: Source, gazetteer: Gazetteer | None = None, executor: Executor | None = None, workers: int = 1
) -> Report:
    """The report model of one source. Given an executor (a process pool) and its number of
    workers, a long source's figures are recognised in parts side by side; the result is the
    same either way."""
    gazetteer = gazetteer or Gazetteer.load()
    traditional = is_traditional("".join(b.text for b in source.blocks[:400]))
    lines = [
        Line(i, b.text, normalize(b.text, traditional), hint=b.hint, tag=b.tag)
        for i, b in enumerate(source.blocks)
    ]
    assign_roles(lines, source.html_title)
    blocks = source.blocks

    sections, section_of = _sections(lines, blocks)
    reading = _Reading(lines, blocks, executor, workers)  # other workers start on their parts
    paragraphs = _paragraphs(lines, blocks, section_of)  # meanwhile
    found, mentions = reading.result()
    found = _captioned(found, lines)
    figures = tuple(
        _figure(lines[i], blocks[i], f, k, source.text, section_of) for k, (i, f) in enumerate(found)
    )
    initiatives = _initiatives(lines, blocks, section_of, figures, mentions)
    exchanges = _exchanges(lines, blocks, section_of)

    title_line = next((ln for ln in lines if ln.role == "title"), None)
    title = title_line.text if title_line else source.html_title
    title_norm = normalize(title, traditional)
    meta = [ln for ln in lines if ln.role in ("byline", "breadcrumb", "chrome", "credit")][:40] + lines[:8]
    meta_lines = [ln.norm for ln in meta]
    date = metadata.publication_date(meta_lines)
    if date is None:
        date = metadata.signature_date([ln.norm for ln in lines if ln.role in ANALYSED][-3:])
    body_norm = "\n".join(ln.norm for ln in lines if ln.role in ANALYSED)
    year = int(date[:4]) if date else None
    furniture = "\n".join(ln.norm for ln in lines if ln.role not in ANALYSED)
    division = find_district(title_norm, body_norm, gazetteer, year, furniture)
    if division is None:
        # 县政府召开…: only the byline or the footer names the county (来源：霍山县融媒体中心)
        division = find_district("", furniture, gazetteer, year)
    district = None
    if division:
        district = District(
            division.name, place(division.name), division.code, division.city, division.province
        )
    chrome = tuple(
        (_block_span(blocks[ln.index]), ln.role)
        for ln in lines
        if ln.role not in ANALYSED and ln.role not in ("marker", "agency", "caption", "speaker")
    )
    return Report(
        source=source.path,
        sha256=source.sha256,
        encoding=source.encoding,
        script="Hant" if traditional else "Hans",
        title=title,
        date=date,
        outlet=metadata.outlet(meta_lines, [ln.text for ln in meta]),
        district=district,
        period=metadata.period(title_norm, body_norm, date),
        kind=metadata.kind(title_norm, body_norm),
        sections=sections,
        figures=figures,
        initiatives=initiatives,
        exchanges=exchanges,
        paragraphs=paragraphs,
        chrome=chrome,
    )


def _block_span(block: Block) -> Span:
    return (block.start, block.end)


def _sections(lines: list[Line], blocks) -> tuple[tuple[Section, ...], dict[int, str]]:
    """Top-level sections (lede, highlights, agencies, numbered parts); 二级 headings (（一）)
    become level-2 sections inside them."""
    found: list[dict] = []
    section_of: dict[int, str] = {}
    current = None
    pending_marker = None
    for ln in lines:
        if ln.role in ("duplicate", "title") or ln.role not in ANALYSED | SECTION_START | {
            "caption",
            "numbered2",
        }:
            if ln.role == "title":
                section_of[ln.index] = "s0"
            continue
        block = blocks[ln.index]
        if ln.role == "marker":
            pending_marker = ln
            current = {
                "kind": "highlight",
                "heading": "",
                "start": block.start,
                "end": block.end,
                "heading_span": None,
                "level": 1,
            }
            found.append(current)
        elif ln.role == "heading" and pending_marker is not None and current is not None:
            current["heading"] = ln.text
            current["heading_span"] = _block_span(block)
            pending_marker = None
        elif ln.role in ("agency", "numbered", "heading2", "numbered2"):
            heading, hspan = _heading_of(ln, block)
            kind = {
                "agency": "agency",
                "numbered": "numbered",
                "heading2": "heading",
                "numbered2": "numbered",
            }[ln.role]
            current = {
                "kind": kind,
                "heading": heading,
                "start": block.start,
                "end": block.end,
                "heading_span": hspan,
                "level": 2 if ln.role == "numbered2" else 1,
            }
            found.append(current)
        elif current is None:
            current = {
                "kind": "lede",
                "heading": "",
                "start": block.start,
                "end": block.end,
                "heading_span": None,
                "level": 1,
            }
            found.append(current)
        current["end"] = max(current["end"], block.end)
        section_of[ln.index] = f"s{len(found) - 1}" if found[0]["kind"] == "lede" else f"s{len(found)}"
    if found and found[0]["kind"] != "lede":
        found.insert(0, None)  # keep s0 for the (empty) lede so ids stay stable
    sections = []
    for i, s in enumerate(found):
        if s is None:
            continue
        sections.append(
            Section(f"s{i}", s["kind"], s["heading"], (s["start"], s["end"]), s["heading_span"], s["level"])
        )
    for ln in lines:
        section_of.setdefault(ln.index, "s0")
    return tuple(sections), section_of


def _heading_of(ln: Line, block: Block) -> tuple[str, Span]:
    """The heading text of a section line: the whole line, or for an inline heading
    (一、加强组织领导。全年……) the part before the first full stop."""
    m = re.search(r"[。；;：:]", ln.text)
    text = ln.text[: m.start()] if m and m.start() <= 40 and len(ln.text) > 50 else ln.text
    text = text.rstrip(" \u3000：:")  # a speaker's label (区税务局局长 赵明远：) without its colon
    return text, block.span(0, len(text))


@lru_cache(maxsize=4096)
def _sentences(text: str) -> tuple[tuple[int, int], ...]:
    """Sentence boundaries in a paragraph: after 。！？； (and a closing quote that follows).
    Cached: each figure and initiative of a paragraph asks for them again."""
    bounds, start = [], 0
    for m in SENTENCE_END.finditer(text):
        end = m.end()
        if end > start:
            bounds.append((start, end))
        start = end
        if end >= len(text):
            break
    return tuple(bounds) or ((0, len(text)),)


@lru_cache(maxsize=4096)
def _sentence_starts(text: str) -> tuple[int, ...]:
    return tuple(a for a, _ in _sentences(text))


def _sentence_bounds(text: str, pos: int) -> tuple[int, int]:
    k = bisect.bisect_right(_sentence_starts(text), pos) - 1
    if k >= 0:
        a, b = _sentences(text)[k]
        if pos < b:
            return a, b
    return 0, len(text)


def _line_figures(norm: str, table: Header | None, unit: str = "") -> tuple[list, Header | None]:
    """The figures of one line, and the table header in force after it: a row under a table
    header is read cell by cell (tables.py), any other line as prose. `unit` is the unit the
    caption just before gave (单位：万元)."""
    if table is not None and table.pending:  # the header's second line (产值（亿元） 增长（%）)
        split = sub_header(norm, table, unit)
        if split is not None:
            return [], split
    head = header(norm, unit)
    if head is not None:
        return [], head
    if table is not None:
        if is_rule(norm):
            return [], table  # the rule under a header (|------|) leaves the table open
        split = sub_header(norm, table, unit)
        if split is not None:
            return [], split
        row = row_figures(norm, table)
        if row is not None:
            return row, read_table(table)
    pair = pair_figure(norm)
    if pair is not None:
        return pair, None
    counts = count_rows(norm)
    if counts is not None:
        return counts, None
    return label_figures(norm, find_figures(norm)), None


def _paragraphs(lines: list[Line], blocks, section_of) -> tuple[Paragraph, ...]:
    return tuple(
        Paragraph(
            section_of[ln.index],
            _block_span(blocks[ln.index]),
            PARAGRAPH_ROLES[ln.role],
            tuple(Sentence(blocks[ln.index].span(a, b), ln.text[a:b]) for a, b in _sentences(ln.norm)),
        )
        for ln in lines
        if ln.role in PARAGRAPH_ROLES
    )


class _Reading:
    """Reading the figures and the initiatives named in the analysed lines. A long source is cut
    into parts read side by side, one per worker: this is most of the time spent on a source, and
    a line's figures depend only on the table, if any, that the lines before it opened. Each part
    is read as if it started outside any table; when the part before it turns out to end inside
    one, the part is read again from that state, so the result never depends on where the cuts
    fall. The other workers start when this is made; this process reads the first part when
    asked for the result, after the work it does meanwhile. (Equal parts measured fastest: the
    other workers' parts cost more per character, as they are sent and received.)"""

    def __init__(self, lines: list[Line], blocks, executor: Executor | None, workers: int):
        analysed = _with_stacked_rows(
            [(ln.index, ln.norm, blocks[ln.index].row) for ln in lines if ln.role in ANALYSED]
        )
        cells_of: dict[int, list[Cell]] = {}  # a table's rows: all their cells
        for ln in lines:
            block = blocks[ln.index]
            if block.row is None:
                continue
            if block.cell is None:
                cells_of.setdefault(block.row, []).append((ln.index, ln.norm, None, True))
                continue
            col, across, down = block.cell
            for row in range(block.row, block.row + down):  # a cell spanning rows or columns
                for c in range(col, col + across):  # is in each, its first place the original
                    cells_of.setdefault(row, []).append((ln.index, ln.norm, c, row == block.row and c == col))
        for i, norm, row in analysed:
            if row is not None and row < 0:
                cells_of.setdefault(row, []).append((i, norm, None, True))
        size = sum(len(norm) for _, norm, _ in analysed)
        if executor is None or workers < 2 or size < PARALLEL_FROM_CHARS:
            self.parts, self.later = [(analysed, cells_of)], []
            return
        cuts = _cuts(analysed, workers, size)
        self.parts = [
            (part, {row: cells_of[row] for _, _, row in part if row is not None})
            for part in (analysed[a:b] for a, b in zip((0, *cuts), (*cuts, len(analysed)), strict=True))
        ]
        self.later = [executor.submit(_read, *part) for part in self.parts[1:]]

    def result(self) -> tuple[list[tuple[int, Found]], dict[int, list[Mention]]]:
        """The figures in order as (line index, figure), and the initiatives each line names."""
        found, mentions, state = _read(*self.parts[0])
        for part, future in zip(self.parts[1:], self.later, strict=True):
            more, more_mentions, after = future.result()
            if state != OUTSIDE_TABLES:
                more, more_mentions, after = _read(*part, *state)
            found += more
            mentions |= more_mentions
            state = after
        return found, mentions


def _captioned(found: list[tuple[int, Found]], lines: list[Line]) -> list[tuple[int, Found]]:
    """A figure printed alone on its line, as an infographic prints it (【数说】 boxes, posters),
    is named by the short line after it: 6.3% over 地区生产总值增速 is that growth rate, a rise."""
    # (a table's cell is alone on its line too, but named by its row)
    alone = {
        i: f for i, f in found if not f.label and lines[i].norm.strip() == lines[i].norm[f.start : f.end]
    }
    if not alone:
        return found
    analysed = [ln for ln in lines if ln.role in ANALYSED]
    following = {a.index: b for a, b in pairwise(analysed)}
    out = []
    for i, f in found:
        caption = following.get(i) if alone.get(i) is f else None
        if caption is not None and CAPTION.fullmatch(caption.norm):
            change = f.change
            if f.unit in ("%", "pp") and change is None and CAPTION_GROWTH.search(caption.norm):
                change = "decrease" if CAPTION_FALL.search(caption.norm) else "increase"
            f = replace(f, label=caption.norm.strip(), change=change)
        out.append((i, f))
    return out


# a short caption under a figure: a name, no number, no sentence
CAPTION = re.compile(r"\s*[\u4e00-\u9fff（）()、·A-Za-z]{2,24}\s*")
CAPTION_GROWTH = re.compile(r"增速|增长|增幅|涨幅")
CAPTION_FALL = re.compile(r"下降|降幅|减少")


def _with_stacked_rows(analysed: list[AnalysedLine]) -> list[AnalysedLine]:
    """The analysed lines, those of a table printed one cell per line (tables.stacked_table)
    grouped into rows as an HTML table's cells are (rows numbered below zero)."""
    out = list(analysed)
    texts = [norm if html_row is None else None for _, norm, html_row in analysed]
    unit, k, row = "", 0, 0
    while k < len(out):
        _, norm, html_row = out[k]
        found = stacked_table(texts, k, unit) if html_row is None and len(norm) <= 30 else None
        if found is None:
            unit = caption_unit(norm) if html_row is None else unit
            k += 1
            continue
        width, rows = found
        for start in range(k, k + width * (rows + 1), width):
            row -= 1
            for m in range(start, start + width):
                out[m] = (out[m][0], out[m][1], row)
        k += width * (rows + 1)
    return out


def _cuts(analysed: list[AnalysedLine], count: int, size: int) -> list[int]:
    """Where to cut the lines into `count` parts of about equal text, never inside a table row
    of an HTML page (its cells are read together)."""
    cuts, running, k = [], 0, 0
    for target in (size * n // count for n in range(1, count)):
        while k < len(analysed) and running < target:
            running += len(analysed[k][1])
            k += 1
        while 0 < k < len(analysed) and analysed[k][2] is not None and analysed[k][2] == analysed[k - 1][2]:
            running += len(analysed[k][1])
            k += 1
        if 0 < k < len(analysed) and (not cuts or k > cuts[-1]):
            cuts.append(k)
    return cuts


def _read(analysed: list[AnalysedLine], cells_of, table: Header | None = None, unit: str = ""):
    """The figures of consecutive analysed lines as (line index, figure), the initiatives each
    line names, and the state after the lines: the table header in force and the unit a caption
    just gave (单位：万元). A row under a table header is read cell by cell (tables.py), any other
    line as prose; `cells_of` gives the cells of each HTML table row (one line each) that the
    lines touch."""
    found: list[tuple[int, Found]] = []
    mentions = {i: named for i, norm, _ in analysed if (named := find_mentions(norm))}
    done_rows: set[int] = set()
    for i, norm, row in analysed:
        if row is not None and row in done_rows:
            continue
        if row is not None and len(cells_of[row]) >= 3:
            found_in_row, table = _html_row(cells_of[row], table, unit)
            if found_in_row is not None:
                done_rows.add(row)
                found += found_in_row
                continue
        in_line, table = _line_figures(norm, table, unit)
        unit = caption_unit(norm) if row is None else unit
        found += [(i, f) for f in in_line]
    return found, mentions, (table, unit)


def _html_row(cells: list[Cell], table: Header | None, unit: str = ""):
    """An HTML table row read as a header or a row of figures: ([(cell line index, figure)],
    header in force), or (None, None) when the row is neither (its cells are then read as prose,
    and the table has ended). A header right under a header names the columns below it (a
    two-row header, the cells of the first spanning the columns the second names)."""
    columns = _grid(cells)
    texts = [text for text, _ in columns]
    head = header_of([t.strip() for t in texts], unit)
    if head is not None:
        return [], (under_header(table, head, unit) if table is not None else None) or head
    read = read_row(texts, table) if table is not None else None
    if read is None:
        return None, None
    placed = []
    for k, f in read:
        for line, at, size in columns[k][1]:
            if at <= f.start < at + size and line is not None:
                shifted = replace(f, start=f.start - at, end=f.end - at, num_start=f.num_start - at)
                placed.append((line, shifted))
    return placed, read_table(table)


def _grid(cells: list[Cell]) -> list[tuple[str, list[tuple[int | None, int, int]]]]:
    """A row's text column by column, with the lines each column's text comes from as (line,
    offset in the text, length). A cell spanning into this place from above or the left gives
    its name (a row's label spanning two rows) but not its number, which is read once; the lines
    of one cell (split by <br>) are joined. Cells without a column are in the order given."""
    if all(col is None for _, _, col, _ in cells):
        return [(norm, [(line, 0, len(norm))]) for line, norm, _, _ in cells]
    width = 1 + max(col for _, _, col, _ in cells if col is not None)
    texts = [""] * width
    lines: list[list[tuple[int | None, int, int]]] = [[] for _ in range(width)]
    for line, norm, col, own in cells:
        if col is None or (not own and NUMBER_CELL.fullmatch(norm.strip())):
            continue
        lines[col].append((line if own else None, len(texts[col]), len(norm)))
        texts[col] += norm
    return list(zip(texts, lines, strict=True))


def _figure(ln: Line, block, f, count: int, source_text: str, section_of) -> Figure:
    start, end = block.span(f.start, f.end)
    # units are reported as printed, in the source's script (個, 萬 stay Traditional)
    unit = ln.text[f.unit_span[0] : f.unit_span[1]] if f.unit_span and f.unit != "pp" else f.unit
    s0, s1 = _sentence_bounds(ln.norm, f.start)
    return Figure(
        id=f"f{count + 1}",
        section=section_of.get(ln.index, "s0"),
        label=_label_as_printed(ln, f),
        value=f.value,
        unit=unit,
        approx=f.approx,
        change=f.change,
        basis=f.basis,
        span=(start, end),
        text=source_text[start:end],
        sentence=block.span(s0, s1),
        sentence_text=ln.text[s0:s1],
        scale=f.scale,
        counted=ln.text[f.counted[0] : f.counted[1]] if f.counted else "",
    )


def _label_as_printed(ln: Line, f) -> str:
    """The label in the source's script when it stands in the text as a whole; a label put
    together from a list (刑事类、治安类警情 -> 刑事类警情) is given as composed."""
    if not f.label:
        return ""
    at = ln.norm.rfind(f.label, 0, f.num_start + 1)
    return ln.text[at : at + len(f.label)] if at >= 0 else f.label


def _initiatives(lines, blocks, section_of, figures, mentions) -> tuple[Initiative, ...]:
    by_name: dict[str, dict] = {}
    in_sentence: dict[Span, list[str]] = {}
    for fig in figures:
        in_sentence.setdefault(fig.sentence, []).append(fig.id)
    for ln in lines:
        if ln.role not in ANALYSED:
            continue
        block = blocks[ln.index]
        for start, end, name_norm, kind in mentions.get(ln.index, ()):
            name = ln.text[start:end]
            entry = by_name.setdefault(
                name_norm, {"name": name, "kind": kind, "sections": [], "spans": [], "figures": []}
            )
            span = block.span(start, end)
            entry["spans"].append(span)
            sec = section_of.get(ln.index, "s0")
            if sec not in entry["sections"]:
                entry["sections"].append(sec)
            s0, s1 = _sentence_bounds(ln.norm, start)
            for fig_id in in_sentence.get(block.span(s0, s1), ()):
                if fig_id not in entry["figures"]:
                    entry["figures"].append(fig_id)
    return tuple(
        Initiative(e["name"], e["kind"], tuple(e["sections"]), tuple(e["figures"]), tuple(e["spans"]))
        for e in by_name.values()
    )


def _exchanges(lines, blocks, section_of) -> tuple[Exchange, ...]:
    out = []
    for k, ln in enumerate(lines):
        if ln.role != "question":
            continue
        answer = next((a for a in lines[k + 1 : k + 4] if a.role == "answer"), None)
        asked = re.search(
            r"[”\"]?\s*[，,]?\s*(?:[^，,”\"]*[，,])?([^，,”\"]{2,30}?)(?:提问|问道|发问)", ln.norm
        )
        asked_by = ln.text[asked.start(1) : asked.end(1)] if asked else ""
        label = re.match(r"^([\u4e00-\u9fff]{0,12}记者\s*[\u4e00-\u9fff]{0,4})\s*[:：]", ln.norm)
        if label and not asked_by:
            asked_by = ln.text[: label.end(1)].strip()  # 记者：…, 湖北日报记者：…
        answered_by = answer.speaker if answer else ""
        if answer and not answered_by:
            m = ANSWER_TAIL.search(answer.norm)
            if m:
                answered_by = answer.text[m.start(1) : m.end(1)]
        # the question belongs with its answer, in the answering official's section
        section = section_of.get((answer or ln).index, "s0")
        out.append(
            Exchange(
                section,
                _block_span(blocks[ln.index]),
                _block_span(blocks[answer.index]) if answer else None,
                asked_by,
                answered_by,
            )
        )
    return tuple(out)
