"""The printed briefing fits its pages: no line of text runs past the right edge of the A4 text
area (a clipped table cell or an unbreakable run would)."""

import pytest
import weasyprint
from weasyprint.formatting_structure import boxes

from briefing.compose import compose
from briefing.english.glossary import Glossary
from briefing.read import read_source
from briefing.render.html import body_html, render_html
from briefing.render.markdown import render_markdown
from briefing.render.pdf import font_fetcher, print_fonts
from briefing.render.templates import environments
from briefing.understand import understand
from tests.conftest import EXAMPLES


def _overflowing_text(report) -> list[tuple[int, str]]:
    md_env, html_env = environments(None)
    briefing = compose([report], Glossary.load(None), "en")
    md = render_markdown(briefing, md_env)
    body = body_html(md, briefing.lang)
    fonts = print_fonts(render_html(briefing, body, html_env))
    printable = render_html(briefing, body, html_env, for_print=True, font_css=fonts.css)
    document = weasyprint.HTML(string=printable, url_fetcher=font_fetcher(fonts.files)).render()
    over = []
    for number, page in enumerate(document.pages, 1):
        area = page._page_box  # WeasyPrint's layout tree: the only place the positions are known
        right = area.content_box_x() + area.width
        stack = [area]
        while stack:
            box = stack.pop()
            if isinstance(box, boxes.TextBox) and box.position_x + box.width > right + 0.5:
                over.append((number, box.text))
            stack.extend(getattr(box, "children", ()) or ())
    return over


@pytest.mark.parametrize("name", ["jinniu-2019-highlights-tw.txt", "fengjie-2020-summary.txt"])
def test_no_text_runs_past_the_page_edge(gazetteer, name):
    report = understand(read_source(EXAMPLES / name), gazetteer)
    assert _overflowing_text(report) == []
