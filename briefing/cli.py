"""Command line: a thin shell over the library. Library errors become one line and exit 1 here."""

from __future__ import annotations

import gc
import json
import os
import sys
from enum import Enum
from pathlib import Path
from typing import Annotated

import typer

from briefing import __version__
from briefing.errors import BriefingError

app = typer.Typer(
    add_completion=False,
    no_args_is_help=False,
    rich_markup_mode=None,
    pretty_exceptions_enable=False,
    help="Per-district English briefings from Chinese local-government reports.\n\n"
    "Example: briefing build            (reads examples/ or briefing.toml, writes out/)",
)


class ExtractFormat(str, Enum):
    json = "json"
    text = "text"


def _version(value: bool):
    if value:
        typer.echo(f"briefing {__version__}")
        raise typer.Exit()


@app.callback(invoke_without_command=True)
def _root(
    ctx: typer.Context,
    version: bool = typer.Option(
        False, "--version", callback=_version, is_eager=True, help="Print the version and exit."
    ),
):
    if ctx.invoked_subcommand is None:
        typer.echo(ctx.get_help())


@app.command()
def extract(
    source: Annotated[Path, typer.Argument(help="A report: .txt, .md or .html, any common encoding.")],
    format: Annotated[
        ExtractFormat,
        typer.Option("--format", "-f", help="json (the report model, schema briefing.report/1) or text."),
    ] = ExtractFormat.text,
):
    """Print what briefing understands of one report.

    Example: briefing extract examples/qianjiang-2020-press.txt --format json
    """
    from briefing.read import read_source
    from briefing.understand import understand
    from briefing.understand.analyse import PARALLEL_FROM_CHARS
    from briefing.understand.export import report_to_dict, report_to_text

    src = read_source(source)
    report = _understand_long(src) if len(src.text) >= PARALLEL_FROM_CHARS else understand(src)
    if format is ExtractFormat.json:
        sys.stdout.write(json.dumps(report_to_dict(report), ensure_ascii=False, indent=1) + "\n")
    else:
        sys.stdout.write(report_to_text(report, src.text) + "\n")


def _understand_long(src):
    """A long source is read with the machine's other cores (parts of its figures side by side)."""
    from concurrent.futures import ProcessPoolExecutor

    from briefing.understand import understand

    workers = os.cpu_count() or 1
    if workers < 2:
        return understand(src)
    with ProcessPoolExecutor(workers - 1) as pool:
        return understand(src, executor=pool, workers=workers)


@app.command()
def terms(
    sources: Annotated[list[Path], typer.Argument(help="Report files or folders.")],
    glossary: Annotated[
        Path | None,
        typer.Option("--glossary", "-g", help="Your glossary file (TOML), whose entries win over ours."),
    ] = None,
):
    """List the Chinese terms the glossary does not cover: rendered from the dictionary or
    romanised, with counts and an example sentence, most frequent first.

    Example: briefing terms examples/ --glossary my-terms.toml
    """
    from briefing.build.plan import discover
    from briefing.english.glossary import Glossary
    from briefing.english.terms import format_terms, unknown_terms
    from briefing.read import read_source
    from briefing.understand import understand
    from briefing.understand.places import Gazetteer

    gazetteer = Gazetteer.load()
    reports = [
        understand(read_source(p), gazetteer) for p in discover(tuple(str(s) for s in sources), Path.cwd())
    ]
    typer.echo(format_terms(unknown_terms(reports, Glossary.load(glossary))))


def _split(value: str | None, allowed: tuple[str, ...], option: str) -> tuple[str, ...] | None:
    if value is None:
        return None
    items = tuple(dict.fromkeys(x.strip() for x in value.split(",") if x.strip()))
    wrong = [x for x in items if x not in allowed]
    if not items or wrong:
        raise BriefingError(
            option, f"expected a comma-separated list drawn from {', '.join(allowed)}, got {value!r}"
        )
    return items


def _jobs(value: int | None) -> int | None:
    if value is not None and value < 1:
        raise BriefingError("--jobs", f"expected a whole number of at least 1, got {value}")
    return value


def _settings(sources, out, formats, lang, jobs, scheduler, config_file, pdf_engine=None):
    from briefing import config as configuration
    from briefing.build.watch import Settings

    return Settings(
        config_file=config_file,
        cwd=Path.cwd(),
        out=out,
        formats=_split(formats, configuration.FORMATS, "--formats"),
        languages=_split(lang, configuration.LANGUAGES, "--lang"),
        sources=tuple(str(s) for s in sources) if sources else None,
        jobs=_jobs(jobs),
        scheduler=scheduler,
        pdf_engine=_split(pdf_engine, configuration.PDF_ENGINES, "--pdf-engine")[0] if pdf_engine else None,
    )


def _progress():
    """A progress bar when stderr is a terminal, plain lines when it is not."""
    from briefing.build.progress import Bar, Lines

    return Bar() if sys.stderr.isatty() else Lines(lambda msg: typer.echo(msg, err=True))


