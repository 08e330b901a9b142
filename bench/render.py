"""Benchmark: composing and rendering one district's briefing, stage by stage, warm.

    python bench/render.py            # every example district (and the seeds when ../shared is here)
    python bench/render.py --repeat 5 # best of 5 (default 3)
    python bench/render.py --examples-only  # the districts of a user's clone

For each briefing it prints the best time of compose, Markdown, HTML (Markdown + screen HTML, what
a build without PDF does), the PDF with Typst (the default engine: the printable page around the
HTML body already made, its conversion to Typst and the typesetting) with its size and page count, and the PDF with WeasyPrint (pdf_engine = "weasyprint":
the print font subset and the PDF) with its size and page count (--no-weasyprint skips it).
Understanding is not timed here (bench/understand.py does that). Targets (issue 6): Markdown + HTML
<= 50 ms, PDF <= 0.5 s and <= 500 KB per briefing.
"""

from __future__ import annotations

import argparse
import io
import logging
import sys
import time
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from briefing.build.plan import discover
from briefing.compose import compose
from briefing.english.glossary import Glossary
from briefing.read import read_source
from briefing.render.html import body_html, render_html
from briefing.render.markdown import render_markdown
from briefing.render.pdf import print_fonts, render_pdf
from briefing.render.pdf_typst import render_pdf_typst
from briefing.render.templates import environments
from briefing.ui import to_script
from briefing.understand import understand
from briefing.understand.places import Gazetteer


def districts(gazetteer, with_seeds: bool = True) -> dict[str, list]:
    # the sources a build would read (examples/README.md is no report)
    folders = ["examples"]
    if with_seeds and (ROOT.parent / "shared" / "seeds").is_dir():
        folders.append(str(ROOT.parent / "shared" / "seeds"))
    grouped = defaultdict(list)
    for path in discover(tuple(folders), ROOT):
        report = understand(read_source(path), gazetteer)
        key = report.district.zh if report.district else path.stem
        grouped[key].append(report)
    return grouped


def best(fn, repeat: int):
    times, value = [], None
    for _ in range(repeat):
        started = time.perf_counter()
        value = fn()
        times.append(time.perf_counter() - started)
    return min(times), value


def measure(key: str, reports: list, glossary, md_env, html_env, args) -> str:
    """One line of the table: best times of each stage for one district's briefing."""
    from pypdf import PdfReader

    t_compose, b = best(lambda: compose(reports, glossary, args.lang), args.repeat)
    t_md, md = best(lambda: to_script(render_markdown(b, md_env), b.lang), args.repeat)
    t_html, screen = best(
        lambda: render_html(b, body_html(to_script(render_markdown(b, md_env), b.lang), b.lang), html_env),
        args.repeat,
    )
    body = body_html(md, b.lang)  # a build makes it once, for the page and for the PDF
    line = f"{b.district_en[:13]:<14}{t_compose * 1000:>7.0f}ms{t_md * 1000:>6.0f}ms{t_html * 1000:>7.0f}ms"
    if args.no_pdf:
        return line
    preamble = html_env.loader.get_source(html_env, "print.typ")[0]

    def typst_pdf():
        printable = render_html(b, body, html_env, for_print=True)
        return render_pdf_typst(printable, key, preamble)

    typst_pdf()  # the first PDF of a process loads the font collection (about 0.1-0.3 s)
    t_pdf, pdf = best(typst_pdf, args.repeat)
    pages = len(PdfReader(io.BytesIO(pdf)).pages)
    line += f"{t_pdf:>7.3f}s{len(pdf) // 1024:>6}{pages:>6}"
    if not args.no_weasyprint:
        t_font, fonts = best(lambda: print_fonts(screen, b.lang), args.repeat)
        printable = render_html(b, body, html_env, for_print=True, font_css=fonts.css)
        t_pdf, pdf = best(lambda: render_pdf(printable, key, fonts), args.repeat)
        pages = len(PdfReader(io.BytesIO(pdf)).pages)
        line += f"{t_font * 1000:>7.0f}ms{t_pdf:>7.2f}s{len(pdf) // 1024:>6}{pages:>6}"
    return line


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--lang", default="en")
    parser.add_argument("--no-pdf", action="store_true")
    parser.add_argument("--no-weasyprint", action="store_true")
    parser.add_argument("--examples-only", action="store_true", help="leave out ../shared/seeds")
    args = parser.parse_args()
    logging.getLogger("briefing.pdf").setLevel(logging.ERROR)  # the table shows the times
    glossary = Glossary.load(None)
    md_env, html_env = environments(None)
    print(
        f"{'':<14}{'':>9}{'':>8}{'':>9}{'--- Typst ---':>19}{'------ WeasyPrint ------':>28}\n"
        f"{'district':<14}{'compose':>9}{'md':>8}{'md+html':>9}{'pdf':>8}{'KB':>6}{'pages':>6}"
        f"{'font':>9}{'pdf':>8}{'KB':>6}{'pages':>6}"
    )
    for key, reports in districts(Gazetteer.load(), not args.examples_only).items():
        print(measure(key, reports, glossary, md_env, html_env, args), flush=True)


if __name__ == "__main__":
    main()
