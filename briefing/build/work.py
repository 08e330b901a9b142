"""The work a build sends out: understanding a new source (to learn its district), and making
one district's files. Both run in a worker (this process, a local process pool, or a dask worker
on another machine), so a task carries everything it needs as values: the source bytes, the
user's template files and glossary text. Nothing here touches the output folder; the parent
writes every file and the manifest.

Every function returns a result, never raises: a problem becomes a one-line error naming the file
(or the district) so that one bad input fails only its own district.
"""

from __future__ import annotations

import atexit
import os
import shutil
import signal
import tempfile
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

from briefing import __version__
from briefing.build.plan import shown
from briefing.errors import BriefingError


@dataclass(frozen=True)
class Shared:
    """What every district task needs besides its sources; hashed into the manifest by the parent."""

    templates_sha: str
    glossary_sha: str
    user_templates: dict[str, bytes] | None = None  # {relative path: bytes} of the user's folder
    glossary_name: str | None = None  # the user's glossary file name, for messages
    glossary_text: str | None = None
    pdf_engine: str = "typst"


@dataclass(frozen=True)
class IdentifyTask:
    name: str
    data: bytes


@dataclass(frozen=True)
class Identified:
    name: str
    district: dict | None = None  # District fields, or None when none was recognised
    error: str | None = None


@dataclass(frozen=True)
class DistrictTask:
    slug: str
    sources: tuple[tuple[str, bytes], ...]  # (name, bytes), sorted by name
    overrides: dict[str, dict]  # name -> District fields, for sources whose district the configuration names
    outputs: tuple[tuple[str, str, str], ...]  # (relpath, format, language) to make
    index_lang: str | None  # also return the Briefing in this language (for the index)
    shared: Shared


@dataclass
class DistrictResult:
    slug: str
    files: dict[str, bytes] = field(default_factory=dict)
    briefing: object | None = None
    error: str | None = None
    version: str = __version__
    seconds: float = 0.0


def identify(task: IdentifyTask) -> Identified:
    from briefing.read import read_bytes
    from briefing.understand import understand

    try:
        report = understand(read_bytes(task.data, task.name), _gazetteer())
    except BriefingError as exc:
        return Identified(task.name, error=_message(exc))
    except Exception as exc:  # noqa: BLE001 - a bug must not stop the other sources
        return Identified(
            task.name,
            error=f"{shown(task.name)}: could not be understood ({type(exc).__name__}: {_oneline(str(exc))})",
        )
    d = report.district
    if d is None:
        return Identified(task.name)
    return Identified(
        task.name,
        {"zh": d.zh, "en": d.en, "code": d.code, "city_zh": d.city_zh, "province_zh": d.province_zh},
    )


def make_district(task: DistrictTask) -> DistrictResult:
    start = time.perf_counter()
    try:
        result = _make_district(task)
    except BriefingError as exc:
        result = DistrictResult(task.slug, error=_message(exc))
    except Exception as exc:  # noqa: BLE001 - nor the other districts
        result = DistrictResult(
            task.slug, error=f"{task.slug}: could not be built ({type(exc).__name__}: {_oneline(str(exc))})"
        )
    result.seconds = time.perf_counter() - start
    return result


def _make_district(task: DistrictTask) -> DistrictResult:
    from briefing.compose import Briefing, compose
    from briefing.read import read_bytes
    from briefing.render import render_formats
    from briefing.understand import understand
    from briefing.understand.model import District, Report

    reports = []
    for name, data in task.sources:
        report = understand(read_bytes(data, name), _gazetteer())
        if name in task.overrides:
            report = Report(**{**report.__dict__, "district": District(**task.overrides[name])})
        reports.append(report)
    glossary = _glossary(task.shared)
    md_env, html_env = _environments(task.shared)
    result = DistrictResult(task.slug)
    languages = list(
        dict.fromkeys([lang for _, _, lang in task.outputs] + ([task.index_lang] if task.index_lang else []))
    )
    for lang in languages:
        briefing = compose(reports, glossary, lang)
        briefing = Briefing(**{**briefing.__dict__, "slug": task.slug})
        wanted = [(rel, fmt) for rel, fmt, out_lang in task.outputs if out_lang == lang]
        if wanted:
            formats = tuple(fmt for _, fmt in wanted)
            rendered = render_formats(briefing, formats, md_env, html_env, task.shared.pdf_engine)
            for rel, fmt in wanted:
                result.files[rel] = rendered[fmt]
        if lang == task.index_lang:
            result.briefing = briefing
    return result


def _message(exc: BriefingError) -> str:
    return f"{shown(exc.where)}: {_oneline(exc.problem)}"


def _oneline(text: str) -> str:
    return " ".join(text.split())


# Per-process caches: the gazetteer takes most of a second to load; templates and glossary are
# keyed by their hashes, so a long-lived worker (watch, serve, a dask cluster) never uses stale ones.
_lock = threading.Lock()
_cache: dict = {}


def _gazetteer():
    with _lock:
        if "gazetteer" not in _cache:
            from briefing.understand.places import Gazetteer

            _cache["gazetteer"] = Gazetteer.load()
        return _cache["gazetteer"]


def _scratch() -> Path:
    if "scratch" not in _cache:
        folder = Path(tempfile.mkdtemp(prefix="briefing-worker-"))
        atexit.register(shutil.rmtree, folder, True)
        _cache["scratch"] = folder
    return _cache["scratch"]


def _memo(key, make):
    """One value per process for a key (a worker builds many districts with the same inputs)."""
    with _lock:
        if key not in _cache:
            _cache[key] = make()
        return _cache[key]


def _environments(shared: Shared):
    def make():
        from briefing.render.templates import environments

        folder = None
        if shared.user_templates is not None:
            folder = _scratch() / f"templates-{shared.templates_sha[:16]}"
            for rel, data in shared.user_templates.items():
                target = folder / rel
                target.parent.mkdir(parents=True, exist_ok=True)
                target.write_bytes(data)
            folder.mkdir(parents=True, exist_ok=True)
        return environments(folder)

    return _memo(("environments", shared.templates_sha), make)


def _glossary(shared: Shared):
    def make():
        from briefing.english.glossary import Glossary

        path = None
        if shared.glossary_text is not None:
            folder = _scratch() / f"glossary-{shared.glossary_sha[:16]}"
            folder.mkdir(parents=True, exist_ok=True)
            path = folder / Path(shared.glossary_name or "glossary.toml").name
            path.write_text(shared.glossary_text, encoding="utf-8")
        return Glossary.load(path)

    return _memo(("glossary", shared.glossary_sha), make)


def init_worker(inherited_fd: int | None = None) -> None:
    """Set up a local pool worker: Ctrl-C is the parent's business; a copy of the parent's lock
    file descriptor (inherited by fork) is closed, so only the parent holds the folder's lock;
    and the worker ends when its parent does (kill -9 of a build leaves no workers behind)."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    if inherited_fd is not None:
        try:
            os.close(inherited_fd)
        except OSError:
            pass
    parent = os.getppid()

    def watch_parent():
        while True:
            time.sleep(0.25)
            if os.getppid() != parent:
                os._exit(1)

    threading.Thread(target=watch_parent, name="briefing-parent-watch", daemon=True).start()
