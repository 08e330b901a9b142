"""Template lookup: the user's folder first, then ours; `default:name` always means ours, so an
override can extend the original and replace only the blocks it names."""

from __future__ import annotations

from importlib import resources
from pathlib import Path

from jinja2 import (
    ChoiceLoader,
    Environment,
    FileSystemLoader,
    PrefixLoader,
    StrictUndefined,
    select_autoescape,
)

from briefing.render.markdown import md_escape


def builtin_folder() -> Path:
    """Our templates: packaged as briefing.templates when installed; the repository's templates/
    folder when the package is imported straight from a checkout."""
    try:
        return Path(str(resources.files("briefing.templates")))
    except ModuleNotFoundError:
        return Path(__file__).resolve().parents[2] / "templates"


def _loader(user_folder: Path | None):
    ours = FileSystemLoader(str(builtin_folder()))
    loaders = [FileSystemLoader(str(user_folder))] if user_folder else []
    return ChoiceLoader([*loaders, PrefixLoader({"default": ours}, delimiter=":"), ours])


def environments(user_folder: Path | None = None) -> tuple[Environment, Environment]:
    """(markdown environment, html environment). HTML autoescapes; Markdown escapes every value
    through `finalize`, for Markdown and for the HTML it will become."""
    loader = _loader(user_folder)
    md = Environment(
        loader=loader,
        autoescape=False,
        finalize=md_escape,
        undefined=StrictUndefined,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    html = Environment(
        loader=loader,
        autoescape=select_autoescape(["html", "j2", "xml", "svg"], default=True),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    return md, html
