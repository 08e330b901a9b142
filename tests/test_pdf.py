"""The PDF of a briefing, from either engine (Typst, the default, or WeasyPrint): A4 pages with
their numbers, the title and language in the metadata, bookmarks from the headings, our CJK font
subset and embedded (the Traditional face for Traditional text), every quoted sentence
extractable, and the tables' quotes linked to the sources appendix. For Typst, the page's text
can never become Typst code."""

import io
import re

import lxml.html
import pypdf
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from briefing.compose import compose
from briefing.english.glossary import Glossary
from briefing.read import read_bytes, read_source
from briefing.render import render_formats
from briefing.render.pdf_typst import html_to_typst, render_pdf_typst, typst_string
from briefing.render.templates import environments
from briefing.understand import understand
from tests.conftest import EXAMPLES

ENGINES = ["typst", "weasyprint"]
FACE_NAMES = {"typst": {"SC": "NotoSansCJKsc", "TC": "NotoSansCJKtc"}}


def _rendered(gazetteer, name: str, engine: str, lang: str = "en") -> dict[str, bytes]:
    md_env, html_env = environments(None)
    report = understand(read_source(EXAMPLES / name), gazetteer)
    briefing = compose([report], Glossary.load(None), lang)
    return render_formats(briefing, ("html", "pdf"), md_env, html_env, engine)


def _fonts(reader) -> set[str]:
    return {
        str(font.get_object()["/BaseFont"])
        for page in reader.pages
        for font in page["/Resources"]["/Font"].values()
    }


def _flat(text: str) -> str:
    return re.sub(r"\s+", "", text)


@pytest.fixture(scope="module", params=ENGINES)
def qianjiang(request, gazetteer):
    out = _rendered(gazetteer, "qianjiang-2020-press.txt", request.param)
    return request.param, out["html"].decode("utf-8"), pypdf.PdfReader(io.BytesIO(out["pdf"]))


def test_pdf_pages_are_a4_and_numbered(qianjiang):
    _, _, reader = qianjiang
    assert [round(float(x)) for x in reader.pages[0].mediabox[2:]] == [595, 842]
    count = len(reader.pages)
    assert f"Page 1 of {count}" in reader.pages[0].extract_text()
    assert f"Page {count} of {count}" in reader.pages[-1].extract_text()


def test_pdf_metadata_has_the_title_and_the_language(qianjiang):
    _, _, reader = qianjiang
    assert reader.metadata.title == "Qianjiang District briefing 2020"
    assert reader.trailer["/Root"]["/Lang"] == "en"


def test_pdf_bookmarks_are_the_headings(qianjiang):
    _, _, reader = qianjiang

    def titles(items):
        for item in items:
            yield from titles(item) if isinstance(item, list) else [item.title]

    titles = list(titles(reader.outline))
    for heading in ("At a glance", "Highlights", "Metrics", "Initiatives", "Sources"):
        assert heading in titles


def test_every_quoted_sentence_is_in_the_pdf_text(qianjiang):
    _, html, reader = qianjiang
    text = _flat("".join(page.extract_text() for page in reader.pages))
    quotes = [_flat(em.text_content()) for em in lxml.html.fromstring(html).iter("em") if em.get("id")]
    assert len(quotes) > 20
    assert [q for q in quotes if q not in text] == []


def test_the_tables_quotes_link_into_the_pdf(qianjiang):
    """Each quote in the metrics table is a link to a place inside the document (its sentence in
    the sources appendix), not to a URL."""
    _, html, reader = qianjiang
    internal = 0
    for page in reader.pages:
        for annot in page.get("/Annots") or []:
            annot = annot.get_object()
            if annot.get("/Subtype") != "/Link":
                continue
            action = annot.get("/A")
            assert action is None or action.get("/S") != "/URI" or str(action["/URI"]).startswith("http")
            if "/Dest" in annot or (action is not None and action.get("/S") == "/GoTo"):
                internal += 1
    links = len(re.findall(r'<a href="#q-', html))
    assert internal >= links * 0.9 and links > 20


