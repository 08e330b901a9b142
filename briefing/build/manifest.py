"""The manifest: what every output in the folder was made from, so the next build redoes only
what changed. Kept in the output folder as .briefing-manifest.json and written atomically, always
after the files it describes (an interrupted build leaves a manifest that is true of the files it
names, or older; a file whose bytes no longer match is made again).

    {"manifest": "briefing.manifest/1", "version": "0.1.0",
     "sources": {"<sha256 of a source>": {"district": {zh, en, code, city_zh, province_zh} | null}},
     "districts": {"<slug>": {"sources": [[name, sha256], ...], "inputs": "<sha256>"}},
     "outputs": {"<slug>/briefing.en.html": {"district": "<slug>", "sha256": "<of the bytes written>",
                                             "inputs": {"sources": [[name, sha256], ...],
                                                        "templates": "<sha256>", "glossary": "<sha256>",
                                                        "config": {...}, "version": "0.1.0"}}}}

`sources` remembers the district each source's bytes were understood to be about, so an
unchanged source is grouped without being understood again.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

from briefing.build.write import write_atomic

MANIFEST_NAME = ".briefing-manifest.json"
FORMAT = "briefing.manifest/1"


@dataclass
class Manifest:
    sources: dict[str, dict] = field(default_factory=dict)
    districts: dict[str, dict] = field(default_factory=dict)
    outputs: dict[str, dict] = field(default_factory=dict)
    overrides: dict[str, dict] = field(default_factory=dict)  # [districts] names -> the division they name

    @classmethod
    def load(cls, folder: Path) -> Manifest:
        """The manifest of a folder; an absent, unreadable or foreign one counts as empty (so
        everything is rebuilt), never as an error."""
        try:
            raw = json.loads((folder / MANIFEST_NAME).read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return cls()
        if not isinstance(raw, dict) or raw.get("manifest") != FORMAT:
            return cls()
        parts = [raw.get(k, {}) for k in ("sources", "districts", "outputs", "overrides")]
        if not all(isinstance(p, dict) for p in parts):
            return cls()
        return cls(*parts)

    def save(self, folder: Path, version: str) -> None:
        data = {
            "manifest": FORMAT,
            "version": version,
            "sources": self.sources,
            "districts": self.districts,
            "overrides": self.overrides,
            "outputs": dict(sorted(self.outputs.items())),
        }
        text = json.dumps(data, ensure_ascii=False, indent=1, sort_keys=False)
        write_atomic(folder / MANIFEST_NAME, text.encode("utf-8"))
