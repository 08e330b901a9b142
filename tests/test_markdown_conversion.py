"""The HTML converter skips python-markdown's inline patterns on text none of them can match; its
output must be python-markdown's own, for every input."""

import html as html_lib
import re

import markdown
from hypothesis import given, settings
from hypothesis import strategies as st

from briefing.render.html import UNUSED_INLINE, _converter, markdown_to_html
from briefing.render.markdown import md_escape


def reference(md: str) -> str:
    """python-markdown configured as ours (no [TOC] marker, no indenting), without the shortcut."""
    plain = markdown.Markdown(
        extensions=["tables", "toc", "attr_list"],
        extension_configs={"toc": {"marker": ""}},
        output_format="html",
    )
    for name in UNUSED_INLINE:
        plain.inlinePatterns.deregister(name, strict=False)
    plain.treeprocessors.deregister("prettify")
    return plain.convert(md)


TABLE = """| Indicator | Value | Source |
| --- | --- | --- |
| Criminal cases filed | 13.8% | [全县刑事案件立案数同比下降13.8%…](#q-1-2173) |
| Grid workers | 1,465 people | *配备专兼职网格员1465名*{: #q-1-2430 } |
| A \\*starred\\* name & co | <b>bold</b> | &amp; `code` |
"""


def test_a_table_converts_as_python_markdown_converts_it():
    assert _converter().convert(TABLE) == reference(TABLE)


def test_a_plain_cell_is_left_as_it_is():
    html = _converter().convert("| a | b |\n| --- | --- |\n| Criminal cases filed | 13.8% |\n")
    assert "<td>Criminal cases filed</td>" in html


@settings(max_examples=300, deadline=None)
@given(st.lists(st.text(alphabet="ab中文 *_[]()#:{}<>&\\`!|-\n1.", max_size=40), max_size=8))
def test_any_text_converts_as_python_markdown_converts_it(lines):
    md = "\n".join(lines)
    assert _converter().convert(md) == reference(md)


# --- escaping: source text placed by a template stays the same text in the HTML ----------------


SOURCE_LIKE = st.text(alphabet="ab中文 \t\n*_[]()#:{}<>&\\`!|-+=~.1)。“”", max_size=30)


def shown(fragment: str) -> str:
    """The text a reader sees in an HTML fragment that should hold no markup."""
    assert not re.search(r"<(?!/?(p|li|ul|td|th|tr|table|thead|tbody)\b)", fragment), fragment
    return re.sub(r"\s+", " ", html_lib.unescape(re.sub(r"<[^>]+>", "", fragment))).strip()


def as_read(text: str) -> str:
    """What a value is once placed: a run of white space shows as one space (as in any HTML), and
    spaces at its ends show as nothing."""
    return re.sub(r"\s+", " ", text).strip()


@settings(max_examples=400, deadline=None)
@given(SOURCE_LIKE)
def test_an_escaped_value_starting_a_paragraph_is_shown_as_it_is(text):
    assert shown(markdown_to_html(md_escape(text))) == as_read(text)


@settings(max_examples=300, deadline=None)
@given(SOURCE_LIKE)
def test_an_escaped_value_in_a_list_item_is_shown_as_it_is(text):
    assert shown(markdown_to_html("- " + md_escape(text))) == as_read(text)


@settings(max_examples=300, deadline=None)
@given(SOURCE_LIKE)
def test_an_escaped_value_in_a_table_cell_is_shown_as_it_is(text):
    md = "| a | b |\n| --- | --- |\n| " + md_escape(text) + " | x |\n"
    cells = re.findall(r"<td>(.*?)</td>", markdown_to_html(md), re.DOTALL)
    assert shown(cells[0]) == as_read(text)


def test_brackets_and_exclamation_marks_are_left_unescaped_in_the_markdown():
    assert md_escape("白茶 (Baicha)! [注]") == "白茶 (Baicha)! \\[注\\]"
