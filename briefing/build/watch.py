"""`briefing watch` and `briefing serve`: build, then build again whenever a source, a template,
the glossary or the configuration changes (watchdog events, debounced), printing the summary line
after each build. `serve` also serves the output folder on 127.0.0.1, only once the first build
has finished (every file is replaced atomically, so a reader never sees half of one).
"""

from __future__ import annotations

import glob
import os
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import unquote, urlsplit

from briefing import config as configuration
from briefing.build.progress import Reporter
from briefing.build.run import _rel, build, output_folder
from briefing.build.runners import Auto, DaskRunner, InProcess, LocalPool, Runner
from briefing.build.write import inside
from briefing.errors import BriefingError

DEBOUNCE = 0.5  # seconds of quiet after the last change before building
EVENTS = {"created", "modified", "deleted", "moved", "closed"}


@dataclass
class Settings:
    """The build as the command line asked for it; the configuration is read again each time."""

    config_file: Path | None = None
    cwd: Path = Path(".")
    out: Path | None = None
    formats: tuple[str, ...] | None = None
    languages: tuple[str, ...] | None = None
    sources: tuple[str, ...] | None = None
    jobs: int | None = None
    scheduler: str | None = None
    pdf_engine: str | None = None

    def config(self) -> configuration.Config:
        if self.config_file is not None:
            return configuration.from_file(self.config_file)
        return configuration.find_config(self.cwd)


class Session:
    """Builds on request with one runner kept for the whole session (a worker pool is started once)."""

    def __init__(
        self,
        settings: Settings,
        echo: Callable[[str], None],
        err: Callable[[str], None],
        progress: Reporter | Callable[[str], None] | None = None,
    ):
        self.settings = settings
        self.echo = echo
        self.err = err
        self.progress = progress
        self.runner: Runner | None = None

    def _runner(self, config: configuration.Config) -> Runner:
        if self.runner is None:
            scheduler = self.settings.scheduler or config.scheduler
            jobs = self.settings.jobs or config.jobs or os.cpu_count() or 1
            if scheduler:
                self.runner = DaskRunner(scheduler)
            elif jobs > 1:
                self.runner = Auto(LocalPool(jobs))
            else:
                self.runner = InProcess()
        return self.runner

    def build(self) -> bool:
        """One build; its problems and its summary are printed. False when it could not run."""
        s = self.settings
        try:
            config = s.config()
            result = build(
                config,
                out=s.out,
                formats=s.formats,
                languages=s.languages,
                sources=s.sources,
                progress=self.progress,
                runner=self._runner(config),
                pdf_engine=s.pdf_engine,
            )
        except BriefingError as exc:
            self.err(f"error: {exc}")
            return False
        for line in result.failed:
            self.err(f"error: {line}")
        self.echo(result.summary())
        return True

    def roots(self) -> tuple[dict[Path, bool], Path | None]:
        """{folder: recursive} to watch, and the output folder (whose changes are ours)."""
        s = self.settings
        try:
            config = s.config()
        except BriefingError:
            config = None
        roots: dict[Path, bool] = {}

        def add(folder: Path, recursive: bool) -> None:
            folder = folder.resolve()
            while not folder.is_dir() and folder != folder.parent:
                folder, recursive = folder.parent, False
            roots[folder] = roots.get(folder, False) or recursive

        add(s.config_file.parent if s.config_file else s.cwd, False)
        if config is None:
            return roots, None
        base = config.base if s.sources is None else s.cwd
        for pattern in s.sources or config.sources:
            target = base / pattern if not Path(pattern).is_absolute() else Path(pattern)
            if glob.has_magic(pattern):
                fixed = str(target)[: min(str(target).find(c) for c in "*?[" if c in str(target))]
                add(Path(fixed).parent if not fixed.endswith(os.sep) else Path(fixed), True)
            elif target.is_dir():
                add(target, True)
            else:
                add(target.parent, False)
        templates = _rel(config, config.templates)
        if templates is not None:
            add(templates, True)
        glossary = _rel(config, config.glossary)
        if glossary is not None:
            add(glossary.parent, False)
        return roots, output_folder(config, s.out)

    def close(self, cancel: bool = False) -> None:
        if self.runner is not None:
            self.runner.close(cancel)
            self.runner = None


