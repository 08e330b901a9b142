"""Configuration: briefing.toml, loaded (TOML -> dict) and validated (dict -> Config) separately,
so that every problem names the key and what was expected.

    sources = ["examples"]            # files, folders or glob patterns, relative to the file
    out = "out"
    formats = ["md", "html", "pdf"]
    languages = ["en"]                # en, zh-Hans, zh-Hant, zh-TW, zh-HK
    templates = "my-templates"        # looked up before ours
    glossary = "my-terms.toml"        # entries override ours
    jobs = 2
    pdf_engine = "typst"              # or "weasyprint" (the print CSS route; slower)
    [districts]                       # override the recognised district of a source
    "reports/odd-page.html" = "九龙坡区"
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from pathlib import Path

from briefing.errors import BriefingError

FORMATS = ("md", "html", "pdf")
LANGUAGES = ("en", "zh-Hans", "zh-Hant", "zh-TW", "zh-HK")
PDF_ENGINES = ("typst", "weasyprint")
KEYS = {"sources", "out", "formats", "languages", "templates", "glossary", "jobs", "districts", "scheduler"}
KEYS |= {"pdf_engine"}
CONFIG_NAME = "briefing.toml"


@dataclass(frozen=True)
class Config:
    base: Path  # the folder paths are relative to
    sources: tuple[str, ...] = ("examples",)
    out: Path = Path("out")
    formats: tuple[str, ...] = FORMATS
    languages: tuple[str, ...] = ("en",)
    templates: Path | None = None
    glossary: Path | None = None
    jobs: int | None = None
    scheduler: str | None = None
    pdf_engine: str = "typst"
    districts: dict[str, str] = field(default_factory=dict)
    file: Path | None = None  # the briefing.toml it came from, if any


def load(path: Path) -> dict:
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise BriefingError(str(path), f"cannot be read: {exc.strerror or exc}") from None
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise BriefingError(str(path), f"is not valid TOML: {exc}") from None


def validate(raw: dict, base: Path, where: str) -> Config:
    def bad(key: str, expected: str, got) -> BriefingError:
        return BriefingError(where, f"key '{key}': expected {expected}, got {got!r}")

    unknown = sorted(set(raw) - KEYS)
    if unknown:
        raise BriefingError(where, f"unknown key '{unknown[0]}' (known keys: {', '.join(sorted(KEYS))})")
    values: dict = {}
    if "sources" in raw:
        s = raw["sources"]
        if isinstance(s, str):
            s = [s]
        if not isinstance(s, list) or not s or not all(isinstance(x, str) and x for x in s):
            raise bad("sources", "a list of files, folders or glob patterns", raw["sources"])
        values["sources"] = tuple(s)
    if "out" in raw:
        if not isinstance(raw["out"], str) or not raw["out"]:
            raise bad("out", "a folder name", raw["out"])
        values["out"] = Path(raw["out"])
    for key, allowed in (("formats", FORMATS), ("languages", LANGUAGES)):
        if key in raw:
            v = raw[key]
            if isinstance(v, str):
                v = [x.strip() for x in v.split(",")]
            if not isinstance(v, list) or not v or any(x not in allowed for x in v):
                raise bad(key, f"a list drawn from {', '.join(allowed)}", raw[key])
            values[key] = tuple(dict.fromkeys(v))
    for key in ("templates", "glossary"):
        if key in raw:
            if not isinstance(raw[key], str) or not raw[key]:
                raise bad(key, "a path", raw[key])
            values[key] = Path(raw[key])
    if "jobs" in raw:
        if not isinstance(raw["jobs"], int) or isinstance(raw["jobs"], bool) or raw["jobs"] < 1:
            raise bad("jobs", "a whole number of at least 1", raw["jobs"])
        values["jobs"] = raw["jobs"]
    if "scheduler" in raw:
        if not isinstance(raw["scheduler"], str) or not raw["scheduler"]:
            raise bad("scheduler", "an address such as tcp://127.0.0.1:8786", raw["scheduler"])
        values["scheduler"] = raw["scheduler"]
    if "pdf_engine" in raw:
        if raw["pdf_engine"] not in PDF_ENGINES:
            raise bad("pdf_engine", " or ".join(f'"{e}"' for e in PDF_ENGINES), raw["pdf_engine"])
        values["pdf_engine"] = raw["pdf_engine"]
    if "districts" in raw:
        d = raw["districts"]
        if not isinstance(d, dict) or not all(
            isinstance(k, str) and isinstance(v, str) and v for k, v in d.items()
        ):
            raise bad("districts", 'a table of "source path" = "district name"', d)
        values["districts"] = dict(d)
    return Config(base=base, **values)


def find_config(folder: Path) -> Config:
    """briefing.toml in the folder if there is one, else the defaults (examples/ -> out/)."""
    path = folder / CONFIG_NAME
    if path.is_file():
        return from_file(path)
    return Config(base=folder)


def from_file(path: Path) -> Config:
    config = validate(load(path), path.parent, str(path))
    return Config(**{**config.__dict__, "file": path})
