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
from briefing.understand.normalize import has_traditional_characters, is_traditional

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
    parts = _TAG.split(html)
    for i in range(0, len(parts), 2):
        parts[i] = CJK_RUN.sub(_wrap, parts[i])
    return "".join(parts)


def _wrap(m: re.Match) -> str:
    text = m.group()
    stripped = text.rstrip()
    tail = text[len(stripped) :]
    # a run is Traditional only with characters only Traditional script has: most have none, and
    # looking for one is much cheaper than counting
    traditional = has_traditional_characters(stripped) and is_traditional(stripped)
    lang = "zh-Hant" if traditional else "zh-Hans"
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
