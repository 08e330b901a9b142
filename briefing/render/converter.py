"""python-markdown, set up for briefings and made faster for them without changing a byte.

A briefing's Markdown is thousands of small blocks and table cells, and python-markdown visits
every one of them in every step. Each class below replaces one step with the stock code plus a
shortcut, taken only where the stock code would give the same result: a text without the
character an inline pattern needs, words ending in a plain link, a table row without code or
escapes, an element without a `{`, a document without a `<`. tests/test_markdown_conversion.py
holds them to python-markdown's own output on every briefing of the examples and on generated
Markdown.

The shortcuts reach into python-markdown's inline processor, whose internals change between
releases: they are used only with the releases they were checked against (FAST_RELEASES), and the
stock processors otherwise.
"""

from __future__ import annotations

import copy
import functools
import html
import re
import threading
import xml.etree.ElementTree as etree

import markdown as markdown_lib
from markdown import util
from markdown.blockparser import BlockParser
from markdown.blockprocessors import BlockProcessor
from markdown.extensions import toc as toc_extension
from markdown.extensions.attr_list import AttrListTreeprocessor
from markdown.extensions.tables import TableProcessor
from markdown.extensions.toc import TocExtension, TocTreeprocessor
from markdown.inlinepatterns import DelimiterProcessor, LinkInlineProcessor
from markdown.preprocessors import HtmlBlockPreprocessor, NormalizeWhitespace
from markdown.treeprocessors import InlineProcessor, UnescapeTreeprocessor

FAST_RELEASES = {(3, 11)}

# Inline syntax a briefing never uses. Each inline pattern is tried on every text node (a long
# metrics table has hundreds), so dropping these makes the conversion a third faster with the
# same output; images could not be shown anyway (nh3 drops <img>, the PDF fetches nothing).
UNUSED_INLINE = (
    "backtick",
    "reference",
    "image_link",
    "image_reference",
    "short_reference",
    "short_image_ref",
    "autolink",
    "automail",
    "linebreak",
    "not_strong",
    "em_strong2",
)
# The characters without which each remaining inline pattern cannot match (the placeholders that
# earlier patterns leave in the text hold none of them).
TRIGGERS = {"escape": "\\", "link": "[", "html": "<", "entity": "&", "em_strong": "*_"}
_PLAIN_HREF = re.compile(r"\(([^\s()<>\"'\\]*)\)")
# words and a link's text holding no inline pattern's character (nor a placeholder's STX), then a
# link to an anchor; not after ! (which would make an image of it)
_PLAIN = r"[^\\\[\]<&*_`\x02]"
_ENDING_LINK = re.compile(rf"({_PLAIN}*?)(?<!!)\[({_PLAIN}*)\]\((#[A-Za-z0-9_-]+)\)")
# plain words and quotes between single asterisks, each quote starting and ending with a
# character that is no space, none next to another (so that each asterisk opens or closes, as the
# delimiter rules say: ** is one run of two)
_EMPHASES = re.compile(rf"{_PLAIN}*(?:\*(?!\s){_PLAIN}+(?<!\s)\*(?!\*){_PLAIN}*)+")
# a line that another block processor may take: indented, blank, or opening a heading, list,
# quote, rule, setext underline, table or link reference
_OPENS_ANOTHER_BLOCK = re.compile(r"(?m)^(?:[ \t#>*+\-_=|\[]|\d+\.|$)")
_converters = threading.local()


def converter() -> markdown_lib.Markdown:
    """This thread's Markdown converter (building one costs milliseconds; they are not
    thread-safe), reset for a new document."""
    md = getattr(_converters, "md", None)
    if md is None:
        md = _make_converter(fast=markdown_lib.__version_info__[:2] in FAST_RELEASES)
        _converters.md = md
    return md.reset()


def _make_converter(fast: bool) -> markdown_lib.Markdown:
    md = markdown_lib.Markdown(
        extensions=["tables", "toc", "attr_list"],
        # no [TOC] marker is ever written: without one, toc does not search every text for it
        extension_configs={"toc": {"marker": ""}},
        output_format="html",
    )
    for name in UNUSED_INLINE:
        md.inlinePatterns.deregister(name, strict=False)
    # the indenting of the HTML source (newlines between blocks) costs 15% of the conversion
    # and shows nowhere: the browser and the PDF lay out the same elements without it
    md.treeprocessors.deregister("prettify")
    if fast:
        _install_shortcuts(md)
    return md


