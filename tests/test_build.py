"""A full build of the examples: one briefing per district in every format, and an index."""

import shutil

import pypdf
import pytest

from briefing.build.run import build
from briefing.config import Config
from tests.conftest import EXAMPLES

DISTRICTS = [
    "fengjie-county",
    "fengkai-county",
    "jinniu-district",
    "jiulongpo-district",
    "qianjiang-district",
    "yuzhong-district",
]


# the font names each PDF engine gives our fonts: WeasyPrint the @font-face family, Typst the face
OUR_FONTS = {"typst": "NotoSansCJK", "weasyprint": "Briefing-Sans"}


@pytest.fixture(scope="module", params=["typst", "weasyprint"])
def built(tmp_path_factory, request):
    base = tmp_path_factory.mktemp("site")
    shutil.copytree(EXAMPLES, base / "examples")
    result = build(Config(base=base, pdf_engine=request.param))
    return base / "out", result, OUR_FONTS[request.param]


def test_every_district_gets_every_format(built):
    out, result, _ = built
    assert result.failed == []
    for slug in DISTRICTS:
        for fmt in ("md", "html", "pdf"):
            assert (out / slug / f"briefing.en.{fmt}").stat().st_size > 1000
    assert (out / "index.html").is_file()
    assert result.summary() == f"{len(DISTRICTS) * 3 + 1} rebuilt, 0 up to date, 0 removed, 0 failed"


def test_two_reports_of_one_district_make_one_briefing(built):
    out, _, _ = built
    md = (out / "jiulongpo-district" / "briefing.en.md").read_text(encoding="utf-8")
    assert md.count("九龙坡区2019年政法工作亮点回顾") >= 1 and "2020年工作总结" in md
    assert "period covered 2019–2020" in md


def test_pdf_embeds_a_subset_cjk_font_and_its_text_extracts(built):
    out, _, ours = built
    reader = pypdf.PdfReader(out / "qianjiang-district" / "briefing.en.pdf")
    fonts = set()
    for page in reader.pages:
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            descendant = font["/DescendantFonts"][0].get_object()
            descriptor = descendant["/FontDescriptor"].get_object()
            embedded = any(k in descriptor for k in ("/FontFile", "/FontFile2", "/FontFile3"))
            fonts.add((str(font["/BaseFont"]), embedded))
    cjk = [name for name, embedded in fonts if ours in name and embedded]
    assert cjk and all(name[7] == "+" for name in cjk)  # /ABCDEF+ prefix: a subset
    text = "".join(page.extract_text() for page in reader.pages)
    assert "黔江区" in text and "Qianjiang District" in text


def test_every_glyph_of_every_pdf_comes_from_our_embedded_fonts(built):
    """No character fell back to a system font (or to a missing-glyph box): the only fonts are
    the subsets of Noto Sans CJK made for the document."""
    out, _, ours = built
    for slug in DISTRICTS:
        reader = pypdf.PdfReader(out / slug / "briefing.en.pdf")
        names = {
            str(font.get_object()["/BaseFont"])
            for page in reader.pages
            for font in page["/Resources"]["/Font"].values()
        }
        assert names and all(ours in name for name in names), (slug, names)


def test_english_html_marks_nearly_all_its_chinese_with_a_language(built):
    """At most 2% of the text outside lang="zh…" elements is Chinese (screen readers need it marked)."""
    from tools.cjk_share import share

    out, _, _ = built
    for slug in DISTRICTS:
        cjk, total = share((out / slug / "briefing.en.html").read_text(encoding="utf-8"))
        assert total > 1000 and cjk / total <= 0.02, (slug, cjk, total)


def test_index_links_every_district(built):
    out, _, _ = built
    index = (out / "index.html").read_text(encoding="utf-8")
    for slug in DISTRICTS:
        assert f'href="{slug}/briefing.en.html"' in index


def test_second_build_is_up_to_date(tmp_path):
    shutil.copytree(EXAMPLES, tmp_path / "examples")
    first = build(Config(base=tmp_path), formats=("md", "html"))
    again = build(Config(base=tmp_path), formats=("md", "html"))
    assert len(first.written) == len(DISTRICTS) * 2 + 1
    assert again.written == [] and len(again.up_to_date) == len(DISTRICTS) * 2 + 1
