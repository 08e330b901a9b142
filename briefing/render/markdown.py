"""Markdown: the briefing template rendered with every value escaped for Markdown and HTML.

Jinja's `finalize` escapes every {{ value }} that is not already trusted markup, so a template
cannot forget to: the Markdown is later turned into HTML by python-markdown, which passes raw
HTML through, and source text must never become markup.
"""

from __future__ import annotations

import re

from markupsafe import Markup

from briefing.compose import Briefing

# HTML metacharacters as entities, Markdown punctuation backslash-escaped, in one pass.
_INERT = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;", **{c: "\\" + c for c in "\\`*_{}[]()#+!|~"}})
_FOLD = re.compile(r"\s*\n\s*")
_LEADING_LIST = re.compile(r"^(\s*)(\d+)\.(\s)")


def md_escape(value) -> str:
    """Text as inert Markdown: HTML metacharacters as entities, Markdown punctuation
    backslash-escaped, line breaks folded (a value never starts a block of its own)."""
    if isinstance(value, Markup):
        return str(value)
    if value is None:
        return ""
    text = str(value)
    if "\n" in text:
        text = _FOLD.sub(" ", text)
    text = text.translate(_INERT)
    return _LEADING_LIST.sub(r"\1\2\\.\3", text) if "." in text else text


def render_markdown(briefing: Briefing, env) -> str:
    template = env.get_template("briefing.md.j2")
    text = template.render(b=briefing)
    return re.sub(r"\n{3,}", "\n\n", text).strip() + "\n"
