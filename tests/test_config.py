"""briefing.toml: loading (TOML -> dict) and validating (dict -> Config) are separate, and every
problem names the file, the key and what was expected."""

from pathlib import Path

import pytest

from briefing.config import Config, find_config, from_file, load, validate
from briefing.errors import BriefingError


def test_every_key_is_read(tmp_path):
    raw = {
        "sources": ["reports", "more/*.html"],
        "out": "site",
        "formats": "md, html",
        "languages": ["en"],
        "templates": "tpl",
        "glossary": "terms.toml",
        "jobs": 3,
        "scheduler": "tcp://10.0.0.5:8786",
        "districts": {"reports/odd.html": "九龙坡区"},
    }
    config = validate(raw, tmp_path, "briefing.toml")
    assert config == Config(
        base=tmp_path,
        sources=("reports", "more/*.html"),
        out=Path("site"),
        formats=("md", "html"),
        languages=("en",),
        templates=Path("tpl"),
        glossary=Path("terms.toml"),
        jobs=3,
        scheduler="tcp://10.0.0.5:8786",
        districts={"reports/odd.html": "九龙坡区"},
    )


@pytest.mark.parametrize(
    "raw, message",
    [
        ({"jobs": 0}, "briefing.toml: key 'jobs': expected a whole number of at least 1, got 0"),
        ({"jobs": True}, "briefing.toml: key 'jobs': expected a whole number of at least 1, got True"),
        (
            {"formats": ["md", "docx"]},
            ("briefing.toml: key 'formats': expected a list drawn from md, html, pdf, got ['md', 'docx']"),
        ),
        (
            {"languages": []},
            "briefing.toml: key 'languages': expected a list drawn from en, zh-Hans, zh-Hant, zh-TW, zh-HK, got []",
        ),
        (
            {"scheduler": ""},
            "briefing.toml: key 'scheduler': expected an address such as tcp://127.0.0.1:8786, got ''",
        ),
        (
            {"sources": []},
            "briefing.toml: key 'sources': expected a list of files, folders or glob patterns, got []",
        ),
        ({"out": 3}, "briefing.toml: key 'out': expected a folder name, got 3"),
        (
            {"districts": {"a.txt": 1}},
            (
                "briefing.toml: key 'districts': expected a table of \"source path\" = "
                "\"district name\", got {'a.txt': 1}"
            ),
        ),
        (
            {"output": "x"},
            (
                "briefing.toml: unknown key 'output' (known keys: districts, formats, glossary, jobs, "
                "languages, out, pdf_engine, scheduler, sources, templates)"
            ),
        ),
        (
            {"pdf_engine": "latex"},
            "briefing.toml: key 'pdf_engine': expected \"typst\" or \"weasyprint\", got 'latex'",
        ),
    ],
)
def test_a_wrong_value_names_the_key_and_what_was_expected(raw, message):
    with pytest.raises(BriefingError) as error:
        validate(raw, Path("."), "briefing.toml")
    assert str(error.value) == message


def test_invalid_toml_names_the_file(tmp_path):
    (tmp_path / "briefing.toml").write_text("formats = [md]\n", encoding="utf-8")
    with pytest.raises(BriefingError, match=r"briefing\.toml: is not valid TOML"):
        load(tmp_path / "briefing.toml")


def test_the_file_is_found_in_the_folder_and_paths_are_relative_to_it(tmp_path):
    assert find_config(tmp_path) == Config(base=tmp_path)
    (tmp_path / "briefing.toml").write_text('out = "site"\njobs = 2\n', encoding="utf-8")
    config = from_file(tmp_path / "briefing.toml")
    assert config.base == tmp_path and config.out == Path("site") and config.jobs == 2
    assert config.file == tmp_path / "briefing.toml"
