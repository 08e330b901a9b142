"""Source: a report as decoded text, cut into blocks that keep their offsets.

Every later stage quotes the source through these offsets: `Source.text` is the document exactly
as decoded (for HTML, the markup itself), and each Block maps every character of its visible text
back to the character span of `Source.text` it came from. Nothing here interprets the text.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from pathlib import Path

from briefing.errors import BriefingError
from briefing.read.decode import UndecodableError, decode

MAX_BYTES = 50 * 1024 * 1024
HTML_SUFFIXES = {".html", ".htm", ".xhtml", ".shtml"}
TEXT_SUFFIXES = {".txt", ".md", ".text", ""}
_CJK = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")
_LEAD = re.compile(r"[\s\ufeff]*")
_LOOKS_HTML = re.compile(r"^[\s\ufeff]*(<!doctype html|<html|<head|<meta|<body)", re.IGNORECASE)
_HTML_PAGE = re.compile(r"^[\s\ufeff]*(<!doctype html|<html[\s>])", re.IGNORECASE)


@dataclass(frozen=True)
class Block:
    """A paragraph-like run of visible text.

    `starts[i]`/`ends[i]` give the span in Source.text of character i of `text`; for plain text
    they are implied (start + i) and left empty to save memory.
    """

    text: str
    start: int
    end: int
    hint: str = ""  # "chrome" when the page structure already says so (nav, footer, script-free menus)
    tag: str = ""  # the HTML element that held it (h1, p, li ...); "" for plain text
    starts: tuple[int, ...] = ()
    ends: tuple[int, ...] = ()
    row: int | None = None  # for a table cell (td, th): which table row of the page it sits in
    # and its place in that table's grid: (first column, columns spanned, rows spanned)
    cell: tuple[int, int, int] | None = None

    def span(self, i: int, j: int) -> tuple[int, int]:
        """Source span of text[i:j]."""
        if not self.starts:
            return self.start + i, self.start + j
        return self.starts[i], self.ends[j - 1]


@dataclass(frozen=True)
class Source:
    path: str  # as the user named it: the error messages and the briefing cite it
    text: str  # the whole document as decoded: every span indexes this string
    encoding: str
    media: str  # "text" or "html"
    blocks: tuple[Block, ...]
    sha256: str
    html_title: str = ""
    meta: dict = field(default_factory=dict)


def read_source(path: str | Path) -> Source:
    """Read one report from disk; every problem becomes a one-line BriefingError naming the file."""
    shown = str(path)
    p = Path(path)
    if not p.exists():
        raise BriefingError(shown, "no such file")
    if p.is_dir():
        raise BriefingError(shown, "is a folder, not a report file")
    try:
        size = p.stat().st_size
        if size > MAX_BYTES:
            raise BriefingError(shown, f"is {size / 1048576:.0f} MB; reports larger than 50 MB are refused")
        data = p.read_bytes()
    except PermissionError:
        raise BriefingError(shown, "cannot be read: permission denied") from None
    except OSError as exc:
        raise BriefingError(shown, f"cannot be read: {exc.strerror or exc}") from None
    return read_bytes(data, shown)


def read_bytes(data: bytes, name: str) -> Source:
    if not data.strip():
        raise BriefingError(name, "is empty")
    if len(data) > MAX_BYTES:
        raise BriefingError(name, f"is {len(data) / 1048576:.0f} MB; reports larger than 50 MB are refused")
    try:
        text, encoding = decode(data)
    except UndecodableError as exc:
        raise BriefingError(name, str(exc)) from None
    if "\x00" in text or _control_ratio(text) > 0.05:
        raise BriefingError(name, "looks like a binary file, not a text or HTML report")
    suffix = Path(name).suffix.lower()
    # a page saved under a text name (a scraper's page.txt) is still a page when it says so
    looks = _HTML_PAGE if suffix in TEXT_SUFFIXES else _LOOKS_HTML
    is_html = suffix in HTML_SUFFIXES or bool(looks.match(text[:500]))
    digest = hashlib.sha256(data).hexdigest()
    if is_html:
        from briefing.read.html import html_blocks

        blocks, title = html_blocks(text)
        source = Source(name, text, encoding, "html", tuple(blocks), digest, html_title=title)
    else:
        source = Source(name, text, encoding, "text", tuple(text_blocks(text)), digest)
    if not any(_CJK.search(b.text) for b in source.blocks):
        raise BriefingError(name, "contains no Chinese text; briefing reads Chinese reports")
    return source


def text_blocks(text: str) -> list[Block]:
    """Plain text: one block per non-blank line, trimmed, offsets exact; in a hard-wrapped text
    (what PDF-to-text gives: every line cut at one width, mid-sentence), the lines of a paragraph
    are joined into one block, each character still mapped to its place in the source."""
    rows = []  # (line, its start in text, the blank lines before it)
    blank, done = 0, 0
    for m in re.finditer(r"[^\r\n]+", text):
        breaks = text.count("\n", done, m.start()) or text.count("\r", done, m.start())  # \r: old Macs
        blank += max(0, breaks - 1)
        done = m.end()
        line = m.group()
        lead = _LEAD.match(line).end()  # blanks, and the BOM that starts a UTF-8 file
        body = line[lead:].rstrip()
        if body:
            rows.append((body, m.start() + lead, blank))
            blank = 0
        else:
            blank += 1
    width = _wrap_width([body for body, _, _ in rows])
    blocks: list[Block] = []
    joined: list[tuple[str, int]] = []
    for k, (body, start, _) in enumerate(rows):
        joined.append((body, start))
        nxt = rows[k + 1] if k + 1 < len(rows) else None
        if width and nxt and _continues(body, nxt[0], nxt[2], width):
            continue
        blocks.append(_block(joined))
        joined = []
    return blocks


# Hard-wrapped text: a line that ends with none of these, and reaches the wrap width, goes on in
# the next line (unless that line starts a section or is a page number between two pages).
_ENDS_SENTENCE = "。！？；：…”’」』）)!?;:"
_OPENS_SECTION = re.compile(
    r"^(?:[一二三四五六七八九十]{1,3}\s*、|[（(][一二三四五六七八九十\d]{1,3}[）)]|\d{1,2}[.、．]\D|"
    r"第[一二三四五六七八九十\d]+[章节条部分]|亮点|[①-⑳])"
)
_PAGE_MARK = re.compile(r"^[-—–\s]*\d{1,3}[-—–\s]*$|^第\s*\d+\s*页")


def _wrap_width(lines: list[str]) -> int | None:
    """The width a text was hard-wrapped at, or None when its lines are not cut at one width:
    most long lines end mid-sentence at nearly the same length, and none is much longer."""
    long = [line for line in lines if len(line) >= 15 and not _PAGE_MARK.match(line) and not _is_row(line)]
    cut = sorted(len(line) for line in long if line[-1] not in _ENDS_SENTENCE)
    if len(cut) < 5 or len(cut) < 0.3 * len(long):
        return None
    width = cut[len(cut) // 2]
    near = sum(1 for n in cut if abs(n - width) <= max(3, width // 6))
    longest = sorted(len(line) for line in long)[int(len(long) * 0.95)]
    if width < 20 or near < 0.7 * len(cut) or longest > 1.4 * width:
        return None
    return width


def _continues(line: str, nxt: str, blanks_between: int, width: int) -> bool:
    return (
        blanks_between == 0
        and line[-1] not in _ENDS_SENTENCE
        and not _is_row(line)
        and not _is_row(nxt)
        and (len(line) >= 0.7 * width or "，" in line)  # a heading is short, and has no comma
        and not _PAGE_MARK.match(line)  # (a long rule of dashes round a page number too)
        and not _PAGE_MARK.match(nxt)
        and not _OPENS_SECTION.match(nxt)
    )


def _splits_words(before: str, after: str) -> bool:
    """Whether a line break falls between two words of Latin script (not inside a number)."""
    words = before.isascii() and before.isalnum() and after.isascii() and after.isalnum()
    return words and not (before.isdigit() and after.isdigit())


def _is_row(line: str) -> bool:
    """A row of a table flattened to text: cells set apart by tabs or wide gaps."""
    return "\t" in line or "  " in line or "\u3000\u3000" in line


def _block(lines: list[tuple[str, int]]) -> Block:
    """A block of one line, or of the lines of a hard-wrapped paragraph without their breaks (a
    break between two words of Latin script stays as a space, which quotes the break)."""
    if len(lines) == 1:
        body, start = lines[0]
        return Block(body, start, start + len(body))
    text, starts, ends = [], [], []
    for body, start in lines:
        if text and _splits_words(text[-1][-1], body[0]):
            text.append(" ")
            starts.append(ends[-1])
            ends.append(start)
        text.append(body)
        starts.extend(range(start, start + len(body)))
        ends.extend(range(start + 1, start + len(body) + 1))
    return Block("".join(text), starts[0], ends[-1], starts=tuple(starts), ends=tuple(ends))


def _control_ratio(text: str) -> float:
    sample = text[:5000]
    if not sample:
        return 0.0
    bad = sum(1 for c in sample if ord(c) < 32 and c not in "\r\n\t\f\v")
    return bad / len(sample)
