"""A build in two phases: understand every source first, then compose, render and write each
district. One bad source fails alone; outputs are written atomically; the index comes last."""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from briefing.build.plan import Output, discover, output_paths, safe_slug
from briefing.build.write import inside, write_atomic
from briefing.compose import Briefing, compose
from briefing.config import Config
from briefing.english.glossary import Glossary
from briefing.errors import BriefingError
from briefing.read import read_source
from briefing.render import render_formats
from briefing.render.html import render_index
from briefing.render.templates import environments
from briefing.understand import Report, understand
from briefing.understand.model import District
from briefing.understand.places import Gazetteer

Progress = Callable[[str], None]


@dataclass
class BuildResult:
    written: list[str] = field(default_factory=list)
    up_to_date: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    failed: list[str] = field(default_factory=list)  # one line each: "path: problem"

    def summary(self) -> str:
        return (f"{len(self.written)} rebuilt, {len(self.up_to_date)} up to date, {len(self.removed)} removed, "
                f"{len(self.failed)} failed")


def build(config: Config, out: Path | None = None, formats: tuple[str, ...] | None = None,
          languages: tuple[str, ...] | None = None, sources: tuple[str, ...] | None = None,
          progress: Progress | None = None) -> BuildResult:
    say = progress or (lambda _msg: None)
    out_dir = (config.base / (out or config.out)).resolve() if not (out and Path(out).is_absolute()) else Path(out)
    formats = formats or config.formats
    languages = languages or config.languages
    result = BuildResult()
    base = config.base if sources is None else Path.cwd()
    paths = discover(sources or config.sources, base)
    glossary = Glossary.load(_rel(config, config.glossary))
    md_env, html_env = environments(_rel(config, config.templates))
    gazetteer = Gazetteer.load()

    # Phase 1: understand every source.
    reports: list[Report] = []
    for path in paths:
        shown = _shown(path)
        say(f"reading {shown}")
        try:
            report = understand(read_source(path), gazetteer)
            report = _override_district(report, config, path, gazetteer)
            if report.district is None:
                raise BriefingError(shown, "no county-level district recognised; name it under [districts] in "
                                           "briefing.toml")
            reports.append(report)
        except BriefingError as exc:
            result.failed.append(str(exc))

    if not reports:
        return result  # nothing understood: write nothing, not even an empty index

    # Phase 2: one briefing per district.
    groups = _by_district(reports)
    planned: dict[str, bytes] = {}
    index_entries = []
    for slug, group in groups.items():
        say(f"composing {slug}")
        try:
            briefing = compose(group, glossary, "en")
            briefing = Briefing(**{**briefing.__dict__, "slug": slug})
            links = {}
            for lang in languages:
                rendered = render_formats(briefing, formats, md_env, html_env)
                for output in output_paths(slug, formats, (lang,)):
                    _plan(planned, output, rendered[output.fmt])
                    links[output.fmt] = output.relpath
            index_entries.append((briefing, links))
        except BriefingError as exc:
            result.failed.append(str(exc))
    if "html" in formats or planned:
        index = render_index(index_entries, html_env, sum(len(g) for g in groups.values()))
        planned["index.html"] = index.encode("utf-8")

    for rel, data in planned.items():
        target = out_dir / rel
        if not inside(out_dir, target):
            result.failed.append(f"{rel}: output path would leave the output folder; not written")
            continue
        if target.is_file() and target.read_bytes() == data:
            result.up_to_date.append(rel)
            continue
        write_atomic(target, data)
        result.written.append(rel)
    return result


def _plan(planned: dict[str, bytes], output: Output, data: bytes) -> None:
    if output.relpath in planned:
        raise BriefingError(output.relpath, "two briefings would be written to the same path; refusing")
    planned[output.relpath] = data


def _by_district(reports: list[Report]) -> dict[str, list[Report]]:
    groups: dict[str, list[Report]] = {}
    slugs: dict[str, str] = {}  # district key -> slug
    taken: dict[str, str] = {}  # slug -> district key
    for r in sorted(reports, key=lambda r: r.source):
        d = r.district
        key = d.code or d.zh
        if key not in slugs:
            slug = safe_slug(d.en)
            if slug in taken and taken[slug] != key:
                slug = safe_slug(f"{d.en}-{d.code or d.city_zh or len(taken)}")  # 朝阳区 in Beijing and in Changchun
            slugs[key] = slug
            taken[slug] = key
        groups.setdefault(slugs[key], []).append(r)
    return dict(sorted(groups.items()))


def _override_district(report: Report, config: Config, path: Path, gazetteer: Gazetteer) -> Report:
    if not config.districts:
        return report
    wanted = None
    for key, name in config.districts.items():
        if (config.base / key).resolve() == path.resolve():
            wanted = name
    if wanted is None:
        return report
    divisions = gazetteer.by_name.get(wanted)
    if not divisions:
        raise BriefingError(str(config.file or "briefing.toml"),
                            f"key 'districts': {wanted!r} is not a county-level division name")
    from briefing.english.names import place
    from briefing.understand.model import Report as R

    d = divisions[0]
    district = District(d.name, place(d.name), d.code, d.city, d.province)
    return R(**{**report.__dict__, "district": district})


def _rel(config: Config, path: Path | None) -> Path | None:
    if path is None:
        return None
    return path if path.is_absolute() else config.base / path


def _shown(path: Path) -> str:
    try:
        return os.path.relpath(path)
    except ValueError:
        return str(path)