@pytest.mark.parametrize("engine", ENGINES)
def test_traditional_text_in_an_english_briefing_is_drawn_with_the_traditional_face(gazetteer, engine):
    reader = pypdf.PdfReader(io.BytesIO(_rendered(gazetteer, "jinniu-2019-highlights-tw.txt", engine)["pdf"]))
    fonts = _fonts(reader)
    assert all(name[7] == "+" for name in fonts)  # /ABCDEF+...: subsets
    if engine == "typst":
        assert any(FACE_NAMES["typst"]["TC"] in name for name in fonts)
        assert any(FACE_NAMES["typst"]["SC"] in name for name in fonts)
    text = "".join(page.extract_text() for page in reader.pages)
    assert "金牛區" in text or "金牛区" in text


@pytest.mark.parametrize(
    "lang, face, pdf_lang, page_one",
    [
        ("zh-Hans", "sc", "zh-CN", "第 1 页，共"),
        ("zh-Hant", "tc", "zh-TW", "第 1 頁，共"),
        ("zh-TW", "tc", "zh-TW", "第 1 頁，共"),
        ("zh-HK", "hk", "zh-HK", "第 1 頁，共"),
    ],
)
def test_a_chinese_briefing_is_set_in_the_face_and_words_of_its_script(
    gazetteer, lang, face, pdf_lang, page_one
):
    out = _rendered(gazetteer, "qianjiang-2020-press.txt", "typst", lang=lang)
    reader = pypdf.PdfReader(io.BytesIO(out["pdf"]))
    assert {re.sub(r"^/\w{6}\+", "", n) for n in _fonts(reader)} == {f"NotoSansCJK{face}-Regular-Identity-H"}
    assert reader.trailer["/Root"]["/Lang"] == pdf_lang
    text = "".join(page.extract_text() for page in reader.pages)
    assert ("黔江区" if lang == "zh-Hans" else "黔江區") in text
    assert page_one in reader.pages[0].extract_text()


def test_typst_pdf_bytes_are_the_same_every_time(gazetteer):
    first = _rendered(gazetteer, "yuzhong-2021-meeting.txt", "typst")["pdf"]
    assert _rendered(gazetteer, "yuzhong-2021-meeting.txt", "typst")["pdf"] == first
    assert b"/CreationDate" not in first


HOSTILE = """某区政法委召开会议
全区受理案件1,234件，同比下降5.6%。#import "@preview/x:0.1.0": * 与 #read("/etc/passwd") 并非代码。
他说：“$x^2$ 与 <sec> @sec *粗体* _斜体_ ] [ \\ \\" 都按原样印出。”
#image("file:///etc/passwd") 也只是文字。
"""


def test_typst_sets_any_text_of_a_report_as_text(gazetteer):
    """Typst markup, code, paths and quotes in a report come out as the characters they are: the
    page's text enters the Typst source only as string literals."""
    md_env, html_env = environments(None)
    report = understand(read_bytes(HOSTILE.encode("utf-8"), "hostile.txt"), gazetteer)
    out = render_formats(compose([report], Glossary.load(None), "en"), ("html", "pdf"), md_env, html_env)
    text = _flat("".join(p.extract_text() for p in pypdf.PdfReader(io.BytesIO(out["pdf"])).pages))
    for said in (
        '#import"@preview/x:0.1.0":*',
        '#read("/etc/passwd")',
        "$x^2$",
        "<sec>@sec*粗体*_斜体_][\\",
        "#image(",
    ):
        assert said in text
    assert b"root:" not in out["pdf"]


def test_a_string_literal_escapes_only_the_backslash_and_the_quote():
    assert typst_string('a\\b"c#d$e') == '"a\\\\b\\"c#d$e"'


def _converted(body: str) -> str:
    page = f'<html lang="en"><head><title>T</title></head><body>{body}</body></html>'
    return html_to_typst(page, "").split("\n\n", 1)[1]