def _install_shortcuts(md: markdown_lib.Markdown) -> None:
    _BlockParser.install(md)
    paragraph = md.parser.blockprocessors["paragraph"]
    md.parser.blockprocessors.register(_PlainParagraph(md.parser, paragraph), "plain_paragraph", 1000)
    _replace(md.inlinePatterns, "link", _Link(md.inlinePatterns["link"].pattern, md))
    _replace(md.inlinePatterns, "em_strong", _Emphasis.like(md.inlinePatterns["em_strong"], md))
    _replace(md.treeprocessors, "inline", _Inline(md))
    _replace(md.treeprocessors, "attr_list", _AttrList(md))
    _replace(md.treeprocessors, "unescape", _Unescape(md))
    toc = next(e for e in md.registeredExtensions if isinstance(e, TocExtension))
    _replace(md.treeprocessors, "toc", _Toc(md, toc.getConfigs()))
    _replace(md.preprocessors, "html_block", _HtmlBlock(md))
    _replace(md.preprocessors, "normalize_whitespace", _Whitespace(md))
    _replace(md.parser.blockprocessors, "table", _Table(md.parser, md.parser.blockprocessors["table"].config))


class _Whitespace(NormalizeWhitespace):
    """NormalizeWhitespace, each step taken only where it has something to change."""

    def run(self, lines: list[str]) -> list[str]:
        source = "\n".join(lines)
        if util.STX in source or util.ETX in source:
            source = source.replace(util.STX, "").replace(util.ETX, "")
        if "\r" in source:
            source = source.replace("\r\n", "\n").replace("\r", "\n")
        source += "\n\n"
        if "\t" in source:
            source = source.expandtabs(self.md.tab_length)
        if " \n" in source:
            source = re.sub(r"(?<=\n) +\n", "\n", source)
        return source.split("\n")


def _replace(registry: util.Registry, name: str, processor) -> None:
    """Put a processor in the place (the priority) of the one of that name."""
    priority = next(item.priority for item in registry._priority if item.name == name)
    registry.register(processor, name, priority)


