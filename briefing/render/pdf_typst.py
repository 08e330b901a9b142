"""PDF with Typst: the same printable HTML as WeasyPrint gets, turned into Typst and set by the
Typst compiler (PyPI `typst`: Rust, no system library), ten to thirty times faster than WeasyPrint.

The HTML is our own template's output after sanitising (nh3), so the elements are few; any other
element is set as its text. Every piece of text enters the Typst source as a string literal
("…", only backslash and double quote escaped), never as markup, so nothing a report says can
become Typst code. The presentation (page, running header, page numbers, fonts, headings, tables,
the marked quotes) is `print.typ`, found on the template search path like every template: a user's
folder may replace it. Typst reads no file but the fonts of the Noto Sans CJK wheel (system fonts
are ignored, so every machine sets the same glyphs) and fetches nothing.
"""

from __future__ import annotations

import logging
import re
import time
from functools import lru_cache

import lxml.html
from lxml import etree

from briefing.render.fonts import FACES
from briefing.ui import FONT_FACE, HTML_LANG

log = logging.getLogger("briefing.pdf")

SLOW_SECONDS = 1.0
# a briefing's language -> Typst's region for it (the face comes from ui.FONT_FACE)
REGION = {"en": "", "zh-Hans": "cn", "zh-Hant": "tw", "zh-TW": "tw", "zh-HK": "hk"}
LANG_OF_PAGE = {page: lang for lang, page in HTML_LANG.items()}  # the page's html lang -> briefing's
SPACE = re.compile(r"\s+")
INLINE_CALLS = {"strong": "strong", "b": "strong", "i": "emph", "sup": "super", "sub": "sub", "s": "strike"}
INLINE_CALLS |= {"del": "strike", "u": "underline"}
SKIPPED = {"head", "script", "style", "template", "img", "noscript"}


def typst_string(text: str) -> str:
    """A Typst string literal: only the backslash and the double quote need escaping."""
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n") + '"'


class _Writer:
    """HTML elements -> Typst markup made of calls and string literals only."""

    def __init__(self, labels: set[str], face: str):
        self.labels = labels  # ids present in the page: a link to any other is left a plain text
        self.face = face  # the page's font face (SC, TC or HK), for the chart's labels too
        self.placed: set[str] = set()  # labels set so far: an id given twice labels its first element

    def blocks(self, el) -> str:
        """The children of a block container, each block ended by a blank line (a paragraph
        break); runs of inline children make a paragraph of their own."""
        out, inline = [], []
        for part in self._children(el):
            if isinstance(part, str) or not _is_block(part):
                inline.append(part)
                continue
            out.append(self._paragraph(inline))
            inline = []
            out.append(self.block(part))
        out.append(self._paragraph(inline))
        return "".join(out)

    def _paragraph(self, parts) -> str:
        """Inline parts as one paragraph; white space between blocks makes none."""
        while parts and isinstance(parts[0], str) and not parts[0].strip():
            parts = parts[1:]
        while parts and isinstance(parts[-1], str) and not parts[-1].strip():
            parts = parts[:-1]
        if not parts:
            return ""
        if isinstance(parts[0], str):
            parts = [parts[0].lstrip(), *parts[1:]]
        if isinstance(parts[-1], str):
            parts = [*parts[:-1], parts[-1].rstrip()]
        return "".join(self.inline(p) for p in parts) + "\n\n"

    def block(self, el) -> str:
        tag = el.tag
        if tag in SKIPPED:
            return ""
        if tag in ("h1", "h2", "h3", "h4", "h5", "h6"):  # labelled itself: a bookmark and link target
            return f"#heading(level: {tag[1]})[{self.inline_children(el)}]{self._label(el)}\n\n"
        anchor = self._anchor(el)
        if tag == "p":
            return f"{anchor}{self.inline_children(el)}\n\n"
        if tag in ("ul", "ol"):
            items = [f"[{self.blocks(li).strip()}]" for li in el if li.tag == "li"]
            return (
                f"{anchor}#{'list' if tag == 'ul' else 'enum'}({', '.join(items)})\n\n" if items else anchor
            )
        if tag == "table":
            return anchor + self.table(el) + "\n\n"
        if tag == "figure" and el.find(".//svg") is not None:
            return anchor + self.chart(el) + "\n\n"
        if tag == "pre":
            return f"{anchor}#raw(block: true, {typst_string(el.text_content())})\n\n"
        if tag == "blockquote":
            return f"{anchor}#quote(block: true)[{self.blocks(el).strip()}]\n\n"
        if tag == "hr":
            return anchor + "#line(length: 100%)\n\n"
        if "running-title" in (el.get("class") or ""):
            return f"{anchor}#running-title({typst_string(_text(el))})\n\n"
        if "colophon" in (el.get("class") or ""):
            return f"{anchor}#colophon[{self.blocks(el).strip()}]\n\n"
        return anchor + self.blocks(el)

    def inline(self, part) -> str:
        if isinstance(part, str):
            return f"#{typst_string(part)}" if part else ""
        tag = part.tag
        if tag in SKIPPED or tag == "svg":
            return ""
        inner = self.inline_children(part)
        if tag == "br":
            return "#linebreak()"
        if tag == "a":
            href = part.get("href") or ""
            target = href[1:]
            if href.startswith("#") and target in self.labels and not _holds_id(part, target):
                return f"#link(label({typst_string(target)}))[{inner}]"
            if href.startswith(("http://", "https://", "mailto:")):
                return f"#link({typst_string(href)})[{inner}]"
            return inner
        if tag == "em" and part.get("id"):
            anchor = part.get("id")
            placed = anchor in self.placed
            self.placed.add(anchor)
            return f"#quoted({'none' if placed else typst_string(anchor)})[{inner}]"
        if tag == "em":
            return f"#emph[{inner}]"
        if tag == "span" and (part.get("lang") or "").startswith("zh"):
            return f"#chinese({typst_string(part.get('lang'))})[{inner}]"
        if tag == "code":
            return f"#raw({typst_string(part.text_content())})"
        if tag in INLINE_CALLS:
            return f"#{INLINE_CALLS[tag]}[{inner}]"
        return self._anchor(part) + inner

    def inline_children(self, el) -> str:
        parts = list(self._children(el))
        if parts and isinstance(parts[0], str):
            parts[0] = parts[0].lstrip()
        if parts and isinstance(parts[-1], str):
            parts[-1] = parts[-1].rstrip()
        return "".join(self.inline(p) for p in parts)

    def table(self, el) -> str:
        rows = [tr for tr in el.iter("tr")]
        if not rows:
            return ""
        width = max(len([c for c in tr if c.tag in ("td", "th")]) for tr in rows)
        head, body = [], []
        for tr in rows:
            cells = [f"[{self.blocks(c).strip()}]" for c in tr if c.tag in ("td", "th")]
            cells += ["[]"] * (width - len(cells))
            is_head = tr.getparent().tag == "thead" or all(
                c.tag == "th" for c in tr if isinstance(c.tag, str)
            )
            (head if is_head and not body else body).extend(cells)
        header = f"table.header({', '.join(head)}), " if head else ""
        columns = ", ".join(["1fr"] * width)
        return f"#table(columns: ({columns},), {header}{', '.join(body)})"

    def chart(self, el) -> str:
        svg = el.find(".//svg")
        caption = el.find(".//figcaption")
        svg.set("font-family", FACES[self.face])  # the browser's font list names faces Typst lacks
        markup = etree.tostring(svg, encoding="unicode", method="xml")
        if "xmlns=" not in markup[:200]:
            markup = markup.replace("<svg", '<svg xmlns="http://www.w3.org/2000/svg"', 1)
        title = self.inline_children(caption) if caption is not None else ""
        return f"#chart([{title}], {typst_string(markup)})"

    def _children(self, el):
        """Text and child elements in order, white space collapsed as a browser would."""
        if el.text:
            yield SPACE.sub(" ", el.text)
        for child in el:
            if isinstance(child.tag, str):
                yield child
            if child.tail:
                yield SPACE.sub(" ", child.tail)

    def _label(self, el) -> str:
        """The label of a heading (it follows the element it names), once per id."""
        anchor = el.get("id")
        if not anchor or anchor in self.placed:
            return ""
        self.placed.add(anchor)
        return f"#label({typst_string(anchor)})"

    def _anchor(self, el) -> str:
        """An element's id as a link target placed before it: an invisible metadata element with
        the label, as a paragraph or a table itself cannot be the target of a link."""
        label = self._label(el)
        return f"#metadata(none){label}" if label else ""


