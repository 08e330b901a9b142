"""What a build reads and what it writes: source discovery, grouping by district, output paths."""

from __future__ import annotations

import glob
import re
from dataclasses import dataclass
from pathlib import Path

from briefing.errors import BriefingError

SOURCE_SUFFIXES = {".txt", ".md", ".html", ".htm", ".text", ".xhtml", ".shtml"}
IGNORED_NAMES = {"README.md", "readme.md", "LICENSE", "LICENSE.md"}


@dataclass(frozen=True)
class Output:
    district: str  # slug
    relpath: str  # e.g. jiulongpo-district/briefing.en.html
    fmt: str
    lang: str


def discover(patterns: tuple[str, ...], base: Path) -> list[Path]:
    """Files named, folders (their report files, recursively) and globs, relative to base;
    sorted and deduplicated. A pattern that matches nothing is an error naming it."""
    found: dict[str, Path] = {}
    for pattern in patterns:
        target = (base / pattern) if not Path(pattern).is_absolute() else Path(pattern)
        if any(ch in pattern for ch in "*?["):
            matches = [Path(p) for p in sorted(glob.glob(str(target), recursive=True))]
            files = [p for p in matches if p.is_file()]
            if not files:
                raise BriefingError(pattern, "matches no source files")
        elif target.is_dir():
            files = sorted(p for p in target.rglob("*") if p.is_file() and p.suffix.lower() in SOURCE_SUFFIXES
                           and p.name not in IGNORED_NAMES and not any(part.startswith(".") for part in p.parts))
            if not files:
                raise BriefingError(str(target), "is a folder with no .txt, .md or .html reports")
        else:
            files = [target]  # reading it reports a missing or unreadable file
        for f in files:
            found.setdefault(str(f), f)
    return [found[k] for k in sorted(found)]


def safe_slug(slug: str) -> str:
    """District slugs become folder names: only [a-z0-9-], never empty, never '..'."""
    cleaned = re.sub(r"[^a-z0-9-]+", "-", slug.lower()).strip("-")
    return cleaned or "unidentified"


def output_paths(slug: str, formats: tuple[str, ...], languages: tuple[str, ...]) -> list[Output]:
    outs = []
    for lang in languages:
        for fmt in formats:
            outs.append(Output(slug, f"{slug}/briefing.{lang}.{fmt}", fmt, lang))
    return outs
