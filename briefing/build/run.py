"""An incremental build, keyed on content hashes.

1. Plan (in this process, cheap): read and hash every source, the template folders and the
   glossary; take the district of each source from the manifest when its bytes were seen before,
   and understand only new or changed sources (in the workers) to learn theirs; group by district.
2. Decide, per output file, against the manifest: it is up to date when the hashes of everything
   it was made from are the ones recorded and the file on disk still has the recorded hash.
3. Make what is missing, one task per district (in this process, a local process pool or a dask
   cluster); write each file atomically here as its district arrives; then remove the outputs of
   districts that no longer have any source; then the index; the manifest is saved after the
   files it describes (during the build too, so an interrupted build loses little).

One bad source fails alone; a source that used to feed a district and is now unreadable leaves
that district's outputs as they were. The output folder is locked for the whole build.
"""

from __future__ import annotations

import dataclasses
import json
import os
import time
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

from briefing import __version__
from briefing.build.lock import OutputLock
from briefing.build.manifest import Manifest
from briefing.build.plan import (
    SourceFile,
    builtin_templates,
    digest,
    discover,
    file_sha256,
    files_sha256,
    folder_files,
    output_paths,
    read_checked,
    safe_slug,
    sha256,
    shown,
)
from briefing.build.progress import reporter
from briefing.build.runners import Auto, DaskRunner, InProcess, LocalPool, Runner
from briefing.build.work import (
    DistrictResult,
    DistrictTask,
    Identified,
    IdentifyTask,
    Shared,
    identify,
    make_district,
)
from briefing.build.write import inside, write_atomic
from briefing.config import Config
from briefing.errors import BriefingError

INDEX = "index.html"
CACHE = ".briefing-cache"  # the composed Briefing of each district, for the index
SAVE_EVERY = 1.0  # seconds between manifest saves while districts arrive


@dataclass
class BuildResult:
    written: list[str] = field(default_factory=list)
    up_to_date: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    failed: list[str] = field(default_factory=list)  # one line each: "path: problem"

    def summary(self) -> str:
        return (
            f"{len(self.written)} rebuilt, {len(self.up_to_date)} up to date, {len(self.removed)} removed, "
            f"{len(self.failed)} failed"
        )


def build(
    config: Config,
    out: Path | None = None,
    formats: tuple[str, ...] | None = None,
    languages: tuple[str, ...] | None = None,
    sources: tuple[str, ...] | None = None,
    progress=None,
    jobs: int | None = None,
    force: bool = False,
    scheduler: str | None = None,
    runner: Runner | None = None,
    pdf_engine: str | None = None,
) -> BuildResult:
    """Build the briefings of `config` (options given here win over the configuration's).

    progress: None, a function taking a line, or a briefing.build.progress.Reporter.
    runner: where the work runs, when the caller keeps one across builds (watch, serve);
    otherwise one is made from `scheduler` and `jobs` and closed at the end.
    """
    out_dir = output_folder(config, out)
    base = config.base if sources is None else Path()  # sources named here: as named, from the current folder
    paths = discover(sources or config.sources, base, exclude=out_dir)
    lock = OutputLock(out_dir, str(out if out is not None else config.out))
    with lock:
        own_runner = runner is None
        if own_runner:
            runner = _runner(
                scheduler or config.scheduler, jobs or config.jobs or os.cpu_count() or 1, lock.fd
            )
        job = _Build(
            config,
            out_dir,
            formats or config.formats,
            languages or config.languages,
            paths,
            reporter(progress),
            force,
            runner,
            pdf_engine or config.pdf_engine,
        )
        try:
            job.run()
        except BaseException:
            if own_runner:
                runner.close(cancel=True)
            raise
        finally:
            job.reporter.close()
        if own_runner:
            runner.close()
        return job.result


