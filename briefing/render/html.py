"""HTML: the briefing's Markdown through python-markdown, sanitised with nh3, every run of Chinese
marked with its language, inside the layout template (autoescaped)."""

from __future__ import annotations

import re

import nh3
from markupsafe import Markup

from briefing import __version__
from briefing.compose import Briefing
from briefing.render.converter import converter
from briefing.ui import HTML_LANG
from briefing.understand.normalize import has_traditional_character, is_traditional

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
_HAN = r"\u3400-\u9fff\uf900-\ufaff"
_CJK_MARKS = r"\u3000-\u303f\uff00-\uffef“”‘’「」『』《》"
_STARTS_RUN = f"{_HAN}{_CJK_MARKS}"
_IN_RUN = f"{_HAN}{_CJK_MARKS}0-9０-９.,%％\\s"
_ENDS_RUN = f"{_HAN}\u3001-\u303f\uff00-\uffef“”‘’「」『』《》0-9０-９.,%％"  # no whitespace
# A run of Chinese: marks and characters holding at least one character, then figures, marks
# and spaces, ending before its trailing whitespace (which stays outside the span). It starts
# with one character class (no repeat), so the regex engine skips to a candidate at C speed.
CJK_RUN = re.compile(
    f"[{_STARTS_RUN}](?:(?<=[{_HAN}])|[{_STARTS_RUN}]*[{_HAN}])(?:[{_IN_RUN}]*[{_ENDS_RUN}])?"
)
_TAG = re.compile(r"(<[^>]*>)")
# a tag holding a character a run of Chinese starts with (an attribute in Chinese)
_TAG_WITH_CHINESE = re.compile(f"<[^>]*[{_HAN}{_CJK_MARKS}]")


def markdown_to_html(md: str) -> str:
    html = converter().convert(md)
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
    if not _TAG_WITH_CHINESE.search(html):
        return CJK_RUN.sub(_wrap, html)  # a run stops at every tag's <, so none starts inside one
    parts = _TAG.split(html)
    for i in range(0, len(parts), 2):
        parts[i] = CJK_RUN.sub(_wrap, parts[i])
    return "".join(parts)


def _wrap(m: re.Match) -> str:
    text = m.group()
    # (most runs hold no Traditional character: found by one regex search, no counting)
    lang = "zh-Hant" if has_traditional_character(text) and is_traditional(text) else "zh-Hans"
    return f'<span lang="{lang}">{text}</span>'


def split_after_glance(body: str) -> tuple[str, str]:
    """The chart goes after the at-a-glance table: split the body before the highlights."""
    at = body.find('<h2 id="highlights"')
    return (body, "") if at < 0 else (body[:at], body[at:])


def body_html(md: str, lang: str) -> str:
    """A briefing's Markdown as sanitised HTML, made once for the screen page and the printable
    one; the runs of Chinese in an English briefing are marked (a Chinese briefing is Chinese
    throughout: its page says so)."""
    body = markdown_to_html(md)
    return mark_languages(body) if lang == "en" else body


def render_html(briefing: Briefing, body: str, env, for_print: bool = False, font_css: str = "") -> str:
    """The page of a briefing around its body (body_html)."""
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
