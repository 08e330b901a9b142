"""Templates: the user's folder first, `default:` for ours, and Chinese briefings in their script."""

import pytest

from briefing.compose import compose
from briefing.english.glossary import Glossary
from briefing.read import read_source
from briefing.render import render_formats
from briefing.render.markdown import render_markdown
from briefing.render.templates import environments
from briefing.understand import understand
from briefing.understand.normalize import is_traditional
from tests.conftest import EXAMPLES


@pytest.fixture(scope="module")
def reports(gazetteer):
    return [understand(read_source(EXAMPLES / "jinniu-2019-highlights-tw.txt"), gazetteer)]


def test_user_template_extends_ours_and_replaces_one_block(tmp_path, reports):
    (tmp_path / "briefing.md.j2").write_text(
        '{% extends "default:briefing.md.j2" %}{% block metrics %}## Our own table{% endblock %}',
        encoding="utf-8",
    )
    md_env, _ = environments(tmp_path)
    md = render_markdown(compose(reports, Glossary.load()), md_env)
    assert "## Our own table" in md
    assert "## Metrics" not in md
    assert "## Highlights" in md


def test_builtin_templates_without_a_user_folder(reports):
    md_env, _ = environments(None)
    md = render_markdown(compose(reports, Glossary.load()), md_env)
    assert md.startswith("# Jinniu District · 金牛区")


@pytest.mark.parametrize(
    "lang, html_lang, traditional",
    [
        ("zh-Hans", "zh-Hans", False),
        ("zh-Hant", "zh-Hant", True),
        ("zh-TW", "zh-Hant-TW", True),
        ("zh-HK", "zh-Hant-HK", True),
    ],
)
def test_chinese_briefings_are_in_their_script(reports, lang, html_lang, traditional):
    md_env, html_env = environments(None)
    out = render_formats(compose(reports, Glossary.load(), lang), ("md", "html"), md_env, html_env)
    md, html = out["md"].decode("utf-8"), out["html"].decode("utf-8")
    assert is_traditional(md) is traditional
    assert f'<html lang="{html_lang}">' in html
    assert ("金牛區" if traditional else "金牛区") in md


def test_the_chart_draws_every_reported_change_with_an_english_label(gazetteer):
    report = understand(read_source(EXAMPLES / "qianjiang-2020-press.txt"), gazetteer)
    chart = compose([report], Glossary.load(None), "en").chart
    assert [(bar.label, str(bar.value)) for bar in chart][-2:] == [
        ("Petition matters accepted", "-18.6"),
        ("Petition matters accepted (2nd)", "-13.2"),
    ]
    assert all(not any("\u4e00" <= c <= "\u9fff" for c in bar.label) for bar in chart)


def test_a_second_figure_of_one_indicator_is_named_in_the_metrics_table(gazetteer):
    report = understand(read_source(EXAMPLES / "qianjiang-2020-press.txt"), gazetteer)
    metrics = compose([report], Glossary.load(None), "en").metrics
    rows = {(m.amount, m.indicator) for m in metrics}
    assert ("782 case-visits", "Petition matters accepted") in rows
    assert ("1,304 person-visits", "Petition matters accepted") in rows