def test_a_link_to_a_missing_anchor_is_plain_text():
    assert _converted('<p><a href="#nowhere">x</a> <a href="#here">y</a><em id="here">z</em></p>') == (
        '#"x"#" "#link(label("here"))[#"y"]#quoted("here")[#"z"]\n\n'
    )


def test_only_web_links_leave_the_document_and_images_are_never_loaded():
    assert _converted('<p><a href="https://example.org/a">a</a><a href="file:///etc/passwd">b</a></p>') == (
        '#link("https://example.org/a")[#"a"]#"b"\n\n'
    )
    assert _converted('<p>x<img src="file:///etc/passwd" alt="y"></p>') == '#"x"\n\n'


def test_unknown_elements_give_their_text():
    assert _converted("<section><p>a<mark>b</mark></p><video>c</video></section>") == '#"a"#"b"\n\n#"c"\n\n'


def test_typst_pdf_of_a_long_briefing_is_fast_enough_to_warn_only_when_slow(caplog):
    import logging

    page = "<html><head><title>T</title></head><body><p>x</p></body></html>"
    with caplog.at_level(logging.WARNING, logger="briefing.pdf"):
        render_pdf_typst(
            page, "quick", '#let briefing(title: "", lang: "en", region: "", face: "SC", body) = body'
        )
    assert caplog.records == []


def test_a_print_typ_in_the_users_template_folder_replaces_ours(gazetteer, tmp_path):
    from briefing.render.templates import builtin_folder

    ours = (builtin_folder() / "print.typ").read_text(encoding="utf-8")
    (tmp_path / "print.typ").write_text(ours.replace('"Briefing"', '"Dossier"'), encoding="utf-8")
    md_env, html_env = environments(tmp_path)
    report = understand(read_source(EXAMPLES / "fengkai-2021-press.html"), gazetteer)
    out = render_formats(compose([report], Glossary.load(None), "en"), ("pdf",), md_env, html_env)
    second_page = pypdf.PdfReader(io.BytesIO(out["pdf"])).pages[1].extract_text()
    assert "Dossier" in second_page and "Briefing" not in second_page


PIECES = st.sampled_from(
    [
        "<p>",
        "</p>",
        '<em id="q-1">',
        "</em>",
        '<a href="#q-1">',
        '<a href="#x y">',
        "</a>",
        "<td>",
        "<table><tr><th>a</th></tr><tr><td>",
        "</td></tr></table>",
        "<ul><li>",
        "</li></ul>",
        '<h2 id="h">',
        "</h2>",
        '<span lang="zh-Hant">',
        "</span>",
        "<br>",
        "<strong>",
        "</strong>",
        "<code>",
        "</code>",
        '<p id="p1">',
        '<a href="#p1">',
        '<table id="t"><tr><td>',
    ]
)
TEXT = st.text(alphabet="ab中文 \n\t\"\\#$*_[]<>@=-+/`'~{}()", max_size=12)


@settings(max_examples=40, deadline=None)
@given(st.lists(st.one_of(PIECES, TEXT), max_size=25))
def test_typst_sets_any_page_the_templates_could_make(parts):
    """Whatever mix of our elements and text a page holds, Typst sets it without an error."""
    from briefing.render.templates import builtin_folder

    page = f'<html lang="en"><head><title>t</title></head><body>{"".join(parts)}</body></html>'
    preamble = (builtin_folder() / "print.typ").read_text(encoding="utf-8")
    assert render_pdf_typst(page, "any", preamble).startswith(b"%PDF")


def test_a_link_to_a_place_inside_itself_is_no_link():
    assert _converted('<p><a href="#h"><em id="h">x</em></a></p>') == '#quoted("h")[#"x"]\n\n'


def test_an_id_on_a_paragraph_is_a_link_target_before_it():
    assert _converted('<p id="p1">x</p><p><a href="#p1">y</a></p>') == (
        '#metadata(none)#label("p1")#"x"\n\n#link(label("p1"))[#"y"]\n\n'
    )
