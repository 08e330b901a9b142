"""PDF: WeasyPrint from the briefing's HTML with print CSS and a per-document CJK font subset.

WeasyPrint may fetch nothing: the only URLs it is allowed are data: URLs (our inline font); any
file://, http(s):// or other reference in a source is refused, so a report naming
file:///etc/passwd gets nothing fetched.
"""

from __future__ import annotations

import logging
import re
import time

from briefing.render import fonts
from briefing.ui import FONT_FACE

log = logging.getLogger("briefing.pdf")
SLOW_SECONDS = 2.0


def restricted_fetcher():
    """WeasyPrint's own fetcher, allowed the data: scheme only (our inline font and nothing else)."""
    from weasyprint.urls import URLFetcher

    return URLFetcher(allowed_protocols={"data"}, allow_redirects=False, timeout=1)


ALWAYS = "".join(chr(c) for c in range(0x20, 0x7F)) + "•◦▪–—·…“”‘’«»×±≤≥°←→↑↓"


def font_css(html_text: str, lang: str = "en") -> str:
    """@font-face rules with the face of the briefing's script (SC, TC or HK) subset to the
    characters of this document, and a Traditional face for Traditional runs in an English page."""
    text = re.sub(r"<[^>]+>", " ", html_text)
    # plus what CSS and the page itself generate: list bullets, counters, printable ASCII
    chars = "".join(sorted(set(text))) + ALWAYS
    css = fonts.font_face_css("Briefing Sans", chars, FONT_FACE[lang])
    traditional = "HK" if lang == "zh-HK" else "TC"
    if lang in ("zh-Hant", "zh-TW", "zh-HK") or 'lang="zh-Hant' in html_text:
        css += fonts.font_face_css("Briefing Sans TC", chars, traditional)
    return css


def render_pdf(html_for_print: str, title: str) -> bytes:
    import weasyprint

    logging.getLogger("weasyprint").setLevel(logging.ERROR)
    logging.getLogger("fontTools").setLevel(logging.ERROR)
    started = time.perf_counter()
    document = weasyprint.HTML(string=html_for_print, base_url=None, url_fetcher=restricted_fetcher())
    # Our font is already a small subset: embedding it whole is what makes the PDF fast.
    pdf = document.write_pdf(full_fonts=True, pdf_identifier=b"briefing", custom_metadata=False)
    took = time.perf_counter() - started
    if took > SLOW_SECONDS:
        log.warning("PDF for %s took %.1f s: the fast font path was not taken", title, took)
    return pdf