def watch(
    session: Session,
    stop: threading.Event | None = None,
    debounce: float = DEBOUNCE,
    ready: Callable[[], None] | None = None,
) -> None:
    """Build, call ready(), then build again after every burst of changes, until stop is set or
    Ctrl-C. The folders are watched from before the first build, so no change is missed."""
    from watchdog.events import FileSystemEventHandler
    from watchdog.observers import Observer

    stop = stop or threading.Event()
    changed = threading.Event()
    state = {"last": 0.0, "out": None}

    class Handler(FileSystemEventHandler):
        def on_any_event(self, event):
            if event.event_type not in EVENTS or (
                event.is_directory and event.event_type in ("modified", "closed")
            ):
                return
            paths = [event.src_path, getattr(event, "dest_path", "") or ""]
            if any(p and _relevant(os.fsdecode(p), state["out"]) for p in paths):
                state["last"] = time.monotonic()
                changed.set()

    observer = Observer()
    observer.start()
    watched: dict[Path, bool] = {}

    def arm() -> None:
        nonlocal watched
        roots, state["out"] = session.roots()
        if roots != watched:
            observer.unschedule_all()
            for folder, recursive in roots.items():
                try:
                    observer.schedule(Handler(), str(folder), recursive=recursive)
                except OSError as exc:
                    session.err(f"error: {folder}: cannot be watched: {exc.strerror or exc}")
            watched = roots

    try:
        arm()
        session.build()
        arm()
        if ready is not None:
            ready()
        while not stop.is_set():
            if not changed.wait(0.1):
                continue
            while time.monotonic() - state["last"] < debounce and not stop.is_set():
                time.sleep(0.05)
            changed.clear()
            if stop.is_set():
                break
            session.build()
            arm()  # the configuration may name other sources or templates now
    finally:
        observer.stop()
        observer.join(timeout=5)


def _relevant(path: str, out: Path | None) -> bool:
    p = Path(path)
    name = p.name
    if name.startswith(".") or name.endswith(("~", ".swp", ".tmp")) or name == "__pycache__":
        return False
    return out is None or not inside(out, p)


class _Handler(SimpleHTTPRequestHandler):
    """The output folder, read-only, without its hidden files (the manifest, the lock, caches)."""

    def send_head(self):
        parts = unquote(urlsplit(self.path).path).split("/")
        if any(part.startswith(".") for part in parts if part):
            self.send_error(404, "File not found")
            return None
        return super().send_head()

    def log_message(self, format, *args):
        pass


def serve(
    session: Session, port: int = 8000, stop: threading.Event | None = None, debounce: float = DEBOUNCE
) -> None:
    """Build once, then serve the output folder on 127.0.0.1:port and build again on change.
    The port is taken first (a busy port fails before any work); serving starts after the build."""
    out = output_folder(session.settings.config(), session.settings.out)  # raises the configuration's error
    try:
        server = ThreadingHTTPServer(("127.0.0.1", port), partial(_Handler, directory=str(out)))
    except OSError as exc:
        raise BriefingError(f"--port {port}", f"cannot listen on 127.0.0.1: {exc.strerror or exc}") from None
    server.daemon_threads = True
    serving = []

    def start() -> None:
        out.mkdir(parents=True, exist_ok=True)
        serving.append(threading.Thread(target=server.serve_forever, name="briefing-serve", daemon=True))
        serving[0].start()
        session.echo(f"serving {out} at http://127.0.0.1:{server.server_address[1]}/ (Ctrl-C to stop)")

    try:
        watch(session, stop=stop, debounce=debounce, ready=start)
    finally:
        if serving:
            server.shutdown()
        server.server_close()
