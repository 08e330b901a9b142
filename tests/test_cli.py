"""The command line as a user meets it: help, version, extract, build, and bad input."""

import json
import os
import subprocess
import sys

import jsonschema
import pytest

from tests.conftest import EXAMPLES, ROOT

SCHEMA = json.loads((ROOT / "briefing" / "schema" / "report.schema.json").read_text(encoding="utf-8"))


def run(*args, cwd=None):
    return subprocess.run(
        [sys.executable, "-m", "briefing", *args],
        capture_output=True,
        text=True,
        cwd=cwd or ROOT,
        env={**os.environ, "PYTHONIOENCODING": "utf-8"},
        timeout=600,
        check=False,
    )


def test_version():
    from briefing import __version__

    result = run("--version")
    assert result.returncode == 0 and result.stdout.strip() == f"briefing {__version__}"


@pytest.mark.parametrize("command", ["build", "extract"])
def test_every_subcommand_has_help_with_an_example(command):
    result = run(command, "--help")
    assert result.returncode == 0
    assert "Example: briefing " + command in result.stdout


def test_extract_json_follows_the_schema_and_quotes_the_source():
    path = EXAMPLES / "qianjiang-2020-press.txt"
    result = run("extract", str(path), "--format", "json")
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    jsonschema.validate(report, SCHEMA)
    text = path.read_text(encoding="utf-8")
    assert report["district"]["zh"] == "黔江区"
    assert all(text[f["span"][0] : f["span"][1]] == f["text"] for f in report["figures"])


def test_extract_text_names_district_and_sections():
    result = run("extract", str(EXAMPLES / "fengkai-2021-press.html"))
    assert result.returncode == 0, result.stderr
    assert "封开县 Fengkai County (441225, 肇庆市)" in result.stdout
    assert "[s1] agency: 县委政法委" in result.stdout


def test_bad_path_is_one_line_naming_it(tmp_path):
    result = run("extract", str(tmp_path / "missing.txt"))
    assert result.returncode == 1
    assert result.stderr.strip() == f"error: {tmp_path / 'missing.txt'}: no such file"


def test_empty_source_fails_its_build_and_leaves_earlier_outputs_whole(tmp_path):
    out = tmp_path / "out"
    good = tmp_path / "good.txt"
    good.write_bytes((EXAMPLES / "yuzhong-2021-meeting.txt").read_bytes())
    first = run("build", str(good), "--out", str(out), "--formats", "md,html")
    assert first.returncode == 0, first.stderr
    before = {p: p.read_bytes() for p in out.rglob("*") if p.is_file()}
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    second = run("build", str(empty), "--out", str(out), "--formats", "md,html")
    assert second.returncode == 1
    assert f"error: {empty}: is empty" in second.stderr.splitlines()
    assert {p: p.read_bytes() for p in out.rglob("*") if p.is_file() and p.name != "index.html"} == {
        p: b for p, b in before.items() if p.name != "index.html"
    }


def test_bad_option_value_names_the_option(tmp_path):
    result = run(
        "build", str(EXAMPLES / "yuzhong-2021-meeting.txt"), "--out", str(tmp_path), "--formats", "docx"
    )
    assert result.returncode == 1
    assert result.stderr.strip().startswith(
        "error: --formats: expected a comma-separated list drawn from md, html, pdf"
    )


def test_terms_lists_what_the_glossary_does_not_cover(tmp_path):
    report = tmp_path / "r.txt"
    report.write_text(
        "九龙坡区政法委\n全区“老杨群工”站点化解矛盾纠纷120件，“老杨群工”志愿者达300名。\n", encoding="utf-8"
    )
    result = run("terms", str(report))
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0].split() == ["count", "term", "tier", "rendering", "example"]
    assert any(line.split()[:3] == ["2", "老杨群工", "pinyin"] for line in lines[1:])


@pytest.mark.parametrize("command", ["terms", "watch", "serve"])
def test_more_subcommands_have_help_with_an_example(command):
    result = run(command, "--help")
    assert result.returncode == 0
    assert "Example: briefing " + command in result.stdout