def output_folder(config: Config, out: Path | None = None) -> Path:
    """--out as given when absolute; otherwise relative to the configuration's folder."""
    if out is not None and Path(out).is_absolute():
        return Path(out)
    return (config.base / (out or config.out)).resolve()


def _runner(scheduler: str | None, jobs: int, lock_fd: int | None) -> Runner:
    if scheduler:
        return DaskRunner(scheduler)
    if jobs <= 1:
        return InProcess()
    return Auto(LocalPool(jobs, lock_fd))


class _Build:
    def __init__(
        self,
        config: Config,
        out_dir: Path,
        formats,
        languages,
        paths: list[Path],
        report,
        force: bool,
        runner: Runner,
        pdf_engine: str = "typst",
    ):
        self.config = config
        self.pdf_engine = pdf_engine
        self.out_dir = out_dir
        self.formats = tuple(formats)
        self.languages = tuple(languages)
        self.paths = paths
        self.reporter = report
        self.force = force
        self.runner = runner
        self.result = BuildResult()
        self.manifest = Manifest() if force else Manifest.load(out_dir)
        self.saved_at = time.monotonic()
        self.dirty = False
        self.current: set[str] = set()  # hashes of this build's sources
        self.briefings_made: dict[str, object] = {}

    # -- the whole build ---------------------------------------------------------------------------

    def run(self) -> None:
        _clean_temporary_files(self.out_dir)
        shared = self._shared()
        items, failed_names = self._hash_sources()
        districts = self._identify(items, failed_names)
        assigned = self._assign(items, districts, failed_names)
        if not assigned:
            return  # nothing understood: write nothing, remove nothing
        groups = _by_district(assigned)
        protected = {
            slug
            for slug, rec in self.manifest.districts.items()
            if any(name in failed_names for name, _ in rec.get("sources", []))
        }
        try:
            self._make(groups, protected, shared)
        finally:
            self._save(final=True)

    def _shared(self) -> Shared:
        templates = _rel(self.config, self.config.templates)
        user = folder_files(templates) if templates is not None else None
        ours = folder_files(builtin_templates())
        templates_sha = files_sha256(
            {
                **{f"default/{k}": v for k, v in ours.items()},
                **{f"user/{k}": v for k, v in (user or {}).items()},
            }
        )
        glossary = _rel(self.config, self.config.glossary)
        text = None
        if glossary is not None:
            try:
                text = glossary.read_text(encoding="utf-8")
            except (OSError, UnicodeDecodeError) as exc:
                problem = getattr(exc, "strerror", None) or str(exc)
                raise BriefingError(str(glossary), f"glossary cannot be read: {problem}") from None
        builtin = resources.files("briefing.english.data").joinpath("glossary.toml").read_bytes()
        glossary_sha = sha256(builtin + b"\0" + (text or "").encode("utf-8"))
        self.glossary_path = glossary
        return Shared(
            templates_sha, glossary_sha, user, glossary.name if glossary else None, text, self.pdf_engine
        )

    def _hash_sources(self) -> tuple[list[SourceFile], set[str]]:
        items, failed = [], set()
        self.pending: dict[str, bytes] = {}  # bytes of the sources to understand
        for path in self.paths:
            try:
                data = read_checked(path)
            except BriefingError as exc:
                self._fail(f"{shown(exc.where)}: {exc.problem}")
                failed.add(str(path))
                continue
            item = SourceFile(path, str(path), sha256(data))
            items.append(item)
            self.current.add(item.sha256)
            if self.force or item.sha256 not in self.manifest.sources:
                self.pending.setdefault(item.sha256, data)
        return items, failed

    def _identify(self, items: list[SourceFile], failed: set[str]) -> dict[str, dict | None]:
        """{source sha256: District fields or None}: from the manifest, or understood now."""
        known = {} if self.force else {sha: rec.get("district") for sha, rec in self.manifest.sources.items()}
        tasks, shas, errors = [], {}, {}
        for item in items:  # one task per distinct content
            if item.sha256 in self.pending:
                tasks.append(IdentifyTask(item.name, self.pending.pop(item.sha256)))
                shas[item.name] = item.sha256
        if tasks:
            self.reporter.phase("understanding", len(tasks))
            for task, found in self.runner.run(identify, tasks, _identify_failure):
                sha = shas[task.name]
                if found.error:
                    errors[sha] = (task.name, found.error)
                else:
                    known[sha] = found.district
                    self.manifest.sources[sha] = {"district": found.district}
                    self.dirty = True
                self.reporter.step()
        for item in items:
            if item.sha256 in errors:
                name, line = errors[item.sha256]
                failed.add(item.name)
                self._fail(line if name == item.name else f"{shown(item.name)}{line[len(shown(name)) :]}")
        return known

    def _assign(self, items, districts, failed: set[str]) -> list[tuple[SourceFile, dict, str | None]]:
        overrides = self._overrides()
        assigned = []
        for item in items:
            if item.name in failed:
                continue
            wanted = overrides.get(str(item.path.resolve())) if overrides else None
            if wanted is not None:
                district = self._override_district(wanted)
                if district is None:
                    self._fail(
                        f"{self.config.file or 'briefing.toml'}: key 'districts': {wanted!r} is not a "
                        "county-level division name"
                    )
                    failed.add(item.name)
                    continue
            else:
                if item.sha256 not in districts:
                    continue  # it failed to be understood: reported already
                district = districts[item.sha256]
            if district is None:
                self._fail(
                    f"{shown(item.name)}: no county-level district recognised; name it under [districts] "
                    "in briefing.toml"
                )
                failed.add(item.name)
                continue
            assigned.append((item, district, wanted))
        return assigned

    def _overrides(self) -> dict[str, str]:
        return {str((self.config.base / key).resolve()): name for key, name in self.config.districts.items()}

    def _override_district(self, name: str) -> dict | None:
        if name in self.manifest.overrides:
            return self.manifest.overrides[name]
        from briefing.build.work import _gazetteer
        from briefing.english.names import place

        divisions = _gazetteer().by_name.get(name)
        if not divisions:
            return None
        d = divisions[0]
        district = {
            "zh": d.name,
            "en": place(d.name),
            "code": d.code,
            "city_zh": d.city,
            "province_zh": d.province,
        }
        self.manifest.overrides[name] = district
        return district

    # -- deciding and making -------------------------------------------------------------------------

    def _make(self, groups: dict[str, list], protected: set[str], shared: Shared) -> None:
        out = self.out_dir
        expected: dict[str, dict] = {}  # relpath -> inputs
        digests: dict[str, str] = {}  # slug -> digest of the district's inputs
        todos: dict[str, list] = {}
        for slug, group in groups.items():
            if slug in protected:
                continue
            inputs = {
                "sources": [[item.name, item.sha256] for item, _, _ in group],
                "templates": shared.templates_sha,
                "glossary": shared.glossary_sha,
                "version": __version__,
                "code": code_fingerprint(),
            }
            overrides = [[item.name, name] for item, _, name in group if name]
            digests[slug] = digest({**inputs, "overrides": overrides, "languages": list(self.languages)})
            todo = []
            for output in output_paths(slug, self.formats, self.languages):
                config = {"format": output.fmt, "lang": output.lang, "overrides": overrides}
                if output.fmt == "pdf":
                    config["engine"] = shared.pdf_engine  # a PDF is made again when the engine changes
                expected[output.relpath] = {**inputs, "config": config}
                rec = self.manifest.outputs.get(output.relpath)
                fresh = (
                    not self.force
                    and rec is not None
                    and rec.get("inputs") == expected[output.relpath]
                    and file_sha256(out / output.relpath) == rec.get("sha256")
                )
                if fresh:
                    self.result.up_to_date.append(output.relpath)
                else:
                    todo.append(output)
            if todo:
                todos[slug] = todo
            else:  # all up to date: the record is what it was (or was lost with an older manifest)
                record = {"sources": inputs["sources"], "inputs": digests[slug]}
                if self.manifest.districts.get(slug) != record:
                    self.manifest.districts[slug] = record
                    self.dirty = True

        # the index: all districts that still have a source, protected ones with their old briefing
        index_slugs = sorted(set(digests) | {s for s in protected if s in self.manifest.districts})
        for slug in protected:
            if slug in self.manifest.districts:
                digests[slug] = self.manifest.districts[slug].get("inputs", "")
        index_inputs = self._index_inputs({s: digests[s] for s in index_slugs}, shared, groups, protected)
        rec = self.manifest.outputs.get(INDEX)
        index_needed = bool(index_slugs) and (
            self.force
            or rec is None
            or rec.get("inputs") != index_inputs
            or file_sha256(out / INDEX) != rec.get("sha256")
        )
        briefings: dict[str, object] = {}
        if index_needed:
            for slug in index_slugs:
                if slug in todos:
                    continue
                cached = self._cached_briefing(slug, digests[slug], stale_ok=slug in protected)
                if cached is not None:
                    briefings[slug] = cached
                elif slug in groups and slug not in protected:
                    todos[slug] = []  # compose it again for the index, write nothing
        index_lang = self.languages[0] if index_needed else None
        tasks = [
            task
            for slug, todo in todos.items()
            if (task := self._task(slug, groups[slug], todo, shared, index_lang)) is not None
        ]

        if tasks:
            self.reporter.phase("building", len(tasks))
            for task, done in self.runner.run(make_district, tasks, _district_failure):
                self._receive(task, done, groups[task.slug], digests[task.slug], expected)
        self._remove(set(groups) | protected)
        if index_needed:
            self._index(index_slugs, briefings, digests, index_inputs, groups, protected)
        elif rec is not None:
            self.result.up_to_date.append(INDEX)

    def _task(self, slug: str, group, todo, shared: Shared, index_lang: str | None) -> DistrictTask | None:
        """The district's work, with the bytes of its sources (read again: the worker may be on
        another machine); a source that changed since it was hashed fails the district."""
        sources = []
        for item, _, _ in group:
            try:
                data = read_checked(item.path)
            except BriefingError as exc:
                data, problem = None, exc.problem
            else:
                problem = "changed while the build was running; build again"
            if data is None or sha256(data) != item.sha256:
                self._fail(f"{shown(item.name)}: {problem}")
                return None
            sources.append((item.name, data))
        return DistrictTask(
            slug,
            tuple(sources),
            {item.name: district for item, district, name in group if name},
            tuple((o.relpath, o.fmt, o.lang) for o in todo),
            index_lang,
            shared,
        )

    def _receive(
        self, task: DistrictTask, done: DistrictResult, group, district_digest: str, expected: dict[str, dict]
    ) -> None:
        if done.error is None and done.version != __version__:
            done.error = (
                f"{task.slug}: the worker runs briefing {done.version}, this build {__version__}; "
                "install the same version on the workers"
            )
        if done.error:
            self._fail(done.error)
            self.reporter.step()
            return
        written = 0
        for rel, data in done.files.items():
            target = self.out_dir / rel
            if not inside(self.out_dir, target):
                self._fail(f"{rel}: output path would leave the output folder; not written")
                continue
            digest_ = sha256(data)
            if file_sha256(target) != digest_:
                write_atomic(target, data)
            self.manifest.outputs[rel] = {"district": task.slug, "sha256": digest_, "inputs": expected[rel]}
            self.result.written.append(rel)
            written += 1
        self.manifest.districts[task.slug] = {
            "sources": [[item.name, item.sha256] for item, _, _ in group],
            "inputs": district_digest,
        }
        if done.briefing is not None:
            self._store_briefing(task.slug, district_digest, done.briefing)
            self.briefings_made[task.slug] = done.briefing
        self.dirty = True
        self._save()
        if task.outputs:
            self.reporter.step(f"built {task.slug} ({written} file{'s' if written != 1 else ''})")
        else:
            self.reporter.step()

    def _remove(self, live: set[str]) -> None:
        gone_slugs = set()
        for rel, rec in sorted(self.manifest.outputs.items()):
            slug = rec.get("district")
            if rel == INDEX or slug in live:
                continue
            target = self.out_dir / rel
            if inside(self.out_dir, target) and target.is_file():
                target.unlink()
                self.result.removed.append(rel)
            del self.manifest.outputs[rel]
            gone_slugs.add(slug)
        for slug in list(self.manifest.districts):
            if slug not in live:
                del self.manifest.districts[slug]
                gone_slugs.add(slug)
        for slug in gone_slugs:
            if not isinstance(slug, str) or safe_slug(slug) != slug:
                continue
            cache = self.out_dir / CACHE / f"{slug}.json"
            cache.unlink(missing_ok=True)
            folder = self.out_dir / slug
            try:
                folder.rmdir()  # only when empty: the user's own files stay
            except OSError:
                pass
            self.reporter.step(f"removed {slug}")
        if gone_slugs:
            self.dirty = True

    # -- the index -----------------------------------------------------------------------------------

    def _index_inputs(self, digests: dict[str, str], shared: Shared, groups, protected) -> dict:
        count = sum(len(g) for s, g in groups.items() if s not in protected)
        count += sum(
            len(self.manifest.districts[s].get("sources", []))
            for s in protected
            if s in self.manifest.districts
        )
        return {
            "districts": digests,
            "templates": shared.templates_sha,
            "glossary": shared.glossary_sha,
            "version": __version__,
            "code": code_fingerprint(),
            "config": {"formats": list(self.formats), "languages": list(self.languages)},
            "source_count": count,
        }

    def _index(self, slugs, briefings, digests, inputs, groups, protected) -> None:
        from briefing.render.html import render_index
        from briefing.render.templates import environments

        briefings = {**briefings, **self.briefings_made}
        lang = self.languages[0]
        entries, used = [], {}
        for slug in slugs:
            b = briefings.get(slug)
            if b is None:
                b = self._cached_briefing(slug, "", stale_ok=True)  # its district failed: the last one made
                used[slug] = "stale"
            else:
                used[slug] = digests[slug]
            if b is None:
                continue
            links = {}
            for other in self.languages:  # the first language's formats first, then the others'
                for fmt in self.formats:
                    label = fmt if other == lang else f"{fmt} {other}"
                    links[label] = f"{slug}/briefing.{other}.{fmt}"
            entries.append((b, links))
        if not entries:
            return
        _, html_env = environments(_rel(self.config, self.config.templates))
        data = render_index(entries, html_env, inputs["source_count"]).encode("utf-8")
        if file_sha256(self.out_dir / INDEX) != sha256(data):
            write_atomic(self.out_dir / INDEX, data)
        self.manifest.outputs[INDEX] = {
            "district": None,
            "sha256": sha256(data),
            "inputs": {**inputs, "districts": used},
        }
        self.result.written.append(INDEX)
        self.dirty = True

    def _cached_briefing(self, slug: str, key: str, stale_ok: bool = False):
        """What the index shows of a district built earlier, as plain JSON data (the index
        template reads dicts and Briefings alike). JSON, not pickle: an output folder is often
        published, and loading it must never run code."""
        try:
            stored = json.loads((self.out_dir / CACHE / f"{slug}.json").read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return None
        if not isinstance(stored, dict) or stored.get("model") != code_fingerprint():
            return None
        if stored.get("key") != key and not stale_ok:
            return None
        return stored.get("briefing")

    def _store_briefing(self, slug: str, key: str, briefing) -> None:
        data = json.dumps(
            {"key": key, "model": code_fingerprint(), "briefing": _index_view(briefing)},
            ensure_ascii=False,
            sort_keys=True,
            default=str,
        )
        write_atomic(self.out_dir / CACHE / f"{slug}.json", data.encode("utf-8"))

    # -- bookkeeping ---------------------------------------------------------------------------------

    def _fail(self, line: str) -> None:
        self.result.failed.append(line)

    def _save(self, final: bool = False) -> None:
        if not self.dirty:
            return
        now = time.monotonic()
        if final or now - self.saved_at >= SAVE_EVERY:
            if final:  # forget the districts of sources that are gone
                self.manifest.sources = {
                    sha: rec for sha, rec in self.manifest.sources.items() if sha in self.current
                }
            self.manifest.save(self.out_dir, __version__)
            self.saved_at = now
            self.dirty = False


def _by_district(assigned) -> dict[str, list]:
    """{slug: [(source, district, override name)]}, sources in name order; two divisions of one
    name (朝阳区 in Beijing and in Changchun) get distinct slugs."""
    groups: dict[str, list] = {}
    slugs: dict[str, str] = {}  # district key -> slug
    taken: dict[str, str] = {}  # slug -> district key
    for entry in sorted(assigned, key=lambda e: e[0].name):
        d = entry[1]
        key = d.get("code") or d["zh"]
        if key not in slugs:
            slug = safe_slug(d["en"])
            if slug in taken and taken[slug] != key:
                slug = safe_slug(f"{d['en']}-{d.get('code') or d.get('city_zh') or len(taken)}")
            slugs[key] = slug
            taken[slug] = key
        groups.setdefault(slugs[key], []).append(entry)
    return dict(sorted(groups.items()))


def _identify_failure(task: IdentifyTask, exc: BaseException) -> Identified:
    return Identified(task.name, error=f"{shown(task.name)}: the worker failed ({type(exc).__name__}: {exc})")


def _district_failure(task: DistrictTask, exc: BaseException) -> DistrictResult:
    return DistrictResult(task.slug, error=f"{task.slug}: the worker failed ({type(exc).__name__}: {exc})")


def _index_view(briefing) -> dict:
    """The part of a Briefing the index shows (district, period, key figures, sources)."""
    view = dataclasses.asdict(briefing) if dataclasses.is_dataclass(briefing) else dict(briefing)
    for heavy in ("sections", "metrics", "appendix", "chart", "fallbacks", "initiatives"):
        view.pop(heavy, None)
    return view


_FINGERPRINT: list[str] = []
_CODE_FILES = ("*.py", "*.toml", "*.tsv", "*.json", "*.txt")


def code_fingerprint() -> str:
    """A digest of the package's own code and data (glossary, division tables, schema): every
    output and cached Briefing was made by this code, so a change to any of it, released or not,
    makes them stale. Read once per process (the package is well under 1 MB)."""
    if not _FINGERPRINT:
        _FINGERPRINT.append(fingerprint_of(Path(__file__).resolve().parents[1]))
    return _FINGERPRINT[0]


def fingerprint_of(root: Path) -> str:
    files = sorted(p for pattern in _CODE_FILES for p in root.rglob(pattern) if "__pycache__" not in p.parts)
    return sha256(
        b"".join(p.relative_to(root).as_posix().encode() + b"\0" + p.read_bytes() + b"\0" for p in files)
    )


def _clean_temporary_files(out_dir: Path) -> None:
    """Temporary files left by a build that was killed (we hold the lock: nobody is writing)."""
    if not out_dir.is_dir():
        return
    for root, dirs, names in os.walk(out_dir):
        for name in names:
            if name.startswith(".") and name.endswith(".tmp"):
                try:
                    os.unlink(os.path.join(root, name))
                except OSError:
                    pass


def _rel(config: Config, path: Path | None) -> Path | None:
    if path is None:
        return None
    return path if path.is_absolute() else config.base / path
