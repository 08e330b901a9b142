"""PDF: WeasyPrint from the briefing's HTML with print CSS and a per-document CJK font subset.

WeasyPrint may fetch nothing but our fonts: the fetcher answers only the `briefing-font:` URLs of
the subsets made for this document, from memory, and refuses every other URL (file://, http(s)://,
data: ...), so a report naming file:///etc/passwd gets nothing fetched. The fonts are not inlined
as data: URLs because WeasyPrint's CSS tokenizer reads a data: URL character by character (about
0.3 s for a 200 KB font, measured with bench/render.py).
"""

from __future__ import annotations

import hashlib
import logging
import re
import time
from dataclasses import dataclass, field

from briefing.render import fonts
from briefing.ui import FONT_FACE

log = logging.getLogger("briefing.pdf")
SLOW_SECONDS = 2.0
SLOW_SECONDS_PER_PAGE = 0.5
SCHEME = "briefing-font"


@dataclass(frozen=True)
class PrintFonts:
    """The @font-face rules of one document and the font files they name, by URL."""

    css: str = ""
    files: dict[str, bytes] = field(default_factory=dict)


def font_fetcher(files: dict[str, bytes]):
    """A WeasyPrint URL fetcher that serves `files` and refuses everything else."""
    from weasyprint.urls import URLFetcher, URLFetcherResponse

    class OurFontsOnly(URLFetcher):
        def fetch(self, url, headers=None):
            if url in files:
                return URLFetcherResponse(url, files[url], {"Content-Type": "font/otf"})
            raise ValueError(f"briefing fetches no URL but its own fonts: {url[:80]}")

    return OurFontsOnly(allowed_protocols={SCHEME}, allow_redirects=False, timeout=1)


ALWAYS = "".join(chr(c) for c in range(0x20, 0x7F)) + "•◦▪–—·…“”‘’«»×±≤≥°←→↑↓"


_TRADITIONAL_RUN = re.compile(r'<span lang="zh-Hant[^"]*">([^<]*)</span>')


def print_fonts(html_text: str, lang: str = "en") -> PrintFonts:
    """The face of the briefing's script (SC, TC or HK) subset to the characters of this
    document; in an English page, also the TC face subset to the characters of its Traditional
    runs only (print.css draws :lang(zh-Hant) with "Briefing Sans TC")."""
    runs = "".join(_TRADITIONAL_RUN.findall(html_text)) if FONT_FACE[lang] == "SC" else ""
    if runs:
        html_text = _TRADITIONAL_RUN.sub(" ", html_text)  # drawn with the TC face alone
    text = re.sub(r"<[^>]+>", " ", html_text)
    # plus what CSS and the page itself generate: list bullets, counters, printable ASCII
    chars = "".join(sorted(set(text))) + ALWAYS
    files: dict[str, bytes] = {}

    def subset_url(wanted: str, face: str) -> str:
        data = fonts.subset(wanted, face)
        if lost := fonts.missing(wanted, data):
            log.warning(
                "%d characters have no glyph in Noto Sans CJK %s and are left to system fonts: %s",
                len(lost),
                face,
                lost[:40],
            )
        url = f"{SCHEME}:{face}-{hashlib.sha256(data).hexdigest()[:16]}.otf"
        files[url] = data
        return url

    main = subset_url(chars, FONT_FACE[lang])
    css = [_face_rule("Briefing Sans", main)]
    if FONT_FACE[lang] != "SC":
        css.append(_face_rule("Briefing Sans TC", main))  # a Traditional page: one face for all its text
    elif runs:
        css.append(_face_rule("Briefing Sans TC", subset_url("".join(sorted(set(runs))), "TC")))
    return PrintFonts("".join(css), files)


def _face_rule(family: str, url: str) -> str:
    return f'@font-face {{ font-family: "{family}"; src: url("{url}") format("opentype"); }}\n'


def render_pdf(html_for_print: str, title: str, fonts_used: PrintFonts | None = None) -> bytes:
    import weasyprint

    logging.getLogger("weasyprint").setLevel(logging.ERROR)
    logging.getLogger("fontTools").setLevel(logging.ERROR)
    started = time.perf_counter()
    files = fonts_used.files if fonts_used else {}
    document = weasyprint.HTML(string=html_for_print, base_url=None, url_fetcher=font_fetcher(files))
    # Our font is already a small subset: embedding it whole is what makes the PDF fast.
    options = {"full_fonts": True, "pdf_identifier": b"briefing", "custom_metadata": False}
    rendered = document.render(**options)
    pdf = rendered.write_pdf(**options)
    took = time.perf_counter() - started
    pages = max(1, len(rendered.pages))
    if not files:
        log.warning(
            "PDF for %s: no font subset was made, so WeasyPrint subsets whole system fonts (slow)", title
        )
    elif took > SLOW_SECONDS + SLOW_SECONDS_PER_PAGE * pages:
        # a long briefing takes long on the fast path too (about 0.1-0.25 s a page); this is slower
        log.warning(
            "PDF for %s took %.1f s for %d pages: the fast font path was not taken", title, took, pages
        )
    return pdf