class _Inline(InlineProcessor):
    """The inline processor, except that a text holding no character of an inline pattern is
    left as it is (most table cells: "Criminal cases filed", "13.8%"), that words ending in a
    plain link get the link's element directly, and that a pattern is not searched for in a text
    without its character."""

    def __init__(self, md: markdown_lib.Markdown):
        super().__init__(md)
        patterns = md.inlinePatterns
        names = sorted(patterns._data, key=patterns.get_index_for_name)  # in the order applied
        triggers = [TRIGGERS.get(name) for name in names]
        if getattr(md, "delimiters", None) is not None:  # emphasis characters an extension adds
            extra = "".join(md.delimiters.delimiters)
            triggers = [t + extra if name == "em_strong" else t for name, t in zip(names, triggers)]
        # a pattern we do not know (a user's extension) is always searched for
        self._pattern_may_match = [_any_of(t) if t else None for t in triggers]
        # a text holding a placeholder (STX: an element an earlier pattern took out) is processed
        # too: that is where the element is put back
        self._may_match = _any_of("".join(triggers) + util.STX) if all(triggers) else None

    def _InlineProcessor__handleInline(self, data: str, patternIndex: int = 0) -> str:
        if isinstance(data, util.AtomicString):
            return data
        start = 0
        count = len(self.inlinePatterns)
        while patternIndex < count:
            may_match = self._pattern_may_match[patternIndex]
            if may_match is not None and not may_match(data):
                patternIndex, start = patternIndex + 1, 0  # what a pattern that did not match gives
                continue
            pattern = self.inlinePatterns[patternIndex]
            data, matched, start = self._InlineProcessor__applyPattern(pattern, data, patternIndex, start)
            if not matched:
                patternIndex += 1
        return data

    def _ending_link(self, text: str, parent: etree.Element) -> list | None:
        """A text that is plain words ending in a plain link (a metrics row's source cell
        "[…上诉率0.46%…](#q-2-4703)", a highlight "sentence [3,200](#q-4-484)"): the element the
        link pattern makes, put where the stock code puts it (after the words, which stay the
        parent's text), without the passes of every pattern over it."""
        link = _ENDING_LINK.fullmatch(text) if self._may_match is not None else None
        if link is None:
            return None
        words, label, href = link.groups()
        anchor = etree.Element("a")
        anchor.text = label
        anchor.set("href", href)
        parent.text = words or None
        self._InlineProcessor__stashNode(anchor, "link")  # numbered as the stock code numbers it
        return [(anchor, self.ancestors[:])]

    def _emphasised(self, text: str, parent: etree.Element) -> list | None:
        """A text that is plain words and quotes each between single asterisks (the sources
        appendix: "words *quote*{: #q-1-553 } words"): the em elements the delimiter processor
        makes, each stashed and numbered in order as it stashes them, their words between them
        as their tails."""
        if self._may_match is None or _EMPHASES.fullmatch(text) is None:
            return None
        parts = text.split("*")
        parent.text = parts[0] or None
        placed = []
        for quoted, words in zip(parts[1::2], parts[2::2], strict=True):
            em = etree.Element("em")
            em.text = quoted
            em.tail = words or None
            self._InlineProcessor__stashNode(em, "em")
            placed.append((em, self.ancestors[:]))
        return placed

    def run(self, tree: etree.Element, ancestors: list[str] | None = None) -> etree.Element:
        """InlineProcessor.run, skipping texts and tails without an inline pattern's character:
        for those the stock code sets the same text back. (The stock code also keeps a map from
        each element to its parent, only to list the ancestors of the tree it is given, which
        has none in its own map: it is left empty.)"""
        handle = self._InlineProcessor__handleInline
        place = self._InlineProcessor__processPlaceholders
        may_match = self._may_match or (lambda text: True)
        self.stashed_nodes = {}
        self.parent_map = {}
        tree_parents = [] if ancestors is None else ancestors[:]
        self._InlineProcessor__build_ancestors(tree, tree_parents)
        queue = [(tree, tree_parents)]  # breadth first, as the stock code goes
        done = 0
        while done < len(queue):
            element, parents = queue[done]
            done += 1
            self.ancestors = parents
            if element is not tree:
                parents.append(element.tag.lower())
            insert_queue = []
            for child in element:
                text = child.text
                if text and may_match(text) and not isinstance(text, util.AtomicString):
                    parents.append(child.tag.lower())
                    child.text = None
                    placed = (
                        self._ending_link(text, child)
                        or self._emphasised(text, child)
                        or place(handle(text), child)
                    )
                    queue += placed
                    insert_queue.append((child, placed))
                    parents.pop()
                tail = child.tail
                if tail and may_match(tail):
                    holder = etree.Element("d")
                    child.tail = None
                    placed_tail = place(handle(tail), holder, False)
                    if holder.tail:
                        child.tail = holder.tail
                    position = list(element).index(child) + 1
                    placed_tail.reverse()
                    for new_child in placed_tail:
                        element.insert(position, new_child[0])
                if len(child):
                    queue.append((child, parents[:]))
            for parent, placed in insert_queue:
                for i, item in enumerate(placed):
                    parent.insert(i, item[0])
        return tree


class _BlockParser(BlockParser):
    """The block parser, stepping through a list of its processors made once per document
    (python-markdown's registry builds a new sorted list for every block)."""

    @classmethod
    def install(cls, md: markdown_lib.Markdown) -> None:
        parser = cls(md)
        parser.blockprocessors = md.parser.blockprocessors
        for processor in parser.blockprocessors:
            processor.parser = parser  # they parse nested blocks (list items) through it
        md.parser = parser

    def parseDocument(self, lines):
        self._processors = tuple(self.blockprocessors)
        try:
            return super().parseDocument(lines)
        finally:
            del self._processors

    def parseBlocks(self, parent: etree.Element, blocks: list[str]) -> None:
        processors = getattr(self, "_processors", None) or tuple(self.blockprocessors)
        while blocks:
            for processor in processors:
                if processor.test(parent, blocks[0]) and processor.run(parent, blocks) is not False:
                    break


