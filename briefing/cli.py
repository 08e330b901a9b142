"""Command line: a thin shell over the library. Library errors become one line and exit 1 here."""

from __future__ import annotations

import json
import sys
from enum import Enum
from pathlib import Path
from typing import Optional

import typer

from briefing import __version__
from briefing.errors import BriefingError

app = typer.Typer(
    add_completion=False, no_args_is_help=False, rich_markup_mode=None,
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
def _root(ctx: typer.Context,
          version: bool = typer.Option(False, "--version", callback=_version, is_eager=True,
                                       help="Print the version and exit.")):
    if ctx.invoked_subcommand is None:
        typer.echo(ctx.get_help())


@app.command()
def extract(source: Path = typer.Argument(..., help="A report: .txt, .md or .html, any common encoding."),
            format: ExtractFormat = typer.Option(ExtractFormat.text, "--format", "-f",
                                                 help="json (the report model, schema briefing.report/1) or text.")):
    """Print what briefing understands of one report.

    Example: briefing extract examples/qianjiang-2020-press.txt --format json
    """
    from briefing.read import read_source
    from briefing.understand import understand
    from briefing.understand.export import report_to_dict, report_to_text

    src = read_source(source)
    report = understand(src)
    if format is ExtractFormat.json:
        sys.stdout.write(json.dumps(report_to_dict(report), ensure_ascii=False, indent=1) + "\n")
    else:
        sys.stdout.write(report_to_text(report, src.text) + "\n")


def _split(value: Optional[str], allowed: tuple[str, ...], option: str) -> Optional[tuple[str, ...]]:
    if value is None:
        return None
    items = tuple(dict.fromkeys(x.strip() for x in value.split(",") if x.strip()))
    wrong = [x for x in items if x not in allowed]
    if not items or wrong:
        raise BriefingError(option, f"expected a comma-separated list drawn from {', '.join(allowed)}, got {value!r}")
    return items


@app.command()
def build(sources: Optional[list[Path]] = typer.Argument(None, help="Report files, folders or globs "
                                                          "(default: the sources in briefing.toml, else examples/)."),
          out: Optional[Path] = typer.Option(None, "--out", "-o", help="Output folder (default: out/)."),
          formats: Optional[str] = typer.Option(None, "--formats", help="Comma-separated: md,html,pdf (default: all)."),
          lang: Optional[str] = typer.Option(None, "--lang", help="Comma-separated languages: en (default)."),
          config_file: Optional[Path] = typer.Option(None, "--config", "-c", help="A briefing.toml to use "
                                                     "(default: ./briefing.toml if present).")):
    """Write a briefing per district (Markdown, HTML, PDF) and out/index.html.

    Example: briefing build examples/ --out out --formats md,html,pdf
    """
    from briefing import config as configuration
    from briefing.build.run import build as run_build

    cfg = configuration.from_file(config_file) if config_file else configuration.find_config(Path.cwd())
    result = run_build(
        cfg, out=out, formats=_split(formats, configuration.FORMATS, "--formats"),
        languages=_split(lang, configuration.LANGUAGES, "--lang"),
        sources=tuple(str(s) for s in sources) if sources else None,
        progress=lambda msg: typer.echo(msg, err=True) if not sys.stderr.isatty() else None,
    )
    for line in result.failed:
        typer.echo(f"error: {line}", err=True)
    typer.echo(result.summary())
    if result.failed:
        raise typer.Exit(1)


def main() -> None:
    try:
        app(prog_name="briefing")
    except BriefingError as exc:
        typer.echo(f"error: {exc}", err=True)
        sys.exit(1)
    except KeyboardInterrupt:
        typer.echo("interrupted", err=True)
        sys.exit(130)
