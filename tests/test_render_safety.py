"""Source text is never markup: scripts, event handlers, javascript: links and file:// images in a
report come out escaped and inert, and the PDF fetches nothing."""

from html.parser import HTMLParser

import pytest

from briefing.build.run import build
from briefing.config import Config

HOSTILE = """九龙坡区政法委<script>alert(1)</script>召开会议
全区受理案件<img src="file:///etc/passwd" onerror="alert(2)">1250件，同比下降5.2%。
区法院审结案件980件，<a href="javascript:alert(3)">点击</a>[链接](javascript:alert(4))结案率83.7%。
<iframe src="http://example.invalid/"></iframe>九龙坡区综治中心划分网格1492个。**加粗** | 管道 | 
"""


@pytest.fixture(scope="module")
def outputs(tmp_path_factory):
    base = tmp_path_factory.mktemp("hostile")
    (base / "hostile.txt").write_text(HOSTILE, encoding="utf-8")
    result = build(Config(base=base, sources=("hostile.txt",)), formats=("md", "html", "pdf"))
    assert result.failed == []
    folder = base / "out" / "jiulongpo-district"
    return {fmt: (folder / f"briefing.en.{fmt}").read_bytes() for fmt in ("md", "html", "pdf")}


class _Elements(HTMLParser):
    def __init__(self):
        super().__init__()
        self.elements = []

    def handle_starttag(self, tag, attrs):
        self.elements.append((tag, dict(attrs)))


def _elements(html: str):
    parser = _Elements()
    parser.feed(html)
    return parser.elements


def test_html_has_no_live_markup_from_the_source(outputs):
    html = outputs["html"].decode("utf-8")
    elements = _elements(html)
    tags = {tag for tag, _ in elements}
    assert not tags & {"script", "img", "iframe", "object", "embed"}
    assert not any(name.startswith("on") for _, attrs in elements for name in attrs)
    assert not any(
        (attrs.get("href") or "").strip().lower().startswith(("javascript:", "file:", "http"))
        for _, attrs in elements
    )
    assert "&lt;script&gt;" in html  # shown as text, as printed in the source


def test_markdown_escapes_html_and_markdown_syntax(outputs):
    md = outputs["md"].decode("utf-8")
    assert "<script>" not in md and "&lt;script&gt;" in md
    assert "\\*\\*加粗\\*\\*" in md and "\\| 管道 \\|" in md


def test_pdf_fetches_nothing_from_the_source(outputs):
    pdf = outputs["pdf"]
    assert pdf.startswith(b"%PDF") and b"root:" not in pdf


def test_the_pdf_fetcher_serves_only_the_fonts_made_for_the_document():
    from briefing.render.pdf import font_fetcher, print_fonts

    fonts = print_fonts("<p>九龙坡区</p>")
    (url,) = fonts.files
    fetcher = font_fetcher(fonts.files)
    assert url.startswith("briefing-font:SC-") and f'url("{url}")' in fonts.css
    assert fetcher.fetch(url).read() == fonts.files[url]
    for other in (
        "file:///etc/passwd",
        "http://example.invalid/x.css",
        "data:text/css,p{}",
        "briefing-font:SC-0000000000000000.otf",
    ):
        with pytest.raises(ValueError):
            fetcher.fetch(other)


def test_the_slow_font_path_is_warned_about_and_the_fast_one_is_not(caplog):
    import logging

    from briefing.render.pdf import print_fonts, render_pdf

    fonts = print_fonts("<p>九龙坡区 briefing</p>")
    page = f'<html><head><style>{fonts.css} html {{ font-family: "Briefing Sans" }}</style></head><body><p>九龙坡区 briefing</p></body></html>'
    with caplog.at_level(logging.WARNING, logger="briefing.pdf"):
        render_pdf(page, "fast", fonts)
    assert caplog.records == []
    with caplog.at_level(logging.WARNING, logger="briefing.pdf"):
        render_pdf("<html><body><p>briefing</p></body></html>", "slow", None)
    assert "PDF for slow: no font subset was made" in caplog.text
