"""Every run of Chinese in an English briefing's HTML is marked with its language."""

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from briefing.render.html import mark_languages
from briefing.understand.normalize import is_traditional


def test_a_run_of_simplified_chinese_is_marked_zh_hans():
    assert mark_languages("<td>区委政法委</td>") == '<td><span lang="zh-Hans">区委政法委</span></td>'


def test_a_run_of_traditional_chinese_is_marked_zh_hant():
    assert mark_languages("<td>區委政法委員會</td>") == '<td><span lang="zh-Hant">區委政法委員會</span></td>'


def test_figures_and_marks_inside_a_run_stay_in_it_and_its_trailing_space_outside():
    assert (
        mark_languages("<p>增长 13.8%， done</p>") == '<p><span lang="zh-Hans">增长 13.8%，</span> done</p>'
    )


def test_an_ideographic_space_after_a_run_stays_outside_the_span():
    assert mark_languages("<p>简报\u3000x</p>") == '<p><span lang="zh-Hans">简报</span>\u3000x</p>'


def test_marks_without_a_character_are_not_a_run():
    assert mark_languages("<p>“x”，y</p>") == "<p>“x”，y</p>"


def test_chinese_in_an_attribute_is_left_alone():
    assert (
        mark_languages('<a title="来源">来源</a>') == '<a title="来源"><span lang="zh-Hans">来源</span></a>'
    )


# The definition the fast expression implements: the longest run from marks and characters
# holding a character through figures, marks and spaces, its trailing whitespace left outside.
_HAN = "\u3400-\u9fff\uf900-\ufaff"
_MARKS = "\u3000-\u303f\uff00-\uffef“”‘’「」『』《》"
_GREEDY_RUN = re.compile(f"[{_HAN}{_MARKS}]*[{_HAN}][{_HAN}{_MARKS}0-9０-９.,%％\\s]*")


def _reference(html: str) -> str:
    def wrap(m):
        stripped = m.group().rstrip()
        lang = "zh-Hant" if is_traditional(stripped) else "zh-Hans"
        return f'<span lang="{lang}">{stripped}</span>{m.group()[len(stripped) :]}'

    parts = re.split(r"(<[^>]*>)", html)
    return "".join(p if i % 2 else _GREEDY_RUN.sub(wrap, p) for i, p in enumerate(parts))


_PIECES = st.sampled_from(
    [
        "区",
        "政法",
        "區",
        "億元",
        "個",
        "“",
        "”",
        "，",
        "。",
        "\u3000",
        " ",
        "\n",
        "1",
        "３",
        ".",
        "%",
        "a",
        "Cut",
        "<td>",
        "</td>",
        '<a href="#q-1">',
        "</a>",
        '<p title="标题">',
        "&amp;",
    ]
)


@settings(max_examples=300)
@given(st.lists(_PIECES, max_size=40).map("".join))
def test_marking_matches_its_definition_on_any_mix_of_text_and_tags(html):
    assert mark_languages(html) == _reference(html)


def test_a_character_beyond_the_bmp_is_no_traditional_character_unless_it_is_one():
    from briefing.understand.normalize import has_traditional_character

    assert not has_traditional_character("区委\U00020000政法委")
    assert has_traditional_character("區委")