BLOCKS = {"p", "div", "ul", "ol", "table", "figure", "pre", "blockquote", "hr", "section", "main"}
BLOCKS |= {"h1", "h2", "h3", "h4", "h5", "h6", "header", "footer", "article", "nav", "aside", "li"}


def _is_block(el) -> bool:
    return el.tag in BLOCKS


def _holds_id(el, anchor: str) -> bool:
    """Whether the element or one inside it has the id (Typst cannot link to a place inside the
    link itself)."""
    return any(e.get("id") == anchor for e in el.iter() if isinstance(e.tag, str))


def _text(el) -> str:
    return SPACE.sub(" ", el.text_content()).strip()


def html_to_typst(html_text: str, preamble: str) -> str:
    """The Typst source of a printable briefing page: our preamble, the page's settings (title,
    language, running title), then its body."""
    page = lxml.html.document_fromstring(html_text)
    lang = page.get("lang") or "en"
    briefing_lang = LANG_OF_PAGE.get(lang, "en")
    typst_lang, region, face = briefing_lang[:2], REGION[briefing_lang], FONT_FACE[briefing_lang]
    title = page.findtext(".//title") or ""
    labels = {e.get("id") for e in page.iter() if isinstance(e.tag, str) and e.get("id")}
    body = page.find("body")
    settings = ", ".join(
        [
            f"title: {typst_string(SPACE.sub(' ', title).strip())}",
            f"lang: {typst_string(typst_lang)}",
            f"region: {typst_string(region)}",
            f"face: {typst_string(face)}",
        ]
    )
    content = _Writer(labels, face).blocks(body) if body is not None else ""
    return f"{preamble}\n#show: briefing.with({settings})\n\n{content}"


@lru_cache(maxsize=1)
def _compiler():
    """One compiler per process: it loads the font collection once (about 60 ms)."""
    import noto_cjk_sans_otc
    import typst

    folder = str(noto_cjk_sans_otc.FONT_PATH.parent)
    return typst.Compiler(font_paths=[folder], ignore_system_fonts=True)


def render_pdf_typst(html_for_print: str, title: str, preamble: str) -> bytes:
    started = time.perf_counter()
    source = html_to_typst(html_for_print, preamble)
    # untagged, as WeasyPrint's: the structure tree of a tagged PDF doubles its size (past 500 KB)
    pdf = _compiler().compile(input=source.encode("utf-8"), pdf_tags=False)
    took = time.perf_counter() - started
    if took > SLOW_SECONDS:
        log.warning("PDF for %s took %.1f s with Typst", title, took)
    return pdf
