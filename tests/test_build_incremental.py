"""Incremental builds: only what changed is made again, judged by content hashes kept in the
output folder's manifest; removed sources take their outputs with them."""

import hashlib
import json
import os
import shutil

import pytest

from briefing import __version__
from briefing.build.manifest import MANIFEST_NAME
from briefing.build.plan import builtin_templates, safe_slug
from briefing.build.progress import Reporter
from briefing.build.run import build
from briefing.config import Config, validate
from tests.conftest import EXAMPLES

SOURCES = [
    "jiulongpo-2019-highlights.txt",
    "jiulongpo-2020-review.txt",
    "qianjiang-2020-press.txt",
    "yuzhong-2021-meeting.txt",
]
MD_HTML = ("md", "html")
ALL = [
    "index.html",
    "jiulongpo-district/briefing.en.html",
    "jiulongpo-district/briefing.en.md",
    "qianjiang-district/briefing.en.html",
    "qianjiang-district/briefing.en.md",
    "yuzhong-district/briefing.en.html",
    "yuzhong-district/briefing.en.md",
]
EXTRA = "\n2021年，渝中区新增专职人民调解员120名，同比增长15.4%。\n"


class Phases(Reporter):
    def __init__(self):
        self.phases = []

    def phase(self, title, total):
        self.phases.append((title, total))


@pytest.fixture
def site(tmp_path):
    src = tmp_path / "reports"
    src.mkdir()
    for name in SOURCES:
        shutil.copy(EXAMPLES / name, src / name)
    return tmp_path


def run(site, **kw):
    raw = {"sources": ["reports"], **kw.pop("toml", {})}
    return build(validate(raw, site, "briefing.toml"), formats=MD_HTML, jobs=1, **kw)


def files(site):
    out = site / "out"
    return {
        p.relative_to(out).as_posix(): p.read_bytes()
        for p in sorted(out.rglob("*"))
        if p.is_file() and not any(part.startswith(".") for part in p.relative_to(out).parts)
    }


def stamps(site):
    out = site / "out"
    return {rel: (out / rel).stat().st_mtime_ns for rel in files(site)}


def test_first_build_makes_everything_and_a_second_makes_nothing(site):
    first = run(site)
    assert first.summary() == "7 rebuilt, 0 up to date, 0 removed, 0 failed"
    assert sorted(first.written) == ALL
    phases = Phases()
    again = run(site, progress=phases)
    assert again.summary() == "0 rebuilt, 7 up to date, 0 removed, 0 failed"
    assert phases.phases == []  # nothing understood, nothing rendered


def test_changing_one_source_rebuilds_only_its_district(site):
    run(site)
    before, when = files(site), stamps(site)
    with open(site / "reports" / "yuzhong-2021-meeting.txt", "a", encoding="utf-8") as fh:
        fh.write(EXTRA)
    phases = Phases()
    result = run(site, progress=phases)
    assert result.summary() == "3 rebuilt, 4 up to date, 0 removed, 0 failed"
    assert sorted(result.written) == [
        "index.html",
        "yuzhong-district/briefing.en.html",
        "yuzhong-district/briefing.en.md",
    ]
    assert phases.phases == [("understanding", 1), ("building", 1)]
    after, later = files(site), stamps(site)
    assert {rel for rel in ALL if after[rel] != before[rel]} >= {
        "yuzhong-district/briefing.en.md",
        "yuzhong-district/briefing.en.html",
    }
    assert "120" in after["yuzhong-district/briefing.en.md"].decode("utf-8")
    for rel in ALL:
        if not rel.startswith("yuzhong-district/") and rel != "index.html":
            assert after[rel] == before[rel] and later[rel] == when[rel]  # not even rewritten


def test_changing_a_user_template_rebuilds_everything(site):
    templates = site / "my-templates"
    templates.mkdir()
    shutil.copy(builtin_templates() / "style.css", templates / "style.css")
    run(site, toml={"templates": "my-templates"})
    with open(templates / "style.css", "a", encoding="utf-8") as fh:
        fh.write("\nh1 { letter-spacing: .01em; }\n")
    result = run(site, toml={"templates": "my-templates"})
    assert result.summary() == "7 rebuilt, 0 up to date, 0 removed, 0 failed"
    assert b"letter-spacing: .01em" in files(site)["qianjiang-district/briefing.en.html"]


def test_changing_the_glossary_rebuilds_everything(site):
    (site / "terms.toml").write_text('[extra]\n"无关术语" = "unrelated term"\n', encoding="utf-8")
    run(site, toml={"glossary": "terms.toml"})
    (site / "terms.toml").write_text('[extra]\n"无关术语" = "an unrelated term"\n', encoding="utf-8")
    assert (
        run(site, toml={"glossary": "terms.toml"}).summary() == "7 rebuilt, 0 up to date, 0 removed, 0 failed"
    )


def test_removing_the_only_source_of_a_district_removes_its_outputs(site):
    run(site)
    (site / "reports" / "yuzhong-2021-meeting.txt").unlink()
    result = run(site)
    assert result.summary() == "1 rebuilt, 4 up to date, 2 removed, 0 failed"
    assert sorted(result.removed) == ["yuzhong-district/briefing.en.html", "yuzhong-district/briefing.en.md"]
    assert not (site / "out" / "yuzhong-district").exists()
    assert "yuzhong-district" not in (site / "out" / "index.html").read_text(encoding="utf-8")