class _PlainParagraph(BlockProcessor):
    """A block no other block processor can take (no line opens a heading, list, quote, code,
    rule, table or link reference, and none is blank) is a paragraph: handed to the paragraph
    processor without each of the others testing it in turn. Most blocks of a briefing are
    such (its list items, its sources' paragraphs)."""

    def __init__(self, parser: BlockParser, paragraph: BlockProcessor):
        super().__init__(parser)
        self.paragraph = paragraph

    def test(self, parent: etree.Element, block: str) -> bool:
        return bool(block) and "|" not in block and _OPENS_ANOTHER_BLOCK.search(block) is None

    def run(self, parent: etree.Element, blocks: list[str]) -> None:
        self.paragraph.run(parent, blocks)


class _Link(LinkInlineProcessor):
    """Links read without python-markdown's character-by-character scan when the text holds no
    bracket and the target is a plain address: [quote](#q-2-4703)."""

    def getText(self, data: str, index: int) -> tuple[str, int, bool]:
        close = data.find("]", index)
        if close >= 0 and "[" not in data[index:close]:
            return data[index:close], close + 1, True
        return super().getText(data, index)

    def getLink(self, data: str, index: int) -> tuple[str, str | None, int, bool]:
        plain = _PLAIN_HREF.match(data, index)
        if plain:
            return self.unescape(plain.group(1)).strip(), None, plain.end(), True
        return super().getLink(data, index)


class _Emphasis(DelimiterProcessor):
    """Emphasis (the quotes anchored in the sources appendix: *…*{: #q-1-553 }), looking for
    the next delimiter with a regular expression instead of python-markdown's loop over every
    character of the paragraph."""

    @classmethod
    def like(cls, stock: DelimiterProcessor, md: markdown_lib.Markdown) -> _Emphasis:
        """This processor with the stock one's delimiters (* and _, and any an extension added)."""
        emphasis = copy.copy(stock)
        emphasis.__class__ = cls
        md.delimiters = emphasis
        return emphasis

    def search(self, data: str, start: int) -> re.Match[str] | None:
        # the stock loop tries each position holding a delimiter's (one-character) token
        tokens = "".join(token for token in self.delimiters if len(token) == 1)
        if not tokens:
            return None
        next_token = _any_of(tokens)
        found = next_token(data, start)
        while found is not None:
            i = found.start()
            delimiter = self.delimiters[data[i]]
            m = delimiter.boundary.match(data, i)
            if m is not None and (delimiter.stack or m.lastgroup[0] != "e"):
                return m
            found = next_token(data, i + 1)
        return None


class _Elements:
    """A stand-in for a tree that yields only some of its elements, in document order."""

    def __init__(self, elements: list[etree.Element]):
        self._elements = elements

    def iter(self):
        return iter(self._elements)


class _AttrList(AttrListTreeprocessor):
    """attr_list, looking only at elements whose text, tail or a child's tail holds a `{`: the
    only places it reads a list of attributes from."""

    def run(self, doc: etree.Element) -> None:
        marked = set()
        for parent in doc.iter():
            if parent.text and "{" in parent.text:
                marked.add(parent)
            for child in parent:
                if child.tail and "{" in child.tail:
                    marked.update((child, parent))
        if marked:
            super().run(_Elements([e for e in doc.iter() if e in marked]))


