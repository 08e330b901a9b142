"""The HTML converter skips python-markdown's inline patterns on text none of them can match; its
output must be python-markdown's own, for every input."""

import markdown
from hypothesis import given, settings
from hypothesis import strategies as st

from briefing.render.html import UNUSED_INLINE, _converter


def reference(md: str) -> str:
    plain = markdown.Markdown(extensions=["tables", "toc", "attr_list"], output_format="html")
    for name in UNUSED_INLINE:
        plain.inlinePatterns.deregister(name, strict=False)
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