def test_removing_one_of_two_sources_rebuilds_the_district(site):
    run(site)
    (site / "reports" / "jiulongpo-2019-highlights.txt").unlink()
    result = run(site)
    assert result.summary() == "3 rebuilt, 4 up to date, 0 removed, 0 failed"
    md = files(site)["jiulongpo-district/briefing.en.md"].decode("utf-8")
    assert "2020年工作总结" in md and "九龙坡区2019年政法工作亮点回顾" not in md


def test_a_source_that_changes_district_moves_its_outputs(site):
    run(site)
    jiulongpo = (EXAMPLES / "jiulongpo-2020-review.txt").read_text(encoding="utf-8")
    (site / "reports" / "yuzhong-2021-meeting.txt").write_text(jiulongpo + EXTRA, encoding="utf-8")
    result = run(site)
    assert result.summary() == "3 rebuilt, 2 up to date, 2 removed, 0 failed"
    assert sorted(result.written) == [
        "index.html",
        "jiulongpo-district/briefing.en.html",
        "jiulongpo-district/briefing.en.md",
    ]


def test_a_deleted_or_damaged_output_is_made_again(site):
    run(site)
    out = site / "out"
    good = (out / "qianjiang-district" / "briefing.en.html").read_bytes()
    (out / "qianjiang-district" / "briefing.en.html").write_bytes(good[: len(good) // 2])
    (out / "jiulongpo-district" / "briefing.en.md").unlink()
    result = run(site)
    assert result.summary() == "2 rebuilt, 5 up to date, 0 removed, 0 failed"
    assert (out / "qianjiang-district" / "briefing.en.html").read_bytes() == good


def test_force_rebuilds_everything(site):
    run(site)
    assert run(site, force=True).summary() == "7 rebuilt, 0 up to date, 0 removed, 0 failed"


def test_a_new_format_is_added_without_rebuilding_the_others(site):
    run(site)
    result = build(
        validate({"sources": ["reports"]}, site, "briefing.toml"),
        formats=("md", "html"),
        languages=("en",),
        jobs=1,
    )
    assert result.summary() == "0 rebuilt, 7 up to date, 0 removed, 0 failed"


def test_the_manifest_records_inputs_and_output_hashes(site):
    run(site)
    manifest = json.loads((site / "out" / MANIFEST_NAME).read_text(encoding="utf-8"))
    assert manifest["manifest"] == "briefing.manifest/1" and manifest["version"] == __version__
    assert sorted(manifest["outputs"]) == ALL
    for rel, rec in manifest["outputs"].items():
        assert rec["sha256"] == hashlib.sha256((site / "out" / rel).read_bytes()).hexdigest()
    md = manifest["outputs"]["jiulongpo-district/briefing.en.md"]["inputs"]
    assert [os.path.basename(name) for name, _ in md["sources"]] == SOURCES[:2]
    assert md["sources"][0][1] == hashlib.sha256((site / "reports" / SOURCES[0]).read_bytes()).hexdigest()
    assert md["version"] == __version__ and md["config"] == {"format": "md", "lang": "en", "overrides": []}
    assert set(md) == {"sources", "templates", "glossary", "config", "version", "code"}
    districts = {rec["district"]["zh"] for rec in manifest["sources"].values()}
    assert districts == {"九龙坡区", "黔江区", "渝中区"}


def test_a_district_override_regroups_a_source_and_cannot_leave_the_output_folder(site):
    run(site)
    result = run(site, toml={"districts": {"reports/yuzhong-2021-meeting.txt": "黔江区"}})
    assert result.summary() == "3 rebuilt, 2 up to date, 2 removed, 0 failed"
    md = files(site)["qianjiang-district/briefing.en.md"].decode("utf-8")
    assert "渝中区召开2021年政法工作会议" in md
    escape = run(site, toml={"districts": {"reports/yuzhong-2021-meeting.txt": "../../../etc"}})
    assert escape.failed == [
        "briefing.toml: key 'districts': '../../../etc' is not a county-level division name"
    ]
    assert sorted(p.name for p in site.iterdir()) == ["out", "reports"]
    assert safe_slug("../..") == "unidentified" and safe_slug("/etc/passwd") == "etc-passwd"


def test_builtin_templates_are_the_renderers():
    from briefing.render.templates import builtin_folder

    assert builtin_templates() == builtin_folder()


def test_no_source_understood_writes_nothing(tmp_path):
    (tmp_path / "empty.txt").write_bytes(b"")
    result = build(Config(base=tmp_path, sources=("empty.txt",)), formats=MD_HTML, jobs=1)
    assert result.summary() == "0 rebuilt, 0 up to date, 0 removed, 1 failed"
    assert not any(p.is_file() and not p.name.startswith(".") for p in (tmp_path / "out").rglob("*"))


def test_any_change_to_the_package_code_or_data_changes_the_fingerprint(tmp_path):
    from briefing.build.run import fingerprint_of

    (tmp_path / "english").mkdir()
    (tmp_path / "english" / "sentences.py").write_text("A = 1\n")
    (tmp_path / "english" / "glossary.toml").write_text("[x]\n")
    first = fingerprint_of(tmp_path)
    (tmp_path / "english" / "sentences.py").write_text("A = 2\n")
    second = fingerprint_of(tmp_path)
    (tmp_path / "english" / "glossary.toml").write_text("[y]\n")
    assert len({first, second, fingerprint_of(tmp_path)}) == 3
