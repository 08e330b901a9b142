"""Visible text of a saved HTML page, block by block, each character mapped back to the markup.

The stdlib parser walks the page and keeps, for every visible character, the span of the markup
it came from (an entity such as &nbsp; maps to its whole reference). trafilatura, which is made
for finding the main text of news pages, then decides which blocks are the article: the others
(menus, breadcrumbs, footers, related links) keep their offsets but are hinted as chrome.
"""

from __future__ import annotations

import dataclasses
import html
import re
from html.parser import HTMLParser

from briefing.read.source import Block

BLOCK_TAGS = {
    "p",
    "div",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "li",
    "br",
    "tr",
    "td",
    "th",
    "section",
    "article",
    "header",
    "footer",
    "nav",
    "ul",
    "ol",
    "table",
    "dt",
    "dd",
    "blockquote",
    "pre",
    "form",
    "aside",
    "main",
    "figure",
    "figcaption",
    "hr",
    "title",
    "body",
    "center",
    "dl",
}
SKIP_TAGS = {"script", "style", "noscript", "template", "svg", "iframe", "select", "object", "head"}
CHROME_TAGS = {"nav", "footer", "header", "aside"}
_CHROME_ATTR = re.compile(
    r"nav|menu|foot|breadcrumb|crumb|bread|location|position|copyright|sidebar|share|toolbar|"
    r"topbar|bottom|related|friend|weizhi|dqwz",
    re.IGNORECASE,
)
_VOID = {"br", "hr", "img", "meta", "link", "input", "area", "base", "col", "embed", "source", "wbr"}
_SPACE = re.compile(r"\s")


def _is_cjk(ch: str) -> bool:
    return (
        "\u2e80" <= ch <= "\u9fff"
        or "\uff00" <= ch <= "\uffef"
        or "\u3000" <= ch <= "\u303f"
        or "\uf900" <= ch <= "\ufaff"
    )


class _Walker(HTMLParser):
    def __init__(self, text: str):
        super().__init__(convert_charrefs=False)
        self.text = text
        self.line_starts = [0] + [m.end() for m in re.finditer("\n", text)]
        self.stack: list[tuple[str, bool]] = []  # (tag, chrome?)
        self.skip_depth = 0
        self.chars: list[tuple[str, int, int]] = []
        self.block_tag = ""
        self.blocks: list[Block] = []
        self.title_parts: list[str] = []
        self.in_title = False
        self.row = 0  # table rows seen so far; cells remember theirs so a table can be read by row
        # the tables open (nested ones last): the columns taken by cells spanning rows from above
        # (column -> rows still to span) and the next free column of the current row
        self.tables: list[dict] = []
        self.cell: tuple[int, int, int] | None = None  # the open cell's place (Block.cell)

    # positions -------------------------------------------------------------
    def _offset(self) -> int:
        line, col = self.getpos()
        return self.line_starts[line - 1] + col

    # structure -------------------------------------------------------------
    def _chrome(self) -> bool:
        return any(flag for _, flag in self.stack)

    def handle_starttag(self, tag, attrs):
        if tag == "title":
            self.in_title = True
        if tag in SKIP_TAGS and tag != "head":
            if tag not in _VOID:
                self.skip_depth += 1
            return
        if tag in BLOCK_TAGS:
            self._flush()
            self.block_tag = tag
        if tag == "table":
            self.tables.append({"spans": {}, "taken": set(), "next": 0})
        elif tag == "tr":
            self.row += 1
            self._new_row()
        elif tag in ("td", "th"):
            self.cell = self._place_cell(attrs)
        if tag in _VOID:
            return
        marks = " ".join(v or "" for k, v in attrs if k in ("class", "id"))
        chrome = tag in CHROME_TAGS or bool(marks and _CHROME_ATTR.search(marks))
        self.stack.append((tag, chrome))

    def handle_startendtag(self, tag, attrs):
        if tag in BLOCK_TAGS:
            self._flush()

    def _new_row(self) -> None:
        if not self.tables:
            return
        table = self.tables[-1]
        table["taken"] = {col for col, rows in table["spans"].items() if rows > 0}
        table["spans"] = {col: rows - 1 for col, rows in table["spans"].items() if rows > 1}
        table["next"] = 0

    def _place_cell(self, attrs) -> tuple[int, int, int] | None:
        """(column, columns spanned, rows spanned) of a cell: the first column no cell above
        spans into, as a browser lays the grid out."""
        if not self.tables:
            return None
        table = self.tables[-1]
        col = table["next"]
        while col in table["taken"]:
            col += 1
        given = dict(attrs)
        across, down = _span(given.get("colspan")), _span(given.get("rowspan"))
        table["next"] = col + across
        for c in range(col, col + across):
            if down > 1:
                table["spans"][c] = down - 1
        return col, across, down

    def handle_endtag(self, tag):
        if tag == "title":
            self.in_title = False
        if tag in ("td", "th", "tr"):
            self._flush()
            self.cell = None
        elif tag == "table":
            self._flush()
            self.cell = None
            if self.tables:
                self.tables.pop()
        if tag in SKIP_TAGS and tag != "head":
            self.skip_depth = max(0, self.skip_depth - 1)
            return
        if tag in BLOCK_TAGS:
            self._flush()
        for i in range(len(self.stack) - 1, -1, -1):
            if self.stack[i][0] == tag:
                del self.stack[i:]
                break

    # text ------------------------------------------------------------------
    def _add(self, piece: str, start: int, end: int | None = None):
        if self.in_title:
            self.title_parts.append(piece)
            return
        if self.skip_depth:
            return
        if end is None:
            for i, ch in enumerate(piece):
                self.chars.append((ch, start + i, start + i + 1))
        else:
            for ch in piece:
                self.chars.append((ch, start, end))

    def handle_data(self, data):
        self._add(data, self._offset())

    def handle_entityref(self, name):
        start = self._offset()
        raw = f"&{name};" if self.text.startswith(f"&{name};", start) else f"&{name}"
        self._add(html.unescape(raw), start, start + len(raw))

    def handle_charref(self, name):
        start = self._offset()
        raw = f"&#{name};" if self.text.startswith(f"&#{name};", start) else f"&#{name}"
        self._add(html.unescape(raw), start, start + len(raw))

    def _flush(self):
        chars = _collapse(self.chars)
        self.chars = []
        if chars:
            text = "".join(c for c, _, _ in chars)
            hint = "chrome" if self._chrome() else ""
            row = self.row if self.cell is not None or self.block_tag in ("td", "th") else None
            self.blocks.append(
                Block(
                    text,
                    chars[0][1],
                    chars[-1][2],
                    hint,
                    self.block_tag,
                    tuple(s for _, s, _ in chars),
                    tuple(e for _, _, e in chars),
                    row,
                    self.cell,
                )
            )

    def close(self):
        super().close()
        self._flush()


