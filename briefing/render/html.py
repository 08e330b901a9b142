"""HTML: the briefing's Markdown through python-markdown, sanitised with nh3, every run of Chinese
marked with its language, inside the layout template (autoescaped)."""

from __future__ import annotations

import re
import threading

import markdown as markdown_lib
import nh3
from markdown.treeprocessors import InlineProcessor
from markupsafe import Markup

from briefing import __version__
from briefing.compose import Briefing
from briefing.ui import HTML_LANG
from briefing.understand.normalize import is_traditional

ALLOWED_TAGS = {
    "a",
    "p",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "ul",
    "ol",
    "li",
    "table",
    "thead",
    "tbody",
    "tr",
    "th",
    "td",
    "em",
    "strong",
    "code",
    "pre",
    "blockquote",
    "hr",
    "br",
    "span",
    "div",
}
ALLOWED_ATTRS = {
    "*": {"id", "class", "lang"},
    "a": {"href", "title"},
    "th": {"style", "align"},
    "td": {"style", "align"},
}
CJK_RUN = re.compile(
    r"[\u3400-\u9fff\uf900-\ufaff\u3000-\u303f\uff00-\uffef“”‘’「」『』《》]*[\u3400-\u9fff\uf900-\ufaff]"
    r"[\u3400-\u9fff\uf900-\ufaff\u3000-\u303f\uff00-\uffef“”‘’「」『』《》0-9０-９.,%％\s]*"
)
_TAG = re.compile(r"(<[^>]*>)")


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
# The characters without which each remaining inline pattern cannot match. A text node with none
# of them (most table cells: "Criminal cases filed", "13.8%") is returned as it is instead of being
# searched by every pattern in turn, which is where python-markdown spends its time on a table.
TRIGGERS = {"escape": "\\", "link": "[", "html": "<", "entity": "&", "em_strong": "*_"}
_converters = threading.local()


class _PlainTextSkippingInline(InlineProcessor):
    """python-markdown's inline processor, except that text no inline pattern can match is
    returned at once. Same output: it is what the full search returns for such text."""

    def __init__(self, md: markdown_lib.Markdown):
        super().__init__(md)
        names = [name for name in TRIGGERS if name in md.inlinePatterns]
        # an inline pattern we do not know (a user's extension) turns the shortcut off
        known = len(names) == len(md.inlinePatterns)
        chars = "".join(TRIGGERS[name] for name in names)
        if getattr(md, "delimiters", None) is not None:  # emphasis characters an extension adds
            chars += "".join(md.delimiters.delimiters)
        self._may_match = re.compile("[" + re.escape(chars) + "]").search if known else None

    def _InlineProcessor__handleInline(self, data: str, patternIndex: int = 0) -> str:
        if self._may_match is not None and not self._may_match(data):
            return data
        return super()._InlineProcessor__handleInline(data, patternIndex)


def _converter() -> markdown_lib.Markdown:
    """One Markdown converter per thread (building one costs milliseconds; they are not
    thread-safe), reset before every document."""
    md = getattr(_converters, "md", None)
    if md is None:
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
        md.treeprocessors.register(_PlainTextSkippingInline(md), "inline", 20)
        _converters.md = md
    return md.reset()


def markdown_to_html(md: str) -> str:
    html = _converter().convert(md)
    return nh3.clean(
        html,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRS,
        url_schemes={"http", "https", "mailto"},
        link_rel=None,
        strip_comments=True,
    )


def mark_languages(html: str) -> str:
    """Wrap every run of Chinese in text (never in tags or attributes) in a span with its
    language, zh-Hans or zh-Hant, as screen readers and font selection need."""
    parts = _TAG.split(html)
    for i in range(0, len(parts), 2):
        parts[i] = CJK_RUN.sub(_wrap, parts[i])
    return "".join(parts)


def _wrap(m: re.Match) -> str:
    text = m.group()
    stripped = text.rstrip()
    tail = text[len(stripped) :]
    lang = "zh-Hant" if is_traditional(stripped) else "zh-Hans"
    return f'<span lang="{lang}">{stripped}</span>{tail}'


def split_after_glance(body: str) -> tuple[str, str]:
    """The chart goes after the at-a-glance table: split the body before the highlights."""
    at = body.find('<h2 id="highlights"')
    return (body, "") if at < 0 else (body[:at], body[at:])


def render_html(briefing: Briefing, md: str, env, for_print: bool = False, font_css: str = "") -> str:
    body = markdown_to_html(md)
    if briefing.lang == "en":
        body = mark_languages(body)  # a Chinese briefing is Chinese throughout: its page says so
    if for_print:
        # On paper the default face already draws Simplified Chinese; only Traditional runs need
        # their span (for the TC glyphs), and every inline box costs WeasyPrint layout time.
        body = re.sub(r'<span lang="zh-Hans">(.*?)</span>', r"\1", body)
    head, rest = split_after_glance(body)
    template = env.get_template("layout.html.j2")
    return template.render(
        b=briefing,
        body_head=Markup(head),
        body_rest=Markup(rest),
        version=__version__,
        for_print=for_print,
        font_css=Markup(font_css),
        html_lang=HTML_LANG[briefing.lang],
    )


def render_index(entries, env, source_count: int) -> str:
    return env.get_template("index.html.j2").render(
        districts=entries, source_count=source_count, version=__version__
    )