_SOURCES_HELP = "Report files, folders or globs (default: the sources in briefing.toml, else examples/)."
Sources = Annotated[list[Path] | None, typer.Argument(help=_SOURCES_HELP, show_default=False)]
Out = Annotated[Path | None, typer.Option("--out", "-o", help="Output folder (default: out/).")]
Formats = Annotated[
    str | None, typer.Option("--formats", help="Comma-separated: md,html,pdf (default: all).")
]
Lang = Annotated[
    str | None,
    typer.Option("--lang", help="Comma-separated languages: en (default), zh-Hans, zh-Hant, zh-TW, zh-HK."),
]
Jobs = Annotated[
    int | None,
    typer.Option(
        "--jobs",
        "-j",
        help="Districts built at once by local worker processes (default: the number of cores).",
    ),
]
Scheduler = Annotated[
    str | None,
    typer.Option(
        "--scheduler",
        help="Send the district builds to this dask.distributed scheduler (e.g. tcp://10.0.0.5:8786).",
    ),
]
PdfEngine = Annotated[
    str | None,
    typer.Option(
        "--pdf-engine",
        help="typst (default: fast, no system library) or weasyprint (the print CSS route, slower).",
    ),
]
ConfigFile = Annotated[
    Path | None,
    typer.Option("--config", "-c", help="A briefing.toml to use (default: ./briefing.toml if present)."),
]


@app.command()
def build(
    sources: Sources = None,
    out: Out = None,
    formats: Formats = None,
    lang: Lang = None,
    jobs: Jobs = None,
    force: Annotated[bool, typer.Option("--force", help="Rebuild every output, changed or not.")] = False,
    scheduler: Scheduler = None,
    config_file: ConfigFile = None,
    pdf_engine: PdfEngine = None,
):
    """Write a briefing per district (Markdown, HTML, PDF) and out/index.html.

    Only what changed is rebuilt: out/.briefing-manifest.json records the hashes of everything each
    file was made from. The last line says what was done: "N rebuilt, M up to date, K removed, E failed".

    Example: briefing build examples/ --out out --formats md,html,pdf
    """
    from briefing.build.run import build as run_build

    s = _settings(sources, out, formats, lang, jobs, scheduler, config_file, pdf_engine)
    result = run_build(
        s.config(),
        out=s.out,
        formats=s.formats,
        languages=s.languages,
        sources=s.sources,
        progress=_progress(),
        jobs=s.jobs,
        force=force,
        scheduler=s.scheduler,
        pdf_engine=s.pdf_engine,
    )
    for line in result.failed:
        typer.echo(f"error: {line}", err=True)
    typer.echo(result.summary())
    if result.failed:
        raise typer.Exit(1)


@app.command()
def watch(
    sources: Sources = None,
    out: Out = None,
    formats: Formats = None,
    lang: Lang = None,
    jobs: Jobs = None,
    scheduler: Scheduler = None,
    config_file: ConfigFile = None,
    pdf_engine: PdfEngine = None,
):
    """Build, then build again whenever a source, template, the glossary or briefing.toml changes.

    Prints the summary line after each build; Ctrl-C stops.

    Example: briefing watch examples/ --formats md,html
    """
    from briefing.build.watch import Session
    from briefing.build.watch import watch as run_watch

    session = Session(
        _settings(sources, out, formats, lang, jobs, scheduler, config_file, pdf_engine),
        echo=typer.echo,
        err=lambda line: typer.echo(line, err=True),
        progress=_progress(),
    )
    try:
        run_watch(session)
    except KeyboardInterrupt:
        session.close(cancel=True)
        typer.echo("stopped", err=True)
        return
    session.close()


@app.command()
def serve(
    sources: Sources = None,
    out: Out = None,
    formats: Formats = None,
    lang: Lang = None,
    port: Annotated[int, typer.Option("--port", "-p", help="Port on 127.0.0.1 (0: any free port).")] = 8000,
    jobs: Jobs = None,
    scheduler: Scheduler = None,
    config_file: ConfigFile = None,
    pdf_engine: PdfEngine = None,
):
    """Build, serve the output folder on http://127.0.0.1:PORT/ and rebuild on change.

    Serving starts once the first build has finished; files are replaced atomically.

    Example: briefing serve examples/ --formats md,html --port 8000
    """
    from briefing.build.watch import Session
    from briefing.build.watch import serve as run_serve

    session = Session(
        _settings(sources, out, formats, lang, jobs, scheduler, config_file, pdf_engine),
        echo=typer.echo,
        err=lambda line: typer.echo(line, err=True),
        progress=_progress(),
    )
    try:
        run_serve(session, port=port)
    except KeyboardInterrupt:
        session.close(cancel=True)
        typer.echo("stopped", err=True)
        return
    session.close()


def tune_collector() -> None:
    """Run the cycle collector far less often than Python's default (as mypy does): understanding
    a 1 MB source makes about a million short-lived objects, none in reference cycles, and with
    the default thresholds the collector walks them again and again (10% of the time). Worker
    processes forked from this one inherit the setting."""
    gc.set_threshold(200_000, 30, 30)


def main() -> None:
    tune_collector()
    try:
        app(prog_name="briefing")
    except BriefingError as exc:
        typer.echo(f"error: {exc}", err=True)
        sys.exit(1)
    except KeyboardInterrupt:
        typer.echo("interrupted", err=True)
        sys.exit(130)