def _span(value: str | None) -> int:
    """A colspan or rowspan as a browser takes it: a whole number from 1 (a bad one is 1)."""
    try:
        return min(max(int(str(value).strip()), 1), 1000) if value is not None else 1
    except ValueError:
        return 1


def _collapse(chars: list[tuple[str, int, int]]) -> list[tuple[str, int, int]]:
    """HTML whitespace rules, except that a line break between Chinese characters vanishes
    (a space there would be a stray space in Chinese text)."""
    out: list[tuple[str, int, int]] = []
    pending = None
    for item in chars:
        ch = item[0]
        if _SPACE.match(ch) and ch != "\u3000":
            if pending is None:
                pending = item
            continue
        if pending is not None and out:
            before = out[-1][0]
            if not (_is_cjk(before) and _is_cjk(ch)):
                out.append((" ", pending[1], pending[2]))
        pending = None
        out.append(("\u00a0" if ch == "\u00a0" else ch, item[1], item[2]))
    # trim leading/trailing no-break and ideographic spaces too
    while out and out[0][0] in "\u00a0\u3000 ":
        out.pop(0)
    while out and out[-1][0] in "\u00a0\u3000 ":
        out.pop()
    return out


def html_blocks(text: str) -> tuple[list[Block], str]:
    walker = _Walker(text)
    walker.feed(text)
    walker.close()
    title = re.sub(r"\s+", " ", "".join(walker.title_parts)).strip()
    blocks = _mark_main(text, walker.blocks)
    return blocks, title


def _squash(s: str) -> str:
    return re.sub(r"\s+", "", s)


def _mark_main(markup: str, blocks: list[Block]) -> list[Block]:
    """Hint as chrome every block that trafilatura does not keep as the article's text."""
    try:
        import trafilatura

        main = trafilatura.extract(
            markup, include_comments=False, include_tables=True, include_links=False, deduplicate=False
        )
    except ImportError:
        raise  # a broken install must not pass for a page without an article
    except Exception:  # noqa: BLE001 - a page trafilatura cannot parse keeps the structural hints
        main = None
    if not main:
        return blocks
    kept = _squash(main)
    marked = []
    for b in blocks:
        squashed = _squash(b.text)
        in_main = len(squashed) >= 2 and squashed in kept
        if not in_main and not b.hint:
            b = dataclasses.replace(b, hint="chrome")
        elif in_main and b.hint and b.tag in ("h1", "h2", "h3", "p"):
            b = dataclasses.replace(b, hint="")
        marked.append(b)
    return marked
