"""The documentation tells the truth: the CLI reference is current and CI runs the README's
test command exactly."""

import re

from tests.conftest import ROOT


def test_cli_reference_is_generated_from_current_help():
    import importlib.util

    spec = importlib.util.spec_from_file_location("cli_reference", ROOT / "tools" / "cli_reference.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    assert (ROOT / "docs" / "cli.md").read_text(encoding="utf-8") == module.reference()


def test_ci_runs_the_readme_test_command_exactly():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    commands = re.findall(r"```sh\n(.+?)\n```", readme)
    test_command = next(c for c in commands if "pytest" in c)
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8").splitlines()
    assert test_command in ci


def test_readme_pictures_exist():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for picture in re.findall(r"\]\((docs/[^)]+\.png)\)", readme):
        assert (ROOT / picture).stat().st_size > 10_000


def test_template_context_is_documented_field_by_field():
    import dataclasses

    from briefing import compose

    doc = (ROOT / "docs" / "templates.md").read_text(encoding="utf-8")
    for cls in (
        compose.Briefing,
        compose.SourceView,
        compose.SectionView,
        compose.SentenceView,
        compose.FigureView,
        compose.InitiativeView,
        compose.ChartBar,
        compose.AppendixSource,
        compose.Segment,
    ):
        for field in dataclasses.fields(cls):
            assert f"`{field.name}`" in doc, (
                f"{cls.__name__}.{field.name} is not documented in docs/templates.md"
            )
