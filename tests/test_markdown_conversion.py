"""The HTML converter takes shortcuts through python-markdown (text no inline pattern can match,
plain links, table rows without code, elements without attributes); its output must be
python-markdown's own, for every input."""

import html as html_lib
import re
from collections import defaultdict

import markdown
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from briefing.compose import compose
from briefing.english.glossary import Glossary
from briefing.read import read_source
from briefing.render.converter import FAST_RELEASES, _make_converter, converter
from briefing.render.html import markdown_to_html
from briefing.render.markdown import md_escape, render_markdown
from briefing.render.templates import environments
from briefing.ui import to_script
from briefing.understand import understand
from tests.conftest import EXAMPLES

STOCK = _make_converter(fast=False)


def reference(md: str) -> str:
    """python-markdown configured as ours (no [TOC] marker, no indenting), without the shortcuts."""
    return STOCK.reset().convert(md)


TABLE = """| Indicator | Value | Source |
| --- | --- | --- |
| Criminal cases filed | 13.8% | [全县刑事案件立案数同比下降13.8%…](#q-1-2173) |
| Grid workers | 1,465 people | *配备专兼职网格员1465名*{: #q-1-2430 } |
| A \\*starred\\* name & co | <b>bold</b> | &amp; `code` |
"""


def test_a_table_converts_as_python_markdown_converts_it():
    assert converter().convert(TABLE) == reference(TABLE)


def test_a_plain_cell_is_left_as_it_is():
    html = converter().convert("| a | b |\n| --- | --- |\n| Criminal cases filed | 13.8% |\n")
    assert "<td>Criminal cases filed</td>" in html


@settings(max_examples=300, deadline=None)
@given(st.lists(st.text(alphabet="ab中文 *_[]()#:{}<>&\\`!|-\n1.", max_size=40), max_size=8))
def test_any_text_converts_as_python_markdown_converts_it(lines):
    md = "\n".join(lines)
    assert converter().convert(md) == reference(md)


def test_the_shortcuts_are_taken_with_the_release_a_fresh_install_gets():
    release = markdown.__version_info__[:2]
    assert release in FAST_RELEASES, f"python-markdown {release}: check the shortcuts, then add it"
    assert type(converter().treeprocessors["inline"]).__name__ == "_Inline"


@pytest.fixture(scope="module")
def example_markdown(gazetteer):
    """The Markdown of every example district's briefing, in English and in Traditional Chinese."""
    by_district = defaultdict(list)
    for path in sorted(EXAMPLES.iterdir()):
        report = understand(read_source(path), gazetteer)
        by_district[report.district.zh].append(report)
    env = environments(None)[0]
    glossary = Glossary.load(None)
    return [
        to_script(render_markdown(compose(reports, glossary, lang), env), lang)
        for reports in by_district.values()
        for lang in ("en", "zh-Hant")
    ]


def test_every_example_briefing_converts_as_python_markdown_converts_it(example_markdown):
    assert len(example_markdown) == 12
    for md in example_markdown:
        assert converter().convert(md) == reference(md)


def test_the_table_of_contents_made_on_the_side_is_python_markdowns_too(example_markdown):
    for md in example_markdown:
        ours = converter()
        ours.convert(md)
        reference(md)
        assert (ours.toc, ours.toc_tokens) == (STOCK.toc, STOCK.toc_tokens)


WORDS = st.text(alphabet="ab中文 *_[]()#:{}<>&\\`!|-.1%，。", max_size=12)
ANCHOR = st.from_regex(r"#q-[0-9]-[0-9]{1,4}", fullmatch=True)


@st.composite
def briefing_like(draw) -> str:
    """Markdown shaped as our template writes it: headings with ids, items and cells with links
    to quotes, anchored quotes in paragraphs, values escaped or raw."""
    text = st.one_of(WORDS.map(md_escape), WORDS)
    link = st.builds(lambda t, a: f"[{t}]({a})", text, ANCHOR)
    quote = st.builds(lambda t, a: f"*{t}*{{: {a} }}", text, ANCHOR)
    inline = st.lists(st.one_of(text, link, quote), min_size=1, max_size=4).map("".join)
    heading = st.builds(lambda level, t, a: f"{'#' * level} {t} {{: {a} }}", st.integers(1, 3), text, ANCHOR)
    item = inline.map(lambda t: "- " + t)
    row = st.lists(inline, min_size=3, max_size=3).map(lambda cells: "| " + " | ".join(cells) + " |")
    table = st.lists(row, min_size=1, max_size=4).map(
        lambda rows: "| a | b | c |\n| --- | --- | --- |\n" + "\n".join(rows)
    )
    blocks = st.lists(st.one_of(heading, item, table, inline), min_size=1, max_size=6)
    return "\n\n".join(draw(blocks)) + "\n"


@settings(max_examples=200, deadline=None)
@given(briefing_like())
def test_briefing_like_markdown_converts_as_python_markdown_converts_it(md):
    assert converter().convert(md) == reference(md)


BLOCKISH = st.text(alphabet="ab中 *-+1.>#\n\r\t=[]:|\\", max_size=20)


@settings(max_examples=300, deadline=None)
@given(st.lists(BLOCKISH, max_size=10).map("\n\n".join))
def test_blocks_that_may_open_lists_headings_quotes_or_code_convert_as_python_markdown_does(md):
    assert converter().convert(md) == reference(md)


CELL = st.text(alphabet="ab中 |\\`:-*", max_size=8)


@settings(max_examples=300, deadline=None)
@given(
    st.lists(st.lists(CELL, min_size=1, max_size=4).map("|".join), min_size=2, max_size=5),
    st.booleans(),
    st.booleans(),
)
def test_tables_with_or_without_outer_pipes_convert_as_python_markdown_converts_them(rows, left, right):
    lines = [rows[0], "---|---", *rows[1:]]
    md = "\n".join(("|" if left else "") + row + ("|" if right else "") for row in lines)
    assert converter().convert(md) == reference(md)


QUOTED_WORDS = st.text(alphabet="ab中文 。，“”*_{}:#-1\t", max_size=8)


@st.composite
def appendix_like(draw) -> str:
    """A paragraph of the sources appendix: words and quotes between asterisks, anchored or
    not, next to each other or apart, with spaces and asterisks where they may or may not
    open and close emphasis."""
    piece = st.one_of(
        QUOTED_WORDS,
        st.builds(lambda t: f"*{t}*", QUOTED_WORDS),
        st.builds(lambda t, a: f"*{t}*{{: {a} }}", QUOTED_WORDS, ANCHOR),
    )
    return "".join(draw(st.lists(piece, min_size=1, max_size=6))) + "\n"


@settings(max_examples=300, deadline=None)
@given(appendix_like())
def test_paragraphs_of_anchored_quotes_convert_as_python_markdown_converts_them(md):
    assert converter().convert(md) == reference(md)


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


def test_a_page_and_its_pdf_are_made_from_one_conversion_of_the_markdown(gazetteer, monkeypatch):
    from briefing.render import html as html_module
    from briefing.render import render_formats

    report = understand(read_source(EXAMPLES / "yuzhong-2021-meeting.txt"), gazetteer)
    briefing = compose([report], Glossary.load(None), "en")
    conversions = []
    convert = html_module.markdown_to_html
    monkeypatch.setattr(html_module, "markdown_to_html", lambda md: conversions.append(md) or convert(md))
    out = render_formats(briefing, ("md", "html", "pdf"), *environments(None))
    assert set(out) == {"md", "html", "pdf"} and len(conversions) == 1