class _Toc(TocTreeprocessor):
    """toc, shown only the elements it acts on: those with an id (which a new id must not
    repeat) and the headings (which it gives ids), in document order; and a heading of plain
    text (no child element, no character the serializer would escape, no placeholder) gives
    its text as its inner HTML, as serializing it and taking the tags off again would."""

    def run(self, doc: etree.Element) -> None:
        elements = [e for e in doc.iter() if e.tag in _HEADINGS or "id" in e.attrib]
        # TocTreeprocessor.run from here, but for the plain heading's inner HTML
        used_ids = {el.attrib["id"] for el in elements if "id" in el.attrib}
        id_counters: dict[str, int] = {}
        toc_tokens = []
        for el in elements:
            if isinstance(el.tag, str) and self.header_rgx.match(el.tag):
                self.set_level(el)
                innerhtml = _plain_text(el)
                if innerhtml is None:
                    innerhtml = toc_extension.render_inner_html(toc_extension.remove_fnrefs(el), self.md)
                name = toc_extension.strip_tags(innerhtml)
                if "id" not in el.attrib:
                    el.attrib["id"] = toc_extension.unique(
                        self.slugify(html.unescape(name), self.sep), used_ids, id_counters
                    )
                data_toc_label = ""
                if "data-toc-label" in el.attrib:
                    data_toc_label = toc_extension.run_postprocessors(
                        toc_extension.unescape(el.attrib["data-toc-label"]), self.md
                    )
                    name = toc_extension.escape_cdata(toc_extension.strip_tags(data_toc_label))
                    del el.attrib["data-toc-label"]
                if int(el.tag[-1]) >= self.toc_top and int(el.tag[-1]) <= self.toc_bottom:
                    toc_tokens.append(
                        {
                            "level": int(el.tag[-1]),
                            "id": toc_extension.unescape(el.attrib["id"]),
                            "name": name,
                            "html": innerhtml,
                            "data-toc-label": data_toc_label,
                        }
                    )
                if self.use_anchors:
                    self.add_anchor(el, el.attrib["id"])
                if self.use_permalinks not in [False, None]:
                    self.add_permalink(el, el.attrib["id"])
        toc_tokens = toc_extension.nest_toc_tokens(toc_tokens)
        div = self.build_toc_div(toc_tokens)
        if self.marker:
            self.replace_marker(doc, div)
        toc = self.md.serializer(div)
        for pp in self.md.postprocessors:
            toc = pp.run(toc)
        self.md.toc_tokens = toc_tokens
        self.md.toc = toc


def _plain_text(heading: etree.Element) -> str | None:
    """The inner HTML of a heading that holds text alone, none of it escaped or stashed."""
    text = heading.text
    if (
        len(heading)
        or not text
        or _NOT_PLAIN.search(text)
        or any(v is None or ">" in v for v in heading.attrib.values())
    ):
        return None
    return text.strip()


_NOT_PLAIN = re.compile("[&<>\x02\x03]")


_HEADINGS = {f"{h}{n}" for h in "hH" for n in range(1, 7)}


class _Unescape(UnescapeTreeprocessor):
    """Escaped characters restored only in strings that hold an escape (STX), and only in a
    document that holds a backslash (the escape pattern makes every escape from one)."""

    def run(self, root: etree.Element) -> None:
        if not any("\\" in line for line in self.md.lines):
            return
        for elem in root.iter():
            if elem.text and util.STX in elem.text and elem.tag != "code":
                elem.text = self.unescape(elem.text)
            if elem.tail and util.STX in elem.tail:
                elem.tail = self.unescape(elem.tail)
            for key, value in elem.items():
                if value is not None and util.STX in value:
                    elem.set(key, self.unescape(value))


class _HtmlBlock(HtmlBlockPreprocessor):
    """Raw HTML blocks are looked for only in a document holding a < or a character reference
    (&#1, which the HTML parser completes to &#1;): our Markdown holds neither (md_escape writes
    &lt; and &amp;), so python-markdown's HTML parser need not read it all."""

    def run(self, lines: list[str]) -> list[str]:
        if any("<" in line or "&#" in line for line in lines):
            return super().run(lines)
        return lines


class _Table(TableProcessor):
    """A table row without code spans or backslashes is split at every pipe (its outer ones
    taken off), as python-markdown's character scan would."""

    def _split_row(self, row: str) -> list[str]:
        if "`" in row or "\\" in row:
            return super()._split_row(row)
        if self.border:  # the outer pipes (no backslash can escape the last one)
            row = row.removeprefix("|")
            row = row.removesuffix("|")
        return row.split("|")

    def _split(self, row: str) -> list[str]:
        if "`" in row or "\\" in row:
            return super()._split(row)
        return row.split("|")


@functools.lru_cache(maxsize=64)
def _any_of(chars: str):
    return re.compile("[" + re.escape(chars) + "]").search
