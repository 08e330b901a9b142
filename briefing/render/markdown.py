"""Markdown: the briefing template rendered with every value escaped for Markdown and HTML.

Jinja's `finalize` escapes every {{ value }} that is not already trusted markup, so a template
cannot forget to: the Markdown is later turned into HTML by python-markdown, which passes raw
HTML through, and source text must never become markup.
"""

from __future__ import annotations

import re

from markupsafe import Markup

from briefing.compose import Briefing

_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+!|~>])")
_LEADING_LIST = re.compile(r"^(\s*)(\d+)\.(\s)")


def md_escape(value) -> str:
    """Text as inert Markdown: HTML metacharacters as entities, Markdown punctuation
    backslash-escaped, line breaks folded (a value never starts a block of its own)."""
    if isinstance(value, Markup):
        return str(value)
    if value is None:
        return ""
    text = str(value).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    text = re.sub(r"\s*\n\s*", " ", text)
    text = _MD_SPECIAL.sub(r"\\\1", text)
    return _LEADING_LIST.sub(r"\1\2\\.\3", text)


def render_markdown(briefing: Briefing, env) -> str:
    template = env.get_template("briefing.md.j2")
    text = template.render(b=briefing)
    return re.sub(r"\n{3,}", "\n\n", text).strip() + "\n"
