"""Render stage: Briefing -> bytes of Markdown, HTML and PDF."""

from __future__ import annotations

from briefing.compose import Briefing
from briefing.render.html import body_html, render_html
from briefing.render.markdown import render_markdown
from briefing.ui import to_script


def render_formats(
    briefing: Briefing, formats: tuple[str, ...], md_env, html_env, pdf_engine: str = "typst"
) -> dict[str, bytes]:
    """{format: bytes} for one briefing. Markdown is always made: HTML and PDF come from it (its
    HTML body is made once, for both).
    A Chinese briefing is written once and put in its script (Simplified, Traditional, Taiwan,
    Hong Kong) with OpenCC. The PDF is set from the printable HTML by Typst (fast) or by
    WeasyPrint with print.css."""
    md = to_script(render_markdown(briefing, md_env), briefing.lang)
    out: dict[str, bytes] = {}
    if "md" in formats:
        out["md"] = md.encode("utf-8")
    body = body_html(md, briefing.lang) if {"html", "pdf"} & set(formats) else ""
    screen = render_html(briefing, body, html_env) if body else ""
    if "html" in formats:
        out["html"] = screen.encode("utf-8")
    if "pdf" in formats and pdf_engine == "weasyprint":
        from briefing.render.pdf import print_fonts, render_pdf

        fonts = print_fonts(screen, briefing.lang)
        printable = render_html(briefing, body, html_env, for_print=True, font_css=fonts.css)
        out["pdf"] = render_pdf(printable, f"{briefing.district_en} briefing", fonts)
    elif "pdf" in formats:
        from briefing.render.pdf_typst import render_pdf_typst

        printable = render_html(briefing, body, html_env, for_print=True)
        preamble = html_env.loader.get_source(html_env, "print.typ")[0]
        out["pdf"] = render_pdf_typst(printable, f"{briefing.district_en} briefing", preamble)
    return out
