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


def main() -> None:
    try:
        app()
    except BriefingError as exc:
        typer.echo(f"error: {exc}", err=True)
        sys.exit(1)
    except KeyboardInterrupt:
        typer.echo("interrupted", err=True)
        sys.exit(130)
