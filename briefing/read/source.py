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
    """Plain text: one block per non-blank line, trimmed, offsets exact."""
    blocks = []
    for m in re.finditer(r"[^\r\n]+", text):
        line = m.group()
        lead = _LEAD.match(line).end()  # blanks, and the BOM that starts a UTF-8 file
        body = line[lead:].rstrip()
        if body:
            start = m.start() + lead
            blocks.append(Block(body, start, start + len(body)))
    return blocks


def _control_ratio(text: str) -> float:
    sample = text[:5000]
    if not sample:
        return 0.0
    bad = sum(1 for c in sample if ord(c) < 32 and c not in "\r\n\t\f\v")
    return bad / len(sample)
