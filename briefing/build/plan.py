"""What a build reads and what it writes: source discovery, content hashes, output paths.

Everything here is cheap and runs in the parent process: the plan phase reads and hashes every
source (never understands one), hashes the template folders and the glossary, and names the
output files. Whether an output must be made again is decided in run.py against the manifest.
"""

from __future__ import annotations

import glob
import hashlib
import json
import os
import re
import stat
from dataclasses import dataclass
from pathlib import Path

from briefing.errors import BriefingError

SOURCE_SUFFIXES = {".txt", ".md", ".html", ".htm", ".text", ".xhtml", ".shtml"}
IGNORED_NAMES = {"README.md", "readme.md", "LICENSE", "LICENSE.md"}
MAX_BYTES = 50 * 1024 * 1024  # the reader refuses larger reports; we refuse before reading them


@dataclass(frozen=True)
class Output:
    district: str  # slug
    relpath: str  # e.g. jiulongpo-district/briefing.en.html
    fmt: str
    lang: str


@dataclass(frozen=True)
class SourceFile:
    """A source as the plan sees it: its name (as the briefing cites it) and the hash of its bytes."""

    path: Path
    name: str  # str(path): what read_source would call it, and what the briefing's appendix prints
    sha256: str


def discover(patterns: tuple[str, ...], base: Path, exclude: Path | None = None) -> list[Path]:
    """Files named, folders (their report files, recursively) and globs, relative to base;
    sorted and deduplicated. A pattern that matches nothing is an error naming it. Nothing inside
    `exclude` (the output folder: its .md files are briefings, not reports) is a source.

    Inside a folder, symbolic links to folders are not followed (no loops); a link with a report
    suffix that points at a folder or nowhere is kept, so that reading it reports the problem."""
    found: dict[str, Path] = {}
    for pattern in patterns:
        target = (base / pattern) if not Path(pattern).is_absolute() else Path(pattern)
        if any(ch in pattern for ch in "*?["):
            matches = [Path(p) for p in sorted(glob.glob(str(target), recursive=True))]
            files = [p for p in matches if p.is_file()]
            if not files:
                raise BriefingError(pattern, "matches no source files")
        elif target.is_dir():
            files = sorted(
                p
                for p in target.rglob("*")
                if (p.is_file() or p.is_symlink())
                and p.suffix.lower() in SOURCE_SUFFIXES
                and p.name not in IGNORED_NAMES
                and not any(part.startswith(".") for part in p.relative_to(target).parts)
            )
            if not files:
                raise BriefingError(str(target), "is a folder with no .txt, .md or .html reports")
        else:
            files = [target]  # reading it reports a missing or unreadable file
        for f in files:
            found.setdefault(str(f), f)
    if exclude is not None:
        prefix = str(exclude.resolve()) + os.sep
        found = {k: f for k, f in found.items() if not str(f.resolve()).startswith(prefix)}
    return [found[k] for k in sorted(found)]


def read_checked(path: Path) -> bytes:
    """The bytes of a source, with read_source's messages for what can be told before decoding:
    missing, a folder, too large (refused before it is read), unreadable."""
    name = str(path)
    try:
        info = path.stat()
    except FileNotFoundError:
        raise BriefingError(name, "no such file") from None
    except PermissionError:
        raise BriefingError(name, "cannot be read: permission denied") from None
    except OSError as exc:
        raise BriefingError(name, f"cannot be read: {exc.strerror or exc}") from None
    if stat.S_ISDIR(info.st_mode):
        raise BriefingError(name, "is a folder, not a report file")
    if not stat.S_ISREG(info.st_mode):
        raise BriefingError(name, "is not a regular file (a pipe, a device or a socket), not a report file")
    if info.st_size > MAX_BYTES:
        raise BriefingError(
            name, f"is {info.st_size / 1048576:.0f} MB; reports larger than 50 MB are refused"
        )
    try:
        with open(path, "rb") as fh:
            data = fh.read(MAX_BYTES + 1)
    except PermissionError:
        raise BriefingError(name, "cannot be read: permission denied") from None
    except OSError as exc:
        raise BriefingError(name, f"cannot be read: {exc.strerror or exc}") from None
    if len(data) > MAX_BYTES:  # grew since stat, or not a regular file
        raise BriefingError(name, "is larger than 50 MB; reports larger than 50 MB are refused")
    return data


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def file_sha256(path: Path) -> str | None:
    """The hash of a file on disk, or None when it is missing or unreadable."""
    h = hashlib.sha256()
    try:
        with open(path, "rb") as fh:
            for chunk in iter(lambda: fh.read(1 << 20), b""):
                h.update(chunk)
    except OSError:
        return None
    return h.hexdigest()


def digest(value) -> str:
    """The hash of a JSON-able value, canonically encoded."""
    text = json.dumps(value, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return sha256(text.encode("utf-8"))


def folder_files(folder: Path | None) -> dict[str, bytes]:
    """Every file under a folder ({relative posix path: bytes}), hidden files and caches left out."""
    files: dict[str, bytes] = {}
    if folder is None or not folder.is_dir():
        return files
    for root, dirs, names in os.walk(folder):
        dirs[:] = sorted(d for d in dirs if not d.startswith(".") and d != "__pycache__")
        for name in sorted(names):
            if name.startswith(".") or name.endswith((".pyc", "~")):
                continue
            p = Path(root) / name
            try:
                files[p.relative_to(folder).as_posix()] = p.read_bytes()
            except OSError:
                continue
    return files


def files_sha256(files: dict[str, bytes]) -> str:
    h = hashlib.sha256()
    for rel in sorted(files):
        h.update(rel.encode("utf-8") + b"\0" + hashlib.sha256(files[rel]).digest())
    return h.hexdigest()


def builtin_templates() -> Path:
    """Our templates folder, found as briefing.render.templates.builtin_folder finds it, without
    importing the render stage (a no-op build must stay well under a second)."""
    from importlib import resources

    try:
        return Path(str(resources.files("briefing.templates")))
    except ModuleNotFoundError:
        return Path(__file__).resolve().parents[2] / "templates"


def shown(name: str) -> str:
    """A file name fit for a one-line message: control characters (a newline in a name) escaped."""
    return "".join(c if c.isprintable() or c == " " else repr(c)[1:-1] for c in name)


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
