"""Markdown: the briefing template rendered with every value escaped for Markdown and HTML.

Jinja's `finalize` escapes every {{ value }} that is not already trusted markup, so a template
cannot forget to: the Markdown is later turned into HTML by python-markdown, which passes raw
HTML through, and source text must never become markup.
"""

from __future__ import annotations

import re

from markupsafe import Markup

from briefing.compose import Briefing

# HTML metacharacters as entities and Markdown's inline punctuation backslash-escaped, in one pass.
# ( ) and ! stay as printed: they make a link or an image only after a ], which is always escaped.
# ~ is no escape python-markdown knows (it would print the backslash); the entity keeps a Markdown
# viewer with strikethrough from striking "3~5" through.
_INERT = str.maketrans(
    {"&": "&amp;", "<": "&lt;", ">": "&gt;", "~": "&#126;", **{c: "\\" + c for c in "\\`*_{}[]#|"}}
)
# str.translate looks every character up in a dict (most of the Markdown's time): values without
# one of these characters, most of them, skip it
_NEEDS_ESCAPE = re.compile("[" + re.escape("".join(map(chr, _INERT))) + "]").search
_FOLD = re.compile(r"\s*\n\s*")
# what would open a block where a value starts a line: a list item (- + 1. 1)), a rule (---), code
# (an indent)
_LEADING_BLOCK = re.compile(r"^[ \t]*(?:([-+])|(\d+)([.)]))(?=[ \t]|$|(?<=-)-)")


def md_escape(value) -> str:
    """Text as inert Markdown: HTML metacharacters as entities, Markdown punctuation
    backslash-escaped, line breaks folded (a value never starts a block of its own)."""
    if value.__class__ is str:  # most values (a Markup is a str of another class)
        text = value
    elif isinstance(value, Markup):
        return str(value)
    elif value is None:
        return ""
    else:
        text = str(value)
    if "\n" in text:
        text = _FOLD.sub(" ", text)
    if _NEEDS_ESCAPE(text):
        text = text.translate(_INERT)
    if text[:1] in " \t-+0123456789":
        text = _LEADING_BLOCK.sub(_inert_marker, text.lstrip(" \t"), count=1)
    return text


def _inert_marker(m: re.Match) -> str:
    if m.group(1):
        return "\\" + m.group(1)
    return m.group(2) + "\\" + m.group(3)


def render_markdown(briefing: Briefing, env) -> str:
    template = env.get_template("briefing.md.j2")
    text = template.render(b=briefing)
    return re.sub(r"\n{3,}", "\n\n", text).strip() + "\n"
